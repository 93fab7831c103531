"""Loading the envelope grammar (grammar/cable.lark) once per process."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark
from lark.lexer import Lexer


class _NoLexer(Lexer):
    """The grammar is lexed line by line by `validator.lexer.LineLexer`, never by Lark."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, lexer_state: Any, parser_state: Any) -> Any:
        raise TypeError("cable grammar: feed tokens through validator.lexer.LineLexer")


def grammar_text() -> str:
    """The grammar: shipped inside the package, or read from the source tree."""
    shipped = resources.files("validator") / "grammar" / "cable.lark"
    if shipped.is_file():
        return shipped.read_text(encoding="utf-8")
    return (Path(__file__).resolve().parent.parent / "grammar" / "cable.lark").read_text(
        encoding="utf-8"
    )


@cache
def cable_grammar() -> Lark:
    """The LALR parser for the envelope (start `cable`) and the body markers (`body_marker`)."""
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer=_NoLexer,
        start=["cable", "body_marker"],
        cache=True,
    )


@cache
def terminal_pattern(name: str) -> re.Pattern[str]:
    """The compiled regex of one of the grammar's terminals."""
    for terminal in cable_grammar().terminals:
        if terminal.name == name:
            return re.compile(terminal.pattern.to_regexp())
    raise KeyError(name)
