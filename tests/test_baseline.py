"""Baseline: record findings, hide exactly those later, report and prune the ones gone."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.cli_support import JULIAN_OFF, TIME_OFF, cable, call_cli, find_targets, run_cli, write
from validator.baseline import (
    Baseline,
    BaselineError,
    apply_baseline,
    baseline_of,
    read_baseline,
    write_baseline,
)
from validator.config import Selection, Settings
from validator.runner import run, run_options

SELECT = ("--select", "D202,D207")


def _report(done_stdout: str) -> dict[str, tuple[list[str], list[str]]]:
    return {
        f["path"]: ([d["code"] for d in f["diagnostics"]], [d["code"] for d in f["suppressed"]])
        for f in json.loads(done_stdout)["files"]
    }


def test_write_then_use_with_lines_shifted(tmp_path: Path) -> None:
    write(tmp_path, "cables/a.txt", cable(481, JULIAN_OFF))
    write(tmp_path, "cables/b.txt", cable(482))
    done = run_cli("validate", *SELECT, "--write-baseline", "base.json", "cables", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stderr == "cablelint: recorded 1 finding in base.json\n"
    document = json.loads((tmp_path / "base.json").read_text())
    assert document["version"] == 1
    [entry] = document["entries"]
    assert (entry["path"], entry["code"], entry["count"]) == ("cables/a.txt", "D202", 1)
    assert len(entry["fingerprint"]) == 32

    # Lines added above the finding and an edit elsewhere keep it accepted ...
    shifted = "\n\n" + cable(481, JULIAN_OFF).replace("ALMATY NOTES", "ALMATY NOTES, PART 2")
    write(tmp_path, "cables/a.txt", shifted)
    # ... while a new finding in another file is reported.
    write(tmp_path, "cables/b.txt", cable(482, TIME_OFF))
    done = run_cli(
        "validate",
        *SELECT,
        "--format",
        "json",
        "--baseline",
        "base.json",
        "--fail-on",
        "warning",
        "cables",
        cwd=tmp_path,
    )
    assert done.returncode == 1
    assert _report(done.stdout) == {
        "cables/a.txt": ([], ["D202"]),
        "cables/b.txt": (["D207"], []),
    }


def test_edited_offending_text_is_a_new_finding(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", cable(481, JULIAN_OFF))
    run_cli("validate", *SELECT, "--write-baseline", "base.json", cwd=tmp_path)
    write(tmp_path, "a.txt", cable(481, "0780952"))  # still D202, different Julian day
    done = run_cli("validate", *SELECT, "--baseline", "base.json", cwd=tmp_path)
    assert done.returncode == 1
    assert "1 baselined finding no longer occurs" in done.stdout


def test_fixed_findings_are_reported_and_pruned(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", cable(481, JULIAN_OFF))
    write(tmp_path, "b.txt", cable(482, JULIAN_OFF))
    run_cli("validate", *SELECT, "--write-baseline", "base.json", cwd=tmp_path)
    write(tmp_path, "a.txt", cable(481))  # fixed

    done = run_cli("validate", *SELECT, "--baseline", "base.json", cwd=tmp_path)
    assert done.returncode == 0
    assert "1 baselined finding no longer occurs: the baseline can be pruned" in done.stdout
    done = run_cli("validate", *SELECT, "--format", "json", "--baseline", "base.json", cwd=tmp_path)
    assert json.loads(done.stdout)  # stdout keeps the document; the note goes to stderr
    assert done.stderr == (
        "cablelint: base.json lists 1 finding that no longer occurs; "
        "--prune-baseline removes them\n"
    )

    before = json.loads((tmp_path / "base.json").read_text())["entries"]
    done = run_cli("validate", *SELECT, "--baseline", "base.json", "--prune-baseline", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stderr == "cablelint: removed 1 finding that no longer occurs from base.json\n"
    assert "pruned" not in done.stdout
    after = json.loads((tmp_path / "base.json").read_text())["entries"]
    assert after == [entry for entry in before if entry["path"] == "b.txt"]


def test_unchecked_files_and_unselected_codes_are_not_stale(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", cable(481, JULIAN_OFF))
    write(tmp_path, "b.txt", cable(482, TIME_OFF))
    run_cli("validate", *SELECT, "--write-baseline", "base.json", cwd=tmp_path)
    for flags in (["--select", "D202", "a.txt"], ["--select", "D207"]):
        done = run_cli(
            "validate", *flags, "--baseline", "base.json", "--prune-baseline", cwd=tmp_path
        )
        assert (done.returncode, done.stderr) == (0, ""), flags
    assert len(json.loads((tmp_path / "base.json").read_text())["entries"]) == 2


def test_paths_are_relative_to_the_baseline(tmp_path: Path) -> None:
    write(tmp_path, "cables/a.txt", cable(481, JULIAN_OFF))
    run_cli("validate", *SELECT, "--write-baseline", "ci/base.json", "cables", cwd=tmp_path)
    entry = json.loads((tmp_path / "ci" / "base.json").read_text())["entries"][0]
    assert entry["path"] == "../cables/a.txt"
    done = run_cli("validate", *SELECT, "--baseline", "../ci/base.json", cwd=tmp_path / "cables")
    assert (done.returncode, done.stdout) == (
        0,
        "1 file passed\n1 finding hidden by the baseline\n",
    )


def test_stdin_findings_can_be_baselined(tmp_path: Path) -> None:
    bad = cable(de_date_time=JULIAN_OFF)
    run_cli("validate", *SELECT, "--write-baseline", "base.json", "-", cwd=tmp_path, stdin=bad)
    done = run_cli("validate", *SELECT, "--baseline", "base.json", "-", cwd=tmp_path, stdin=bad)
    assert done.returncode == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "not a baseline file"),
        ('{"version": 7, "entries": []}', "not a cablelint baseline (version 1)"),
        ('{"version": 1, "entries": [{"path": "a.txt"}]}', "malformed baseline entry"),
    ],
)
def test_bad_baseline_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: str,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.txt", cable())
    write(tmp_path, "base.json", content)
    status, _, err = call_cli(capsys, "validate", "-j1", "--baseline", "base.json")
    assert status == 2
    assert err.startswith(f"cablelint: error: base.json: {message}")
    with pytest.raises(BaselineError):
        read_baseline(tmp_path / "base.json")


def test_missing_baseline_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "a.txt", cable())
    status, _, err = call_cli(
        capsys, "validate", "--baseline", str(tmp_path / "none.json"), str(tmp_path / "a.txt")
    )
    assert status == 2
    assert "cannot read baseline: No such file or directory" in err


def test_counts_and_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.txt", cable(481, JULIAN_OFF))
    options = run_options(Settings(root=tmp_path), Selection(("D202",)), jobs=1)
    result = run(find_targets([], options), options).collected()
    baseline = baseline_of(result, tmp_path / "base.json")
    write_baseline(baseline, tmp_path / "base.json")
    assert read_baseline(tmp_path / "base.json") == baseline
    # A count above 1 (entries merged by hand) accepts that many identical findings.
    [key] = baseline.entries
    doubled = Baseline(baseline.folder, Counter({key: 2}))
    applied, gone = apply_baseline(result, doubled, options.codes)
    assert [len(f.suppressed) for f in applied.stream()] == [1]
    assert (gone, applied.fixed_in_baseline) == (Counter({key: 1}), 1)
