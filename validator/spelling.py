"""Near misses: the edit distance between two words and the closest known word."""

from __future__ import annotations

from collections.abc import Iterable


def edit_distance(first: str, second: str, limit: int | None = None) -> int:
    """Insertions, deletions, substitutions and swaps of two neighbours needed to turn one
    word into the other (optimal string alignment: `SIPDSI` is one swap from `SIPDIS`).

    With a `limit`, stops as soon as the distance must exceed it and returns `limit + 1`.
    """
    previous: list[int] = []
    current = list(range(len(second) + 1))
    for i, left in enumerate(first, start=1):
        before, previous, current = previous, current, [i] + [0] * len(second)
        for j, right in enumerate(second, start=1):
            current[j] = min(
                previous[j] + 1,
                current[j - 1] + 1,
                previous[j - 1] + (left != right),
            )
            if i > 1 and j > 1 and left == second[j - 2] and first[i - 2] == right:
                current[j] = min(current[j], before[j - 2] + 1)
        # A swap looks two rows back, so both rows must exceed the limit to stop early.
        if limit is not None and min(current) > limit and min(previous) > limit:
            return limit + 1
    return current[-1]


def tolerance(word: str) -> int:
    """How many edits still make a near miss: one in a short word, two from eight letters
    (two edits turn most short words into other real words)."""
    return 1 if len(word) < 8 else 2


def closest(word: str, known: Iterable[str]) -> str | None:
    """The one known word within `tolerance` of `word`, or None when `word` is itself known,
    when none is that close, or when two are equally close."""
    limit = tolerance(word)
    best: list[str] = []
    for candidate in known:
        if candidate == word:
            return None
        if abs(len(candidate) - len(word)) > limit:
            continue  # the length difference alone takes more edits than allowed
        distance = edit_distance(word, candidate, limit)
        if distance > limit:
            continue
        if distance < limit:
            best, limit = [], distance
        if candidate not in best:
            best.append(candidate)
    return best[0] if len(best) == 1 else None
