"""Results of earlier runs, keyed by file content: a second run over an unchanged archive
neither checks nor reads its files.

One SQLite database per selection of rules in the cache folder (`.cablelint_cache/` beside
the settings file by default) holds one row per file: its content digest, its status when it
was read, and its findings and archive entry. A run looks each file up as it comes (rows are
read a few hundred at a time, in path order as a run asks for them; nothing is loaded up
front, so memory does not grow with the archive) and replaces only the rows of the files it
checked: a pre-commit run over three files keeps what a full run stored. New rows
are written a thousand at a time, each batch in one transaction, so an interrupted run keeps
most of its work and a run over an unchanged archive writes nothing.

Reading and hashing every file would cost more than the rest of a cached run, so the row also
records the file's status when it was read (size, modification and change times, inode,
device), as git's index does: a file whose status is unchanged has the content digest of its
row and is not read at all. A status is only recorded when the file was last modified well
before the run began, so that a change within the file system's timestamp granularity, after
the file was read, cannot go unnoticed ("racily clean" files are read and hashed again next
time). The key of the database covers the tool's version, the grammar and the code of the
package, and the selected rules; per-file ignores and severity overrides are applied after a
cached result is read, so changing them does not invalidate anything.

The cache never fails a run: a database that cannot be opened (read-only folder, locked for
longer than a timeout) counts as empty, one that cannot be written (full disk, locked) is not
written for the rest of the run, and a file at its path that is not a database is replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import marshal
import os
import pickle
import time
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from validator._files import grammar_file
from validator.archive import ArchiveEntry
from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.source import Span

if TYPE_CHECKING:
    # Imported when a cache is opened: runs without one do not pay for the module.
    import sqlite3

DEFAULT_FOLDER = ".cablelint_cache"
_FORMAT = 4
# How long before the run a file must have been last modified for its status to be trusted
# next time: above the coarsest timestamp granularity in use (FAT: 2 seconds).
_RACY_NS = 3_000_000_000
# Rows written per transaction: few enough that an interrupted run loses little and the write
# lock is held for milliseconds, many enough that commits cost nothing per file.
_ROWS_PER_COMMIT = 1000
# Most rows read at once when files are looked up in path order.
_READ_AHEAD = 256
# How long a run waits for another run's write to end before it gives up writing.
_LOCK_TIMEOUT_S = 5.0
# Databases of other keys (older code, other rule selections, the former pickle files) not
# modified for this long are deleted when a new one is made; one in use is touched daily.
_UNUSED_AFTER_S = 30 * 86_400
_TOUCHED_EVERY_S = 86_400

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    status TEXT,  -- NULL: not trusted (modified just before it was read)
    digest BLOB NOT NULL,
    result BLOB NOT NULL  -- a CachedResult, encoded by _encoded
) WITHOUT ROWID
"""
_SELECT_FROM = (
    "SELECT path, status, digest, result FROM files WHERE path >= ? ORDER BY path LIMIT ?"
)
_REPLACE = "INSERT OR REPLACE INTO files (path, status, digest, result) VALUES (?, ?, ?, ?)"

_Row = tuple[str | None, bytes, bytes]
"""A file's status key, content digest and encoded result, as the database holds them."""


def status_key(status: os.stat_result) -> str:
    """What says a file is unchanged: size, modification and change times (ns), inode, device
    (as text: inode numbers may not fit SQLite's signed integers)."""
    return (
        f"{status.st_size} {status.st_mtime_ns} {status.st_ctime_ns}"
        f" {status.st_ino} {status.st_dev}"
    )


class CachedResult(NamedTuple):
    """A file's findings (before per-file ignores and severity overrides) and archive entry."""

    diagnostics: tuple[Diagnostic, ...]
    archive: ArchiveEntry | None


def digest(data: bytes) -> bytes:
    """The content key of a file."""
    return hashlib.blake2b(data, digest_size=16).digest()


_CODE = (".py", ".tsv")
"""The package's files that make its code: modules and the tables they read."""


@cache
def _code_identity() -> str:
    """Changes whenever the package's code, tables or grammar change (a development install
    edits them without a new version number): the size and modification time of each file,
    as reading them all would cost a cached run more than its imports."""
    from validator import __version__

    package = os.path.dirname(os.path.abspath(__file__))
    files = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        files += [os.path.join(folder, name) for name in sorted(names) if name.endswith(_CODE)]
    hasher = hashlib.sha256(f"{_FORMAT}\0{__version__}".encode())
    for path in [*files, grammar_file()]:
        try:
            status = os.stat(path)
        except OSError:  # gone since it was listed, or no grammar: a broken install
            continue
        relative = os.path.relpath(path, package)
        hasher.update(f"{relative}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())
    return hasher.hexdigest()


# The classes a result is made of, pickled as their place in this tuple rather than by module
# and name (finding a class by name took a third of the time of unpickling a result); any
# other class is pickled by name as usual.
_CLASSES = (CachedResult, ArchiveEntry, Span, Diagnostic, Label, Fix, Severity)
_CLASS_NUMBERS = {id(cls): number for number, cls in enumerate(_CLASSES)}


class _ResultPickler(pickle.Pickler):
    def persistent_id(self, obj: object) -> int | None:
        return _CLASS_NUMBERS.get(id(obj))


class _ResultUnpickler(pickle.Unpickler):
    def persistent_load(self, pid: Any) -> Any:
        return _CLASSES[pid]


# Most files of an archive have no findings: their result is this mark and the marshalled
# reference id and span of their archive entry (a quarter of the time of unpickling them; the
# entry's path is the row's). Any other result is pickled, and a pickle begins with b"\x80".
_ENTRY_ONLY = b"A"
_STR_OR_NONE = (str, type(None))


def _encoded(result: CachedResult) -> bytes:
    entry = result.archive
    if not result.diagnostics and entry is not None:
        span = None if entry.id_span is None else tuple(entry.id_span)
        return _ENTRY_ONLY + marshal.dumps((entry.reference_id, span))
    stream = io.BytesIO()
    _ResultPickler(stream, pickle.HIGHEST_PROTOCOL).dump(result)
    return stream.getvalue()


def _decoded(data: bytes, path: str) -> CachedResult | None:
    """The result encoded in `data` (for the file at `path`); None when the row is damaged."""
    try:
        if data[:1] == _ENTRY_ONLY:
            reference_id, span = marshal.loads(data[1:])
            if not isinstance(reference_id, _STR_OR_NONE):
                return None
            id_span = None if span is None else Span(*span)
            return CachedResult((), ArchiveEntry(path, reference_id, id_span))
        result = _ResultUnpickler(io.BytesIO(data)).load()
    except Exception:  # damaged bytes can make decoding raise almost anything
        return None
    return result if isinstance(result, CachedResult) else None


class ResultCache:
    """The cached results for one selection of rules."""

    def __init__(self, folder: str | os.PathLike[str], codes: Iterable[str]) -> None:
        key = hashlib.sha256(f"{_code_identity()}\0{','.join(sorted(codes))}".encode())
        self.folder = os.fspath(folder)
        self.path = os.path.join(self.folder, f"results-{key.hexdigest()[:20]}.sqlite")
        self._db: sqlite3.Connection | None = None
        self._writable = False
        self._ahead: dict[str, _Row] = {}
        """Rows read ahead: every row of the table with a path from `_ahead_first` to
        `_ahead_last` (None: to the end of the table)."""
        self._ahead_first = ""
        self._ahead_last: str | None = ""
        self._ahead_used = 0
        """Paths looked up in the rows read ahead: how far the next read goes."""
        self._looked_up: str | None = None
        self._staged: dict[str, _Row] = {}
        """Rows not written yet."""
        self._trusted_before = time.time_ns() - _RACY_NS

    def load(self) -> None:
        """Open the database, made when missing. One that cannot be opened counts as empty
        and is not written; a file at its path that is not a database is replaced."""
        import sqlite3

        for attempt in range(2):
            try:
                self._db = self._open()
            except sqlite3.DatabaseError as error:
                damaged = getattr(error, "sqlite_errorcode", None) in (
                    sqlite3.SQLITE_NOTADB,
                    sqlite3.SQLITE_CORRUPT,
                )
                if attempt or not damaged or not self._remove_database():
                    return
            except (sqlite3.Error, OSError):
                return
            else:
                self._writable = True
                return

    def _open(self) -> sqlite3.Connection:
        import sqlite3

        new = not os.path.exists(self.path)
        if new:
            os.makedirs(self.folder, exist_ok=True)
            with contextlib.suppress(OSError):
                ignore = os.path.join(self.folder, ".gitignore")
                if not os.path.exists(ignore):
                    with open(ignore, "w", encoding="utf-8") as stream:
                        stream.write("# cablelint's result cache\n*\n")
        db = sqlite3.connect(
            self.path,
            timeout=_LOCK_TIMEOUT_S,
            isolation_level=None,  # transactions are begun and committed here
        )
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] != _FORMAT:
                # Write-ahead logging: readers never wait for a writer (two runs at once).
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("BEGIN IMMEDIATE")
                db.execute(_SCHEMA)
                db.execute(f"PRAGMA user_version = {_FORMAT}")
                db.execute("COMMIT")
                new = True
            db.execute("PRAGMA synchronous = NORMAL")  # a lost last batch only costs time
        except BaseException:
            db.close()
            raise
        if new:
            _remove_unused(self.folder, keep=os.path.basename(self.path))
        else:
            _touch_when_old(self.path)
        return db

    def _remove_database(self) -> bool:
        """Delete the database and its journals (stale ones would be replayed into a new
        database); False if it could not be."""
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{self.path}{suffix}")
        except OSError:
            return False
        return True

    def _row(self, path: str) -> _Row | None:
        if path != self._looked_up:  # a file read again asks twice (remember_status, get)
            self._looked_up = path
            last = self._ahead_last
            if self._ahead_first <= path and (last is None or path <= last):
                self._ahead_used += 1
            else:
                self._read_ahead(path)
        return self._ahead.get(path)

    def _read_ahead(self, path: str) -> None:
        """Read the rows from `path` on, in path order. A run looks its files up in path
        order, and reading a range costs a third of a look-up per row; the read doubles with
        each range that served as many look-ups, so look-ups in another order read a row or
        two at a time."""
        import sqlite3

        size = min(_READ_AHEAD, max(1, 2 * self._ahead_used))
        self._ahead, self._ahead_first, self._ahead_last = {}, path, path
        self._ahead_used = 1
        if self._db is None:
            return
        try:
            # Reads share one transaction: a transaction per read costs several times the
            # read itself (locks taken and released).
            if not self._db.in_transaction:
                self._db.execute("BEGIN")
            rows = self._db.execute(_SELECT_FROM, (path, size)).fetchall()
        except (sqlite3.Error, ValueError):  # ValueError: a path SQLite cannot store
            return
        self._ahead = {row[0]: row[1:] for row in rows}
        self._ahead_last = rows[-1][0] if len(rows) == size else None

    def unchanged(
        self, path: str, status: os.stat_result
    ) -> tuple[bytes, CachedResult | None] | None:
        """For a file whose status is the one recorded when it was read, the content digest
        then and its cached result (None when the row is damaged); None: read and hash it."""
        row = self._row(path)
        if row is None or row[0] != status_key(status):
            return None
        return row[1], _decoded(row[2], path)

    def get(self, path: str, content_digest: bytes) -> CachedResult | None:
        row = self._row(path)
        if row is None or row[1] != content_digest:
            return None
        return _decoded(row[2], path)  # a damaged row is checked afresh and replaced

    def put(
        self,
        path: str,
        content_digest: bytes,
        result: CachedResult,
        status: os.stat_result | None = None,
    ) -> None:
        """Store a file's result; `status`: the file's when it was read with this digest."""
        if self._writable:
            self._stage(path, (self._trusted_key(status), content_digest, _encoded(result)))

    def remember_status(self, path: str, content_digest: bytes, status: os.stat_result) -> None:
        """Record that the file at `path` had `status` when it was read with this digest
        (for a row of this digest; a file without one gets its status with `put`)."""
        if not self._writable:
            return
        key = self._trusted_key(status)
        row = self._row(path)
        if row is not None and row[1] == content_digest and row[0] != key:
            self._stage(path, (key, content_digest, row[2]))

    def _trusted_key(self, status: os.stat_result | None) -> str | None:
        """The status key to store (None: no status, or one too recent to be trusted)."""
        if status is None:
            return None
        if status.st_mtime_ns < self._trusted_before and status.st_ctime_ns < self._trusted_before:
            return status_key(status)
        return None

    def _stage(self, path: str, row: _Row) -> None:
        self._staged[path] = row
        if len(self._staged) >= _ROWS_PER_COMMIT:
            self._write_staged()

    def _write_staged(self) -> None:
        """Write the staged rows in one transaction; if that fails (locked for longer than the
        timeout, full disk, a path SQLite cannot store), nothing more is written this run."""
        import sqlite3

        rows, self._staged = self._staged, {}
        if not rows or self._db is None or not self._writable:
            return
        try:
            if self._db.in_transaction:
                self._db.execute("COMMIT")  # ends the reads' transaction
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(_REPLACE, [(path, *row) for path, row in rows.items()])
            self._db.execute("COMMIT")
        except (sqlite3.Error, ValueError):
            self._writable = False
            with contextlib.suppress(sqlite3.Error):
                self._db.rollback()

    def save(self) -> None:
        """Write the rows of this run not written yet and close the database."""
        import sqlite3

        if self._db is None:
            return
        self._write_staged()
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        self._db = None
        self._writable = False


def _remove_unused(folder: str, keep: str) -> None:
    """Delete the cache files of other keys not modified for `_UNUSED_AFTER_S`, which would
    otherwise pile up with every new version of the code."""
    unused_before = time.time() - _UNUSED_AFTER_S
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.startswith("results-") or entry.name.startswith(keep):
                continue
            with contextlib.suppress(OSError):
                if entry.stat(follow_symlinks=False).st_mtime < unused_before:
                    os.unlink(entry.path)


def _touch_when_old(path: str) -> None:
    """Renew the modification time of a database in use: an unchanged archive writes nothing
    to it, and it must not look unused to `_remove_unused`."""
    with contextlib.suppress(OSError):
        if os.stat(path).st_mtime < time.time() - _TOUCHED_EVERY_S:
            os.utime(path)
