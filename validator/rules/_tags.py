"""What each item of a TAGS line is: a known code, a person, a typo, a malformed or merged
code, a free keyword of the archive, or an unknown code (ENVELOPE.md 2.15, C15).

The order of the questions matters. tags.tsv records known errors with the code(s) they
stand for (`POGOV` -> `PGOV`, `EINDETRD` -> `EIND ETRD`): those are answered first. Then
known codes hidden by punctuation or run together (`PHUM.`, `PTER.YM`, `EINDETRD`). Free
keywords (`Human Rights`, `GAZA DISENGAGEMENT`) are items of several words, in mixed case,
or anything else unlisted in a partial extract, where the archive appended them. What is
left is malformed if it has not the shape of a code (2 to 6 letters, an optional
`-digit`), else unknown.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import cache, lru_cache
from typing import NamedTuple

from validator.model import Cable, Field
from validator.reference import known_tags, tag_kind, tag_replacement
from validator.rules._memo import per_cable
from validator.spelling import Vocabulary

_CODE_SHAPE = re.compile(r"[A-Za-z]{2,6}(?:-\d)?")
_NOT_LETTERS = re.compile(r"[^A-Za-z]+")
# A merged code holds at least one subject or program code: two-letter country codes are
# so many that two of them side by side match most four-letter typos.
_LONG_PART = 4


class TagProblem(Enum):
    TYPO = "typo"
    """A code recorded as a typo or a wrong code for another (`POGOV`, `RU`, `EU`)."""
    MERGED = "merged"
    """Two codes run together (`EINDETRD`, `PTER.YM`)."""
    MALFORMED = "malformed"
    """Not the shape of a code (`PHUM.`, `-`, digits, seven letters or more)."""
    FREE_KEYWORD = "free-keyword"
    """A word or phrase the archive appended (`Human Rights`)."""
    UNKNOWN = "unknown"
    """Code-shaped but in no list."""


class TagItem(NamedTuple):
    """A TAGS item that is not a known code or a person, and what it may stand for."""

    field: Field
    problem: TagProblem
    suggestion: str | None


@per_cable
def tag_items(cable: Cable) -> list[TagItem]:
    """The items of the TAGS line that are not known codes or persons in parentheses."""
    if cable.tags is None:
        return []
    items: list[TagItem] = []
    partial_extract = cable.is_partial_extract
    for item in cable.tags.codes:
        found = _diagnose(item.text.strip(), partial_extract)
        if found is not None:
            problem, suggestion = found
            items.append(TagItem(item, problem, suggestion))
    return items


def is_known(code: str) -> bool:
    """A listed code that is not a recorded error, or an unlisted `K` + three letters."""
    return tag_kind(code) is not None and tag_replacement(code) is None


# The same codes recur across an archive: each is judged once (the nearest known code is an
# edit distance against every listed code).
@lru_cache(maxsize=8192)
def _diagnose(text: str, partial_extract: bool) -> tuple[TagProblem, str | None] | None:
    if text.startswith("("):
        return None
    replacement = tag_replacement(text)
    if replacement is not None:
        if _letters(text) == _letters(replacement).upper() and " " in replacement:
            return TagProblem.MERGED, replacement
        return TagProblem.TYPO, replacement
    if tag_kind(text) is not None:
        return None
    repaired = _repair(text)
    if repaired is not None:
        return repaired
    mixed_case = text != text.upper() and text != text.lower()
    if partial_extract or " " in text or mixed_case:
        return TagProblem.FREE_KEYWORD, None
    if not _CODE_SHAPE.fullmatch(text):
        return TagProblem.MALFORMED, None
    return TagProblem.UNKNOWN, _known_codes().closest(text.upper())


def _repair(text: str) -> tuple[TagProblem, str] | None:
    """Known codes hidden by punctuation (`PHUM.`, `PTER.YM`) or run together (`EINDETRD`)."""
    parts = [part.upper() for part in _NOT_LETTERS.split(text) if part]
    if len(parts) == 1 and parts[0] != text.upper() and is_known(parts[0]):
        return TagProblem.MALFORMED, parts[0]
    if len(parts) > 1 and all(is_known(part) for part in parts):
        return TagProblem.MERGED, " ".join(parts)
    split = _split(parts[0]) if len(parts) == 1 else None
    return (TagProblem.MERGED, split) if split is not None else None


def _letters(text: str) -> str:
    return _NOT_LETTERS.sub("", text).upper()


def _split(code: str) -> str | None:
    """`EIND ETRD` for `EINDETRD`: two known codes, one of four letters or more."""
    for cut in range(2, len(code) - 1):
        first, second = code[:cut], code[cut:]
        if max(len(first), len(second)) >= _LONG_PART and is_known(first) and is_known(second):
            return f"{first} {second}"
    return None


@cache
def _known_codes() -> Vocabulary:
    return Vocabulary(code.upper() for code in known_tags() if is_known(code))
