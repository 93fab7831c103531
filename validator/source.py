"""Reading cable files: decoding, newline handling and the offset <-> (line, column) map.

Everything downstream of this module works on `Source.text`, which always uses ``\\n`` line
ends, and speaks `Span`s: 1-based lines, 1-based columns counted in characters, the end column
exclusive (the column just after the last character, as SARIF counts it).
"""

from __future__ import annotations

import codecs
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

from validator._files import read_regular_file


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


@dataclass(slots=True)
class Source:
    """One cable text with `\\n` line ends and a line index."""

    text: str
    path: str | None = None
    encoding: str = "utf-8"
    newline: str = "\n"
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    # The line of the last `span` asked for (start offset, next line's start, index): the
    # parser asks in reading order, so most spans fall on the line of the one before.
    _cursor: tuple[int, int, int] = field(default=(0, -1, 0), repr=False, compare=False)

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

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        starts = self.line_starts
        index = bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def offset(self, line: int, column: int) -> int:
        return self.line_starts[line - 1] + column - 1

    def span(self, start: int, end: int) -> Span:
        """The span of text offsets `start` to `end` (exclusive)."""
        line_start, next_start, index = self._cursor
        if not line_start <= start < next_start:
            starts = self._line_starts or self.line_starts
            index = bisect_right(starts, start) - 1
            line_start = starts[index]
            next_start = starts[index + 1] if index + 1 < len(starts) else len(self.text) + 1
            self._cursor = (line_start, next_start, index)
        line, column = index + 1, start - line_start + 1
        if end <= start:
            return Span(line, column, line, column)
        # The end is exclusive: locate the last character, then step past it.
        if end - 1 < next_start:
            return Span(line, column, line, end - line_start + 1)
        starts = self._line_starts
        end_index = bisect_right(starts, end - 1) - 1
        return Span(line, column, end_index + 1, end - starts[end_index] + 1)

    def line_text(self, line: int) -> str:
        starts = self.line_starts
        start = starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end == -1 else self.text[start:end]
