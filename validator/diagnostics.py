"""The diagnostic model every stage reports in and every renderer reads."""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple

from validator.source import Span


class Severity(IntEnum):
    """Ordered so that `severity >= threshold` selects what fails a run."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {name!r}: expected error, warning or info"
            ) from None


class Label(NamedTuple):
    """A secondary span with what it shows (`---` under it in the terminal)."""

    span: Span
    message: str


class Fix(NamedTuple):
    """Replacement text for a span. `safe` fixes keep the meaning; unsafe ones guess it."""

    span: Span
    replacement: str
    title: str
    safe: bool = True


class Diagnostic(NamedTuple):
    """One finding: `message` is lowercase, has no final period and names fields in backticks."""

    code: str
    severity: Severity
    message: str
    span: Span
    label: str = ""
    secondary: tuple[Label, ...] = ()
    help: str | None = None
    notes: tuple[str, ...] = ()
    fix: Fix | None = None

    @property
    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.span.line, self.span.column, self.code, self.message)
