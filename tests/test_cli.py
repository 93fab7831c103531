"""The command line end to end: exit codes, selection, settings, formats, watch, rules, explain."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli_support import (
    JULIAN_OFF,
    TIME_OFF,
    cable,
    call_cli,
    cli_environment,
    modules_loaded_by_cli,
    run_cli,
    write,
)
from tests.conftest import ROOT
from validator import __version__
from validator.cli import use_color
from validator.ruledocs import REGENERATE, rules_markdown
from validator.rules import all_rules

# -- exit codes ------------------------------------------------------------------------------


def test_clean_file_exits_0(tmp_path: Path) -> None:
    write(tmp_path, "cable.txt", cable())
    done = run_cli("validate", "--select", "D2", "cable.txt", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, "1 file passed\n", "")


def test_error_finding_exits_1_and_names_the_place(tmp_path: Path) -> None:
    write(tmp_path, "cable.txt", cable(de_date_time=JULIAN_OFF))
    done = run_cli("validate", "--select", "D2", "cable.txt", cwd=tmp_path)
    assert done.returncode == 1
    assert "error[D202]" in done.stdout
    assert " --> cable.txt:3:20" in done.stdout


def test_nothing_readable_exits_2(tmp_path: Path) -> None:
    done = run_cli("validate", "missing.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert "missing.txt" in done.stdout
    assert "cannot read: No such file or directory" in done.stdout


def test_unreadable_file_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", cable())
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere")
    done = run_cli("validate", "--format", "json", "--select", "D2", cwd=tmp_path)
    assert done.returncode == 0
    files = {f["path"]: f for f in json.loads(done.stdout)["files"]}
    assert files["dangling.txt"]["error"] == "cannot read: No such file or directory"
    assert files["good.txt"] == {
        "path": "good.txt",
        "diagnostics": [],
        "error": None,
        "suppressed": [],
    }


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root reads files whatever their permissions",
)
def test_file_without_read_permission_is_reported(tmp_path: Path) -> None:
    locked = write(tmp_path, "locked.txt", cable())
    locked.chmod(0)
    done = run_cli("validate", "locked.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert "cannot read: Permission denied" in done.stdout


def test_fail_on_lowers_the_threshold(tmp_path: Path) -> None:
    write(tmp_path, "late.txt", cable(de_date_time=TIME_OFF))  # D207, a warning
    assert run_cli("validate", "--select", "D207", cwd=tmp_path).returncode == 0
    for level in ("warning", "info"):
        done = run_cli("validate", "--select", "D207", "--fail-on", level, cwd=tmp_path)
        assert done.returncode == 1, level


def test_fail_on_from_settings_and_the_command_line_wins(tmp_path: Path) -> None:
    write(tmp_path, "late.txt", cable(de_date_time=TIME_OFF))
    write(tmp_path, "cablelint.toml", 'select = ["D207"]\nfail-on = "warning"\n')
    assert run_cli("validate", cwd=tmp_path).returncode == 1
    assert run_cli("validate", "--fail-on", "error", cwd=tmp_path).returncode == 0


def test_stdin(tmp_path: Path) -> None:
    done = run_cli(
        "validate", "--select", "D202", "-", cwd=tmp_path, stdin=cable(de_date_time=JULIAN_OFF)
    )
    assert done.returncode == 1
    assert " --> <stdin>:3:20" in done.stdout


# -- rule selection --------------------------------------------------------------------------


def _codes(out: str) -> list[str]:
    return [d["code"] for f in json.loads(out)["files"] for d in f["diagnostics"]]


@pytest.mark.parametrize(
    ("flags", "codes"),
    [
        (["--select", "D202,D207"], ["D202", "D207"]),
        (["--select", "D20"], ["D202", "D207"]),
        (["--select", "d20", "--ignore", "D202"], ["D207"]),
        (["--select", "D2", "--ignore", "D20"], []),
        # The more specific selector wins, whichever list it is in.
        (["--select", "D20", "--ignore", "D2"], ["D202", "D207"]),
        (["--ignore", "D", "--select", "D202"], ["D202"]),
        (["--select", "D202", "--extend-select", "D207"], ["D202", "D207"]),
        (["--select", "D202", "--select", "D207"], ["D202", "D207"]),
    ],
)
def test_select_ignore_and_prefixes(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    flags: list[str],
    codes: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.txt", cable(481, JULIAN_OFF))
    write(tmp_path, "b.txt", cable(482, TIME_OFF))
    status, out, _ = call_cli(capsys, "validate", "--format", "json", "-j1", *flags)
    assert _codes(out) == codes
    assert status == (1 if "D202" in codes else 0)


@pytest.mark.parametrize(
    ("flag", "value", "suggestion"),
    [
        ("--select", "D2002", "did you mean `D202`?"),
        ("--ignore", "julian-date-mismatch", "did you mean `D202` (julian-date-mismatch)?"),
        ("--extend-select", "Q", "`cablelint rules` lists them"),
    ],
)
def test_unknown_code_is_a_usage_error_with_a_suggestion(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    flag: str,
    value: str,
    suggestion: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, err = call_cli(capsys, "validate", flag, value)
    assert status == 2
    assert f"argument {flag}: unknown rule code `{value}`" in err
    assert suggestion in err
    assert out == ""


# -- settings --------------------------------------------------------------------------------


def test_settings_are_found_walking_up(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.cablelint]\nselect = ["D207"]\n')
    # A pyproject.toml without cablelint settings on the way up is passed over.
    write(tmp_path, "cables/pyproject.toml", '[project]\nname = "cables"\n')
    write(tmp_path, "cables/a.txt", cable(481, JULIAN_OFF))
    write(tmp_path, "cables/b.txt", cable(482, TIME_OFF))
    done = run_cli("validate", "--format", "json", cwd=tmp_path / "cables")
    assert _codes(done.stdout) == ["D207"]


def test_nearest_settings_win_and_config_flag_overrides(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.cablelint]\nselect = ["D207"]\n')
    write(tmp_path, "cables/cablelint.toml", 'select = ["D202"]\n')
    write(tmp_path, "cables/a.txt", cable(481, JULIAN_OFF))
    write(tmp_path, "cables/b.txt", cable(482, TIME_OFF))
    cables = tmp_path / "cables"
    assert _codes(run_cli("validate", "--format", "json", cwd=cables).stdout) == ["D202"]
    done = run_cli("validate", "--format", "json", "--config", "../pyproject.toml", cwd=cables)
    assert _codes(done.stdout) == ["D207"]
    # The command line wins over the file.
    done = run_cli("validate", "--format", "json", "--select", "D207", cwd=cables)
    assert _codes(done.stdout) == ["D207"]


def test_settings_error_names_file_key_and_line(tmp_path: Path) -> None:
    write(
        tmp_path,
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.cablelint]\nselect = ["D"]\nignroe = ["D206"]\n',
    )
    done = run_cli("validate", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        "cablelint: error: pyproject.toml:6: `ignroe`: unknown setting; did you mean `ignore`?\n"
    )
    assert done.stdout == ""


def test_unknown_code_in_settings_names_its_line(tmp_path: Path) -> None:
    write(tmp_path, "cablelint.toml", 'select = [\n  "D202",\n  "D2007",\n]\n')
    done = run_cli("validate", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        "cablelint: error: cablelint.toml:3: `select`: unknown rule code `D2007`; "
        "did you mean `D207`?\n"
    )


def test_per_file_ignores(tmp_path: Path) -> None:
    write(tmp_path, "cablelint.toml", '[per-file-ignores]\n"legacy/**" = ["D202"]\n')
    write(tmp_path, "legacy/old.txt", cable(481, JULIAN_OFF))
    write(tmp_path, "new.txt", cable(482, JULIAN_OFF))
    done = run_cli("validate", "--format", "json", "--select", "D202", cwd=tmp_path)
    paths = [f["path"] for f in json.loads(done.stdout)["files"] if f["diagnostics"]]
    assert paths == ["new.txt"]


def test_severity_override(tmp_path: Path) -> None:
    write(tmp_path, "cablelint.toml", 'select = ["D202"]\nseverity = { D202 = "info" }\n')
    write(tmp_path, "cable.txt", cable(de_date_time=JULIAN_OFF))
    done = run_cli("validate", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.startswith("info[D202]: ")


# -- files -----------------------------------------------------------------------------------


def test_no_path_searches_the_current_folder(tmp_path: Path) -> None:
    write(tmp_path, "a/b/deep.txt", cable(481, JULIAN_OFF))
    write(tmp_path, "a/notes.md", "not a cable")
    write(tmp_path, ".git/hidden.txt", cable(482, JULIAN_OFF))
    write(tmp_path, ".venv/lib/x.txt", cable(483, JULIAN_OFF))
    done = run_cli("validate", "--format", "json", "--select", "D202", cwd=tmp_path)
    assert [f["path"] for f in json.loads(done.stdout)["files"]] == ["a/b/deep.txt"]
    # A file named explicitly is checked wherever it is.
    done = run_cli("validate", "--select", "D202", ".git/hidden.txt", cwd=tmp_path)
    assert done.returncode == 1


def test_include_and_exclude_settings(tmp_path: Path) -> None:
    write(tmp_path, "cablelint.toml", 'include = ["*.cable"]\nexclude = ["drafts"]\n')
    write(tmp_path, "one.cable", cable(481))
    write(tmp_path, "two.txt", cable(482))
    write(tmp_path, "drafts/three.txt", cable(483))
    write(tmp_path, "x/drafts/four.txt", cable(484))
    done = run_cli("validate", "--format", "json", cwd=tmp_path)
    assert [f["path"] for f in json.loads(done.stdout)["files"]] == ["one.cable", "two.txt"]


def test_folder_symlink_loop_ends(tmp_path: Path) -> None:
    write(tmp_path, "cables/a.txt", cable())
    (tmp_path / "cables" / "loop").symlink_to(tmp_path / "cables", target_is_directory=True)
    (tmp_path / "cables" / "up").symlink_to(tmp_path, target_is_directory=True)
    done = run_cli("validate", "--format", "json", "cables", cwd=tmp_path)
    assert [f["path"] for f in json.loads(done.stdout)["files"]] == ["cables/a.txt"]


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path / "cables")
    os.mkdir(folder)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as stream:
        stream.write(cable(de_date_time=JULIAN_OFF).encode())
    done = run_cli("validate", "--select", "D202", "cables", cwd=tmp_path)
    assert done.returncode == 1
    assert " --> cables/caf\\xe9.txt:3:20" in done.stdout


def test_jobs_1_and_2_give_identical_output(tmp_path: Path) -> None:
    for serial in range(400, 424):
        date_time = (JULIAN_OFF, TIME_OFF, "0760952")[serial % 3]
        write(tmp_path, f"cables/{serial % 4}/c{serial}.txt", cable(serial, date_time))
    write(tmp_path, "cables/copy.txt", cable(401))  # A702 (archive rule) across processes
    one = run_cli("validate", "-j1", "--format", "json", "cables", cwd=tmp_path)
    two = run_cli("validate", "-j2", "--format", "json", "cables", cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert "A702" in _codes(one.stdout)
    text = [run_cli("validate", "-j", jobs, "cables", cwd=tmp_path).stdout for jobs in "12"]
    assert text[0] == text[1]


def test_output_file(tmp_path: Path) -> None:
    write(tmp_path, "cable.txt", cable(de_date_time=JULIAN_OFF))
    done = run_cli(
        "validate", "--select", "D202", "--format", "json", "-o", "report.json", cwd=tmp_path
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert _codes((tmp_path / "report.json").read_text()) == ["D202"]
    # No temporary file of the atomic write is left (the result cache is expected).
    hidden = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert hidden == [".cablelint_cache"]


def test_validate_one_file_loads_no_more_than_it_needs(tmp_path: Path) -> None:
    write(tmp_path, "cable.txt", cable())
    watched = (
        "multiprocessing",
        "rich.console",
        "validator.render.",
        "validator.baseline",
        "tomllib",
    )
    loaded = [
        m for m in modules_loaded_by_cli(tmp_path, "validate", "cable.txt") if m.startswith(watched)
    ]
    assert [m for m in loaded if not m.startswith("validator.render._")] == [
        "validator.render.text"
    ]


# -- watch -----------------------------------------------------------------------------------


def _wait_for(path: Path, text: str, count: int, deadline: float) -> None:
    while path.read_text().count(text) < count:
        assert time.monotonic() < deadline, f"{text!r} did not appear {count} times"
        time.sleep(0.05)


def test_watch_checks_again_after_a_change(tmp_path: Path) -> None:
    cable_file = write(tmp_path, "cable.txt", cable())
    out, err = tmp_path / "out.log", tmp_path / "err.log"
    env = cli_environment()
    with out.open("w") as stdout, err.open("w") as stderr:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "validator",
                "validate",
                "--select",
                "D202",
                "--watch",
                "--watch-interval",
                "0.05",
                "cable.txt",
            ],
            cwd=tmp_path,
            stdout=stdout,
            stderr=stderr,
            env=env,
        )
        try:
            deadline = time.monotonic() + 30
            _wait_for(err, "watching 1 file", 1, deadline)
            assert out.read_text() == "1 file passed\n"
            cable_file.write_text(cable(de_date_time=JULIAN_OFF))
            _wait_for(err, "watching 1 file", 2, deadline)
            assert "error[D202]" in out.read_text()
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=10) == 0
        finally:
            process.kill()


# -- rules, explain, inspect, version, help --------------------------------------------------


def test_rules_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = call_cli(capsys, "rules")
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split() == ["CODE", "NAME", "SEVERITY", "SUMMARY"]
    d202 = next(line for line in lines if line.startswith("D202 "))
    assert d202.split()[:3] == ["D202", "julian-date-mismatch", "error"]
    assert d202.endswith("DE-line Julian day disagrees with the DTG date")
    assert len(lines) == len(all_rules()) + 1


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = call_cli(capsys, "rules", "--format", "json")
    data = {rule["code"]: rule for rule in json.loads(out)}
    assert data["D202"]["name"] == "julian-date-mismatch"
    assert data["D202"]["scope"] == "cable"
    assert list(data) == list(all_rules())


def test_explain(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = call_cli(capsys, "explain", "d202")
    assert status == 0
    assert out.startswith("D202 julian-date-mismatch (error)\n\n")
    assert "What it does" in out
    assert "DE RUEHTA #0480/01 0770952" in out  # the bad example
    assert call_cli(capsys, "explain", "julian-date-mismatch")[1] == out


def test_explain_in_colour_renders_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = call_cli(capsys, "explain", "--color", "always", "D202")
    assert status == 0
    assert "\x1b[" in out
    assert "What it does" in out
    assert "(bad: D202 at 3:20)::" not in out  # the rst marker became a code block


def test_explain_unknown_rule(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = call_cli(capsys, "explain", "D2020")
    assert status == 2
    assert "unknown rule `D2020`; did you mean `D202`?" in err


def test_inspect(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "cable.txt", cable())
    status, out, _ = call_cli(capsys, "inspect", "--format", "json", str(path))
    assert status == 0
    data = json.loads(out)
    assert data["dtg"]["utc"] == "2009-03-17T09:52Z"
    assert data["de_line"]["julian_day"] == "076"
    status, out, _ = call_cli(capsys, "inspect", str(path))
    assert status == 0
    assert "  julian day: 076\n" in out
    assert "  utc: 2009-03-17T09:52Z\n" in out
    assert "tags: PGOV KZ\n" in out


def test_inspect_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = call_cli(capsys, "inspect", str(tmp_path / "missing.txt"))
    assert status == 2
    assert "missing.txt: cannot read: No such file or directory" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert call_cli(capsys, "--version") == (0, f"cablelint {__version__}\n", "")


@pytest.mark.parametrize("command", ["validate", "inspect", "rules", "explain"])
def test_help_has_examples(capsys: pytest.CaptureFixture[str], command: str) -> None:
    status, out, _ = call_cli(capsys, command, "--help")
    assert status == 0
    assert f"usage: cablelint {command}" in out
    assert "examples:" in out


def test_prune_baseline_needs_a_baseline(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = call_cli(capsys, "validate", "--prune-baseline")
    assert status == 2
    assert "--prune-baseline needs --baseline FILE" in err


def test_docs_rules_md_is_current() -> None:
    written = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert written == rules_markdown(all_rules().values()), (
        f"docs/rules.md is stale: regenerate it with `{REGENERATE}`"
    )


class _Stream(io.StringIO):
    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


@pytest.mark.parametrize(
    ("choice", "terminal", "environ", "colour"),
    [
        ("auto", True, {}, True),
        ("auto", False, {}, False),
        ("auto", True, {"NO_COLOR": "1"}, False),
        ("auto", True, {"NO_COLOR": ""}, True),  # an empty NO_COLOR does not count
        ("auto", False, {"FORCE_COLOR": "1"}, True),
        ("auto", True, {"TERM": "dumb"}, False),
        ("always", False, {"NO_COLOR": "1"}, True),
        ("never", True, {"FORCE_COLOR": "1"}, False),
    ],
)
def test_use_color(choice: str, terminal: bool, environ: dict[str, str], colour: bool) -> None:
    assert use_color(choice, _Stream(terminal), environ) is colour


def _stderr_on_a_terminal(tmp_path: Path, *args: str, ci: bool = False) -> str:
    """Run the command line with standard error on a pseudo-terminal; what it wrote there."""
    leader, follower = os.openpty()
    environment = {k: v for k, v in os.environ.items() if k != "CI"}
    environment["PYTHONPATH"] = str(ROOT)
    if ci:
        environment["CI"] = "true"
    done = subprocess.run(
        [sys.executable, "-m", "validator", *args],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env=environment,
        timeout=120,
        check=False,
    )
    os.close(follower)
    written = b""
    with contextlib.suppress(OSError):  # the terminal closes with the process: EIO ends it
        while chunk := os.read(leader, 65536):
            written += chunk
    os.close(leader)
    assert done.returncode in (0, 1)
    return written.decode(errors="replace")


def test_progress_bar_on_a_terminal_for_long_runs_only(tmp_path: Path) -> None:
    for serial in range(205):
        write(tmp_path, f"c{serial:03d}.txt", cable(1000 + serial))
    assert "checking" in _stderr_on_a_terminal(tmp_path, "validate", "--no-cache", ".")
    assert "checking" not in _stderr_on_a_terminal(tmp_path, "validate", "--no-cache", ".", ci=True)
    assert "checking" not in _stderr_on_a_terminal(tmp_path, "validate", "-q", "--no-cache", ".")
    write(tmp_path, "c999.txt", cable(999))
    for extra in tmp_path.glob("c1*.txt"):
        extra.unlink()
    assert "checking" not in _stderr_on_a_terminal(tmp_path, "validate", "--no-cache", ".")
