"""A paragraph or the SUBJECT is marked above the cable's classification.

What it does
    Ranks every portion marking by its level, `TS` > `S` > `C` > `SBU` = `U` = `LOU`
    (dissemination controls such as `/NF` or `//REL NATO` do not change the level; a
    whole-text marking ranks by its level word), and reports each numbered paragraph whose
    marking is higher than the classification line, and a SUBJECT that starts with such a
    marking (ENVELOPE.md C7a, C16).

Why it matters
    The classification line must be at least the highest level of anything in the text:
    the cable is stored, transmitted and released by it. No real cable breaks this (366 of
    366 Cablegate cables with markings, 283 of 283 older ones, 18 of 18 marked subjects). A
    paragraph above the cable's level is either a wrong marking or an under-classified
    cable, a possible spill of classified information.

Example
    A SECRET paragraph in a CONFIDENTIAL cable (bad: C404 at 9:5)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS

        1. (S/NF) The coalition talks opened on Monday.

    A SECRET subject (bad: C404 at 7:11)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: (S) COALITION TALKS

        1. (C) The coalition talks opened on Monday.

    Use instead (good)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: (C) COALITION TALKS

        1. (C) The coalition talks opened on Monday.

Fix
    Raise the classification line (and the FL4 security warning) to the highest level in
    the text, or correct the marking if it is the wrong one.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Cable
from validator.rules._classification import (
    cable_level,
    level_words,
    portion_markings,
    rank_name,
)

CODE = "C404"
NAME = "marking-above-classification"
SEVERITY = Severity.ERROR
SUMMARY = "paragraph or SUBJECT marked above the cable's classification"
READS = ("classification", "paragraphs", "subject")


def check(cable: Cable) -> Iterator[Diagnostic]:
    line, level = cable.classification, cable_level(cable)
    if line is None or level is None:
        return
    markings = portion_markings(cable)
    for marking in markings:
        if marking.rank <= level.rank:
            continue
        above = rank_name(marking.rank)
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"{marking.described}, above the cable's classification `{level.level}`",
            marking.field.span,
            f"{above} content",
            secondary=(
                Label(line.level.span, f"the classification line says {level_words(cable)}"),
            ),
            help=f"classify the cable {above} (classification line and FL4), or correct the "
            "marking",
            notes=(
                "the classification line must be at least the highest portion marking; "
                "dissemination controls (`/NF`, `//REL ...`) do not change a level",
            ),
        )
