"""The `Classified By` reason still cites section 1.5 after the change to 1.4.

What it does
    E.O. 13292 moved the classification categories of E.O. 12958 from section 1.5 to section
    1.4 on 25 March 2003 (ENVELOPE.md C14). Telegrams followed within about a year and a
    half: the last 1.5 in the older sample is on a cable of January 2005. The rule reports
    a reason in section 1.5 on a cable written after 31 December 2004. The date is the DTG;
    for copies without one it is estimated (DECL date less ten years, or the file name's
    year), and the rule only fires when the whole estimate lies after that day.

Why it matters
    The section names the order the cable was classified under; a cable of 2005 or later
    citing 1.5 refers to a version of the order no longer in force. Five of 315 dated
    Cablegate cables do so (2007-2009): a drafting habit worth correcting, not a wrong
    classification, hence a warning.

Example
    Section 1.5 in 2009 (bad: C409 at 8:50)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        S E C R E T BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip Murphy, reasons 1.5 (b) and (d)

        1. (S) The coalition talks opened on Monday.

    Use instead (good)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        S E C R E T BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip Murphy, reasons 1.4 (b) and (d)

        1. (S) The coalition talks opened on Monday.

Fix
    Cite section 1.4 with the same letters (the categories kept their letters; (h) was
    added).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from validator.diagnostics import Diagnostic, Fix, Severity
from validator.model import Cable
from validator.rules._era import cable_dating, section_in_force

CODE = "C409"
NAME = "outdated-reason-section"
SEVERITY = Severity.WARNING
SUMMARY = "classification reason cites section 1.5 after 2004"
READS = ("classified_by", "dtg", "eo")

# The last day telegrams are seen citing 1.5 (ENVELOPE.md C14): the amendment of 2003 took
# until the end of 2004 to reach telegram drafting.
_TRANSITION_END = date(2004, 12, 31)
_OLD_SECTION = "1.5"


def check(cable: Cable) -> Iterator[Diagnostic]:
    authority = cable.classified_by
    section = authority.reason_section if authority else None
    if section is None or section.text != _OLD_SECTION:
        return
    dating = cable_dating(cable)
    if dating is None or dating.earliest <= _TRANSITION_END:
        return
    current = section_in_force(dating.earliest)
    if not current or current == _OLD_SECTION:
        return
    yield Diagnostic(
        CODE,
        SEVERITY,
        f"reason section {section.text} is outdated on a cable {dating.words}",
        section.span,
        f"section {current} since the 2003 amendment",
        help=f"cite section {current} with the same letters",
        notes=(
            "E.O. 13292 moved the categories of E.O. 12958 from section 1.5 to 1.4 on 25 March "
            "2003; telegrams followed by the end of 2004",
        ),
        fix=Fix(section.span, current, f"cite section {current}", safe=True),
    )
