"""A TAGS code is in no list of TAGS.

What it does
    Looks up every code of the TAGS line in the bundled TAGS table (subject, program,
    country and organization codes; unlisted `K` + three letters are program tags). It
    reports a code the table records as an error for another (`POGOV` for `PGOV`, ISO `RU`
    for TAGS `RS`, `EU` for the organization tag `EUN`) with the intended code, and a
    code-shaped item in no list at all, with the one known code a single edit away if there
    is one (ENVELOPE.md C15c). Codes of a wrong shape or run together are T502's; the free
    keywords archives appended to partial extracts are T507's.

Why it matters
    TAGS route a cable to the offices and files of its subjects and countries. An unknown
    code routes it nowhere: the Iraq desk never sees a cable tagged `IQ`. 23 of 376
    Cablegate cables carry such codes, ISO country codes (`RU`, `YE`) and `EU` mostly, so
    this is a warning.

Example
    A typo and an ISO country code (bad: T501 at 6:12, 6:18)::

        P 091657Z SEP 09
        FM AMEMBASSY MOSCOW
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L MOSCOW 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL POGOV RU
        SUBJECT: DUMA ELECTIONS

    Use instead (good)::

        P 091657Z SEP 09
        FM AMEMBASSY MOSCOW
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L MOSCOW 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL PGOV RS
        SUBJECT: DUMA ELECTIONS

Fix
    Write the intended code (an unsafe fix: the table's reading of an error may be wrong
    for this cable).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Severity
from validator.model import Cable
from validator.reference import tag_entries
from validator.rules._tags import TagProblem, tag_items

CODE = "T501"
NAME = "unknown-tag"
SEVERITY = Severity.WARNING
SUMMARY = "TAGS code in no list of TAGS"
READS = ("tags",)


def check(cable: Cable) -> Iterator[Diagnostic]:
    for item in tag_items(cable):
        if item.problem not in (TagProblem.TYPO, TagProblem.UNKNOWN):
            continue
        code, suggestion = item.field.text, item.suggestion
        recorded = item.problem is TagProblem.TYPO
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"unknown TAGS code `{code}`",
            item.field.span,
            "a known error in TAGS lines" if recorded else "in no list of TAGS",
            help=f"did you mean `{suggestion}`?"
            if suggestion
            else "use a code of the TAGS lists (subject, program, country, organization)",
            notes=tuple(entry.note for entry in tag_entries(code) if entry.note),
            fix=Fix(item.field.span, suggestion, f"write `{suggestion}`", safe=False)
            if suggestion
            else None,
        )
