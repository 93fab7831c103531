"""The real cables in ../shared/corpus: every file parses, and the grammar fits them."""

from __future__ import annotations

from validator import validate_path
from validator.parse import parse
from validator.source import Source

from .conftest import shared_files

SYNTAX = ("E101", "E102", "E103", "E104")


def _syntax_clean_rate(folder: str) -> tuple[int, int]:
    files = shared_files(folder)
    clean = sum(
        1
        for path in files
        if not [d for d in parse(Source.from_path(path)).diagnostics if d.code in SYNTAX]
    )
    return clean, len(files)


def test_every_real_cable_validates_without_an_exception() -> None:
    for folder in ("cablegate", "cables-csv", "seed"):
        for path in shared_files(folder):
            report = validate_path(path)
            assert report.error is None
            assert not [d for d in report.diagnostics if d.code == "X001"], path


def test_at_least_97_percent_of_real_cables_parse_without_syntax_findings() -> None:
    clean, total = 0, 0
    for folder in ("cablegate", "cables-csv", "seed"):
        folder_clean, folder_total = _syntax_clean_rate(folder)
        clean, total = clean + folder_clean, total + folder_total
    assert clean / total >= 0.97, f"{clean}/{total}"


# Posts renamed after the cable was sent: the release labels them by their later name.
_RENAMED_POSTS = {"LENINGRAD": "STPETERSBURG", "CALCUTTA": "KOLKATA"}
_ORIGIN_PREFIXES = ("EMBASSY ", "CONSULATE ", "US INTERESTS SECTION ", "US OFFICE ", "MISSION ")


def _label_post(origin: str) -> str:
    origin = origin.upper()
    if origin == "SECRETARY OF STATE":
        return "STATE"
    for prefix in _ORIGIN_PREFIXES:
        origin = origin.removeprefix(prefix)
    return origin.replace(" ", "")


def test_extracted_date_origin_and_level_agree_with_the_release_labels() -> None:
    """ENVELOPE.md C22: the text against the cables.csv release's own database columns."""
    import csv

    files = shared_files("cables-csv")
    labels_path = files[0].parent / "labels.tsv"
    rows = list(
        csv.DictReader(
            (line for line in labels_path.open(encoding="utf-8") if not line.startswith("#")),
            delimiter="\t",
        )
    )
    agree = total = 0
    for row in rows:
        cable = parse(Source.from_path(labels_path.parent / row["file"])).cable
        assert cable.classification is not None, row["file"]
        level = cable.classification.level_name
        checks = [
            ("UNCLASSIFIED" if level.startswith("UNCLAS") else level)
            == row["classification"].split("//")[0]
        ]
        if cable.dtg is not None and cable.dtg.datetime is not None:
            checks.append(cable.dtg.datetime.strftime("%Y-%m-%dT%H:%M") == row["date_iso"])
        post = cable.originator.post if cable.originator else cable.classification.post.text
        post = post.upper().replace(" ", "")
        checks.append(_RENAMED_POSTS.get(post, post) == _label_post(row["origin"]))
        total += 1
        agree += all(checks)
    assert total == 401
    assert agree / total >= 0.98, f"{agree}/{total}"


def test_rule_counts_on_real_cables_match_the_reviewed_table() -> None:
    """Every rule runs on every real cable; a changed count is a changed verdict on real
    cables and needs review (`python -m tests.corpus_counts` rewrites the table)."""
    from .corpus_counts import measured_counts, reviewed_counts

    shared = shared_files("cablegate")[0].parent.parent
    measured, reviewed = measured_counts(shared), reviewed_counts()
    changed = {
        key: (reviewed.get(key, 0), measured.get(key, 0))
        for key in sorted(set(measured) | set(reviewed))
        if measured.get(key, 0) != reviewed.get(key, 0)
    }
    assert not changed, f"(corpus, code): (reviewed, measured) differ: {changed}"
