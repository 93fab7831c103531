"""Parser: every E.O. line variant of ENVELOPE.md 2.14 (values, dates, exact spans)."""

from __future__ import annotations

from datetime import date

import pytest

from .parsing import DTG_FIRST, cable, value, where

LINE = 5  # the E.O. line follows the 4 lines of DTG_FIRST


def at(line: str, text: str, after: str = "") -> tuple[str, str]:
    """`text` as a field of `line`: its first occurrence after the prefix `after`."""
    start = line.index(text, len(after)) + 1
    return text, f"{LINE}:{start}-{LINE}:{start + len(text)}"


def eo_line(line: str) -> object:
    parsed = cable(DTG_FIRST, line + "\nTAGS: PGOV GM\nSUBJECT: X\n")
    assert parsed.eo is not None
    assert where(parsed.eo) == f"{LINE}:1-{LINE}:{len(line) + 1}"
    return parsed.eo


@pytest.mark.parametrize(
    ("line", "keyword", "order", "instruction", "decl_keyword", "written", "day"),
    [
        ("E.O. 12958: DECL: 09/09/2019", "E.O.", "12958", "DECL: 09/09/2019", "DECL", "09/09/2019",
         date(2019, 9, 9)),
        ("EO 12958 DECL: 02/19/2014", "EO", "12958", "DECL: 02/19/2014", "DECL", "02/19/2014",
         date(2014, 2, 19)),
        ("E.0. 12958: DECL: 09/09/2019", "E.0.", "12958", "DECL: 09/09/2019", "DECL",
         "09/09/2019", date(2019, 9, 9)),
        ("E.O.12958: DECL: 09/09/2019", "E.O.", "12958", "DECL: 09/09/2019", "DECL", "09/09/2019",
         date(2019, 9, 9)),
        ("E.o. 12958: decl: 01/07/2014", "E.o.", "12958", "decl: 01/07/2014", "decl", "01/07/2014",
         date(2014, 1, 7)),
        ("E.O 12958: DECL: 9/9/2019", "E.O", "12958", "DECL: 9/9/2019", "DECL", "9/9/2019",
         date(2019, 9, 9)),
        ("E. O. 12958: DECL: 09/09/2019", "E. O.", "12958", "DECL: 09/09/2019", "DECL",
         "09/09/2019", date(2019, 9, 9)),
        ("E.O.: 12958: DECL: 09/09/2019", "E.O.:", "12958", "DECL: 09/09/2019", "DECL",
         "09/09/2019", date(2019, 9, 9)),
        ("E.O. 12958: DECL: (12/3/2006)", "E.O.", "12958", "DECL: (12/3/2006)", "DECL",
         "12/3/2006", date(2006, 12, 3)),
        ("E.O. 12958: Declassify on 8/31/2034", "E.O.", "12958", "Declassify on 8/31/2034",
         "Declassify on", "8/31/2034", date(2034, 8, 31)),
        ("E.O. 12958: DNG: CO 04/08/2026", "E.O.", "12958", "DNG: CO 04/08/2026", "DNG: CO",
         "04/08/2026", date(2026, 4, 8)),
        ("E.O. 12958: DECL: 2019/09/09", "E.O.", "12958", "DECL: 2019/09/09", "DECL", "2019/09/09",
         date(2019, 9, 9)),
        ("E.O. 12958: DECL: 10/15/08", "E.O.", "12958", "DECL: 10/15/08", "DECL", "10/15/08",
         date(2008, 10, 15)),
        ("E.O. 12958: DECL 10/15/08", "E.O.", "12958", "DECL 10/15/08", "DECL", "10/15/08",
         date(2008, 10, 15)),
        ("E.O. 12958: DECL: 3/5/09", "E.O.", "12958", "DECL: 3/5/09", "DECL", "3/5/09",
         date(2009, 3, 5)),
        ("E.O.  12958:  DECL:  10/15/2005", "E.O.", "12958", "DECL:  10/15/2005", "DECL",
         "10/15/2005", date(2005, 10, 15)),
        ("E.O. 12958: DECL: 10/15/2008;", "E.O.", "12958", "DECL: 10/15/2008;", "DECL",
         "10/15/2008", date(2008, 10, 15)),
        ("E.O. 12958: 03/24/2019", "E.O.", "12958", "03/24/2019", None, "03/24/2019",
         date(2019, 3, 24)),
        ("E.O. 12958: DECL: (OCTOBER 20, 2007)", "E.O.", "12958", "DECL: (OCTOBER 20, 2007)",
         "DECL", "OCTOBER 20, 2007", date(2007, 10, 20)),
        ("E.O. 13526: DECL: 08/12/2020", "E.O.", "13526", "DECL: 08/12/2020", "DECL", "08/12/2020",
         date(2020, 8, 12)),
        ("E.O. 12598: DECL: 03/01/2020", "E.O.", "12598", "DECL: 03/01/2020", "DECL", "03/01/2020",
         date(2020, 3, 1)),
    ],
)  # fmt: skip
def test_declassification_date_forms(
    line: str,
    keyword: str,
    order: str,
    instruction: str,
    decl_keyword: str | None,
    written: str,
    day: date,
) -> None:
    eo = eo_line(line)
    assert value(eo.keyword) == at(line, keyword)  # type: ignore[attr-defined]
    assert value(eo.order) == at(line, order)  # type: ignore[attr-defined]
    assert value(eo.instruction) == at(line, instruction, f"{keyword} {order}")  # type: ignore[attr-defined]
    decl = value(eo.decl_keyword)  # type: ignore[attr-defined]
    assert decl == (at(line, decl_keyword, keyword) if decl_keyword else None)
    assert value(eo.decl_date) == at(line, written, f"{keyword} {order}")  # type: ignore[attr-defined]
    assert not eo.not_applicable  # type: ignore[attr-defined]
    assert eo.code is None and eo.free_text is None  # type: ignore[attr-defined]
    assert eo.declassification_date == day  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("line", "order", "code", "code_date", "day"),
    [
        ("E.O. 12356:  DECL:  OADR", "12356", "OADR", None, None),
        ("E.O. 12356: DECL:OADR", "12356", "OADR", None, None),
        ("E.O. 12356: DEC;:OADR", "12356", "OADR", None, None),
        ("E.O. 12356; DECL: OADR", "12356", "OADR", None, None),
        ("E.O. 12356: OADR", "12356", "OADR", None, None),
        ("E.O. 12356: OADR: DECL", "12356", "OADR: DECL", None, None),
        ("E.O. 12958: DECL: OADR 1.6X5", "12958", "OADR 1.6X5", None, None),
        ("E.O. 12958: DECL: (X1)", "12958", "(X1)", None, None),
        ("E.O. 12958: DECL: MR", "12958", "MR", None, None),
        ("E.O. 11652: GDS", "11652", "GDS", None, None),
        ("E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P", "12065", "GDS", "8/12/85",
         date(1985, 8, 12)),
    ],
)  # fmt: skip
def test_codes_of_the_older_orders_and_exemptions(
    line: str, order: str, code: str, code_date: str | None, day: date | None
) -> None:
    eo = eo_line(line)
    assert value(eo.order) == at(line, order)  # type: ignore[attr-defined]
    assert value(eo.code) == at(line, code, f"E.O. {order}")  # type: ignore[attr-defined]
    dated = value(eo.code_date)  # type: ignore[attr-defined]
    assert dated == (at(line, code_date) if code_date else None)
    assert eo.decl_date is None and eo.free_text is None  # type: ignore[attr-defined]
    assert not eo.not_applicable  # type: ignore[attr-defined]
    assert eo.declassification_date == day  # type: ignore[attr-defined]


def test_e_o_12065_instruction_keeps_classifier_and_office() -> None:
    line = "E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P"
    eo = eo_line(line)
    assert value(eo.instruction) == at(line, "GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("line", "written"),
    [
        ("E.O. 12958: N/A", "N/A"),
        ("E.O. 12356 N/A", "N/A"),
        ("E.O. 12356: NA", "NA"),
        ("EO 12958 N/A", "N/A"),
    ],
)
def test_not_applicable(line: str, written: str) -> None:
    eo = eo_line(line)
    assert eo.not_applicable  # type: ignore[attr-defined]
    assert value(eo.instruction) == at(line, written)  # type: ignore[attr-defined]
    assert eo.declassification_date is None  # type: ignore[attr-defined]
    assert eo.decl_date is eo.code is eo.free_text is None  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("line", "free"),
    [
        (
            "E.O. 12958: DECL: TEN YEARS AFTER KOREAN UNIFICATION",
            "DECL: TEN YEARS AFTER KOREAN UNIFICATION",
        ),
        ("EO 12958 XXXXXXXXXXXXX", "XXXXXXXXXXXXX"),
        (
            "E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006",
            "AS AMENDED; DECLASSIFIED JUNE 21, 2006",
        ),
    ],
)
def test_free_text_instruction(line: str, free: str) -> None:
    eo = eo_line(line)
    assert value(eo.free_text) == at(line, free)  # type: ignore[attr-defined]
    assert eo.declassification_date is None  # type: ignore[attr-defined]
    assert not eo.not_applicable  # type: ignore[attr-defined]


def test_empty_instruction() -> None:
    eo = eo_line("E.O. 12356:")
    assert value(eo.free_text) == ("", "5:12-5:12")  # type: ignore[attr-defined]
    assert eo.instruction.text == ""  # type: ignore[attr-defined]


def test_impossible_declassification_date_is_read_but_not_dated() -> None:
    eo = eo_line("E.O. 12958: DECL: 02/30/2019")
    assert value(eo.decl_date) == ("02/30/2019", "5:19-5:29")  # type: ignore[attr-defined]
    assert eo.declassification_date is None  # type: ignore[attr-defined]


def test_tags_on_the_eo_line() -> None:
    parsed = cable(DTG_FIRST, "E.O. 12958: N/A TAGS: PGOV KZ\nSUBJECT: ALMATY NOTES\n")
    assert where(parsed.eo) == "5:1-5:16"
    assert parsed.eo is not None and parsed.eo.not_applicable
    assert parsed.tags is not None
    assert where(parsed.tags) == "5:17-5:30"
    assert value(parsed.tags.keyword) == ("TAGS", "5:17-5:21")
    assert [value(code) for code in parsed.tags.codes] == [
        ("PGOV", "5:23-5:27"),
        ("KZ", "5:28-5:30"),
    ]
    assert [(m.element, m.after, str(m.span)) for m in parsed.merged] == [
        ("TAGS line", "E.O. line", "5:17-5:30")
    ]


def test_tag_keyword_without_s_on_the_eo_line() -> None:
    line = "EO 12958 DECL: 03/20/2019 TAG PTER, PGOV, SW"
    parsed = cable(DTG_FIRST, line + "\nSUBJECT: X\n")
    assert where(parsed.eo) == "5:1-5:26"
    assert parsed.tags is not None
    assert value(parsed.tags.keyword) == at(line, "TAG")
    assert [code.text for code in parsed.tags.codes] == ["PTER", "PGOV", "SW"]


def test_eo_tags_and_subject_on_one_sentence_case_line() -> None:
    line = "E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, pins, tu Subject: turkish p.m. visit"
    parsed = cable(DTG_FIRST, line + "\n")
    assert where(parsed.eo) == "5:1-5:29"
    assert parsed.tags is not None and parsed.subject is not None
    assert value(parsed.tags.keyword) == at(line, "Tags")
    assert [value(code) for code in parsed.tags.codes] == [
        at(line, "prel"),
        at(line, "pgov"),
        at(line, "pins"),
        at(line, "tu", "E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, pins, "),
    ]
    assert value(parsed.subject.keyword) == at(line, "Subject")
    assert value(parsed.subject.text) == at(line, "turkish p.m. visit")
    assert [(m.element, m.after) for m in parsed.merged] == [
        ("TAGS line", "E.O. line"),
        ("SUBJECT line", "TAGS line"),
    ]
