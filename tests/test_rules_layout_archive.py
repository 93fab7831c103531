"""Layout rules (O601-O605), file-name and archive rules (A701, A702), beyond the docstrings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from validator import validate_path, validate_text
from validator.archive import ArchiveEntry, run_archive_rules
from validator.diagnostics import Diagnostic, Fix
from validator.model import Cable
from validator.rules import all_rules
from validator.source import Source

from .conftest import PROJECT_CORPUS, shared_files

HEADER = """\
VZCZCXRO1535
OO RUEHAG
DE RUEHTA #0480/01 0760952
ZNR UUUUU ZZH
O 170952Z MAR 09
FM AMEMBASSY ASTANA
TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
UNCLAS SECTION 01 OF 02 ASTANA 000480
E.O. 12958: N/A
TAGS: PGOV KZ
SUBJECT: ALMATY NOTES
"""
"""11 lines; the body starts on line 12."""


def _found(text: str, code: str, path: str | None = None) -> list[Diagnostic]:
    return [d for d in validate_text(text, path=path).diagnostics if d.code == code]


def _at(findings: list[Diagnostic]) -> list[tuple[int, int]]:
    return [(d.span.line, d.span.column) for d in findings]


def _apply(text: str, fix: Fix) -> str:
    source = Source.from_text(text)
    start = source.offset(fix.span.line, fix.span.column)
    end = source.offset(fix.span.end_line, fix.span.end_column)
    return text[:start] + fix.replacement + text[end:]


def _cable(text: str, path: str) -> Cable:
    cable = validate_text(text, path=path).cable
    assert cable is not None
    return cable


# ---- the OCR seed cable -------------------------------------------------------------------


def _seed() -> Path:
    files = shared_files("seed")
    if not files:
        pytest.skip("the seed folder holds no cable")
    return files[0]


def test_seed_latex_sign_is_o601() -> None:
    report = validate_path(_seed())
    assert _at([d for d in report.diagnostics if d.code == "O601"]) == [(53, 2)]


def test_seed_misread_signs_get_the_did_you_mean_hint() -> None:
    report = validate_path(_seed())
    misread = [d for d in report.diagnostics if d.code == "O602"]
    assert _at(misread) == [(57, 1), (75, 1), (81, 1)]
    assert misread[0].help == "did you mean `¶2.`?"
    assert [d.help for d in misread[1:]] == ["did you mean `¶6.`?", "did you mean `¶7.`?"]


def test_seed_merged_lines_are_o603() -> None:
    report = validate_path(_seed())
    merged = [d for d in report.diagnostics if d.code == "O603"]
    assert _at(merged) == [(23, 29), (29, 31), (51, 45)]
    assert [d.message for d in merged] == [
        "two addressees on one line",
        "two addressees on one line",
        "TAGS line and SUBJECT line on one line",
    ]


# ---- O601 ---------------------------------------------------------------------------------


def test_question_mark_sign_fix_is_safe_when_the_file_uses_pilcrows() -> None:
    text = HEADER + "¶1. (U) First.\n?2. (U) Second.\n"
    (finding,) = _found(text, "O601")
    assert _at([finding]) == [(13, 1)]
    assert finding.fix is not None and finding.fix.safe
    assert _apply(text, finding.fix).endswith("¶2. (U) Second.\n")


def test_question_mark_sign_fix_is_unsafe_without_pilcrows_elsewhere() -> None:
    (finding,) = _found(HEADER + "\n?1. (U) First.\n", "O601")
    assert finding.fix is not None and not finding.fix.safe


def test_replacement_character_sign_is_o601_not_o604() -> None:
    text = HEADER + "¶1. (U) First.\n\ufffd2. (U) Second.\n"
    assert _at(_found(text, "O601")) == [(13, 1)]
    assert _found(text, "O604") == []


def test_latex_sign_has_help_but_no_fix() -> None:
    (finding,) = _found(HEADER + " $\\P 1$. First.\n", "O601")
    assert finding.help == "write `¶1.`"
    assert finding.fix is None


# ---- O602 / O605 --------------------------------------------------------------------------


def test_gap_in_a_partial_extract_is_not_reported() -> None:
    text = (
        "This record is a partial extract of the original cable. The full text of the original "
        "cable is not available.\n\n"
        "C O N F I D E N T I A L SOFIA 001388\n"
        "SIPDIS\n"
        "E.O. 12958: DECL: 06/10/2015\n"
        "TAGS: PREL BU\n"
        "SUBJECT: NOTES\n"
        "Classified By: Ambassador for reasons 1.4 (b) and (d)\n"
        "1. (C) First.\n"
        "4. (C) Fourth.\n"
    )
    assert _found(text, "O602") == []


def test_misread_fix_writes_the_sign() -> None:
    text = HEADER + "¶1. (U) First.\n12. (U) Second.\n"
    (finding,) = _found(text, "O602")
    assert finding.fix is not None and not finding.fix.safe
    assert _apply(text, finding.fix).endswith("¶2. (U) Second.\n")


def test_no_misread_hint_in_a_text_without_signs() -> None:
    (finding,) = _found(HEADER + "1. (U) First.\n12. (U) Second.\n", "O602")
    assert finding.message == "paragraph numbering skips from 1 to 12"
    assert finding.label == "paragraphs 2 to 11 missing"


def test_unmarked_number_at_a_wrapped_line_is_not_a_paragraph() -> None:
    text = (
        HEADER + "¶1. (U) The flight arrives at AUAB O/A August\n¶15.  In addition\n¶2. (U) Two.\n"
    )
    assert _found(text, "O602") == []
    assert _found(text, "O605") == []


def test_numbered_authority_line_counts_as_paragraph_one() -> None:
    text = (
        "O 221448Z APR 85\n"
        "FM AMEMBASSY BEIRUT\n"
        "TO SECSTATE WASHDC IMMEDIATE 2743\n"
        "C O N F I D E N T I A L BEIRUT 02370\n"
        "E.O. 12356: DECL: OADR\n"
        "TAGS: PGOV, LE\n"
        "SUBJECT: SOUTH LEBANON\n"
        "1.  (U) CLASSIFIED BY AMBASSADOR. REASON 1.5 (B)\n"
        "2.  (C) Second.\n"
        "3.  (C) Third.\n"
    )
    assert _found(text, "O602") == []


def test_stray_number_is_one_o605_and_no_gap() -> None:
    text = HEADER + "¶1. (U) One.\n¶2. (U) Two.\n¶27. (U) Figure.\n¶3. (U) Three.\n"
    assert _at(_found(text, "O605")) == [(14, 2)]
    assert _found(text, "O602") == []


def test_misnumbered_repeat_stands_for_the_missing_number() -> None:
    text = HEADER + "¶1. (U) One.\n¶2. (U) Two.\n¶2. (U) Three.\n¶4. (U) Four.\n"
    (finding,) = _found(text, "O605")
    assert _at([finding]) == [(14, 2)]
    assert finding.message == "paragraph number 2 repeated"
    assert [(label.span.line, label.span.column) for label in finding.secondary] == [(13, 2)]
    assert _found(text, "O602") == []


def test_restarted_numbering_is_one_o605() -> None:
    text = HEADER + "¶1. (U) One.\n¶2. (U) Two.\n¶1. (U) One again.\n¶2. (U) Two again.\n"
    assert _at(_found(text, "O605")) == [(14, 2)]


# ---- O603 ---------------------------------------------------------------------------------


def test_list_keyword_and_first_addressee_share_their_line_by_design() -> None:
    assert _found(HEADER, "O603") == []


def test_merged_line_fix_splits_the_line() -> None:
    text = HEADER.replace("E.O. 12958: N/A\nTAGS:", "E.O. 12958: N/A TAGS:")
    (finding,) = _found(text, "O603")
    assert _at([finding]) == [(9, 17)]
    assert finding.message == "E.O. line and TAGS line on one line"
    assert finding.fix is not None and finding.fix.safe
    assert _found(_apply(text, finding.fix), "O603") == []


# ---- O604 ---------------------------------------------------------------------------------


def test_encoding_damage_is_grouped_per_line() -> None:
    text = HEADER + "¶1. (U) Itâ€™s the â€œplanâ€.\n¶2. (U) Lost \ufffd here.\n"
    findings = _found(text, "O604")
    assert _at(findings) == [(12, 11), (13, 14)]
    first, second = findings
    assert first.label == "`’` read with the wrong encoding"
    assert [(label.span.line, label.span.column) for label in first.secondary] == [
        (12, 20),
        (12, 27),
    ]
    assert second.message == "replacement character U+FFFD in the text"


# ---- A701 ---------------------------------------------------------------------------------


def test_file_name_that_is_no_reference_id_is_not_checked() -> None:
    assert _found(HEADER, "A701", path="000_bd415fc432d188ee.txt") == []


def test_year_post_and_serial_are_all_labelled() -> None:
    (finding,) = _found(HEADER, "A701", path="cables/10ALMATY481.txt")
    assert finding.message == (
        "file name `10ALMATY481.txt` disagrees with the reference id `09ASTANA480`"
    )
    assert _at([finding]) == [(5, 15)]
    assert [(label.span.line, label.span.column) for label in finding.secondary] == [
        (8, 25),
        (8, 32),
    ]
    assert finding.help == "rename the file `09ASTANA480.txt`"


def test_serial_is_compared_numerically() -> None:
    text = (
        "O 221448Z APR 85\n"
        "FM AMEMBASSY BEIRUT\n"
        "TO SECSTATE WASHDC IMMEDIATE 2743\n"
        "C O N F I D E N T I A L BEIRUT 02370\n"
        "E.O. 12356: DECL: OADR\n"
        "TAGS: PGOV, LE\n"
        "SUBJECT: SOUTH LEBANON\n"
    )
    assert _found(text, "A701", path="85BEIRUT2370.txt") == []


def test_control_word_is_not_part_of_the_post() -> None:
    text = (
        "O 221448Z APR 85\n"
        "FM AMEMBASSY MOGADISHU\n"
        "TO SECSTATE WASHDC IMMEDIATE 2743\n"
        "S E C R E T N O F O R N MOGADISHU 01643\n"
        "E.O. 12356: DECL: OADR\n"
        "TAGS: PGOV, SO\n"
        "SUBJECT: NOTES\n"
    )
    (finding,) = _found(text, "A701", path="85NOFORNMOGADISHU1643.txt")
    assert finding.help == "rename the file `85MOGADISHU1643.txt`"


def test_partial_extract_year_is_not_checked() -> None:
    text = (
        "This record is a partial extract of the original cable. The full text of the original "
        "cable is not available.\n\n"
        "C O N F I D E N T I A L SOFIA 001388\n"
        "SIPDIS\n"
        "E.O. 12958: DECL: 06/10/2015\n"
        "TAGS: PREL BU\n"
        "SUBJECT: NOTES\n"
    )
    assert _found(text, "A701", path="99SOFIA1388.txt") == []
    (finding,) = _found(text, "A701", path="05SOFIA1389.txt")
    assert finding.notes == ("the cable has no DTG: the year of the file name is not checked",)


# ---- A702 ---------------------------------------------------------------------------------


def _entries(cables: list[Cable | None]) -> list[ArchiveEntry]:
    return [ArchiveEntry.of(cable) for cable in cables if cable is not None]


def test_a702_docstring_examples_as_archives() -> None:
    bad, good = all_rules()["A702"].examples
    copies = [_cable(bad.text, "09ASTANA480.txt"), _cable(bad.text, "copy/09ASTANA480.txt")]
    findings = run_archive_rules(_entries(copies))
    assert [(path, d.span.line, d.span.column) for path, d in findings] == [
        ("copy/09ASTANA480.txt", *bad.expected[0])
    ]
    assert run_archive_rules(_entries([copies[0], _cable(good.text, "09ASTANA481.txt")])) == []


def test_duplicate_pair_of_the_project_corpus() -> None:
    first, second = (PROJECT_CORPUS / "invalid" / f"A702-duplicate-{n}.txt" for n in (1, 2))
    cables = [validate_path(path).cable for path in (second, first)]
    assert all(cable is not None for cable in cables)
    (finding,) = run_archive_rules(_entries(cables))
    path, diagnostic = finding
    assert (path, diagnostic.code, diagnostic.span.line, diagnostic.span.column) == (
        str(second),
        "A702",
        15,
        42,
    )
    assert diagnostic.notes == (f"`{first}` carries the same reference id",)


def test_valid_corpus_has_no_duplicate_reference_id() -> None:
    cables = [validate_path(path).cable for path in sorted(PROJECT_CORPUS.glob("valid/*.txt"))]
    assert run_archive_rules(_entries(cables)) == []


def test_a702_remembers_ids_on_disk_beyond_a_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run over any number of files keeps a bounded number of ids in memory; the rest
    move to a temporary file, and copies are still found against them."""
    monkeypatch.setattr("validator.first_seen.IN_MEMORY", 2)
    original = _cable(HEADER, "a/09ASTANA480.txt")
    others = [
        _cable(HEADER.replace("ASTANA 000480", f"ASTANA 000{serial}"), f"b/{serial}.txt")
        for serial in range(481, 486)
    ]
    copies = [replace(original, path="c/copy.txt"), replace(others[-1], path="c/copy2.txt")]
    findings = run_archive_rules(_entries([original, *others, *copies]))
    assert [(path, d.code, d.notes) for path, d in findings] == [
        ("c/copy.txt", "A702", ("`a/09ASTANA480.txt` carries the same reference id",)),
        ("c/copy2.txt", "A702", ("`b/485.txt` carries the same reference id",)),
    ]


def test_select_leaves_archive_rules_out() -> None:
    cable = _cable(HEADER, "09ASTANA480.txt")
    assert (
        run_archive_rules(
            _entries([cable, replace(cable, path="b/09ASTANA480.txt")]), select={"E101"}
        )
        == []
    )


class _Broken:
    def see(self, entry: ArchiveEntry) -> list[Diagnostic]:
        raise RuntimeError("boom")

    def finish(self) -> list[Diagnostic]:
        raise AssertionError("a broken rule is not asked again")


def test_broken_archive_rule_reports_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("validator.archive.archive_check", {"A702": _Broken}.__getitem__)
    ((path, diagnostic),) = run_archive_rules(_entries([_cable(HEADER, "09ASTANA480.txt")]))
    assert path is None
    assert diagnostic.code == "X001"
    assert "A702" in diagnostic.message
