"""The DE line's Julian day disagrees with the date-time group.

What it does
    Computes the day of the year of the DTG date (FL5) and compares it with the three-digit
    Julian day of the DE line (FL3), leap years included (ENVELOPE.md C1). When the time of
    file lies near midnight the day may roll over: the DE date-time is compared as a whole
    with the DTG, and a difference of less than a day that crosses midnight is accepted.

Why it matters
    The station stamps the DE line when the message enters the network, from the same clock
    as the DTG; every real cable with both lines agrees (324 of 324 in the Cablegate sample).
    A disagreement means one of the two dates was mistyped or damaged in conversion, and the
    cable's date is then in doubt.

Example
    The DTG says 17 March 2009, but day 077 is 18 March (bad: D202 at 3:20)::

        VZCZCXRO1535
        OO RUEHAG
        DE RUEHTA #0480/01 0770952
        ZNR UUUUU ZZH
        O 170952Z MAR 09
        FM AMEMBASSY ASTANA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
        UNCLAS SECTION 01 OF 02 ASTANA 000480
        E.O. 12958: N/A
        TAGS: PGOV KZ
        SUBJECT: ALMATY NOTES

    Use instead: day 076 is 17 March (good)::

        VZCZCXRO1535
        OO RUEHAG
        DE RUEHTA #0480/01 0760952
        ZNR UUUUU ZZH
        O 170952Z MAR 09
        FM AMEMBASSY ASTANA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
        UNCLAS SECTION 01 OF 02 ASTANA 000480
        E.O. 12958: N/A
        TAGS: PGOV KZ
        SUBJECT: ALMATY NOTES

Fix
    Correct whichever date the original shows; the help line gives the Julian day that
    matches the DTG (an unsafe fix: the DTG itself may be the mistyped one).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.model import Cable
from validator.rules._dates import day_name, time_of_file_offset

CODE = "D202"
NAME = "julian-date-mismatch"
SEVERITY = Severity.ERROR
SUMMARY = "DE-line Julian day disagrees with the DTG date"
READS = ("de_line", "dtg")


def check(cable: Cable) -> Iterator[Diagnostic]:
    de, dtg = cable.de_line, cable.dtg
    if de is None or dtg is None or time_of_file_offset(cable) is not None:
        return  # the same day, or across midnight
    filed, dated = cable.de_datetime, cable.dtg_datetime
    if filed is None or dated is None:
        return
    expected = dated.timetuple().tm_yday
    written = f"{expected:03d}"
    yield Diagnostic(
        CODE,
        SEVERITY,
        f"the DE line's Julian day `{de.julian_day.text}` disagrees with the DTG date",
        de.julian_day.span,
        f"day {de.day_of_year} is {day_name(filed)}",
        secondary=(Label(dtg.group.span, f"the DTG says {day_name(dated)}"),),
        help=f"did you mean `{written}{de.time.text}`?",
        notes=("the Julian day counts from 1 January (001); leap years have 366 days",),
        fix=Fix(de.julian_day.span, written, f"write day {written}", safe=False),
    )
