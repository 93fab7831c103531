"""The NOFORN caption and the NOFORN paragraph markings disagree.

What it does
    A cable that forbids release to foreign nationals says so twice: a `NOFORN` caption
    under the classification line (or `N O F O R N` in the classification line itself, an
    older form) and the `/NF` control on the paragraphs it applies to (`(S/NF)`, `(C//NF)`,
    `(SBU/N)`, `SECRET/NOFORN - ENTIRE TEXT`). The rule reports a caption without any NOFORN
    paragraph, and NOFORN paragraphs (or a NOFORN SUBJECT) without the caption
    (ENVELOPE.md C17a).

Why it matters
    The caption is what distribution systems act on; the paragraph markings are what a
    reader quoting the cable acts on. When only one is present, either information marked
    NOFORN is distributed without the restriction, or a whole cable is withheld from
    partners for no marked reason. 360 of 376 Cablegate cables agree; the 16 others do not,
    so this is a warning.

Example
    NOFORN paragraphs without the caption (bad: C412 at 9:5)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        S E C R E T BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS

        1. (S/NF) The coalition talks opened on Monday.

    A caption without NOFORN paragraphs (bad: C412 at 5:1)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        S E C R E T BERLIN 001106
        NOFORN
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS

        1. (S) The coalition talks opened on Monday.

    Use instead (good)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        S E C R E T BERLIN 001106
        NOFORN
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS

        1. (S/NF) The coalition talks opened on Monday.

Fix
    Add the `NOFORN` caption on the line after the classification line, or mark the
    paragraphs that may not be released (`(S/NF)`), whichever the drafter meant.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Cable, Field
from validator.rules._classification import portion_markings

CODE = "C412"
NAME = "noforn-mismatch"
SEVERITY = Severity.WARNING
SUMMARY = "NOFORN caption without NOFORN paragraphs, or NOFORN paragraphs without the caption"
READS = ("classification", "captions", "paragraphs", "subject")

_NOFORN = "NOFORN"


def check(cable: Cable) -> Iterator[Diagnostic]:
    line = cable.classification
    if line is None:
        return
    caption = _noforn_caption(cable)
    markings = portion_markings(cable)
    noforn = [marking for marking in markings if marking.noforn]
    if caption is not None and not noforn:
        yield Diagnostic(
            CODE,
            SEVERITY,
            "`NOFORN` caption but no paragraph is marked NOFORN",
            caption.span,
            "no `/NF` marking in the text",
            help="mark the paragraphs that may not be released to foreign nationals "
            "(`(S/NF)`, `(C/NF)`), or remove the caption",
            notes=(f"{len(markings)} portion markings, none with `/NF`",),
        )
    elif caption is None and noforn:
        first = noforn[0]
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"{first.described} but the cable has no `NOFORN` caption",
            first.field.span,
            "NOFORN content",
            secondary=(Label(line.span, "add a `NOFORN` caption after this line"),),
            help="add a line `NOFORN` after the classification line, or drop `/NF` from the "
            "markings if the text may be released",
            notes=(
                f"{len(noforn)} NOFORN marking{'s' if len(noforn) != 1 else ''} in the text; "
                "distribution systems act on the caption",
            ),
        )


def _noforn_caption(cable: Cable) -> Field | None:
    """The `NOFORN` caption, or the `N O F O R N` control word of the classification line."""
    for caption in cable.captions:
        if caption.kind == "caption" and caption.name == _NOFORN:
            return caption.text
    line = cable.classification
    return line.control if line is not None else None
