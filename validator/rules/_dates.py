"""Date and time helpers shared by the D rules: parts of a date-time field, day names, years."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Cable, Dtg
from validator.rules._memo import per_cable
from validator.source import Span

# Where each part stands inside the DTG group `DDHHMMZ MON YY` (offset, length).
DTG_PARTS = {
    "day": (0, 2),
    "hour": (2, 2),
    "minute": (4, 2),
    "month": (8, 3),
    "year": (12, 2),
}


def part(span: Span, offset: int, length: int) -> Span:
    """The span of `length` characters at `offset` inside a one-line span."""
    start = span.column + offset
    return Span(span.line, start, span.line, start + length)


def dtg_part(dtg: Dtg, name: str) -> Span:
    """The span of one part of the DTG group: `day`, `hour`, `minute`, `month` or `year`."""
    return part(dtg.group.span, *DTG_PARTS[name])


@per_cable
def time_of_file_offset(cable: Cable) -> timedelta | None:
    """The DE-line time of file minus the DTG, when both name real moments and the Julian day
    agrees with the DTG date (a day that disagrees is D202's finding, not a time difference).

    As in D202, a time of file within twelve hours of the DTG counts as the same day even when
    it crosses midnight.
    """
    de, dated = cable.de_line, cable.dtg_datetime
    if de is None or dated is None:
        return None
    if de.day_of_year == dated.timetuple().tm_yday and de.hour <= 23 and de.minute <= 59:
        # Filed on the DTG's own day, the usual case: no year of filing to work out.
        return dated.replace(hour=de.hour, minute=de.minute) - dated
    filed = cable.de_datetime
    if filed is None:
        return None
    offset = filed - dated
    if abs(offset) < timedelta(hours=12) or filed.date() == dated.date():
        return offset
    return None


@per_cable
def declassification_date(cable: Cable) -> date | None:
    """The E.O. line's declassification date, read once for D203 and D209."""
    return cable.eo.declassification_date if cable.eo else None


# A time of file up to this far from the DTG is a hint (D206), beyond it a warning (D207).
TIME_OF_FILE_LIMIT = timedelta(minutes=30)


def time_of_file_finding(
    cable: Cable, code: str, severity: Severity, wanted: Callable[[timedelta], bool]
) -> Diagnostic | None:
    """The finding for a time of file that differs from the DTG time by an offset `wanted`
    accepts (D206 small offsets, D207 large ones)."""
    offset = time_of_file_offset(cable)
    de, dtg = cable.de_line, cable.dtg
    if offset is None or not offset or not wanted(offset) or de is None or dtg is None:
        return None
    direction = "after" if offset > timedelta(0) else "before"
    dtg_time = part(dtg.group.span, 2, 4)
    return Diagnostic(
        code,
        severity,
        f"time of file `{de.time.text}` is {minutes(abs(offset))} {direction} the DTG time",
        de.time.span,
        f"{minutes(offset, signed=True)} from the DTG",
        secondary=(Label(dtg_time, "the DTG time"),),
        help=f"if both stamps were meant to agree, the DTG says `{dtg.group.text[2:6]}`",
        notes=(
            "the time of file is stamped when the message enters the network; Department "
            "cables are often filed a few minutes after their DTG",
        ),
    )


def day_name(day: date | datetime) -> str:
    """`17 March 2009`."""
    return f"{day.day} {day:%B} {day.year}"


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later; 29 February moves to 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def whole_years(start: date, end: date) -> int:
    """Whole years from `start` to `end` (29 February 2008 to 1 March 2018 is ten years)."""
    years = end.year - start.year
    return years if add_years(start, years) <= end else years - 1


def minutes(offset: timedelta, signed: bool = False) -> str:
    """`12 minutes`, `2 hours 5 minutes`; signed: `+12 minutes`, `-1 minute`."""
    sign = ("-" if offset < timedelta(0) else "+") if signed else ""
    total = abs(int(offset.total_seconds())) // 60
    hours, rest = divmod(total, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return sign + " ".join(parts)


def written_like(example: str, day: date) -> str:
    """`day` in the form of the written date `example` (`09/09/2019`, `2019/09/09`, `9/9/19`)."""
    if "/" not in example:
        return f"{day:%B} {day.day}, {day.year}".upper()
    first, second, third = example.split("/")
    if len(first) == 4:
        return f"{day:%Y/%m/%d}"
    month = f"{day.month:0{len(first)}d}"
    dom = f"{day.day:0{len(second)}d}"
    year = f"{day.year % 100:02d}" if len(third) == 2 else f"{day.year}"
    return f"{month}/{dom}/{year}"
