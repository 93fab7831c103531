"""Parser: classification line, captions and passing lines (ENVELOPE.md 2.11-2.13)."""

from __future__ import annotations

import pytest

from .parsing import FRONT, cable, exact, findings, parse, value, where

HEAD = "P 091657Z SEP 09\nFM AMEMBASSY BERLIN\nTO SECSTATE WASHDC PRIORITY 5130\n"


def test_classification_line_fields_and_spans() -> None:
    line = cable(HEAD, "C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106\n", FRONT)
    classification = line.classification
    assert classification is not None
    assert where(classification) == "4:1-4:55"
    assert value(classification.level) == ("C O N F I D E N T I A L", "4:1-4:24")
    assert classification.control is None
    assert value(classification.section) == ("01", "4:33-4:35")
    assert value(classification.sections) == ("03", "4:39-4:41")
    assert value(classification.post) == ("BERLIN", "4:42-4:48")
    assert value(classification.serial) == ("001106", "4:49-4:55")
    assert classification.level_name == "CONFIDENTIAL"
    assert (classification.section_number, classification.section_count) == (1, 3)
    assert classification.serial_number == 1106
    assert not classification.malformed


@pytest.mark.parametrize(
    ("line", "level", "level_name", "post", "serial"),
    [
        ("S E C R E T STATE 009565", "S E C R E T", "SECRET", ("STATE", "4:13-4:18"), "009565"),
        ("UNCLAS ASTANA 000480", "UNCLAS", "UNCLAS", ("ASTANA", "4:8-4:14"), "000480"),
        ("SECRET ROME 000097", "SECRET", "SECRET", ("ROME", "4:8-4:12"), "000097"),
        ("UNCLASSIFIED TEHRAN 1164", "UNCLASSIFIED", "UNCLASSIFIED", ("TEHRAN", "4:14-4:20"),
         "1164"),
        ("C O N F I D E N T I A L BEIRUT 02370", "C O N F I D E N T I A L", "CONFIDENTIAL",
         ("BEIRUT", "4:25-4:31"), "02370"),
        ("UNCLAS E F T O CHENNAI 001470", "UNCLAS E F T O", "UNCLAS EFTO", ("CHENNAI", "4:16-4:23"),
         "001470"),
        ("T O P  S E C R E T STATE 123456", "T O P  S E C R E T", "TOP SECRET",
         ("STATE", "4:20-4:25"), "123456"),
        ("L I M I T E D  O F F I C I A L  U S E ANKARA 01234",
         "L I M I T E D  O F F I C I A L  U S E", "LIMITED OFFICIAL USE", ("ANKARA", "4:39-4:45"),
         "01234"),
        ("S E C R E T  STATE 196513", "S E C R E T", "SECRET", ("STATE", "4:14-4:19"), "196513"),
        ("C O N F I D E N T I A L USUN NEW YORK 03993", "C O N F I D E N T I A L", "CONFIDENTIAL",
         ("USUN NEW YORK", "4:25-4:38"), "03993"),
        ("c o n f i d e n t i a l ankara 000348", "c o n f i d e n t i a l", "CONFIDENTIAL",
         ("ankara", "4:25-4:31"), "000348"),
    ],
)  # fmt: skip
def test_classification_level_spellings(
    line: str, level: str, level_name: str, post: tuple[str, str], serial: str
) -> None:
    classification = cable(HEAD, line + "\n", FRONT).classification
    assert classification is not None
    assert value(classification.level) == (level, f"4:1-4:{len(level) + 1}")
    assert classification.level_name == level_name
    assert value(classification.post) == post
    assert value(classification.serial) == (
        serial,
        f"4:{len(line) - len(serial) + 1}-4:{len(line) + 1}",
    )
    assert classification.section is None


def test_sentence_case_section_and_lower_case_of() -> None:
    classification = cable(
        HEAD, "C o n f i d e n t i a l section 01 of 04 ankara 000348\n", FRONT
    ).classification
    assert classification is not None
    assert value(classification.section) == ("01", "4:33-4:35")
    assert value(classification.sections) == ("04", "4:39-4:41")
    assert value(classification.post) == ("ankara", "4:42-4:48")


def test_control_word_is_not_part_of_the_post() -> None:
    classification = cable(HEAD, "S E C R E T N O F O R N MOGADISHU 01643\n", FRONT).classification
    assert classification is not None
    assert value(classification.control) == ("N O F O R N", "4:13-4:24")
    assert value(classification.post) == ("MOGADISHU", "4:25-4:34")


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("SS E C R E T MOSCOW 000226", "SS E C R E T"),
        ("E C R E T SANAA 000473", "E C R E T"),
        ("CC O N F I D E N T I A L SECTION 01 OF 04 BEIJING 001378", "CC O N F I D E N T I A L"),
    ],
)
def test_malformed_classification_word_is_e101_on_the_word(line: str, word: str) -> None:
    result = parse(HEAD, line + "\n", FRONT)
    assert findings(result) == [("E101", f"4:1-4:{len(word) + 1}")]
    assert result.diagnostics[0].message == f"malformed classification word `{word}`"
    classification = result.cable.classification
    assert classification is not None
    assert classification.malformed
    assert classification.level.text == word
    # Post and serial are still read: the rules comparing them keep working.
    assert classification.post.text == line.split()[-2]
    assert classification.serial.text == line.split()[-1]


CAPTIONED = "C O N F I D E N T I A L BERLIN 001106\n"


@pytest.mark.parametrize(
    ("line", "kind", "name"),
    [
        ("SIPDIS", "caption", "SIPDIS"),
        ("Sipdis", "caption", "SIPDIS"),
        ("NOFORN", "caption", "NOFORN"),
        ("SENSITIVE", "caption", "SENSITIVE"),
        ("SENSITIVE BUT UNCLASSIFIED", "caption", "SENSITIVE BUT UNCLASSIFIED"),
        ("FOR OFFICIAL USE ONLY", "caption", "FOR OFFICIAL USE ONLY"),
        ("LIMITED OFFICIAL USE", "caption", "LIMITED OFFICIAL USE"),
        ("TERREP EXCLUSIVE", "caption", "TERREP EXCLUSIVE"),
        ("CODEL", "caption", "CODEL"),
        ("EXDIS", "caption", "EXDIS"),
        (
            "C O R R E C T E D COPY --CHANGE OF CLASSIFICATION",
            "corrected-copy",
            "C O R R E C T E D COPY --CHANGE OF CLASSIFICATION",
        ),
        ("CORRECTED COPY", "corrected-copy", "CORRECTED COPY"),
        (
            "//CORRECTED COPY// ADDING CLASSIFIED BY LINE",
            "corrected-copy",
            "//CORRECTED COPY// ADDING CLASSIFIED BY LINE",
        ),
        (
            "Declassified/Released US Department of State EO Systematic Review 30 JUN 2005",
            "review-stamp",
            "DECLASSIFIED/RELEASED US DEPARTMENT OF STATE EO SYSTEMATIC REVIEW 30 JUN 2005",
        ),
    ],
)
def test_caption_lines(line: str, kind: str, name: str) -> None:
    parsed = cable(HEAD, CAPTIONED, "\n", line + "   \n", FRONT)
    (caption,) = parsed.captions
    assert (caption.kind, caption.name) == (kind, name)
    assert value(caption.text) == (line, f"6:1-6:{len(line) + 1}")
    assert where(caption) == f"6:1-6:{len(line) + 1}"


def test_captions_and_passing_lines_in_order() -> None:
    parsed = cable(
        HEAD,
        CAPTIONED,
        """
        NOFORN
        SIPDIS

        STATE FOR EUR/CE, INR
        DEPT PASS TO USTR
        "PERISHABLE INFORMATION -- DO NOT SERVICE"
        SIPDIS
        """,
        FRONT,
    )
    assert [(c.name, where(c)) for c in parsed.captions] == [
        ("NOFORN", "5:1-5:7"),
        ("SIPDIS", "6:1-6:7"),
        ("SIPDIS", "11:1-11:7"),
    ]
    assert [value(p.text) for p in parsed.passing_lines] == [
        ("STATE FOR EUR/CE, INR", "8:1-8:22"),
        ("DEPT PASS TO USTR", "9:1-9:18"),
        ('"PERISHABLE INFORMATION -- DO NOT SERVICE"', "10:1-10:43"),
    ]
    assert where(parsed.eo) == "12:1-12:29"


def test_passing_line_sharing_the_eo_line() -> None:
    parsed = cable(
        HEAD,
        CAPTIONED,
        "DEPT FOR WHA/BSC E.O. 12958: DECL: 11/22/2012\nTAGS: PGOV BR\nSUBJECT: X\n",
    )
    (passing,) = parsed.passing_lines
    assert value(passing.text) == ("DEPT FOR WHA/BSC", "5:1-5:17")
    assert where(parsed.eo) == "5:18-5:46"
    (merged,) = parsed.merged
    assert (merged.element, merged.after, str(merged.span)) == (
        "E.O. line",
        "passing line",
        "5:18-5:46",
    )


def test_blank_and_whitespace_lines_between_classification_and_eo_line() -> None:
    parsed = exact(HEAD + CAPTIONED + " \n\n  \nSIPDIS \n \n" + FRONT)
    assert [where(c) for c in parsed.captions] == ["8:1-8:7"]
    assert where(parsed.eo) == "10:1-10:29"
