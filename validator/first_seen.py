"""The first value seen for each key, over any number of keys in bounded memory.

An archive rule that remembers something of every file (A702: the first file of each
reference id) would otherwise hold one entry per file of the archive. Up to `in_memory`
keys are held in a dict; beyond that they move to a private temporary SQLite database
(the standard library's), which keeps a small page cache in memory and the rest in a file
that is removed when it is closed. A small run never opens the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import sqlite3

IN_MEMORY: Final = 20_000
"""Keys held in memory before they move to disk: about 3 MB of ids and paths."""

# A Bloom filter of the keys on disk (1 MiB, two bits a key) spares a database look-up for
# nearly every new key: at 250,000 keys on disk, one new key in 300 is looked up for nothing.
_FILTER_BITS: Final = 1 << 23
_FILTER_MASK: Final = _FILTER_BITS - 1


class FirstSeen:
    """Remembers, for each key, the first value it was given."""

    def __init__(self, in_memory: int | None = None) -> None:
        self._recent: dict[str, str | None] = {}
        self._in_memory = IN_MEMORY if in_memory is None else in_memory
        self._disk: sqlite3.Connection | None = None
        self._on_disk = bytearray()
        """The Bloom filter of the keys on disk (made with the database)."""

    def first(self, key: str, value: str | None) -> tuple[bool, str | None]:
        """Whether `key` was seen before, and the first value given with it (`value` is
        remembered when it was not)."""
        if key in self._recent:
            return True, self._recent[key]
        if self._disk is not None and self._maybe_on_disk(key):
            row = self._disk.execute("SELECT value FROM first WHERE key = ?", (key,)).fetchone()
            if row is not None:
                return True, row[0]
        if len(self._recent) >= self._in_memory and self._move_to_disk():
            self._recent.clear()
        self._recent[key] = value
        return False, value

    def _maybe_on_disk(self, key: str) -> bool:
        low, high = _filter_bits(key)
        filter_ = self._on_disk
        return bool(filter_[low >> 3] & 1 << (low & 7) and filter_[high >> 3] & 1 << (high & 7))

    def _move_to_disk(self) -> bool:
        """Moves the keys held in memory to the database (False: it cannot be opened, and
        the keys stay in memory)."""
        try:
            import sqlite3  # only for large runs: importing it costs a one-file run 3 ms

            if self._disk is None:
                # "" opens a private temporary database, deleted when closed; without a
                # journal, as nothing needs recovering.
                self._disk = sqlite3.connect("", isolation_level=None)
                self._disk.execute("PRAGMA journal_mode = OFF")
                self._disk.execute("CREATE TABLE first (key TEXT PRIMARY KEY, value TEXT)")
                self._on_disk = bytearray(_FILTER_BITS >> 3)
            # One transaction: without it, every row would be a transaction of its own.
            with self._disk:
                self._disk.execute("BEGIN")
                self._disk.executemany("INSERT INTO first VALUES (?, ?)", self._recent.items())
        except Exception:  # sqlite3.Error, or no sqlite3 in this Python: keep them here
            self._in_memory = len(self._recent) * 2  # try again much later
            return False
        filter_ = self._on_disk
        for key in self._recent:
            for bit in _filter_bits(key):
                filter_[bit >> 3] |= 1 << (bit & 7)
        return True

    def close(self) -> None:
        """Deletes the database, if any (the keys on disk are forgotten)."""
        if self._disk is not None:
            self._disk.close()
            self._disk = None


def _filter_bits(key: str) -> tuple[int, int]:
    """The key's two bits in the Bloom filter (str hashes are kept on the string: the dict
    look-up made it already)."""
    hashed = hash(key)
    return hashed & _FILTER_MASK, (hashed >> 32) & _FILTER_MASK
