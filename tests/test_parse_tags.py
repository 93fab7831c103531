"""Parser: TAGS line variants (ENVELOPE.md 2.15): keyword, separators, wraps, free words."""

from __future__ import annotations

import pytest

from .parsing import DTG_FIRST, cable, value, where

EO = "E.O. 12958: DECL: 09/09/2019\n"


def codes_of(line: str) -> list[tuple[str, str]]:
    """Each comma- or blank-separated word of a one-line TAGS list, with its span on line 6."""
    found = []
    position = line.index(" ") if ":" not in line[:6] else line.index(":") + 1
    for word in line[position:].replace(",", " ").split():
        start = line.index(word, position)
        found.append((word, f"6:{start + 1}-6:{start + len(word) + 1}"))
        position = start + len(word)
    return found


@pytest.mark.parametrize(
    ("line", "keyword"),
    [
        ("TAGS: PGOV PHUM ECON EFIN ELAB SOCI KDEM KZ", "TAGS"),
        ("TAGS PREL, PGOV, PTER, IZ, KU, SY, JO", "TAGS"),
        ("TAGS:  PGOV, PREL, LE", "TAGS"),
        ("TAGS: PREL, PGOV, ECON, KZ,", "TAGS"),
        ("Tags: prel, pgov, pins, tu", "Tags"),
        ("TAGS; PINR PREL MASS, CG CU", "TAGS"),
        ("TAGS: PTER.YM", "TAGS"),
    ],
)
def test_code_lists(line: str, keyword: str) -> None:
    parsed = cable(DTG_FIRST, EO, line + " \nSUBJECT: X\n")
    tags = parsed.tags
    assert tags is not None
    assert value(tags.keyword) == (keyword, f"6:1-6:{len(keyword) + 1}")
    assert [value(code) for code in tags.codes] == codes_of(line.rstrip(","))
    assert where(tags) == f"6:1-6:{len(line) + 1}"


def test_free_keywords_of_several_words_stay_whole() -> None:
    tags = cable(
        DTG_FIRST, EO, "TAGS: PGOV, PHUM, IN, Human Rights, Indian Domestic Politics\nSUBJECT: X\n"
    ).tags
    assert tags is not None
    assert [value(code) for code in tags.codes] == [
        ("PGOV", "6:7-6:11"),
        ("PHUM", "6:13-6:17"),
        ("IN", "6:19-6:21"),
        ("Human Rights", "6:23-6:35"),
        ("Indian Domestic Politics", "6:37-6:61"),
    ]


def test_operational_tag_with_a_person_in_parentheses() -> None:
    tags = cable(DTG_FIRST, EO, "TAGS: OVIP (CLINTON, HILLARY) PREL AS\nSUBJECT: X\n").tags
    assert tags is not None
    assert [value(code) for code in tags.codes] == [
        ("OVIP", "6:7-6:11"),
        ("(CLINTON, HILLARY)", "6:12-6:30"),
        ("PREL", "6:31-6:35"),
        ("AS", "6:36-6:38"),
    ]


def test_person_in_a_comma_separated_list() -> None:
    tags = cable(DTG_FIRST, EO, "TAGS OVIP (STEINBERG, JAMES B.), PREL, CH\nSUBJECT: X\n").tags
    assert tags is not None
    assert [code.text for code in tags.codes] == ["OVIP", "(STEINBERG, JAMES B.)", "PREL", "CH"]


def test_list_wrapped_on_codes_only() -> None:
    parsed = cable(
        DTG_FIRST,
        EO,
        "TAGS: PREL PGOV ECON EFIN ELAB SOCI KDEM KZ PHUM\nKCRM SNAR\nSUBJECT: X\n",
    )
    tags = parsed.tags
    assert tags is not None
    assert where(tags) == "6:1-7:10"
    assert [value(code) for code in tags.codes[-3:]] == [
        ("PHUM", "6:45-6:49"),
        ("KCRM", "7:1-7:5"),
        ("SNAR", "7:6-7:10"),
    ]
    assert value(parsed.subject.keyword) == ("SUBJECT", "8:1-8:8")  # type: ignore[union-attr]


def test_list_wrapped_after_a_comma() -> None:
    tags = cable(DTG_FIRST, EO, "TAGS: PREL, PGOV, ECON,\nEFIN, KZ\nSUBJECT: X\n").tags
    assert tags is not None
    assert [value(code) for code in tags.codes] == [
        ("PREL", "6:7-6:11"),
        ("PGOV", "6:13-6:17"),
        ("ECON", "6:19-6:23"),
        ("EFIN", "7:1-7:5"),
        ("KZ", "7:7-7:9"),
    ]
    assert where(tags) == "6:1-7:9"


def test_subject_on_the_tags_line() -> None:
    line = "TAGS: PGOV PHUM KDEM KZ SUBJECT: KAZAKHSTAN: ALMATY NOTES, MARCH 2-13"
    parsed = cable(DTG_FIRST, EO, line + "\n")
    tags, subject = parsed.tags, parsed.subject
    assert tags is not None and subject is not None
    assert where(tags) == "6:1-6:24"
    assert [code.text for code in tags.codes] == ["PGOV", "PHUM", "KDEM", "KZ"]
    assert value(subject.keyword) == ("SUBJECT", "6:25-6:32")
    assert value(subject.text) == ("KAZAKHSTAN: ALMATY NOTES, MARCH 2-13", "6:34-6:70")
    assert [(m.element, m.after, str(m.span)) for m in parsed.merged] == [
        ("SUBJECT line", "TAGS line", "6:25-6:70")
    ]


def test_tags_line_between_blank_lines() -> None:
    parsed = cable(DTG_FIRST, EO, "\nTAGS: PGOV GM\n\nSUBJECT: X\n")
    assert [value(code) for code in parsed.tags.codes] == [  # type: ignore[union-attr]
        ("PGOV", "7:7-7:11"),
        ("GM", "7:12-7:14"),
    ]
