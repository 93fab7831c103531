"""Near misses: the edit distance between two words and the closest known word."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def edit_distance(first: str, second: str, limit: int | None = None) -> int:
    """Insertions, deletions, substitutions and swaps of two neighbours needed to turn one
    word into the other (optimal string alignment: `SIPDSI` is one swap from `SIPDIS`).

    With a `limit`, any distance above it is returned as `limit + 1`.
    """
    if limit is None:
        limit = max(len(first), len(second))  # no distance is larger: the result is exact
    over = limit + 1
    if abs(len(first) - len(second)) > limit:
        return over
    # A cell (i, j) is at least |i - j| edits: only the band |i - j| <= limit is computed, the
    # cells beside it count as `over`. A path through them costs more than the limit, so every
    # distance up to the limit comes out exact and every larger one above it.
    width = len(second)
    before: list[int] = []
    previous: list[int] = []
    current = list(range(width + 1))
    for i, left in enumerate(first, start=1):
        before, previous, current = previous, current, [i] + [over] * width
        for j in range(max(1, i - limit), min(width, i + limit) + 1):
            right = second[j - 1]
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (left != right))
            if i > 1 and j > 1 and left == second[j - 2] and first[i - 2] == right:
                value = min(value, before[j - 2] + 1)
            current[j] = value
        # A swap looks two rows back, so both rows must exceed the limit to stop early.
        if min(current) > limit and min(previous) > limit:
            return over
    return min(current[-1], over)


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


class Vocabulary:
    """Known words kept for `closest` questions against many of them (the TAGS codes).

    The words are indexed by length: a near miss is within `tolerance` edits, and a word whose
    length differs by more cannot be that close. A word of one tolerated edit is answered
    without any edit distance: its one-edit variants (a letter left out, put in, changed or
    two neighbours swapped) are looked up among the known words, a few hundred set lookups
    instead of an edit distance against most of the vocabulary (~3 ms for the TAGS codes).
    """

    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(words)
        self._by_length: dict[int, list[str]] = {}
        for word in sorted(self._words):
            self._by_length.setdefault(len(word), []).append(word)
        # Only characters of known words can turn a word into one of them.
        self._characters = sorted(set().union(*self._words))

    def closest(self, word: str) -> str | None:
        """`closest(word, words)`: the one known word within `tolerance` of `word`, or None."""
        limit = tolerance(word)
        if limit != 1:
            lengths = range(len(word) - limit, len(word) + limit + 1)
            return closest(word, (w for length in lengths for w in self._by_length.get(length, ())))
        if word in self._words:
            return None
        near = self._words.intersection(self._one_edit(word))
        return next(iter(near)) if len(near) == 1 else None

    def _one_edit(self, word: str) -> Iterator[str]:
        """The strings one edit from `word` (some more than once), made of known characters."""
        for cut in range(len(word) + 1):
            before, after = word[:cut], word[cut:]
            if after:
                yield before + after[1:]
                if len(after) > 1:
                    yield before + after[1] + after[0] + after[2:]
            for character in self._characters:
                yield before + character + after
                if after:
                    yield before + character + after[1:]
