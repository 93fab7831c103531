"""What a run produced, in the form every renderer reads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from validator.diagnostics import Diagnostic, Severity
from validator.source import Source


class FileResult(NamedTuple):
    """One checked file: findings sorted by (line, column, code), or why it was not checked."""

    path: str
    diagnostics: tuple[Diagnostic, ...]
    source: Source | None = None
    """The decoded text, for source snippets (None when the file could not be read)."""
    error: str | None = None
    """Set when the file could not be checked at all (I/O error)."""
    suppressed: tuple[Diagnostic, ...] = ()
    """Findings hidden by the baseline (SARIF emits them with `suppressions`)."""


class RunResult(NamedTuple):
    """Every file of a run, sorted by path, and what the run fails on."""

    files: tuple[FileResult, ...]
    fail_on: Severity = Severity.ERROR
    fixed_in_baseline: int = 0
    """Baselined findings that no longer occur (the baseline can be pruned)."""

    @property
    def diagnostics(self) -> list[tuple[FileResult, Diagnostic]]:
        return [(f, d) for f in self.files for d in f.diagnostics]

    def counts_by_severity(self) -> Counter[Severity]:
        return Counter(d.severity for f in self.files for d in f.diagnostics)

    def counts_by_code(self) -> Counter[str]:
        return Counter(d.code for f in self.files for d in f.diagnostics)

    @property
    def failed(self) -> bool:
        return any(d.severity >= self.fail_on for f in self.files for d in f.diagnostics)

    @property
    def errors(self) -> Sequence[FileResult]:
        return [f for f in self.files if f.error is not None]
