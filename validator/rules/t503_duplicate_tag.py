"""A TAGS code is listed twice.

What it does
    Reports a code that appears a second time on the TAGS line (compared without regard to
    case), pointing at the first occurrence (ENVELOPE.md 2.15).

Why it matters
    A repeated code adds nothing to the routing, but it usually betrays an editing slip:
    a list pasted twice (`BR PREL MARR BR PREL MARR`), or a country typed for another
    (`US` twice where one was meant for a second country). 4 of 777 real cables repeat a
    code; the cable still routes, so this is a warning.

Example
    `US` twice (bad: T503 at 6:23)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: KGHG SENV US GM US
        SUBJECT: CLIMATE TALKS

    Use instead (good)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: KGHG SENV US GM
        SUBJECT: CLIMATE TALKS

Fix
    Remove the repeated code, or replace it by the code that was meant. The fix removes it
    when both stand on the same line (safe: the routing stays the same).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.model import Cable, Field
from validator.source import Span

CODE = "T503"
NAME = "duplicate-tag"
SEVERITY = Severity.WARNING
SUMMARY = "TAGS code listed twice"
READS = ("tags",)


def check(cable: Cable) -> Iterator[Diagnostic]:
    if cable.tags is None:
        return
    seen: dict[str, Field] = {}
    previous: Field | None = None
    for item in cable.tags.codes:
        key = item.text.strip().upper()
        first = seen.setdefault(key, item)
        if first is not item:
            yield Diagnostic(
                CODE,
                SEVERITY,
                f"TAGS code `{item.text}` listed twice",
                item.span,
                "repeated here",
                secondary=(Label(first.span, "first listed here"),),
                help="remove the repeated code, or write the code that was meant",
                fix=_removal(previous, item),
            )
        previous = item


def _removal(previous: Field | None, item: Field) -> Fix | None:
    """Remove the item and the separator before it, when both are on the item's line."""
    if previous is None or previous.span.end_line != item.span.line:
        return None
    before = previous.span
    return Fix(
        Span(before.end_line, before.end_column, item.span.end_line, item.span.end_column),
        "",
        f"remove the second `{item.text}`",
        safe=True,
    )
