"""Diagnostics laid out rustc-style, as rows of (text, style) segments.

```
error[D202]: the DE line's Julian day `077` disagrees with the DTG date
 --> cables/09ASTANA480.txt:3:20
  |
3 | DE RUEHTA #0480/01 0770952
  |                    ^^^ day 77 is 18 March 2009
4 | ZNR UUUUU ZZH
5 | O 170952Z MAR 09
  |   -------------- the DTG says 17 March 2009
  |
  = help: did you mean `0760952`?
  = note: the Julian day counts from 1 January (001); leap years have 366 days
```

Markers are placed in display cells, not characters: tabs expand to the next multiple of
`TAB_WIDTH` and East Asian wide characters take two cells, in the source line and under it
alike, so the caret stays under its text. Control characters are shown as their Unicode
pictures (a cable must not send escape sequences to the terminal). When a width is given,
source lines too long for it are cut around the markers with `...`, never wrapped.

Styles are names (`error`, `warning`, `info`, `secondary`, `gutter`, `help`, `note`,
`bold`, `success`, `""`), mapped to colours by the text renderer; plain output ignores them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from rich.cells import get_character_cell_size

from validator.diagnostics import Diagnostic
from validator.source import Source, Span

TAB_WIDTH = 4
ELLIPSIS = "..."
# Cells kept before the leftmost marker when a long line is cut on the left.
_CONTEXT = 8
# Never cut a source line narrower than this, whatever the terminal says.
_MIN_TEXT_WIDTH = 20

Segment = tuple[str, str]
Row = list[Segment]


def visible(char: str) -> str:
    """`char`, or a printable stand-in for a control character (U+2400 pictures, U+FFFD)."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if 0x80 <= code < 0xA0:
        return "\ufffd"
    return char


def printable(text: str) -> str:
    return "".join(map(visible, text))


def plain(rows: Iterable[Row]) -> str:
    """Rows as uncoloured text, each ending with a line break."""
    return "".join("".join(text for text, _ in row) + "\n" for row in rows)


class _Cell(NamedTuple):
    """One source character as displayed: its first cell, what is shown and its width."""

    start: int
    shown: str
    width: int


class _Line:
    """A source line in display cells."""

    def __init__(self, text: str) -> None:
        self.cells: list[_Cell] = []
        position = 0
        for char in text:
            if char == "\t":
                width = TAB_WIDTH - position % TAB_WIDTH
                shown = " " * width
            else:
                shown = visible(char)
                width = get_character_cell_size(shown)
            self.cells.append(_Cell(position, shown, width))
            position += width
        self.width = position

    def cell_of(self, column: int) -> int:
        """The first display cell of 1-based character `column` (past the end: one per column)."""
        index = column - 1
        if index < len(self.cells):
            return self.cells[index].start
        return self.width + index - len(self.cells)

    def cut(self, window: _Window) -> str:
        """The line's cells in `window`; a wide character split by an edge becomes spaces."""
        if window.left == 0 and self.width <= window.right:
            return "".join(cell.shown for cell in self.cells)
        parts = [ELLIPSIS] if window.left else []
        for cell in self.cells:
            end = cell.start + cell.width
            if cell.start >= window.left and end <= window.right:
                parts.append(cell.shown)
            elif cell.start < window.right and end > window.left:
                parts.append(" " * (min(end, window.right) - max(cell.start, window.left)))
        if self.width > window.right:
            parts.append(ELLIPSIS)
        return "".join(parts)


class _Window(NamedTuple):
    """The display cells [left, right) of each source line that are shown."""

    left: int = 0
    right: int = 1 << 62

    @property
    def shift(self) -> int:
        """Where cell `left` lands in the shown text (after the left `...`)."""
        return len(ELLIPSIS) - self.left if self.left else 0


class _Mark(NamedTuple):
    """An underline on one line: display cells [start, end), its label, primary or not."""

    line: int
    start: int
    end: int
    label: str
    primary: bool


class _Snippet:
    """The source lines a diagnostic shows, with their marks."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.lines: dict[int, _Line] = {}

    def line(self, number: int) -> _Line:
        if number not in self.lines:
            exists = number <= len(self.source.line_starts)
            self.lines[number] = _Line(self.source.line_text(number) if exists else "")
        return self.lines[number]

    def marks(self, span: Span, label: str, primary: bool) -> list[_Mark]:
        """One mark for a one-line span; a first-line and a last-line mark otherwise."""
        end_line, end_column = span.end_line, span.end_column
        if end_line > span.line and end_column == 1:
            # The span ends with a line break: it ends at the end of the previous line.
            end_line -= 1
            end_column = len(self.line(end_line).cells) + 1
        first = self.line(span.line)
        start = first.cell_of(span.column)
        if end_line == span.line:
            end = max(first.cell_of(end_column), start + 1)
            return [_Mark(span.line, start, end, label, primary)]
        last = self.line(end_line)
        indent = next((i for i, c in enumerate(last.cells) if c.shown.strip()), 0)
        last_start = last.cell_of(min(indent + 1, max(end_column - 1, 1)))
        return [
            _Mark(span.line, start, max(first.width, start + 1), "", primary),
            _Mark(
                end_line, last_start, max(last.cell_of(end_column), last_start + 1), label, primary
            ),
        ]


def diagnostic_rows(
    path: str, diagnostic: Diagnostic, source: Source | None, width: int | None = None
) -> list[Row]:
    """The rows showing one diagnostic, without the blank row that follows it."""
    severity = diagnostic.severity.label
    rows: list[Row] = [
        [
            (f"{severity}[{diagnostic.code}]", severity),
            (f": {printable(diagnostic.message)}", "bold"),
        ]
    ]
    location = f"{printable(path)}:{diagnostic.span.line}:{diagnostic.span.column}"
    footer = [("help", diagnostic.help)] if diagnostic.help else []
    footer.extend(("note", note) for note in diagnostic.notes)
    if source is None:
        # No text to show (a binary file): the label says what was found instead.
        pad = " " * len(str(diagnostic.span.line))
        rows.append([(f"{pad}--> ", "gutter"), (location, "")])
        if diagnostic.label:
            footer.insert(0, ("note", diagnostic.label))
        rows.extend(_footer(pad, footer))
        return rows
    snippet = _Snippet(source)
    marks = snippet.marks(diagnostic.span, diagnostic.label, True)
    for label in diagnostic.secondary:
        marks.extend(snippet.marks(label.span, label.message, False))
    by_line: dict[int, list[_Mark]] = {}
    for mark in marks:
        by_line.setdefault(mark.line, []).append(mark)
    numbers = sorted(by_line)
    # A single unmarked line between two marked ones is shown; longer gaps become `...`.
    shown = sorted(set(numbers) | {n + 1 for n in numbers if n + 2 in by_line})
    pad = " " * len(str(shown[-1]))
    blank_gutter: Segment = (f"{pad} |", "gutter")
    window = _window(snippet, shown, marks, width, len(pad) + 3)
    rows.append([(f"{pad}--> ", "gutter"), (location, "")])
    rows.append([blank_gutter])
    for index, number in enumerate(shown):
        if index and number > shown[index - 1] + 1:
            rows.append([(ELLIPSIS, "gutter")])
        text = snippet.line(number).cut(window)
        rows.append([(f"{number:>{len(pad)}} | ", "gutter"), (text, "")])
        if number in by_line:
            rows.extend(
                [blank_gutter, (" ", ""), *row]
                for row in _mark_rows(by_line[number], severity, window)
            )
    if footer:
        rows.append([blank_gutter])
        rows.extend(_footer(pad, footer))
    return [_rstrip(row) for row in rows]


def _footer(pad: str, items: list[tuple[str, str]]) -> list[Row]:
    return [
        [(f"{pad} = ", "gutter"), (kind, kind), (f": {printable(text)}", "")]
        for kind, text in items
    ]


def _window(
    snippet: _Snippet, shown: list[int], marks: list[_Mark], width: int | None, gutter: int
) -> _Window:
    """The cells to show of every line: all of them, unless a line is wider than `width`."""
    if width is None:
        return _Window()
    available = max(width - gutter, _MIN_TEXT_WIDTH)
    lo = min(mark.start for mark in marks)
    hi = max(mark.end for mark in marks)
    if max(hi, *(snippet.line(n).width for n in shown)) <= available:
        return _Window()
    room = available - len(ELLIPSIS)
    if hi <= room:
        return _Window(0, room)
    left = max(lo - _CONTEXT, 0)
    right = left + room - len(ELLIPSIS) if left else room
    # Underlines may be cut at the right edge, but every mark's first cell stays in view:
    # better a line wider than the terminal than a lost caret.
    return _Window(left, max(right, max(mark.start for mark in marks) + 1))


def _mark_rows(marks: list[_Mark], severity: str, window: _Window) -> list[Row]:
    """The underline row of a line, then the labels that hang below it (rustc's layout).

    The rightmost mark's label follows the underline; the others hang from a `|` under
    their mark's first cell, right to left.
    """
    shift = window.shift
    marks = sorted(marks, key=lambda m: (m.start, m.end, m.primary))
    right = min(max(m.end for m in marks), window.right)
    canvas: list[tuple[str, str]] = [(" ", "")] * (right + shift)
    # Primary marks are drawn last so that `^` wins where marks overlap.
    for mark in sorted(marks, key=lambda m: m.primary):
        style = severity if mark.primary else "secondary"
        for cell in range(mark.start + shift, min(mark.end, right) + shift):
            canvas[cell] = ("^" if mark.primary else "-", style)
    inline, hanging = marks[-1], [m for m in marks[:-1] if m.label]
    row = _segments(canvas)
    if inline.label:
        row.append((f" {printable(inline.label)}", _style(inline, severity)))
    rows = [row]
    for index in range(len(hanging) - 1, -1, -1):
        mark = hanging[index]
        connectors: list[tuple[str, str]] = [(" ", "")] * (mark.start + shift + 1)
        for pending in hanging[: index + 1]:
            connectors[pending.start + shift] = ("|", _style(pending, severity))
        rows.append(_segments(connectors))
        label_row = _segments(connectors[: mark.start + shift])
        label_row.append((printable(mark.label), _style(mark, severity)))
        rows.append(label_row)
    return rows


def _style(mark: _Mark, severity: str) -> str:
    return severity if mark.primary else "secondary"


def _segments(canvas: list[tuple[str, str]]) -> Row:
    """Adjacent cells of one style joined into segments."""
    row: Row = []
    for char, style in canvas:
        if row and row[-1][1] == style:
            row[-1] = (row[-1][0] + char, style)
        else:
            row.append((char, style))
    return row


def _rstrip(row: Row) -> Row:
    """The row without trailing spaces (goldens and terminals alike prefer none)."""
    row = list(row)
    while row and not row[-1][0].rstrip():
        row.pop()
    if row:
        text, style = row[-1]
        row[-1] = (text.rstrip(), style)
    return row
