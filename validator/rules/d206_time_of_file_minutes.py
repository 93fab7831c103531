"""The DE line's time of file is a few minutes off the DTG time.

What it does
    Compares the time of file of the DE line (FL3 `HHMM` after the Julian day) with the DTG
    time, as whole date-times so that a time of file just after midnight counts on the next
    day (ENVELOPE.md C1). A difference of 30 minutes or less is reported here as a hint; a
    larger one is D207, a different day D202.

Why it matters
    Both times come from the station clock and are equal in 303 of 324 Cablegate cables.
    The 21 others differ by +1 to +24 minutes, mostly Department cables (`DE RUEHC`) filed a
    little after their DTG: a small difference is normal traffic handling, worth knowing when
    the two fields are compared but not a defect.

Example
    Filed twelve minutes after the DTG (bad: D206 at 3:19)::

        VZCZCXYZ0031
        RR RUEHWEB
        DE RUEHC #4617 0642133
        ZNY SSSSS ZZH
        R 052121Z MAR 10
        FM SECSTATE WASHDC
        TO RUEHBS/AMEMBASSY BRUSSELS 0000
        S E C R E T STATE 024617
        E.O. 12958: DECL: 03/05/2020
        TAGS: PREL NATO
        SUBJECT: ALLIED CONSULTATIONS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

    The same time in both fields (good)::

        VZCZCXYZ0031
        RR RUEHWEB
        DE RUEHC #4617 0642121
        ZNY SSSSS ZZH
        R 052121Z MAR 10
        FM SECSTATE WASHDC
        TO RUEHBS/AMEMBASSY BRUSSELS 0000
        S E C R E T STATE 024617
        E.O. 12958: DECL: 03/05/2020
        TAGS: PREL NATO
        SUBJECT: ALLIED CONSULTATIONS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

Fix
    Nothing to fix in an archive copy. Disable the rule (or raise its severity) to match the
    policy of the collection.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Severity
from validator.model import Cable
from validator.rules._dates import TIME_OF_FILE_LIMIT, time_of_file_finding

CODE = "D206"
NAME = "time-of-file-minutes-off"
SEVERITY = Severity.INFO
SUMMARY = "DE-line time of file differs from the DTG time by 30 minutes or less"
READS = ("de_line", "dtg")


def check(cable: Cable) -> Iterator[Diagnostic]:
    found = time_of_file_finding(
        cable, CODE, SEVERITY, lambda offset: abs(offset) <= TIME_OF_FILE_LIMIT
    )
    if found is not None:
        yield found
