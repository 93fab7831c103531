"""The date-time group, or the DE line's time of file, names a moment that does not exist.

What it does
    Checks each part of the DTG group `DDHHMMZ MON YY` (FL5): the month is one of `JAN` ...
    `DEC`, the day exists in that month and year (`31 APR`, `30 FEB` and `29 FEB` in a common
    year do not), the hour is 00-23 and the minute 00-59 (ENVELOPE.md 2.5). The time of file on
    the DE line (FL3 `HHMM`) must likewise be a time of day (2.3). Each impossible part is a
    finding of its own, on that part.

Why it matters
    The DTG is the official date of the message and the key archives file it under. All 351
    Cablegate DTGs and all 342 of the older corpus are real moments; an impossible one was
    mistyped or damaged, and every check that compares dates (Julian day, declassification
    date, executive order in force) is then blind. When the DE line survives, its Julian day
    usually tells which date was meant; the help line gives it.

Example
    There is no 31 April (bad: D201 at 5:3)::

        VZCZCXRO1535
        OO RUEHAG
        DE RUEHTA #0480/01 1200952
        ZNR UUUUU ZZH
        O 310952Z APR 09
        FM AMEMBASSY ASTANA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
        UNCLAS SECTION 01 OF 02 ASTANA 000480
        E.O. 12958: N/A
        TAGS: PGOV KZ
        SUBJECT: ALMATY NOTES

    Use instead: the DE line's day 120 is 30 April (good)::

        VZCZCXRO1535
        OO RUEHAG
        DE RUEHTA #0480/01 1200952
        ZNR UUUUU ZZH
        O 300952Z APR 09
        FM AMEMBASSY ASTANA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
        UNCLAS SECTION 01 OF 02 ASTANA 000480
        E.O. 12958: N/A
        TAGS: PGOV KZ
        SUBJECT: ALMATY NOTES

Fix
    Correct the part from the original. No automatic fix: only the original shows which digit
    was mistyped, although the DE line's Julian day is a strong hint for the date.
"""

from __future__ import annotations

import calendar
import difflib
from collections.abc import Iterator
from datetime import date, timedelta

from validator.diagnostics import Diagnostic, Severity
from validator.model import MONTHS, Cable, DeLine, Dtg
from validator.rules._dates import day_name, dtg_part, part
from validator.source import Span

CODE = "D201"
NAME = "impossible-date-time"
SEVERITY = Severity.ERROR
SUMMARY = "DTG or DE-line time of file names a date or time that does not exist"
READS = ("dtg", "de_line")

_HOURS = "hours run from `00` to `23`; midnight is hour `00` of the next day"
_MINUTES = "minutes run from `00` to `59`"


def check(cable: Cable) -> Iterator[Diagnostic]:
    # A DTG that names a real moment has nothing to report (the datetime is the cable's own).
    if cable.dtg is not None and cable.dtg_datetime is None:
        yield from _check_dtg(cable.dtg, cable.de_line)
    if cable.de_line is not None:
        yield from _check_time_of_file(cable.de_line)


def _check_dtg(dtg: Dtg, de: DeLine | None) -> Iterator[Diagnostic]:
    month = dtg.month_number
    if month is None:
        close = [m for m in MONTHS if sorted(m) == sorted(dtg.month)] or difflib.get_close_matches(
            dtg.month, MONTHS, n=1
        )
        yield _finding(
            f"unknown month `{dtg.month}` in the DTG",
            dtg_part(dtg, "month"),
            "not a month",
            f"did you mean `{close[0]}`?" if close else "write the month as `JAN` ... `DEC`",
        )
    else:
        days = calendar.monthrange(dtg.full_year, month)[1]
        if not 1 <= dtg.day <= days:
            yield _finding(
                f"day `{dtg.day:02d}` does not exist in {calendar.month_name[month]} "
                f"{dtg.full_year}",
                dtg_part(dtg, "day"),
                _days_in(month, dtg.full_year, days),
                _hint_from_de(dtg, de),
            )
    if dtg.hour > 23:
        yield _finding(f"hour `{dtg.hour:02d}` in the DTG", dtg_part(dtg, "hour"), _HOURS)
    if dtg.minute > 59:
        yield _finding(f"minute `{dtg.minute:02d}` in the DTG", dtg_part(dtg, "minute"), _MINUTES)


def _check_time_of_file(de: DeLine) -> Iterator[Diagnostic]:
    if de.hour > 23:
        yield _finding(
            f"hour `{de.hour:02d}` in the DE-line time of file", part(de.time.span, 0, 2), _HOURS
        )
    if de.minute > 59:
        yield _finding(
            f"minute `{de.minute:02d}` in the DE-line time of file",
            part(de.time.span, 2, 2),
            _MINUTES,
        )


def _days_in(month: int, year: int, days: int) -> str:
    if month == 2 and days == 28:
        return f"{year} is not a leap year: February has 28 days"
    return f"{calendar.month_name[month]} has {days} days"


def _hint_from_de(dtg: Dtg, de: DeLine | None) -> str | None:
    """The date the DE line's Julian day names, when it lies in the DTG's year."""
    if de is None or not 1 <= de.day_of_year <= (366 if calendar.isleap(dtg.full_year) else 365):
        return "correct the day from the original"
    filed = date(dtg.full_year, 1, 1) + timedelta(days=de.day_of_year - 1)
    return f"the DE line's Julian day `{de.julian_day.text}` is {day_name(filed)}"


def _finding(message: str, span: Span, label: str, help: str | None = None) -> Diagnostic:
    return Diagnostic(CODE, SEVERITY, message, span, label, help=help)
