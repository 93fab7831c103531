"""The E.O. line cites an executive order number that governs no classification.

What it does
    Looks the order number of the E.O. line up in the table of classification orders (10501,
    11652, 12065, 12356, 12958, 13526; ENVELOPE.md 2.14). Numbers known as typing errors
    (`12598` for 12958, `12536` for 12356) get a "did you mean"; for other numbers the help
    names the order in force on the DTG date.

Why it matters
    The order decides which markings and declassification rules apply. Only three of 777 real
    cables cite an unknown number, all of them transposed digits (`12598` in 10KABUL571 and in
    a 1995 cable, `12536` in a 1990 cable). A search by order number misses such cables.

Example
    Two digits transposed (bad: D210 at 9:6)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1106/01 2521657
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106
        E.O. 12598: DECL: 09/09/2019
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
    Write the intended number. For a known typing error the fix is offered (unsafe: the
    original decides).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Severity
from validator.model import Cable
from validator.reference import executive_order, executive_orders, order_in_force, order_typos
from validator.rules._dates import day_name
from validator.rules._orders import order_name

CODE = "D210"
NAME = "unknown-order"
SEVERITY = Severity.ERROR
SUMMARY = "E.O. line cites an unknown executive order number"
READS = ("eo", "dtg")


def check(cable: Cable) -> Iterator[Diagnostic]:
    if cable.eo is None:
        return
    number = cable.eo.order
    if executive_order(number.text) is not None:
        return
    intended = order_typos().get(number.text)
    dated = cable.dtg_datetime
    in_force = order_in_force(dated.date()) if dated is not None else None
    if intended is not None:
        help = f"did you mean `{intended}`?"
    elif in_force is not None and dated is not None:
        help = f"the order in force on {day_name(dated)} was {order_name(in_force)}"
    else:
        help = "the classification orders are " + ", ".join(
            f"`{known}`" for known in executive_orders()
        )
    replacement = intended or (in_force.number if in_force is not None else None)
    yield Diagnostic(
        CODE,
        SEVERITY,
        f"unknown executive order `{number.text}`",
        number.span,
        "no classification order has this number",
        help=help,
        fix=Fix(number.span, replacement, f"cite E.O. {replacement}", safe=False)
        if replacement
        else None,
    )
