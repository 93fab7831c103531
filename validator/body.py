"""Body markers from a line scan: paragraphs, page-continuation lines, end lines.

The body is never lexed by the parser (it can be megabytes of prose). Each marker is a
terminal of grammar/cable.lark, run here with `re.finditer` over the body in MULTILINE mode,
which keeps the scan at C speed. A Classified By line that stands inside paragraph 1 (older
cables: `1.  (U) CLASSIFIED BY ...`) is looked for in the first lines of the body.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from functools import cache
from itertools import pairwise
from re import Match
from typing import NamedTuple

from validator.fields import Joined, classified_by_from
from validator.grammar import terminal_pattern
from validator.model import ClassifiedBy, EndLines, Field, PageLine, Paragraph
from validator.source import Span

MakeSpan = Callable[[int, int], Span]

# How far into the body an authority line may stand (older cables put it in paragraph 1).
_CLASSIFIED_BY_WINDOW = 4000
# End lines sit in the last few lines of a message.
_END_WINDOW = 400
_CLASSIFIED_MID_LINE = re.compile(r"(?i)\bClassified\s+By:[ \t]*")
# A mid-line authority (`1. CONFIDENTIAL - ENTIRE TEXT. CLASSIFIED BY: ...`) only near the top.
_MID_LINE_WINDOW = 1500


# Encoding damage: the replacement character, and UTF-8 read as cp1252/Latin-1 (mojibake such
# as `â€™` for `’`, `Â¶` for `¶`).
_DAMAGE = re.compile(
    "\ufffd+|[\u00c2\u00c3\u00e2][\u0080-\u00bf\u20ac\u2018-\u203a\u2122\u0152-\u0178]+"
)

_DAMAGE_MARKS = "\ufffd\u00c2\u00c3\u00e2"


class BodyScan(NamedTuple):
    paragraphs: tuple[Paragraph, ...]
    pages: tuple[PageLine, ...]
    end: EndLines
    classified_by: ClassifiedBy | None
    damage: tuple[Field, ...]


@cache
def _line_start_pattern(terminal: str) -> re.Pattern[str]:
    """The terminal anchored at the start of any line, after its indentation."""
    return re.compile(r"^[ \t]*(?:" + terminal_pattern(terminal).pattern + ")", re.MULTILINE)


@cache
def _after_newline_pattern(terminal: str) -> re.Pattern[str]:
    """The terminal after a newline: a literal first character lets the regex engine skip
    from newline to newline instead of trying `^` at every position of the body."""
    return re.compile(r"\n[ \t]*(?:" + terminal_pattern(terminal).pattern + ")")


def _line_starts(
    terminal: str, text: str, start: int, end: int | None = None
) -> Iterator[Match[str]]:
    """Matches of `terminal` at the start of each line from offset `start` (a line start)."""
    stop = len(text) if end is None else end
    if start > 0 and text[start - 1] == "\n":
        yield from _after_newline_pattern(terminal).finditer(text, start - 1, stop)
        return
    first = _line_start_pattern(terminal).match(text, start, stop)
    if first is not None:
        yield first
    yield from _after_newline_pattern(terminal).finditer(text, start, stop)


def _field(match: re.Match[str], name: str, make_span: MakeSpan) -> Field | None:
    text = match.group(name)
    if text is None:
        return None
    return Field.at(text, match.start(name), match.end(name), make_span)


def _required(match: re.Match[str], name: str, make_span: MakeSpan) -> Field:
    return Field.at(match.group(name), match.start(name), match.end(name), make_span)


def scan(text: str, start: int, make_span: MakeSpan, find_classified_by: bool = True) -> BodyScan:
    """Scan `text` from offset `start` (the end of the envelope) for body markers; the
    authority line only when `find_classified_by` (the envelope did not hold one)."""
    paragraphs = tuple(_paragraphs(text, start, make_span))
    pages = tuple(page_line(match, make_span) for match in _line_starts("PAGE_LINE", text, start))
    # `in` on a string is a fast search for one character; a class search is not.
    damaged = not text.isascii() and any(mark in text for mark in _DAMAGE_MARKS)
    damage = (
        ()
        if not damaged
        else tuple(
            Field(match.group(), make_span(match.start(), match.end()))
            for match in _DAMAGE.finditer(text)
        )
    )
    return BodyScan(
        paragraphs,
        pages,
        _end_lines(text, start, make_span),
        _classified_by(text, start, make_span) if find_classified_by else None,
        damage,
    )


def page_line(match: re.Match[str], make_span: MakeSpan) -> PageLine:
    """A `PageLine` from a match of the PAGE_LINE terminal."""
    return PageLine(
        make_span(match.start("post"), match.end()),
        _required(match, "post", make_span),
        _required(match, "serial", make_span),
        _required(match, "section", make_span),
        _field(match, "page", make_span),
        _required(match, "sections", make_span),
    )


def _paragraphs(text: str, start: int, make_span: MakeSpan) -> list[Paragraph]:
    matches = list(_line_starts("PARAGRAPH", text, start))
    numbers = [int(match.group("number")) for match in matches]
    repeats: list[int] = []
    if any(later < earlier for earlier, later in pairwise(numbers)):
        # A received copy repeats the classification line for each section and numbering
        # restarts there: only then is it worth looking for those lines.
        repeats = [m.end() for m in _line_starts("CLASSIFICATION", text, start)]
    return [_paragraph(match, make_span, bisect_right(repeats, match.start())) for match in matches]


def paragraph_at(text: str, offset: int, make_span: MakeSpan) -> Paragraph | None:
    """The numbered paragraph that opens the line holding `offset`, if that line opens one
    (`1.  (U) CLASSIFIED BY ...`: the front matter took the line, the paragraph counts too)."""
    match = _line_start_pattern("PARAGRAPH").match(text, text.rfind("\n", 0, offset) + 1)
    return _paragraph(match, make_span) if match else None


def _paragraph(match: re.Match[str], make_span: MakeSpan, part: int = 0) -> Paragraph:
    number = _required(match, "number", make_span)
    sign = _field(match, "sign", make_span)
    begin = match.start("sign") if sign else match.start("number")
    if match.group("marking") is not None:
        marking = _field(match, "marking", make_span)
        whole = False
    else:
        marking = _field(match, "whole_level", make_span)
        whole = marking is not None
    # An unmarked paragraph ends with its number's period, not with the blanks after it.
    end = match.end() if marking else match.start() + len(match.group().rstrip(" \t"))
    return Paragraph(make_span(begin, end), sign, number, marking, whole, part)


def _end_lines(text: str, start: int, make_span: MakeSpan) -> EndLines:
    tail_start = max(start, len(text) - _END_WINDOW)
    fields: dict[str, Field] = {}
    for key, terminal in (("bt", "END_BT"), ("serial", "END_SERIAL"), ("nnnn", "END_NNNN")):
        line_start = text.find("\n", tail_start) + 1 if tail_start > start else tail_start
        for match in _line_starts(terminal, text, line_start):
            begin = match.end() - len(match.group().lstrip())
            value = match.group("serial") if key == "serial" else match.group().strip()
            span = (
                make_span(match.start("serial"), match.end("serial"))
                if key == "serial"
                else make_span(begin, match.end())
            )
            fields[key] = Field(value, span)
    return EndLines(fields.get("bt"), fields.get("serial"), fields.get("nnnn"))


def _classified_by(text: str, start: int, make_span: MakeSpan) -> ClassifiedBy | None:
    window_end = min(len(text), start + _CLASSIFIED_BY_WINDOW)
    window = text[:window_end]
    match = next(_line_starts("CLASSIFIED_BY", window, start), None)
    if match is not None:
        keyword = _required(match, "keyword", make_span)
        text_start, text_end = match.start("text"), match.end("text")
    else:
        mid = _CLASSIFIED_MID_LINE.search(window, start, start + _MID_LINE_WINDOW)
        if mid is None:
            return None
        keyword_end = mid.start() + len(mid.group().rstrip(" \t:"))
        keyword = Field(text[mid.start() : keyword_end], make_span(mid.start(), keyword_end))
        text_start = mid.end()
        line_end = text.find("\n", text_start)
        text_end = len(text) if line_end == -1 else line_end
    joined = Joined()
    joined.add(text_start, len(text[text_start:text_end].rstrip()) + text_start)
    # The authority wraps until a blank line or the next numbered paragraph.
    # Continue after the end of the line (the text stops before trailing blanks).
    newline = text.find("\n", text_end)
    line_start = len(text) if newline == -1 else newline + 1
    paragraph = _line_start_pattern("PARAGRAPH")
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end == -1 else line_end
        line = text[line_start:line_end]
        if not line.strip() or paragraph.match(text, line_start):
            break
        indent = len(line) - len(line.lstrip())
        joined.add(line_start + indent, line_start + len(line.rstrip()))
        line_start = line_end + 1
        if len(joined.pieces) > 6:
            break
    begin = keyword.span
    end = joined.pieces[-1][1] if joined.pieces else text_end
    last = make_span(end - 1, end)
    span = Span(begin.line, begin.column, last.end_line, last.end_column)
    text_field = Field(
        joined.text(text),
        make_span(joined.pieces[0][0], end) if joined.pieces else make_span(text_start, text_start),
    )
    return classified_by_from(span, keyword, text_field, joined, text, make_span)
