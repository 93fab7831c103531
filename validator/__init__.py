"""cablelint: validator for the envelope of diplomatic telegrams.

Public API::

    from validator import validate_text, validate_path, parse_text, Report, Diagnostic

`validate_text` and `validate_path` never raise on bad input: a file that cannot be read or is
not text gives a `Report` whose `error` says why.
"""

from __future__ import annotations

from validator.api import Report, validate_path, validate_source, validate_text
from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.parse import ParseResult, parse, parse_text
from validator.source import Source, Span

__version__ = "0.1.0"

__all__ = [
    "Diagnostic",
    "Fix",
    "Label",
    "ParseResult",
    "Report",
    "Severity",
    "Source",
    "Span",
    "__version__",
    "parse",
    "parse_text",
    "validate_path",
    "validate_source",
    "validate_text",
]
