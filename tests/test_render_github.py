"""The `github` format: workflow commands, their escaping, and the step summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.render_cases import D202_BAD, d202_run, file_result, rendered
from validator.diagnostics import Diagnostic, Severity
from validator.render.github import annotation, escape_data, escape_property
from validator.results import RunResult
from validator.source import Span


def test_annotations_name_the_span_and_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert rendered(d202_run(), "github").splitlines() == [
        "::error file=cables/astana-0480.txt,line=3,col=20,endLine=3,endColumn=23,title=D202::"
        "the DE line's Julian day `077` disagrees with the DTG date%0Ahelp: did you mean "
        "`0760952`?",
        "::error file=cables/locked.txt::cannot read: Permission denied",
    ]


def test_data_and_properties_are_escaped_as_the_toolkit_does() -> None:
    assert escape_data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b"
    assert escape_property("dir:a,b%\n") == "dir%3Aa%2Cb%25%0A"


def test_severities_map_to_error_warning_and_notice() -> None:
    def command(severity: Severity) -> str:
        diagnostic = Diagnostic("X1", severity, "m", Span(1, 1, 1, 2))
        return annotation("C:/odd,name.txt", diagnostic)

    assert command(Severity.ERROR).startswith("::error file=C%3A/odd%2Cname.txt,line=1,")
    assert command(Severity.WARNING).startswith("::warning ")
    assert command(Severity.INFO).startswith("::notice ")
    injected = Diagnostic("X1", Severity.INFO, "a\n::error::forged", Span(1, 1, 1, 2))
    assert annotation("a.txt", injected).count("\n") == 0


def test_step_summary_is_appended_when_github_names_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = RunResult((*d202_run().files, file_result(D202_BAD, "pipe|name.txt")))
    rendered(result, "github")
    assert summary.read_text(encoding="utf-8") == (
        "earlier step\n"
        "## cablelint\n"
        "\n"
        "Found 2 errors in 2 files (3 checked, 1 could not be read)\n"
        "\n"
        "| Code | Name | Severity | Count |\n"
        "| --- | --- | --- | ---: |\n"
        "| D202 | julian-date-mismatch | error | 2 |\n"
        "\n"
        "| File | Errors | Warnings | Info |\n"
        "| --- | ---: | ---: | ---: |\n"
        "| `cables/astana-0480.txt` | 1 | 0 | 0 |\n"
        "| `pipe\\|name.txt` | 1 | 0 | 0 |\n"
        "\n"
        "- could not read `cables/locked.txt`: cannot read: Permission denied\n"
        "\n"
    )


def test_an_unwritable_step_summary_is_a_warning_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "missing" / "summary.md"))
    last = rendered(d202_run(), "github").splitlines()[-1]
    assert last.startswith("::warning title=cablelint::no step summary: ")
