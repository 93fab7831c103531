"""The runner: finding files, checking them in one or more processes, archive rules, exit codes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli_support import JULIAN_OFF, TIME_OFF, cable, find_targets, write
from validator.config import Selection, Settings
from validator.diagnostics import Diagnostic, Severity
from validator.results import FileResult, RunResult
from validator.runner import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    RunOptions,
    Target,
    check_target,
    exit_status,
    iter_targets,
    run,
    run_options,
    snapshot,
)


def _options(
    tmp_path: Path, settings: Settings | None = None, select: tuple[str, ...] | None = None
) -> RunOptions:
    return run_options(settings or Settings(root=tmp_path), Selection(select), jobs=1)


def _found(codes: list[tuple[str, str, int, int]], result: RunResult) -> None:
    assert [
        (f.path, d.code, d.span.line, d.span.column) for f in result.files for d in f.diagnostics
    ] == codes


def test_targets_sorted_once_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("b/z.txt", "b/a.txt", "a.txt", "b/.hidden.txt", "b/notes.md"):
        write(tmp_path, name, "")
    targets = find_targets(["b", "a.txt", "b/z.txt", "./a.txt"], _options(tmp_path))
    assert [t.name for t in targets] == ["a.txt", "b/a.txt", "b/z.txt"]
    assert find_targets([], _options(tmp_path)) == find_targets(["."], _options(tmp_path))
    assert [t.name for t in find_targets([], _options(tmp_path))] == ["a.txt", "b/a.txt", "b/z.txt"]


def test_search_yields_names_in_sorted_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Folders are searched in an order that needs no sorting of the whole list: names that
    sort around a folder's name plus `/` (`a-b`, `a.txt`, `a0` against `a/`) land where a
    sort of every name puts them."""
    monkeypatch.chdir(tmp_path)
    names = [
        "a/x.txt",
        "a/b/y.txt",
        "a-b/z.txt",
        "a.txt",
        "a0.txt",
        "a!.txt",
        "ab/c/d.txt",
        "Z.txt",
    ]
    for name in names:
        write(tmp_path, name, "")
    assert [t.name for t in find_targets([], _options(tmp_path))] == sorted(names)
    # Several paths merge into one sorted list; a file also inside a given folder once.
    given = ["ab", "a", "a.txt", "a/b/y.txt"]
    assert [t.name for t in find_targets(given, _options(tmp_path))] == sorted(
        ["ab/c/d.txt", "a/x.txt", "a/b/y.txt", "a.txt"]
    )


def test_search_yields_files_as_it_goes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first file comes before later folders are listed: a run over an archive starts
    at once and never holds the list of its files."""
    monkeypatch.chdir(tmp_path)
    for shard in ("0000", "0001", "0002"):
        write(tmp_path, f"{shard}/a.txt", "")
    listed: list[str] = []
    real_scandir = os.scandir

    def recording_scandir(path: str) -> object:
        listed.append(os.path.basename(os.path.normpath(path)))
        return real_scandir(path)

    monkeypatch.setattr("validator.runner.os.scandir", recording_scandir)
    found = iter_targets([], _options(tmp_path))
    assert next(found).name == "0000/a.txt"
    assert listed == [".", "0000"]
    assert [t.name for t in found] == ["0001/a.txt", "0002/a.txt"]


def test_search_of_a_deep_folder_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Deeper than the recursion limit (lowered here, so that the tree stays shallow enough
    for pytest to clean up): the search keeps its own stack."""
    import sys

    monkeypatch.chdir(tmp_path)
    deep = Path(*["d"] * 300)
    write(tmp_path, str(deep / "a.txt"), "")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        found = [t.name for t in find_targets([], _options(tmp_path))]
    finally:
        sys.setrecursionlimit(limit)
    assert found == [f"{deep}/a.txt"]


def test_batches_keep_path_order_with_and_without_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files are checked a batch at a time (the next batch handed to the workers before the
    results of one are given out); with batches of 2 the results are those of one batch."""
    monkeypatch.chdir(tmp_path)
    for serial in range(400, 407):
        write(tmp_path, f"c{serial}.txt", cable(serial, (JULIAN_OFF, TIME_OFF)[serial % 2]))
    write(tmp_path, "copy.txt", cable(400))

    def files(jobs: int, cache: bool) -> list[tuple[str, tuple[Diagnostic, ...]]]:
        options = run_options(Settings(root=tmp_path), jobs=jobs)
        if cache:
            options = options._replace(cache_folder=str(tmp_path / ".cache"))
        result = run(iter_targets([], options), options).collected()
        return [(f.path, f.diagnostics) for f in result.files]

    whole = files(1, cache=False)
    assert [path for path, _ in whole] == sorted(path for path, _ in whole)
    monkeypatch.setattr("validator.runner._BATCH", 2)
    for jobs in (1, 2):
        assert files(jobs, cache=False) == whole
        assert files(jobs, cache=True) == whole  # first run fills the cache
        assert files(jobs, cache=True) == whole  # second reads it


def test_stdin_target(tmp_path: Path) -> None:
    targets = find_targets(["-"], _options(tmp_path), lambda: b"text")
    assert targets == [Target("<stdin>", None, b"text")]
    assert find_targets(["-"], _options(tmp_path)) == []  # not read when watching


def test_exclude_is_relative_to_the_settings_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "cables/old/a.txt", "")
    write(tmp_path, "cables/new/b.txt", "")
    monkeypatch.chdir(tmp_path / "cables")
    options = _options(tmp_path, Settings(exclude=("cables/old",), root=tmp_path))
    assert [t.name for t in find_targets([], options)] == ["new/b.txt"]


def test_file_that_is_not_text(tmp_path: Path) -> None:
    path = write(tmp_path, "binary.txt", "")
    path.write_bytes(b"\x00\x01\x02" * 100)
    result, kept = check_target(Target("binary.txt", str(path)), _options(tmp_path))
    assert [(d.code, d.span.line, d.span.column) for d in result.diagnostics] == [("E100", 1, 1)]
    assert (result.source, result.error) == (None, None)
    assert kept is not None and kept.archive is None


def test_unreadable_file(tmp_path: Path) -> None:
    result, _ = check_target(Target("gone.txt", str(tmp_path / "gone.txt")), _options(tmp_path))
    assert result == FileResult("gone.txt", (), error="cannot read: No such file or directory")


def test_clean_files_keep_no_text(tmp_path: Path) -> None:
    write(tmp_path, "clean.txt", cable(481))
    write(tmp_path, "bad.txt", cable(482, JULIAN_OFF))
    options = _options(tmp_path, select=("D202",))
    result = run(find_targets([str(tmp_path)], options), options).collected()
    assert [(Path(f.path).name, f.source is not None) for f in result.files] == [
        ("bad.txt", True),
        ("clean.txt", False),
    ]


def test_archive_findings_join_their_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.txt", cable(480, JULIAN_OFF))
    write(tmp_path, "b.txt", cable(480))  # same reference id as a.txt: A702 on the second
    options = _options(tmp_path, select=("D202", "A702"))
    assert options.archive
    result = run(find_targets([], options), options).collected()
    _found([("a.txt", "D202", 3, 20), ("b.txt", "A702", 8, 25)], result)
    # b.txt was clean until the archive rule: its text is read again for the snippet.
    assert result.files[1].source is not None


def test_no_archive_rule_selected_keeps_no_archive_entry(tmp_path: Path) -> None:
    options = _options(tmp_path, select=("D202",))
    assert not options.archive
    write(tmp_path, "a.txt", cable(480))
    _, kept = check_target(Target("a.txt", str(tmp_path / "a.txt")), options)
    assert kept is not None and kept.archive is None


def test_two_processes_give_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for serial in range(400, 412):
        write(tmp_path, f"c{serial}.txt", cable(serial, (JULIAN_OFF, TIME_OFF)[serial % 2]))
    write(tmp_path, "copy.txt", cable(400))
    options = _options(tmp_path)
    targets = find_targets([], options)

    def summary(jobs: int) -> list[tuple[str, tuple[Diagnostic, ...]]]:
        result = run(targets, run_options(Settings(root=tmp_path), jobs=jobs)).collected()
        return [(f.path, f.diagnostics) for f in result.files]

    one, two = summary(1), summary(2)
    assert one == two
    assert any(d.code == "A702" for _, found in one for d in found)


def test_per_file_ignores_and_severity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "legacy/a.txt", cable(481, JULIAN_OFF))
    write(tmp_path, "b.txt", cable(482, JULIAN_OFF))
    settings = Settings(
        selection=Selection(select=("D202",)),
        per_file_ignores=(("legacy", ("D2",)),),
        severity=(("D202", Severity.WARNING),),
        root=tmp_path,
    )
    options = run_options(settings, jobs=1)
    result = run(find_targets([], options), options).collected()
    assert [(f.path, [d.severity for d in f.diagnostics]) for f in result.files] == [
        ("b.txt", [Severity.WARNING]),
        ("legacy/a.txt", []),
    ]
    assert exit_status(result) == EXIT_OK


def test_exit_status() -> None:
    unreadable = FileResult("x.txt", (), error="cannot read")
    assert exit_status(RunResult((unreadable,))) == EXIT_ERROR
    assert exit_status(RunResult((unreadable, FileResult("y.txt", ())))) == EXIT_OK
    assert exit_status(RunResult(())) == EXIT_OK


def test_fail_on(tmp_path: Path) -> None:
    write(tmp_path, "late.txt", cable(de_date_time=TIME_OFF))
    target = [Target("late.txt", str(tmp_path / "late.txt"))]
    for fail_on, status in ((Severity.ERROR, EXIT_OK), (Severity.WARNING, EXIT_FINDINGS)):
        options = run_options(Settings(root=tmp_path), Selection(("D207",)), fail_on, jobs=1)
        assert exit_status(run(target, options).collected()) == status


def test_snapshot_sees_changes(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "one")
    options = _options(tmp_path)
    before = snapshot([str(tmp_path)], options)
    path.write_text("two, longer")
    assert snapshot([str(tmp_path)], options) != before
    write(tmp_path, "b.txt", "")
    assert len(snapshot([str(tmp_path)], options)) == 2
    os.unlink(path)
    assert len(snapshot([str(tmp_path)], options)) == 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_run_checks_each_file_as_its_result_is_asked_for(tmp_path: Path, jobs: int) -> None:
    """Results stream: nothing is checked before the renderer asks, and the tally is only
    known once every file has passed."""
    for serial in (480, 481, 482):
        write(tmp_path, f"{serial}.txt", cable(serial, JULIAN_OFF))
    options = run_options(Settings(root=tmp_path), jobs=jobs)
    heard: list[str] = []
    result = run(find_targets([str(tmp_path)], options), options, lambda f: heard.append(f.path))
    assert heard == []
    files = result.stream()
    first = next(files)
    assert heard == [first.path]
    with pytest.raises(RuntimeError, match="known once it is streamed"):
        result.tally  # noqa: B018
    rest = list(files)
    assert [Path(f.path).name for f in (first, *rest)] == ["480.txt", "481.txt", "482.txt"]
    assert result.tally.by_code == {"D202": 3}
    with pytest.raises(RuntimeError, match="streamed already"):
        next(result.stream())
