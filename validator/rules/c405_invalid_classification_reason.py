"""The `Classified By` reason cites a section or letter that did not exist.

What it does
    Reads the reason of the `Classified By` line (`1.4 (b) and (d)`). E.O. 12958 listed the
    classification categories in section 1.5, letters (a)-(g); its amendment by E.O. 13292
    (25 March 2003) moved them to section 1.4, letters (a)-(h), kept by E.O. 13526
    (ENVELOPE.md C14). The rule reports a letter outside the cited section's range, and
    section 1.4 on a cable written before 25 March 2003. The date is the DTG; for copies
    without one it is estimated (DECL date less ten years, or the file name's year), and
    the rule only fires when the whole estimate lies before the amendment.

    Section 1.5 after the change is C409's finding.

Why it matters
    The letters name the grounds of classification (b: foreign government information, d:
    foreign relations, ...); a letter that does not exist, or a section of a later order,
    means the reason was mistyped or written after the fact. No real cable breaks this: all
    letters in both samples are within (a)-(g), and no cable cites 1.4 before the
    amendment.

Example
    Letter (k) does not exist (bad: C405 at 8:66)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        S E C R E T BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (k)

        1. (S) The coalition talks opened on Monday.

    Section 1.4 in 1999, before the amendment (bad: C405 at 8:50)::

        P 091657Z SEP 99
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        S E C R E T BERLIN 001106
        E.O. 12958: DECL: 09/09/2009
        TAGS: PREL GM
        SUBJECT: COALITION TALKS
        Classified By: Ambassador John Kornblum, reasons 1.4 (b) and (d)

        1. (S) The coalition talks opened on Monday.

    Use instead (good)::

        P 091657Z SEP 99
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        S E C R E T BERLIN 001106
        E.O. 12958: DECL: 09/09/2009
        TAGS: PREL GM
        SUBJECT: COALITION TALKS
        Classified By: Ambassador John Kornblum, reasons 1.5 (b) and (d)

        1. (S) The coalition talks opened on Monday.

Fix
    Cite the section of the order in force on the DTG date (1.5 before 25 March 2003, 1.4
    after) and letters within its range.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.model import Cable
from validator.rules._era import (
    cable_dating,
    reason_letters,
    reason_section_start,
    section_in_force,
)

CODE = "C405"
NAME = "invalid-classification-reason"
SEVERITY = Severity.ERROR
SUMMARY = "classification reason cites a letter or section that did not exist"
READS = ("classified_by", "dtg", "eo")


def check(cable: Cable) -> Iterator[Diagnostic]:
    authority = cable.classified_by
    section = authority.reason_section if authority else None
    if authority is None or section is None:
        return
    allowed = reason_letters(section.text)
    for letter in authority.reason_letters:
        if allowed and letter.text not in allowed:
            yield Diagnostic(
                CODE,
                SEVERITY,
                f"reason `({letter.text})` is not a category of section {section.text}",
                letter.span,
                f"section {section.text} has ({allowed[0]})-({allowed[-1]})",
                secondary=(Label(section.span, "the section cited"),),
                help=f"use a letter from (a) to ({allowed[-1]})",
                notes=(
                    "1.5 (a)-(g): E.O. 12958 as signed; 1.4 (a)-(h): as amended in 2003 and "
                    "E.O. 13526",
                ),
            )
    start = reason_section_start(section.text)
    dating = cable_dating(cable)
    if start is None or dating is None or not dating.before(start):
        return
    in_force = section_in_force(dating.latest)
    yield Diagnostic(
        CODE,
        SEVERITY,
        f"reason section {section.text} cited before it existed ({start:%Y-%m-%d})",
        section.span,
        f"the cable is {dating.words}",
        help=f"cite section {in_force}" if in_force else "remove the reason",
        notes=(
            "E.O. 12958 listed the reasons in section 1.5 until its amendment by E.O. 13292 "
            "on 25 March 2003 moved them to section 1.4",
        ),
        fix=Fix(section.span, in_force, f"cite section {in_force}", safe=False)
        if in_force
        else None,
    )
