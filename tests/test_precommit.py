"""The pre-commit hook, driven by the real `pre-commit try-repo` against this repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import PROJECT_CORPUS, ROOT

GOOD = PROJECT_CORPUS / "valid" / "09BERLIN1452.txt"


def _pre_commit() -> str:
    beside_python = Path(sys.executable).with_name("pre-commit")
    found = str(beside_python) if beside_python.exists() else shutil.which("pre-commit")
    assert found, "pre-commit is a test dependency: install the project with '.[dev]'"
    return found


def _archive(tmp_path: Path) -> Path:
    archive = tmp_path / "archive"
    archive.mkdir()
    good = GOOD.read_text(encoding="utf-8")
    (archive / GOOD.name).write_text(good, encoding="utf-8")
    # The same cable with the DE line's Julian day off by one: D202.
    de_line = next(line for line in good.splitlines() if line.startswith("DE "))
    julian = de_line.split()[-1]
    wrong = f"{int(julian[:3]) % 365 + 1:03d}{julian[3:]}"
    (archive / "bad.txt").write_text(good.replace(de_line, de_line.replace(julian, wrong)))
    subprocess.run(["git", "init", "-q", str(archive)], check=True)
    return archive


def _try_repo(archive: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [_pre_commit(), "try-repo", str(ROOT), "cablelint", "--verbose", "--files", *files],
        cwd=archive,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )


def test_hook_passes_a_good_cable_and_fails_a_bad_one(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    good = _try_repo(archive, GOOD.name)
    assert good.returncode == 0, good.stdout + good.stderr
    bad = _try_repo(archive, "bad.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "D202" in bad.stdout
    assert "bad.txt" in bad.stdout


def test_hook_definitions() -> None:
    hooks = {
        hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    }
    assert set(hooks) == {"cablelint", "cablelint-archive"}
    assert hooks["cablelint"]["entry"].startswith("cablelint validate")
    assert hooks["cablelint"]["language"] == "python"
    assert hooks["cablelint-archive"]["require_serial"] is True
    assert hooks["cablelint-archive"]["pass_filenames"] is False


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_ci_examples_are_yaml_and_call_real_commands(name: str) -> None:
    text = (ROOT / "docs" / "ci" / name).read_text()
    yaml.safe_load(text)
    calls = [
        line.split("cablelint", 1)[1] for line in text.splitlines() if "cablelint validate" in line
    ]
    assert calls, f"{name} does not call cablelint validate"
    help_text = subprocess.run(
        [sys.executable, "-m", "validator", "validate", "--help"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    for call in calls:
        for word in call.split():
            if word.startswith("--"):
                assert word in help_text, f"{name} uses {word}, which `validate` does not have"
