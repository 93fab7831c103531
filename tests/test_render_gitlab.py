"""The `gitlab` format: a code-quality report with the shared fingerprints."""

from __future__ import annotations

import json

from tests.render_cases import D202_BAD, d202_run, file_result, rendered
from validator.render.fingerprint import fingerprint
from validator.results import RunResult


def test_gitlab_report_lists_findings_and_unreadable_files() -> None:
    run = d202_run()
    issues = json.loads(rendered(run, "gitlab"))
    bad = run.files[0]
    assert issues[0] == {
        "description": "D202: the DE line's Julian day `077` disagrees with the DTG date",
        "check_name": "D202",
        "fingerprint": fingerprint(bad.path, bad.diagnostics[0], bad.source),
        "severity": "major",
        "location": {"path": "cables/astana-0480.txt", "lines": {"begin": 3, "end": 3}},
    }
    assert issues[1]["check_name"] == "cablelint/read-error"
    assert issues[1]["severity"] == "critical"
    assert issues[1]["location"] == {"path": "cables/locked.txt", "lines": {"begin": 1, "end": 1}}
    assert len(issues) == 2
    assert len({issue["fingerprint"] for issue in issues}) == 2


def test_gitlab_leaves_baselined_findings_out() -> None:
    result = RunResult((file_result(D202_BAD, "a.txt", baselined={"D202"}),))
    assert json.loads(rendered(result, "gitlab")) == []
