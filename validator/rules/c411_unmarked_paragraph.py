"""A numbered paragraph of a classified cable has no portion marking.

What it does
    Under E.O. 12958 (from 14 October 1995) every numbered paragraph of a classified cable
    starts with its portion marking: `1. (C)`, `2. (U)` (ENVELOPE.md 2.19, C7c). This rule
    reports each numbered paragraph without one. It leaves alone:

    * cables with a whole-text marking (`1.  CONFIDENTIAL - ENTIRE TEXT.`), which marks
      every paragraph at once;
    * the authority paragraph of older cables (`1.  CLASSIFIED BY ...`): it is not text;
    * numbers outside the run 1, 2, 3, ...: the archive turned numbers that merely start a
      wrapped line into pseudo-paragraphs (`¶15.  In addition ...` after paragraph 3), and
      quoted texts number their own paragraphs from 1; an unmarked number counts only when
      it follows the previous paragraph's number, and none counts after such a break until
      a marked paragraph resumes the run;
    * cables written before 14 October 1995, when portion marking was not required.

    A cable that marks no paragraph at all gets one finding, on its first paragraph.

Why it matters
    Portion marks tell a reader which parts of a classified cable may be quoted at which
    level and released when. An unmarked paragraph of a classified cable must be treated
    as classified at the cable's level. 335 of 352 classified Cablegate cables mark every
    paragraph; the others miss one, usually the last (`¶56. ISN Acting Assistant Secretary
    ... cleared this cable.`), so this is a warning.

Example
    Paragraph 2 is unmarked (bad: C411 at 11:1)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS

        1. (C) The coalition talks opened on Monday.

        2. The next round is set for October.

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
    Mark the paragraph at the level of its content: `(U)`, `(SBU)`, `(C)`, `(S)`, `(TS)`,
    with dissemination controls where they apply (`(S/NF)`).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Cable, Paragraph
from validator.rules._classification import cable_level, level_words
from validator.rules._era import under_eo_12958

CODE = "C411"
NAME = "unmarked-paragraph"
SEVERITY = Severity.WARNING
SUMMARY = "numbered paragraph of a classified cable without a portion marking"
READS = ("classification", "paragraphs", "classified_by", "dtg", "eo")


def check(cable: Cable) -> Iterator[Diagnostic]:
    line, level = cable.classification, cable_level(cable)
    if line is None or level is None or not level.is_classified:
        return
    if all(paragraph.marking is not None for paragraph in cable.paragraphs):
        return  # the usual case: nothing is unmarked
    if any(paragraph.whole_text for paragraph in cable.paragraphs):
        return
    paragraphs = _text_paragraphs(cable)
    unmarked = [paragraph for paragraph in _in_sequence(paragraphs) if paragraph.marking is None]
    if not unmarked or not under_eo_12958(cable):
        return
    classified_here = Label(line.level.span, f"classified {level_words(cable)}")
    if len(unmarked) == len(paragraphs):
        first = paragraphs[0]
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"{level.level} cable without any portion marking",
            first.number.span,
            f"paragraph {first.number.text} and the {len(paragraphs) - 1} after it are unmarked",
            secondary=(classified_here,),
            help="start every numbered paragraph with its marking: `(U)`, `(C)`, `(S)`, ...",
            notes=("E.O. 12958 made portion marking the rule from 14 October 1995",),
        )
        return
    for paragraph in unmarked:
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"paragraph {paragraph.number.text} of a {level.level} cable has no portion marking",
            paragraph.number.span,
            "no `(U)`, `(C)`, `(S)` ... after the number",
            secondary=(classified_here,),
            help=f"mark the paragraph at the level of its content, e.g. `{paragraph.number.text}. "
            "(U)`",
            notes=("an unmarked paragraph of a classified cable counts at the cable's level",),
        )


def _text_paragraphs(cable: Cable) -> list[Paragraph]:
    """The numbered paragraphs, less the one that holds the `Classified By` authority."""
    authority = cable.classified_by
    authority_line = authority.span.line if authority else None
    return [paragraph for paragraph in cable.paragraphs if paragraph.span.line != authority_line]


def _in_sequence(paragraphs: list[Paragraph]) -> Iterator[Paragraph]:
    """Marked paragraphs, and unmarked ones whose number follows the previous paragraph's.

    An unmarked number out of the run is a wrapped line the archive took for a paragraph,
    or the start of a quoted text numbered on its own (`1.`, `2.`, ... inside paragraph 2):
    unmarked numbers after it count again only once a marked paragraph resumes the run.
    """
    previous = 0
    quoting = False
    for paragraph in paragraphs:
        number = paragraph.number_value
        if paragraph.marking is not None:
            previous, quoting = number, False
            yield paragraph
        elif number == previous + 1 and not quoting:
            previous = number
            yield paragraph
        else:
            quoting = True
