"""Every rule's docstring examples: bad ones give exactly the stated positions, good ones none.

Two marks on an example's intro line change how it runs: `file NAME` inside the parentheses
validates the text as the file NAME (rules about file names, A701), and `(bytes)` reads the
block as Python-escaped bytes written to a file (E100: no text produces it). Archive rules'
examples are sets of files; tests/test_rules_layout_archive.py runs them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from validator import validate_path, validate_text
from validator.rules import (
    _EXAMPLE_INTRO,
    _INDEX,
    Example,
    Rule,
    all_rules,
    index_text,
    rule_index,
)

_FILE_NAME = re.compile(r"\((?:bad|good):[^)]*?\bfile (?P<name>[^\s,)]+)")


def _intros(rule: Rule) -> list[str]:
    """The intro line of each example, in the order of `rule.examples`."""
    return [line for line in rule.doc.splitlines() if _EXAMPLE_INTRO.match(line)]


CASES = [
    pytest.param(rule, example, intro, id=f"{code}-{'good' if example.good else 'bad'}{index}")
    for code, rule in all_rules().items()
    if rule.check_archive is None
    for index, (example, intro) in enumerate(zip(rule.examples, _intros(rule), strict=True))
]


def test_the_rule_index_is_up_to_date() -> None:
    expected = index_text(all_rules().values())
    assert Path(_INDEX).read_text(encoding="utf-8") == expected, "run `make rules-index`"


def test_the_rule_index_describes_each_rule_as_its_module_does() -> None:
    rules = all_rules()
    assert list(rule_index()) == list(rules)
    for code, info in rule_index().items():
        rule = rules[code]
        assert (info.name, info.severity, info.summary) == (rule.name, rule.severity, rule.summary)
        assert info.archive == (rule.check_archive is not None)
        assert info.module == rule.module


def test_every_rule_documents_a_bad_and_a_good_example() -> None:
    for code, rule in all_rules().items():
        kinds = {example.good for example in rule.examples}
        assert kinds == {True, False}, f"{code} needs a bad and a good example"
        assert all(e.expected for e in rule.examples if not e.good), code


@pytest.mark.parametrize(("rule", "example", "intro"), CASES)
def test_rule_example(rule: Rule, example: Example, intro: str, tmp_path: Path) -> None:
    if "(bytes)" in intro:
        escaped = example.text.strip("\n").encode("latin-1").decode("unicode_escape")
        path = tmp_path / "example.txt"
        path.write_bytes(escaped.encode("latin-1"))
        report = validate_path(path)
    else:
        name = _FILE_NAME.search(intro)
        report = validate_text(example.text, path=name["name"] if name else None)
    found = sorted((d.span.line, d.span.column) for d in report.diagnostics if d.code == rule.code)
    assert found == sorted(example.expected)
    assert not [d for d in report.diagnostics if d.code == "X001"]
