"""Run results for the renderer tests, built by validating small cables.

The cables are variants of rule D202's docstring example (a DE-line Julian day one day off
the DTG). Only D202 runs besides the parser (E1xx), so rules added later do not change the
expected output.
"""

from __future__ import annotations

import io
from collections.abc import Collection

from validator.api import validate_text
from validator.render import RenderOptions, renderer
from validator.results import FileResult, RunResult
from validator.rules import all_rules

D202_BAD, D202_GOOD = (example.text for example in all_rules()["D202"].examples)


def file_result(
    text: str, path: str, select: Collection[str] = ("D202",), baselined: Collection[str] = ()
) -> FileResult:
    """The findings of `text`; those whose code is in `baselined` are hidden by the baseline."""
    report = validate_text(text, path=path, select=select)
    return FileResult(
        path,
        tuple(d for d in report.diagnostics if d.code not in baselined),
        report.source,
        suppressed=tuple(d for d in report.diagnostics if d.code in baselined),
    )


def unreadable(path: str) -> FileResult:
    return FileResult(path, (), None, "cannot read: Permission denied")


def d202_run() -> RunResult:
    """A cable with a D202, a clean one and a file that could not be read."""
    return RunResult(
        (
            file_result(D202_BAD, "cables/astana-0480.txt"),
            file_result(D202_GOOD, "cables/astana-0480-fixed.txt"),
            unreadable("cables/locked.txt"),
        )
    )


def rendered(result: RunResult, name: str, **options: object) -> str:
    out = io.StringIO()
    renderer(name)(result, out, RenderOptions(**options))  # type: ignore[arg-type]
    return out.getvalue()
