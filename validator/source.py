"""Reading cable files: decoding, newline handling and the offset <-> (line, column) map.

Everything downstream of this module works on `Source.text`, which always uses ``\\n`` line
ends, and speaks `Span`s: 1-based lines, 1-based columns counted in characters, the end column
exclusive (the column just after the last character, as SARIF counts it).
"""

from __future__ import annotations

import codecs
import sys
from bisect import bisect_right
from itertools import accumulate
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from validator._files import read_regular_file

if TYPE_CHECKING:
    from pathlib import Path


class Span(NamedTuple):
    """A range of source text: 1-based line and column, `end_column` exclusive.

    A named tuple rather than a dataclass: the parser makes one per element of every cable,
    and a tuple is several times cheaper to build.
    """

    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column}-{self.end_line}:{self.end_column}"


# Spans are made by the thousand: `tuple.__new__` skips the Python-level `Span.__new__`.
_new_span = tuple.__new__

# The "next line's start" of the last line: every offset from its start on falls in it.
_PAST_THE_END = sys.maxsize

_start_offset = itemgetter(0)


class NotTextError(ValueError):
    """The bytes are not text in any encoding cables are kept in (binary, NUL bytes)."""


# Control characters other than tab, newline, carriage return and form feed: a file made
# mostly of them is binary, not a cable in an unusual encoding.
_BINARY_BYTES = bytes([*range(0, 9), 11, *range(14, 32), 127])


def decode(data: bytes) -> tuple[str, str]:
    """Decode file bytes, returning the text and the name of the encoding used.

    Order: a byte-order mark decides (UTF-8, UTF-16); then strict UTF-8; then Windows-1252
    (which agrees with Latin-1 on every printable byte, `¶` included) for single-byte exports.
    Raises `NotTextError` for binary data.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    sample = data[:8192]
    if (
        b"\x00" in sample
        or len(sample) - len(sample.translate(None, _BINARY_BYTES)) > len(sample) // 10
    ):
        raise NotTextError("binary data (NUL or control bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # The five bytes cp1252 leaves undefined are C1 controls in Latin-1.
        return data.decode("latin-1"), "latin-1"


def _newline_style(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    if crlf >= max(cr, lf) and crlf:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


class Source:
    """One cable text with `\\n` line ends, and where its lines are.

    Lines are located on demand. Spans are asked for mostly in reading order, and a cable's
    body is long while its envelope is short: a line past every line located so far (the
    frontier) is found by counting the newlines on the way, at C speed and without building
    anything; a line behind it is one of the lines located, or found by counting from the
    nearest of them. Should the counting behind the frontier add up to the text's length
    (spans asked for all over a big file), the whole line index is built and searched from
    then on: the work stays linear.

    (A plain class, not a dataclass: a run the cache answers imports this module, and
    `dataclasses` would cost it 8 ms of imports.)
    """

    __slots__ = (
        "_cursor",
        "_line_starts",
        "_located",
        "_recounted",
        "encoding",
        "newline",
        "path",
        "text",
    )

    def __init__(
        self, text: str, path: str | None = None, encoding: str = "utf-8", newline: str = "\n"
    ) -> None:
        self.text = text
        self.path = path
        self.encoding = encoding
        self.newline = newline
        # The whole line index, once built (`line_starts`).
        self._line_starts: list[int] = []
        # The lines located so far, each past the one before: (start offset, next line's
        # start, index), from the line before the first (ending where the first begins).
        self._located: list[tuple[int, int, int]] = [(0, 0, -1)]
        # Characters counted again behind the frontier (the last line located): past the
        # text's length, `_line_starts` is built and used instead.
        self._recounted = 0
        # The line of the last offset located: most spans fall on the line of the one before.
        self._cursor: tuple[int, int, int] = (0, -1, 0)

    def __repr__(self) -> str:
        return f"Source(path={self.path!r}, encoding={self.encoding!r}, {len(self.text)} chars)"

    def _identity(self) -> tuple[str, str | None, str, str]:
        return self.text, self.path, self.encoding, self.newline

    def __eq__(self, other: object) -> bool:
        """The same text read from the same path the same way (where lines were located so
        far does not count)."""
        if not isinstance(other, Source):
            return NotImplemented
        return self._identity() == other._identity()

    __hash__ = None  # type: ignore[assignment]  # equal by value, and mutable

    @classmethod
    def from_text(cls, raw: str, path: str | None = None, encoding: str = "utf-8") -> Source:
        newline = _newline_style(raw) if "\r" in raw else "\n"
        text = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw
        return cls(text=text, path=path, encoding=encoding, newline=newline)

    @classmethod
    def from_bytes(cls, data: bytes, path: str | None = None) -> Source:
        raw, encoding = decode(data)
        return cls.from_text(raw, path=path, encoding=encoding)

    @classmethod
    def from_path(cls, path: str | Path) -> Source:
        return cls.from_bytes(read_regular_file(path), path=str(path))

    @property
    def line_starts(self) -> list[int]:
        """The start offset of every line."""
        if not self._line_starts:
            # Each line starts one past the end of the one before: split and add up the
            # lengths at C speed (a find loop in Python costs several times more).
            lengths = (len(line) + 1 for line in self.text.split("\n"))
            starts = [0, *accumulate(lengths)]
            starts.pop()  # the text's end, one past its last line
            self._line_starts = starts
        return self._line_starts

    @property
    def line_count(self) -> int:
        starts = self.line_starts
        # A final newline does not open another line.
        return len(starts) - 1 if starts[-1] == len(self.text) and len(starts) > 1 else len(starts)

    def _line(self, offset: int) -> tuple[int, int, int]:
        """The line holding `offset`: its start offset, the next line's start, its index."""
        line_start, next_start, _ = self._cursor
        if line_start <= offset < next_start:
            return self._cursor
        return self._locate(offset)

    def _locate(self, offset: int) -> tuple[int, int, int]:
        """`_line` for an offset off the cursor's line (which then moves there)."""
        if self._line_starts or offset < 0:
            return self._indexed_line(offset)
        located = self._located
        line = located[-1]
        behind = offset < line[0]
        if behind:
            line = located[bisect_right(located, offset, key=_start_offset) - 1]
        line_start, next_start, index = line
        if offset >= next_start:
            # Count the newlines from the end of the line located before (none, most often).
            text = self.text
            line_start = text.rfind("\n", next_start, offset) + 1 or next_start
            index += 1 + text.count("\n", next_start, line_start) if line_start > next_start else 1
            newline = text.find("\n", offset)
            if not behind:  # past the frontier: text not read before
                line = (line_start, _PAST_THE_END if newline == -1 else newline + 1, index)
                located.append(line)
            else:  # behind it, so before a newline
                line = (line_start, newline + 1, index)
                self._recounted += newline + 1 - next_start
                if self._recounted > len(text):
                    return self._indexed_line(offset)
        self._cursor = line
        return line

    def _indexed_line(self, offset: int) -> tuple[int, int, int]:
        """`_locate` with the whole line index."""
        starts = self.line_starts
        index = bisect_right(starts, offset) - 1
        next_start = starts[index + 1] if index + 1 < len(starts) else _PAST_THE_END
        self._cursor = (starts[index], next_start, index)
        return self._cursor

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        line_start, _, index = self._line(offset)
        return index + 1, offset - line_start + 1

    def offset(self, line: int, column: int) -> int:
        return self.line_starts[line - 1] + column - 1

    def span(self, start: int, end: int) -> Span:
        """The span of text offsets `start` to `end` (exclusive). An end past the text stops at
        its end: the parser reads the text with a final newline added when it has none."""
        if end > len(self.text):
            end = len(self.text)
        line_start, next_start, index = self._cursor
        if not line_start <= start < next_start:
            line_start, next_start, index = self._locate(start)
        line, column = index + 1, start - line_start + 1
        if end <= start:
            return _new_span(Span, (line, column, line, column))
        # The end is exclusive: locate the last character, then step past it.
        if end - 1 < next_start:
            return _new_span(Span, (line, column, line, end - line_start + 1))
        end_start, _, end_index = self._locate(end - 1)
        return _new_span(Span, (line, column, end_index + 1, end - end_start + 1))

    def line_text(self, line: int) -> str:
        starts = self.line_starts
        start = starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end == -1 else self.text[start:end]
