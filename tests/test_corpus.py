"""The project's own corpus: valid cables give no finding; invalid ones exactly their sidecar."""

from __future__ import annotations

from pathlib import Path

import pytest

from validator import validate_path

from .conftest import PROJECT_CORPUS

VALID = sorted((PROJECT_CORPUS / "valid").glob("*.txt"))
INVALID = sorted((PROJECT_CORPUS / "invalid").glob("*.txt"))


def _findings(path: Path) -> list[str]:
    report = validate_path(path)
    assert report.error is None, report.error
    return sorted(f"{d.code} {d.span.line}:{d.span.column}" for d in report.diagnostics)


def _expected(path: Path) -> list[str]:
    sidecar = path.with_suffix(".expected")
    lines = sidecar.read_text(encoding="utf-8").splitlines()
    return sorted(line.split("#")[0].strip() for line in lines if line.split("#")[0].strip())


@pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
def test_valid_cable_has_no_finding(path: Path) -> None:
    report = validate_path(path)
    assert [f"{d.code} {d.span.line}:{d.span.column} {d.message}" for d in report.diagnostics] == []


@pytest.mark.parametrize("path", INVALID, ids=[p.name for p in INVALID])
def test_invalid_cable_gives_exactly_its_expected_findings(path: Path) -> None:
    assert _findings(path) == _expected(path)


def test_every_invalid_cable_has_a_sidecar() -> None:
    assert all(path.with_suffix(".expected").is_file() for path in INVALID)
