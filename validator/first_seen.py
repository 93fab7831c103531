"""The first value seen for each key, over any number of keys in bounded memory.

An archive rule that remembers something of every file (A702: the first file of each
reference id) would otherwise hold one entry per file of the archive. Up to `in_memory`
keys are held in a dict; beyond that they move, a batch at a time, to a private temporary
file (removed when it is closed). A batch is written in the order of its keys' hashes, in
chunks of marshalled keys and values; memory keeps of it the sorted hashes and each chunk's
offset (about 8 bytes a key), and a Bloom filter of every key on disk. A small run never
opens the file.
"""

from __future__ import annotations

import marshal
import os
import sys
from array import array
from bisect import bisect_left
from itertools import accumulate
from typing import IO, Final, TypeAlias

IN_MEMORY: Final = 20_000
"""Keys held in memory before they move to disk: about 3.5 MB of ids, paths (of 40
characters) and dict."""

_CHUNK: Final = 64
"""Records marshalled together: a look-up on disk reads one chunk (~3 KB), and memory holds
one offset a chunk rather than one a key."""

# A Bloom filter of the keys on disk (1 MiB, one bit a key) spares the batches' look-up for
# nearly every new key: at 250,000 keys on disk one new key in 34 is looked up for nothing,
# which costs a bisection a batch and no reading (the file is read only on an equal hash).
# A key's bit is taken from the top of its hash, so that a batch, sorted by hash, sets the
# filter's bits in order (a quarter faster than in random order: the memory cache).
_FILTER_POWER: Final = 23
_FILTER_BITS: Final = 1 << _FILTER_POWER
_FILTER_MASK: Final = _FILTER_BITS - 1
_FILTER_SHIFT: Final = sys.hash_info.width - _FILTER_POWER


# The keys moved to disk together: their hashes, sorted (the n-th key is record n % _CHUNK
# of chunk n // _CHUNK), and the file offset of each chunk followed by the batch's end. (A
# tuple, not a NamedTuple: making that class costs every run about 1 ms at start-up.)
_Batch: TypeAlias = "tuple[array[int], array[int]]"


class FirstSeen:
    """Remembers, for each key, the first value it was given."""

    def __init__(self, in_memory: int | None = None) -> None:
        self._recent: dict[str, str | None] = {}
        self._in_memory = IN_MEMORY if in_memory is None else in_memory
        self._file: IO[bytes] | None = None
        self._batches: list[_Batch] = []
        self._on_disk = bytearray()
        """The Bloom filter of the keys on disk (made with the file)."""

    def first(self, key: str, value: str | None) -> tuple[bool, str | None]:
        """Whether `key` was seen before, and the first value given with it (`value` is
        remembered when it was not)."""
        if key in self._recent:
            return True, self._recent[key]
        if self._batches:
            hashed = hash(key)  # str hashes are kept on the string: the dict made it already
            bit = hashed >> _FILTER_SHIFT & _FILTER_MASK
            if self._on_disk[bit >> 3] & 1 << (bit & 7):
                found = self._find_on_disk(key, hashed)
                if found is not None:
                    return found
        if len(self._recent) >= self._in_memory and self._move_to_disk():
            self._recent.clear()
        self._recent[key] = value
        return False, value

    def _find_on_disk(self, key: str, hashed: int) -> tuple[bool, str | None] | None:
        """What `first` answers when `key` is on disk (None: it is not)."""
        assert self._file is not None  # there are batches
        for hashes, chunks in self._batches:
            index = bisect_left(hashes, hashed)
            # Different keys may share a hash: each record with it is read and compared.
            while index < len(hashes) and hashes[index] == hashed:
                chunk, record = divmod(index, _CHUNK)
                self._file.seek(chunks[chunk])
                keys, values = marshal.loads(self._file.read(chunks[chunk + 1] - chunks[chunk]))
                if keys[record] == key:
                    return True, values[record]
                index += 1
        return None

    def _move_to_disk(self) -> bool:
        """Moves the keys held in memory to the file (False: it cannot be made or written,
        and the keys stay in memory)."""
        keys = sorted(self._recent, key=hash)
        values = list(map(self._recent.__getitem__, keys))
        chunks = [
            marshal.dumps((keys[start : start + _CHUNK], values[start : start + _CHUNK]))
            for start in range(0, len(keys), _CHUNK)
        ]
        try:
            if self._file is None:
                import tempfile  # only for large runs: importing it costs every run 3 ms

                self._file = tempfile.TemporaryFile()  # noqa: SIM115 (close() closes it)
                self._on_disk = bytearray(_FILTER_BITS >> 3)
            start = self._file.seek(0, os.SEEK_END)
            self._file.writelines(chunks)
            self._file.flush()  # read back by seeking, and any error surfaces here
        except OSError:
            self._in_memory = len(self._recent) * 2  # try again much later
            return False
        hashes = array("q", map(hash, keys))
        self._batches.append((hashes, array("q", accumulate(map(len, chunks), initial=start))))
        filter_ = self._on_disk
        for hashed in hashes:
            bit = hashed >> _FILTER_SHIFT & _FILTER_MASK
            filter_[bit >> 3] |= 1 << (bit & 7)
        return True

    def close(self) -> None:
        """Deletes the file, if any (the keys on disk are forgotten)."""
        if self._file is not None:
            self._file.close()
            self._file = None
        self._batches.clear()
