"""The executive order an E.O. line cites, set against the order in force on the DTG date."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from validator.model import Cable, EoLine
from validator.reference import ExecutiveOrder, executive_order, order_in_force
from validator.rules._memo import per_cable

# Telegrams kept the old order's number for up to seven weeks after the 1995 change
# (ENVELOPE.md C12): about two months of transition are allowed.
TRANSITION = timedelta(days=61)


class OrderOnDate(NamedTuple):
    """A known order cited on a dated cable that is not the order in force on that date."""

    eo: EoLine
    cited: ExecutiveOrder
    in_force: ExecutiveOrder | None
    dated: date

    @property
    def in_transition(self) -> bool:
        """The cited order is the one the order in force replaced, and the DTG lies within
        the transition period after the change."""
        if self.in_force is None:
            return False
        previous = order_in_force(self.in_force.in_force_from - timedelta(days=1))
        return (
            previous is not None
            and previous.number == self.cited.number
            and self.dated - self.in_force.in_force_from <= TRANSITION
        )


@per_cable  # D205 and D211 both ask
def order_not_in_force(cable: Cable) -> OrderOnDate | None:
    """The cable's order when it is known but not in force on the DTG date, else None.

    An archive's later declassification note in place of the instruction names an order that
    is not the cable's own (ENVELOPE.md 2.14.2): it is left alone.
    """
    eo, dated = cable.eo, cable.dtg_datetime
    if eo is None or dated is None or eo.is_declassification_note:
        return None
    cited = executive_order(eo.order.text)
    if cited is None:
        return None
    in_force = order_in_force(dated.date())
    if in_force is not None and in_force.number == cited.number:
        return None
    return OrderOnDate(eo, cited, in_force, dated.date())


def order_name(order: ExecutiveOrder | None) -> str:
    """`E.O. 12958`, `E.O. 12958 as amended by 13292`, or `no order` before the first one."""
    if order is None:
        return "no order"
    suffix = f" as amended by {order.amended_by}" if order.amended_by else ""
    return f"E.O. {order.number}{suffix}"
