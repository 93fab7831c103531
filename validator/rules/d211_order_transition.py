"""The E.O. line still cites the previous executive order shortly after a change.

What it does
    Like D205, compares the order number of the E.O. line with the order in force on the DTG
    date, but reports only the case D205 leaves out: the number of the order that was just
    replaced, on a DTG within about two months (61 days) after the change (ENVELOPE.md C12).

Why it matters
    Posts kept typing the old number for a while: four cables of 24 October to 4 December 1995
    still cite E.O. 12356 after E.O. 12958 took effect on 14 October 1995. The markings then
    follow the old order; it is worth knowing, not a defect to fix in the archive.

Example
    Ten days after E.O. 12958 took effect (bad: D211 at 8:6)::

        O 241530Z OCT 95
        FM AMEMBASSY SOFIA
        TO SECSTATE WASHDC IMMEDIATE 1520
        INFO AMEMBASSY BUCHAREST
        AMEMBASSY ATHENS
        C O N F I D E N T I A L SOFIA 000528

        E.O. 12356: DECL: OADR
        TAGS: PGOV, PREL, BU
        SUBJECT: PARLIAMENT DEBATES ENERGY PRICES
        Classified By: Ambassador Avis T. Bohlen, reasons 1.5 (b) and (d)

    Use instead (good)::

        O 241530Z OCT 95
        FM AMEMBASSY SOFIA
        TO SECSTATE WASHDC IMMEDIATE 1520
        INFO AMEMBASSY BUCHAREST
        AMEMBASSY ATHENS
        C O N F I D E N T I A L SOFIA 000528

        E.O. 12958: DECL: 10/24/2005
        TAGS: PGOV, PREL, BU
        SUBJECT: PARLIAMENT DEBATES ENERGY PRICES
        Classified By: Ambassador Avis T. Bohlen, reasons 1.5 (b) and (d)

Fix
    None needed in an archive copy; new telegrams cite the order in force.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Cable
from validator.rules._dates import day_name
from validator.rules._orders import order_name, order_not_in_force

CODE = "D211"
NAME = "order-transition"
SEVERITY = Severity.INFO
SUMMARY = "E.O. line cites the order replaced less than two months before the DTG"
READS = ("eo", "dtg")


def check(cable: Cable) -> Iterator[Diagnostic]:
    found = order_not_in_force(cable)
    if found is None or not found.in_transition or found.in_force is None or cable.dtg is None:
        return
    number, in_force = found.eo.order, found.in_force
    days = (found.dated - in_force.in_force_from).days
    yield Diagnostic(
        CODE,
        SEVERITY,
        f"E.O. `{number.text}` cited {days} days after {order_name(in_force)} replaced it",
        number.span,
        f"replaced on {day_name(in_force.in_force_from)}",
        secondary=(Label(cable.dtg.group.span, f"the message is dated {day_name(found.dated)}"),),
        help=f"new telegrams cite E.O. {in_force.number}",
        notes=("posts kept the old number for up to seven weeks after the 1995 change",),
    )
