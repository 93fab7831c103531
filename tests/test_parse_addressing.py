"""Parser: DTG line, FM line and addressee lists TO/INFO/XMT (ENVELOPE.md 2.5-2.9)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from validator.model import Addressee

from .parsing import FRONT, cable, value, where

CLASSIFICATION = "C O N F I D E N T I A L BERLIN 001106\n"


def entry(addressee: Addressee) -> tuple[object, ...]:
    return (
        value(addressee.indicator),
        value(addressee.address),
        value(addressee.precedence),
        value(addressee.mcn),
        where(addressee),
    )


def dated(first_line: str) -> str:
    return f"{first_line}\nFM AMEMBASSY BERLIN\nTO SECSTATE WASHDC\n{CLASSIFICATION}{FRONT}"


def test_dtg_line_fields_and_spans() -> None:
    dtg = cable(dated("P 091657Z SEP 09")).dtg
    assert dtg is not None
    assert where(dtg) == "1:1-1:17"
    assert value(dtg.precedence) == ("P", "1:1-1:2")
    assert dtg.info_precedence is None
    assert value(dtg.group) == ("091657Z SEP 09", "1:3-1:17")
    assert (dtg.day, dtg.hour, dtg.minute, dtg.month, dtg.year) == (9, 16, 57, "SEP", 9)
    assert dtg.signals is None
    assert dtg.datetime == datetime(2009, 9, 9, 16, 57, tzinfo=UTC)


def test_dual_precedence_and_operating_signal() -> None:
    dtg = cable(dated("O R 141437Z NOV 07 ZDK")).dtg
    assert dtg is not None
    assert value(dtg.precedence) == ("O", "1:1-1:2")
    assert value(dtg.info_precedence) == ("R", "1:3-1:4")
    assert value(dtg.group) == ("141437Z NOV 07", "1:5-1:19")
    assert value(dtg.signals) == ("ZDK", "1:20-1:23")
    assert where(dtg) == "1:1-1:23"


def test_signals_after_the_dtg_keep_their_words() -> None:
    dtg = cable(dated("R 151414Z MAY 09 ZDS CTG RUEHSD 0020 1580042")).dtg
    assert value(dtg.signals) == ("ZDS CTG RUEHSD 0020 1580042", "1:18-1:45")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "prosign", "moment"),
    [
        ("0 241208Z OCT 79", "O", datetime(1979, 10, 24, 12, 8, tzinfo=UTC)),
        ("O 221448Z APR 85", "O", datetime(1985, 4, 22, 14, 48, tzinfo=UTC)),
        ("R 020000Z JAN 73", "R", datetime(1973, 1, 2, 0, 0, tzinfo=UTC)),
        ("P 251905Z FEB 10", "P", datetime(2010, 2, 25, 19, 5, tzinfo=UTC)),
        ("R 291420Z FEB 08", "R", datetime(2008, 2, 29, 14, 20, tzinfo=UTC)),
    ],
)
def test_dtg_prosign_and_century(line: str, prosign: str, moment: datetime) -> None:
    dtg = cable(dated(line)).dtg
    assert dtg is not None
    assert dtg.prosign == prosign
    assert dtg.datetime == moment
    assert value(dtg.precedence) == (line[0], "1:1-1:2")


def test_impossible_date_still_parses_and_has_no_datetime() -> None:
    dtg = cable(dated("P 311200Z FEB 09")).dtg
    assert dtg is not None
    assert value(dtg.group) == ("311200Z FEB 09", "1:3-1:17")
    assert dtg.datetime is None


@pytest.mark.parametrize(
    ("line", "address", "post"),
    [
        ("FM AMEMBASSY TEL AVIV", "AMEMBASSY TEL AVIV", "TEL AVIV"),
        ("FM AMCONSUL RIO DE JANEIRO", "AMCONSUL RIO DE JANEIRO", "RIO DE JANEIRO"),
        ("FM USMISSION UNVIE VIENNA", "USMISSION UNVIE VIENNA", "UNVIE VIENNA"),
        ("FM USMISSION USUN NEW YORK", "USMISSION USUN NEW YORK", "USUN NEW YORK"),
        ("FM SECSTATE WASHDC", "SECSTATE WASHDC", "STATE"),
        ("FM IRAN RPO DUBAI", "IRAN RPO DUBAI", "RPO DUBAI"),
    ],
)
def test_originator_address_and_post(line: str, address: str, post: str) -> None:
    text = f"P 091657Z SEP 09\n{line}\nTO SECSTATE WASHDC\n{CLASSIFICATION}{FRONT}"
    originator = cable(text).originator
    assert originator is not None
    assert value(originator.address) == (address, f"2:4-2:{len(line) + 1}")
    assert where(originator) == f"2:1-2:{len(line) + 1}"
    assert originator.post == post


ACP = """\
VZCZCXRO1106
PP RUEHDBU
DE RUEHRL #1106/01 2521657
ZNY CCCCC ZZH
P 091657Z SEP 09
FM AMEMBASSY BERLIN
"""


def test_addressee_lists_with_indicators_words_and_sequence_numbers() -> None:
    parsed = cable(
        ACP,
        """
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        RUEKJCS/SECDEF WASHDC
        INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY
        RUEHFR/AMEMBASSY PARIS NIACT IMMEDIATE 0815
        RHEHAAA/WHITE HOUSE WASHINGTON DC//NSC// PRIORITY
        """,
        CLASSIFICATION,
        FRONT,
    )
    assert [entry(a) for a in parsed.to] == [
        (
            ("RUEHC", "7:4-7:9"),
            ("SECSTATE WASHDC", "7:10-7:25"),
            ("PRIORITY", "7:26-7:34"),
            ("5130", "7:35-7:39"),
            "7:4-7:39",
        ),
        (("RUEKJCS", "8:1-8:8"), ("SECDEF WASHDC", "8:9-8:22"), None, None, "8:1-8:22"),
    ]
    assert [entry(a) for a in parsed.info] == [
        (
            ("RUEHZL", "9:6-9:12"),
            ("EUROPEAN POLITICAL COLLECTIVE", "9:13-9:42"),
            ("PRIORITY", "9:43-9:51"),
            None,
            "9:6-9:51",
        ),
        (
            ("RUEHFR", "10:1-10:7"),
            ("AMEMBASSY PARIS", "10:8-10:23"),
            ("NIACT IMMEDIATE", "10:24-10:39"),
            ("0815", "10:40-10:44"),
            "10:1-10:44",
        ),
        (
            ("RHEHAAA", "11:1-11:8"),
            ("WHITE HOUSE WASHINGTON DC//NSC//", "11:9-11:41"),
            ("PRIORITY", "11:42-11:50"),
            None,
            "11:1-11:50",
        ),
    ]
    assert {a.list for a in parsed.to} == {"to"}
    assert {a.list for a in parsed.info} == {"info"}
    assert parsed.addressees == parsed.to + parsed.info
    # The keyword shares its line with the first entry by design: not a merged line.
    assert parsed.merged == ()


def test_dtg_first_addressees_without_indicators() -> None:
    parsed = cable(
        """
        O 221448Z APR 85
        FM AMEMBASSY BEIRUT
        TO SECSTATE WASHDC IMMEDIATE 2743
        INFO AMEMBASSY AMMAN PRIORITY
        USMISSION USUN NEW YORK
        ZEN/AMCONSUL CHENGDU
        C O N F I D E N T I A L BEIRUT 02370
        """,
        FRONT,
    )
    assert [entry(a) for a in parsed.to] == [
        (
            None,
            ("SECSTATE WASHDC", "3:4-3:19"),
            ("IMMEDIATE", "3:20-3:29"),
            ("2743", "3:30-3:34"),
            "3:4-3:34",
        )
    ]
    assert [entry(a) for a in parsed.info] == [
        (None, ("AMEMBASSY AMMAN", "4:6-4:21"), ("PRIORITY", "4:22-4:30"), None, "4:6-4:30"),
        (None, ("USMISSION USUN NEW YORK", "5:1-5:24"), None, None, "5:1-5:24"),
        (("ZEN", "6:1-6:4"), ("AMCONSUL CHENGDU", "6:5-6:21"), None, None, "6:1-6:21"),
    ]


def test_sequence_number_between_double_slashes() -> None:
    parsed = cable(
        "O 221448Z APR 92\nFM AMCONSUL IZMIR\nTO AMEMBASSY ANKARA//6318//\n",
        CLASSIFICATION,
        FRONT,
    )
    (only,) = parsed.to
    assert value(only.address) == ("AMEMBASSY ANKARA", "3:4-3:20")
    assert value(only.mcn) == ("6318", "3:22-3:26")
    assert where(only) == "3:4-3:28"


def test_two_addressees_on_one_ocr_line() -> None:
    parsed = cable(
        ACP,
        "TO RUEHC/SECSTATE WASHDC 4932\n",
        "INFO RUEHKO/AMEMBASSY TOKYO 1453 RUEHUL/AMEMBASSY SEOUL 0437\n",
        CLASSIFICATION,
        FRONT,
    )
    assert [entry(a) for a in parsed.info] == [
        (
            ("RUEHKO", "8:6-8:12"),
            ("AMEMBASSY TOKYO", "8:13-8:28"),
            None,
            ("1453", "8:29-8:33"),
            "8:6-8:33",
        ),
        (
            ("RUEHUL", "8:34-8:40"),
            ("AMEMBASSY SEOUL", "8:41-8:56"),
            None,
            ("0437", "8:57-8:61"),
            "8:34-8:61",
        ),
    ]
    (merged,) = parsed.merged
    assert (merged.element, merged.after, str(merged.span)) == (
        "addressee",
        "addressee",
        "8:34-8:61",
    )


def test_exempted_addressees() -> None:
    parsed = cable(
        ACP,
        """
        TO RUEHC/SECSTATE WASHDC 4932
        XMT AMCONSUL JOHANNESBURG
        AMCONSUL DURBAN
        """,
        CLASSIFICATION,
        FRONT,
    )
    assert [entry(a) for a in parsed.exempted] == [
        (None, ("AMCONSUL JOHANNESBURG", "8:5-8:26"), None, None, "8:5-8:26"),
        (None, ("AMCONSUL DURBAN", "9:1-9:16"), None, None, "9:1-9:16"),
    ]
    assert {a.list for a in parsed.exempted} == {"xmt"}


def test_exempted_addressee_after_a_slash() -> None:
    parsed = cable(
        ACP, "TO RUEHC/SECSTATE WASHDC 4932\nXMT/AMEMBASSY SOFIA\n", CLASSIFICATION, FRONT
    )
    assert [value(a.address) for a in parsed.exempted] == [("AMEMBASSY SOFIA", "8:5-8:20")]


def test_list_keyword_alone_on_its_line() -> None:
    parsed = cable(
        """
        R 101200Z MAR 95
        FM SECSTATE WASHDC
        TO
        AMEMBASSY PARIS

        INFO
        AMEMBASSY LONDON
        UNCLAS STATE 019130
        """,
        FRONT,
    )
    assert [value(a.address) for a in parsed.to] == [("AMEMBASSY PARIS", "4:1-4:16")]
    assert [value(a.address) for a in parsed.info] == [("AMEMBASSY LONDON", "7:1-7:17")]


def test_addressees_without_to_keyword_are_action_addressees() -> None:
    parsed = cable(
        "R 101200Z MAR 03\nFM SECSTATE WASHDC\nAMEMBASSY PARIS\nAMEMBASSY ROME\n",
        "UNCLAS STATE 034981\n",
        FRONT,
    )
    assert [value(a.address) for a in parsed.to] == [
        ("AMEMBASSY PARIS", "3:1-3:16"),
        ("AMEMBASSY ROME", "4:1-4:15"),
    ]


def test_received_copy_page_header_inside_the_list_is_not_an_addressee() -> None:
    parsed = cable(
        ACP,
        """
        TO RUEHC/SECSTATE WASHDC 4932
        INFO RUEHFR/AMEMBASSY PARIS 1234
        INFO PAGE 02        STATE   037566  161435Z
        RUEHLO/AMEMBASSY LONDON 5678
        """,
        CLASSIFICATION,
        FRONT,
    )
    assert [a.address.text for a in parsed.info] == ["AMEMBASSY PARIS", "AMEMBASSY LONDON"]
    (page,) = parsed.foreign_lines
    assert (page.kind, where(page)) == ("page-header", "9:1-9:44")
