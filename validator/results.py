"""What a run produced, in the form every renderer reads.

A run over a whole archive never holds all its results: `RunResult.files` may be a stream
that checks each file as the renderer asks for it, so each result (with the text kept for
its snippets) is dropped once rendered. `RunResult.stream()` passes the files through once
and tallies them; the counts a summary needs are read from the tally afterwards.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
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


class Tally:
    """What the files of a run add up to: the counts of every summary."""

    __slots__ = (
        "by_code",
        "by_severity",
        "errors",
        "files",
        "highest",
        "suppressed",
        "with_findings",
    )

    def __init__(self) -> None:
        self.files = 0
        self.with_findings = 0
        self.suppressed = 0
        self.by_severity: Counter[Severity] = Counter()
        self.by_code: Counter[str] = Counter()
        self.highest: dict[str, Severity] = {}
        """The highest severity each code was reported with."""
        self.errors: list[FileResult] = []
        """The files that could not be checked (few: their results are kept)."""

    def add(self, file: FileResult) -> None:
        self.files += 1
        self.suppressed += len(file.suppressed)
        if file.error is not None:
            self.errors.append(file)
        if not file.diagnostics:
            return
        self.with_findings += 1
        highest = self.highest
        for diagnostic in file.diagnostics:
            code, severity = diagnostic.code, diagnostic.severity
            self.by_severity[severity] += 1
            self.by_code[code] += 1
            previous = highest.get(code)
            if previous is None or severity > previous:
                highest[code] = severity


class RunResult:
    """Every file of a run, sorted by path, and what the run fails on.

    `files` is either a sequence or a one-pass stream (a run checking files as they are
    read); `stream()` goes through it once, and the summary properties read the tally of
    that pass (they make the pass themselves for a sequence nobody streamed yet).
    """

    def __init__(
        self,
        files: Iterable[FileResult],
        fail_on: Severity = Severity.ERROR,
        fixed_in_baseline: int = 0,
    ) -> None:
        self.files = files
        self.fail_on = fail_on
        self.fixed_in_baseline = fixed_in_baseline
        """Baselined findings that no longer occur (the baseline can be pruned); a stream
        that applies a baseline sets it when it ends."""
        self._tally: Tally | None = None
        self._streamed = False

    def stream(self) -> Iterator[FileResult]:
        """The files, in path order, counted as they pass."""
        if self._streamed and not isinstance(self.files, Sequence):
            raise RuntimeError("the files of this run have been streamed already")
        self._streamed = True
        if self._tally is not None:  # a sequence passing again: counted before
            yield from self.files
            return
        tally = Tally()
        for file in self.files:
            tally.add(file)
            yield file
        self._tally = tally

    def collected(self) -> RunResult:
        """The same run with its files held in a tuple (to go through them several times)."""
        return RunResult(tuple(self.stream()), self.fail_on, self.fixed_in_baseline)

    @property
    def tally(self) -> Tally:
        if self._tally is None:
            if not isinstance(self.files, Sequence):
                raise RuntimeError("the tally of a streamed run is known once it is streamed")
            for _ in self.stream():
                pass
        assert self._tally is not None
        return self._tally

    @property
    def failed(self) -> bool:
        counts = self.tally.by_severity
        return any(count for severity, count in counts.items() if severity >= self.fail_on)

    @property
    def errors(self) -> Sequence[FileResult]:
        return self.tally.errors
