"""validate_text / validate_path: text or file -> parse -> rules -> sorted diagnostics."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import NamedTuple

from validator._files import read_regular_file
from validator.diagnostics import Diagnostic, Severity
from validator.model import Cable
from validator.parse import parse
from validator.rules import run_rules
from validator.source import NotTextError, Source, Span


class Report(NamedTuple):
    """What one file gave: its model and its findings, or the reason it could not be read."""

    path: str | None
    diagnostics: tuple[Diagnostic, ...]
    cable: Cable | None = None
    source: Source | None = None
    error: str | None = None
    """Set when the file could not be checked at all (I/O error, not a text file)."""


def validate_source(source: Source, select: Collection[str] | None = None) -> Report:
    """Parse and check one decoded source; `select` limits the rules run (None: all)."""
    parsed = parse(source)
    findings = list(parsed.diagnostics)
    findings.extend(run_rules(parsed.cable, select))
    findings.sort(key=lambda d: d.sort_key)
    return Report(source.path, tuple(findings), parsed.cable, source)


def validate_text(
    text: str, path: str | None = None, select: Collection[str] | None = None
) -> Report:
    return validate_source(Source.from_text(text, path=path), select)


def validate_bytes(data: bytes, path: str, select: Collection[str] | None = None) -> Report:
    """Validate a file's content: binary data is one E100 finding, not an exception."""
    try:
        source = Source.from_bytes(data, path=path)
    except NotTextError as error:
        return Report(path, (not_text_diagnostic(str(error)),))
    return validate_source(source, select)


def validate_path(path: str | Path, select: Collection[str] | None = None) -> Report:
    """Validate one file. I/O and decoding problems are reported, never raised."""
    name = str(path)
    try:
        data = read_regular_file(path)
    except OSError as error:
        return Report(name, (), error=read_error(error))
    return validate_bytes(data, name, select)


def read_error(error: OSError) -> str:
    """How a file that could not be read is reported."""
    return f"cannot read: {error.strerror or error}"


def not_text_diagnostic(reason: str) -> Diagnostic:
    """E100: the file is binary; it is reported and the run goes on."""
    return Diagnostic(
        "E100",
        Severity.ERROR,
        "not a text file",
        Span(1, 1, 1, 1),
        reason,
        help="cable files are text (UTF-8, UTF-16 with a byte-order mark, Latin-1 or cp1252); "
        "exclude this file from the run",
    )
