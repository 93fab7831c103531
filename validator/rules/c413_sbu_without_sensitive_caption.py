"""An unclassified cable with `(SBU)` paragraphs lacks the `SENSITIVE` caption.

What it does
    From 1995 sensitive but unclassified information replaced LIMITED OFFICIAL USE; an
    unclassified telegram that holds some carries the caption `SENSITIVE` (or `SENSITIVE
    BUT UNCLASSIFIED`) under the classification line (SBU guidance telegram 00 STATE
    018029; ENVELOPE.md C17b). This rule reports an unclassified cable with an `(SBU)`
    paragraph or SUBJECT and no such caption. Classified cables need no caption for their
    `(SBU)` paragraphs.

Why it matters
    The caption is what keeps an unclassified cable off public distribution (the Internet,
    unclassified mail); without it, SBU paragraphs travel as plain unclassified text. 15 of
    16 unclassified Cablegate cables with SBU paragraphs carry the caption, but genuine
    cables do omit it, so this is only a hint.

Example
    SBU paragraphs under a bare UNCLAS (bad: C413 at 9:5)::

        P 091657Z SEP 09
        FM AMEMBASSY KYIV
        TO SECSTATE WASHDC PRIORITY 5130
        UNCLAS KYIV 001873
        E.O. 12958: N/A
        TAGS: ECON UP
        SUBJECT: GAS TRANSIT TALKS

        1. (SBU) The gas transit talks opened on Monday.

    Use instead (good)::

        P 091657Z SEP 09
        FM AMEMBASSY KYIV
        TO SECSTATE WASHDC PRIORITY 5130
        UNCLAS KYIV 001873
        SENSITIVE
        E.O. 12958: N/A
        TAGS: ECON UP
        SUBJECT: GAS TRANSIT TALKS

        1. (SBU) The gas transit talks opened on Monday.

Fix
    Add the line `SENSITIVE` after the classification line (or mark the paragraphs `(U)` if
    they hold nothing sensitive).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Cable
from validator.reference import classification_level
from validator.rules._classification import (
    cable_level,
    portion_markings,
    unclassified_captions,
)

CODE = "C413"
NAME = "sbu-without-sensitive-caption"
SEVERITY = Severity.INFO
SUMMARY = "unclassified cable with `(SBU)` paragraphs and no `SENSITIVE` caption"
READS = ("classification", "captions", "paragraphs", "subject")


def check(cable: Cable) -> Iterator[Diagnostic]:
    line, level = cable.classification, cable_level(cable)
    sbu = classification_level("SENSITIVE BUT UNCLASSIFIED")
    if line is None or level is None or level.is_classified or sbu is None:
        return
    if any(control == sbu for _, control in unclassified_captions(cable)):
        return
    markings = portion_markings(cable)
    sensitive = [m for m in markings if not m.whole_text and m.level_component == "SBU"]
    if not sensitive:
        return
    first = sensitive[0]
    yield Diagnostic(
        CODE,
        SEVERITY,
        f"{first.described} but the cable has no `{sbu.caption}` caption",
        first.field.span,
        "sensitive but unclassified content",
        secondary=(Label(line.span, f"add a `{sbu.caption}` caption after this line"),),
        help=f"add a line `{sbu.caption}` after the classification line",
        notes=(
            f"{len(sensitive)} SBU marking{'s' if len(sensitive) != 1 else ''} in the text; the "
            "caption keeps an unclassified cable off public distribution",
        ),
    )
