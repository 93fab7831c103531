"""Rules about a set of files (A702): they see each file of a run as it is checked.

A per-cable rule sees one `Cable`; an archive rule sees a small `ArchiveEntry` of every file,
in path order, and reports on the file it is shown (or, at the end, on the run as a whole).
Seeing files as they come lets a run stream its results: a file's findings are complete as
soon as it is checked. The runner drives `ArchiveRun`; `run_archive_rules` takes a set of
entries at once.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol

from validator.diagnostics import Diagnostic, Severity
from validator.rules import archive_check, internal_error, rule_index
from validator.source import Span

if TYPE_CHECKING:
    from validator.model import Cable


class ArchiveEntry(NamedTuple):
    """What the archive rules know of one file: a few fields, so that a run over a whole
    archive keeps one small entry per file instead of every parsed cable.

    An archive rule that needs more of a cable adds the field here (and to `of`).
    """

    path: str | None
    reference_id: str | None
    id_span: Span | None
    """Post and serial on the classification line: where a duplicate id is reported."""

    @classmethod
    def of(cls, cable: Cable) -> ArchiveEntry:
        line = cable.classification
        id_span = None
        if line is not None:
            post, serial = line.post.span, line.serial.span
            id_span = Span(post.line, post.column, serial.end_line, serial.end_column)
        return cls(cable.path, cable.reference_id, id_span)


ArchiveFinding = tuple[str | None, Diagnostic]
"""The path of the file a finding belongs to (None: the run as a whole), and the finding."""


class ArchiveCheck(Protocol):
    """One archive rule over one run (a rule module's `check_archive()` makes one)."""

    def see(self, entry: ArchiveEntry) -> Iterable[Diagnostic]:
        """Findings on the file of `entry`; entries come in path order."""
        ...

    def finish(self) -> Iterable[Diagnostic]:
        """Findings on the run as a whole, once every file has been seen."""
        ...


class ArchiveRun:
    """The selected archive rules over one run. A rule that raises reports an internal
    error (X001) for the run as a whole and is not asked again."""

    def __init__(self, select: Collection[str] | None = None) -> None:
        self.checks: dict[str, ArchiveCheck] = {
            code: archive_check(code)()
            for code, rule in rule_index().items()
            if rule.archive and (select is None or code in select)
        }
        self.broken: list[Diagnostic] = []

    def see(self, entry: ArchiveEntry) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        broken: list[tuple[str, Exception]] = []
        for code, check in self.checks.items():
            try:
                found.extend(check.see(entry))
            except Exception as error:  # a broken rule must not stop the run
                broken.append((code, error))
        for code, failure in broken:  # not while going through the checks
            self._broke(code, failure)
        return found

    def finish(self) -> list[Diagnostic]:
        """Findings on the run as a whole (a broken rule's among them)."""
        found: list[Diagnostic] = []
        for code, check in list(self.checks.items()):
            try:
                found.extend(check.finish())
            except Exception as error:
                self._broke(code, error)
        return found + self.broken

    def _broke(self, code: str, error: Exception) -> None:
        del self.checks[code]
        self.broken.append(internal_error(code, error))


def run_archive_rules(
    entries: Sequence[ArchiveEntry],
    select: Collection[str] | None = None,
    severities: dict[str, Severity] | None = None,
) -> list[ArchiveFinding]:
    """Run the archive rules whose code `select` admits (None: every rule) over a set of
    entries; findings sorted by path."""
    archive = ArchiveRun(select)
    findings: list[ArchiveFinding] = [
        (entry.path, diagnostic)
        for entry in sorted(entries, key=lambda entry: entry.path or "")
        for diagnostic in archive.see(entry)
    ]
    findings.extend((None, diagnostic) for diagnostic in archive.finish())
    if severities:
        findings = [
            (path, d._replace(severity=severities[d.code]) if d.code in severities else d)
            for path, d in findings
        ]
    findings.sort(key=lambda finding: (finding[0] or "", finding[1].sort_key))
    return findings
