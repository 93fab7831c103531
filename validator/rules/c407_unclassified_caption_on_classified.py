"""A classified cable carries a caption meant for unclassified traffic.

What it does
    `SENSITIVE` (or `SENSITIVE BUT UNCLASSIFIED`) marks an unclassified cable whose text
    needs protection; `LIMITED OFFICIAL USE` and `FOR OFFICIAL USE ONLY` did the same
    before 1995 (ENVELOPE.md 2.12, C17c, C17e). This rule reports such a caption on a
    CONFIDENTIAL, SECRET or TOP SECRET cable.

Why it matters
    The caption says the cable is unclassified; the classification line says it is not. The
    classification line governs, so the caption is at best redundant and at worst the sign
    of a cable that was upgraded without removing it. Real cables do this often (10 of 26
    `SENSITIVE` captions in the Cablegate sample stand on classified cables, usually with
    `(SBU)` paragraphs inside), so it is only a hint.

Example
    A `SENSITIVE` caption on a SECRET cable (bad: C407 at 5:1)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        S E C R E T BERLIN 001106
        SENSITIVE
        SIPDIS
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS

    Use instead (good)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        S E C R E T BERLIN 001106
        SIPDIS
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS

Fix
    Remove the caption from the classified cable; mark its sensitive unclassified
    paragraphs `(SBU)` instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Cable
from validator.rules._classification import cable_level, level_words, unclassified_captions

CODE = "C407"
NAME = "unclassified-caption-on-classified"
SEVERITY = Severity.INFO
SUMMARY = "SENSITIVE, LOU or FOUO caption on a classified cable"
READS = ("classification", "captions")


def check(cable: Cable) -> Iterator[Diagnostic]:
    line, level = cable.classification, cable_level(cable)
    if line is None or level is None or not level.is_classified:
        return
    for caption, control in unclassified_captions(cable):
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"`{caption.name}` caption on a {level.level} cable",
            caption.span,
            f"a caption for {control.level} traffic",
            secondary=(
                Label(line.level.span, f"the classification line says {level_words(cable)}"),
            ),
            help="remove the caption; mark sensitive unclassified paragraphs `(SBU)` instead",
            notes=(f"`{caption.name}` marks unclassified cables; the classification line governs",),
        )
