"""File helpers shared by the runner, the baseline and the command line, and where the
grammar file is."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from pathlib import Path


def grammar_file() -> str:
    """The envelope grammar's file: inside the package once installed (the wheel puts it
    there), beside the package in a source tree."""
    package = os.path.dirname(os.path.abspath(__file__))
    shipped = os.path.join(package, "grammar", "cable.lark")
    if os.path.isfile(shipped):
        return shipped
    return os.path.join(os.path.dirname(package), "grammar", "cable.lark")


def display_name(path: str) -> str:
    """A path that can always be printed: undecodable bytes in file names become `\\xNN`."""
    if path.isascii():  # nearly every name, and a quick test (it is asked for every file)
        return path
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


# What a path that is not a regular file is, for the message that says it was not read.
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _require_regular(mode: int, path: str | Path) -> None:
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "a special file")
        raise OSError(errno.EINVAL, f"not a regular file ({kind})", str(path))


def read_regular_file(path: str | Path) -> bytes:
    """The bytes of a regular file; `OSError` for anything else (folder, pipe, device)."""
    return read_regular_file_status(path)[0]


def read_regular_file_status(path: str | Path) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file and its status when opened (what a cache of results by
    file status records); `OSError` for anything else (folder, pipe, device).

    Reading a named pipe would wait for a writer forever and a device may never end, so the
    path is checked before it is opened (a device is not even opened), and the file is opened
    without blocking and checked again, in case it was replaced in between.
    """
    _require_regular(os.stat(path).st_mode, path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    with open(os.open(path, flags), "rb") as stream:
        status = os.fstat(stream.fileno())
        _require_regular(status.st_mode, path)
        return stream.read(), status


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[TextIO]:
    """Write a text file so that readers see the old content or the new, never a part.

    The text goes to a temporary file in the same folder (created if missing), which
    replaces `path` only when the block ends without an exception. A symbolic link is
    followed (the file it points to is replaced, the link kept); a path that is not a regular
    file (`/dev/null`, `/dev/stdout`, a named pipe) is written to as it is, never replaced.
    """
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # not there yet: created below
        regular = True
    if not regular:
        with open(path, "w", encoding="utf-8", newline="\n") as device:
            yield device
        return
    target = os.path.realpath(path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    handle, temporary = _new_file_beside(target)
    try:
        with open(handle, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        # The temporary file is private (0600); give it the mode a plain open() would.
        os.chmod(temporary, _file_mode(target))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _new_file_beside(target: str) -> tuple[int, str]:
    """A new, empty, private file in the folder of `target`, opened for writing, and its path:
    what `tempfile.mkstemp` makes, without importing `tempfile` (3 ms of a run that writes
    its report to a file)."""
    folder, name = os.path.split(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)  # as mkstemp opens it
    while True:
        temporary = os.path.join(folder, f".{name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(temporary, flags, 0o600), temporary
        except FileExistsError:  # 48 random bits taken already: draw again
            continue


def _file_mode(target: str) -> int:
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
