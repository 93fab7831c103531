"""Baseline: accept the findings a collection already has, so that CI fails only on new ones.

`cablelint validate --write-baseline cablelint-baseline.json` records every current finding;
`--baseline cablelint-baseline.json` then hides exactly those (they go to
`FileResult.suppressed`, which SARIF reports as suppressed) and reports the recorded findings
that no longer occur; `--prune-baseline` removes those from the file.

The file (JSON, one entry per line so that reviews show what changed)::

    {
      "version": 1,
      "entries": [
        {"path": "cables/09ANKARA1702.txt", "code": "D202", "fingerprint": "9c1f...", "count": 1}
      ]
    }

`path` is relative to the baseline's folder, with `/` separators, so the file works from
any working directory. `fingerprint` is `validator.render.fingerprint` (the one SARIF and
GitLab reports carry) of that path: a hash of the code, the offending text and its
occurrence index among identical findings of the file, without line or column, so it
survives lines added or removed elsewhere in the file and edits elsewhere, and changes when
the offending text itself is edited. `count` is how many findings an entry accepts (1 as
written; entries merged by hand may add up).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from validator._files import atomic_writer
from validator.diagnostics import Diagnostic
from validator.render.fingerprint import fingerprints
from validator.results import FileResult, RunResult

VERSION = 1

Key = tuple[str, str, str]
"""(path relative to the baseline's folder, code, fingerprint)."""


class BaselineError(ValueError):
    """A baseline file that cannot be read or is not one."""


def _folder_of(path: str | Path) -> Path:
    # abspath, like `key_path`: resolving links here but not there would break relpath.
    return Path(os.path.abspath(path)).parent


@dataclass(frozen=True, slots=True)
class Baseline:
    """Accepted findings, counted by (path, code, fingerprint)."""

    folder: Path
    """The folder paths are relative to (the baseline file's)."""
    entries: Counter[Key]

    def key_path(self, name: str) -> str:
        # `<stdin>` and `<archive>` name no file and stay as they are.
        if name.startswith("<"):
            return name
        return os.path.relpath(os.path.abspath(name), self.folder).replace(os.sep, "/")

    def keys(self, file: FileResult, diagnostics: Sequence[Diagnostic]) -> list[Key]:
        """The key of each finding; pass all of the file's findings, in position order, so
        that the occurrence index in each fingerprint does not depend on the baseline."""
        path = self.key_path(file.path)
        return [
            (path, d.code, fingerprint)
            for d, fingerprint in zip(
                diagnostics, fingerprints(path, diagnostics, file.source), strict=True
            )
        ]


def baseline_of(result: RunResult, path: str | Path) -> Baseline:
    """A baseline (to be written at `path`) that accepts every finding of `result`."""
    baseline = Baseline(_folder_of(path), Counter())
    for file in result.stream():
        everything = sorted((*file.diagnostics, *file.suppressed), key=lambda d: d.sort_key)
        baseline.entries.update(baseline.keys(file, everything))
    return baseline


def read_baseline(path: str | Path) -> Baseline:
    try:
        with open(path, encoding="utf-8") as stream:
            document = json.load(stream)
    except OSError as error:
        raise BaselineError(f"{path}: cannot read baseline: {error.strerror or error}") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise BaselineError(f"{path}: not a baseline file: {error}") from None
    if not isinstance(document, dict) or document.get("version") != VERSION:
        raise BaselineError(f"{path}: not a cablelint baseline (version {VERSION})")
    entries: Counter[Key] = Counter()
    try:
        for entry in document["entries"]:
            key = (str(entry["path"]), str(entry["code"]), str(entry["fingerprint"]))
            entries[key] += int(entry.get("count", 1))
    except (KeyError, TypeError, ValueError) as error:
        raise BaselineError(f"{path}: malformed baseline entry: {error!r}") from None
    return Baseline(_folder_of(path), entries)


def write_baseline(baseline: Baseline, path: str | Path) -> None:
    """Write atomically, entries sorted, one per line."""
    lines = [
        json.dumps({"path": p, "code": c, "fingerprint": f, "count": n}, ensure_ascii=False)
        for (p, c, f), n in sorted(baseline.entries.items())
        if n > 0
    ]
    body = ",\n    ".join(lines)
    entries = f"[\n    {body}\n  ]" if lines else "[]"
    with atomic_writer(path) as stream:
        stream.write(f'{{\n  "version": {VERSION},\n  "entries": {entries}\n}}\n')


def apply_baseline(
    result: RunResult, baseline: Baseline, codes: frozenset[str]
) -> tuple[RunResult, Counter[Key]]:
    """Move the accepted findings to `suppressed`; also return the accepted ones now gone.

    The run is filtered as it streams: the counter of gone findings (and the returned run's
    `fixed_in_baseline`) is filled in once the returned run has been streamed. A finding
    counts as gone only when its file was checked in this run and its code was selected:
    checking a part of a collection does not make the rest of the baseline stale.
    """
    gone: Counter[Key] = Counter()

    def filtered() -> Iterator[FileResult]:
        remaining = Counter(baseline.entries)
        listed = {path for path, _, _ in baseline.entries}
        checked: set[str] = set()  # of the paths the baseline lists: it bounds the set
        for file in result.stream():
            if file.error is None and baseline.key_path(file.path) in listed:
                checked.add(baseline.key_path(file.path))
            kept, suppressed = [], list(file.suppressed)
            for diagnostic, key in zip(
                file.diagnostics, baseline.keys(file, file.diagnostics), strict=True
            ):
                if remaining[key] > 0:
                    remaining[key] -= 1
                    suppressed.append(diagnostic)
                else:
                    kept.append(diagnostic)
            yield file._replace(diagnostics=tuple(kept), suppressed=tuple(suppressed))
        gone.update(
            {k: n for k, n in remaining.items() if n > 0 and k[0] in checked and k[1] in codes}
        )
        applied.fixed_in_baseline = sum(gone.values())

    applied = RunResult(filtered(), result.fail_on)
    return applied, gone


def pruned(baseline: Baseline, gone: Counter[Key]) -> Baseline:
    """The baseline without the findings that no longer occur."""
    return Baseline(baseline.folder, baseline.entries - gone)
