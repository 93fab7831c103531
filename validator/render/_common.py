"""What several renderers share: counts per code, the summary sentence, portable paths."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import PurePath

from validator.diagnostics import Severity
from validator.results import RunResult
from validator.rules import Rule, all_rules

# Plural nouns for counts of findings; "info" is a mass noun ("2 info").
_SEVERITY_NOUNS = {
    Severity.ERROR: ("error", "errors"),
    Severity.WARNING: ("warning", "warnings"),
    Severity.INFO: ("info", "info"),
}


@dataclass(frozen=True)
class CodeCount:
    """One row of `--statistics`: how often a code was reported, at its highest severity."""

    code: str
    name: str
    severity: Severity
    count: int


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


def rule_of(code: str) -> Rule | None:
    """The registered rule for `code`; None for the parser's own codes (E1xx) and X001."""
    return all_rules().get(code)


def code_counts(result: RunResult) -> list[CodeCount]:
    """Counts per code, most frequent first (then by code)."""
    counts: Counter[str] = Counter()
    severities: dict[str, Severity] = {}
    for _, diagnostic in result.diagnostics:
        counts[diagnostic.code] += 1
        severities[diagnostic.code] = max(
            diagnostic.severity, severities.get(diagnostic.code, Severity.INFO)
        )
    rows = []
    for code, count in counts.items():
        rule = rule_of(code)
        rows.append(CodeCount(code, rule.name if rule else "", severities[code], count))
    return sorted(rows, key=lambda row: (-row.count, row.code))


def findings_phrase(counts: Counter[Severity]) -> str:
    """`3 errors, 1 warning`: the non-zero counts, most severe first."""
    return ", ".join(
        plural(counts[severity], *_SEVERITY_NOUNS[severity])
        for severity in sorted(counts, reverse=True)
        if counts[severity]
    )


def summary_lines(result: RunResult) -> list[str]:
    """The closing lines of a run: findings by severity, files checked, baseline state."""
    unreadable = len(result.errors)
    checked = len(result.files) - unreadable
    counts = result.counts_by_severity()
    if counts:
        with_findings = sum(1 for file in result.files if file.diagnostics)
        where = f"{checked} checked" + (f", {unreadable} could not be read" if unreadable else "")
        lines = [f"Found {findings_phrase(counts)} in {plural(with_findings, 'file')} ({where})"]
    elif unreadable:
        lines = [
            f"No findings in {plural(checked, 'file')}; "
            f"{plural(unreadable, 'file')} could not be read"
        ]
    elif checked == 0:
        lines = ["No files checked"]
    else:
        lines = ["1 file passed" if checked == 1 else f"All {checked} files passed"]
    suppressed = sum(len(file.suppressed) for file in result.files)
    if suppressed:
        lines.append(f"{plural(suppressed, 'finding')} hidden by the baseline")
    if result.fixed_in_baseline:
        verb = "occurs" if result.fixed_in_baseline == 1 else "occur"
        lines.append(
            f"{plural(result.fixed_in_baseline, 'baselined finding')} no longer {verb}: "
            "the baseline can be pruned"
        )
    return lines


def posix_path(path: str) -> str:
    """A file's path with forward slashes and no leading `./`, as CI systems expect it."""
    return PurePath(path).as_posix()
