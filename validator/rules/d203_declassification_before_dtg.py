"""The declassification date is not later than the date of the message.

What it does
    Compares the date of the E.O. line (`DECL: 09/09/2019`, also a `DNG: CO` downgrade date or
    the date after an older order's code such as `GDS 8/12/85`) with the DTG date (ENVELOPE.md
    C13a). The check runs only when both dates exist and are real dates.

Why it matters
    A declassification date on or before the day the message was sent would declassify it at
    once. Every parsable date of the 376 Cablegate cables lies after the DTG (321 of 321); the two
    older cables that break the rule (`DECL: 08/08/97` on a DTG of 8 August 1997) carry the
    drafting date with the years left out, which is what this finding usually reveals.

Example
    The date is the day of the message, not ten years later (bad: D203 at 9:19)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1106/01 2521657
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106
        E.O. 12958: DECL: 09/09/2009
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
        E.O. 12958: DECL: 09/09/2019
        TAGS: GM PREL PGOV
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

Fix
    Write the date the classifier chose; under E.O. 12958 it is usually ten years after the
    DTG, which the help line suggests (an unsafe fix: the period is the classifier's choice).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.model import Cable
from validator.rules._dates import add_years, day_name, declassification_date, written_like

CODE = "D203"
NAME = "declassification-before-dtg"
SEVERITY = Severity.ERROR
SUMMARY = "declassification date is not later than the DTG date"
READS = ("eo", "dtg")


def check(cable: Cable) -> Iterator[Diagnostic]:
    eo, dtg, dated = cable.eo, cable.dtg, cable.dtg_datetime
    if eo is None or dtg is None or dated is None:
        return
    written = eo.decl_date or eo.code_date
    declassify = declassification_date(cable)
    if written is None or declassify is None or declassify > dated.date():
        return
    when = "the same day as" if declassify == dated.date() else "before"
    ten_years = add_years(dated.date(), 10)
    suggestion = written_like(written.text, ten_years)
    yield Diagnostic(
        CODE,
        SEVERITY,
        f"declassification date `{written.text}` is {when} the DTG",
        written.span,
        day_name(declassify),
        secondary=(Label(dtg.group.span, f"the message is dated {day_name(dated)}"),),
        help=f"ten years after the DTG would be `{suggestion}`",
        notes=(
            "a date without its years (the drafting date) is the usual cause",
            "E.O. 12958 set a default of ten years, up to 25 after its 2003 amendment",
        ),
        fix=Fix(written.span, suggestion, f"declassify on {suggestion}", safe=False),
    )
