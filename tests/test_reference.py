"""Tests of the bundled reference tables and their loader (validator.reference).

Only the package's own data files are read; nothing outside the package.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from importlib.resources import files
from pathlib import Path

import pytest

from validator import reference as ref
from validator.reference import TagKind

PROJECT_ROOT = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------- loading


def test_import_reads_no_file() -> None:
    code = (
        "import validator.reference as r\n"
        "assert r._table.cache_info().currsize == 0, r._table.cache_info()\n"
        "assert r.tags.cache_info().currsize == 0\n"
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(PROJECT_ROOT), *filter(None, [env.get("PYTHONPATH")])])
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=PROJECT_ROOT)


@pytest.mark.parametrize("name", ref.TABLES)
def test_bundled_table_shape(name: str) -> None:
    text = (files("validator.reference") / "data" / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# source: ")
    assert f"bundled from shared/reference/{name}" in lines[0]
    width = len(lines[1].split("\t"))
    assert width >= 4
    assert all(len(line.split("\t")) == width for line in lines[2:])


def test_table_source() -> None:
    assert ref.table_source("precedence.tsv").startswith("ACP 127")
    with pytest.raises(KeyError):
        ref.table_source("nonexistent.tsv")


def test_tables_are_parsed_once() -> None:
    assert ref.tags() is ref.tags()
    assert ref.routing_pairs() is ref.routing_pairs()


def test_records_are_immutable_and_compact() -> None:
    item = ref.precedence("O")
    with pytest.raises(AttributeError):
        item.rank = 9  # type: ignore[misc]
    assert not hasattr(item, "__dict__")


# --------------------------------------------------------------------------- precedence


def test_precedences_table() -> None:
    rows = [(p.prosign, p.name, p.rank, p.addressee_word) for p in ref.precedences()]
    assert rows == [
        ("Z", "FLASH", 4, "FLASH"),
        ("O", "IMMEDIATE", 3, "IMMEDIATE"),
        ("O", "NIACT IMMEDIATE", 3, "NIACT IMMEDIATE"),
        ("P", "PRIORITY", 2, "PRIORITY"),
        ("R", "ROUTINE", 1, ""),
        ("Y", "EMERGENCY COMMAND PRECEDENCE", 5, ""),
    ]
    assert [p.prosign for p in ref.precedences() if p.military_only] == ["Y"]


@pytest.mark.parametrize(
    ("prosign", "rank"), [("Z", 4), ("O", 3), ("0", 3), ("o", 3), (" P ", 2), ("R", 1)]
)
def test_precedence_rank(prosign: str, rank: int) -> None:
    assert ref.precedence_rank(prosign) == rank


def test_precedence_unknown_and_military() -> None:
    with pytest.raises(KeyError):
        ref.precedence_rank("X")
    assert ref.precedence("Y").military_only is True
    assert ref.precedence("0").name == "IMMEDIATE"
    assert ref.canonical_prosign("0") == "O"
    assert ref.canonical_prosign(" p") == "P"


@pytest.mark.parametrize(
    ("word", "prosign"),
    [
        ("FLASH", "Z"),
        ("NIACT IMMEDIATE", "O"),
        ("niact   immediate", "O"),
        ("IMMEDIATE", "O"),
        ("PRIORITY", "P"),
        ("ROUTINE", "R"),
        (None, "R"),
        ("", "R"),
    ],
)
def test_prosign_for_word(word: str | None, prosign: str) -> None:
    assert ref.prosign_for_word(word) == prosign


@pytest.mark.parametrize("word", ["URGENT", "EMERGENCY COMMAND PRECEDENCE"])
def test_prosign_for_unknown_word(word: str) -> None:
    with pytest.raises(KeyError):
        ref.prosign_for_word(word)


# --------------------------------------------------------------------------- classification


def test_classification_levels_table() -> None:
    rows = [
        (c.level, c.rank, c.security_warning, c.paragraph_marking, c.caption)
        for c in ref.classification_levels()
    ]
    assert rows == [
        ("UNCLASSIFIED", 0, "ZNR UUUUU", "U", ""),
        ("SENSITIVE BUT UNCLASSIFIED", 0, "ZNR UUUUU", "SBU", "SENSITIVE"),
        ("UNCLAS EFTO", 0, "ZNY EEEEE", "U", ""),
        ("LIMITED OFFICIAL USE", 0, "ZNR UUUUU", "LOU", "LIMITED OFFICIAL USE"),
        ("FOR OFFICIAL USE ONLY", 0, "ZNR UUUUU", "", "FOR OFFICIAL USE ONLY"),
        ("CONFIDENTIAL", 2, "ZNY CCCCC", "C", ""),
        ("SECRET", 3, "ZNY SSSSS", "S", ""),
        ("TOP SECRET", 4, "ZNY TTTTT", "TS", ""),
    ]


def test_classification_uncertainty_and_properties() -> None:
    lou = ref.classification_level("LIMITED OFFICIAL USE")
    assert lou is not None
    assert lou.uncertain == frozenset({"security_warning"})
    assert lou.is_classified is False
    secret = ref.classification_level("SECRET")
    assert secret is not None
    assert (secret.operating_signal, secret.security_group) == ("ZNY", "SSSSS")
    assert secret.is_classified is True
    assert secret.uncertain == frozenset()


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("C O N F I D E N T I A L", "CONFIDENTIAL"),
        ("Confidential", "CONFIDENTIAL"),
        ("S E C R E T", "SECRET"),
        ("T O P  S E C R E T", "TOP SECRET"),
        ("UNCLAS", "UNCLASSIFIED"),
        ("UNCLASSIFIED", "UNCLASSIFIED"),
        ("UNCLAS E F T O", "UNCLAS EFTO"),
        ("L I M I T E D  O F F I C I A L  U S E", "LIMITED OFFICIAL USE"),
    ],
)
def test_classification_level_lookup(name: str, level: str) -> None:
    found = ref.classification_level(name)
    assert found is not None
    assert found.level == level


def test_classification_level_unknown() -> None:
    assert ref.classification_level("SS E C R E T") is None
    assert ref.classification_level("RESTRICTED") is None


@pytest.mark.parametrize(
    ("group", "rank", "signal"),
    [
        ("UUUUU", 0, "ZNR"),
        ("EEEEE", 0, "ZNY"),
        ("CCCCC", 2, "ZNY"),
        ("SSSSS", 3, "ZNY"),
        ("TTTTT", 4, "ZNY"),
        ("ZNY SSSSS/AAAAA", 3, "ZNY"),
        ("ZNR UUUUU", 0, "ZNR"),
    ],
)
def test_security_warning(group: str, rank: int, signal: str) -> None:
    assert ref.security_warning_rank(group) == rank
    assert ref.security_warning_signal(group) == signal


def test_security_warning_unknown() -> None:
    with pytest.raises(KeyError):
        ref.security_warning_rank("XXXXX")


@pytest.mark.parametrize(
    ("marking", "rank"),
    [
        ("U", 0),
        ("(U)", 0),
        ("SBU", 0),
        ("(SBU/NF)", 0),
        ("LOU", 0),
        ("C", 2),
        ("(C//NF)", 2),
        ("(C - ENTIRE TEXT)", 2),
        ("S", 3),
        ("(S-NF)", 3),
        ("S//REL TO USA, GBR", 3),
        ("TS", 4),
        ("ts", 4),
    ],
)
def test_paragraph_marking_rank(marking: str, rank: int) -> None:
    assert ref.paragraph_marking_rank(marking) == rank


def test_paragraph_markings() -> None:
    assert ref.paragraph_markings() == frozenset({"U", "SBU", "LOU", "C", "S", "TS"})
    with pytest.raises(KeyError):
        ref.paragraph_marking_rank("(China)")


def test_level_for_caption() -> None:
    sensitive = ref.level_for_caption("SENSITIVE")
    assert sensitive is not None
    assert sensitive.level == "SENSITIVE BUT UNCLASSIFIED"
    lou = ref.level_for_caption("Limited Official Use")
    assert lou is not None
    assert lou.level == "LIMITED OFFICIAL USE"
    assert ref.level_for_caption("NOFORN") is None


# --------------------------------------------------------------------------- TAGS


def test_tag_kinds_in_table() -> None:
    assert {t.kind for t in ref.tags()} == set(TagKind)
    assert {str(kind) for kind in TagKind} == {"subject", "program", "country", "organization"}
    assert len(ref.known_tags()) == 926
    multi = {code for code in ref.known_tags() if len(ref.tag_kinds(code)) > 1}
    assert multi == {"AL"}


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("PREL", "subject"),
        ("prel", "subject"),
        ("IZ", "country"),
        ("RS", "country"),
        ("AL", "country"),
        ("KDEM", "program"),
        ("KNNP", "program"),
        ("KZZZ", "program"),
        ("KANU", "organization"),
        ("NATO", "organization"),
        ("EUN", "organization"),
        ("Alitalia", "organization"),
        ("EU", "country"),
    ],
)
def test_tag_kind(code: str, kind: str) -> None:
    assert ref.tag_kind(code) == kind


@pytest.mark.parametrize("code", ["Human Rights", "XYZW", "K12", "-"])
def test_tag_kind_unknown(code: str) -> None:
    assert ref.tag_kind(code) is None


def test_tag_entries() -> None:
    assert ref.tag_kinds("AL") == frozenset({TagKind.COUNTRY, TagKind.ORGANIZATION})
    assert [t.meaning for t in ref.tag_entries("IZ")] == ["Iraq"]
    assert ref.tag_entries("NOPE") == ()
    assert "PREL" in ref.known_tags()
    assert "KZZZ" not in ref.known_tags()


@pytest.mark.parametrize(
    ("code", "expected"),
    [("IZ", True), ("AL", True), (" rs ", True), ("PREL", False), ("IRAJ", False), ("NATO", False)],
)
def test_is_geographic(code: str, expected: bool) -> None:
    assert ref.is_geographic(code) is expected


@pytest.mark.parametrize(
    ("code", "replacement"),
    [
        ("POGOV", "PGOV"),
        ("PGOB", "PGOV"),
        ("IQ", "IZ"),
        ("RU", "RS"),
        ("YE", "YM"),
        ("EINDETRD", "EIND ETRD"),
        ("PREL", None),
        ("CM", None),
    ],
)
def test_tag_replacement(code: str, replacement: str | None) -> None:
    assert ref.tag_replacement(code) == replacement


# --------------------------------------------------------------------------- routing


def test_plads_for_indicator() -> None:
    assert ref.plads_for_indicator("RUEHRL") == frozenset(
        {"AMEMBASSY BERLIN", "AMCONSUL DUSSELDORF"}
    )
    assert "AMEMBASSY BERLIN" in ref.plads_for_indicator(" ruehrl ")
    assert ref.plads_for_indicator("RUEHTA") == frozenset({"AMEMBASSY ALMATY", "AMEMBASSY ASTANA"})
    assert "SECSTATE WASHDC" in ref.plads_for_indicator("RUEHC")
    assert ref.plads_for_indicator("RUEHWEB") == frozenset()


def test_indicators_for_plad() -> None:
    assert ref.indicators_for_plad("AMEMBASSY PARIS") == frozenset({"RUEHFR", "RUEHFRA"})
    assert ref.indicators_for_plad("  amembassy   paris ") == frozenset({"RUEHFR", "RUEHFRA"})
    assert ref.indicators_for_plad("USEU BRUSSELS") == frozenset({"RUEHBS"})
    assert ref.indicators_for_plad("AMCONSUL BARCELONA") == frozenset({"RUEHLA", "RUFHMDB"})
    assert ref.indicators_for_plad("AMEMBASSY NOWHERE") == frozenset()
    assert ref.normalize_plad(" amembassy  tel\taviv ") == "AMEMBASSY TEL AVIV"


def test_routing_counts() -> None:
    pairs = {(p.routing_indicator, p.plad): p for p in ref.routing_pairs()}
    berlin = pairs[("RUEHRL", "AMEMBASSY BERLIN")]
    assert (berlin.de_fm_cables, berlin.addressee_cables, berlin.cables_csv_cables) == (11, 6, 0)
    dubai = pairs[("RUEHDE", "AMCONSUL DUBAI")]
    assert (dubai.de_fm_cables, dubai.addressee_cables, dubai.cables_csv_cables) == (1, 3, 3)
    assert dubai.cables == 7
    assert ref.pairing_cables("RUEHFR", "amembassy paris") == 43
    assert ref.pairing_cables("RUEHFR", "AMEMBASSY BERLIN") == 0
    assert len(ref.routing_pairs()) == 383
    assert "RUEHC" in ref.known_indicators()


# --------------------------------------------------------------------------- executive orders


def test_executive_orders() -> None:
    orders = ref.executive_orders()
    assert set(orders) == {"10501", "11652", "12065", "12356", "12958", "13526"}
    eo13526 = orders["13526"]
    assert eo13526.signed == date(2009, 12, 29)
    assert eo13526.in_force_from == date(2010, 6, 27)
    assert eo13526.in_force_until is None
    assert eo13526.reason_section == "1.4 (a)-(h)"
    eo10501 = orders["10501"]
    assert eo10501.in_force_from == date(1953, 12, 15)
    assert eo10501.in_force_until == date(1972, 5, 31)
    assert eo10501.uncertain == frozenset({"in_force_from"})
    assert eo10501.reason_section == ""
    eo12958 = orders["12958"]
    assert (eo12958.signed, eo12958.in_force_from) == (date(1995, 4, 17), date(1995, 10, 14))
    assert eo12958.amended_by is None
    assert (eo12958.reason_section_number, eo12958.reason_letters) == ("1.5", "abcdefg")
    orders.clear()  # a copy: the cached table is unaffected
    assert ref.executive_order("12356") is not None
    assert ref.executive_order("12598") is None


def test_order_versions_and_typos() -> None:
    versions = [(o.number, o.amended_by) for o in ref.order_versions()]
    assert versions == [
        ("10501", None),
        ("11652", None),
        ("12065", None),
        ("12356", None),
        ("12958", None),
        ("12958", "13292"),
        ("13526", None),
    ]
    assert ref.order_typos() == {"12536": "12356", "12598": "12958"}


@pytest.mark.parametrize(
    ("day", "number"),
    [
        (date(1950, 1, 1), None),
        (date(1953, 12, 15), "10501"),
        (date(1972, 2, 15), "10501"),
        (date(1972, 5, 31), "10501"),
        (date(1972, 6, 1), "11652"),
        (date(1978, 11, 30), "11652"),
        (date(1978, 12, 1), "12065"),
        (date(1982, 7, 31), "12065"),
        (date(1982, 8, 1), "12356"),
        (date(1990, 1, 1), "12356"),
        (date(1995, 10, 13), "12356"),
        (date(1995, 10, 14), "12958"),
        (date(2003, 3, 25), "12958"),
        (date(2010, 6, 26), "12958"),
        (date(2010, 6, 27), "13526"),
        (date(2025, 1, 1), "13526"),
    ],
)
def test_order_in_force(day: date, number: str | None) -> None:
    order = ref.order_in_force(day)
    assert (order.number if order else None) == number


def test_order_in_force_amendment() -> None:
    before = ref.order_in_force(date(2003, 3, 24))
    after = ref.order_in_force(date(2005, 1, 1))
    assert before is not None
    assert after is not None
    assert (before.amended_by, before.reason_section_number) == (None, "1.5")
    assert (after.amended_by, after.reason_section_number) == ("13292", "1.4")
    assert after.reason_letters == "abcdefgh"
    assert after.uncertain == frozenset({"in_force_from"})
