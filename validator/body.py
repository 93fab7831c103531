"""Body markers from a line scan: paragraphs, page-continuation lines, end lines.

The body is never lexed by the parser (it can be megabytes of prose). Each marker is a
terminal of grammar/cable.lark, run here with `re.finditer` over the body after each newline,
which keeps the scan at C speed; markers that can share a scan (paragraphs and page lines,
the three end lines) are alternatives of one pattern. A Classified By line that stands inside
paragraph 1 (older cables: `1.  (U) CLASSIFIED BY ...`) is looked for in the first lines of
the body.
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
from validator.grammar import first_characters, terminal_pattern
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
def _line_start_pattern(terminals: str) -> re.Pattern[str]:
    """The terminals (a name, or names and `|`: see `_either`) at the start of any line,
    after its indentation."""
    return re.compile(r"^[ \t]*" + _either(terminals), re.MULTILINE)


@cache
def _after_newline_pattern(terminals: str) -> re.Pattern[str]:
    """The terminals after a newline: a literal first character lets the regex engine skip
    from newline to newline instead of trying `^` at every position of the body."""
    return re.compile(r"\n[ \t]*" + _either(terminals))


def _either(terminals: str) -> str:
    """`PARAGRAPH|PAGE_LINE`: either terminal, in a group named after it in lower case (the
    match's `lastgroup`); one terminal name alone stands for its bare pattern.

    A lookahead for the characters the terminals can start with comes first: most lines of
    a body start otherwise (a lower-case word), and one character class turns them away
    sooner than the terminals' groups do (a fifth of the body scan)."""
    names = terminals.split("|")
    patterns = [terminal_pattern(name).pattern for name in names]
    if len(names) == 1:
        either = patterns[0]
    else:
        either = "|".join(
            f"(?P<{name.lower()}>{pattern})" for name, pattern in zip(names, patterns, strict=True)
        )
    starts: set[str] = set()
    for pattern in patterns:
        characters = first_characters(pattern)
        if characters is None:
            return f"(?:{either})"
        starts |= characters
    # A case-blind start (both cases of a letter) is left unguarded: `(?i)` also matches
    # other characters to a letter (`ſ` for `s`), which a class of the two cases would miss.
    if any(c.swapcase() != c and c.swapcase() in starts for c in starts):
        return f"(?:{either})"
    return f"(?=[{re.escape(''.join(sorted(starts)))}])(?:{either})"


def _line_starts(
    terminals: str, text: str, start: int, end: int | None = None
) -> Iterator[Match[str]]:
    """Matches of `terminals` at the start of each line from offset `start` (a line start)."""
    stop = len(text) if end is None else end
    if start > 0 and text[start - 1] == "\n":
        yield from _after_newline_pattern(terminals).finditer(text, start - 1, stop)
        return
    first = _line_start_pattern(terminals).match(text, start, stop)
    if first is not None:
        yield first
    yield from _after_newline_pattern(terminals).finditer(text, start, stop)


def _field(match: re.Match[str], name: str, make_span: MakeSpan) -> Field | None:
    text = match.group(name)
    if text is None:
        return None
    return Field.at(text, match.start(name), match.end(name), make_span)


def _required(match: re.Match[str], name: str, make_span: MakeSpan) -> Field:
    return Field.at(match.group(name), match.start(name), match.end(name), make_span)


def scan(text: str, start: int, make_span: MakeSpan, find_classified_by: bool = True) -> BodyScan:
    """Scan `text` from offset `start` (the end of the envelope) for body markers; the
    authority line only when `find_classified_by` (the envelope did not hold one).

    Paragraphs and page lines are located when their span is asked for (rules seldom ask);
    the other spans are made in reading order (the authority line, the end lines): the source
    locates a line past the ones before it most cheaply."""
    classified_by = _classified_by(text, start, make_span) if find_classified_by else None
    paragraphs, pages = _paragraphs_and_pages(text, start, make_span)
    end = _end_lines(text, start, make_span)
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
    return BodyScan(paragraphs, pages, end, classified_by, damage)


def page_line(match: re.Match[str], make_span: MakeSpan) -> PageLine:
    """A `PageLine` from a match of the PAGE_LINE terminal."""
    return PageLine(
        match.start("post"),
        match.end(),
        make_span,
        _required(match, "post", make_span),
        _required(match, "serial", make_span),
        _required(match, "section", make_span),
        _field(match, "page", make_span),
        _required(match, "sections", make_span),
    )


def _paragraphs_and_pages(
    text: str, start: int, make_span: MakeSpan
) -> tuple[tuple[Paragraph, ...], tuple[PageLine, ...]]:
    # One pass over the body finds both (a line starts one or the other, never both).
    matches = list(_line_starts("PARAGRAPH|PAGE_LINE", text, start))
    numbers = [int(match.group("number")) for match in matches if match.lastgroup == "paragraph"]
    repeats: list[int] = []
    if any(later < earlier for earlier, later in pairwise(numbers)):
        # A received copy repeats the classification line for each section and numbering
        # restarts there: only then is it worth looking for those lines.
        repeats = [m.end() for m in _line_starts("CLASSIFICATION", text, start)]
    paragraphs: list[Paragraph] = []
    pages: list[PageLine] = []
    for match in matches:
        if match.lastgroup == "paragraph":
            paragraphs.append(_paragraph(match, make_span, bisect_right(repeats, match.start())))
        else:
            pages.append(page_line(match, make_span))
    return tuple(paragraphs), tuple(pages)


def paragraph_at(text: str, offset: int, make_span: MakeSpan) -> Paragraph | None:
    """The numbered paragraph that opens the line holding `offset`, if that line opens one
    (`1.  (U) CLASSIFIED BY ...`: the front matter took the line, the paragraph counts too)."""
    match = _line_start_pattern("PARAGRAPH").match(text, text.rfind("\n", 0, offset) + 1)
    return _paragraph(match, make_span) if match else None


def _paragraph(match: re.Match[str], make_span: MakeSpan, part: int = 0) -> Paragraph:
    # Made for each paragraph of every cable: the groups are read in one call.
    sign_text, number_text, marking_text, level_text = match.group(
        "sign", "number", "marking", "whole_level"
    )
    begin, number_end = match.span("number")
    number = Field.at(number_text, begin, number_end, make_span)
    sign = None
    if sign_text is not None:
        begin, sign_end = match.span("sign")
        sign = Field.at(sign_text, begin, sign_end, make_span)
    marking = None
    if marking_text is not None:
        marking_start, marking_end = match.span("marking")
        marking = Field.at(marking_text, marking_start, marking_end, make_span)
    elif level_text is not None:  # `CONFIDENTIAL - ENTIRE TEXT`
        marking_start, marking_end = match.span("whole_level")
        marking = Field.at(level_text, marking_start, marking_end, make_span)
    whole = marking is not None and marking_text is None
    # An unmarked paragraph ends with its number's period, not with the blanks after it.
    end = match.end() if marking else match.start() + len(match.group().rstrip(" \t"))
    return Paragraph(begin, end, make_span, sign, number, marking, whole, part)


def _end_lines(text: str, start: int, make_span: MakeSpan) -> EndLines:
    tail_start = max(start, len(text) - _END_WINDOW)
    line_start = text.find("\n", tail_start) + 1 if tail_start > start else tail_start
    # One pass for the three kinds of line; the last of each kind counts.
    lines: dict[str | None, Field] = {}
    for match in _line_starts("END_BT|END_SERIAL|END_NNNN", text, line_start):
        if match.lastgroup == "end_serial":
            serial_start, serial_end = match.span("serial")
            lines["end_serial"] = Field(match.group("serial"), make_span(serial_start, serial_end))
        else:
            begin = match.end() - len(match.group().lstrip())
            lines[match.lastgroup] = Field(match.group().strip(), make_span(begin, match.end()))
    return EndLines(lines.get("end_bt"), lines.get("end_serial"), lines.get("end_nnnn"))


def _may_name_authority(head: str) -> bool:
    """False when `head` cannot hold the word `Classified` as the case-blind patterns read it.

    With `(?i)` the regex engine has no literal to skip to and tries every position (25 us
    over the mid-line window); a byte search of the lowered text is a few microseconds.
    """
    if "\u017f" in head or "\u0131" in head or "\u0130" in head:
        return True  # `ſ`, `ı` and `İ` match `s` and `i` too
    # Otherwise only ASCII letters match the word's, and encoding keeps them (the smart quotes
    # of many cables turn to `?`).
    return b"classified" in head.encode("latin-1", "replace").lower()


def _classified_by(text: str, start: int, make_span: MakeSpan) -> ClassifiedBy | None:
    window_end = min(len(text), start + _CLASSIFIED_BY_WINDOW)
    if not _may_name_authority(text[start:window_end]):
        return None
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
