"""The FL2 precedence digraph is not the highest DTG precedence written twice.

What it does
    Compares the two-letter precedence at the start of format line 2 (`PP RUEHDBU ...`) with
    the precedence prosign(s) of the DTG line (FL5). The digraph must be the highest DTG prosign
    written twice: `O R 141437Z NOV 07` goes with `OO` (ENVELOPE.md C2; 5 FAH-2 H-321.2-1).

Why it matters
    Relay stations handle the message by the FL2 digraph, before anyone reads the DTG: a
    digraph below the real precedence delays an urgent message, one above it jumps the queue.
    All 324 Cablegate cables with FL2 agree, the 7 dual-precedence ones included.

Example
    A PRIORITY digraph on an IMMEDIATE message (bad: R301 at 2:1)::

        VZCZCXRO1535
        PP RUEHAG
        DE RUEHTA #0480/01 0760952
        ZNR UUUUU ZZH
        O 170952Z MAR 09
        FM AMEMBASSY ASTANA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
        UNCLAS SECTION 01 OF 02 ASTANA 000480
        E.O. 12958: N/A
        TAGS: PGOV KZ
        SUBJECT: ALMATY NOTES

    Use instead (good)::

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

Fix
    Write the highest DTG prosign twice (an unsafe fix: the DTG prosign may be the wrong one;
    the addressees' precedence words tell, see R302).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.model import Cable
from validator.rules._precedence import (
    dtg_precedence_span,
    highest_dtg_prosign,
    precedence_name,
)

CODE = "R301"
NAME = "digraph-mismatch"
SEVERITY = Severity.ERROR
SUMMARY = "FL2 precedence digraph is not the highest DTG prosign written twice"
READS = ("routing", "dtg")


def check(cable: Cable) -> Iterator[Diagnostic]:
    routing, dtg = cable.routing, cable.dtg
    if routing is None or dtg is None:
        return
    expected = highest_dtg_prosign(dtg)
    if routing.prosign == expected:
        return
    digraph = expected * 2
    yield Diagnostic(
        CODE,
        SEVERITY,
        f"precedence digraph `{routing.precedence.text}` disagrees with the DTG precedence",
        routing.precedence.span,
        precedence_name(routing.prosign),
        secondary=(Label(dtg_precedence_span(dtg), f"the DTG is {precedence_name(expected)}"),),
        help=f"did you mean `{digraph}`?",
        notes=("the digraph is the highest precedence of the message written twice",),
        fix=Fix(routing.precedence.span, digraph, f"write `{digraph}`", safe=False),
    )
