"""What several renderers share: counts per code, the summary sentence, portable paths."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import NamedTuple, TextIO, TypeVar

from validator.diagnostics import Severity
from validator.results import RunResult
from validator.rules import rule_index

# Plural nouns for counts of findings; "info" is a mass noun ("2 info").
_SEVERITY_NOUNS = {
    Severity.ERROR: ("error", "errors"),
    Severity.WARNING: ("warning", "warnings"),
    Severity.INFO: ("info", "info"),
}


class CodeCount(NamedTuple):
    """One row of `--statistics`: how often a code was reported, at its highest severity."""

    code: str
    name: str
    severity: Severity
    findings: int
    """How many times it was reported."""


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


def code_counts(result: RunResult) -> list[CodeCount]:
    """Counts per code, most frequent first (then by code), once the run is streamed."""
    tally = result.tally
    rows = []
    for code, count in tally.by_code.items():
        rule = rule_index().get(code)  # None: the parser's own codes (E1xx) and X001
        rows.append(CodeCount(code, rule.name if rule else "", tally.highest[code], count))
    return sorted(rows, key=lambda row: (-row.findings, row.code))


def findings_phrase(counts: Counter[Severity]) -> str:
    """`3 errors, 1 warning`: the non-zero counts, most severe first."""
    return ", ".join(
        plural(counts[severity], *_SEVERITY_NOUNS[severity])
        for severity in sorted(counts, reverse=True)
        if counts[severity]
    )


def summary_lines(result: RunResult) -> list[str]:
    """The closing lines of a run (once it is streamed): findings by severity, files
    checked, baseline state."""
    tally = result.tally
    unreadable = len(tally.errors)
    checked = tally.files - unreadable
    counts = tally.by_severity
    if counts:
        where = f"{checked} checked" + (f", {unreadable} could not be read" if unreadable else "")
        lines = [
            f"Found {findings_phrase(counts)} in {plural(tally.with_findings, 'file')} ({where})"
        ]
    elif unreadable:
        lines = [
            f"No findings in {plural(checked, 'file')}; "
            f"{plural(unreadable, 'file')} could not be read"
        ]
    elif checked == 0:
        lines = ["No files checked"]
    else:
        lines = ["1 file passed" if checked == 1 else f"All {checked} files passed"]
    if tally.suppressed:
        lines.append(f"{plural(tally.suppressed, 'finding')} hidden by the baseline")
    if result.fixed_in_baseline:
        verb = "occurs" if result.fixed_in_baseline == 1 else "occur"
        lines.append(
            f"{plural(result.fixed_in_baseline, 'baselined finding')} no longer {verb}: "
            "the baseline can be pruned"
        )
    return lines


# Items of a JSON array encoded and written together.
_JSON_BATCH = 500
_Item = TypeVar("_Item")


def write_json_items(out: TextIO, items: Iterable[object]) -> None:
    """The items of a JSON array, written a few hundred at a time as they are made (the
    brackets are the caller's): the text `json.dumps` gives for the whole list, without
    holding it, and with one call of the C encoder per batch rather than per item."""
    _write_joined(out, (json.dumps(batch, ensure_ascii=False)[1:-1] for batch in _batches(items)))


def write_json_texts(out: TextIO, texts: Iterable[str]) -> None:
    """Items of a JSON array already encoded, written a few hundred at a time."""
    _write_joined(out, (", ".join(batch) for batch in _batches(texts)))


def _batches(items: Iterable[_Item]) -> Iterator[list[_Item]]:
    remaining = iter(items)
    return iter(lambda: list(islice(remaining, _JSON_BATCH)), [])


def _write_joined(out: TextIO, chunks: Iterable[str]) -> None:
    """Each chunk as it comes, the chunks separated as the items inside them are."""
    separator = ""
    for chunk in chunks:
        out.write(separator)
        out.write(chunk)
        separator = ", "


def posix_path(path: str) -> str:
    """A file's path with forward slashes and no leading `./`, as CI systems expect it."""
    from pathlib import PurePath  # here: the json and text formats do without (3 ms)

    return PurePath(path).as_posix()
