"""The operational TAG `OVIP` is not followed by the visitor's name.

What it does
    `OVIP` files a cable under a visit of a very important person; the TAGS manual asks for
    the person's name in parentheses right after it: `OVIP (CLINTON, HILLARY)` (telegram
    1974 STATE 150591; ENVELOPE.md 2.15, C15d). This rule reports an `OVIP` that is not
    followed by an item in parentheses.

Why it matters
    Without the name the visit files cannot be searched by visitor, which is what the tag
    is for. Seven of nine Cablegate cables tagged `OVIP` omit the name, so this is only a
    hint.

Example
    No name after `OVIP` (bad: T508 at 6:7)::

        P 091657Z SEP 09
        FM AMEMBASSY RABAT
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L RABAT 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: OVIP PREL MO
        SUBJECT: SCENESETTER FOR THE SECRETARY'S VISIT

    Use instead (good)::

        P 091657Z SEP 09
        FM AMEMBASSY RABAT
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L RABAT 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: OVIP (CLINTON, HILLARY) PREL MO
        SUBJECT: SCENESETTER FOR THE SECRETARY'S VISIT

Fix
    Write the visitor's name after `OVIP`: `OVIP (SURNAME, GIVEN NAME)`.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Severity
from validator.model import Cable

CODE = "T508"
NAME = "ovip-without-name"
SEVERITY = Severity.INFO
SUMMARY = "`OVIP` TAG without the visitor's name in parentheses"
READS = ("tags",)

_OVIP = "OVIP"


def check(cable: Cable) -> Iterator[Diagnostic]:
    if cable.tags is None:
        return
    codes = cable.tags.codes
    for index, item in enumerate(codes):
        if item.text.strip().upper() != _OVIP:
            continue
        following = codes[index + 1].text.strip() if index + 1 < len(codes) else ""
        if following.startswith("("):
            continue
        yield Diagnostic(
            CODE,
            SEVERITY,
            "`OVIP` without the visitor's name",
            item.span,
            "no `(SURNAME, GIVEN NAME)` after it",
            help="write the visitor's name in parentheses after the tag: "
            "`OVIP (SURNAME, GIVEN NAME)`",
            notes=("the name makes the visit files searchable by visitor (1974 STATE 150591)",),
        )
