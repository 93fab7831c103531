"""The E.O. line disagrees with the classification.

What it does
    An unclassified cable has nothing to declassify: its E.O. line says `N/A`. A classified
    cable gives a declassification instruction: a `DECL:` date, or a code of its order
    (`OADR`, `GDS ...`, `X1`, `MR`, ...). This rule reports `N/A` on a CONFIDENTIAL, SECRET or
    TOP SECRET cable, and a date or code on an unclassified one (ENVELOPE.md C5). An
    unclassified cable that carries a `LIMITED OFFICIAL USE` or `FOR OFFICIAL USE ONLY`
    caption gets a warning instead of an error: the writer may have treated the caption
    as a classification (92IZMIR819 writes `DECL: OADR` under such a caption).

Why it matters
    The E.O. line and the classification line are two statements of the same fact. 375 of
    376 Cablegate cables agree (the other carries a later declassification note, see
    C408). When they disagree, either a classified cable lost its declassification date or
    an unclassified one was prepared from a classified template, and the reader cannot
    tell which level is meant.

Example
    A CONFIDENTIAL cable with `N/A` (bad: C402 at 5:13)::

        P 191422Z FEB 09
        FM AMEMBASSY BAGHDAD
        TO SECSTATE WASHDC PRIORITY 1688
        C O N F I D E N T I A L BAGHDAD 000487
        E.O. 12958: N/A
        TAGS: PREL IZ
        SUBJECT: PROVINCIAL ELECTIONS

    An unclassified cable with a declassification date (bad: C402 at 5:13)::

        P 191422Z FEB 09
        FM AMEMBASSY BAGHDAD
        TO SECSTATE WASHDC PRIORITY 1688
        UNCLAS BAGHDAD 000487
        E.O. 12958: DECL: 02/19/2019
        TAGS: PREL IZ
        SUBJECT: PROVINCIAL ELECTIONS

    Use instead (good)::

        P 191422Z FEB 09
        FM AMEMBASSY BAGHDAD
        TO SECSTATE WASHDC PRIORITY 1688
        C O N F I D E N T I A L BAGHDAD 000487
        E.O. 12958: DECL: 02/19/2019
        TAGS: PREL IZ
        SUBJECT: PROVINCIAL ELECTIONS

Fix
    Correct the line the original shows wrongly: give a classified cable its
    declassification date, or write `N/A` on an unclassified one (an unsafe fix: the
    classification line may be the mistyped one).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.model import Cable, Classification
from validator.rules._classification import cable_level, level_words, unclassified_captions

CODE = "C402"
NAME = "eo-line-mismatch"
SEVERITY = Severity.ERROR
SUMMARY = "E.O. line `N/A` on a classified cable, or a declassification on an unclassified one"
READS = ("classification", "eo", "captions")

_OFFICIAL_USE = frozenset({"LIMITED OFFICIAL USE", "FOR OFFICIAL USE ONLY"})


def check(cable: Cable) -> Iterator[Diagnostic]:
    eo, line, level = cable.eo, cable.classification, cable_level(cable)
    if eo is None or line is None or level is None:
        return
    if level.is_classified and eo.not_applicable:
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"E.O. line says `{eo.instruction.text}` on a {level.level} cable",
            eo.instruction.span,
            "no declassification instruction",
            secondary=(_classified_here(cable, line),),
            help="write the declassification date as `DECL: MM/DD/YYYY`, or correct the "
            "classification line if the cable is unclassified",
            notes=("only unclassified cables write `N/A` (nothing to declassify)",),
        )
        return
    declassification = eo.decl_date or eo.code
    if level.is_classified or declassification is None:
        return
    official_use = [
        caption
        for caption, control in unclassified_captions(cable)
        if control.level in _OFFICIAL_USE
    ]
    secondary = [_classified_here(cable, line)]
    notes = ["an unclassified cable has nothing to declassify: its E.O. line says `N/A`"]
    if official_use:
        caption = official_use[0]
        secondary.append(Label(caption.span, "a caption the writer may have classified by"))
        notes.append(
            f"the `{caption.name}` caption is an administrative control, not a "
            "classification: it takes no declassification instruction"
        )
    yield Diagnostic(
        CODE,
        Severity.WARNING if official_use else SEVERITY,
        f"E.O. line gives a declassification instruction `{eo.instruction.text}` on an "
        "unclassified cable",
        eo.instruction.span,
        "declassification of an unclassified cable",
        secondary=tuple(secondary),
        help="write `N/A`, or correct the classification line if the cable is classified",
        notes=tuple(notes),
        fix=Fix(eo.instruction.span, "N/A", "write `N/A`", safe=False),
    )


def _classified_here(cable: Cable, line: Classification) -> Label:
    """The classification line as a finding's second label (located only for a finding)."""
    return Label(line.level.span, f"the classification line says {level_words(cable)}")
