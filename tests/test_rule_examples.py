"""Every rule's docstring examples: bad ones give exactly the stated positions, good ones none."""

from __future__ import annotations

import pytest

from validator import validate_text
from validator.rules import Example, Rule, all_rules

CASES = [
    pytest.param(rule, example, id=f"{code}-{'good' if example.good else 'bad'}{index}")
    for code, rule in all_rules().items()
    for index, example in enumerate(rule.examples)
]


def test_every_rule_documents_a_bad_and_a_good_example() -> None:
    for code, rule in all_rules().items():
        kinds = {example.good for example in rule.examples}
        assert kinds == {True, False}, f"{code} needs a bad and a good example"
        assert all(e.expected for e in rule.examples if not e.good), code


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example(rule: Rule, example: Example) -> None:
    report = validate_text(example.text)
    found = sorted((d.span.line, d.span.column) for d in report.diagnostics if d.code == rule.code)
    assert found == sorted(example.expected)
    assert not [d for d in report.diagnostics if d.code == "X001"]
