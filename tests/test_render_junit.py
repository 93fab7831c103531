"""The `junit` format: well-formed XML, one testsuite per file, one testcase per finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.render_cases import D202_BAD, d202_run, file_result, rendered
from validator.results import RunResult


def test_junit_has_a_suite_per_file_and_a_case_per_finding() -> None:
    root = ET.fromstring(rendered(d202_run(), "junit"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "1", "1")
    bad, clean, locked = root.findall("testsuite")
    assert [s.get("name") for s in (bad, clean, locked)] == [
        "cables/astana-0480.txt",
        "cables/astana-0480-fixed.txt",
        "cables/locked.txt",
    ]
    assert {p.get("name"): p.get("value") for p in bad.iter("property")}[
        "cablelint.junit-format"
    ] == "1"
    (case,) = bad.findall("testcase")
    assert case.get("name") == (
        "D202 at 3:20: the DE line's Julian day `077` disagrees with the DTG date"
    )
    assert (case.get("file"), case.get("line")) == ("cables/astana-0480.txt", "3")
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("type") == "D202"
    assert failure.get("message") == (
        "error[D202]: the DE line's Julian day `077` disagrees with the DTG date"
    )
    assert failure.text is not None
    assert "  |                    ^^^ day 77 is 18 March 2009\n" in failure.text
    (passing,) = clean.findall("testcase")
    assert (passing.get("name"), list(passing)) == ("no findings", [])
    (read,) = locked.findall("testcase")
    error = read.find("error")
    assert error is not None and error.get("message") == "cannot read: Permission denied"


def test_junit_escapes_markup_and_drops_characters_xml_cannot_hold() -> None:
    text = D202_BAD.replace("ZNR UUUUU ZZH", "ZNR UUUUU ZZH <b>&amp;\x01")
    result = RunResult((file_result(text, 'a"<&>\x02.txt'),))
    output = rendered(result, "junit")
    root = ET.fromstring(output)
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == 'a"<&>\ufffd.txt'
    failure = next(suite.iter("failure"))
    assert failure.text is not None
    assert "4 | ZNR UUUUU ZZH <b>&amp;\u2401" in failure.text
