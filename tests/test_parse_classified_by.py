"""Parser: the Classified By line (ENVELOPE.md 2.18): authority, wraps, reason spellings."""

from __future__ import annotations

import pytest

from validator.model import ClassifiedBy

from .parsing import DTG_FIRST, cable, value, where

HEAD = DTG_FIRST + "E.O. 12958: DECL: 09/09/2019\nTAGS: PGOV GM\nSUBJECT: X\n"  # line 8 next


def authority(*parts: str) -> ClassifiedBy:
    found = cable(HEAD, *parts).classified_by
    assert found is not None
    return found


def test_one_line_authority() -> None:
    line = "Classified By: Ambassador John Beyrle. Reason: 1.4 (d)."
    classified_by = authority(line + "\n")
    assert where(classified_by) == "8:1-8:56"
    assert value(classified_by.keyword) == ("Classified By", "8:1-8:14")
    assert value(classified_by.text) == ("Ambassador John Beyrle. Reason: 1.4 (d).", "8:16-8:56")
    assert value(classified_by.reason_section) == ("1.4", "8:48-8:51")
    assert [value(letter) for letter in classified_by.reason_letters] == [("d", "8:53-8:54")]


def test_wrap_that_splits_a_word() -> None:
    classified_by = authority(
        "Classified By: Ambassador Clark T. Randt, Jr. FO\nR REASONS 1.4 (b) and (d).\n"
    )
    assert value(classified_by.text) == (
        "Ambassador Clark T. Randt, Jr. FO R REASONS 1.4 (b) and (d).",
        "8:16-9:27",
    )
    assert where(classified_by) == "8:1-9:27"
    assert value(classified_by.reason_section) == ("1.4", "9:11-9:14")
    assert [value(letter) for letter in classified_by.reason_letters] == [
        ("b", "9:16-9:17"),
        ("d", "9:24-9:25"),
    ]


def test_reason_section_starting_the_wrapped_line() -> None:
    classified_by = authority("CLASSIFIED BY: DCM JOHN SMITH. REASONS\n1.4 (B) AND (D)\n")
    assert value(classified_by.keyword) == ("CLASSIFIED BY", "8:1-8:14")
    assert value(classified_by.reason_section) == ("1.4", "9:1-9:4")
    assert [letter.text for letter in classified_by.reason_letters] == ["b", "d"]


@pytest.mark.parametrize(
    ("reasons", "written", "letters"),
    [
        ("1.4 (b) and (d)", "1.4", "bd"),
        ("1.4(B), (D)", "1.4", "bd"),
        ("1.5 b/d", "1.5", "bd"),
        ("1.4 (B and D)", "1.4", "bd"),
        ("1.4 (b,d)", "1.4", "bd"),
        ("1.4 ( b, d)", "1.4", "bd"),
        ("1.4(C)", "1.4", "c"),
        ("1.4 (a), (b) and (d)", "1.4", "abd"),
        ("1.5 (B) AND (D)", "1.5", "bd"),
        ("1.5(C,D)", "1.5", "cd"),
        ("1.4 (b, d) and (h)", "1.4", "bdh"),
        ("1 .4 (d)", "1 .4", "d"),
    ],
)
def test_reason_spellings(reasons: str, written: str, letters: str) -> None:
    line = f"Classified By: Poloff Ann Smith for reasons {reasons}."
    classified_by = authority(line + "\n")
    start = line.index(reasons) + 1
    assert value(classified_by.reason_section) == (
        written.replace(" ", ""),
        f"8:{start}-8:{start + len(written)}",
    )
    assert "".join(letter.text for letter in classified_by.reason_letters) == letters
    for letter in classified_by.reason_letters:
        assert where(letter) == f"8:{letter.span.column}-8:{letter.span.column + 1}"
        assert line[letter.span.column - 1].lower() == letter.text


@pytest.mark.parametrize(
    ("line", "keyword", "start"),
    [
        (
            "(U) Classified by Ambassador Eric Green, for reasons 1.4 (b) and (d).",
            "Classified by",
            5,
        ),
        ("CLASSIFIED BY DCM ERIC GREEN, REASONS 1.5 (B) AND (D).", "CLASSIFIED BY", 1),
        ("Classified by: DCM Eric Green, reasons 1.4 (b) and (d).", "Classified by", 1),
        ("¶1. Classified by DCM Eric Green, reasons 1.4 (b) and (d).", "Classified by", 5),
    ],
)
def test_keyword_spellings_and_prefixes(line: str, keyword: str, start: int) -> None:
    classified_by = authority(line + "\n")
    assert value(classified_by.keyword) == (keyword, f"8:{start}-8:{start + len(keyword)}")
    assert where(classified_by) == f"8:1-8:{len(line) + 1}"
    assert [letter.text for letter in classified_by.reason_letters] == ["b", "d"]


def test_authority_as_numbered_paragraph_one_counts_as_that_paragraph() -> None:
    parsed = cable(
        HEAD,
        """
        1.  (U) CLASSIFIED BY DCM JOHN SMITH, REASONS 1.5 (B)
        AND (D).

        2.  (C) TEXT.
        """,
    )
    classified_by = parsed.classified_by
    assert classified_by is not None
    assert value(classified_by.keyword) == ("CLASSIFIED BY", "8:9-8:22")
    assert where(classified_by) == "8:1-9:9"
    assert value(classified_by.reason_section) == ("1.5", "8:47-8:50")
    assert [value(letter) for letter in classified_by.reason_letters] == [
        ("b", "8:52-8:53"),
        ("d", "9:6-9:7"),
    ]
    assert [(p.number.text, value(p.marking), where(p)) for p in parsed.paragraphs] == [
        ("1", ("U", "8:6-8:7"), "8:1-8:8"),
        ("2", ("C", "11:6-11:7"), "11:1-11:8"),
    ]


def test_authority_after_a_whole_text_marking() -> None:
    parsed = cable(
        HEAD,
        "\n",
        """
        1. CONFIDENTIAL - ENTIRE TEXT. CLASSIFIED BY: DCM JOHN SMITH, REASON 1.5 (D).

        2. TEXT.
        """,
    )
    classified_by = parsed.classified_by
    assert classified_by is not None
    assert value(classified_by.keyword) == ("CLASSIFIED BY", "9:32-9:45")
    assert value(classified_by.text) == ("DCM JOHN SMITH, REASON 1.5 (D).", "9:47-9:78")
    assert [letter.text for letter in classified_by.reason_letters] == ["d"]
    assert [(p.number.text, p.whole_text) for p in parsed.paragraphs] == [("1", True), ("2", False)]


def test_derived_authority_has_no_reasons() -> None:
    classified_by = authority("Classified By: Derived from Multiple Sources\n")
    assert value(classified_by.text) == ("Derived from Multiple Sources", "8:16-8:45")
    assert classified_by.reason_section is None
    assert classified_by.reason_letters == ()


def test_authority_on_the_reference_line() -> None:
    parsed = cable(
        HEAD,
        "REF: LJUBLJANA 20 Classified By: DCM Robert Silverman for reasons \n1.4 (b) and (d).\n",
    )
    assert [r.text.text for r in parsed.references.items] == ["LJUBLJANA 20"]  # type: ignore[union-attr]
    classified_by = parsed.classified_by
    assert classified_by is not None
    assert value(classified_by.keyword) == ("Classified By", "8:19-8:32")
    assert where(classified_by) == "8:19-9:17"
    assert [letter.text for letter in classified_by.reason_letters] == ["b", "d"]


def test_wrap_stops_at_a_heading_and_its_underline() -> None:
    parsed = cable(
        HEAD,
        """
        Classified By: Ambassador Tom Lantos for reasons 1.4 (b) and (d).
        Summary
        -------
        ¶1. (C) Text.
        """,
    )
    classified_by = parsed.classified_by
    assert classified_by is not None
    assert value(classified_by.text) == (
        "Ambassador Tom Lantos for reasons 1.4 (b) and (d).",
        "8:16-8:66",
    )
    assert parsed.envelope_end_line == 9


def test_wrap_stops_at_a_dashed_line() -> None:
    parsed = cable(
        HEAD,
        """
        Classified By: Ambassador Tom Lantos for reasons 1.4 (b) and (d).
        -------
        SUMMARY
        -------
        """,
    )
    assert where(parsed.classified_by) == "8:1-8:66"
    assert parsed.envelope_end_line == 9
