"""The real cables in ../shared/corpus: every file parses, and the grammar fits them."""

from __future__ import annotations

from validator import validate_path
from validator.parse import parse
from validator.source import Source

from .conftest import shared_files

SYNTAX = ("E101", "E102", "E103", "E104")


def _syntax_clean_rate(folder: str) -> tuple[int, int]:
    files = shared_files(folder)
    clean = sum(
        1
        for path in files
        if not [d for d in parse(Source.from_path(path)).diagnostics if d.code in SYNTAX]
    )
    return clean, len(files)


def test_every_real_cable_validates_without_an_exception() -> None:
    for folder in ("cablegate", "cables-csv", "seed"):
        for path in shared_files(folder):
            report = validate_path(path)
            assert report.error is None
            assert not [d for d in report.diagnostics if d.code == "X001"], path


def test_at_least_97_percent_of_real_cables_parse_without_syntax_findings() -> None:
    clean, total = 0, 0
    for folder in ("cablegate", "cables-csv", "seed"):
        folder_clean, folder_total = _syntax_clean_rate(folder)
        clean, total = clean + folder_clean, total + folder_total
    assert clean / total >= 0.97, f"{clean}/{total}"
