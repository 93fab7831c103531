"""The letters of the REF list are out of sequence.

What it does
    A list of references is lettered `A.`, `B.`, `C.` (or `(A)`, `A)`), in order, so that
    the text can cite them (`REF A`, `reftel B`) (ENVELOPE.md 2.17). This rule reads the
    letters that start the REF lines and the ones that follow on the same line (`A) STATE
    66817 B) MOSCOW 9932`), and reports a list that does not start at A, a repeated letter
    and a letter out of order or after a gap (A, B, D; B before A). Case does not matter
    (`a.` in sentence-case copies).

    A letter inside a line is only taken for a reference letter in the style of the first
    one and when it is at most two letters after the previous one, so that initials
    (`J. SMITH`) are not read as letters. A list whose first item carries no letter is left
    alone: what follows it is often the body, which the archive did not separate.

Why it matters
    The body refers to the references by letter; when the letters skip or repeat, a
    citation points at the wrong message or at none. Genuine cables do skip (05KIGALI27
    lists A, B, B), so this is a warning.

Example
    C is missing (bad: T506 at 10:1)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS
        REF: A. BERLIN 1101
        B. STATE 93322
        D. BERLIN 1020

    Use instead (good)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS
        REF: A. BERLIN 1101 B. STATE 93322
        C. BERLIN 1020

Fix
    Re-letter the references in order, and the citations of them in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, partial
from typing import NamedTuple

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Cable, Field, ReferenceItem
from validator.source import Span

CODE = "T506"
NAME = "reference-letters-out-of-sequence"
SEVERITY = Severity.WARNING
SUMMARY = "REF letters out of sequence (A, B, D; B before A; a letter twice)"
READS = ("references",)

# A letter at the start of the first item's text: `A. `, `a. `, `A) `, `(A) `.
_LEADING = re.compile(r"^\(?(?P<letter>[A-Za-z])[.)](?=\s)|^\((?P<paren>[A-Za-z])\)(?=\s)")
# How far ahead a letter inside a line may jump and still be read as a reference letter.
_MAX_STEP = 2


class _Letter(NamedTuple):
    letter: str
    written: Field
    """The letter as written; its span is located only for a finding."""

    @property
    def span(self) -> Span:
        return self.written.span


def check(cable: Cable) -> Iterator[Diagnostic]:
    refs = cable.references
    if refs is None or not refs.items:
        return
    letters = list(_letters(refs.items))
    if len(letters) < 2:
        return
    previous: _Letter | None = None
    for current in letters:
        expected = "A" if previous is None else chr(ord(previous.letter) + 1)
        if current.letter != expected:
            yield _finding(current, previous, expected)
        previous = current


def _finding(current: _Letter, previous: _Letter | None, expected: str) -> Diagnostic:
    if previous is None:
        message = f"reference list starts at `{current.letter}`, not `A`"
        secondary: tuple[Label, ...] = ()
    else:
        relation = (
            "repeats"
            if current.letter == previous.letter
            else "comes before"
            if current.letter < previous.letter
            else "skips a letter after"
        )
        message = f"reference letter `{current.letter}` {relation} `{previous.letter}`"
        secondary = (Label(previous.span, f"reference {previous.letter}"),)
    return Diagnostic(
        CODE,
        SEVERITY,
        message,
        current.span,
        f"expected `{expected}`",
        secondary=secondary,
        help="letter the references A, B, C, ... in order, and the citations in the text",
        notes=("the text cites references by letter (`REF B`, `reftel C`)",),
    )


def _letters(items: tuple[ReferenceItem, ...]) -> Iterator[_Letter]:
    """The reference letters in text order, inline ones included."""
    first = items[0]
    leading = _leading(first)
    if leading is None:
        return
    style, start = leading
    yield start
    inline = _inline_pattern(style)
    previous = start.letter
    for index, item in enumerate(items):
        if index > 0:
            if item.letter is None or item.letter_value is None:
                continue
            previous = item.letter_value
            yield _Letter(previous, item.letter)
        text = item.text.text
        skip = 0
        # The first item is read after its leading letter; the spans that say where it ends
        # are located only when the text holds a letter of the style at all.
        if index == 0 and inline.search(text):
            skip = max(start.span.end_column - first.text.span.column, 0)
        for match in inline.finditer(text, skip):
            letter = match.group("letter").upper()
            if not 0 < ord(letter) - ord(previous) <= _MAX_STEP:
                continue
            previous = letter
            yield _Letter(letter, _inline_field(item.text, match, "label"))


def _leading(first: ReferenceItem) -> tuple[str, _Letter] | None:
    """The style (`.`, `)`, `()`) and letter that open the list, if the first item has one."""
    if first.letter is not None and first.letter_value is not None:
        written = first.letter.text.lstrip("¶")
        style = "()" if written.startswith("(") else written[-1]
        return style, _Letter(first.letter_value, first.letter)
    match = _LEADING.match(first.text.text)
    if match is None:
        return None
    letter = match.group("letter") or match.group("paren")
    style = "()" if match.group("paren") else match.group()[-1]
    return style, _Letter(letter.upper(), _inline_field(first.text, match, 0))


@cache
def _inline_pattern(style: str) -> re.Pattern[str]:
    """Letters in the list's style after a blank, `;` or `,` (`  B) MOSCOW 9932`)."""
    if style == "()":
        label = r"\((?P<letter>[A-Za-z])\)"
    else:
        label = r"(?<!\()(?P<letter>[A-Za-z])" + re.escape(style)
    return re.compile(r"(?:^|(?<=[\s;,]))(?P<label>" + label + r")(?=\s)")


def _inline_field(text: Field, match: re.Match[str], group: str | int) -> Field:
    """A group of a match in an item's text, located when its span is asked for."""
    start, end = match.span(group)
    return Field.at(match.group(group), start, end, partial(_inline_span, text))


def _inline_span(text: Field, start: int, end: int) -> Span:
    """Where characters `start:end` of an item's text stand. A wrapped item's text is its
    lines joined by one blank, so columns are only known on a one-line item; a letter of a
    wrapped item is reported at the item's start."""
    span = text.span
    if span.line == span.end_line:
        return Span(span.line, span.column + start, span.line, span.column + end)
    return Span(span.line, span.column, span.line, span.column + 1)
