"""Fingerprints that identify a finding across edits that only move it.

A fingerprint hashes the code, the file's path, the offending text (whitespace runs
collapsed) and the occurrence index of that (code, text) pair in the file. Line and column
are left out, so a finding keeps its fingerprint when lines are added above it; the
occurrence index tells apart two identical findings in one file. SARIF
(`partialFingerprints`), GitLab code quality and the baseline all use these.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from validator.diagnostics import Diagnostic
from validator.render._common import posix_path
from validator.results import FileResult
from validator.source import Source, Span


def offending_text(span: Span, source: Source | None) -> str:
    """The text under `span`; for an empty span (something missing), its whole line."""
    if source is None or span.line > len(source.line_starts):
        return ""
    if (span.line, span.column) == (span.end_line, span.end_column):
        text = source.line_text(span.line)
    else:
        end_line = min(span.end_line, len(source.line_starts))
        end = min(source.offset(end_line, span.end_column), len(source.text))
        text = source.text[source.offset(span.line, span.column) : end]
    return " ".join(text.split())


def fingerprint(
    path: str, diagnostic: Diagnostic, source: Source | None, occurrence: int = 0
) -> str:
    """32 hex digits identifying `diagnostic` in the file at `path`.

    `occurrence` is the index of this finding among the file's findings with the same code
    and offending text, in `Diagnostic.sort_key` order; `fingerprints` computes it.
    """
    return _digest(diagnostic.code, path, offending_text(diagnostic.span, source), occurrence)


def fingerprints(path: str, diagnostics: Iterable[Diagnostic], source: Source | None) -> list[str]:
    """The fingerprint of each of a file's findings, given in `sort_key` order.

    Pass all of the file's findings, baselined ones included, so that occurrence indices do
    not depend on what the baseline hides.
    """
    seen: Counter[tuple[str, str]] = Counter()
    result = []
    for diagnostic in diagnostics:
        text = offending_text(diagnostic.span, source)
        key = (diagnostic.code, text)
        result.append(_digest(diagnostic.code, path, text, seen[key]))
        seen[key] += 1
    return result


def file_fingerprints(file: FileResult) -> list[tuple[Diagnostic, bool, str]]:
    """A file's findings, reported and baselined, in `sort_key` order: each with whether the
    baseline hides it and its fingerprint."""
    findings = sorted(
        [(d, False) for d in file.diagnostics] + [(d, True) for d in file.suppressed],
        key=lambda finding: finding[0].sort_key,
    )
    prints = fingerprints(file.path, [d for d, _ in findings], file.source)
    return [(d, baselined, p) for (d, baselined), p in zip(findings, prints, strict=True)]


def _digest(code: str, path: str, text: str, occurrence: int) -> str:
    data = "\0".join((code, posix_path(path), text, str(occurrence)))
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:32]
