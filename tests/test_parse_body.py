"""Parser: body markers (ENVELOPE.md 2.19-2.21): paragraphs and markings, page lines, end lines."""

from __future__ import annotations

import pytest

from validator.model import Paragraph

from .parsing import DTG_FIRST, FRONT, cable, value, where

HEAD = DTG_FIRST.replace("BERLIN 001106", "SECTION 01 OF 03 BERLIN 001106") + FRONT + "\n"
BODY = 9  # first body line


def paragraph(line: str) -> Paragraph:
    (found,) = cable(HEAD, line + "\n").paragraphs
    return found


def at(line: str, text: str, after: int = 0) -> tuple[str, str]:
    start = line.index(text, after) + 1
    return text, f"{BODY}:{start}-{BODY}:{start + len(text)}"


@pytest.mark.parametrize(
    ("line", "sign", "number", "marking", "end"),
    [
        ("¶1. (C) The Chancellor said.", "¶", "1", "C", 8),
        ("¶12. (S/NF) Text.", "¶", "12", "S/NF", 12),
        ("¶2. C) Missing parenthesis.", "¶", "2", "C", 7),
        ("1.(S) No space.", None, "1", "S", 6),
        ("1.  (C)  Two blanks.", None, "1", "C", 8),
        ("¶5.  (S/NF) Two spaces.", "¶", "5", "S/NF", 12),
        ("¶3. (S//NF) Text.", "¶", "3", "S//NF", 12),
        ("¶4. (C//REL ISAF) Text.", "¶", "4", "C//REL ISAF", 18),
        ("¶6. (C/Rel Aus) Text.", "¶", "6", "C/Rel Aus", 16),
        ("¶7. (C NF) Text.", "¶", "7", "C NF", 11),
        ("¶8. (S-NF) Text.", "¶", "8", "S-NF", 11),
        ("¶9. (s/nf) lower case.", "¶", "9", "s/nf", 11),
        ("¶10. (S//REL TO USA, FVEY) Text.", "¶", "10", "S//REL TO USA, FVEY", 27),
        ("¶11. (SBU) Text.", "¶", "11", "SBU", 11),
        ("2.  (LOU) Text.", None, "2", "LOU", 10),
        ("¶1. (TS) Text.", "¶", "1", "TS", 9),
        ("¶1. (C/NOFORN) Text.", "¶", "1", "C/NOFORN", 15),
        ("¶3. Unmarked text.", "¶", "3", None, 4),
    ],
)
def test_paragraph_number_and_marking(
    line: str, sign: str | None, number: str, marking: str | None, end: int
) -> None:
    found = paragraph(line)
    assert value(found.sign) == (at(line, sign) if sign else None)
    assert value(found.number) == at(line, number)
    assert found.number_value == int(number)
    assert value(found.marking) == (at(line, marking) if marking else None)
    assert not found.whole_text
    assert where(found) == f"{BODY}:1-{BODY}:{end}"


def test_ocr_paragraph_sign_written_as_latex() -> None:
    line = " $\\P 1$. (U) This cable reports on western Georgia."
    found = paragraph(line)
    assert value(found.sign) == ("$\\P ", f"{BODY}:2-{BODY}:6")
    assert value(found.number) == ("1", f"{BODY}:6-{BODY}:7")
    assert value(found.marking) == ("U", f"{BODY}:11-{BODY}:12")
    assert where(found) == f"{BODY}:2-{BODY}:13"


@pytest.mark.parametrize(
    ("line", "level", "end"),
    [
        ("1.  CONFIDENTIAL - ENTIRE TEXT.", "CONFIDENTIAL", 31),
        ("1. SECRET - ENTIRE TEXT.", "SECRET", 24),
        ("1. (C - ENTIRE TEXT).", "C", 20),
        ("1. C-ENTIRE TEXT.", "C", 17),
        ("1.  C O N F I D E N T I A L- ENTIRE TEXT.", "C O N F I D E N T I A L", 41),
        ("1.  CONFIDENTLAL -- ENTIRE TEXT.", "CONFIDENTLAL", 32),
        ("1. LIMITED OFFICIAL USE -- ENTIRE TEXT", "LIMITED OFFICIAL USE", 39),
        (
            "1. (SECRET/NOFORN/WNINTEL/NO CONTRACT/ORCON-ENTIRE TEXT)",
            "SECRET/NOFORN/WNINTEL/NO CONTRACT/ORCON",
            56,
        ),
    ],
)
def test_whole_text_marking(line: str, level: str, end: int) -> None:
    found = paragraph(line)
    assert found.whole_text
    assert value(found.marking) == at(line, level)
    assert where(found) == f"{BODY}:1-{BODY}:{end}"


def test_paragraphs_in_reading_order_after_a_whole_text_marking() -> None:
    """Unmarked paragraphs follow the whole-text marking; a wrapped line that starts with a
    number and a period reads as a paragraph (the numbering rules judge it)."""
    parsed = cable(
        HEAD,
        """
        1.  CONFIDENTIAL - ENTIRE TEXT.

        2.  SUMMARY:  FUEL DELIVERIES HAVE FALLEN.
        SINCE AUGUST 1, MOST OF WEST BEIRUT HAS POWER
        12. MILLION LITERS WERE DELIVERED IN JULY.

        3.  THE DIRECTOR GENERAL SAID.
        """,
    )
    assert [(p.number_value, p.whole_text, value(p.marking)) for p in parsed.paragraphs] == [
        (1, True, ("CONFIDENTIAL", "9:5-9:17")),
        (2, False, None),
        (12, False, None),
        (3, False, None),
    ]


def test_year_at_the_start_of_a_wrapped_line_is_not_a_paragraph() -> None:
    parsed = cable(HEAD, "¶1. (C) The coalition agreement of\n¶2013. The Chancellor said.\n")
    assert [p.number.text for p in parsed.paragraphs] == ["1"]


@pytest.mark.parametrize(
    ("line", "post", "section", "page", "gap"),
    [
        ("BERLIN 00001106 002 OF 003", "BERLIN", "002", None, 1),
        ("BERLIN 00001106  002 OF 003", "BERLIN", "002", None, 2),
        ("BERLIN 00001106 002.2 OF 003", "BERLIN", "002", "2", 1),
        ("BERLIN 00001106  001.2 OF 003", "BERLIN", "001", "2", 2),
        ("BUENOS AIR 00001417 003 OF 003", "BUENOS AIR", "003", None, 1),
        ("UNVIE VIEN 00000611 002 OF 003", "UNVIE VIEN", "002", None, 1),
    ],
)
def test_page_continuation_lines(
    line: str, post: str, section: str, page: str | None, gap: int
) -> None:
    parsed = cable(HEAD, "¶1. (C) Text.\n", line + " \n", "¶2. (C) More.\n")
    (found,) = parsed.pages
    serial_start = len(post) + 2
    section_start = serial_start + 8 + gap
    assert value(found.post) == (post, f"10:1-10:{len(post) + 1}")
    assert value(found.serial) == (
        line[serial_start - 1 : serial_start + 7],
        f"10:{serial_start}-10:{serial_start + 8}",
    )
    assert value(found.section) == (section, f"10:{section_start}-10:{section_start + 3}")
    assert value(found.page) == (
        (page, f"10:{section_start + 4}-10:{section_start + 5}") if page else None
    )
    assert value(found.sections) == ("003", f"10:{len(line) - 2}-10:{len(line) + 1}")
    assert where(found) == f"10:1-10:{len(line) + 1}"
    assert [p.number.text for p in parsed.paragraphs] == ["1", "2"]


def test_end_lines_after_the_signature() -> None:
    parsed = cable(HEAD, "¶1. (C) Text.\n\nMURPHY\nBT\n#1106\nNNNN\n")
    end = parsed.end
    assert value(end.bt) == ("BT", "12:1-12:3")
    assert value(end.serial) == ("1106", "13:2-13:6")
    assert value(end.nnnn) == ("NNNN", "14:1-14:5")


def test_end_of_message_with_a_glued_tape_id() -> None:
    parsed = cable(HEAD, "¶1. (C) Text.\nGILLESPIE\nNNNNPTQ8737\n")
    assert value(parsed.end.nnnn) == ("NNNNPTQ8737", "11:1-11:12")
    assert parsed.end.bt is None and parsed.end.serial is None


def test_no_end_lines_in_an_archive_copy() -> None:
    parsed = cable(HEAD, "¶1. (C) Text.\n\nMURPHY\n")
    assert parsed.end.bt is parsed.end.serial is parsed.end.nnnn is None
