"""A TAGS entry does not have the shape of a code, or holds two codes run together.

What it does
    A TAGS code is 2 to 6 letters, optionally followed by `-` and a digit; operational TAGS
    take a person in parentheses (ENVELOPE.md 2.15). This rule reports an entry of another
    shape (`PHUM.`, a lone `-`, digits, a word of seven letters or more), and an entry that
    is two known codes run together, with or without punctuation between them
    (`EINDETRD` = `EIND ETRD`, `PTER.YM` = `PTER YM`, `RUPREL`). Where the entry hides known
    codes the help names them.

Why it matters
    Traffic analysis reads the TAGS line code by code; an entry that is not a code is
    dropped, and with it the routing the drafter meant. Genuine cables have such slips (1 of
    376 Cablegate cables, 4 of 401 older ones), so this is a warning.

Example
    Two codes run together and a stray period (bad: T502 at 6:12, 6:20)::

        P 091657Z SEP 09
        FM AMEMBASSY SANAA
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L SANAA 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: MOPS PTER.YM PHUM.
        SUBJECT: COUNTERTERRORISM COOPERATION

    Use instead (good)::

        P 091657Z SEP 09
        FM AMEMBASSY SANAA
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L SANAA 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: MOPS PTER YM PHUM
        SUBJECT: COUNTERTERRORISM COOPERATION

Fix
    Separate the codes, remove the punctuation, or replace the entry by a code of the TAGS
    lists. The fix writes the codes the entry hides (safe: the letters stay the same).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Severity
from validator.model import Cable
from validator.rules._tags import TagProblem, tag_items

CODE = "T502"
NAME = "malformed-tag"
SEVERITY = Severity.WARNING
SUMMARY = "TAGS entry not shaped like a code, or two codes run together"
READS = ("tags",)


def check(cable: Cable) -> Iterator[Diagnostic]:
    for item in tag_items(cable):
        if item.problem not in (TagProblem.MERGED, TagProblem.MALFORMED):
            continue
        entry, codes = item.field.text, item.suggestion
        merged = item.problem is TagProblem.MERGED
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"TAGS entry `{entry}` is {'two codes run together' if merged else 'not a code'}",
            item.field.span,
            f"`{codes}`" if merged else "a code is 2 to 6 letters",
            help=f"write `{codes}`"
            if codes
            else "remove the entry, or write the code it stands for (2 to 6 letters)",
            notes=("TAGS codes are separated by blanks or commas",) if merged else (),
            fix=Fix(item.field.span, codes, f"write `{codes}`", safe=True) if codes else None,
        )
