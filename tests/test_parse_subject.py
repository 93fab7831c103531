"""Parser: SUBJECT line, its wraps and its portion marking (ENVELOPE.md 2.16)."""

from __future__ import annotations

import pytest

from .parsing import DTG_FIRST, cable, value, where

HEAD = DTG_FIRST + "E.O. 12958: DECL: 09/09/2019\nTAGS: PGOV GM\n"  # SUBJECT on line 7


def test_one_line_subject() -> None:
    subject = cable(HEAD, "SUBJECT: CHANCELLOR MERKEL AND THE COALITION\n").subject
    assert subject is not None
    assert where(subject) == "7:1-7:45"
    assert value(subject.keyword) == ("SUBJECT", "7:1-7:8")
    assert subject.marking is None
    assert value(subject.text) == ("CHANCELLOR MERKEL AND THE COALITION", "7:10-7:45")


def test_wrapped_subject_joins_its_lines_with_one_blank() -> None:
    subject = cable(
        HEAD,
        "SUBJECT: TURKEY-ARMENIA: MFA SAYS RATIFICATION MUST WAIT FOR \n"
        "MOVEMENT ON REGIONAL TALKS AND\n"
        "   THE MINSK GROUP\n"
        "\n"
        "¶1. (C) Text.\n",
    ).subject
    assert subject is not None
    assert value(subject.text) == (
        "TURKEY-ARMENIA: MFA SAYS RATIFICATION MUST WAIT FOR MOVEMENT ON REGIONAL TALKS AND "
        "THE MINSK GROUP",
        "7:10-9:19",
    )
    assert where(subject) == "7:1-9:19"


@pytest.mark.parametrize(
    ("after", "next_element"),
    [
        ("\nREF: BERLIN 1106\n", "references"),
        ("Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d).\n", "classified_by"),
        ("REF: BERLIN 1106\n", "references"),
    ],
)
def test_wrap_stops_at_the_next_element(after: str, next_element: str) -> None:
    parsed = cable(HEAD, "SUBJECT: FIRST LINE OF THE SUBJECT\nSECOND LINE\n", after)
    assert value(parsed.subject.text) == (  # type: ignore[union-attr]
        "FIRST LINE OF THE SUBJECT SECOND LINE",
        "7:10-8:12",
    )
    assert getattr(parsed, next_element) is not None


def test_wrap_stops_at_a_numbered_paragraph() -> None:
    parsed = cable(HEAD, "SUBJECT: ELECTION RESULTS\n¶1. (C) Summary: text.\n")
    assert value(parsed.subject.text) == ("ELECTION RESULTS", "7:10-7:26")  # type: ignore[union-attr]
    assert [p.number.text for p in parsed.paragraphs] == ["1"]
    assert parsed.envelope_end_line == 8


def test_wrap_stops_at_a_body_heading() -> None:
    parsed = cable(HEAD, "SUBJECT: ELECTION RESULTS\nSummary\n-------\n¶1. (C) Text.\n")
    assert value(parsed.subject.text) == ("ELECTION RESULTS", "7:10-7:26")  # type: ignore[union-attr]
    assert parsed.envelope_end_line == 8


def test_older_keyword_and_inner_double_blanks() -> None:
    subject = cable(HEAD, "SUBJ:  LEBANON:  FUEL SHORTAGES DEEPEN \nSTRAINS\n").subject
    assert subject is not None
    assert value(subject.keyword) == ("SUBJ", "7:1-7:5")
    assert value(subject.text) == ("LEBANON:  FUEL SHORTAGES DEEPEN STRAINS", "7:8-8:8")


def test_sentence_case_keyword() -> None:
    subject = cable(HEAD, "Subject: turkish p.m. visit\n").subject
    assert value(subject.keyword) == ("Subject", "7:1-7:8")  # type: ignore[union-attr]
    assert value(subject.text) == ("turkish p.m. visit", "7:10-7:28")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "marking", "text"),
    [
        ("SUBJECT: (S/REL UK) ARGENTINE REACTION", ("S/REL UK", "7:11-7:19"),
         ("ARGENTINE REACTION", "7:21-7:39")),
        ("SUBJECT: (C) FM VISIT", ("C", "7:11-7:12"), ("FM VISIT", "7:14-7:22")),
        ("SUBJECT: (s) FM VISIT", ("s", "7:11-7:12"), ("FM VISIT", "7:14-7:22")),
        ("SUBJECT: (C/NF) FM VISIT", ("C/NF", "7:11-7:15"), ("FM VISIT", "7:17-7:25")),
        ("SUBJECT: (SBU) FM VISIT", ("SBU", "7:11-7:14"), ("FM VISIT", "7:16-7:24")),
        ("SUBJECT:(U)FM VISIT", ("U", "7:10-7:11"), ("FM VISIT", "7:12-7:20")),
        ("SUBJECT: (CUBA) MIGRATION TALKS", None, ("(CUBA) MIGRATION TALKS", "7:10-7:32")),
        ("SUBJECT: TALKS (C-TN9-01234)", None, ("TALKS (C-TN9-01234)", "7:10-7:29")),
    ],
)  # fmt: skip
def test_portion_marking_before_the_text(
    line: str, marking: tuple[str, str] | None, text: tuple[str, str]
) -> None:
    subject = cable(HEAD, line + "\n").subject
    assert subject is not None
    assert value(subject.marking) == marking
    assert value(subject.text) == text


def test_classified_by_on_the_subject_line() -> None:
    parsed = cable(
        HEAD, "SUBJECT: (C) TALKS Classified By: Ambassador Karl W. Eikenberry, reason 1.4 (d)\n"
    )
    assert value(parsed.subject.text) == ("TALKS", "7:14-7:19")  # type: ignore[union-attr]
    assert parsed.classified_by is not None
    assert value(parsed.classified_by.keyword) == ("Classified By", "7:20-7:33")
    assert [(m.element, m.after) for m in parsed.merged] == [("Classified By line", "SUBJECT line")]


def test_empty_subject_is_read_as_empty_text() -> None:
    subject = cable(HEAD, "SUBJECT:\n\n¶1. (C) Text.\n").subject
    assert subject is not None
    assert value(subject.text) == ("", "7:9-7:9")
    assert where(subject) == "7:1-7:9"
