"""The rule registry: every module in this package that defines `CODE` is a rule.

A rule module declares

* `CODE` (`D202`), `NAME` (kebab-case), `SEVERITY` (default), `SUMMARY` (one line),
  `READS` (the `Cable` attributes it looks at);
* `check(cable) -> Iterable[Diagnostic]` for a rule about one cable, or
  `check_archive() -> validator.archive.ArchiveCheck` for a rule about a set of files (A702):
  it is shown each file of a run in path order;
* a docstring: what it checks, why it matters, a bad and a good example, the fix. Examples
  are blocks introduced by a line ending in `::` that says `(bad: CODE at LINE:COLUMN, ...)`
  or `(good)`; the tests run every one of them.

`index.tsv` lists every rule's code, name, severity, module, kind and summary, so that
choosing rules, naming them in a report and finding the archive rules import no rule module
(a run the cache answers checks nothing). `make rules-index` writes it from the modules; a
test fails when it is out of date.

Rules read the model only; they never parse text.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Collection, Iterable
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

from validator.diagnostics import Diagnostic, Severity
from validator.rules._memo import forget_cables
from validator.source import Span

if TYPE_CHECKING:
    from validator.archive import ArchiveCheck
    from validator.model import Cable

CableCheck = Callable[["Cable"], Iterable[Diagnostic]]
NewArchiveCheck = Callable[[], "ArchiveCheck"]
"""Makes the check of an archive rule for one run."""


class Example(NamedTuple):
    """A cable from a rule's docstring and the positions the rule must report in it."""

    text: str
    good: bool
    expected: tuple[tuple[int, int], ...]


class Rule(NamedTuple):
    code: str
    name: str
    severity: Severity
    summary: str
    reads: tuple[str, ...]
    doc: str
    check: CableCheck | None
    check_archive: NewArchiveCheck | None
    module: str
    """The module's name in this package (`d202_julian_date`)."""

    @property
    def examples(self) -> tuple[Example, ...]:
        return parse_examples(self.doc)


class RuleInfo(NamedTuple):
    """A rule as `index.tsv` lists it."""

    code: str
    name: str
    severity: Severity
    module: str
    archive: bool
    """An archive rule (`check_archive`) rather than a per-cable one (`check`)."""
    summary: str


def _rule_of(module: ModuleType) -> Rule:
    import textwrap  # here: a run that checks nothing needs no rule's documentation (2 ms)

    return Rule(
        module=module.__name__.rpartition(".")[2],
        code=module.CODE,
        name=module.NAME,
        severity=module.SEVERITY,
        summary=module.SUMMARY,
        reads=tuple(module.READS),
        doc=textwrap.dedent(module.__doc__ or "").strip(),
        check=getattr(module, "check", None),
        check_archive=getattr(module, "check_archive", None),
    )


# Codes reported by the parser itself (validator/parse.py), documented here like the rules.
PARSER_CODES = ("E100", "E101", "E102", "E103", "E104", "E105")


@cache
def all_rules() -> dict[str, Rule]:
    """Every rule, by code, in code order."""
    found: dict[str, Rule] = {}
    import pkgutil  # here: a run learns of the rules from index.tsv

    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "CODE"):
            rule = _rule_of(module)
            if rule.code in found:
                raise RuntimeError(f"rule code {rule.code} defined twice")
            found[rule.code] = rule
    return dict(sorted(found.items()))


_INDEX = os.path.join(os.path.dirname(__file__), "index.tsv")


@cache
def rule_index() -> dict[str, RuleInfo]:
    """Every rule as `index.tsv` lists it, by code, in code order."""
    index: dict[str, RuleInfo] = {}
    with open(_INDEX, encoding="utf-8") as lines:
        for line in lines:
            code, name, severity, module, kind, summary = line.rstrip("\n").split("\t")
            index[code] = RuleInfo(
                code, name, Severity[severity.upper()], module, kind == "archive", summary
            )
    return index


def index_text(rules: Iterable[Rule]) -> str:
    """The text of `index.tsv` for `rules` (a rule's summary is one line without tabs)."""
    return "".join(
        f"{rule.code}\t{rule.name}\t{rule.severity.name.lower()}\t{rule.module}"
        f"\t{'archive' if rule.check_archive else 'cable'}\t{rule.summary}\n"
        for rule in rules
    )


def archive_check(code: str) -> NewArchiveCheck:
    """The `check_archive` of the archive rule `code` (listed in `index.tsv`), importing its
    module only."""
    check: NewArchiveCheck = importlib.import_module(
        f"{__name__}.{rule_index()[code].module}"
    ).check_archive
    return check


def internal_error(code: str, error: Exception) -> Diagnostic:
    """A rule that fails reports itself instead of stopping the run."""
    return Diagnostic(
        "X001",
        Severity.ERROR,
        f"internal error in rule {code}: {type(error).__name__}: {error}",
        Span(1, 1, 1, 1),
        help="please report this with the file that caused it",
    )


@cache
def _cable_checks() -> tuple[tuple[str, CableCheck], ...]:
    """The code and check of every per-cable rule, in code order: run_rules walks this for
    each cable."""
    return tuple((code, rule.check) for code, rule in all_rules().items() if rule.check)


def run_rules(
    cable: Cable,
    select: Collection[str] | None = None,
    severities: dict[str, Severity] | None = None,
) -> list[Diagnostic]:
    """Run the per-cable rules whose code `select` admits (None: every rule)."""
    findings: list[Diagnostic] = []
    for code, check in _cable_checks():
        if select is not None and code not in select:
            continue
        try:
            findings.extend(check(cable))
        except Exception as error:  # a broken rule must not stop the other files
            findings.append(internal_error(code, error))
    forget_cables()
    if severities:
        findings = [
            d._replace(severity=severities[d.code]) if d.code in severities else d for d in findings
        ]
    return findings


_EXAMPLE_INTRO = re.compile(
    r"^(?P<indent>\s*)\S.*\((?P<kind>bad|good)(?::(?P<at>[^)]*))?\)\S*::\s*$"
)
_POSITION = re.compile(r"(\d+):(\d+)")


def parse_examples(doc: str) -> tuple[Example, ...]:
    """The example blocks of a rule docstring (see the module docstring for the form)."""
    import textwrap

    lines = doc.splitlines()
    examples: list[Example] = []
    index = 0
    while index < len(lines):
        intro = _EXAMPLE_INTRO.match(lines[index])
        index += 1
        if intro is None:
            continue
        indent = len(intro.group("indent"))
        block: list[str] = []
        while index < len(lines):
            line = lines[index]
            if line.strip() and len(line) - len(line.lstrip()) <= indent:
                break
            block.append(line)
            index += 1
        text = textwrap.dedent("\n".join(block)).strip("\n") + "\n"
        expected = tuple(
            (int(line), int(column)) for line, column in _POSITION.findall(intro.group("at") or "")
        )
        examples.append(Example(text, intro.group("kind") == "good", expected))
    return tuple(examples)
