"""Mutation tests: one defect in a valid cable gives exactly the expected finding, nothing else.

Each case starts from a cable of corpus/valid (which gives no finding), changes one thing the
way a copying or conversion error would, and names the codes that must appear.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from validator import validate_text

from .conftest import PROJECT_CORPUS

BERLIN = "09BERLIN1452.txt"  # ACP-127 XRO copy, SECRET NOFORN, two sections, REF, page line
BAGHDAD = "09BAGHDAD487.txt"  # DTG-first copy, addressees without routing indicators
BEIRUT = "87BEIRUT5184.txt"  # 1987, E.O. 12356, whole-text marking


@dataclass(frozen=True)
class Mutation:
    family: str
    cable: str
    change: Callable[[str], str]
    expected: tuple[str, ...]


def replace(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    def change(text: str) -> str:
        assert old in text, f"mutation target {old!r} not in the cable"
        return text.replace(old, new, count)

    return change


def drop_line(start: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        lines = text.split("\n")
        kept = [line for line in lines if not line.startswith(start)]
        assert len(kept) == len(lines) - 1, f"no single line starts with {start!r}"
        return "\n".join(kept)

    return change


MUTATIONS = {
    # E: envelope syntax
    "malformed DE line": Mutation(
        "E", BERLIN, replace("#1452/01 3241033", "#1452/O1 3241033"), ("E101",)
    ),
    "SUBJECT lost": Mutation("E", BERLIN, drop_line("SUBJECT:"), ("E102",)),
    "TAGS lost": Mutation("E", BAGHDAD, drop_line("TAGS"), ("E102",)),
    # D: dates and times
    "impossible DTG day": Mutation(
        "D", BERLIN, replace("O 201033Z NOV 09", "O 311033Z NOV 09"), ("D201",)
    ),
    "Julian day off by one": Mutation("D", BERLIN, replace("3241033", "3251033"), ("D202",)),
    "DECL date before the DTG": Mutation(
        "D", BERLIN, replace("DECL: 11/20/2019", "DECL: 11/20/2008"), ("D203",)
    ),
    "impossible DECL date": Mutation(
        "D", BERLIN, replace("DECL: 11/20/2019", "DECL: 11/31/2019"), ("D204",)
    ),
    "unknown executive order": Mutation(
        "D", BERLIN, replace("E.O. 12958:", "E.O. 12598:"), ("D210",)
    ),
    # R: routing, serials, sections
    "digraph disagrees with the DTG": Mutation(
        "R", BERLIN, replace("OO RUEHAG", "PP RUEHAG"), ("R301",)
    ),
    "DE serial disagrees": Mutation("R", BERLIN, replace("#1452/01", "#1425/01"), ("R305",)),
    "classification post disagrees": Mutation(
        "R", BERLIN, replace("02 BERLIN 001452", "02 BONN 001452"), ("A701", "R304", "R310")
    ),
    "section number above the count": Mutation(
        "R", BERLIN, replace("SECTION 01 OF 02", "SECTION 03 OF 02"), ("R306",)
    ),
    "addressee listed twice": Mutation(
        "R",
        BERLIN,
        replace("RUCNFRG/FRG COLLECTIVE PRIORITY", "RUEHC/SECSTATE WASHDC PRIORITY"),
        ("R308",),
    ),
    # C: classification and declassification
    "security warning disagrees": Mutation(
        "C", BERLIN, replace("ZNY SSSSS ZZH", "ZNY CCCCC ZZH"), ("C401",)
    ),
    "E.O. N/A on a classified cable": Mutation(
        "C", BERLIN, replace("DECL: 11/20/2019", "N/A"), ("C402",)
    ),
    "Classified By lost": Mutation("C", BERLIN, drop_line("Classified By:"), ("C403",)),
    "reason letter out of range": Mutation(
        "C", BERLIN, replace("1.4 (b) and (d)", "1.4 (b) and (k)"), ("C405",)
    ),
    "misspelt caption": Mutation("C", BERLIN, replace("NOFORN \n", "NOFRON \n"), ("C406", "C412")),
    # T: TAGS, subject, references
    "misspelt TAG": Mutation("T", BERLIN, replace("TAGS: PREL MARR", "TAGS: PERL MARR"), ("T501",)),
    "duplicate TAG": Mutation("T", BERLIN, replace("NATO GM AF", "NATO GM AF GM"), ("T503",)),
    "reference letter skipped": Mutation(
        "T", BERLIN, replace("     B. STATE 118204", "     C. STATE 118204"), ("T506",)
    ),
    # O: OCR and layout artifacts
    "paragraph sign mangled": Mutation("O", BERLIN, replace("¶2. (S)", "$\\P 2$. (S)"), ("O601",)),
    "TAGS and SUBJECT merged": Mutation(
        "O", BERLIN, replace("NATO GM AF \nSUBJECT:", "NATO GM AF SUBJECT:"), ("O603",)
    ),
    "encoding damage": Mutation(
        "O", BERLIN, replace("Senior Chancellery", "Senior Chancell\ufffdry"), ("O604",)
    ),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_one_defect_gives_exactly_its_finding(name: str) -> None:
    mutation = MUTATIONS[name]
    path = PROJECT_CORPUS / "valid" / mutation.cable
    original = path.read_text(encoding="utf-8")
    assert validate_text(original, path=str(path)).diagnostics == ()
    mutated = mutation.change(original)
    report = validate_text(mutated, path=str(path))
    assert sorted({d.code for d in report.diagnostics}) == sorted(mutation.expected), [
        f"{d.code} {d.span.line}:{d.span.column} {d.message}" for d in report.diagnostics
    ]


def test_every_rule_family_is_mutated() -> None:
    assert {m.family for m in MUTATIONS.values()} == {"E", "D", "R", "C", "T", "O"}


def test_file_name_disagreeing_with_the_reference_id() -> None:
    """A: the file name is the defect (A701)."""
    path = PROJECT_CORPUS / "valid" / BERLIN
    text = path.read_text(encoding="utf-8")
    report = validate_text(text, path=str(path.with_name("09BERLIN1453.txt")))
    assert [d.code for d in report.diagnostics] == ["A701"]
