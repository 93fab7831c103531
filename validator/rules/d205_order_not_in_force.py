"""The executive order cited on the E.O. line was not in force on the date of the message.

What it does
    Looks up the order in force on the DTG date (E.O. 11652 from 1 June 1972, 12065 from
    1 December 1978, 12356 from 1 August 1982, 12958 from 14 October 1995, 13526 from 27 June
    2010; ENVELOPE.md C12) and compares it with the order number of the E.O. line. The old
    number within about two months after a change is D211 (info), an unknown number D210.
    An archive's later declassification note (`E.O. 12958: AS AMENDED; DECLASSIFIED ...` on a
    1972 cable) names no order of the cable and is left alone.

Why it matters
    The order decides which markings, reasons and declassification rules apply: a DECL date
    under E.O. 12958, OADR under 12356, the GDS under 11652. The number is almost always right
    (349 of 351 Cablegate cables, and the older corpus outside the 1995 transition); an order
    that was no longer, or not yet, in force points to a wrong number or a wrong DTG year.

Example
    E.O. 12356 was replaced by E.O. 12958 in October 1995 (bad: D205 at 8:6)::

        P 041530Z MAR 96
        FM AMEMBASSY SOFIA
        TO SECSTATE WASHDC PRIORITY 1520
        INFO AMEMBASSY BUCHAREST
        AMEMBASSY ATHENS
        C O N F I D E N T I A L SOFIA 000528

        E.O. 12356: DECL: 03/04/2006
        TAGS: PGOV, PREL, BU
        SUBJECT: PARLIAMENT DEBATES ENERGY PRICES
        Classified By: Ambassador Avis T. Bohlen, reasons 1.5 (b) and (d)

    Use instead (good)::

        P 041530Z MAR 96
        FM AMEMBASSY SOFIA
        TO SECSTATE WASHDC PRIORITY 1520
        INFO AMEMBASSY BUCHAREST
        AMEMBASSY ATHENS
        C O N F I D E N T I A L SOFIA 000528

        E.O. 12958: DECL: 03/04/2006
        TAGS: PGOV, PREL, BU
        SUBJECT: PARLIAMENT DEBATES ENERGY PRICES
        Classified By: Ambassador Avis T. Bohlen, reasons 1.5 (b) and (d)

Fix
    Write the number of the order in force (the help line names it), or correct the DTG year
    if that is the slip (an unsafe fix).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.model import Cable
from validator.rules._dates import day_name
from validator.rules._orders import order_name, order_not_in_force

CODE = "D205"
NAME = "order-not-in-force"
SEVERITY = Severity.WARNING
SUMMARY = "executive order cited was not in force on the DTG date"
READS = ("eo", "dtg")


def check(cable: Cable) -> Iterator[Diagnostic]:
    found = order_not_in_force(cable)
    if found is None or found.in_transition or cable.dtg is None:
        return
    cited, in_force, dated = found.cited, found.in_force, found.dated
    period = f"in force from {day_name(cited.in_force_from)}"
    if cited.in_force_until is not None:
        period += f" to {day_name(cited.in_force_until)}"
    state = "not yet" if dated < cited.in_force_from else "no longer"
    number = found.eo.order
    yield Diagnostic(
        CODE,
        SEVERITY,
        f"E.O. `{number.text}` was {state} in force on the DTG date",
        number.span,
        period,
        secondary=(Label(cable.dtg.group.span, f"the message is dated {day_name(dated)}"),),
        help=f"the order in force on {day_name(dated)} was {order_name(in_force)}",
        fix=Fix(number.span, in_force.number, f"cite E.O. {in_force.number}", safe=False)
        if in_force is not None
        else None,
    )
