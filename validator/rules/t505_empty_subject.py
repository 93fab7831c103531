"""The SUBJECT line is empty.

What it does
    Reports a `SUBJECT:` line with no text after the keyword (and after its portion
    marking, if any), on its own line or the lines that continue it (ENVELOPE.md 2.16). A
    missing SUBJECT line is the parser's finding (E102).

Why it matters
    The subject is the cable's title: indexes, reference lists (`REF: A. STATE 1234`) and
    readers' inboxes show it. Every real cable with a SUBJECT line has text in it (372 of
    372 Cablegate cables, 401 of 401 older ones); an empty one is a drafting or conversion
    error.

Example
    Nothing after the keyword (bad: T505 at 7:1)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: (C)

        1. (C) The coalition talks opened on Monday.

    Use instead (good)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: (C) COALITION TALKS OPEN

        1. (C) The coalition talks opened on Monday.

Fix
    Write the subject after `SUBJECT:`, in capitals, as the original shows it.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Severity
from validator.model import Cable

CODE = "T505"
NAME = "empty-subject"
SEVERITY = Severity.ERROR
SUMMARY = "SUBJECT line without text"
READS = ("subject",)


def check(cable: Cable) -> Iterator[Diagnostic]:
    subject = cable.subject
    if subject is None or subject.text.text.strip():
        return
    yield Diagnostic(
        CODE,
        SEVERITY,
        "SUBJECT line is empty",
        subject.keyword.span,
        "no text after this keyword",
        help="write the cable's subject after `SUBJECT:`",
        notes=("the subject is the cable's title in indexes and reference lists",),
    )
