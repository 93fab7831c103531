"""The declassification date lies more than 25 years after the DTG, without an exemption.

What it does
    Counts whole years from the DTG date to the date of the E.O. line (29 February counts to
    1 March in common years) and reports 26 or more, unless the line names an exemption code
    (`X1`-`X8`, `25X1`-`25X9`, `OADR 1.6Xn`) (ENVELOPE.md C13). A date a few days past the
    25th anniversary still counts as 25 years, as the corpus measures them.

Why it matters
    E.O. 12958 as amended in 2003 allows at most 25 years before automatic declassification;
    information kept longer needs an exemption code (25X1 ... 25X9). Genuine cables use 10, 20
    or 25 years; one Cablegate cable writes 30 (`DECL: 08/10/2038` on a 2008 cable), beyond the
    ceiling. A date this far out is usually a slip of the year (`2049` for `2019`).

Example
    Forty years, and no exemption (bad: D209 at 9:19)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1106/01 2521657
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106
        E.O. 12958: DECL: 09/09/2049
        TAGS: GM PREL PGOV
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

    Use instead: at most 25 years (good)::

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
    Correct the year, or mark the exemption that allows the longer period.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Cable
from validator.rules._dates import (
    add_years,
    day_name,
    declassification_date,
    whole_years,
    written_like,
)

CODE = "D209"
NAME = "declassification-beyond-25-years"
SEVERITY = Severity.WARNING
SUMMARY = "declassification date more than 25 years after the DTG, without an exemption"
READS = ("eo", "dtg")

_CEILING = 25


def check(cable: Cable) -> Iterator[Diagnostic]:
    eo, dtg, dated = cable.eo, cable.dtg, cable.dtg_datetime
    if eo is None or dtg is None or dated is None:
        return
    written = eo.decl_date or eo.code_date
    declassify = declassification_date(cable)
    if written is None or declassify is None:
        return
    if eo.code is not None and "X" in eo.code.text.upper():  # X1-X8, 25X1-25X9, OADR 1.6Xn
        return
    years = whole_years(dated.date(), declassify)
    if years <= _CEILING:
        return
    ceiling = written_like(written.text, add_years(dated.date(), _CEILING))
    yield Diagnostic(
        CODE,
        SEVERITY,
        f"declassification date `{written.text}` is {years} years after the DTG",
        written.span,
        f"more than {_CEILING} years",
        secondary=(Label(dtg.group.span, f"the message is dated {day_name(dated)}"),),
        help=f"the latest date without an exemption is `{ceiling}`; check the year",
        notes=(
            "E.O. 12958 as amended (2003) and E.O. 13526 allow at most 25 years; longer needs "
            "an exemption code such as `25X1`",
        ),
    )
