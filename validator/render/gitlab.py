"""The `gitlab` format: a GitLab code-quality report (a stable interface).

A JSON array of `{description, check_name, fingerprint, severity, location: {path, lines:
{begin, end}}}`; the array has no room for a format version. Fingerprints are those of SARIF
and the baseline (`validator.render.fingerprint`), so GitLab sees a finding that only moved as
the same finding. A file that could not be read is a `critical` issue of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from validator.diagnostics import Diagnostic, Severity
from validator.render import RenderOptions
from validator.render._common import posix_path, write_json_items
from validator.render.fingerprint import file_fingerprints, fingerprint
from validator.results import RunResult
from validator.source import Span

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
READ_ERROR_CHECK = "cablelint/read-error"


def render(result: RunResult, out: TextIO, options: RenderOptions) -> None:
    # Compact, as the C encoder writes it (see validator.render.json), an issue at a time.
    out.write("[")
    write_json_items(out, issues(result))
    out.write("]\n")


def issues(result: RunResult) -> Iterator[dict[str, Any]]:
    for file in result.stream():
        path = posix_path(file.path)
        if file.error is not None:
            unread = Diagnostic(READ_ERROR_CHECK, Severity.ERROR, file.error, Span(1, 1, 1, 1))
            yield _issue(
                f"could not check the file: {file.error}",
                unread,
                "critical",
                path,
                fingerprint(path, unread, None),
            )
        for diagnostic, baselined, print_id in file_fingerprints(file):
            if not baselined:
                yield _issue(
                    f"{diagnostic.code}: {diagnostic.message}",
                    diagnostic,
                    SEVERITIES[diagnostic.severity],
                    path,
                    print_id,
                )


def _issue(
    description: str, diagnostic: Diagnostic, severity: str, path: str, print_id: str
) -> dict[str, Any]:
    return {
        "description": description,
        "check_name": diagnostic.code,
        "fingerprint": print_id,
        "severity": severity,
        "location": {
            "path": path,
            "lines": {"begin": diagnostic.span.line, "end": diagnostic.span.end_line},
        },
    }
