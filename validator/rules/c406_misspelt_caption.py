"""A line between the classification and E.O. lines looks like a misspelt caption.

What it does
    Captions stand on their own lines under the classification line: `SIPDIS`, `NOFORN`,
    `SENSITIVE`, `EXDIS`, `NODIS`, `LIMDIS`, `STADIS`, `LIMITED OFFICIAL USE`, ... (ENVELOPE.md
    2.12). The parser only knows them spelt right; any other line there is a passing line
    (`STATE FOR EUR/CE`). This rule reports a short passing line (at most four words) that
    is one edit away from a caption, or two for captions of eight letters or more, counting
    a swap of two neighbouring letters as one edit: `SIPDSI`, `NOFRON`, `SENSTIVE`.

Why it matters
    Captions route and restrict distribution: `NOFORN` forbids release to foreign
    nationals, `SIPDIS` puts the cable on the SIPRNet database. A misspelt caption is
    ignored by the systems that read it, so the restriction or the distribution it asks for
    does not happen. No real cable of either sample has one; every caption in them is spelt
    right.

Example
    `NOFORN` with two letters swapped (bad: C406 at 5:1)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        S E C R E T BERLIN 001106
        NOFRON
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS

    Use instead (good)::

        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO SECSTATE WASHDC PRIORITY 5130
        S E C R E T BERLIN 001106
        NOFORN
        STATE FOR EUR/CE
        E.O. 12958: DECL: 09/09/2019
        TAGS: PREL GM
        SUBJECT: COALITION TALKS

Fix
    Spell the caption right (an unsafe fix: a short passing line may be a name that only
    looks like a caption).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from validator.diagnostics import Diagnostic, Fix, Severity
from validator.model import Cable
from validator.spelling import closest

CODE = "C406"
NAME = "misspelt-caption"
SEVERITY = Severity.WARNING
SUMMARY = "line under the classification looks like a misspelt caption"
READS = ("passing_lines",)

_MAX_WORDS = 4
# The captions of ENVELOPE.md 2.12 (the grammar's CAPTION terminal accepts the same).
_CAPTIONS = (
    "SIPDIS",
    "NOFORN",
    "SENSITIVE",
    "SENSITIVE BUT UNCLASSIFIED",
    "EXDIS",
    "NODIS",
    "LIMDIS",
    "STADIS",
    "FOR OFFICIAL USE ONLY",
    "LIMITED OFFICIAL USE",
    "TERREP",
    "TERREP EXCLUSIVE",
    "CODEL",
)


def check(cable: Cable) -> Iterator[Diagnostic]:
    for line in cable.passing_lines:
        written = " ".join(line.text.text.upper().split())
        # Captions are words of letters: a line with a slash or digit is a passing line.
        if len(written.split()) > _MAX_WORDS or not written.replace(" ", "").isalpha():
            continue
        caption = _caption_near(written)
        if caption is None:
            continue
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"`{line.text.text.strip()}` looks like a misspelt `{caption}` caption",
            line.text.span,
            f"did you mean `{caption}`?",
            help=f"write `{caption}`",
            notes=(
                "a misspelt caption is read as a passing line: the distribution or "
                "restriction it asks for is lost",
            ),
            fix=Fix(line.text.span, caption, f"write `{caption}`", safe=False),
        )


# Passing lines recur across an archive (`HQ SOUTHCOM ALSO FOR POLAD`): each is judged once.
@lru_cache(maxsize=4096)
def _caption_near(written: str) -> str | None:
    return closest(written, _CAPTIONS)
