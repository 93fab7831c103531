"""A paragraph number is repeated or out of order.

What it does
    Follows the paragraph numbers 1, 2, 3 ... of the text (ENVELOPE.md C7d), counting the
    same paragraphs as O602, and reports a number used twice (`1 2 3 3 4`), a number smaller
    than the one before it (`7 10 9`), and a stray number the sequence ignores (`13 27 14`).
    Gaps are O602.

Why it matters
    Paragraph numbers are how other cables cite a passage (`REF A, PARA 3`). A repeated
    number makes such a citation ambiguous; a number out of order usually comes from a
    damaged line, a duplicated section of the archive copy, or a figure that the conversion
    took for a paragraph number.

Example
    Paragraph 2 is numbered twice (bad: O605 at 11:2)::

        P 191422Z FEB 09
        FM AMEMBASSY BAGHDAD
        TO SECSTATE WASHDC PRIORITY 1688
        C O N F I D E N T I A L BAGHDAD 000487
        EO 12958 DECL: 02/19/2019
        TAGS PREL, PGOV, IZ
        SUBJECT: PROVINCIAL COUNCILS SEATED
        Classified By: Ambassador Ryan C. Crocker for reasons 1.4 (b) and (d)
        ¶1. (C) Summary: the new councils met on February 18.
        ¶2. (C) The governor was not chosen.
        ¶2. (C) Comment: a deal is expected within weeks.

    Use instead: numbers 1, 2, 3 (good)::

        P 191422Z FEB 09
        FM AMEMBASSY BAGHDAD
        TO SECSTATE WASHDC PRIORITY 1688
        C O N F I D E N T I A L BAGHDAD 000487
        EO 12958 DECL: 02/19/2019
        TAGS PREL, PGOV, IZ
        SUBJECT: PROVINCIAL COUNCILS SEATED
        Classified By: Ambassador Ryan C. Crocker for reasons 1.4 (b) and (d)
        ¶1. (C) Summary: the new councils met on February 18.
        ¶2. (C) The governor was not chosen.
        ¶3. (C) Comment: a deal is expected within weeks.

Fix
    Renumber the paragraph as the original shows it; if a whole section is repeated, remove
    the copy. There is no automatic fix: which of the two numbers is wrong is unknown.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Cable
from validator.rules._numbering import numbering_breaks

CODE = "O605"
NAME = "paragraph-number-repeated"
SEVERITY = Severity.WARNING
SUMMARY = "paragraph number repeated or out of order"
READS = ("paragraphs", "classified_by")


def check(cable: Cable) -> Iterator[Diagnostic]:
    for found in numbering_breaks(cable):
        number = found.paragraph.number
        previous = found.previous
        secondary: tuple[Label, ...] = ()
        if found.kind == "repeat" and found.first is not None:
            yield Diagnostic(
                CODE,
                SEVERITY,
                f"paragraph number {number.text} repeated",
                number.span,
                f"paragraph {found.expected} expected here",
                secondary=(Label(found.first.number.span, f"paragraph {number.text} first"),),
                help=f"renumber this paragraph {found.expected}, or remove it if it is a copy",
                notes=("archive copies sometimes repeat a section: compare the two passages",),
            )
        elif found.kind == "out-of-order":
            if previous is not None:
                secondary = (Label(previous.number.span, "previous paragraph"),)
            yield Diagnostic(
                CODE,
                SEVERITY,
                f"paragraph number {number.text} out of order",
                number.span,
                f"paragraph {found.expected} expected here",
                secondary=secondary,
                help=f"renumber this paragraph {found.expected}, or check whether the line "
                "starts with a figure rather than a paragraph number",
            )
