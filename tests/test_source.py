from __future__ import annotations

import codecs

import pytest

from validator.source import NotTextError, Source, Span, decode


def test_positions_are_one_based_with_exclusive_end() -> None:
    source = Source.from_text("ab\ncde\n")
    assert source.position(0) == (1, 1)
    assert source.position(3) == (2, 1)
    assert source.span(3, 6) == Span(2, 1, 2, 4)
    assert source.line_text(2) == "cde"
    assert source.line_count == 2


def test_crlf_is_read_as_lf_and_remembered() -> None:
    source = Source.from_text("UNCLAS\r\nSIPDIS\r\n")
    assert source.text == "UNCLAS\nSIPDIS\n"
    assert source.newline == "\r\n"


def test_lone_cr_line_ends() -> None:
    source = Source.from_text("A\rB\r")
    assert source.text == "A\nB\n"
    assert source.newline == "\r"


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        ("¶1. (C)".encode(), "utf-8", "¶1. (C)"),
        (codecs.BOM_UTF8 + "¶1.".encode(), "utf-8-sig", "¶1."),
        ("¶1.".encode("utf-16"), "utf-16", "¶1."),
        (b"\xb61. (C) caf\xe9", "cp1252", "¶1. (C) café"),
        (b"\x81\xb6", "latin-1", "\x81¶"),
    ],
)
def test_decoding(data: bytes, encoding: str, text: str) -> None:
    assert decode(data) == (text, encoding)


def test_binary_is_not_text() -> None:
    with pytest.raises(NotTextError):
        decode(b"\x00\x01\x02PNG")
