"""Edge cases of the date (D2xx) and routing (R3xx) rules beyond their docstring examples."""

from __future__ import annotations

import pytest

from validator import validate_text
from validator.model import PreambleLine

# An UNCLAS ACP-127 cable; the tests replace whole lines of it.
CABLE = """\
VZCZCXRO1535
OO RUEHAG
DE RUEHTA #0480/01 0760952
ZNR UUUUU ZZH
O 170952Z MAR 09
FM AMEMBASSY ASTANA
TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
INFO RUEHKO/AMEMBASSY TOKYO 1453
UNCLAS SECTION 01 OF 02 ASTANA 000480
E.O. 12958: N/A
TAGS: PGOV KZ
SUBJECT: ALMATY NOTES

ASTANA 00000480 002 OF 002
"""


def cable(**lines: str) -> str:
    """CABLE with some lines replaced: `line3="DE ..."` replaces line 3."""
    rows = CABLE.splitlines()
    for key, text in lines.items():
        rows[int(key.removeprefix("line")) - 1] = text
    return "\n".join(rows) + "\n"


def found(text: str, prefix: str) -> list[tuple[str, int, int]]:
    """(code, line, column) of the findings whose code starts with `prefix`."""
    report = validate_text(text)
    return [
        (d.code, d.span.line, d.span.column)
        for d in report.diagnostics
        if d.code.startswith(prefix)
    ]


def test_the_base_cable_is_clean() -> None:
    assert found(CABLE, "D") == []
    assert found(CABLE, "R") == []


# ---- dates ------------------------------------------------------------------------------


def test_leap_day_with_julian_day_060_is_accepted() -> None:
    text = cable(line3="DE RUEHTA #0480/01 0601420", line5="O 291420Z FEB 08")
    assert found(text, "D") == []


def test_leap_day_in_a_common_year_is_reported_on_the_day() -> None:
    text = cable(line3="DE RUEHTA #0480/01 0601420", line5="O 291420Z FEB 09")
    report = validate_text(text)
    [finding] = [d for d in report.diagnostics if d.code.startswith("D")]
    assert (finding.code, finding.span.line, finding.span.column) == ("D201", 5, 3)
    assert "not a leap year" in finding.label
    assert finding.help == "the DE line's Julian day `060` is 1 March 2009"


def test_day_366_of_a_leap_year_is_31_december() -> None:
    text = cable(line3="DE RUEHTA #0480/01 3661641", line5="O 311641Z DEC 08")
    assert found(text, "D") == []


@pytest.mark.parametrize(
    ("dtg", "column"),
    [("O 172452Z MAR 09", 5), ("O 170960Z MAR 09", 7), ("O 170952Z MRA 09", 11)],
    ids=["hour-24", "minute-60", "unknown-month"],
)
def test_impossible_dtg_parts_are_reported_on_the_part(dtg: str, column: int) -> None:
    assert found(cable(line5=dtg), "D201") == [("D201", 5, column)]


def test_unknown_month_suggests_the_closest_month() -> None:
    report = validate_text(cable(line5="O 170952Z MRA 09"))
    [finding] = [d for d in report.diagnostics if d.code == "D201"]
    assert finding.help == "did you mean `MAR`?"


def test_impossible_time_of_file_is_reported_and_not_compared() -> None:
    text = cable(line3="DE RUEHTA #0480/01 0762452")
    assert found(text, "D") == [("D201", 3, 23)]


def test_time_of_file_just_after_midnight_counts_on_the_next_day() -> None:
    # DTG 23:55 on 17 March; filed ten minutes later on day 077, 18 March.
    text = cable(line3="DE RUEHTA #0480/01 0770005", line5="O 172355Z MAR 09")
    assert found(text, "D") == [("D206", 3, 23)]
    # DTG 23:55 on 31 December 2008; filed on day 001 of 2009.
    text = cable(line3="DE RUEHTA #0480/01 0010005", line5="O 312355Z DEC 08")
    assert found(text, "D") == [("D206", 3, 23)]


def test_time_of_file_a_few_minutes_late_is_info_and_far_off_is_a_warning() -> None:
    late = validate_text(cable(line3="DE RUEHTA #0480/01 0761016"))
    [finding] = [d for d in late.diagnostics if d.code.startswith("D")]
    assert (finding.code, finding.severity.label) == ("D206", "info")
    assert finding.message == "time of file `1016` is 24 minutes after the DTG time"
    far = validate_text(cable(line3="DE RUEHTA #0480/01 0761052"))
    [finding] = [d for d in far.diagnostics if d.code.startswith("D")]
    assert (finding.code, finding.severity.label) == ("D207", "warning")


def test_wrong_julian_day_is_d202_only_not_a_time_difference() -> None:
    assert found(cable(line3="DE RUEHTA #0480/01 0770952"), "D") == [("D202", 3, 20)]


def test_declassification_date_ten_years_after_a_leap_day() -> None:
    # 29 February 2008 has no anniversary in 2018: 1 March 2018 is ten whole years later.
    text = cable(
        line3="DE RUEHTA #0480/01 0601420",
        line4="ZNY CCCCC ZZH",
        line5="O 291420Z FEB 08",
        line9="C O N F I D E N T I A L SECTION 01 OF 02 ASTANA 000480",
        line10="E.O. 12958: DECL: 03/01/2018",
    )
    assert found(text, "D") == []


@pytest.mark.parametrize(
    ("decl", "column"),
    [("02/30/2019", 22), ("13/01/2019", 19), ("02/29/2019", 22), ("2019/13/01", 24)],
)
def test_impossible_declassification_dates(decl: str, column: int) -> None:
    text = cable(line10=f"E.O. 12958: DECL: {decl}")
    assert found(text, "D204") == [("D204", 10, column)]


def test_declassification_date_25_years_and_a_day_is_not_beyond_the_ceiling() -> None:
    assert found(cable(line10="E.O. 12958: DECL: 03/18/2034"), "D209") == []
    assert found(cable(line10="E.O. 12958: DECL: 03/17/2035"), "D209") == [("D209", 10, 19)]


def test_exemption_code_allows_a_longer_period() -> None:
    assert found(cable(line10="E.O. 12958: DECL: 25X1"), "D209") == []


def test_order_after_the_transition_period_is_a_warning() -> None:
    text = cable(line3="DE RUEHTA #0480/01 3441530", line5="O 101530Z DEC 95")
    text = text.replace("E.O. 12958: N/A", "E.O. 12356: N/A")
    # 10 December 1995 is 57 days after E.O. 12958 took effect: still the transition.
    assert found(text, "D21") == [("D211", 10, 6)]
    later = text.replace("101530Z DEC 95", "201530Z DEC 95").replace("3441530", "3541530")
    assert found(later, "D2") == [("D205", 10, 6)]


def test_later_declassification_note_names_no_order_of_the_cable() -> None:
    text = cable(
        line3="DE RUEHTA #0480/01 0560930",
        line5="R 250930Z FEB 72",
        line10="E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006",
    )
    assert found(text, "D205") == []


def test_weekday_line_is_read_by_the_model() -> None:
    line = validate_text(_weekday("Tuesday, 17 March 2009, 09:52")).cable
    assert line is not None
    [weekday] = [p for p in line.foreign_lines if p.kind == "weekday"]
    assert isinstance(weekday, PreambleLine)
    assert weekday.weekday == "Tuesday"
    assert weekday.weekday_datetime is not None
    assert weekday.weekday_datetime.isoformat() == "2009-03-17T09:52:00+00:00"


def _weekday(line: str) -> str:
    return CABLE.replace("UNCLAS SECTION", f"{line}\nUNCLAS SECTION")


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("Tuesday, 17 March 2009, 09:52", None),
        ("Wednesday, 17 March 2009, 09:52", 1),
        ("Tuesday, 17 March 2009, 09:25", 1),
        ("Tuesday, 31 April 2009, 09:52", 1),
    ],
    ids=["agrees", "wrong-weekday", "wrong-time", "no-such-date"],
)
def test_weekday_line(line: str, column: int | None) -> None:
    expected = [] if column is None else [("D208", 9, column)]
    assert found(_weekday(line), "D208") == expected


# ---- routing, serials, sections ------------------------------------------------------------


def test_dual_precedence_o_r_with_oo_digraph_is_accepted() -> None:
    assert found(cable(line5="O R 170952Z MAR 09"), "R") == []


def test_dual_precedence_info_word_must_match_the_second_prosign() -> None:
    text = cable(line5="O R 170952Z MAR 09", line8="INFO RUEHKO/AMEMBASSY TOKYO PRIORITY 1453")
    assert found(text, "R") == [("R302", 5, 3)]


def test_digraph_must_be_the_highest_of_a_dual_precedence() -> None:
    assert found(cable(line2="RR RUEHAG", line5="O R 170952Z MAR 09"), "R") == [("R301", 2, 1)]


def test_typed_zero_counts_as_immediate() -> None:
    assert found(cable(line5="0 170952Z MAR 09"), "R") == []


def test_addressee_above_the_dtg_is_one_error_with_the_others_labelled() -> None:
    text = cable(line8="INFO RUEHKO/AMEMBASSY TOKYO FLASH 1453", line2="PP RUEHAG")
    text = text.replace("O 170952Z", "P 170952Z")
    report = validate_text(text)
    [finding] = [d for d in report.diagnostics if d.code == "R309"]
    assert (finding.span.line, finding.span.column) == (7, 26)
    assert [label.span.line for label in finding.secondary] == [5, 8]


def test_one_indicator_for_two_addresses_is_not_a_duplicate() -> None:
    text = cable(line8="INFO RUEKJCS/SECDEF WASHDC\nRUEKJCS/JOINT STAFF WASHDC")
    assert found(text, "R308") == []


def test_indicator_serving_two_posts_is_accepted_for_both() -> None:
    almaty = cable(line6="FM AMEMBASSY ALMATY", line9="UNCLAS SECTION 01 OF 02 ALMATY 000480")
    almaty = almaty.replace("ASTANA 00000480", "ALMATY 00000480")
    assert found(almaty, "R") == []


def test_useu_brussels_numbers_in_the_brussels_series() -> None:
    text = cable(
        line3="DE RUEHBS #0480/01 0760952",
        line6="FM USEU BRUSSELS",
        line9="UNCLAS SECTION 01 OF 02 BRUSSELS 000480",
    ).replace("ASTANA 00000480", "BRUSSELS 00000480")
    assert found(text, "R") == []


def test_serial_above_9999_keeps_its_last_four_digits_on_the_de_line() -> None:
    text = cable(
        line3="DE RUEHC #6011/01 0760952",
        line6="FM SECSTATE WASHDC",
        line7="TO RUEHTA/AMEMBASSY ASTANA IMMEDIATE 4932",
        line9="UNCLAS SECTION 01 OF 02 STATE 156011",
    ).replace("ASTANA 00000480", "STATE 00156011")
    assert found(text, "R") == []


def test_page_line_serial_and_post() -> None:
    text = CABLE.replace("ASTANA 00000480", "ASTANA 00000408")
    assert found(text, "R") == [("R305", 14, 8)]
    text = CABLE.replace("ASTANA 00000480", "ALMATY 00000480")
    assert found(text, "R") == [("R310", 14, 1)]


def test_rpo_dubai_is_printed_dubai_on_page_lines() -> None:
    text = cable(
        line3="DE RUEHDE #0480/01 0760952",
        line6="FM IRAN RPO DUBAI",
        line9="UNCLAS SECTION 01 OF 02 RPO DUBAI 000480",
    ).replace("ASTANA 00000480", "DUBAI 00000480")
    assert found(text, "R310") == []


def test_de_section_without_section_on_the_classification_line_is_fine() -> None:
    text = cable(line9="UNCLAS ASTANA 000480").replace("ASTANA 00000480 002 OF 002\n", "")
    assert found(text, "R") == []


def test_section_without_de_section_is_an_error_on_the_serial() -> None:
    assert found(cable(line3="DE RUEHTA #0480 0760952"), "R") == [("R306", 3, 12)]


@pytest.mark.parametrize(
    ("page", "column"),
    [("ASTANA 00000480 002 OF 003", 24), ("ASTANA 00000480 001 OF 002", 17)],
    ids=["count", "plain-001"],
)
def test_page_line_section_numbers(page: str, column: int) -> None:
    assert found(CABLE.replace("ASTANA 00000480 002 OF 002", page), "R306") == [
        ("R306", 14, column)
    ]


def test_page_lines_without_section_on_the_classification_line() -> None:
    assert found(cable(line9="UNCLAS ASTANA 000480"), "R306") == [("R306", 14, 1)]


def test_section_number_above_the_count() -> None:
    text = cable(line9="UNCLAS SECTION 03 OF 02 ASTANA 000480")
    assert ("R306", 9, 16) in found(text, "R306")
