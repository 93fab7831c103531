"""The declassification date on the E.O. line does not exist.

What it does
    Reads the date of the E.O. line (`DECL: 09/09/2019`, `DECL: 2019/09/09`, `DECL: 9/9/19`,
    `DECL: OCTOBER 20, 2007`, a `DNG: CO` date, the date after an older order's code) as
    month/day/year, or year/month/day when it starts with four digits (ENVELOPE.md 2.14), and
    reports a month outside 1-12 or a day the month does not have (`02/30/2019`, `13/01/2019`,
    `02/29/2019`). The finding stands on the impossible part.

Why it matters
    The declassification date decides when the telegram may be released; a date that does not
    exist cannot be applied, and every later check of it (D203, D209) is blind. The grammar
    accepts any digits in the date form, so only this rule sees the defect. A month above 12
    with a day of 12 or less is usually a day and month written the European way round.

Example
    Day and month are swapped (bad: D204 at 9:19)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1106/01 2521657
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106
        E.O. 12958: DECL: 14/09/2019
        TAGS: GM PREL PGOV
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

    Use instead (good)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1106/01 2521657
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106
        E.O. 12958: DECL: 09/14/2019
        TAGS: GM PREL PGOV
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

Fix
    Write the date month first (`MM/DD/YYYY`). When swapping day and month gives a real date,
    the help line shows it (an unsafe fix: the original decides).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date

from validator.diagnostics import Diagnostic, Fix, Severity
from validator.model import Cable, Field, full_year, parse_written_date
from validator.rules._dates import part

CODE = "D204"
NAME = "impossible-declassification-date"
SEVERITY = Severity.ERROR
SUMMARY = "declassification date on the E.O. line does not exist"
READS = ("eo",)


def check(cable: Cable) -> Iterator[Diagnostic]:
    if cable.eo is None:
        return
    for written in (cable.eo.decl_date, cable.eo.code_date):
        if written is not None and "/" in written.text:
            finding = _check_numeric(written)
            if finding is not None:
                yield finding
        elif written is not None and parse_written_date(written.text) is None:
            yield Diagnostic(
                CODE,
                SEVERITY,
                f"declassification date `{written.text}` does not exist",
                written.span,
                "not a real date",
                help="write the date as `MM/DD/YYYY`",
            )


def _check_numeric(written: Field) -> Diagnostic | None:
    pieces = written.text.split("/")
    numbers = [int(piece) for piece in pieces]
    offsets = [0, len(pieces[0]) + 1, len(pieces[0]) + len(pieces[1]) + 2]
    if numbers[0] > 999:  # YYYY/MM/DD
        year, month, day = numbers
        month_at, day_at = 1, 2
    else:
        month, day = numbers[0], numbers[1]
        year = numbers[2] if numbers[2] > 999 else full_year(numbers[2])
        month_at, day_at = 0, 1
    if not 1 <= month <= 12:
        at = part(written.span, offsets[month_at], len(pieces[month_at]))
        swapped = _swapped(pieces, month_at, day_at, year, day, month)
        return Diagnostic(
            CODE,
            SEVERITY,
            f"declassification date `{written.text}` has no month `{pieces[month_at]}`",
            at,
            "months run from 1 to 12",
            help=f"did you mean `{swapped}` (day and month swapped)?"
            if swapped
            else "write the date as `MM/DD/YYYY`",
            fix=Fix(written.span, swapped, f"write `{swapped}`", safe=False) if swapped else None,
        )
    if 1 <= day <= 28:
        return None  # a day of every month: the calendar need not be asked
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        at = part(written.span, offsets[day_at], len(pieces[day_at]))
        leap = month == 2 and days == 28
        return Diagnostic(
            CODE,
            SEVERITY,
            f"declassification date `{written.text}` does not exist",
            at,
            f"{year} is not a leap year: February has 28 days"
            if leap
            else f"{calendar.month_name[month]} has {days} days",
            help="correct the day from the original",
        )
    return None


def _swapped(
    pieces: list[str], month_at: int, day_at: int, year: int, day: int, month: int
) -> str | None:
    """The date with day and month exchanged, in the same form, when that is a real date."""
    try:
        date(year, day, month)
    except ValueError:
        return None
    exchanged = list(pieces)
    exchanged[month_at], exchanged[day_at] = pieces[day_at], pieces[month_at]
    return "/".join(exchanged)
