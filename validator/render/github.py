"""The `github` format: GitHub Actions workflow commands, one annotation per finding.

`::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message` (`::warning` for
warnings, `::notice` for info), escaped as the Actions toolkit does. GitHub shows only a few
annotations per step, so when `GITHUB_STEP_SUMMARY` names a file a Markdown summary (counts
per code and per file) is appended to it; SARIF is the channel for whole archives.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple, TextIO

from validator.diagnostics import Diagnostic, Severity
from validator.render import RenderOptions
from validator.render._common import code_counts, posix_path, summary_lines
from validator.results import FileResult, RunResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
# Rows of the per-file table in the step summary (the summary is limited to 1 MiB).
MAX_FILE_ROWS = 100


def escape_data(text: str) -> str:
    """A command's message: `%`, CR and LF percent-encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: as data, and `:` and `,` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    fields = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {fields}::{escape_data(message)}"


def annotation(path: str, diagnostic: Diagnostic) -> str:
    span = diagnostic.span
    message = diagnostic.message
    if diagnostic.help:
        message += f"\nhelp: {diagnostic.help}"
    return command(
        COMMANDS[diagnostic.severity],
        {
            "file": posix_path(path),
            "line": span.line,
            "col": span.column,
            "endLine": span.end_line,
            "endColumn": span.end_column,
            "title": diagnostic.code,
        },
        message,
    )


def render(result: RunResult, out: TextIO, options: RenderOptions) -> None:
    worst = _WorstFiles(MAX_FILE_ROWS)
    for file in result.stream():
        if file.error is not None:
            out.write(command("error", {"file": posix_path(file.path)}, file.error) + "\n")
        for diagnostic in file.diagnostics:
            out.write(annotation(file.path, diagnostic) + "\n")
        worst.add(file)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        try:
            with Path(summary_file).open("a", encoding="utf-8") as summary:
                summary.write(step_summary(result, worst.rows()))
        except OSError as error:
            # The annotations are out already; a missing summary must not fail the step.
            out.write(
                command("warning", {"title": "cablelint"}, f"no step summary: {error}") + "\n"
            )


class _FileRow(NamedTuple):
    """A line of the step summary's table of files: its counts of findings by severity."""

    findings: int
    path: str
    errors: int
    warnings: int
    info: int

    def __lt__(self, other: tuple[object, ...]) -> bool:
        # Ranked below: fewer findings, then a later path (the table lists the most findings
        # first, paths in order among equals).
        assert isinstance(other, _FileRow)
        return (self.findings, other.path) < (other.findings, self.path)


class _WorstFiles:
    """The files with the most findings, kept while the files stream past (the table of the
    step summary shows a fixed number of them)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.heap: list[_FileRow] = []

    def add(self, file: FileResult) -> None:
        if not file.diagnostics:
            return
        severities = [d.severity for d in file.diagnostics]
        row = _FileRow(
            len(severities),
            file.path,
            severities.count(Severity.ERROR),
            severities.count(Severity.WARNING),
            severities.count(Severity.INFO),
        )
        if len(self.heap) < self.size:
            heapq.heappush(self.heap, row)
        elif self.heap[0] < row:
            heapq.heapreplace(self.heap, row)

    def rows(self) -> list[_FileRow]:
        """Most findings first, then by path."""
        return sorted(self.heap, reverse=True)


def _cell(text: str) -> str:
    """Text for a Markdown table cell: pipes escaped, line breaks removed."""
    return " ".join(text.split()).replace("|", "\\|")


def step_summary(result: RunResult, worst: Sequence[_FileRow]) -> str:
    """Markdown for `$GITHUB_STEP_SUMMARY` once the run is streamed: the summary, counts per
    code, and the `worst` files (those with the most findings)."""
    lines = ["## cablelint", ""]
    for line in summary_lines(result):
        lines += [line, ""]
    counts = code_counts(result)
    if counts:
        lines += ["| Code | Name | Severity | Count |", "| --- | --- | --- | ---: |"]
        lines += [f"| {c.code} | {c.name} | {c.severity.label} | {c.findings} |" for c in counts]
        lines.append("")
        lines += ["| File | Errors | Warnings | Info |", "| --- | ---: | ---: | ---: |"]
        for row in worst:
            lines.append(
                f"| `{_cell(posix_path(row.path))}` | {row.errors} | {row.warnings} | {row.info} |"
            )
        more = result.tally.with_findings - len(worst)
        if more > 0:
            lines += ["", f"… and {more} more files with findings."]
        lines.append("")
    for file in result.errors:
        lines.append(
            f"- could not read `{_cell(posix_path(file.path))}`: {_cell(file.error or '')}"
        )
    if result.errors:
        lines.append("")
    return "\n".join(lines) + "\n"
