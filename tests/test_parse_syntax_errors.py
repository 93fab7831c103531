"""Parser: syntax diagnostics E101-E104 with exact positions, and error recovery (every bad
line of a cable is reported in one run, the rest is still read)."""

from __future__ import annotations

import pytest

from validator.diagnostics import Diagnostic, Severity
from validator.parse import ParseResult

from .parsing import FRONT, findings, parse, where

ACP = """\
VZCZCXRO1733
PP RUEHDBU
DE RUEHRL #1106/01 2521657
ZNY CCCCC ZZH
P 091657Z SEP 09
FM AMEMBASSY BERLIN
TO RUEHC/SECSTATE WASHDC PRIORITY 5130
INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY
C O N F I D E N T I A L BERLIN 001106
"""
BODY = "\n¶1. (C) Text.\n"


def only(result: ParseResult) -> Diagnostic:
    (diagnostic,) = result.diagnostics
    assert diagnostic.severity is Severity.ERROR
    return diagnostic


# ---------------------------------------------------------------------------------- E101


def test_malformed_de_line() -> None:
    diagnostic = only(parse(ACP.replace("#1106/01", "1106/01"), FRONT, BODY))
    assert (diagnostic.code, str(diagnostic.span)) == ("E101", "3:1-3:26")
    assert diagnostic.message == "malformed DE line"
    assert diagnostic.label == 'expected a DE line like "DE RUEHRL #1106/01 2521657"'


def test_malformed_dtg_line() -> None:
    result = parse(ACP.replace("P 091657Z SEP 09", "P 091657 SEP 09"), FRONT, BODY)
    diagnostic = only(result)
    assert (diagnostic.code, str(diagnostic.span)) == ("E101", "5:1-5:16")
    assert diagnostic.message == "malformed date-time group line"
    assert diagnostic.label == 'expected a date-time group line like "P 170952Z MAR 09"'
    assert result.cable.dtg is None
    assert [a.address.text for a in result.cable.to] == ["SECSTATE WASHDC"]


def test_malformed_classification_word() -> None:
    result = parse(ACP.replace("C O N F I D E N T I A L", "CC O N F I D E N T I A L"), FRONT, BODY)
    diagnostic = only(result)
    assert (diagnostic.code, str(diagnostic.span)) == ("E101", "9:1-9:25")
    assert diagnostic.message == "malformed classification word `CC O N F I D E N T I A L`"
    assert diagnostic.label == "not a classification level"
    assert diagnostic.help is not None and "C O N F I D E N T I A L" in diagnostic.help


def test_unrecognised_line_where_the_envelope_starts() -> None:
    result = parse("Cable forwarded by the press office\n", ACP, FRONT, BODY)
    diagnostic = only(result)
    assert (diagnostic.code, str(diagnostic.span)) == ("E101", "1:1-1:36")
    assert diagnostic.message == "line not recognised as an envelope element"
    assert diagnostic.label.startswith("expected one of: ")
    assert result.cable.layout == "acp127"


def test_three_malformed_lines_give_three_e101_and_the_rest_is_read() -> None:
    text = (
        ACP.replace("#1106/01", "1106/01")
        .replace("P 091657Z SEP 09", "P 0916Z SEP 09")
        .replace("C O N F I D E N T I A L", "SS E C R E T")
    )
    result = parse(text, FRONT, BODY)
    assert findings(result) == [("E101", "3:1-3:26"), ("E101", "5:1-5:15"), ("E101", "9:1-9:13")]
    parsed = result.cable
    assert parsed.transmission is not None and parsed.routing is not None
    assert parsed.security_warning is not None and parsed.originator is not None
    assert len(parsed.addressees) == 2
    assert parsed.classification is not None and parsed.classification.serial.text == "001106"
    assert where(parsed.eo) == "10:1-10:29"
    assert parsed.tags is not None and parsed.subject is not None
    assert [p.number.text for p in parsed.paragraphs] == ["1"]


# ---------------------------------------------------------------------------------- E102


@pytest.mark.parametrize(
    ("dropped", "message", "label"),
    [
        ("DE RUEHRL #1106/01 2521657\n", "DE line missing", 'a DE line like "DE RUEHRL'),
        ("P 091657Z SEP 09\n", "date-time group line missing", "a date-time group line like"),
        ("FM AMEMBASSY BERLIN\n", "FM line missing", 'an FM line like "FM AMEMBASSY BERLIN"'),
        (
            "TO RUEHC/SECSTATE WASHDC PRIORITY 5130\nINFO RUEHZL/EUROPEAN POLITICAL "
            "COLLECTIVE PRIORITY\n",
            "addressee list missing",
            "an addressee list like",
        ),
        ("C O N F I D E N T I A L BERLIN 001106\n", "classification line missing", "a classif"),
    ],
)
def test_missing_element_of_an_acp_cable(dropped: str, message: str, label: str) -> None:
    text = ACP.replace(dropped, "") + FRONT + BODY
    diagnostic = only(parse(text))
    body = text.count("\n")  # the paragraph line
    assert (diagnostic.code, str(diagnostic.span)) == ("E102", f"{body}:1-{body}:1")
    assert diagnostic.message == message
    assert diagnostic.label.startswith(f"expected {label}")
    assert diagnostic.label.endswith(" before this line")


@pytest.mark.parametrize(
    ("dropped", "message"),
    [
        ("E.O. 12958: DECL: 09/09/2019\n", "E.O. line missing"),
        ("TAGS: PGOV GM\n", "TAGS line missing"),
        ("SUBJECT: BERLIN NOTES\n", "SUBJECT line missing"),
    ],
)
def test_missing_front_matter(dropped: str, message: str) -> None:
    text = ACP + FRONT.replace(dropped, "") + BODY
    diagnostic = only(parse(text))
    assert (diagnostic.code, str(diagnostic.span)) == ("E102", "13:1-13:1")
    assert diagnostic.message == message


def test_dtg_first_copy_needs_dtg_fm_and_addressees_but_no_format_lines() -> None:
    text = "P 091657Z SEP 09\nC O N F I D E N T I A L BERLIN 001106\n" + FRONT + BODY
    result = parse(text)
    assert result.cable.layout == "dtg-first"
    assert findings(result) == [("E102", "7:1-7:1"), ("E102", "7:1-7:1")]
    assert [d.message for d in result.diagnostics] == ["FM line missing", "addressee list missing"]


def test_partial_extract_needs_only_the_text_header() -> None:
    banner = (
        "This record is a partial extract of the original cable. "
        "The full text of the original cable is not available.\n\n"
    )
    result = parse(
        banner, "C O N F I D E N T I A L SOFIA 001388\n", FRONT.replace("TAGS: PGOV GM\n", "")
    )
    assert result.cable.layout == "partial-extract"
    assert [d.message for d in result.diagnostics] == ["TAGS line missing"]


# ---------------------------------------------------------------------------------- E103


def test_info_before_to() -> None:
    text = ACP.replace(
        "TO RUEHC/SECSTATE WASHDC PRIORITY 5130\nINFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE",
        "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY\nTO RUEHC/SECSTATE WASHDC",
    )
    result = parse(text, FRONT, BODY)
    diagnostic = only(result)
    assert (diagnostic.code, str(diagnostic.span)) == ("E103", "8:1-8:3")
    assert diagnostic.message == "TO line out of order"
    assert diagnostic.label.startswith("expected one of: ")
    assert [a.address.text for a in result.cable.info] == ["EUROPEAN POLITICAL COLLECTIVE"]
    assert where(result.cable.classification) == "9:1-9:38"


def test_tags_before_the_eo_line() -> None:
    """Front-matter order is a warning (E105): one genuine cable has TAGS before E.O."""
    result = parse(
        ACP, "TAGS: PGOV GM\nE.O. 12958: DECL: 09/09/2019\nSUBJECT: BERLIN NOTES\n", BODY
    )
    (diagnostic,) = result.diagnostics
    assert (diagnostic.code, str(diagnostic.span)) == ("E105", "11:1-11:29")
    assert diagnostic.severity is Severity.WARNING
    assert diagnostic.message == "E.O. line after the TAGS line"
    assert diagnostic.label == "usually before the TAGS line"
    assert [str(label.span) for label in diagnostic.secondary] == ["10:1-10:14"]
    # Both are still read.
    assert result.cable.eo is not None and result.cable.tags is not None


def test_subject_before_tags() -> None:
    result = parse(
        ACP, "E.O. 12958: DECL: 09/09/2019\nSUBJECT: BERLIN NOTES\nTAGS: PGOV GM\n", BODY
    )
    assert findings(result) == [("E105", "12:1-12:14")]
    assert result.diagnostics[0].message == "TAGS line after the SUBJECT line"


# ---------------------------------------------------------------------------------- E104


def test_two_dtg_lines() -> None:
    text = ACP.replace("P 091657Z SEP 09\n", "P 091657Z SEP 09\nP 091657Z SEP 09\n")
    result = parse(text, FRONT, BODY)
    diagnostic = only(result)
    assert (diagnostic.code, str(diagnostic.span)) == ("E104", "6:1-6:17")
    assert diagnostic.message == "date-time group line repeated"
    assert diagnostic.label == "second one here"
    assert [(str(label.span), label.message) for label in diagnostic.secondary] == [
        ("5:1-5:17", "first one here")
    ]
    assert where(result.cable.dtg) == "5:1-5:17"
    assert where(result.cable.originator) == "7:1-7:20"


def test_two_subject_lines() -> None:
    result = parse(ACP, FRONT, "SUBJECT: SECOND SUBJECT\n", BODY)
    diagnostic = only(result)
    assert (diagnostic.code, str(diagnostic.span)) == ("E104", "13:1-13:24")
    assert diagnostic.message == "SUBJECT line repeated"
    assert [str(label.span) for label in diagnostic.secondary] == ["12:1-12:22"]
    assert result.cable.subject is not None
    assert result.cable.subject.text.text == "BERLIN NOTES"


@pytest.mark.parametrize(
    ("repeated", "message", "end"),
    [
        ("E.O. 12958: DECL: 09/10/2019\n", "E.O. line repeated", 29),
        ("TAGS: PREL GM\n", "TAGS line repeated", 14),
    ],
)
def test_repeated_front_matter(repeated: str, message: str, end: int) -> None:
    result = parse(ACP, FRONT, repeated, BODY)
    repeats = [d for d in result.diagnostics if d.code == "E104"]
    assert [(d.message, str(d.span)) for d in repeats] == [(message, f"13:1-13:{end}")]
    # The first one is the element; the repeat also stands out of the usual order (E105).
    assert [d.code for d in result.diagnostics] == ["E104", "E105"]
    assert result.cable.eo is not None
    assert result.cable.eo.instruction.text == "DECL: 09/09/2019"
    assert [code.text for code in result.cable.tags.codes] == ["PGOV", "GM"]  # type: ignore[union-attr]


def test_repeated_header_lines_in_the_addressee_list_in_one_run() -> None:
    text = ACP.replace(
        "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY\n",
        "ZNY CCCCC ZZH\nFM AMEMBASSY PARIS\nINFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE\n",
    )
    result = parse(text, FRONT, BODY)
    assert findings(result) == [("E104", "8:1-8:14"), ("E104", "9:1-9:19")]
    assert [d.message for d in result.diagnostics] == [
        "security warning repeated",
        "FM line repeated",
    ]
    assert [a.address.text for a in result.cable.info] == ["EUROPEAN POLITICAL COLLECTIVE"]


def test_dtg_first_header_line_in_the_addressee_list_is_out_of_order() -> None:
    result = parse(
        "P 091657Z SEP 09\nFM AMEMBASSY BERLIN\nTO SECSTATE WASHDC\nZNY CCCCC ZZH\n",
        "C O N F I D E N T I A L BERLIN 001106\n",
        FRONT,
        BODY,
    )
    assert findings(result) == [("E103", "4:1-4:14")]
    assert result.diagnostics[0].message == "security warning out of order"


def test_lexer_reads_the_same_after_forgetting_its_remembered_stacks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The lexer remembers parser stacks across cables up to a bound, then starts afresh:
    with a bound small enough to start afresh at every cable, results are the same."""
    from validator.lexer import LexResult
    from validator.parse import line_lexer

    def read(lexed: LexResult) -> object:
        tokens = [(t.name, t.start, t.end, t.merged, t.match.groupdict()) for t in lexed.tokens]
        return tokens, lexed.misfits, lexed.end, lexed.complete

    cables = [FRONT, FRONT.replace("TAGS", "TAGZ"), "NOT A CABLE\n", FRONT + "SUBJECT: AGAIN\n"]
    expected = [read(line_lexer().lex(text)) for text in cables]
    monkeypatch.setattr("validator.lexer._STACK_LIMIT", 2)
    lexer = line_lexer()
    assert [read(lexer.lex(text)) for text in cables * 2] == expected * 2
    assert len(lexer._automaton._interned) < 40  # the bound at work


# ------------------------------------------------------------------ table order independence


def test_lexing_does_not_depend_on_the_order_of_the_lalr_table() -> None:
    """Lark numbers the states and orders their actions differently on every build of the
    table: which terminal wins a tie and the "expected" list of a message must not follow."""
    from validator.grammar import cable_grammar
    from validator.lexer import LineLexer

    from .conftest import PROJECT_CORPUS

    grammar = cable_grammar()
    reordered = grammar._replace(
        states={state: dict(reversed(actions.items())) for state, actions in grammar.states.items()}
    )

    def lexed(lexer: LineLexer, text: str) -> tuple[object, ...]:
        result = lexer.lex(text)
        tokens = [(t.name, t.start, t.end, t.merged) for t in result.tokens]
        return tokens, result.misfits, result.end, result.complete

    for path in sorted((PROJECT_CORPUS / "invalid").glob("E10*.txt")):
        text = path.read_text(encoding="utf-8")
        assert lexed(LineLexer(reordered), text) == lexed(LineLexer(grammar), text), path.name
