"""Where a cable's paragraph numbering breaks (ENVELOPE.md C7d), shared by O602 and O605.

Only paragraphs that carry a portion marking count, because the archive turned numbers at the
start of wrapped lines into pseudo-paragraphs (`... ETA at AUAB O/A August` / `¶15.  In
addition`). An unmarked paragraph still counts when its number is the next one expected (a
paragraph whose marking was forgotten), and in a cable without any portion marking (older
whole-text cables, OCR copies) every numbered paragraph counts.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from validator.model import Cable, Paragraph
from validator.rules._memo import per_cable

BreakKind = Literal["gap", "misread", "repeat", "out-of-order"]

# How many following paragraphs may show that an odd number was a stray (`13, 27, 14`).
_LOOKAHEAD = 2


class Break(NamedTuple):
    """A paragraph whose number is not the one expected after the previous paragraph."""

    kind: BreakKind
    paragraph: Paragraph
    expected: int
    """The number that should have come here."""
    previous: Paragraph | None
    """The last paragraph that continued the sequence (None before the first one)."""
    reading: int
    """The number as read: the digit after a misread `1` for `misread`, else as written."""
    first: Paragraph | None = None
    """For `repeat`: the earlier paragraph with the same number."""


@per_cable
def numbering_breaks(cable: Cable) -> list[Break]:
    """Every break of the paragraph sequence 1, 2, 3 ... in reading order."""
    paragraphs = cable.paragraphs
    last = _authority_paragraph(cable)
    numbers = [paragraph.number_value for paragraph in paragraphs]
    if numbers == list(range(last + 1, last + 1 + len(numbers))):
        return []  # the usual case: 1, 2, 3 ... without a break
    marked = any(p.marking is not None and not p.whole_text for p in paragraphs)
    signed = any(p.sign is not None for p in paragraphs)
    found: list[Break] = []
    seen: dict[int, Paragraph] = {}
    previous: Paragraph | None = None
    for index, paragraph in enumerate(paragraphs):
        number = numbers[index]
        expected = last + 1
        if marked and paragraph.marking is None and number != expected:
            continue  # a number that starts a wrapped line, not a paragraph
        reading = number
        following = numbers[index + 1 : index + 1 + _LOOKAHEAD]
        wrong: BreakKind = "repeat" if number in seen else "out-of-order"
        if number == expected:
            pass
        elif signed and (misread := _misread(paragraph, last)) is not None:
            reading = misread
            found.append(Break("misread", paragraph, expected, previous, reading))
        elif expected in following:
            # A stray number (`13 27 14`, `3 3 4`): the sequence goes on after it.
            found.append(Break(wrong, paragraph, expected, previous, number, seen.get(number)))
            continue
        elif following[:1] == [expected + 1]:
            # A misnumbered paragraph (`3 3 5`): it stands where `expected` belongs.
            found.append(Break(wrong, paragraph, expected, previous, number, seen.get(number)))
            reading = expected
        elif number > expected:
            found.append(Break("gap", paragraph, expected, previous, number))
        else:
            found.append(Break(wrong, paragraph, expected, previous, number, seen.get(number)))
        seen.setdefault(reading, paragraph)
        last, previous = reading, paragraph
    return found


def _misread(paragraph: Paragraph, last: int) -> int | None:
    """`N` when `1N.` without a sign reads as `¶N.` continuing after paragraph `last`.

    OCR reads the pilcrow as the digit 1 (`12.` for `¶2.`); only plausible in a text that
    otherwise writes paragraph signs, and only when `N` moves the sequence forward.
    """
    text = paragraph.number.text
    if paragraph.sign is not None or len(text) != 2 or text[0] != "1":
        return None
    reading = int(text[1])
    return reading if reading > last else None


def _authority_paragraph(cable: Cable) -> int:
    """1 when a numbered Classified By line (`1.  (U) CLASSIFIED BY ...`) is paragraph 1.

    Older cables number the authority as paragraph 1 (ENVELOPE.md 2.18); the parser takes it
    as the Classified By element, so the body's paragraphs start at 2.
    """
    authority = cable.classified_by
    if authority is None or not cable.paragraphs:
        return 0
    first = cable.paragraphs[0]
    if first.number_value != 2 or authority.span.line >= first.span.line:
        return 0
    # Numbered: the line starts before its keyword (a field's span is located only here).
    return 1 if authority.span.column < authority.keyword.span.column else 0
