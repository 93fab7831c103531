"""Parser: archive layouts (ENVELOPE.md 2.0, section 4): partial extracts, distribution blocks,
weekday lines, mail-forwarded copies, duplicated headers, repeats, full ACP-127 form."""

from __future__ import annotations

from validator.parse import parse
from validator.source import Source

from .parsing import FRONT, cable, exact, findings, value, where
from .parsing import parse as parse_snippet

BANNER = (
    "This record is a partial extract of the original cable. "
    "The full text of the original cable is not available."
)


def preamble(parsed: object) -> list[tuple[str, str | None]]:
    return [(line.kind, where(line)) for line in parsed.preamble]  # type: ignore[attr-defined]


def test_partial_extract() -> None:
    parsed = cable(
        BANNER,
        "\n\n",
        """
        C O N F I D E N T I A L SOFIA 001388

        SIPDIS

        DEPT FOR EUR/NCE AND INL

        """,
        FRONT,
        "\n1. (C) Summary: text.\n",
    )
    assert parsed.layout == "partial-extract"
    assert parsed.is_partial_extract
    assert preamble(parsed) == [("partial-extract", "1:1-1:110")]
    assert where(parsed.classification) == "3:1-3:37"
    assert parsed.dtg is None and parsed.originator is None and parsed.to == ()
    assert where(parsed.eo) == "9:1-9:29"
    assert [(p.number.text, value(p.marking)) for p in parsed.paragraphs] == [
        ("1", ("C", "13:5-13:6"))
    ]


def test_partial_extract_with_a_bare_dtg() -> None:
    parsed = cable(BANNER, "\n\n\n171622Z Oct 03\nC O N F I D E N T I A L ANKARA 000348\n", FRONT)
    assert preamble(parsed) == [("partial-extract", "1:1-1:110"), ("bare-dtg", "4:1-4:15")]
    assert where(parsed.classification) == "5:1-5:38"


def test_distribution_block_and_receipt_line_before_the_dtg() -> None:
    parsed = cable(
        """
        INFO  LOG-00   EEB-00   AF-00    AID-00   A-00     ACQ-00   CCO-00
              INL-00   DODE-00  PM-00    SANA-00    /000W
                          ------------------4AA75D 160119Z /38

        O 160113Z SEP 09
        FM AMEMBASSY WARSAW
        TO SECSTATE WASHDC IMMEDIATE 1234
        C O N F I D E N T I A L WARSAW 000964
        """,
        FRONT,
    )
    assert parsed.layout == "dtg-first"
    assert preamble(parsed) == [
        ("distribution", "1:1-1:67"),
        ("distribution", "2:7-2:50"),
        ("distribution", "3:19-3:55"),
    ]
    assert value(parsed.dtg.group) == ("160113Z SEP 09", "5:3-5:17")  # type: ignore[union-attr]


def test_received_copy_action_office_and_printer_page_header() -> None:
    parsed = cable(
        """
        PAGE 01        USUN N  02987  01 OF 02  160117Z
        ACTION IO-19

        INFO  LOG-00   AF-00    /019R
        ------------------4AA75D  160119Z /38
        O 160113Z JUL 92
        FM USMISSION USUN NEW YORK
        TO SECSTATE WASHDC IMMEDIATE 2495
        C O N F I D E N T I A L USUN NEW YORK 02987
        """,
        FRONT,
    )
    assert [kind for kind, _ in preamble(parsed)] == [
        "page-header",
        "distribution",
        "distribution",
        "distribution",
    ]
    assert value(parsed.classification.post) == ("USUN NEW YORK", "9:25-9:38")  # type: ignore[union-attr]


ACP = """\
VZCZCXRO3390
OO RUEHDA
DE RUEHAK #1702/01 3210942
ZNY CCCCC ZZH
O 170942Z NOV 09
FM AMEMBASSY ANKARA
TO RUEHC/SECSTATE WASHDC IMMEDIATE 1193
INFO RUEHYE/AMEMBASSY YEREVAN PRIORITY 2280
"""


def test_weekday_line_after_the_addressees() -> None:
    parsed = cable(
        ACP, "Tuesday, 17 November 2009, 09:42\n", "C O N F I D E N T I A L ANKARA 001702\n", FRONT
    )
    (line,) = parsed.foreign_lines
    assert (line.kind, value(line.text)) == (
        "weekday",
        ("Tuesday, 17 November 2009, 09:42", "9:1-9:33"),
    )
    assert where(parsed.classification) == "10:1-10:38"


def test_archive_metadata_block_after_the_addressees() -> None:
    parsed = cable(
        ACP,
        """
        ID: 190648
        ORIGIN: 09ANKARA1702
        DATE: 2009-11-17 09:42:00
        SOURCE: Embassy Ankara
        CLASSIFICATION: CONFIDENTIAL

        C O N F I D E N T I A L ANKARA 001702
        """,
        FRONT,
    )
    assert [(line.kind, where(line)) for line in parsed.foreign_lines] == [
        ("foreign", f"{n}:1-{n}:{end}")
        for n, end in ((9, 11), (10, 21), (11, 26), (12, 23), (13, 29))
    ]
    assert where(parsed.classification) == "15:1-15:38"


def test_duplicated_header_of_the_archive_is_foreign_text() -> None:
    parsed = cable(
        """
        O 130854Z AUG 09
        FM AMEMBASSY ULAANBAATAR
        TO SECSTATE WASHDC IMMEDIATE 2981
        INFO AMEMBASSY BEIJING PRIORITY
        >
        8/13/2009 8:54
        09ULAANBAATAR234
        Embassy Ulaanbaatar
        SECRET

        O 130854Z AUG 09
        FM AMEMBASSY ULAANBAATAR
        TO SECSTATE WASHDC IMMEDIATE 2981
        INFO AMEMBASSY BEIJING PRIORITY
        TAGS: PREL PGOV MOPS KNNP MG
        SUBJECT: MONGOLIA'S CONSULTATIONS WITH DPRK VICE FOREIGN

        S e c r e t ulaanbaatar 000234

        E.o. 12958: decl: 08/13/2034
        Tags: prel, pgov, mops, knnp, mg
        Subject: mongolia's consultations with dprk vice foreign
        minister kim
        """,
    )
    assert where(parsed.dtg) == "1:1-1:17"
    assert [a.address.text for a in parsed.addressees] == ["SECSTATE WASHDC", "AMEMBASSY BEIJING"]
    assert len(parsed.foreign_lines) == 11
    assert value(parsed.classification.level) == ("S e c r e t", "18:1-18:12")  # type: ignore[union-attr]
    assert value(parsed.tags.keyword) == ("Tags", "21:1-21:5")  # type: ignore[union-attr]


def test_mail_forwarded_copy_reads_the_message_not_the_mail_header() -> None:
    parsed = cable(
        """
        null
        Diana T Fritz  12/06/2006 06:10:04 PM  From  DB/Inbox:  Search Results

        Cable
        Text:

        UNCLAS        DUBAI 00094

        SIPDIS
        CXABU:
            ACTION: RSO
            INFO:   DCM GSO ESC AMB
        DISSEMINATION: RSO
        CHARGE: PROG

        VZCZCADO294
        PP RUEHAD
        DE RUEHDE #0094 0081345
        ZNR UUUUU ZZH
        P 081345Z JAN 05
        FM AMCONSUL DUBAI
        TO RUEHC/SECSTATE WASHDC PRIORITY 0794
        INFO RUEHAD/AMEMBASSY ABU DHABI PRIORITY 0474
        UNCLAS DUBAI 000094
        """,
        "\nSIPDIS\n\n",
        FRONT,
    )
    assert parsed.layout == "acp127"
    assert {kind for kind, _ in preamble(parsed)} == {"mail"}
    assert len(parsed.preamble) == 11
    assert value(parsed.transmission.sequence) == ("294", "16:9-16:12")  # type: ignore[union-attr]
    assert where(parsed.classification) == "24:1-24:20"
    assert value(parsed.classification.serial) == ("000094", "24:14-24:20")  # type: ignore[union-attr]


def test_repeated_message_quotes_the_original_classification_line() -> None:
    parsed = cable(
        """
        O 210935Z DEC 89
        FM SECSTATE WASHDC
        INFO ALL AMERICAN REPUBLIC DIPLOMATIC POSTS IMMEDIATE
        C O N F I D E N T I A L STATE 405134

        FOLLOWING USUN NEW YORK 03993 DATED 12/21/89 SENT ACTION SECSTATE
        INFO UN SECURITY COUNCIL COLLECTIVE BEING REPEATED FOR YOUR INFO:

        QUOTE C O N F I D E N T I A L USUN NEW YORK 03993

        DEPT PLEASE PASS TO OAS COLLECTIVE IMMEDIATELY

        E.O. 12356: DECL:OADR
        TAGS: PREL, UN, OAS, XM
        SUBJECT: TFPM02:  SECURITY COUNCIL MEETING ON PANAMA
        """,
    )
    assert value(parsed.classification.serial) == ("405134", "4:31-4:37")  # type: ignore[union-attr]
    assert [value(line.text)[1] for line in parsed.passing_lines] == [  # type: ignore[index]
        "6:1-6:66",
        "7:1-7:66",
        "9:1-9:50",
        "11:1-11:47",
    ]
    assert where(parsed.eo) == "13:1-13:22"
    assert [a.list for a in parsed.addressees] == ["info"]


def test_full_acp_form_with_bt_before_the_text() -> None:
    parsed = cable(
        """
        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1106/01 2521657
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        BT
        C O N F I D E N T I A L BERLIN 001106
        """,
        FRONT,
        "\n¶1. (C) Text.\n\nMURPHY\nBT\n#1106\nNNNN\n",
    )
    assert where(parsed.classification) == "9:1-9:38"
    assert value(parsed.end.serial) == ("1106", "18:2-18:6")


def test_line_ends_and_encodings_do_not_move_any_span() -> None:
    text = ACP + "C O N F I D E N T I A L ANKARA 001702\n" + FRONT + "\n¶1. (C) Text.\n"
    expected = exact(text)
    for data in (
        text.replace("\n", "\r\n").encode(),
        b"\xef\xbb\xbf" + text.encode(),
        text.replace("\n", "\r").encode("cp1252"),
    ):
        parsed = parse(Source.from_bytes(data))
        assert findings(parsed) == []
        assert [str(p.span) for p in parsed.cable.paragraphs] == [
            str(p.span) for p in expected.paragraphs
        ]
        assert str(parsed.cable.eo.span) == str(expected.eo.span)  # type: ignore[union-attr]
        assert str(parsed.cable.info[0].span) == str(expected.info[0].span)


def test_text_without_any_envelope() -> None:
    result = parse_snippet("¶1. (C) Just a paragraph.\n")
    assert result.cable.layout == "headerless"
    assert findings(result) == [("E103", "1:1-1:8")] + [("E102", "1:26-1:26")] * 4
    assert [d.message for d in result.diagnostics[1:]] == [
        "E.O. line missing",
        "SUBJECT line missing",
        "TAGS line missing",
        "classification line missing",
    ]


def test_span_over_several_lines_ends_after_its_last_character() -> None:
    source = Source.from_text("ab\ncde\nfg\n")
    assert str(source.span(0, 6)) == "1:1-2:4"
    assert str(source.span(1, 9)) == "1:2-3:3"
    assert str(source.span(4, 5)) == "2:2-2:3"
