"""The envelope grammar (grammar/cable.lark), compiled once and kept as plain data.

Lark reads the grammar and builds the LALR table; the line lexer needs only the terminals
(name, priority, regex) and the table. Those are stored as plain tuples and dicts in a cache
file keyed by the grammar text and the Lark version, so a run that finds the cache never
imports Lark at all: a pre-commit hook on one file starts fast.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import re
import tempfile
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple, TypeGuard

from validator._files import grammar_file

# A shift goes to a state (int); a reduce names the rule's origin and its length.
Action = int | tuple[str, int]

# Bump when the layout of `CompiledGrammar` changes.
_FORMAT = 3


class CompiledTerminal(NamedTuple):
    name: str
    priority: int
    pattern: str
    first_characters: frozenset[str] | None
    """The characters a match can start with (None: any): the lexer skips the terminal at
    once on a line that starts otherwise."""


class CompiledGrammar(NamedTuple):
    terminals: tuple[CompiledTerminal, ...]
    states: dict[int, dict[str, Action]]
    start: int
    """The state the `cable` start symbol begins in."""
    end: int
    """The state in which a whole `cable` has been read."""


def grammar_text() -> str:
    """The grammar: shipped inside the package, or read from the source tree."""
    with open(grammar_file(), encoding="utf-8") as grammar:
        return grammar.read()


def compile_grammar(text: str) -> CompiledGrammar:
    """Build the LALR table with Lark and keep what the line lexer needs."""
    from lark import Lark
    from lark.lexer import Lexer
    from lark.parsers.lalr_analysis import Shift

    class NoLexer(Lexer):
        """The grammar is lexed by `validator.lexer.LineLexer`, never by Lark."""

        def __init__(self, lexer_conf: Any) -> None:
            pass

        def lex(self, lexer_state: Any, parser_state: Any) -> Any:
            raise TypeError("the cable grammar is lexed by validator.lexer.LineLexer")

    lark = Lark(text, parser="lalr", lexer=NoLexer, start=["cable", "body_marker"])
    table = lark.parser.parser.parser.parse_table
    states: dict[int, dict[str, Action]] = {}
    for state, actions in table.states.items():
        states[state] = {
            # Lark's names are Token objects: plain str keeps Lark out of the unpickling.
            str(symbol): argument
            if kind is Shift
            else (str(argument.origin.name), len(argument.expansion))
            for symbol, (kind, argument) in actions.items()
        }
    terminals = tuple(
        CompiledTerminal(
            str(t.name),
            int(t.priority),
            str(t.pattern.to_regexp()),
            first_characters(str(t.pattern.to_regexp())),
        )
        for t in lark.terminals
    )
    return CompiledGrammar(
        terminals, states, table.start_states["cable"], table.end_states["cable"]
    )


def _lark_identity() -> str:
    """Where Lark is installed and when it was written: changes when Lark is upgraded.

    (importlib.metadata would say the version, but costs more than the rest of start-up.)
    """
    spec = importlib.util.find_spec("lark")
    if spec is None or spec.origin is None:
        return "no lark"
    stat = os.stat(spec.origin)
    return f"{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}"


def first_characters(pattern: str) -> frozenset[str] | None:
    """The characters a match of `pattern` can start with, or None when it may start with any
    (or match the empty string). Worked out from the regex's parse tree: literals, sets,
    alternatives, groups, repeats and zero-width assertions; anything else counts as any."""
    import re._constants as sre  # type: ignore[import-not-found]
    import re._parser as sre_parse  # type: ignore[import-not-found]

    def sequence(items: Any, ignore_case: bool) -> tuple[frozenset[str] | None, bool]:
        found: set[str] = set()
        for operator, argument in items:
            chars, nullable = item(operator, argument, ignore_case)
            if chars is None:
                return None, False
            found |= chars
            if not nullable:
                return frozenset(found), False
        return frozenset(found), True

    def folded(chars: set[str], ignore_case: bool) -> frozenset[str]:
        return frozenset(chars | {c.swapcase() for c in chars} if ignore_case else chars)

    def item(operator: Any, argument: Any, ignore_case: bool) -> tuple[frozenset[str] | None, bool]:
        if operator is sre.LITERAL:
            return folded({chr(argument)}, ignore_case), False
        if operator is sre.IN:
            chars: set[str] = set()
            for member, value in argument:
                if member is sre.LITERAL:
                    chars.add(chr(value))
                elif member is sre.RANGE and value[1] - value[0] <= 300:
                    chars.update(chr(code) for code in range(value[0], value[1] + 1))
                elif member is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
                    chars.update("0123456789")
                elif member is sre.CATEGORY and value is sre.CATEGORY_SPACE:
                    chars.update(" \t\n\r\f\v")
                else:  # a negated set, a wide range, another category
                    return None, False
            return folded(chars, ignore_case), False
        if operator is sre.BRANCH:
            union: set[str] = set()
            empty = False
            for branch in argument[1]:
                chars_, nullable = sequence(branch, ignore_case)
                if chars_ is None:
                    return None, False
                union |= chars_
                empty = empty or nullable
            return frozenset(union), empty
        if operator is sre.SUBPATTERN:
            _, add, remove, pattern_ = argument
            case = (ignore_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            return sequence(pattern_, case)
        if operator in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _, pattern_ = argument
            chars_, nullable = sequence(pattern_, ignore_case)
            return (None, False) if chars_ is None else (chars_, nullable or low == 0)
        if operator in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return frozenset(), True
        return None, False

    parsed = sre_parse.parse(pattern)
    chars, nullable = sequence(list(parsed), bool(parsed.state.flags & re.IGNORECASE))
    return None if nullable else chars


def _cache_path(text: str) -> Path:
    identity = f"{_FORMAT}\0{_lark_identity()}\0{text}"
    key = hashlib.sha256(identity.encode()).hexdigest()[:24]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cablelint" / f"grammar-{key}.pickle"


@cache
def cable_grammar() -> CompiledGrammar:
    """The compiled grammar: from the cache file when it is there, else built and stored."""
    text = grammar_text()
    path = _cache_path(text)
    try:
        with path.open("rb") as stored:
            loaded = pickle.load(stored)
        if _well_formed(loaded):
            return loaded
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass
    compiled = compile_grammar(text)
    _store(path, compiled)
    return compiled


def _well_formed(loaded: object) -> TypeGuard[CompiledGrammar]:
    """Whether a cache file holds a usable table (not a damaged or foreign pickle)."""
    return (
        isinstance(loaded, CompiledGrammar)
        and isinstance(loaded.terminals, tuple)
        and all(isinstance(t, CompiledTerminal) for t in loaded.terminals)
        and isinstance(loaded.states, dict)
        and loaded.start in loaded.states
        and loaded.end in loaded.states
    )


def _store(path: Path, compiled: CompiledGrammar) -> None:
    """Write the cache atomically; a read-only home only costs the next run the build."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(compiled, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        pass


@cache
def terminal_pattern(name: str) -> re.Pattern[str]:
    """The compiled regex of one of the grammar's terminals."""
    for terminal in cable_grammar().terminals:
        if terminal.name == name:
            return re.compile(terminal.pattern)
    raise KeyError(name)
