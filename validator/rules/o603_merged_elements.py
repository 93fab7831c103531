"""Two envelope elements share one line.

What it does
    Reports an envelope element that starts on the line of the element before it: `TAGS:`
    and `SUBJECT:` on one line, an E.O. line carrying the TAGS, a passing line followed by
    the E.O. line, two addressees on one OCR line (ENVELOPE.md 2.7, 2.13, 2.14, 4.5). The
    `TO`, `INFO` and `XMT` keywords share their line with the first addressee by design and
    are not reported.

Why it matters
    Each envelope element stands on a line of its own in a telegram. Merged lines come from
    document converters and sentence-case copies (6 of 376 Cablegate cables carry TAGS on
    the E.O. line). The parser splits them, but line-based tools that read the archive do
    not, and a merged line hides the element that follows from them.

Example
    An OCR copy merged TAGS and SUBJECT (bad: O603 at 10:15)::

        VZCZCXRO1535
        OO RUEHAG
        DE RUEHTA #0480/01 0760952
        ZNR UUUUU ZZH
        O 170952Z MAR 09
        FM AMEMBASSY ASTANA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
        UNCLAS SECTION 01 OF 02 ASTANA 000480
        E.O. 12958: N/A
        TAGS: PGOV KZ SUBJECT: ALMATY NOTES

    Use instead: one element per line (good)::

        VZCZCXRO1535
        OO RUEHAG
        DE RUEHTA #0480/01 0760952
        ZNR UUUUU ZZH
        O 170952Z MAR 09
        FM AMEMBASSY ASTANA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
        UNCLAS SECTION 01 OF 02 ASTANA 000480
        E.O. 12958: N/A
        TAGS: PGOV KZ
        SUBJECT: ALMATY NOTES

    Two addressees on one line (bad: O603 at 8:34)::

        VZCZCXRO1535
        OO RUEHAG
        DE RUEHTA #0480/01 0760952
        ZNR UUUUU ZZH
        O 170952Z MAR 09
        FM AMEMBASSY ASTANA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
        INFO RUEHKO/AMEMBASSY TOKYO 1453 RUEHUL/AMEMBASSY SEOUL 0437
        UNCLAS SECTION 01 OF 02 ASTANA 000480
        E.O. 12958: N/A
        TAGS: PGOV KZ
        SUBJECT: ALMATY NOTES

Fix
    A safe fix starts the second element on a new line; the parser reads the result the
    same way.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Severity
from validator.elements import describe
from validator.model import Cable
from validator.source import Span

CODE = "O603"
NAME = "merged-elements"
SEVERITY = Severity.WARNING
SUMMARY = "two envelope elements on one line"
READS = ("merged",)

# An addressee list keyword and its first entry share the line in every telegram.
_LIST_KEYWORDS = frozenset(describe(name) for name in ("TO_KEYWORD", "INFO_KEYWORD", "XMT_KEYWORD"))


def check(cable: Cable) -> Iterator[Diagnostic]:
    for merged in cable.merged:
        if merged.after in _LIST_KEYWORDS:
            continue
        start = merged.span
        if merged.element == merged.after:
            message = f"two {merged.element}s on one line"
        else:
            message = f"{merged.after} and {merged.element} on one line"
        yield Diagnostic(
            CODE,
            SEVERITY,
            message,
            start,
            f"this {merged.element} starts in mid-line",
            help=f"start the {merged.element} on a line of its own",
            fix=Fix(
                Span(start.line, start.column, start.line, start.column),
                "\n",
                f"start the {merged.element} on a new line",
            ),
        )
