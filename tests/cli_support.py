"""Small cables and ways to run the command line, shared by the CLI, runner and baseline tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from tests.conftest import ROOT
from validator.cli import main
from validator.runner import RunOptions, Target, iter_targets

# The D202 template's good example (validator/rules/d202_julian_date.py); `cable()` varies it.
_TEMPLATE = """\
VZCZCXRO1535
OO RUEHAG
DE RUEHTA #0480/01 0760952
ZNR UUUUU ZZH
O 170952Z MAR 09
FM AMEMBASSY ASTANA
TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
UNCLAS SECTION 01 OF 02 ASTANA 000480
E.O. 12958: N/A
TAGS: PGOV KZ
SUBJECT: ALMATY NOTES
"""


def cable(serial: int = 480, de_date_time: str = "0760952") -> str:
    """A clean cable; `de_date_time="0770952"` gives D202 at 3:20 (error), `"0761052"` D207
    at 3:23 (warning). Distinct serials keep several files from sharing a reference id."""
    return _TEMPLATE.replace("#0480/01 0760952", f"#{serial:04d}/01 {de_date_time}").replace(
        "ASTANA 000480", f"ASTANA {serial:06d}"
    )


JULIAN_OFF = "0770952"  # D202 at 3:20
TIME_OFF = "0761052"  # D207 at 3:23


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_cli(
    *args: str, cwd: Path, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m validator ARGS` in `cwd`, as a user would run it."""
    return subprocess.run(
        [sys.executable, "-m", "validator", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=cli_environment(env),
        timeout=120,
    )


def cli_environment(env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a command line run in a child process: this checkout importable,
    no colour choice inherited from the test's own environment, then `env`."""
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])
    )
    environment.update(env or {})
    return environment


def modules_loaded_by_cli(cwd: Path, *args: str) -> list[str]:
    """The modules `cablelint ARGS` has imported once it is done, run in a fresh interpreter
    in `cwd` (what a pre-commit hook pays for at start-up)."""
    probe = (
        "import sys\n"
        "from validator.cli import main\n"
        "main(sys.argv[1:])\n"
        "print(*sorted(sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=cli_environment(),
        timeout=120,
    )
    return done.stdout.splitlines()[-1].split()


def call_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`cablelint ARGS` in this process (faster); usage errors give their exit code too."""
    try:
        status = main(list(args))
    except SystemExit as stop:
        status = stop.code if isinstance(stop.code, int) else 2
    out, err = capsys.readouterr()
    return status, out, err


def find_targets(
    paths: Sequence[str], options: RunOptions, read_stdin: Callable[[], bytes] | None = None
) -> list[Target]:
    """The files a run over `paths` checks, as a list."""
    return list(iter_targets(paths, options, read_stdin))
