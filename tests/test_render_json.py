"""The `json` format: its exact structure (a stable interface)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.render_cases import D202_BAD, D202_GOOD, d202_run, file_result, rendered
from validator.render._common import write_json_items, write_json_texts
from validator.render.json import _file, _file_text
from validator.results import FileResult, RunResult


def test_json_lists_every_file_with_its_findings_and_a_summary() -> None:
    document = json.loads(rendered(d202_run(), "json"))
    assert list(document) == ["version", "files", "summary"]
    assert document["version"] == 1
    assert [f["path"] for f in document["files"]] == [
        "cables/astana-0480.txt",
        "cables/astana-0480-fixed.txt",
        "cables/locked.txt",
    ]
    bad, clean, locked = document["files"]
    assert bad["diagnostics"] == [
        {
            "code": "D202",
            "severity": "error",
            "message": "the DE line's Julian day `077` disagrees with the DTG date",
            "line": 3,
            "column": 20,
            "end_line": 3,
            "end_column": 23,
            "help": "did you mean `0760952`?",
            "label": "day 77 is 18 March 2009",
            "notes": ["the Julian day counts from 1 January (001); leap years have 366 days"],
            "secondary": [
                {
                    "line": 5,
                    "column": 3,
                    "end_line": 5,
                    "end_column": 17,
                    "message": "the DTG says 17 March 2009",
                }
            ],
            "fix": {
                "line": 3,
                "column": 20,
                "end_line": 3,
                "end_column": 23,
                "replacement": "076",
                "title": "write day 076",
                "safe": False,
            },
        }
    ]
    assert (bad["error"], bad["suppressed"]) == (None, [])
    assert (clean["diagnostics"], clean["error"]) == ([], None)
    assert (locked["diagnostics"], locked["error"]) == ([], "cannot read: Permission denied")
    assert document["summary"] == {
        "files_checked": 2,
        "files_with_findings": 1,
        "files_not_read": 1,
        "findings": 1,
        "by_severity": {"error": 1, "warning": 0, "info": 0},
        "by_code": {"D202": 1},
        "suppressed": 0,
        "fixed_in_baseline": 0,
        "failed": True,
    }


def test_json_lists_baselined_findings_apart() -> None:
    result = RunResult((file_result(D202_BAD, "a.txt", baselined={"D202"}),))
    document = json.loads(rendered(result, "json"))
    (file,) = document["files"]
    assert file["diagnostics"] == []
    assert [(d["code"], d["line"], d["column"]) for d in file["suppressed"]] == [("D202", 3, 20)]
    assert document["summary"]["suppressed"] == 1
    assert document["summary"]["failed"] is False


def test_json_keeps_non_ascii_text() -> None:
    text = D202_GOOD.replace("0760952", "0760952 東京")
    output = rendered(RunResult((file_result(text, "東京.txt"),)), "json")
    assert '"path": "東京.txt"' in output


@given(st.text())
def test_a_file_without_findings_is_written_as_json_dumps_writes_it(path: str) -> None:
    clean = FileResult(path, ())
    assert _file_text(clean) == json.dumps(_file(clean), ensure_ascii=False)
    assert json.loads(_file_text(clean))["path"] == path


@pytest.mark.parametrize("write", [write_json_items, write_json_texts])
def test_json_items_are_written_a_batch_at_a_time(write: Callable[..., None]) -> None:
    """Memory holds one batch of items, whatever their number: the first is written before
    the 1,001st item is made."""
    out = io.StringIO()

    def items() -> Iterator[str]:
        for made in range(1, 100_001):
            if made == 1001:
                assert out.getvalue(), "nothing written after 1,000 items"
            yield '"x"' if write is write_json_texts else "x"

    write(out, items())
    assert out.getvalue() == ", ".join(['"x"'] * 100_000)
