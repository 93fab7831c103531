"""An addressee's precedence word ranks above every precedence of the DTG.

What it does
    Maps the precedence word of every TO and INFO addressee to its prosign (`FLASH` Z,
    `NIACT IMMEDIATE` and `IMMEDIATE` O, `PRIORITY` P, no word R) and reports addressees that
    rank above the highest DTG prosign (ENVELOPE.md C3b). One finding per cable, on the first
    such addressee; the others are labelled.

Why it matters
    The DTG precedence (and the FL2 digraph made from it) is what relays act on; the addressee
    words say what the drafter asked for. An addressee above the DTG means the message travels
    slower than its author asked for that addressee. Every Cablegate cable keeps the rule (351
    of 351); the single older exception (`R` DTG with `SECSTATE WASHDC PRIORITY`) is a slip.

Example
    An IMMEDIATE addressee on a PRIORITY message (bad: R309 at 7:26)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1106/01 2521657
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 5130
        C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: GM PREL PGOV
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

    Use instead (good)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1106/01 2521657
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: GM PREL PGOV
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

Fix
    Lower the addressee's word, or raise the DTG prosign (and the FL2 digraph) to match it:
    only the original shows which was meant.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Cable
from validator.rules._precedence import (
    addressee_prosign,
    addressee_rank,
    dtg_precedence_span,
    highest_dtg_prosign,
    precedence_name,
    rank,
    word_span,
)

CODE = "R309"
NAME = "addressee-above-dtg"
SEVERITY = Severity.ERROR
SUMMARY = "an addressee's precedence ranks above the highest DTG precedence"
READS = ("dtg", "to", "info")


def check(cable: Cable) -> Iterator[Diagnostic]:
    if cable.dtg is None:
        return
    top = highest_dtg_prosign(cable.dtg)
    limit = rank(top)
    above = [a for a in cable.to + cable.info if addressee_rank(a) > limit]
    if not above:
        return
    first = above[0]
    word = addressee_prosign(first)
    others = tuple(Label(word_span(a), "also above the DTG") for a in above[1:])
    yield Diagnostic(
        CODE,
        SEVERITY,
        f"addressee precedence `{precedence_name(word)}` is above the DTG precedence "
        f"`{precedence_name(top)}`",
        word_span(first),
        f"{first.address.text} asks for {precedence_name(word)}",
        secondary=(Label(dtg_precedence_span(cable.dtg), f"the DTG is `{top}`"), *others),
        help=f"lower the word to `{precedence_name(top)}`, or raise the DTG to `{word}` and "
        f"the FL2 digraph to `{word * 2}`",
        notes=("the DTG and the FL2 digraph carry the highest precedence of the message",),
    )
