"""Renderers: a `RunResult` -> text for people (`text`) or for machines (the other formats).

Each format is one module with `render(result, out, options) -> None`; `renderer(name)`
imports it only when asked, so importing this package stays cheap (no rich) for pre-commit.
The machine formats (json, sarif, gitlab, junit) are stable interfaces and carry a version
where the format has room for one; the human text format is not.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import NamedTuple, TextIO

from validator.results import RunResult


class RenderOptions(NamedTuple):
    """How to render: the CLI decides colour and width (TTY, `NO_COLOR`, `--color`)."""

    color: bool = False
    width: int | None = None
    """Terminal width: long source lines are trimmed around their markers to fit it.
    None: no limit (piped output), lines are printed whole."""
    statistics: bool = False
    """Add a table of counts per code (text) before the summary."""
    quiet: bool = False
    """Print findings only: no summary line (nothing at all for a clean run)."""


RenderFunction = Callable[[RunResult, TextIO, RenderOptions], None]

# Output formats, each a module of this package, in the order `--help` should list them.
FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit")
# Formats that never read a file's text; the others print snippets (text, JUnit) or
# fingerprint the offending text (SARIF, GitLab), so a run for them keeps texts with findings.
WITHOUT_SOURCE = frozenset({"json", "github"})


def renderer(name: str) -> RenderFunction:
    """The `render` function of format `name` (one of `FORMATS`); imports its module now."""
    if name not in FORMATS:
        raise ValueError(f"unknown output format {name!r}: expected one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"{__name__}.{name}")
    render: RenderFunction = module.render
    return render
