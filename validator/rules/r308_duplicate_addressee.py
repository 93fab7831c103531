"""The same addressee is listed twice among the TO and INFO addressees.

What it does
    Compares the plain-language addresses of all TO and INFO entries, ignoring case and
    spacing, and reports every repeat of an address seen before: twice in one list, or as both
    action and information addressee (ENVELOPE.md 2.7, 2.8). One routing indicator may serve
    several addresses (`RUEKJCS/SECDEF WASHDC` and `RUEKJCS/JOINT STAFF WASHDC`): only the
    address counts. Exempted (XMT) entries are not addressees and are left out.

Why it matters
    Each entry is a delivery and carries its own message sequence number; a repeated addressee
    gets the message twice and its sequence numbers skip. An addressee that is both action and
    information addressee has an unclear role. 3 of 777 real cables do it, for example
    `SECSTATE WASHDC` as action and information addressee with two sequence numbers
    (09BAKU226).

Example
    Paris is both action and information addressee (bad: R308 at 8:6)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1106/01 2521657
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHFR/AMEMBASSY PARIS PRIORITY 2219
        INFO RUEHFR/AMEMBASSY PARIS 2220
        RUEHC/SECSTATE WASHDC 5130
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
        TO RUEHFR/AMEMBASSY PARIS PRIORITY 2219
        INFO RUEHC/SECSTATE WASHDC 5130
        C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: GM PREL PGOV
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

Fix
    Remove the repeated entry; an action addressee needs no information entry.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Addressee, Cable
from validator.reference import normalize_plad

CODE = "R308"
NAME = "duplicate-addressee"
SEVERITY = Severity.WARNING
SUMMARY = "the same addressee is listed twice"
READS = ("to", "info")

_ROLE = {"to": "action", "info": "information", "xmt": "exempted"}


def check(cable: Cable) -> Iterator[Diagnostic]:
    first: dict[str, Addressee] = {}
    for addressee in cable.to + cable.info:
        key = normalize_plad(addressee.address.text)
        earlier = first.setdefault(key, addressee)
        if earlier is addressee:
            continue
        roles = f"{_ROLE[earlier.list]} and {_ROLE[addressee.list]}"
        where = "twice" if earlier.list == addressee.list else f"as {roles} addressee"
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"addressee `{addressee.address.text}` listed {where}",
            addressee.span,
            "repeated here",
            secondary=(Label(earlier.span, "first listed here"),),
            help="remove one of the two entries",
            notes=("each entry is a delivery with its own message sequence number",),
        )
