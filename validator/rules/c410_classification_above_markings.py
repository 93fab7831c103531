"""A classified cable's highest portion marking is below its classification.

What it does
    Takes the highest level among the paragraph markings and the SUBJECT marking of a
    classified cable (ranked as in C404; a whole-text marking counts for the whole text)
    and reports a cable classified above it: a SECRET cable whose paragraphs are at most
    `(C)`, a CONFIDENTIAL cable with only `(U)` paragraphs (ENVELOPE.md C7b). Cables without
    any portion marking are left to C411.

Why it matters
    The classification line should be the highest level of the content: a cable classified
    above everything it contains is over-classified, which keeps it from readers who may
    see it and delays its release. 344 of 352 Cablegate cables agree; the exceptions are
    real over-classified headers (08BUENOSAIRES235, 09STATE124636, 10MADRID87, ...), hence a
    warning.

Example
    A SECRET cable with CONFIDENTIAL content only (bad: C410 at 4:1)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        S E C R E T BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS

        1. (C) The coalition talks opened on Monday.

        2. (U) The next round is set for October.

    Use instead (good)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS

        1. (C) The coalition talks opened on Monday.

        2. (U) The next round is set for October.

Fix
    Classify the cable at the level of its highest marking (classification line and FL4),
    or correct the marking of the paragraph that holds the higher information.
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

CODE = "C410"
NAME = "classification-above-markings"
SEVERITY = Severity.WARNING
SUMMARY = "classified cable whose highest portion marking is below its classification"
READS = ("classification", "paragraphs", "subject")


def check(cable: Cable) -> Iterator[Diagnostic]:
    line, level = cable.classification, cable_level(cable)
    if line is None or level is None or not level.is_classified:
        return
    markings = portion_markings(cable)
    if not markings:
        return
    highest = max(markings, key=lambda marking: marking.rank)
    if highest.rank >= level.rank:
        return
    content = rank_name(highest.rank)
    yield Diagnostic(
        CODE,
        SEVERITY,
        f"{level.level} cable whose highest portion marking is `{highest.written}`",
        line.level.span,
        f"classified {level_words(cable)}",
        secondary=(Label(highest.field.span, f"highest marking: {content}"),),
        help=f"classify the cable {content}, or correct the marking of the paragraph that "
        f"holds {level.level} information",
        notes=(f"{len(markings)} portion markings, none above {content}",),
    )
