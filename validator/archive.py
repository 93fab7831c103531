"""Rules about a set of files (A702): run once a run has parsed every file it covers.

A per-cable rule sees one `Cable`; an archive rule sees all of them and says which file each
finding belongs to. The CLI calls `run_archive_rules` when a run covers several files.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from validator.diagnostics import Diagnostic, Severity
from validator.model import Cable
from validator.rules import all_rules, internal_error

ArchiveFinding = tuple[str | None, Diagnostic]
"""The path of the file a finding belongs to (None: the run as a whole), and the finding."""


def run_archive_rules(
    cables: Sequence[Cable],
    select: Collection[str] | None = None,
    severities: dict[str, Severity] | None = None,
) -> list[ArchiveFinding]:
    """Run the archive rules whose code `select` admits (None: every rule), sorted by path."""
    findings: list[ArchiveFinding] = []
    for code, rule in all_rules().items():
        if rule.check_archive is None or (select is not None and code not in select):
            continue
        try:
            findings.extend(rule.check_archive(cables))
        except Exception as error:  # a broken rule must not stop the run
            findings.append((None, internal_error(code, error)))
    if severities:
        findings = [
            (path, replace(d, severity=severities[d.code]) if d.code in severities else d)
            for path, d in findings
        ]
    findings.sort(key=lambda finding: (finding[0] or "", finding[1].sort_key))
    return findings
