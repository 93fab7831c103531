"""Precedence helpers shared by the R rules: ranks of prosigns and addressee words."""

from __future__ import annotations

from validator.model import Addressee, Dtg
from validator.reference import precedence, precedence_rank, prosign_for_word
from validator.source import Span


def addressee_prosign(addressee: Addressee) -> str:
    """The prosign of an addressee's precedence word; no word means ROUTINE (`R`)."""
    word = addressee.precedence
    return prosign_for_word(word.text if word else None)


def rank(prosign: str) -> int:
    """Z 4 > O 3 > P 2 > R 1 (a typed `0` counts as `O`)."""
    return precedence_rank(prosign)


def addressee_rank(addressee: Addressee) -> int:
    """The rank of an addressee's precedence word (no word: ROUTINE, 1)."""
    word = addressee.precedence
    return precedence_rank(prosign_for_word(word.text if word else None))


def highest_dtg_prosign(dtg: Dtg) -> str:
    """The highest precedence of the DTG line (`O R` -> `O`)."""
    prosigns = [dtg.prosign]
    if dtg.info_precedence is not None:
        prosigns.append(dtg.info_precedence.text)
    return max(prosigns, key=rank)


def highest(addressees: tuple[Addressee, ...]) -> Addressee | None:
    """The first addressee with the highest precedence (None for an empty list)."""
    return max(addressees, key=addressee_rank, default=None)


def precedence_name(prosign: str) -> str:
    """`O` -> `IMMEDIATE`."""
    return precedence(prosign).name


def dtg_precedence_span(dtg: Dtg) -> Span:
    """The DTG line's prosign(s): `O` or `O R`."""
    first = dtg.precedence.span
    last = dtg.info_precedence.span if dtg.info_precedence is not None else first
    return Span(first.line, first.column, last.end_line, last.end_column)


def word_span(addressee: Addressee) -> Span:
    """Where the addressee's precedence shows: its word, or the whole entry without one."""
    return addressee.precedence.span if addressee.precedence else addressee.span


def word_label(addressee: Addressee) -> str:
    """`IMMEDIATE`, or `no precedence word (ROUTINE)`."""
    if addressee.precedence is None:
        return "no precedence word (ROUTINE)"
    return f"`{' '.join(addressee.precedence.text.split())}`"
