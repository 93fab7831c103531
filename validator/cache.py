"""Results of earlier runs, keyed by file content: a second run over an unchanged archive
neither checks nor reads its files.

One file per selection of rules in the cache folder (`.cablelint_cache/` beside the settings
file by default) maps (path, content digest) to the file's findings and its archive entry. It
is read once at the start of a run and written once, atomically, at the end, holding only the
files of that run (so it never outgrows the archive).

Reading and hashing every file would cost more than the rest of a cached run, so the cache
also records each file's status when it was read (size, modification and change times,
inode), as git's index does: a file whose status is unchanged has the content digest
recorded with it and is not read at all. A status is only recorded when the file was last
modified well before the run began, so that a change within the file system's timestamp
granularity, after the file was read, cannot go unnoticed ("racily clean" files are read
and hashed again next time). The key of the cache file covers the
tool's version, the grammar and the code of the package, and the selected rules; per-file
ignores and severity overrides are applied after a cached result is read, so changing them
does not invalidate anything.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import NamedTuple

from validator.archive import ArchiveEntry
from validator.diagnostics import Diagnostic

DEFAULT_FOLDER = ".cablelint_cache"
_FORMAT = 2
# How long before the run a file must have been last modified for its status to be trusted
# next time: above the coarsest timestamp granularity in use (FAT: 2 seconds).
_RACY_NS = 3_000_000_000

FileStatus = tuple[int, int, int, int, int]
"""What says a file is unchanged: size, modification and change times (ns), inode, device."""


def file_status(status: os.stat_result) -> FileStatus:
    return (
        status.st_size,
        status.st_mtime_ns,
        status.st_ctime_ns,
        status.st_ino,
        status.st_dev,
    )


class CachedResult(NamedTuple):
    """A file's findings (before per-file ignores and severity overrides) and archive entry."""

    diagnostics: tuple[Diagnostic, ...]
    archive: ArchiveEntry | None


def digest(data: bytes) -> bytes:
    """The content key of a file."""
    return hashlib.blake2b(data, digest_size=16).digest()


@cache
def _code_identity() -> str:
    """Changes whenever the package's code or grammar changes (a development install
    edits them without a new version number)."""
    from validator import __version__
    from validator.grammar import grammar_text

    package = Path(__file__).resolve().parent
    hasher = hashlib.sha256(f"{_FORMAT}\0{__version__}\0{grammar_text()}".encode())
    for path in sorted(package.rglob("*.py")) + sorted(package.rglob("*.tsv")):
        status = path.stat()
        hasher.update(
            f"{path.relative_to(package)}\0{status.st_size}\0{status.st_mtime_ns}".encode()
        )
    return hasher.hexdigest()


class ResultCache:
    """The cached results for one selection of rules."""

    def __init__(self, folder: str | os.PathLike[str], codes: Iterable[str]) -> None:
        key = hashlib.sha256(f"{_code_identity()}\0{','.join(sorted(codes))}".encode())
        self.folder = Path(folder)
        self.path = self.folder / f"results-{key.hexdigest()[:20]}.pickle"
        self._stored: dict[tuple[str, bytes], CachedResult] = {}
        self._used: dict[tuple[str, bytes], CachedResult] = {}
        self._stamps: dict[str, tuple[FileStatus, bytes]] = {}
        """The status of each file when it was read, and its content digest then."""
        self._new_stamps: dict[str, tuple[FileStatus, bytes]] = {}
        self._changed = False
        self._trusted_before = time.time_ns() - _RACY_NS

    def load(self) -> None:
        """Read the cache file; a missing, unreadable or foreign file counts as empty."""
        try:
            with self.path.open("rb") as stream:
                stored = pickle.load(stream)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return
        if isinstance(stored, tuple) and len(stored) == 2:
            self._stored, self._stamps = stored

    def digest_of(self, path: str, status: os.stat_result) -> bytes | None:
        """The content digest of a file whose status is the one recorded when it was read
        (None: read and hash it)."""
        stamp = self._stamps.get(path)
        if stamp is None or stamp[0] != file_status(status):
            return None
        self._new_stamps[path] = stamp
        return stamp[1]

    def get(self, path: str, content_digest: bytes) -> CachedResult | None:
        key = (path, content_digest)
        found = self._stored.get(key)
        if found is not None:
            self._used[key] = found
        return found

    def put(self, path: str, content_digest: bytes, result: CachedResult) -> None:
        self._used[(path, content_digest)] = result
        self._changed = True

    def remember_status(self, path: str, content_digest: bytes, status: os.stat_result) -> None:
        """Record that the file at `path` had `status` when it was read with this digest."""
        stamp = (file_status(status), content_digest)
        if status.st_mtime_ns < self._trusted_before and status.st_ctime_ns < self._trusted_before:
            self._new_stamps[path] = stamp
            if self._stamps.get(path) != stamp:
                self._changed = True

    def save(self) -> None:
        """Write the results of this run; a read-only folder only costs the next run. An
        unchanged archive leaves the file as it is (rewriting it is a good part of a
        cached run)."""
        if (
            not self._changed
            and len(self._used) == len(self._stored)
            and len(self._new_stamps) == len(self._stamps)
        ):
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# cablelint's result cache\n*\n", encoding="utf-8")
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(
                    (self._used, self._new_stamps), stream, protocol=pickle.HIGHEST_PROTOCOL
                )
            os.replace(temporary, self.path)
        except OSError:
            pass
