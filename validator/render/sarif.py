"""The `sarif` format: SARIF 2.1.0, the format of GitHub code scanning (a stable interface).

One run: `tool.driver.rules` describes every rule (name, summary, first paragraph and full
docstring, default level; the parser's E1xx are documented as rules too), then X001 (an
internal error) with its id only. Each result points at its rule by `ruleId` and
`ruleIndex`, has a physical location with a region (columns in Unicode code points, end
column exclusive, as `columnKind` says), its secondary spans as `relatedLocations`, a
`partialFingerprints` entry that survives line shifts (`validator.render.fingerprint`), and
its fix when one exists. Findings hidden by the baseline are emitted too, with an external
suppression, so that code scanning closes them rather than losing track. Files that could
not be read are tool notifications.

Results are written as files are checked, so a run over an archive never holds them all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from validator import __version__
from validator.config import INTERNAL_ERROR_CODE
from validator.diagnostics import Diagnostic, Severity
from validator.render import RenderOptions
from validator.render._common import posix_path, write_json_items
from validator.render.fingerprint import file_fingerprints
from validator.results import RunResult
from validator.rules import PARSER_CODES, Rule, all_rules
from validator.source import Span

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
# partialFingerprints key: bump the suffix if the fingerprint computation ever changes.
FINGERPRINT_KEY = "cablelint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(result: RunResult, out: TextIO, options: RenderOptions) -> None:
    # Compact, as the C encoder writes it (see validator.render.json). Results are written
    # as their files are checked; the invocation, which names unreadable files, after them.
    head = json.dumps(_document_head(), ensure_ascii=False)
    out.write(head.removesuffix("]}]}"))
    write_json_items(out, _results(result))
    out.write('], "invocations": ')
    out.write(json.dumps([_invocation(result)], ensure_ascii=False))
    out.write("}]}\n")


def _codes() -> list[str]:
    """Every code a run can report, rules first (the parser's codes are documented as rules):
    `ruleIndex` points into this list, which is known before any file is checked."""
    rules = all_rules()
    return [*rules, *(code for code in (*PARSER_CODES, INTERNAL_ERROR_CODE) if code not in rules)]


def _document_head() -> dict[str, Any]:
    """The document up to an empty `results` list (the last key written)."""
    rules = all_rules()
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cablelint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [
                            _descriptor(rules[code]) if code in rules else {"id": code}
                            for code in _codes()
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [],
            }
        ],
    }


def _results(result: RunResult) -> Iterator[dict[str, Any]]:
    index = {code: position for position, code in enumerate(_codes())}
    for file in result.stream():
        uri = artifact_uri(file.path)
        for diagnostic, baselined, print_id in file_fingerprints(file):
            entry = _result(diagnostic, uri, index[diagnostic.code], print_id)
            if baselined:
                entry["suppressions"] = [{"kind": "external", "justification": "baseline"}]
            yield entry


def artifact_uri(path: str) -> str:
    """A relative URI with forward slashes (percent-encoded), or a file URI for absolute paths."""
    if PurePath(path).is_absolute():
        return PurePath(path).as_uri()
    return quote(posix_path(path), safe="/")


def _region(span: Span) -> dict[str, int]:
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


def _location(uri: str, span: Span, message: str) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(span)}
    }
    if message:
        location["message"] = {"text": message}
    return location


def _result(diagnostic: Diagnostic, uri: str, rule_index: int, print_id: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [_location(uri, diagnostic.span, diagnostic.label)],
        "partialFingerprints": {FINGERPRINT_KEY: print_id},
    }
    if diagnostic.secondary:
        entry["relatedLocations"] = [
            {"id": number, **_location(uri, label.span, label.message)}
            for number, label in enumerate(diagnostic.secondary, start=1)
        ]
    if diagnostic.fix is not None:
        fix = diagnostic.fix
        entry["fixes"] = [
            {
                "description": {"text": fix.title},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri},
                        "replacements": [
                            {
                                "deletedRegion": _region(fix.span),
                                "insertedContent": {"text": fix.replacement},
                            }
                        ],
                    }
                ],
                "properties": {"safe": fix.safe},
            }
        ]
    return entry


def _invocation(result: RunResult) -> dict[str, Any]:
    """Successful when every file could be checked; the others are error notifications."""
    return {
        "executionSuccessful": not result.errors,
        "toolExecutionNotifications": [
            {
                "level": "error",
                "message": {"text": file.error},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(file.path)}}}
                ],
            }
            for file in result.errors
        ],
    }


def _descriptor(rule: Rule) -> dict[str, Any]:
    first_paragraph = " ".join(rule.doc.split("\n\n", 1)[0].split())
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": first_paragraph},
        "help": {"text": rule.doc, "markdown": docstring_markdown(rule.doc)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


_LITERAL_INTRO = re.compile(r"::\s*$")


def docstring_markdown(doc: str) -> str:
    """A rule docstring in Markdown: section titles become headings, `::` blocks code blocks.

    The docstring form (see `validator.rules`): a title paragraph, then unindented section
    titles ("What it does") over indented text, where a paragraph ending in `::` introduces
    an indented literal block (the example cables).
    """
    lines = doc.splitlines()
    out: list[str] = []
    literal_after: int | None = None  # indent of the `::` paragraph awaiting its block
    block_indent: int | None = None  # indent of the literal block being copied
    for number, line in enumerate(lines):
        indent = len(line) - len(line.lstrip())
        if block_indent is not None:
            if not line.strip() or indent >= block_indent:
                out.append(line[block_indent:])
                continue
            while out and not out[-1]:
                out.pop()
            out.extend(["```", ""])
            block_indent = None
        if not line.strip():
            out.append("")
            continue
        if literal_after is not None and indent > literal_after:
            out.extend(["```text", line[indent:]])
            block_indent, literal_after = indent, None
            continue
        following = next((n for n in lines[number + 1 :] if n.strip()), "")
        if indent == 0 and following[:1].isspace() and number > 0:
            out.append(f"### {line.strip()}")
            continue
        text = line.strip()
        if _LITERAL_INTRO.search(text):
            literal_after = indent
            text = _LITERAL_INTRO.sub(":", text) if text != "::" else ""
        out.append(text)
    if block_indent is not None:
        while out and not out[-1]:
            out.pop()
        out.append("```")
    return "\n".join(out).strip() + "\n"
