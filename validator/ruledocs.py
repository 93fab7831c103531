"""Rule documentation from the registry: the `rules` table, `explain`, and docs/rules.md.

docs/rules.md is generated: `cablelint rules --format markdown > docs/rules.md`.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable

from validator.rules import Rule

REGENERATE = "cablelint rules --format markdown > docs/rules.md"


def rules_text(rules: Iterable[Rule]) -> str:
    """One aligned line per rule: code, name, severity, summary."""
    rows = [("CODE", "NAME", "SEVERITY", "SUMMARY")]
    rows += [(r.code, r.name, r.severity.label, r.summary) for r in rules]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    return "".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
        + "  "
        + row[3]
        + "\n"
        for row in rows
    )


def rules_json(rules: Iterable[Rule]) -> str:
    data = [
        {
            "code": r.code,
            "name": r.name,
            "severity": r.severity.label,
            "summary": r.summary,
            "reads": list(r.reads),
            "scope": "archive" if r.check_archive else "cable",
        }
        for r in rules
    ]
    return json.dumps(data, indent=2) + "\n"


def rule_text(rule: Rule) -> str:
    """`explain` output for a pipe: a header line, then the docstring as written."""
    return f"{rule.code} {rule.name} ({rule.severity.label})\n\n{rule.doc}\n"


def _heading_anchor(rule: Rule) -> str:
    # GitHub's anchor for "## D202 julian-date-mismatch".
    return f"{rule.code.lower()}-{rule.name}"


def rule_markdown(rule: Rule, level: int = 2) -> str:
    """One rule as Markdown: heading, severity and summary, then the docstring's sections."""
    return (
        f"{'#' * level} {rule.code} {rule.name}\n\n"
        f"Default severity: **{rule.severity.label}**\n\n"
        f"{doc_markdown(rule.doc, level + 1)}"
    )


def rules_markdown(rules: Iterable[Rule]) -> str:
    """The whole of docs/rules.md."""
    rules = list(rules)
    table = "".join(
        f"| [{r.code}](#{_heading_anchor(r)}) | `{r.name}` | {r.severity.label} "
        f"| {r.summary.replace('|', chr(92) + '|')} |\n"
        for r in rules
    )
    sections = "\n".join(rule_markdown(rule) for rule in rules)
    return (
        "# Rules\n\n"
        f"<!-- Generated from the rule registry by `{REGENERATE}`; do not edit. -->\n\n"
        "Select or ignore rules by code or prefix (`--select D`, `--ignore R301`); change a\n"
        'severity in the settings (`severity = { "D202" = "warning" }`).\n\n'
        "| code | name | severity | summary |\n|---|---|---|---|\n"
        f"{table}\n{sections}"
    )


def doc_markdown(doc: str, level: int = 3) -> str:
    """A rule docstring as Markdown.

    An unindented line followed by an indented block is a section heading; a line ending in
    `::` introduces an example, which becomes a fenced block; other lines are prose.
    """
    lines = doc.splitlines()
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        index += 1
        if stripped and indent == 0 and _indent_of_next(lines, index) > 0:
            out += [f"{'#' * level} {stripped}", ""]
        elif stripped.endswith("::"):
            if stripped != "::":
                out.append(stripped[:-1])
            block: list[str] = []
            while index < len(lines) and (
                not lines[index].strip() or len(lines[index]) - len(lines[index].lstrip()) > indent
            ):
                block.append(lines[index])
                index += 1
            code = textwrap.dedent("\n".join(block)).strip("\n")
            out += ["", "```text", code, "```", ""]
        else:
            out.append(stripped)
    text = "\n".join(out)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip("\n") + "\n"


def _indent_of_next(lines: list[str], index: int) -> int:
    """Indentation of the next non-blank line (-1 at the end)."""
    for line in lines[index:]:
        if line.strip():
            return len(line) - len(line.lstrip())
    return -1
