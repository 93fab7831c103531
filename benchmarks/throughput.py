"""Throughput on the real cables: parse only, full validation with JSON output, and the floor.

Prints cables per second on one core over ../shared/corpus/cablegate (files in page cache,
best of several rounds), and the ratio to the floor any Python tool has: read each file and
run one regex over its first 60 lines.
"""

from __future__ import annotations

import json
import os
import platform
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from validator.api import validate_path  # noqa: E402
from validator.parse import parse  # noqa: E402
from validator.runner import tune_garbage_collector  # noqa: E402
from validator.source import Source  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "cablegate"
ROUNDS = 5
_FLOOR_PATTERN = re.compile(r"^(?:DE|FM|TO|INFO|E\.O\.|TAGS|SUBJECT)\b.*$", re.MULTILINE)


def _floor(paths: list[Path]) -> None:
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        head = "\n".join(text.split("\n", 60)[:60])
        _FLOOR_PATTERN.findall(head)


def _parse_only(paths: list[Path]) -> None:
    for path in paths:
        parse(Source.from_path(path))


def _full(paths: list[Path]) -> None:
    for path in paths:
        report = validate_path(path)
        json.dumps(
            [
                {"code": d.code, "line": d.span.line, "column": d.span.column, "msg": d.message}
                for d in report.diagnostics
            ]
        )


def _best_rate(run: Callable[[list[Path]], None], paths: list[Path]) -> float:
    """Cables per second of CPU time (best round): other processes on the machine do not
    count against the one core measured."""
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.process_time()
        run(paths)
        best = min(best, time.process_time() - start)
    return len(paths) / best


def main() -> int:
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return 0
    paths = sorted(CORPUS.glob("*.txt"))
    tune_garbage_collector()  # as the command line does
    _full(paths[:5])  # load grammar, rules and reference tables before timing
    floor = _best_rate(_floor, paths)
    parse_rate = _best_rate(_parse_only, paths)
    full_rate = _best_rate(_full, paths)
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, one core used")
    print("rates: cables per second of CPU time, best of 5 rounds")
    print(f"cables: {len(paths)} from {CORPUS}")
    print(f"floor (read + one regex over 60 lines): {floor:10.0f} cables/s")
    print(f"parse only (decode, lex, model, body scan): {parse_rate:7.0f} cables/s")
    print(f"full validation (+ every rule, JSON):       {full_rate:7.0f} cables/s")
    print(f"ratio floor / full validation: {floor / full_rate:.1f}x (target <= 25x, >= 2000/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
