"""A classified cable does not say who classified it, or why.

What it does
    Looks for the `Classified By:` line of a CONFIDENTIAL, SECRET or TOP SECRET cable (in the
    front matter or at the start of the body, where older cables put it as paragraph 1), and
    for its reason section (`1.4 (b) and (d)`; `1.5 ...` before 2004). Derivative
    classification (`Classified By: Derived from Multiple Sources`) names sources, not
    reasons, and needs none (ENVELOPE.md C6, 2.18).

    E.O. 12958 made the line a rule from 14 October 1995; older orders did not ask for it
    (under E.O. 12065 the classifier is named on the E.O. line itself, `GDS 8/12/85
    (TOMSETH, VICTOR L.) OR-P`), so cables written before that day are left alone (the spec
    lists the line among the relations older layouts do not keep). The date is the DTG;
    for copies without one (partial extracts) it is estimated from the DECL date less ten
    years or the file name's year; without any date the E.O. line's order decides
    (E.O. 12958 or later).

Why it matters
    The authority line is how a reviewer finds who can declassify the cable and on what
    grounds; 371 of 376 Cablegate cables and 148 of 151 E.O. 12958 cables of the older
    sample carry one. Its absence on a recent cable is an omission of the drafter.

Example
    A 2009 SECRET cable without the line (bad: C403 at 4:1)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        S E C R E T BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS

        1. (S) The coalition talks opened on Monday.

    A line without a reason (bad: C403 at 8:1)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        S E C R E T BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy

        1. (S) The coalition talks opened on Monday.

    Use instead (good)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        S E C R E T BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy for reasons 1.4 (b) and (d)

        1. (S) The coalition talks opened on Monday.

Fix
    Add `Classified By: <name, title>, Reason: 1.4 (b), (d)` (section 1.5 before the 2003
    amendment) after the SUBJECT and REF lines.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Cable
from validator.rules._classification import cable_level, level_words
from validator.rules._era import cable_dating, section_in_force, under_eo_12958

CODE = "C403"
NAME = "classified-by-missing"
SEVERITY = Severity.WARNING
SUMMARY = "classified cable without a `Classified By` line or without a reason"
READS = ("classification", "classified_by", "eo", "dtg")


def check(cable: Cable) -> Iterator[Diagnostic]:
    line, level, authority = cable.classification, cable_level(cable), cable.classified_by
    if line is None or level is None or not level.is_classified:
        return
    if not under_eo_12958(cable):
        return
    if authority is None:
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"{level.level} cable has no `Classified By` line",
            line.level.span,
            f"classified {level_words(cable)}",
            secondary=(Label(cable.eo.span, "declassification instruction here"),)
            if cable.eo
            else (),
            help=f"add `Classified By: <name, title>, {_reason(cable)}` after the SUBJECT and REF "
            "lines",
            notes=("E.O. 12958 required the line from 14 October 1995",),
        )
        return
    if authority.reason_section is not None or _derivative(authority.text.text):
        return
    yield Diagnostic(
        CODE,
        SEVERITY,
        "`Classified By` line gives no reason section",
        authority.span,
        "no `1.4 (x)` reason in this line",
        secondary=(Label(line.level.span, f"classified {level_words(cable)}"),),
        help=f"end the line with the reasons, e.g. `{_reason(cable)}`",
        notes=(
            "the reason cites the order's section and its category letters: 1.4 (a)-(h) "
            "from the 2003 amendment, 1.5 (a)-(g) before",
        ),
    )


def _reason(cable: Cable) -> str:
    """The reasons a finding suggests: the section of the order in force, letters b and d."""
    dating = cable_dating(cable)
    section = section_in_force(dating.latest) if dating else ""
    return f"Reason: {section or '1.4'} (b), (d)"


def _derivative(text: str) -> bool:
    """Derivative classification names its sources instead of reasons."""
    return "DERIVED FROM" in text.upper()
