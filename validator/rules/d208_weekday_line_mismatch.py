"""The newspaper-style weekday date line disagrees with the DTG or with its own weekday.

What it does
    Reads the weekday date line that some archives put between the addressees and the
    classification line (`Tuesday, 17 November 2009, 09:42`; ENVELOPE.md 2.0, 4.8) and checks
    that it names a real date, that date and time equal the DTG, and that the weekday is the
    weekday of that date (C19). Without a DTG (partial extracts) only the weekday is checked.

Why it matters
    The line was written from the DTG: all 32 dated Cablegate cables that carry one agree in
    date, time and weekday. A disagreement means the line or the DTG was altered; readers who
    date the cable by the line are misled.

Example
    The line says Wednesday 18 November; the DTG is Tuesday 17 November (bad: D208 at 12:1)::

        VZCZCXRO3390
        OO RUEHDA
        DE RUEHAK #1702/01 3210942
        ZNY CCCCC ZZH
        O 170942Z NOV 09
        FM AMEMBASSY ANKARA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 1193
        INFO RUEHYE/AMEMBASSY YEREVAN PRIORITY 2280
        RUEHKB/AMEMBASSY BAKU PRIORITY 1611
        RUEHIT/AMCONSUL ISTANBUL PRIORITY 5546
        RUEHDA/AMCONSUL ADANA PRIORITY 3902
        Wednesday, 18 November 2009, 09:42
        C O N F I D E N T I A L SECTION 01 OF 02 ANKARA 001702
        SIPDIS
        EO 12958 DECL: 11/17/2019
        TAGS PREL, PGOV, TU, AM, AJ
        SUBJECT: TURKEY-ARMENIA: MFA SAYS RATIFICATION MUST WAIT
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

    Use instead (good)::

        VZCZCXRO3390
        OO RUEHDA
        DE RUEHAK #1702/01 3210942
        ZNY CCCCC ZZH
        O 170942Z NOV 09
        FM AMEMBASSY ANKARA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 1193
        INFO RUEHYE/AMEMBASSY YEREVAN PRIORITY 2280
        RUEHKB/AMEMBASSY BAKU PRIORITY 1611
        RUEHIT/AMCONSUL ISTANBUL PRIORITY 5546
        RUEHDA/AMCONSUL ADANA PRIORITY 3902
        Tuesday, 17 November 2009, 09:42
        C O N F I D E N T I A L SECTION 01 OF 02 ANKARA 001702
        SIPDIS
        EO 12958 DECL: 11/17/2019
        TAGS PREL, PGOV, TU, AM, AJ
        SUBJECT: TURKEY-ARMENIA: MFA SAYS RATIFICATION MUST WAIT
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

Fix
    Rewrite the line from the DTG (the help line shows it). The line is the archive's, not
    the telegram's: when the DTG is the damaged field, correct the DTG instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.model import Cable, PreambleLine
from validator.rules._dates import day_name, part

CODE = "D208"
NAME = "weekday-line-mismatch"
SEVERITY = Severity.ERROR
SUMMARY = "weekday date line disagrees with the DTG or names the wrong weekday"
READS = ("preamble", "foreign_lines", "dtg")


def check(cable: Cable) -> Iterator[Diagnostic]:
    dated = cable.dtg_datetime
    for line in (*cable.preamble, *cable.foreign_lines):
        named = line.weekday
        if named is None:
            continue
        moment = line.weekday_datetime
        if dated is not None and moment != dated:
            yield _disagrees_with_dtg(cable, line, moment, dated)
        elif moment is None:
            yield Diagnostic(
                CODE,
                SEVERITY,
                "the weekday line names a date that does not exist",
                line.span,
                "no such date",
                help="correct the date from the original",
            )
        elif named.lower() != f"{moment:%A}".lower():
            weekday = part(line.span, 0, len(named))
            yield Diagnostic(
                CODE,
                SEVERITY,
                f"{day_name(moment)} was a {moment:%A}, not a {named}",
                weekday,
                f"should be `{moment:%A}`",
                help=f"did you mean `{moment:%A}`?",
                fix=Fix(weekday, f"{moment:%A}", f"write {moment:%A}", safe=dated is not None),
            )


def _disagrees_with_dtg(
    cable: Cable, line: PreambleLine, moment: datetime | None, dated: datetime
) -> Diagnostic:
    expected = _written(dated)
    what = "date" if moment is None or moment.date() != dated.date() else "time"
    secondary = (
        (Label(cable.dtg.group.span, f"the DTG says {_written(dated)}"),) if cable.dtg else ()
    )
    return Diagnostic(
        CODE,
        SEVERITY,
        f"the weekday line's {what} disagrees with the DTG",
        line.span,
        "no such date" if moment is None else f"names {_written(moment)}",
        secondary=secondary,
        help=f"did you mean `{expected}`?",
        fix=Fix(line.span, expected, "rewrite the line from the DTG", safe=False),
    )


def _written(moment: datetime) -> str:
    """`Tuesday, 17 November 2009, 09:42`: the line as the archive writes it."""
    return f"{moment:%A}, {moment:%d} {moment:%B} {moment.year}, {moment:%H:%M}"
