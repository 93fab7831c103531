"""The DE line's time of file is more than half an hour off the DTG time.

What it does
    Compares the time of file of the DE line (FL3 `HHMM` after the Julian day) with the DTG
    time as whole date-times (a time of file just after midnight counts on the next day) and
    reports a difference of more than 30 minutes on the same day (ENVELOPE.md C1). Smaller
    differences are D206 (info); a Julian day that names another date is D202.

Why it matters
    Both times come from the station clock. No real cable differs by more than 24 minutes
    (303 of 324 Cablegate cables agree exactly); a larger difference usually means one of the
    times was mistyped (`1657` read `1567`, hours and minutes swapped), which puts the
    official time of the message in doubt.

Example
    Hours and minutes of the time of file slipped (bad: D207 at 3:23)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1106/01 2521557
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
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
    Correct whichever time the original shows; the help line gives the DTG time.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Severity
from validator.model import Cable
from validator.rules._dates import TIME_OF_FILE_LIMIT, time_of_file_finding

CODE = "D207"
NAME = "time-of-file-far-off"
SEVERITY = Severity.WARNING
SUMMARY = "DE-line time of file differs from the DTG time by more than 30 minutes"
READS = ("de_line", "dtg")


def check(cable: Cable) -> Iterator[Diagnostic]:
    found = time_of_file_finding(
        cable, CODE, SEVERITY, lambda offset: abs(offset) > TIME_OF_FILE_LIMIT
    )
    if found is not None:
        yield found
