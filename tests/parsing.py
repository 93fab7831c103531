"""Helpers for the parser tests: parse a snippet, read a field as (text, span)."""

from __future__ import annotations

from textwrap import dedent
from typing import Protocol

from validator.model import Cable, Field
from validator.parse import ParseResult, parse_text
from validator.source import Span

# A dated, addressed cable up to its classification line (4 lines): front-matter snippets
# appended to it start on line 5.
DTG_FIRST = (
    "P 091657Z SEP 09\n"
    "FM AMEMBASSY BERLIN\n"
    "TO SECSTATE WASHDC PRIORITY 5130\n"
    "C O N F I D E N T I A L BERLIN 001106\n"
)
# The front matter every layout requires, for snippets that test something else.
FRONT = "E.O. 12958: DECL: 09/09/2019\nTAGS: PGOV GM\nSUBJECT: BERLIN NOTES\n"


def snippet(*parts: str) -> str:
    """The text of snippets joined. An indented triple-quoted snippet (a line break, then
    indentation) is dedented and loses the line break after its opening quotes."""
    return "".join(dedent(part)[1:] if part.startswith(("\n ", "\n\t")) else part for part in parts)


def parse(*parts: str) -> ParseResult:
    return parse_text(snippet(*parts))


def cable(*parts: str) -> Cable:
    """The model of a snippet that must parse without any syntax diagnostic."""
    return clean(parse(*parts))


def exact(text: str) -> Cable:
    """The model of a text taken as it is (blank lines and indentation kept)."""
    return clean(parse_text(text))


def clean(result: ParseResult) -> Cable:
    assert [f"{d.code} {d.span} {d.message}" for d in result.diagnostics] == []
    return result.cable


def value(field: Field | None) -> tuple[str, str] | None:
    """A field as (text, "line:column-end_line:end_column")."""
    return None if field is None else (field.text, str(field.span))


class HasSpan(Protocol):
    @property
    def span(self) -> Span: ...


def where(element: HasSpan | None) -> str | None:
    """An element's span as "line:column-end_line:end_column"."""
    return None if element is None else str(element.span)


def findings(result: ParseResult) -> list[tuple[str, str]]:
    """The syntax diagnostics as (code, span), in report order."""
    return [(d.code, str(d.span)) for d in result.diagnostics]
