"""The line lexer that feeds the envelope grammar (grammar/cable.lark).

A contextual lexer working on lines: at each step it asks the LALR parser which terminals it
can accept, offers the current line (or the rest of a line that holds merged elements) to
those terminals, highest priority first and then longest match, and feeds the winner to the
parser. Blank lines carry no token. Lexing stops at the first line the parser cannot take
where the envelope may end: that is where the body starts, and the body is never lexed.

Lines that fit nowhere are not fatal: a line that is a known element in the wrong place is
reported as out of order or repeated, anything else as unrecognised; both are skipped so that
one run reports every bad line (error recovery).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from validator.grammar import CompiledGrammar

# Terminals that continue the element of the previous line: only taken when no blank line
# separates them from it (a blank line ends a wrapped SUBJECT, REF or Classified By).
ADJACENT_ONLY = frozenset({"CONTINUATION", "TAGS_CONTINUATION"})

# Terminals that take any line (free text in a given place): they never name what a
# misplaced line is, and they are not offered as "expected" in messages.
ANY_LINE = frozenset(
    {"CONTINUATION", "PASSING_LINE", "FOREIGN_LINE", "DISTRIBUTION_LINE", "MAIL_LINE"}
)

# Inside the addressee block an entry (ADDRESSEE) or a foreign line takes almost any line, so a
# header line out of place there (a second DTG, TO after INFO) is checked for first and
# reported (E103/E104) instead of being read as an addressee.
LIST_LINES = frozenset({"ADDRESSEE", "FOREIGN_LINE"})
HEADER_LINES = (
    "TRANSMISSION_ID", "ROUTING_LINE", "DE_LINE", "SECURITY_WARNING", "DTG_LINE", "FM_LINE",
    "TO_KEYWORD", "INFO_KEYWORD",
)  # fmt: skip
# After a foreign line the rest up to the classification line is foreign too (a duplicated
# header of the archive, 2.0), where header lines are expected.
FOREIGN_LINES = frozenset({"FOREIGN_LINE", "WEEKDAY_LINE"})


class Terminal(NamedTuple):
    name: str
    priority: int
    regex: re.Pattern[str]
    first: frozenset[str] | None
    """What a match can start with (None: anything)."""


class LineToken(NamedTuple):
    """A terminal matched in the text: `match` holds its fields as named groups."""

    name: str
    start: int
    end: int
    match: re.Match[str]
    merged: bool
    """True when the token does not start its line (it shares the line with an element)."""


class Misfit(NamedTuple):
    """Text the parser could not take: a known element out of place, or an unknown line."""

    start: int
    end: int
    element: str | None
    """The terminal the text matches elsewhere in the grammar (None: nothing matches)."""
    expected: tuple[str, ...]
    """The terminals that were acceptable there."""


class LexResult(NamedTuple):
    tokens: tuple[LineToken, ...]
    misfits: tuple[Misfit, ...]
    end: int
    """Offset where the envelope ends (start of the body)."""
    complete: bool
    """True when the parser accepted the token stream as a whole cable envelope."""


class _Automaton:
    """The LALR automaton of the grammar, driven token by token without building a tree.

    Only acceptance matters here (the model is built from the tokens), so a shift pushes a
    state and a reduce pops the rule's length and follows the goto: no tree, no callbacks.
    """

    def __init__(self, grammar: CompiledGrammar) -> None:
        self._states = grammar.states
        self._end = grammar.end
        self.stack = [grammar.start]

    @property
    def state(self) -> int:
        return self.stack[-1]

    def feed(self, terminal: str) -> bool:
        """Shift `terminal` after any reductions; if it is not acceptable, return False and
        leave the stack as it was."""
        states, stack = self._states, self.stack
        saved = list(stack)
        while True:
            action = states[stack[-1]].get(terminal)
            if action is None:
                stack[:] = saved
                return False
            if isinstance(action, int):
                stack.append(action)
                return True
            self._reduce(action)

    def finish(self) -> bool:
        """Feed the end of input: True when the tokens form a whole `cable`."""
        states, stack = self._states, self.stack
        while stack[-1] != self._end:
            action = states[stack[-1]].get("$END")
            if action is None or isinstance(action, int):
                return False
            self._reduce(action)
        return True

    def _reduce(self, rule: tuple[str, int]) -> None:
        origin, size = rule
        stack = self.stack
        if size:
            del stack[-size:]
        goto = self._states[stack[-1]][origin]
        assert isinstance(goto, int)
        stack.append(goto)


class LineLexer:
    """Lexes cable text against the LALR grammar whose terminals are line segments."""

    def __init__(self, grammar: CompiledGrammar) -> None:
        self._grammar = grammar
        self._table_states = grammar.states
        self._terminals = {
            terminal.name: Terminal(
                terminal.name,
                terminal.priority,
                re.compile(terminal.pattern),
                terminal.first_characters,
            )
            for terminal in grammar.terminals
        }
        self._named = sorted(
            (t for t in self._terminals.values() if t.name not in ANY_LINE),
            key=lambda t: -t.priority,
        )
        self._header_lines = tuple(self._terminals[name] for name in HEADER_LINES)
        self._header_lines_at: dict[str, tuple[Terminal, ...]] = {}
        self._by_state: dict[int, tuple[tuple[Terminal, ...], bool]] = {}
        self._by_state_and_start: dict[tuple[int, str], tuple[tuple[Terminal, ...], bool]] = {}

    def _candidates(self, position: int) -> tuple[tuple[Terminal, ...], bool]:
        """Terminals acceptable in a parser state, best first, and whether it may end."""
        known = self._by_state.get(position)
        if known is None:
            actions = self._table_states[position]
            acceptable = [self._terminals[name] for name in actions if name in self._terminals]
            acceptable.sort(key=lambda t: -t.priority)
            known = (tuple(acceptable), "$END" in actions)
            self._by_state[position] = known
        return known

    def _candidates_at(self, position: int, start: str) -> tuple[tuple[Terminal, ...], bool]:
        """`_candidates` less the terminals that cannot start with the character `start`:
        most lines are offered to one or two terminals instead of ten."""
        key = (position, start)
        known = self._by_state_and_start.get(key)
        if known is None:
            every, may_end = self._candidates(position)
            known = (_starting_with(every, start), may_end)
            self._by_state_and_start[key] = known
        return known

    @staticmethod
    def _best(
        terminals: tuple[Terminal, ...] | list[Terminal], text: str, pos: int, blank_before: bool
    ) -> tuple[Terminal, re.Match[str]] | None:
        best: tuple[Terminal, re.Match[str]] | None = None
        for terminal in terminals:
            if best is not None and terminal.priority < best[0].priority:
                break
            if blank_before and terminal.name in ADJACENT_ONLY:
                continue
            match = terminal.regex.match(text, pos)
            if match is None:
                continue
            if best is None or match.end() > best[1].end():
                best = (terminal, match)
        return best

    def lex(self, text: str) -> LexResult:
        """Lex the envelope of `text` (which must end with a newline)."""
        automaton = _Automaton(self._grammar)
        tokens: list[LineToken] = []
        misfits: list[Misfit] = []
        length = len(text)
        pos = 0
        at_line_start = True
        blank_before = False
        end = length
        previous = ""
        while pos < length:
            if at_line_start:
                line_end = text.find("\n", pos)
                content = _BLANKS.match(text, pos).end()  # type: ignore[union-attr]
                if content >= line_end:
                    pos = line_end + 1
                    blank_before = True
                    continue
                pos = content
            start = text[pos]
            candidates, may_end = self._candidates_at(automaton.state, start)
            found = self._best(candidates, text, pos, blank_before)
            if found is None:
                if may_end and at_line_start:
                    end = text.rfind("\n", 0, pos) + 1
                    break
                misfit = self._misfit(text, pos, self._candidates(automaton.state)[0])
                last = misfits[-1] if misfits else None
                if (
                    last is not None
                    and last.element is None
                    and misfit.element is None
                    and not text[last.end : misfit.start].strip()
                ):
                    # A run of unrecognised lines is one finding, not one per line.
                    misfit = Misfit(last.start, misfit.end, None, last.expected)
                    misfits[-1] = misfit
                else:
                    misfits.append(misfit)
                # The rest of the line belongs to the misplaced element: skip it all.
                pos, at_line_start = text.index("\n", misfit.end) + 1, True
                blank_before = False
                continue
            terminal, match = found
            if terminal.name in LIST_LINES and at_line_start and previous not in FOREIGN_LINES:
                header_lines = self._header_lines_at.get(start)
                if header_lines is None:
                    header_lines = _starting_with(self._header_lines, start)
                    self._header_lines_at[start] = header_lines
                misplaced = self._best(header_lines, text, pos, blank_before=False)
                if misplaced is not None:
                    misfits.append(self._misfit(text, pos, self._candidates(automaton.state)[0]))
                    # The rest of the line belongs to the misplaced element: skip it all.
                    pos, at_line_start = text.index("\n", misplaced[1].end()) + 1, True
                    blank_before = False
                    continue
            previous = terminal.name
            if automaton.feed(terminal.name):
                tokens.append(LineToken(terminal.name, pos, match.end(), match, not at_line_start))
            else:
                misfits.append(Misfit(pos, match.end(), terminal.name, ()))
            pos, at_line_start = _advance(text, match.end())
            blank_before = False
        return LexResult(tuple(tokens), tuple(misfits), end, automaton.finish())

    def _misfit(self, text: str, pos: int, expected: tuple[Terminal, ...]) -> Misfit:
        line_end = text.find("\n", pos)
        found = self._best(self._named, text, pos, blank_before=False)
        names = tuple(t.name for t in expected if t.name not in ANY_LINE)
        if found is not None:
            return Misfit(pos, found[1].end(), found[0].name, names)
        return Misfit(pos, line_end, None, names)


def _starting_with(terminals: tuple[Terminal, ...], start: str) -> tuple[Terminal, ...]:
    """The terminals whose match can begin with the character `start`."""
    return tuple(t for t in terminals if t.first is None or start in t.first)


_BLANKS = re.compile(r"[ \t\f\v]*")


def _advance(text: str, pos: int) -> tuple[int, bool]:
    """Skip blanks after a token: the next token starts the next line or shares this one."""
    pos = _BLANKS.match(text, pos).end()  # type: ignore[union-attr]
    if pos < len(text) and text[pos] == "\n":
        return pos + 1, True
    return pos, False
