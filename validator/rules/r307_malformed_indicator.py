"""An addressee entry starts with a routing indicator that is not well formed.

What it does
    Reports an addressee whose plain-language address begins with an RI-like word and a single
    slash that is not a routing indicator: `R` and four to six letters (ENVELOPE.md 0, 2.7;
    `RUEH/AMEMBASSY PARIS`, `RUEHFR1/AMEMBASSY PARIS`, `RUEHFRAXX/...`). Such an entry is read
    as an address without indicator, the broken indicator included. Malformed indicators on the
    routing line (FL2) and the DE line (FL3) are syntax errors (E101) of those lines.
    Indicators that are well formed but missing from `routing_indicators.tsv` are not reported:
    the table holds only what the two samples showed, and relay indicators outside it occur on
    most real routing lines (249 of 324 Cablegate FL2 lines).

Why it matters
    Relays deliver by the routing indicator; an addressee whose indicator is damaged is
    delivered late or not at all, and its address no longer matches other cables. No real cable
    has one (0 of 2689 Cablegate entries).

Example
    The indicator lost a letter (bad: R307 at 8:1)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1106/01 2521657
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        RUEH/AMEMBASSY PARIS PRIORITY 2219
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
        RUEHFR/AMEMBASSY PARIS PRIORITY 2219
        C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: GM PREL PGOV
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

Fix
    Write the indicator of the address; when the routing table knows one for it, the help
    line names the best attested (an unsafe fix).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Severity
from validator.model import Cable
from validator.reference import indicators_for_plad, pairing_cables

CODE = "R307"
NAME = "malformed-indicator"
SEVERITY = Severity.WARNING
SUMMARY = "addressee routing indicator is not R and four to six letters"
READS = ("to", "info", "exempted")


def check(cable: Cable) -> Iterator[Diagnostic]:
    for addressee in cable.to + cable.info + cable.exempted:
        if addressee.indicator is not None:  # a routing indicator the grammar accepted
            continue
        broken = addressee.malformed_indicator
        if broken is None:
            continue
        address = addressee.address.text[len(broken.text) + 1 :]
        known = indicators_for_plad(address)
        meant = max(known, key=lambda ri: (pairing_cables(ri, address), ri), default=None)
        if meant is not None:
            help = f"did you mean `{meant}`? real cables pair it with `{address}`"
        else:
            help = "write the indicator as `R` and four to six letters"
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"routing indicator `{broken.text}` is not well formed",
            broken.span,
            "not `R` and four to six letters",
            help=help,
            notes=("the entry was read as an address without routing indicator",),
            fix=Fix(broken.span, meant, f"write `{meant}`", safe=False) if meant else None,
        )
