"""Parser: REF blocks (ENVELOPE.md 2.17): keywords, lettered lists, the archive's `¶` noise."""

from __future__ import annotations

import pytest

from validator.model import ReferenceItem

from .parsing import DTG_FIRST, cable, value, where

HEAD = DTG_FIRST + "E.O. 12958: DECL: 09/09/2019\nTAGS: PGOV GM\nSUBJECT: X\n"  # REF on line 8


def item(reference: ReferenceItem) -> tuple[object, ...]:
    return (
        reference.letter_value,
        value(reference.letter),
        value(reference.text),
        where(reference),
    )


def test_single_reference() -> None:
    references = cable(HEAD, "REF: BEIJING 303\n").references
    assert references is not None
    assert where(references) == "8:1-8:17"
    assert value(references.keyword) == ("REF", "8:1-8:4")
    assert [item(r) for r in references.items] == [
        (None, None, ("BEIJING 303", "8:6-8:17"), "8:6-8:17")
    ]


def test_lettered_list_over_lines_with_pilcrow_noise() -> None:
    references = cable(
        HEAD,
        """
        REF: A. BEIJING 303
        ¶B. BEIJING 1249
        C. 08 STATE 124337 (NOTAL)
        """,
    ).references
    assert references is not None
    assert [item(r) for r in references.items] == [
        ("A", ("A.", "8:6-8:8"), ("BEIJING 303", "8:9-8:20"), "8:6-8:20"),
        ("B", ("B.", "9:2-9:4"), ("BEIJING 1249", "9:5-9:17"), "9:2-9:17"),
        ("C", ("C.", "10:1-10:3"), ("08 STATE 124337 (NOTAL)", "10:4-10:27"), "10:1-10:27"),
    ]
    assert where(references) == "8:1-10:27"


@pytest.mark.parametrize(
    ("first", "second"),
    [("(A)", "(B)"), ("A)", "B)"), ("A.", "B.")],
)
def test_letter_styles(first: str, second: str) -> None:
    references = cable(HEAD, f"REF: {first} STATE 1234\n{second} STATE 5678\n").references
    assert references is not None
    a, b = references.items
    assert value(a.letter) == (first, f"8:6-8:{6 + len(first)}")
    assert value(a.text) == ("STATE 1234", f"8:{7 + len(first)}-8:{17 + len(first)}")
    assert value(b.letter) == (second, f"9:1-9:{1 + len(second)}")
    assert value(b.text) == ("STATE 5678", f"9:{2 + len(second)}-9:{12 + len(second)}")
    assert (a.letter_value, b.letter_value) == ("A", "B")


def test_several_references_on_one_line() -> None:
    references = cable(HEAD, "REF: A. ANKARA 1655 B. YEREVAN 0811\n").references
    assert references is not None
    assert [item(r) for r in references.items] == [
        ("A", ("A.", "8:6-8:8"), ("ANKARA 1655", "8:9-8:20"), "8:6-8:20"),
        ("B", ("B.", "8:21-8:23"), ("YEREVAN 0811", "8:24-8:36"), "8:21-8:36"),
    ]


def test_older_list_separated_by_commas() -> None:
    references = cable(HEAD, "REFS:  (A) BEIRUT 2330,  (B) TEL AVIV 6070\n").references
    assert references is not None
    assert value(references.keyword) == ("REFS", "8:1-8:5")
    assert [item(r) for r in references.items] == [
        ("A", ("(A)", "8:8-8:11"), ("BEIRUT 2330", "8:12-8:23"), "8:8-8:23"),
        ("B", ("(B)", "8:26-8:29"), ("TEL AVIV 6070", "8:30-8:43"), "8:26-8:43"),
    ]


def test_list_separated_by_semicolons() -> None:
    references = cable(HEAD, "REF: A) STATE 135205; B) STATE 127608; C) TRIPOLI 797\n").references
    assert references is not None
    assert [(r.letter_value, r.text.text) for r in references.items] == [
        ("A", "STATE 135205"),
        ("B", "STATE 127608"),
        ("C", "TRIPOLI 797"),
    ]


def test_letter_out_of_sequence_stays_inside_the_reference() -> None:
    references = cable(HEAD, "REF: A. (A) EMBASSY PARIS DAILY REPORT FOR FEBRUARY 6\n").references
    assert references is not None
    assert [item(r) for r in references.items] == [
        (
            "A",
            ("A.", "8:6-8:8"),
            ("(A) EMBASSY PARIS DAILY REPORT FOR FEBRUARY 6", "8:9-8:54"),
            "8:6-8:54",
        )
    ]


def test_wrapped_reference() -> None:
    references = cable(
        HEAD, "REF: (A) STATE 1234\n(B) STATE 5678 AND A VERY LONG\n   DESCRIPTION\n"
    ).references
    assert references is not None
    assert value(references.items[1].text) == (
        "STATE 5678 AND A VERY LONG DESCRIPTION",
        "9:5-10:15",
    )
    assert where(references.items[1]) == "9:1-10:15"
    assert where(references) == "8:1-10:15"


def test_keyword_alone_with_the_list_below() -> None:
    references = cable(HEAD, "REF:\nA. BEIJING 303\nB. BEIJING 1249\n").references
    assert references is not None
    assert [item(r) for r in references.items] == [
        ("A", ("A.", "9:1-9:3"), ("BEIJING 303", "9:4-9:15"), "9:1-9:15"),
        ("B", ("B.", "10:1-10:3"), ("BEIJING 1249", "10:4-10:16"), "10:1-10:16"),
    ]


@pytest.mark.parametrize("keyword", ["Ref", "REFS", "REFERENCE", "REF(S)", "REFS.", "Refs"])
def test_keyword_spellings(keyword: str) -> None:
    references = cable(HEAD, f"{keyword}: USUN NY 03993\n").references
    assert references is not None
    assert value(references.keyword) == (keyword, f"8:1-8:{len(keyword) + 1}")
    start = len(keyword) + 3
    assert [value(r.text) for r in references.items] == [
        ("USUN NY 03993", f"8:{start}-8:{start + 13}")
    ]


def test_reference_block_before_the_eo_line_in_a_repeat() -> None:
    parsed = cable(
        DTG_FIRST,
        """
        REFERENCE: USUN NY 03993

        QUOTE C O N F I D E N T I A L USUN NEW YORK 03993

        E.O. 12356: DECL:OADR
        TAGS: PREL, UN
        SUBJECT: SECURITY COUNCIL MEETING
        """,
    )
    assert parsed.references is not None
    assert [r.text.text for r in parsed.references.items] == ["USUN NY 03993"]
    assert where(parsed.eo) == "9:1-9:22"
