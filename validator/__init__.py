"""cablelint: validator for the envelope of diplomatic telegrams.

Public API::

    from validator import validate_text, validate_path, parse_text, Report, Diagnostic

`validate_text` and `validate_path` never raise on bad input: a file that cannot be read or is
not text gives a `Report` whose `error` says why.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from validator.api import Report, validate_path, validate_source, validate_text
    from validator.diagnostics import Diagnostic, Fix, Label, Severity
    from validator.parse import ParseResult, parse, parse_text
    from validator.source import Source, Span

__version__ = "0.1.0"

# Where each name of the API is defined: imported on first use, so that the command line,
# which imports this package first, loads the parser only when a file needs checking.
_DEFINED_IN = {
    "Report": "validator.api",
    "validate_path": "validator.api",
    "validate_source": "validator.api",
    "validate_text": "validator.api",
    "Diagnostic": "validator.diagnostics",
    "Fix": "validator.diagnostics",
    "Label": "validator.diagnostics",
    "Severity": "validator.diagnostics",
    "ParseResult": "validator.parse",
    "parse": "validator.parse",
    "parse_text": "validator.parse",
    "Source": "validator.source",
    "Span": "validator.source",
}


def __getattr__(name: str) -> Any:
    if name not in _DEFINED_IN:
        raise AttributeError(f"module 'validator' has no attribute {name!r}")
    value = getattr(importlib.import_module(_DEFINED_IN[name]), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_DEFINED_IN})


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
