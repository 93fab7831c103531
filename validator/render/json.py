"""The `json` format (a stable interface, `"version": 1`).

```
{"version": 1,
 "files": [{"path", "diagnostics": [{"code", "severity", "message", "line", "column",
                                     "end_line", "end_column", "help", "label", "notes",
                                     "secondary", "fix"}],
            "error", "suppressed"}],
 "summary": {"files_checked", "files_with_findings", "files_not_read", "findings",
             "by_severity", "by_code", "suppressed", "fixed_in_baseline", "failed"}}
```

Lines and columns are 1-based, columns count characters and `end_column` is exclusive.
Every file of the run is listed, clean ones with no diagnostics; `error` says why a file
could not be checked; `suppressed` holds the findings the baseline hides. Fields may be added
in later versions of format 1, never removed or changed.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any, TextIO

from validator.diagnostics import Diagnostic, Severity
from validator.render import RenderOptions
from validator.render._common import write_json_texts
from validator.results import FileResult, RunResult
from validator.source import Span

VERSION = 1


def render(result: RunResult, out: TextIO, options: RenderOptions) -> None:
    # Compact: only `json.dumps` without indentation uses the C encoder, several times faster
    # on a whole archive; `python -m json.tool` or jq lays it out for reading. Each file is
    # written as it is checked, the summary once all are.
    out.write(f'{{"version": {VERSION}, "files": [')
    write_json_texts(out, map(_file_text, result.stream()))
    out.write('], "summary": ')
    out.write(json.dumps(_summary(result), ensure_ascii=False))
    out.write("}\n")


def _file_text(file: FileResult) -> str:
    """A file's object: most files of an archive have nothing to report, and their text is
    put together directly (a third of the time of encoding their object)."""
    if file.diagnostics or file.suppressed or file.error is not None:
        return json.dumps(_file(file), ensure_ascii=False)
    # encode_basestring encodes a string as `json.dumps(..., ensure_ascii=False)` does.
    return _BEFORE_PATH + encode_basestring(file.path) + _AFTER_PATH


def _file(file: FileResult) -> dict[str, Any]:
    return {
        "path": file.path,
        "diagnostics": [_diagnostic(d) for d in file.diagnostics],
        "error": file.error,
        "suppressed": [_diagnostic(d) for d in file.suppressed],
    }


def _position(span: Span) -> dict[str, int]:
    return {
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }


def _diagnostic(diagnostic: Diagnostic) -> dict[str, Any]:
    fix = diagnostic.fix
    return {
        "code": diagnostic.code,
        "severity": diagnostic.severity.label,
        "message": diagnostic.message,
        **_position(diagnostic.span),
        "help": diagnostic.help,
        "label": diagnostic.label,
        "notes": list(diagnostic.notes),
        "secondary": [
            {**_position(label.span), "message": label.message} for label in diagnostic.secondary
        ],
        "fix": None
        if fix is None
        else {
            **_position(fix.span),
            "replacement": fix.replacement,
            "title": fix.title,
            "safe": fix.safe,
        },
    }


def _summary(result: RunResult) -> dict[str, Any]:
    tally = result.tally
    counts = tally.by_severity
    unreadable = len(tally.errors)
    return {
        "files_checked": tally.files - unreadable,
        "files_with_findings": tally.with_findings,
        "files_not_read": unreadable,
        "findings": sum(counts.values()),
        "by_severity": {
            severity.label: counts[severity] for severity in sorted(Severity, reverse=True)
        },
        "by_code": dict(sorted(tally.by_code.items())),
        "suppressed": tally.suppressed,
        "fixed_in_baseline": result.fixed_in_baseline,
        "failed": result.failed,
    }


# What `_file` gives for a file without findings, errors or suppressed findings, before and
# after its path: worked out once from `_file` itself, with a path no key can be mistaken for.
_BEFORE_PATH, _AFTER_PATH = json.dumps(_file(FileResult("\0", ())), ensure_ascii=False).split(
    json.dumps("\0")
)
