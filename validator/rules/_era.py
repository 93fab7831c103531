"""When a cable was written, for the rules whose requirements changed with the orders.

The DTG dates a cable to the minute. Copies without one (partial extracts, ENVELOPE.md 4.4)
are dated as the spec does: by the weekday date line if the archive kept one; else by the
DECL date less ten years (the usual period), when the file name's year agrees with it; else
by the file name's year (`05MADRID572.txt`: 2005) as a whole. The result is a range of
possible days, so that a rule fires only when the whole range lies on the wrong side of a
change of rules.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import PurePath
from typing import NamedTuple

from validator.model import Cable, full_year
from validator.reference import ExecutiveOrder, executive_order, order_in_force, order_versions
from validator.rules._dates import add_years, day_name
from validator.rules._memo import per_cable

_FILE_YEAR = re.compile(r"^(\d{2})[A-Z]")
# The period most DECL dates give (ENVELOPE.md 4.4, C13).
_USUAL_PERIOD = 10


class Dating(NamedTuple):
    """The days a cable may have been written on, and what says so (`the DTG`)."""

    earliest: date
    latest: date
    basis: str

    def before(self, day: date) -> bool:
        return self.latest < day

    @property
    def words(self) -> str:
        """`dated 17 March 2009 by the DTG`, `dated 2005 by the file name`."""
        if self.earliest == self.latest:
            return f"dated {day_name(self.earliest)} by {self.basis}"
        return f"dated {self.earliest.year} by {self.basis}"


def file_year(cable: Cable) -> int | None:
    """The year of a file named by reference id (`09BERLIN1106.txt`: 2009), else None."""
    if cable.path is None:
        return None
    match = _FILE_YEAR.match(PurePath(cable.path).name)
    return full_year(int(match.group(1))) if match else None


@per_cable
def cable_dating(cable: Cable) -> Dating | None:
    """When the cable was written, as far as the copy tells; None if it does not."""
    dated = cable.dtg_datetime
    if dated is not None:
        return Dating(dated.date(), dated.date(), "the DTG")
    for line in (*cable.preamble, *cable.foreign_lines):
        moment = line.weekday_datetime
        if moment is not None:
            return Dating(moment.date(), moment.date(), "the weekday line")
    year = file_year(cable)
    declassify = cable.eo.declassification_date if cable.eo else None
    if declassify is not None:
        estimate = add_years(declassify, -_USUAL_PERIOD)
        if year is None or estimate.year == year:
            return Dating(estimate, estimate, "the DECL date less ten years")
    if year is not None:
        return Dating(date(year, 1, 1), date(year, 12, 31), "the file name")
    return None


def under_eo_12958(cable: Cable) -> bool:
    """The cable falls under E.O. 12958 or a later order, which brought the Classified By
    line and portion marking (14 October 1995): by its date, else by its E.O. line's order
    (a cable that tells neither is taken to be recent). A cable dated by a year that
    straddles the change (1995 by its file name) is not."""
    start = _order_12958().in_force_from
    dating = cable_dating(cable)
    if dating is not None:
        return dating.earliest >= start
    cited = executive_order(cable.eo.order.text) if cable.eo else None
    return cited is None or cited.in_force_from >= start


@cache
def _order_12958() -> ExecutiveOrder:
    order = executive_order("12958")
    assert order is not None, "executive_orders.tsv lists E.O. 12958"
    return order


@cache
def reason_section_start(section: str) -> date | None:
    """The first day an order in force cited reasons in `section` (`1.5`: 1995-10-14,
    `1.4`: 2003-03-25); None for a section no order cites."""
    starts = [o.in_force_from for o in order_versions() if o.reason_section_number == section]
    return min(starts) if starts else None


@cache
def reason_letters(section: str) -> str:
    """The category letters of a reason section: `abcdefg` for 1.5, `abcdefgh` for 1.4."""
    for order in order_versions():
        if order.reason_section_number == section and order.reason_letters:
            return order.reason_letters
    return ""


@cache
def section_in_force(day: date) -> str:
    """The reason section of the order in force on `day` ("" before E.O. 12958)."""
    order = order_in_force(day)
    return order.reason_section_number if order else ""
