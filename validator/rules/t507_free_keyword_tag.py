"""A TAGS line ends with free keywords instead of codes.

What it does
    Reports TAGS items that are words or phrases rather than codes: items of several words,
    in mixed case, or any unlisted item of a partial extract (`Human Rights`, `Indian
    Domestic Politics`, `GAZA DISENGAGEMENT`, `POL CHIEF`). The archive that made the
    partial extracts appended such keywords to 24 of the 59 older ones; no telegram with a
    header has them (ENVELOPE.md 2.15). Codes that look like typos or merged codes are
    reported by T501 and T502 even in partial extracts.

Why it matters
    The keywords are not part of the telegram: a program that reads the TAGS line as
    codes should skip them, and a reader should not take them for the drafter's TAGS. This
    is information only.

Example
    Keywords after the codes of a partial extract (bad: T507 at 5:33)::

        This record is a partial extract of the original cable.

        C O N F I D E N T I A L SECTION 01 OF 02 NEW DELHI 007053
        E.O. 12958: DECL: 11/04/2014
        TAGS: PREL, PGOV, IN, PK, KDEM, Human Rights, Indian Domestic Politics
        SUBJECT: ELECTION ROUNDUP

    Use instead (good)::

        This record is a partial extract of the original cable.

        C O N F I D E N T I A L SECTION 01 OF 02 NEW DELHI 007053
        E.O. 12958: DECL: 11/04/2014
        TAGS: PREL, PGOV, IN, PK, KDEM
        SUBJECT: ELECTION ROUNDUP

Fix
    Nothing to fix in a copy of an archive record; when preparing a telegram, keep the
    keywords out of the TAGS line.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Cable
from validator.rules._tags import TagProblem, tag_items

CODE = "T507"
NAME = "free-keyword-tag"
SEVERITY = Severity.INFO
SUMMARY = "TAGS item is a free keyword, not a code"
READS = ("tags", "preamble")


def check(cable: Cable) -> Iterator[Diagnostic]:
    keywords = [item.field for item in tag_items(cable) if item.problem is TagProblem.FREE_KEYWORD]
    if not keywords:
        return
    first, *others = keywords
    listed = ", ".join(f"`{keyword.text}`" for keyword in keywords)
    yield Diagnostic(
        CODE,
        SEVERITY,
        f"TAGS line holds free keyword{'s' if others else ''} {listed}, "
        f"not {'codes' if others else 'a code'}",
        first.span,
        "a keyword",
        secondary=tuple(Label(keyword.span, "a keyword") for keyword in others),
        help="skip them when reading the TAGS codes; keep keywords out of a telegram's TAGS line",
        notes=(
            "archives appended keywords to the TAGS line of partial extracts (ENVELOPE.md 2.15)",
        )
        if cable.is_partial_extract
        else (),
    )
