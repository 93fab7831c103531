"""Edge cases of the C rules (classification, declassification) and T rules (TAGS, SUBJECT,
references) beyond their docstring examples: exact code, line and column."""

from __future__ import annotations

from validator import validate_text
from validator.diagnostics import Diagnostic, Severity
from validator.spelling import closest, edit_distance

DTG_HEADER = """\
P 091657Z SEP 09
FM AMEMBASSY BERLIN
TO SECSTATE WASHDC PRIORITY 5130
"""
ACP_HEADER = """\
VZCZCXRO1106
PP RUEHAG
DE RUEHRL #1106/01 2521657
{warning}
P 091657Z SEP 09
FM AMEMBASSY BERLIN
TO RUEHC/SECSTATE WASHDC PRIORITY 5130
"""
BANNER = "This record is a partial extract of the original cable.\n\n"
AUTHORITY = "Classified By: Ambassador Philip D. Murphy for reasons 1.4 (b) and (d)\n"


def cable(
    level: str = "C O N F I D E N T I A L",
    eo: str = "E.O. 12958: DECL: 09/09/2019",
    tags: str = "TAGS: PREL GM",
    subject: str = "SUBJECT: COALITION TALKS",
    after_classification: str = "",
    after_subject: str = AUTHORITY,
    body: str = "\n1. (C) The coalition talks opened on Monday.\n",
    header: str = DTG_HEADER,
) -> str:
    """A cable: the header, then line 4 (with the DTG header) is the classification line."""
    return (
        f"{header}{level} BERLIN 001106\n{after_classification}{eo}\n{tags}\n{subject}\n"
        f"{after_subject}{body}"
    )


def found(text: str, code: str, path: str | None = None) -> list[Diagnostic]:
    report = validate_text(text, path=path)
    assert not [d for d in report.diagnostics if d.code == "X001"]
    return [d for d in report.diagnostics if d.code == code]


def at(text: str, code: str, path: str | None = None) -> list[tuple[int, int]]:
    return [(d.span.line, d.span.column) for d in found(text, code, path)]


# --------------------------------------------------------------------------- helpers


def test_edit_distance_counts_a_swap_of_neighbours_as_one_edit() -> None:
    assert edit_distance("SIPDSI", "SIPDIS") == 1
    assert edit_distance("NOFRON", "NOFORN") == 1
    assert edit_distance("", "ABC") == 3
    assert edit_distance("KITTEN", "SITTING") == 3


def test_closest_needs_a_unique_near_miss_and_skips_known_words() -> None:
    assert closest("SIPDSI", ["SIPDIS", "NOFORN"]) == "SIPDIS"
    assert closest("NODIS", ["NODIS", "EXDIS"]) is None
    assert closest("AB", ["AC", "AD"]) is None
    assert closest("OFAC", ["SIPDIS", "NOFORN", "CODEL"]) is None


# --------------------------------------------------------------------------- C401


def test_c401_malformed_classification_word_is_read_as_its_level() -> None:
    spaced = ACP_HEADER.format(warning="ZNY SSSSS ZZH")
    text = cable(level="SS E C R E T", header=spaced, body="\n1. (S) Text.\n")
    assert at(text, "E101") == [(8, 1)]
    assert at(text, "C401") == []
    wrong = cable(level="SS E C R E T", header=ACP_HEADER.format(warning="ZNY CCCCC ZZH"))
    [diagnostic] = found(wrong, "C401")
    assert (diagnostic.span.line, diagnostic.span.column) == (4, 5)
    assert "read from `SS E C R E T`" in diagnostic.secondary[0].message


def test_c401_efto_needs_eeeee_and_the_fix_rewrites_the_whole_warning() -> None:
    text = cable(
        level="UNCLAS E F T O",
        header=ACP_HEADER.format(warning="ZNR UUUUU ZZH"),
        eo="E.O. 12958: N/A",
        after_subject="",
        body="\n1. (U) Text.\n",
    )
    [diagnostic] = found(text, "C401")
    assert (diagnostic.span.line, diagnostic.span.column) == (4, 5)
    assert diagnostic.fix is not None
    assert diagnostic.fix.replacement == "ZNY EEEEE"
    assert (diagnostic.fix.span.column, diagnostic.fix.span.end_column) == (1, 10)


# --------------------------------------------------------------------------- C402, C408


def test_c402_lou_caption_turns_the_error_into_a_warning() -> None:
    plain = cable(level="UNCLAS", eo="E.O. 12356: DECL: OADR", after_subject="")
    lou = cable(
        level="UNCLAS",
        eo="E.O. 12356: DECL: OADR",
        after_classification="LIMITED OFFICIAL USE\n",
        after_subject="",
    )
    assert [d.severity for d in found(plain, "C402")] == [Severity.ERROR]
    [warning] = found(lou, "C402")
    assert (warning.severity, warning.span.line, warning.span.column) == (Severity.WARNING, 6, 13)
    assert warning.secondary[1].span.line == 5


def test_c402_leaves_free_text_to_c408() -> None:
    text = cable(eo="E.O. 12958: XXXXXXXXXXXXX")
    assert at(text, "C402") == []
    assert at(text, "C408") == [(5, 13)]


def test_c408_reports_an_empty_instruction_at_the_order_number() -> None:
    text = cable(eo="E.O. 12356:")
    assert at(text, "C408") == [(5, 6)]


def test_c408_later_declassification_note_on_unclassified_cable_is_info() -> None:
    text = cable(
        level="UNCLASSIFIED",
        eo="E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006",
        after_subject="",
    )
    [diagnostic] = found(text, "C408")
    assert (diagnostic.severity, diagnostic.span.line, diagnostic.span.column) == (
        Severity.INFO,
        5,
        13,
    )
    assert any("1972" in note for note in diagnostic.notes)
    assert at(text, "C402") == []


# --------------------------------------------------------------------------- C403


def test_c403_not_before_eo_12958() -> None:
    older = cable(
        header=DTG_HEADER.replace("SEP 09", "SEP 87"),
        eo="E.O. 12356: DECL: OADR",
        after_subject="",
    )
    assert at(older, "C403") == []


def test_c403_derivative_classification_needs_no_reason() -> None:
    text = cable(
        eo="E.O. 12958: DECL: MR", after_subject="Classified By: Derived from Multiple Sources\n"
    )
    assert at(text, "C403") == []


def test_c403_dates_a_partial_extract_by_its_decl_date_or_order() -> None:
    extract = BANNER + "C O N F I D E N T I A L PARIS 000104\nE.O. 12958: DECL: 01/06/2015\n"
    extract += "TAGS: PREL FR\nSUBJECT: TALKS\n\n1. (C) Text.\n"
    assert at(extract, "C403") == [(3, 1)]
    undated = BANNER + "C O N F I D E N T I A L PARIS 000104\nE.O. 12356: DECL: OADR\n"
    undated += "TAGS: PREL FR\nSUBJECT: TALKS\n\n1. (C) Text.\n"
    assert at(undated, "C403") == []


def test_c403_reads_a_reason_wrapped_onto_the_next_line() -> None:
    wrapped = "Classified By: Ambassador Philip D. Murphy for reasons\n1.4 (b) and (d).\n"
    text = cable(after_subject=wrapped)
    assert at(text, "C403") == []
    assert at(text, "C411") == []


def test_c403_reads_the_reason_of_a_paragraph_one_authority_with_trailing_blanks() -> None:
    body = "\n1.  (U) CLASSIFIED BY AMBASSADOR JOHN DOE. \nREASON: 1.5 (D) \n\n2.  (C) TEXT.\n"
    text = cable(
        header=DTG_HEADER.replace("SEP 09", "SEP 01"),
        eo="E.O. 12958: DECL: 09/09/2011",
        after_subject="",
        body=body,
    )
    assert at(text, "C403") == []


# --------------------------------------------------------------------------- C404, C410


def test_c404_ranks_by_the_first_component_and_ignores_dissemination_controls() -> None:
    secret = cable(level="S E C R E T", body="\n1. (S//REL TO USA, FVEY) Text.\n")
    assert at(secret, "C404") == []
    lower = cable(body="\n1. (s) Text.\n")
    assert at(lower, "C404") == [(10, 5)]
    unclassified = cable(
        level="UNCLAS", eo="E.O. 12958: N/A", after_subject="", body="\n1. (C) Text.\n"
    )
    assert at(unclassified, "C404") == [(9, 5)]


def test_c404_and_c410_read_a_whole_text_marking_by_its_level_word() -> None:
    above = cable(after_subject="", body="\n1.  SECRET - ENTIRE TEXT.\n\n2.  MORE.\n")
    assert at(above, "C404") == [(9, 5)]
    below = cable(
        level="S E C R E T", after_subject="", body="\n1.  CONFIDENTLAL -- ENTIRE TEXT.\n"
    )
    assert at(below, "C410") == [(4, 1)]
    assert at(below, "C411") == []


def test_c410_needs_at_least_one_marking() -> None:
    text = cable(level="S E C R E T", body="\nThe coalition talks opened on Monday.\n")
    assert at(text, "C410") == []


# --------------------------------------------------------------------------- C405, C409


def test_c405_section_1_5_has_no_letter_h() -> None:
    authority = "Classified By: Ambassador John Doe, reasons 1.5 (b) and (h)\n"
    text = cable(
        header=DTG_HEADER.replace("SEP 09", "SEP 99"),
        eo="E.O. 12958: DECL: 09/09/2009",
        after_subject=authority,
    )
    assert at(text, "C405") == [(8, 58)]


def test_c405_and_c409_date_by_the_file_name_only_when_the_whole_year_decides() -> None:
    def extract(section: str) -> str:
        return (
            BANNER + "C O N F I D E N T I A L PARIS 000104\nE.O. 12958: DECL: 01/06/2029\n"
            "TAGS: PREL FR\nSUBJECT: TALKS\n"
            f"Classified By: Ambassador John Doe, reasons {section} (b) and (d)\n\n"
            "1. (C) Text.\n"
        )

    assert at(extract("1.4"), "C405", path="02PARIS104.txt") == [(7, 45)]
    assert at(extract("1.4"), "C405", path="03PARIS104.txt") == []
    assert at(extract("1.5"), "C409", path="05PARIS104.txt") == [(7, 45)]
    assert at(extract("1.5"), "C409", path="04PARIS104.txt") == []


def test_c409_fix_keeps_the_letters() -> None:
    authority = "Classified By: Ambassador John Doe, reasons 1.5 (b) and (d)\n"
    [diagnostic] = found(cable(after_subject=authority), "C409")
    assert diagnostic.fix is not None and diagnostic.fix.replacement == "1.4"
    assert diagnostic.fix.safe


# --------------------------------------------------------------------------- C406, C407


def test_c406_lower_case_misspelling_and_its_fix() -> None:
    text = cable(after_classification="Sipdsi\nSTATE FOR EUR/CE\n")
    [diagnostic] = found(text, "C406")
    assert (diagnostic.span.line, diagnostic.span.column) == (5, 1)
    assert diagnostic.fix is not None and diagnostic.fix.replacement == "SIPDIS"


def test_c406_leaves_passing_lines_and_correct_captions_alone() -> None:
    passing = "STATE FOR EUR/CE\nFOR PA\nOFAC\nSIPDIS E.O. 12958: DECL: 09/09/2019\n"
    text = cable(after_classification=passing, eo="")
    assert at(text, "C406") == []


def test_c407_also_reports_official_use_captions() -> None:
    text = cable(after_classification="LIMITED OFFICIAL USE\n")
    assert [(d.severity, d.span.line) for d in found(text, "C407")] == [(Severity.INFO, 5)]


# --------------------------------------------------------------------------- C411


def test_c411_skips_pseudo_paragraphs_and_quoted_numbering() -> None:
    body = (
        "\n1. (C) Summary.\n\n2. (C) The draft reads:\n\n1. THE COUNCIL RECALLS.\n\n"
        "2. THE COUNCIL DECIDES.\n\n3. THE COUNCIL REMAINS SEIZED.\n\n15. In addition.\n\n"
        "3. (C) Comment.\n\n4. The last paragraph.\n"
    )
    assert at(cable(body=body), "C411") == [(24, 1)]


def test_c411_one_finding_for_a_cable_without_any_marking() -> None:
    body = "\n1. Text.\n\n2. More text.\n"
    assert at(cable(body=body), "C411") == [(10, 1)]
    older = cable(
        header=DTG_HEADER.replace("SEP 09", "SEP 90"),
        eo="E.O. 12356: DECL: OADR",
        after_subject="",
        body=body,
    )
    assert at(older, "C411") == []


def test_c411_authority_paragraph_is_not_text() -> None:
    body = "\n1.  CLASSIFIED BY JOHN DOE, REASON 1.5 (D).\n\n2.  (C) TEXT.\n"
    text = cable(
        header=DTG_HEADER.replace("SEP 09", "SEP 97"),
        eo="E.O. 12958: DECL: 09/09/2007",
        after_subject="",
        body=body,
    )
    assert at(text, "C411") == []


# --------------------------------------------------------------------------- C412, C413


def test_c412_control_word_of_the_classification_line_counts_as_the_caption() -> None:
    with_nf = cable(level="S E C R E T N O F O R N", body="\n1. (S/NF) Text.\n")
    assert at(with_nf, "C412") == []
    without = cable(level="S E C R E T N O F O R N", body="\n1. (S) Text.\n")
    assert at(without, "C412") == [(4, 13)]


def test_c412_whole_text_noforn_needs_the_caption() -> None:
    body = "\n1.  SECRET/NOFORN - ENTIRE TEXT.\n"
    text = cable(level="S E C R E T", after_subject="", body=body)
    assert at(text, "C412") == [(9, 5)]


def test_c413_only_on_unclassified_cables_without_an_sbu_caption() -> None:
    classified = cable(body="\n1. (SBU) Text.\n")
    assert at(classified, "C413") == []
    captioned = cable(
        level="UNCLAS",
        eo="E.O. 12958: N/A",
        after_classification="SENSITIVE BUT UNCLASSIFIED\n",
        after_subject="",
        body="\n1. (sbu/nf) Text.\n",
    )
    assert at(captioned, "C413") == []
    assert at(captioned.replace("SENSITIVE BUT UNCLASSIFIED\n", ""), "C413") == [(9, 5)]


# --------------------------------------------------------------------------- T501, T502, T507


def test_t501_recorded_typo_has_a_fix_and_the_table_note() -> None:
    [diagnostic] = found(cable(tags="TAGS: PREL POGOV GM"), "T501")
    assert (diagnostic.span.line, diagnostic.span.column) == (6, 12)
    assert diagnostic.fix is not None and diagnostic.fix.replacement == "PGOV"
    assert diagnostic.help == "did you mean `PGOV`?"
    assert diagnostic.notes


def test_t501_unlisted_code_with_a_unique_near_miss() -> None:
    [diagnostic] = found(cable(tags="TAGS: PRELL GM"), "T501")
    assert diagnostic.help == "did you mean `PREL`?"


def test_t502_lone_dash_and_punctuation() -> None:
    text = cable(tags="TAGS: PREL, -, PHUM., GM")
    diagnostics = found(text, "T502")
    assert [(d.span.line, d.span.column) for d in diagnostics] == [(6, 13), (6, 16)]
    assert diagnostics[0].fix is None
    assert diagnostics[1].fix is not None and diagnostics[1].fix.replacement == "PHUM"


def test_t507_free_keywords_in_a_partial_extract_are_info_not_t501() -> None:
    extract = BANNER + "C O N F I D E N T I A L PANAMA 000325\nE.O. 12958: DECL: 02/05/2014\n"
    extract += "TAGS: PGOV, PREL, PM, POL CHIEF\nSUBJECT: TALKS\n"
    assert at(extract, "T507") == [(5, 27)]
    assert at(extract, "T501") == [] and at(extract, "T502") == []


def test_t507_mixed_case_keyword_outside_a_partial_extract() -> None:
    text = cable(tags="TAGS: PREL, GM, Human Rights")
    assert at(text, "T507") == [(6, 17)]
    assert at(text, "T501") == []


# --------------------------------------------------------------------------- T503, T504


def test_t503_compares_without_case_and_fixes_on_the_same_line() -> None:
    [diagnostic] = found(cable(tags="TAGS: PREL, GM, prel"), "T503")
    assert (diagnostic.span.line, diagnostic.span.column) == (6, 17)
    assert diagnostic.fix is not None
    assert (
        diagnostic.fix.span.column,
        diagnostic.fix.span.end_column,
        diagnostic.fix.replacement,
    ) == (
        15,
        21,
        "",
    )


def test_t504_counts_slips_for_countries_and_organizations() -> None:
    assert at(cable(tags="TAGS: PREL RU"), "T504") == []
    assert at(cable(tags="TAGS: PREL EUN"), "T504") == []
    assert at(cable(tags="TAGS: PREL ASEC"), "T504") == [(6, 1)]


# --------------------------------------------------------------------------- T505, T506, T508


def test_t505_subject_text_on_the_next_line_is_not_empty() -> None:
    text = cable(subject="SUBJECT:\nCOALITION TALKS")
    assert at(text, "T505") == []


def test_t506_letter_before_a_and_inline_letters() -> None:
    refs = "REF: B. BERLIN 1101\nA. STATE 93322\n" + AUTHORITY
    assert at(cable(after_subject=refs), "T506") == [(8, 6), (9, 1)]
    inline = "REF: A) BERLIN 1101 B) STATE 93322 D) BERLIN 1020\n" + AUTHORITY
    assert at(cable(after_subject=inline), "T506") == [(8, 36)]


def test_t506_initials_and_lower_case_letters() -> None:
    initials = "REF: A. LETTER FROM J. DOE B. STATE 93322\n" + AUTHORITY
    assert at(cable(after_subject=initials), "T506") == []
    lower = "Ref: a. 05 state 201650\n\n¶B. 05 berlin 3726\nc. 05 state 211408\n" + AUTHORITY
    assert at(cable(after_subject=lower), "T506") == []


def test_t506_leaves_an_unlettered_first_reference_alone() -> None:
    refs = "REF: BERLIN 1101\n\n(U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED.\n" + AUTHORITY
    assert at(cable(after_subject=refs), "T506") == []


def test_t508_ovip_at_the_end_of_the_list() -> None:
    assert at(cable(tags="TAGS: PREL GM OVIP"), "T508") == [(6, 15)]
    assert at(cable(tags="TAGS: OVIP (CLINTON, HILLARY) PREL GM"), "T508") == []
