"""Parser: ACP-127 format lines 1-4 (ENVELOPE.md 2.1-2.4): values and exact spans."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime

import pytest

from .parsing import FRONT, cable, findings, parse, value, where

XRO = """\
VZCZCXRO1733
PP RUEHDBU RUEHFL RUEHKW
RUEHLA RUEHNP
DE RUEHRL #1106/01 2521657
ZNY CCCCC ZZH
P 091657Z SEP 09
FM AMEMBASSY BERLIN
TO RUEHC/SECSTATE WASHDC PRIORITY 5130
C O N F I D E N T I A L BERLIN 001106
"""


def test_xro_header_fields_and_spans() -> None:
    parsed = cable(XRO + FRONT)
    assert parsed.layout == "acp127"
    fl1 = parsed.transmission
    assert fl1 is not None
    assert where(fl1) == "1:1-1:13"
    assert value(fl1.channel) == ("XRO", "1:6-1:9")
    assert value(fl1.sequence) == ("1733", "1:9-1:13")
    fl2 = parsed.routing
    assert fl2 is not None
    assert where(fl2) == "2:1-3:14"
    assert value(fl2.precedence) == ("PP", "2:1-2:3")
    assert fl2.prosign == "P"
    assert [value(ri) for ri in fl2.indicators] == [
        ("RUEHDBU", "2:4-2:11"),
        ("RUEHFL", "2:12-2:18"),
        ("RUEHKW", "2:19-2:25"),
        ("RUEHLA", "3:1-3:7"),
        ("RUEHNP", "3:8-3:14"),
    ]
    fl3 = parsed.de_line
    assert fl3 is not None
    assert where(fl3) == "4:1-4:27"
    assert value(fl3.station) == ("RUEHRL", "4:4-4:10")
    assert value(fl3.serial) == ("1106", "4:12-4:16")
    assert value(fl3.section) == ("01", "4:17-4:19")
    assert value(fl3.julian_day) == ("252", "4:20-4:23")
    assert value(fl3.time) == ("1657", "4:23-4:27")
    assert (fl3.day_of_year, fl3.hour, fl3.minute) == (252, 16, 57)
    assert parsed.de_datetime == datetime(2009, 9, 9, 16, 57, tzinfo=UTC)
    fl4 = parsed.security_warning
    assert fl4 is not None
    assert where(fl4) == "5:1-5:14"
    assert value(fl4.prosign) == ("ZNY", "5:1-5:4")
    assert value(fl4.group) == ("CCCCC", "5:5-5:10")
    assert fl4.specat is None
    assert value(fl4.signals) == ("ZZH", "5:11-5:14")


def test_xyz_header_with_blank_line_and_no_section() -> None:
    parsed = cable(
        """
        VZCZCXYZ0017
        RR RUEHWEB

        DE RUEHC #9565 0292126
        ZNY SSSSS ZZH
        R 292126Z JAN 10
        FM SECSTATE WASHDC
        TO RUEHAK/AMEMBASSY ANKARA 0000
        S E C R E T STATE 009565
        """,
        FRONT,
    )
    assert value(parsed.transmission.channel) == ("XYZ", "1:6-1:9")  # type: ignore[union-attr]
    assert [value(ri) for ri in parsed.routing.indicators] == [("RUEHWEB", "2:4-2:11")]  # type: ignore[union-attr]
    de = parsed.de_line
    assert de is not None
    assert where(de) == "4:1-4:23"
    assert value(de.station) == ("RUEHC", "4:4-4:9")
    assert value(de.serial) == ("9565", "4:11-4:15")
    assert de.section is None
    assert value(de.julian_day) == ("029", "4:16-4:19")
    assert value(de.time) == ("2126", "4:19-4:23")


def test_three_digit_channel_sequence() -> None:
    parsed = cable(XRO.replace("VZCZCXRO1733", "VZCZCMDI671") + FRONT)
    assert value(parsed.transmission.channel) == ("MDI", "1:6-1:9")  # type: ignore[union-attr]
    assert value(parsed.transmission.sequence) == ("671", "1:9-1:12")  # type: ignore[union-attr]


def test_ocr_copy_with_blank_line_after_every_header_line() -> None:
    text = "\n\n".join(XRO.splitlines()) + "\n\n" + FRONT
    parsed = cable(text)
    assert value(parsed.transmission.sequence) == ("1733", "1:9-1:13")  # type: ignore[union-attr]
    assert [ri.text for ri in parsed.routing.indicators] == [  # type: ignore[union-attr]
        "RUEHDBU",
        "RUEHFL",
        "RUEHKW",
        "RUEHLA",
        "RUEHNP",
    ]
    assert where(parsed.routing) == "3:1-5:14"
    assert value(parsed.de_line.station) == ("RUEHRL", "7:4-7:10")  # type: ignore[union-attr]
    assert value(parsed.security_warning.group) == ("CCCCC", "9:5-9:10")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "prosign", "group", "specat", "signals"),
    [
        ("ZNR UUUUU ZZH", "ZNR", "UUUUU", None, ("ZZH", "5:11-5:14")),
        (
            "ZNY SSSSS ZZH (CCY AD3230EB MSI1033-695)",
            "ZNY",
            "SSSSS",
            None,
            ("ZZH (CCY AD3230EB MSI1033-695)", "5:11-5:41"),
        ),
        (
            "ZNY CCCCC ZZH ZUI RUEWMCE1074 1581702",
            "ZNY",
            "CCCCC",
            None,
            ("ZZH ZUI RUEWMCE1074 1581702", "5:11-5:38"),
        ),
        ("ZNY SSSSS/AAAAA ZZH", "ZNY", "SSSSS", ("AAAAA", "5:11-5:16"), ("ZZH", "5:17-5:20")),
        ("ZNY CCCCC", "ZNY", "CCCCC", None, None),
    ],
)
def test_security_warning_variants(
    line: str,
    prosign: str,
    group: str,
    specat: tuple[str, str] | None,
    signals: tuple[str, str] | None,
) -> None:
    parsed = cable(XRO.replace("ZNY CCCCC ZZH", line) + FRONT)
    warning = parsed.security_warning
    assert warning is not None
    assert value(warning.prosign) == (prosign, "5:1-5:4")
    assert value(warning.group) == (group, "5:5-5:10")
    assert value(warning.specat) == specat
    assert value(warning.signals) == signals
    assert where(warning) == f"5:1-5:{len(line) + 1}"


def test_leap_year_julian_day_366() -> None:
    parsed = cable(
        XRO.replace("DE RUEHRL #1106/01 2521657", "DE RUEHLP #2670 3661641").replace(
            "P 091657Z SEP 09", "P 311641Z DEC 08"
        )
        + FRONT
    )
    assert parsed.de_line is not None
    assert value(parsed.de_line.julian_day) == ("366", "4:17-4:20")
    assert parsed.de_datetime == parsed.dtg_datetime == datetime(2008, 12, 31, 16, 41, tzinfo=UTC)


def test_trailing_blanks_are_not_part_of_the_fields() -> None:
    text = "".join(line + "   \n" for line in XRO.splitlines()) + FRONT
    parsed = cable(text)
    assert where(parsed.transmission) == "1:1-1:13"
    assert value(parsed.de_line.time) == ("1657", "4:23-4:27")  # type: ignore[union-attr]
    assert value(parsed.security_warning.signals) == ("ZZH", "5:11-5:14")  # type: ignore[union-attr]


def test_elements_compare_print_and_pickle_by_span_and_fields() -> None:
    """Elements locate their span on first use; they behave as values all the same."""
    first, second = cable(XRO + FRONT), cable(XRO + FRONT)
    assert first.dtg == second.dtg and hash(first.dtg) == hash(second.dtg)
    assert first == second
    moved = cable("\n" + XRO + FRONT)
    assert moved.transmission != first.transmission  # same fields, another line
    assert repr(first.transmission) == (
        "TransmissionId(span=Span(line=1, column=1, end_line=1, end_column=13), "
        "channel=Field(text='XRO', span=Span(line=1, column=6, end_line=1, end_column=9)), "
        "sequence=Field(text='1733', span=Span(line=1, column=9, end_line=1, end_column=13)))"
    )
    copy = pickle.loads(pickle.dumps(first))
    assert copy == first and where(copy.routing) == "2:1-3:14"


@pytest.mark.parametrize(
    ("good", "bad", "line", "message"),
    [
        ("VZCZCXRO1733", "VZCZCXRO17A3", 1, "malformed transmission identification"),
        ("PP RUEHDBU RUEHFL RUEHKW", "PP RUEHDBU 1234", 2, "malformed precedence and routing line"),
        ("DE RUEHRL #1106/01 2521657", "DE RUEHRL 1106/01 2521657", 4, "malformed DE line"),
        ("ZNY CCCCC ZZH", "ZNX CCCCC ZZH", 5, "malformed security warning"),
    ],
)
def test_malformed_format_line_is_e101_on_its_whole_line(
    good: str, bad: str, line: int, message: str
) -> None:
    text = XRO.replace(good, bad)
    if line == 2:
        text = text.replace("RUEHLA RUEHNP\n", "")
    result = parse(text + FRONT)
    assert findings(result) == [("E101", f"{line}:1-{line}:{len(bad) + 1}")]
    assert result.diagnostics[0].message == message
    # The malformed line is kept as that element: nothing is reported missing.
    assert result.cable.layout == "acp127"


@pytest.mark.parametrize(
    ("dropped", "message"),
    [
        ("PP RUEHDBU RUEHFL RUEHKW\nRUEHLA RUEHNP\n", "precedence and routing line missing"),
        ("DE RUEHRL #1106/01 2521657\n", "DE line missing"),
        ("ZNY CCCCC ZZH\n", "security warning missing"),
    ],
)
def test_missing_format_line_is_e102_where_the_body_starts(dropped: str, message: str) -> None:
    text = XRO.replace(dropped, "") + FRONT + "\n¶1. (C) Text.\n"
    result = parse(text)
    body = len(text.splitlines())
    assert findings(result) == [("E102", f"{body}:1-{body}:1")]
    assert result.diagnostics[0].message == message


def test_missing_element_of_a_file_without_body_is_at_the_end_of_its_last_line() -> None:
    result = parse(XRO.replace("ZNY CCCCC ZZH\n", ""), FRONT)
    assert findings(result) == [("E102", "11:22-11:22")]


def test_dtg_first_copy_needs_no_format_lines() -> None:
    parsed = cable("\n".join(XRO.splitlines()[5:]) + "\n" + FRONT)
    assert parsed.layout == "dtg-first"
    assert parsed.transmission is parsed.routing is parsed.de_line is None
    assert parsed.security_warning is None
