"""The `sarif` format: valid against the official SARIF 2.1.0 schema, and what it says.

The schema is the OASIS file shipped in tests/data (see tests/data/README.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.render_cases import D202_BAD, D202_GOOD, d202_run, file_result, rendered, unreadable
from validator import __version__
from validator.api import not_text_diagnostic
from validator.render.fingerprint import fingerprint, fingerprints
from validator.render.sarif import artifact_uri, docstring_markdown
from validator.results import FileResult, RunResult
from validator.rules import all_rules

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def sarif(result: RunResult) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(rendered(result, "sarif"))
    return document


def assert_valid(document: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a dev dependency")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def everything_run() -> RunResult:
    """Findings with secondary spans and fixes, a baselined one, a binary file, an
    unreadable one, parser codes and paths that need encoding."""
    return RunResult(
        (
            file_result(D202_BAD, "cables/astana 0480.txt"),
            file_result(D202_BAD, "baselined.txt", baselined={"D202"}),
            file_result(D202_BAD.replace("170952Z MAR", "170952Z\tMAR"), "東京/dtg.txt"),
            file_result(D202_GOOD, "/abs/clean.txt"),
            FileResult("blob.txt", (not_text_diagnostic("binary data"),)),
            unreadable("locked.txt"),
        ),
        fixed_in_baseline=1,
    )


def test_sarif_is_valid_against_the_official_schema() -> None:
    assert_valid(sarif(everything_run()))
    assert_valid(sarif(RunResult(())))
    # The schema does reject what it should (its references resolve).
    broken = sarif(d202_run())
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(AssertionError, match="startLine"):
        assert_valid(broken)


def test_sarif_describes_every_rule() -> None:
    run = sarif(d202_run())["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("cablelint", __version__)
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert set(all_rules()) <= set(rules)
    d202 = all_rules()["D202"]
    assert rules["D202"] == {
        "id": "D202",
        "name": "julian-date-mismatch",
        "shortDescription": {"text": d202.summary},
        "fullDescription": {"text": "The DE line's Julian day disagrees with the date-time group."},
        "help": {"text": d202.doc, "markdown": docstring_markdown(d202.doc)},
        "defaultConfiguration": {"level": "error"},
    }


def test_docstring_markdown_has_headings_and_code_blocks() -> None:
    markdown = docstring_markdown(all_rules()["D202"].doc)
    assert markdown.startswith("The DE line's Julian day disagrees with the date-time group.\n")
    assert "\n### What it does\nComputes the day of the year" in markdown
    assert "(bad: D202 at 3:20):\n\n```text\nVZCZCXRO1535\nOO RUEHAG\n" in markdown
    assert "SUBJECT: ALMATY NOTES\n```\n\nUse instead" in markdown
    assert markdown.count("```") == 4


def test_sarif_result_has_location_related_locations_fingerprint_and_fix() -> None:
    run = sarif(d202_run())["runs"][0]
    (result,) = run["results"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "D202"
    region = {"startLine": 3, "startColumn": 20, "endLine": 3, "endColumn": 23}
    uri = {"uri": "cables/astana-0480.txt"}
    assert result["ruleId"] == "D202"
    assert result["level"] == "error"
    assert result["message"] == {
        "text": "the DE line's Julian day `077` disagrees with the DTG date"
    }
    assert result["locations"] == [
        {
            "physicalLocation": {"artifactLocation": uri, "region": region},
            "message": {"text": "day 77 is 18 March 2009"},
        }
    ]
    assert result["relatedLocations"] == [
        {
            "id": 1,
            "physicalLocation": {
                "artifactLocation": uri,
                "region": {"startLine": 5, "startColumn": 3, "endLine": 5, "endColumn": 17},
            },
            "message": {"text": "the DTG says 17 March 2009"},
        }
    ]
    assert result["fixes"] == [
        {
            "description": {"text": "write day 076"},
            "artifactChanges": [
                {
                    "artifactLocation": uri,
                    "replacements": [{"deletedRegion": region, "insertedContent": {"text": "076"}}],
                }
            ],
            "properties": {"safe": False},
        }
    ]
    file = d202_run().files[0]
    assert result["partialFingerprints"] == {
        "cablelint/v1": fingerprint(file.path, file.diagnostics[0], file.source)
    }
    assert "suppressions" not in result


def test_baselined_findings_are_emitted_as_suppressed() -> None:
    run = sarif(RunResult((file_result(D202_BAD, "a.txt", baselined={"D202"}),)))["runs"][0]
    (result,) = run["results"]
    assert result["ruleId"] == "D202"
    assert result["suppressions"] == [{"kind": "external", "justification": "baseline"}]


def test_unreadable_files_are_notifications_of_an_unsuccessful_run() -> None:
    (invocation,) = sarif(d202_run())["runs"][0]["invocations"]
    assert invocation == {
        "executionSuccessful": False,
        "toolExecutionNotifications": [
            {
                "level": "error",
                "message": {"text": "cannot read: Permission denied"},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": "cables/locked.txt"}}}
                ],
            }
        ],
    }
    clean = sarif(RunResult((file_result(D202_GOOD, "a.txt"),)))["runs"][0]
    assert clean["invocations"][0]["executionSuccessful"] is True
    assert clean["results"] == []


def test_parser_codes_without_a_rule_module_still_get_a_descriptor() -> None:
    run = sarif(everything_run())["runs"][0]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert len(ids) == len(set(ids))
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
    assert {"D202", "E100", "E101"} <= {result["ruleId"] for result in run["results"]}


def test_artifact_uris_are_relative_with_forward_slashes_and_encoded() -> None:
    assert artifact_uri("cables/astana 0480.txt") == "cables/astana%200480.txt"
    assert artifact_uri("./a/b.txt") == "a/b.txt"
    assert artifact_uri("東京/dtg.txt") == "%E6%9D%B1%E4%BA%AC/dtg.txt"
    assert artifact_uri("/abs/clean.txt") == "file:///abs/clean.txt"


def test_fingerprints_survive_line_shifts_and_tell_repeats_apart() -> None:
    first = file_result(D202_BAD, "a.txt")
    shifted = file_result("\n\n" + D202_BAD, "a.txt")
    assert first.diagnostics[0].span.line + 2 == shifted.diagnostics[0].span.line
    assert fingerprints("a.txt", first.diagnostics, first.source) == fingerprints(
        "a.txt", shifted.diagnostics, shifted.source
    )
    # Another file or another day gives another fingerprint.
    other_day = file_result(D202_BAD.replace("0770952", "0780952"), "a.txt")
    prints = {
        fingerprint("a.txt", first.diagnostics[0], first.source),
        fingerprint("b.txt", first.diagnostics[0], first.source),
        fingerprint("a.txt", other_day.diagnostics[0], other_day.source),
        fingerprint("a.txt", first.diagnostics[0], first.source, occurrence=1),
    }
    assert len(prints) == 4
    # The same finding twice in a file: the occurrence index tells them apart.
    twice = fingerprints("a.txt", first.diagnostics * 2, first.source)
    assert twice[0] != twice[1]
    assert twice[0] == fingerprint("a.txt", first.diagnostics[0], first.source)
