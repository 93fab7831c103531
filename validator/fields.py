"""Fields that need more than one regex group: wrapped text, Classified By reasons, TAGS."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from validator.model import ClassifiedBy, Field
from validator.source import Span

# Reasons of a Classified By line: `1.4 (b) and (d)`, `1.4(B), (D)`, `1.5 b/d`, `1.4 (B and D)`.
_REASON = re.compile(
    r"(?i)\b(?P<section>1\s?\.\s?[45])(?P<letters>(?:[\s,/&()]+|\band\b|\b[a-z]\b)*)"
)
_REASON_LETTER = re.compile(r"(?i)\(([a-z])\)|\b([a-h])\b")
# A TAGS item: a parenthesised person, or a word.
_TAG_WORD = re.compile(r"\([^)\n]*\)?|[^,\s]+")
# Matched at a word's offsets in the line (`match(text, start, end)`), so no `^` anchor.
_CODE_LIKE = re.compile(r"(?:[A-Z]{2,6}|[a-z]{2,6})(?:-\d)?[.,]?$|\(.*\)$")


@dataclass
class Joined:
    """Text of an element that wraps over lines: the pieces and where each stands."""

    pieces: list[tuple[int, int]] = field(default_factory=list)

    def add(self, start: int, end: int) -> None:
        if end > start:
            self.pieces.append((start, end))

    def text(self, source_text: str) -> str:
        return " ".join(source_text[start:end] for start, end in self.pieces)

    def offset(self, index: int) -> int:
        """Source offset of a character of the joined text."""
        for start, end in self.pieces:
            if index <= end - start:
                return start + index
            index -= end - start + 1
        return self.pieces[-1][1] if self.pieces else 0


def classified_by_from(
    span: Span,
    keyword: Field,
    text: Field,
    joined: Joined,
    source_text: str,
    make_span: Callable[[int, int], Span],
) -> ClassifiedBy:
    """A `ClassifiedBy` whose reasons are read from the joined text of its lines."""
    joined_text = joined.text(source_text)
    section: Field | None = None
    letters: list[Field] = []
    reason = _REASON.search(joined_text)
    if reason is not None:
        start = joined.offset(reason.start("section"))
        section = Field.at(
            "".join(reason.group("section").split()),
            start,
            joined.offset(reason.end("section") - 1) + 1,
            make_span,
        )
        base = reason.start("letters")
        for letter in _REASON_LETTER.finditer(reason.group("letters")):
            group = 1 if letter.group(1) else 2
            at = joined.offset(base + letter.start(group))
            letters.append(Field.at(letter.group(group).lower(), at, at + 1, make_span))
    return ClassifiedBy(span, keyword, text, section, tuple(letters))


def split_tags(codes: Field, base: int, make_span: Callable[[int, int], Span]) -> list[Field]:
    """Split a TAGS list on commas and blanks, keeping multi-word free keywords whole."""
    text = codes.text
    items: list[Field] = []
    keyword_start = -1  # where the last item starts if it is a free keyword the next word may go on
    last_end = 0
    for word in _TAG_WORD.finditer(text):
        start, end = word.span()
        if text[end - 1] in ",;":  # a match is never empty
            end -= 1
        if end <= start:
            continue
        code_like = _CODE_LIKE.match(text, start, end) is not None
        if keyword_start >= 0 and not code_like and "," not in text[last_end:start]:
            items.pop()  # another word of that free keyword: the item grows
            start = keyword_start
        else:
            keyword_start = -1 if code_like else start
        # Spans are located when asked for: most items are never reported.
        items.append(Field.at(text[start:end], base + start, base + end, make_span))
        last_end = end
    return items


@cache
def _item_marker(letter: str) -> re.Pattern[str]:
    """The start of the item lettered `letter` after a blank or comma: `(B)`, `B.` or `B)`."""
    return re.compile(rf"(?:(?<=\s)|(?<=[,;]))(?:\({letter}\)|{letter}[.)])(?=\s|[A-Z0-9])")


_LEADING_LETTER = re.compile(r"¶?(?:\((?P<paren>[A-Z])\)|(?P<dot>[A-Z])[.)])(?=\s|[A-Z0-9])")


def split_lettered(text: str) -> list[tuple[tuple[int, int] | None, tuple[int, int]]]:
    """Split `A) BEIRUT 3914, B) BEIRUT 3962` into lettered items.

    Returns (letter span or None, text span) pairs in offsets of `text`. A list starts with a
    letter; each following item is the next letter of the alphabet after a blank or comma, so
    initials inside a reference (`B. SMITH` in item A) are only split when in sequence.
    """
    first = _LEADING_LETTER.match(text)
    if first is None:
        return [(None, (0, len(text)))]
    items: list[tuple[tuple[int, int] | None, tuple[int, int]]] = []
    letter_start, letter_end = first.start(), first.end()
    letter = first.group("paren") or first.group("dot")
    while True:
        following = chr(ord(letter) + 1)
        marker = _item_marker(following).search(text, letter_end)
        body_start = letter_end + len(text[letter_end:]) - len(text[letter_end:].lstrip())
        body_end = marker.start() if marker else len(text)
        body_end = body_start + len(text[body_start:body_end].rstrip(" ,;"))
        items.append(((letter_start, letter_end), (body_start, body_end)))
        if marker is None or following > "Z":
            return items
        letter_start, letter_end, letter = marker.start(), marker.end(), following
