"""Rules about a set of files (A702): run once a run has parsed every file it covers.

A per-cable rule sees one `Cable`; an archive rule sees all of them and says which file each
finding belongs to. The CLI calls `run_archive_rules` when a run covers several files.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import NamedTuple

from validator.diagnostics import Diagnostic, Severity
from validator.model import Cable
from validator.rules import all_rules, internal_error
from validator.source import Span


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


def run_archive_rules(
    entries: Sequence[ArchiveEntry],
    select: Collection[str] | None = None,
    severities: dict[str, Severity] | None = None,
) -> list[ArchiveFinding]:
    """Run the archive rules whose code `select` admits (None: every rule), sorted by path."""
    findings: list[ArchiveFinding] = []
    for code, rule in all_rules().items():
        if rule.check_archive is None or (select is not None and code not in select):
            continue
        try:
            findings.extend(rule.check_archive(entries))
        except Exception as error:  # a broken rule must not stop the run
            findings.append((None, internal_error(code, error)))
    if severities:
        findings = [
            (path, d._replace(severity=severities[d.code]) if d.code in severities else d)
            for path, d in findings
        ]
    findings.sort(key=lambda finding: (finding[0] or "", finding[1].sort_key))
    return findings
