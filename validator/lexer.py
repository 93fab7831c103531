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
from collections.abc import Iterable
from itertools import groupby
from typing import NamedTuple

from validator.grammar import Action, CompiledGrammar

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


# Tokens are made by the thousand: `tuple.__new__` skips the Python-level `LineToken.__new__`.
_new_token = tuple.__new__


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


# Terminals to offer a line, in groups of equal priority, highest first: the first group with
# a match wins, and in it the longest match (the first of equally long ones).
Offer = tuple[tuple[Terminal, ...], ...]


class _Offers:
    """Terminals to offer a line, by the line's first character (worked out once for each)."""

    __slots__ = ("_starts", "by_start", "terminals")

    def __init__(self, terminals: Iterable[Terminal], starts: frozenset[str]) -> None:
        self.terminals = _by_priority(terminals)
        self.by_start: dict[str, tuple[Offer, Offer]] = {}
        """`offer(start)`, kept for the characters some terminal can start with."""
        self._starts = starts

    def offer(self, start: str) -> tuple[Offer, Offer]:
        """The terminals to offer a line starting with the character `start`, after a
        non-blank line and after a blank line (which the terminals that continue the line
        above cannot follow). Most lines are offered to one or two terminals instead of ten."""
        # Characters no terminal names as a possible start are all offered the same terminals:
        # one key for them, so that a file of odd characters cannot grow the table.
        key = start if start in self._starts else ""
        known = self.by_start.get(key)
        if known is None:
            after_text = _starting_with(self.terminals, key)
            after_blank = tuple(t for t in after_text if t.name not in ADJACENT_ONLY)
            known = (_grouped(after_text), _grouped(after_blank))
            self.by_start[key] = known
        return known


class _State(_Offers):
    """A state of the LALR table: its actions and the terminals it accepts."""

    __slots__ = ("actions", "expected", "may_end")

    def __init__(
        self, actions: dict[str, Action], terminals: dict[str, Terminal], starts: frozenset[str]
    ) -> None:
        # In the grammar's order, not the table's: Lark numbers states and orders their
        # actions differently on every build, and the order decides ties between terminals
        # and the "expected" lists of messages, which must not change between installs.
        super().__init__(
            (terminal for name, terminal in terminals.items() if name in actions), starts
        )
        self.actions = actions
        self.may_end = "$END" in actions
        """Whether the envelope may end in this state."""
        self.expected = tuple(t.name for t in self.terminals if t.name not in ANY_LINE)
        """The terminals named as expected when a line does not fit here."""


class _Stack:
    """A parser stack, interned: its top state and the stack below it. Equal stacks are one
    object, so what a terminal does to a stack is worked out once and kept in `after`."""

    __slots__ = ("after", "below", "complete", "state")

    def __init__(self, state: _State, below: _Stack | None) -> None:
        self.state = state
        self.below = below
        self.after: dict[str, _Stack | None] = {}
        """The stack once a terminal is shifted (None: the terminal is not acceptable)."""
        self.complete: bool | None = None
        """Whether the tokens read form a whole `cable` (None: not worked out yet)."""


# Interned stacks kept before the automaton starts afresh. The grammar has no nested
# recursion, so its stacks are finite: the cables of the archive use about 300, any token
# sequence at all reaches about 8,000. The bound keeps memory flat should a grammar change
# allow stacks without limit.
_STACK_LIMIT = 10_000


class _Automaton:
    """The LALR automaton of the grammar, driven token by token without building a tree.

    Only acceptance matters here (the model is built from the tokens), so a shift pushes a
    state and a reduce pops the rule's length and follows the goto: no tree, no callbacks.
    Stacks are persistent and interned (`_Stack`): envelopes repeat their structure, so after
    a few cables a token is one dict lookup, with no copying and no reductions.
    """

    def __init__(self, grammar: CompiledGrammar, states: dict[int, _State]) -> None:
        self._states = states
        self._start = states[grammar.start]
        self._end = states[grammar.end]
        self._interned: dict[tuple[_State, _Stack | None], _Stack] = {}
        self.empty = self._push(None, self._start)
        """The stack before the first token."""

    def renew_if_large(self) -> None:
        """Forget the stacks seen so far once there are too many of them."""
        if len(self._interned) > _STACK_LIMIT:
            self._interned = {}
            self.empty = self._push(None, self._start)

    def shift(self, stack: _Stack, terminal: str) -> _Stack | None:
        """The stack after `terminal` is shifted (after any reductions), or None if the
        terminal is not acceptable."""
        try:
            return stack.after[terminal]
        except KeyError:
            pass
        top, following = stack, None
        while True:
            action = top.state.actions.get(terminal)
            if action is None:
                break
            if isinstance(action, int):
                following = self._push(top, self._states[action])
                break
            top = self._reduce(top, action)
        stack.after[terminal] = following
        return following

    def accepts(self, stack: _Stack) -> bool:
        """Feed the end of input: True when the tokens form a whole `cable`."""
        if stack.complete is None:
            stack.complete = self._reduces_to_end(stack)
        return stack.complete

    def _reduces_to_end(self, stack: _Stack) -> bool:
        top = stack
        while top.state is not self._end:
            action = top.state.actions.get("$END")
            if action is None or isinstance(action, int):
                return False
            top = self._reduce(top, action)
        return True

    def _reduce(self, stack: _Stack, rule: tuple[str, int]) -> _Stack:
        origin, size = rule
        below: _Stack | None = stack
        for _ in range(size):
            assert below is not None
            below = below.below
        assert below is not None
        goto = below.state.actions[origin]
        assert isinstance(goto, int)
        return self._push(below, self._states[goto])

    def _push(self, below: _Stack | None, state: _State) -> _Stack:
        key = (state, below)
        stack = self._interned.get(key)
        if stack is None:
            stack = self._interned[key] = _Stack(state, below)
        return stack


class LineLexer:
    """Lexes cable text against the LALR grammar whose terminals are line segments."""

    def __init__(self, grammar: CompiledGrammar) -> None:
        self._terminals = {
            terminal.name: Terminal(
                terminal.name,
                terminal.priority,
                re.compile(terminal.pattern),
                terminal.first_characters,
            )
            for terminal in grammar.terminals
        }
        starts = frozenset().union(*(t.first for t in self._terminals.values() if t.first))
        states = {
            number: _State(actions, self._terminals, starts)
            for number, actions in grammar.states.items()
        }
        self._automaton = _Automaton(grammar, states)
        self._named = _grouped(
            _by_priority(t for t in self._terminals.values() if t.name not in ANY_LINE)
        )
        self._header_lines = _Offers((self._terminals[name] for name in HEADER_LINES), starts)

    def lex(self, text: str) -> LexResult:
        """Lex the envelope of `text` (which must end with a newline)."""
        automaton = self._automaton
        automaton.renew_if_large()
        stack = automaton.empty
        tokens: list[LineToken] = []
        misfits: list[Misfit] = []
        length = len(text)
        pos = 0
        at_line_start = True
        blank_before = False
        end = length
        previous = ""
        while pos < length:
            start = text[pos]
            if start in _BLANK_CHARACTERS:
                pos = _BLANKS.match(text, pos).end()  # type: ignore[union-attr]
                start = text[pos]
            if start == "\n":
                if at_line_start:  # a blank line (else the end of a token's line)
                    blank_before = True
                pos, at_line_start = pos + 1, True
                continue
            state = stack.state
            offered = state.by_start.get(start) or state.offer(start)
            found = _best(offered[blank_before], text, pos)
            if found is None:
                if state.may_end and at_line_start:
                    end = text.rfind("\n", 0, pos) + 1
                    break
                misfit = self._misfit(text, pos, state)
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
            name = terminal.name
            if name in LIST_LINES and at_line_start and previous not in FOREIGN_LINES:
                misplaced = _best(self._header_lines.offer(start)[False], text, pos)
                if misplaced is not None:
                    misfits.append(self._misfit(text, pos, state))
                    # The rest of the line belongs to the misplaced element: skip it all.
                    pos, at_line_start = text.index("\n", misplaced[1].end()) + 1, True
                    blank_before = False
                    continue
            previous = name
            try:  # `shift` at the cost of a lookup once the stack has seen the terminal
                following = stack.after[name]
            except KeyError:
                following = automaton.shift(stack, name)
            token_end = match.end()
            if following is not None:
                stack = following
                tokens.append(
                    _new_token(LineToken, (name, pos, token_end, match, not at_line_start))
                )
            else:
                misfits.append(Misfit(pos, token_end, name, ()))
            blank_before = False
            # Most tokens end their line: step over its newline here, not in another round.
            if token_end < length and text[token_end] == "\n":
                pos, at_line_start = token_end + 1, True
            else:
                pos, at_line_start = token_end, False
        return LexResult(tuple(tokens), tuple(misfits), end, automaton.accepts(stack))

    def _misfit(self, text: str, pos: int, state: _State) -> Misfit:
        line_end = text.find("\n", pos)
        found = _best(self._named, text, pos)
        if found is not None:
            return Misfit(pos, found[1].end(), found[0].name, state.expected)
        return Misfit(pos, line_end, None, state.expected)


def _best(offer: Offer, text: str, pos: int) -> tuple[Terminal, re.Match[str]] | None:
    """The terminal of `offer` that takes the text at `pos`, and its match."""
    for group in offer:
        best: tuple[Terminal, re.Match[str]] | None = None
        for terminal in group:
            match = terminal.regex.match(text, pos)
            if match is not None and (best is None or match.end() > best[1].end()):
                best = (terminal, match)
        if best is not None:
            return best
    return None


def _by_priority(terminals: Iterable[Terminal]) -> tuple[Terminal, ...]:
    """The terminals, highest priority first (in their given order within a priority)."""
    return tuple(sorted(terminals, key=lambda t: -t.priority))


def _grouped(terminals: tuple[Terminal, ...]) -> Offer:
    """Terminals sorted by priority, as an `Offer`: in groups of equal priority."""
    return tuple(tuple(group) for _, group in groupby(terminals, key=lambda t: t.priority))


def _starting_with(terminals: tuple[Terminal, ...], start: str) -> tuple[Terminal, ...]:
    """The terminals whose match can begin with the character `start`."""
    return tuple(t for t in terminals if t.first is None or start in t.first)


_BLANK_CHARACTERS = " \t\f\v"
_BLANKS = re.compile(f"[{_BLANK_CHARACTERS}]*")
