"""The result cache: same results as checking afresh, files not read when unchanged, one row
per file kept across runs over parts of the archive, and never a failed run because of it."""

from __future__ import annotations

import contextlib
import marshal
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli_support import (
    JULIAN_OFF,
    cable,
    cli_environment,
    find_targets,
    modules_loaded_by_cli,
    run_cli,
    write,
)
from validator.archive import ArchiveEntry
from validator.cache import CachedResult, ResultCache, _code_identity, digest
from validator.config import Selection, Settings
from validator.runner import RunOptions, run, run_options

_DAY_S = 86_400


def _options(tmp_path: Path, cache_folder: Path | None = None) -> RunOptions:
    options = run_options(Settings(root=tmp_path), Selection(None), jobs=1)
    return options._replace(cache_folder=str(cache_folder or tmp_path / ".cache"))


def _database(tmp_path: Path) -> Path:
    """Where the runs of `_options` keep their results."""
    options = _options(tmp_path)
    assert options.cache_folder is not None
    return Path(ResultCache(options.cache_folder, options.codes).path)


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the runner reads to find their digest, from now on."""
    import validator.runner

    read: list[str] = []
    real_read = validator.runner.read_regular_file_status

    def counting_read(path: str) -> tuple[bytes, os.stat_result]:
        read.append(Path(path).name)
        return real_read(path)

    monkeypatch.setattr("validator.runner.read_regular_file_status", counting_read)
    return read


def _clock_ahead(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """Files written by the test become old enough for their status to be trusted."""
    now = time.time_ns() + int(seconds * 1e9)
    monkeypatch.setattr("validator.cache.time.time_ns", lambda: now)


def _cached_run_reads(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    clock_ahead_s: float = 60,
    paths: tuple[str, ...] = (),
) -> tuple[list[str], list[str]]:
    """Codes found and files read by a cached run over `paths` (default: the whole folder),
    the clock `clock_ahead_s` ahead."""
    _clock_ahead(monkeypatch, clock_ahead_s)
    read = _count_reads(monkeypatch)
    options = _options(tmp_path)
    targets = find_targets([str(tmp_path / path) for path in paths or ("",)], options)
    result = run(targets, options).collected()
    return [d.code for f in result.files for d in f.diagnostics], read


def _findings(tmp_path: Path, options: RunOptions) -> list[tuple[str, list[str]]]:
    result = run(find_targets([str(tmp_path)], options), options).collected()
    return [(Path(f.path).name, [d.code for d in f.diagnostics]) for f in result.files]


def _no_cache(tmp_path: Path) -> list[tuple[str, list[str]]]:
    return _findings(tmp_path, _options(tmp_path)._replace(cache_folder=None))


def test_cache_gives_the_same_result_and_follows_content(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", cable(480, JULIAN_OFF))
    write(tmp_path, "b.txt", cable(481))
    options = _options(tmp_path)
    targets = find_targets([str(tmp_path)], options)
    first = run(targets, options).collected()
    second = run(targets, options).collected()
    assert first.files == second.files
    assert [d.code for d in second.files[0].diagnostics] == ["D202"]
    assert second.files[0].source is not None  # snippets still have their text
    # A changed file is checked again, not taken from the cache.
    write(tmp_path, "a.txt", cable(480))
    third = run(find_targets([str(tmp_path)], options), options).collected()
    assert third.files[0].diagnostics == ()


def test_cache_does_not_read_files_whose_status_is_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "a.txt", cable(480))
    write(tmp_path, "b.txt", cable(481))
    assert _cached_run_reads(tmp_path, monkeypatch) == ([], ["a.txt", "b.txt"])
    assert _cached_run_reads(tmp_path, monkeypatch) == ([], [])
    # Same size, modification time put back: the change time still tells (as for git).
    before = path.stat()
    path.write_text(cable(480, JULIAN_OFF))
    assert path.stat().st_size == before.st_size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert _cached_run_reads(tmp_path, monkeypatch) == (["D202"], ["a.txt"])


def test_a_touched_file_is_read_once_and_its_new_status_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "a.txt", cable(480, JULIAN_OFF))
    assert _cached_run_reads(tmp_path, monkeypatch) == (["D202"], ["a.txt"])
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns - 10**9))
    assert _cached_run_reads(tmp_path, monkeypatch) == (["D202"], ["a.txt"])
    assert _cached_run_reads(tmp_path, monkeypatch) == (["D202"], [])


def test_cache_reads_again_files_changed_just_before_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file modified within the timestamp granularity of the run could change again
    unseen: its status is not trusted, so it is read (and hashed) every time."""
    write(tmp_path, "a.txt", cable(480))
    assert _cached_run_reads(tmp_path, monkeypatch, 0) == ([], ["a.txt"])
    assert _cached_run_reads(tmp_path, monkeypatch, 0) == ([], ["a.txt"])


def test_a_run_over_some_files_keeps_the_results_of_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pre-commit run over one file must not undo what a full run stored."""
    for name, serial in (("a.txt", 480), ("b.txt", 481), ("c.txt", 482)):
        write(tmp_path, name, cable(serial))
    assert _cached_run_reads(tmp_path, monkeypatch)[1] == ["a.txt", "b.txt", "c.txt"]
    write(tmp_path, "b.txt", cable(481, JULIAN_OFF))
    assert _cached_run_reads(tmp_path, monkeypatch, paths=("b.txt",)) == (["D202"], ["b.txt"])
    assert _cached_run_reads(tmp_path, monkeypatch) == (["D202"], [])


def test_an_unchanged_archive_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "a.txt", cable(480, JULIAN_OFF))
    write(tmp_path, "b.txt", cable(481))
    _cached_run_reads(tmp_path, monkeypatch)
    folder = _database(tmp_path).parent
    before = {path.name: (path.read_bytes(), path.stat().st_mtime_ns) for path in folder.iterdir()}
    assert _cached_run_reads(tmp_path, monkeypatch) == (["D202"], [])
    after = {path.name: (path.read_bytes(), path.stat().st_mtime_ns) for path in folder.iterdir()}
    assert after == before


def test_an_interrupted_run_keeps_the_results_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("validator.cache._ROWS_PER_COMMIT", 2)
    _clock_ahead(monkeypatch, 60)
    names = [f"{serial}.txt" for serial in range(480, 485)]
    for serial, name in enumerate(names, 480):
        write(tmp_path, name, cable(serial))
    options = _options(tmp_path)
    files = run(find_targets([str(tmp_path)], options), options).stream()
    assert [Path(next(files).path).name for _ in range(3)] == names[:3]
    files.close()  # stopped (^C) after three files: the first two were committed
    assert _cached_run_reads(tmp_path, monkeypatch)[1] == names[2:]


def test_look_ups_in_any_order_find_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows are read ahead in path order: other orders, paths without a row among those
    with one, and names beyond ASCII (SQLite orders UTF-8 bytes, Python code points) must
    still find each row."""
    monkeypatch.setattr("validator.cache._READ_AHEAD", 8)
    names = [f"{stem}{number:02d}.txt" for stem in ("a", "é", "z", "😀") for number in range(30)]
    stored = names[::3]
    writer = ResultCache(tmp_path, ["D202"])
    writer.load()
    for name in stored:
        writer.put(name, digest(name.encode()), CachedResult((), ArchiveEntry(name, None, None)))
    writer.save()
    shuffled = random.Random(6).sample(names, len(names))
    for order in (sorted(names), sorted(names, reverse=True), shuffled):
        reader = ResultCache(tmp_path, ["D202"])
        reader.load()
        found = {name: reader.get(name, digest(name.encode())) for name in order}
        reader.save()
        assert {name for name, result in found.items() if result} == set(stored)
        assert all(
            result in (None, CachedResult((), ArchiveEntry(name, None, None)))
            for name, result in found.items()
        )


def test_a_path_sqlite_cannot_store_is_not_cached(tmp_path: Path) -> None:
    """Runs name files with `display_name` (always UTF-8); other callers must not crash."""
    unencodable = "cable-\udcff.txt"
    cache = ResultCache(tmp_path, ["D202"])
    cache.load()
    assert cache.get(unencodable, digest(b"")) is None
    cache.put(unencodable, digest(b""), CachedResult((), None))
    cache.save()


def test_unused_cache_files_of_other_keys_are_removed(tmp_path: Path) -> None:
    folder = tmp_path / ".cache"
    folder.mkdir()
    ages = {
        "results-0123456789abcdef0123.pickle": 31,  # the former format
        "results-0123456789abcdef4567.sqlite": 40,
        "results-0123456789abcdef4567.sqlite-wal": 40,
        "results-0123456789abcdef89ab.sqlite": 29,  # used within 30 days
        "notes.txt": 400,  # not the cache's
    }
    for name, days in ages.items():
        (folder / name).write_bytes(b"")
        os.utime(folder / name, (time.time() - days * _DAY_S,) * 2)
    made = ResultCache(folder, ["D202"])
    made.load()
    made.save()
    left = sorted(path.name for path in folder.iterdir())
    kept = [".gitignore", Path(made.path).name, "notes.txt", "results-0123456789abcdef89ab.sqlite"]
    assert left == sorted(kept)


def test_a_database_in_use_is_not_removed(tmp_path: Path) -> None:
    """An unchanged archive writes nothing to its database: opening it renews its time."""
    folder = tmp_path / ".cache"
    in_use = ResultCache(folder, ["D202"])
    in_use.load()
    in_use.save()
    os.utime(in_use.path, (time.time() - 40 * _DAY_S,) * 2)
    ResultCache(folder, ["D202"]).load()  # a run with the same rules
    ResultCache(folder, ["D207"]).load()  # a run with other rules makes a new database
    assert os.path.exists(in_use.path)


def test_a_file_that_is_not_a_database_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "a.txt", cable(480, JULIAN_OFF))
    database = _database(tmp_path)
    database.parent.mkdir()
    database.write_bytes(b"\x00garbage, not SQLite" * 500)
    assert _cached_run_reads(tmp_path, monkeypatch) == (["D202"], ["a.txt"])
    assert _cached_run_reads(tmp_path, monkeypatch) == (["D202"], [])


def test_a_damaged_row_is_checked_afresh(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", cable(480, JULIAN_OFF))
    options = _options(tmp_path)
    _findings(tmp_path, options)
    with contextlib.closing(sqlite3.connect(_database(tmp_path), isolation_level=None)) as db:
        db.execute("UPDATE files SET result = x'8005'")
    assert _findings(tmp_path, options) == [("a.txt", ["D202"])]


@pytest.mark.parametrize(
    "damaged",
    [b"A", b"A\xff\x00", b"A" + marshal.dumps((480, None)), b"A" + marshal.dumps(("x", (1, 2)))],
)
def test_a_damaged_row_of_a_file_without_findings_is_checked_afresh(
    tmp_path: Path, damaged: bytes
) -> None:
    write(tmp_path, "a.txt", cable(480))
    write(tmp_path, "b.txt", cable(480))  # the same reference id: A702
    options = _options(tmp_path)
    expected = [("a.txt", []), ("b.txt", ["A702"])]
    assert _findings(tmp_path, options) == expected
    with contextlib.closing(sqlite3.connect(_database(tmp_path), isolation_level=None)) as db:
        assert [row[0][:1] for row in db.execute("SELECT result FROM files")] == [b"A", b"A"]
        db.execute("UPDATE files SET result = ?", (damaged,))
    assert _findings(tmp_path, options) == expected


def test_a_cache_folder_that_cannot_be_made_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", cable(480, JULIAN_OFF))
    blocker = write(tmp_path, ".blocker", "a file where the cache folder's parent should be")
    options = _options(tmp_path, cache_folder=blocker / ".cache")
    assert _findings(tmp_path, options) == [("a.txt", ["D202"])]
    assert _findings(tmp_path, options) == _no_cache(tmp_path)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root writes files whatever their permissions",
)
def test_a_read_only_cache_folder_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", cable(480, JULIAN_OFF))
    options = _options(tmp_path)
    _findings(tmp_path, options)
    write(tmp_path, "b.txt", cable(481, JULIAN_OFF))
    folder = _database(tmp_path).parent
    folder.chmod(0o555)
    try:
        assert _findings(tmp_path, options) == [("a.txt", ["D202"]), ("b.txt", ["D202"])]
        _database(tmp_path).chmod(0o444)
        assert _findings(tmp_path, options) == [("a.txt", ["D202"]), ("b.txt", ["D202"])]
    finally:
        folder.chmod(0o755)


def test_a_locked_database_is_not_written_and_fails_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("validator.cache._LOCK_TIMEOUT_S", 0.05)
    write(tmp_path, "a.txt", cable(480))
    assert _cached_run_reads(tmp_path, monkeypatch) == ([], ["a.txt"])
    write(tmp_path, "b.txt", cable(481, JULIAN_OFF))
    other_run = sqlite3.connect(_database(tmp_path), isolation_level=None)
    other_run.execute("BEGIN EXCLUSIVE")
    assert _cached_run_reads(tmp_path, monkeypatch) == (["D202"], ["b.txt"])
    other_run.execute("COMMIT")
    other_run.close()
    assert _cached_run_reads(tmp_path, monkeypatch) == (["D202"], ["b.txt"])  # not written
    assert _cached_run_reads(tmp_path, monkeypatch) == (["D202"], [])


def test_two_runs_at_once_both_finish_with_the_same_output(tmp_path: Path) -> None:
    for serial in range(400, 500):
        text = cable(serial, JULIAN_OFF) if serial % 7 else cable(serial)
        write(tmp_path, f"cables/c{serial}.txt", text)
    expected = run_cli("validate", "--no-cache", "--format", "json", "cables", cwd=tmp_path)
    command = [sys.executable, "-m", "validator", "validate", "--format", "json", "cables"]
    runs = [
        subprocess.Popen(
            command, cwd=tmp_path, env=cli_environment(), stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    for process in runs:
        out, _ = process.communicate(timeout=120)
        assert (process.returncode, out) == (expected.returncode, expected.stdout)
    again = run_cli("validate", "--format", "json", "cables", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (expected.returncode, expected.stdout)


@pytest.mark.parametrize("output", ["text", "json"])
def test_a_run_the_cache_answers_imports_no_parser_and_no_cable_rule(
    tmp_path: Path, output: str
) -> None:
    write(tmp_path, "cables/a.txt", cable(480))
    write(tmp_path, "cables/b.txt", cable(481, JULIAN_OFF))
    command = ("validate", "--jobs", "1", "--format", output, "cables")  # checked here
    first = modules_loaded_by_cli(tmp_path, *command)
    assert {"validator.parse", "validator.rules.d202_julian_date"} <= set(first)
    second = modules_loaded_by_cli(tmp_path, *command)
    watched = ("lark", "validator.grammar", "validator.lexer", "validator.parse", "validator.model")
    assert [m for m in second if m.startswith(watched)] == []
    assert {"dataclasses", "textwrap"}.isdisjoint(second)  # 8 ms, 2 ms of imports
    rules = [m for m in second if m.startswith("validator.rules.") and "._" not in m]
    assert rules == ["validator.rules.a702_duplicate_reference"]  # the archive rule sees all


def test_runs_without_a_cache_do_not_import_sqlite3(tmp_path: Path) -> None:
    write(tmp_path, "cable.txt", cable())
    assert "sqlite3" not in modules_loaded_by_cli(tmp_path, "validate", "--no-cache", "cable.txt")


def test_the_cache_key_follows_the_grammar_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grammar = write(tmp_path, "cable.lark", "cable: LINE\n")
    monkeypatch.setattr("validator.cache.grammar_file", lambda: str(grammar))

    def database() -> str:
        _code_identity.cache_clear()
        return ResultCache(tmp_path, ["D202"]).path

    try:
        first = database()
        assert database() == first
        os.utime(grammar, ns=(grammar.stat().st_atime_ns, grammar.stat().st_mtime_ns + 10**9))
        assert database() != first
    finally:
        _code_identity.cache_clear()
