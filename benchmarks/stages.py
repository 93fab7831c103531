"""Where the time of full validation goes: microseconds per cable for each pipeline stage.

Runs each stage alone over ../shared/corpus/cablegate (files in page cache, inputs of a stage
prepared beforehand, CPU time, best of several rounds): read, decode, lex, model building
(parser actions and freezing into a `Cable`, body scan excluded), body scan, rules. The sum
is close to the full-validation time of benchmarks/throughput.py; the shares are the
profile summary of docs/performance.md.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from validator import body  # noqa: E402
from validator._files import read_regular_file  # noqa: E402
from validator.parse import _Builder, line_lexer  # noqa: E402
from validator.rules import run_rules  # noqa: E402
from validator.runner import tune_garbage_collector  # noqa: E402
from validator.source import Source  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "cablegate"
ROUNDS = 7


def _best(run: Callable[[], float | None]) -> float:
    """Best CPU time of a stage over the rounds; `run` may return its own timed part."""
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.process_time()
        timed = run()
        elapsed = time.process_time() - start if timed is None else timed
        best = min(best, elapsed)
    return best


def main() -> int:
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return 0
    tune_garbage_collector()
    paths = sorted(CORPUS.glob("*.txt"))
    lexer = line_lexer()
    datas = [read_regular_file(path) for path in paths]

    def sources() -> list[Source]:
        return [
            Source.from_bytes(data, path=str(path)) for data, path in zip(datas, paths, strict=True)
        ]

    texts = [s.text if s.text.endswith("\n") else s.text + "\n" for s in sources()]
    lexed = [lexer.lex(text) for text in texts]

    def build() -> float:
        fresh = sources()
        start = time.process_time()
        for source, text, tokens in zip(fresh, texts, lexed, strict=True):
            builder = _Builder(source, text)
            builder.take(tokens)
            builder.result(tokens)
        return time.process_time() - start

    def body_scan() -> float:
        fresh = sources()
        start = time.process_time()
        for source, text, tokens in zip(fresh, texts, lexed, strict=True):
            body.scan(text, tokens.end, source.span)
        return time.process_time() - start

    def rules() -> float:
        cables = []
        for source, text, tokens in zip(sources(), texts, lexed, strict=True):
            builder = _Builder(source, text)
            builder.take(tokens)
            cables.append(builder.result(tokens).cable)
        start = time.process_time()
        for cable in cables:
            run_rules(cable)
        return time.process_time() - start

    stages: list[tuple[str, Callable[[], float | None]]] = [
        ("read", lambda: [read_regular_file(path) for path in paths] and None),
        ("decode", lambda: sources() and None),
        ("lex", lambda: [lexer.lex(text) for text in texts] and None),
        ("model building (with body scan)", build),
        ("  of which body scan", body_scan),
        ("rules", rules),
    ]
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, one core used")
    print(f"cables: {len(paths)} from {CORPUS}; microseconds of CPU time per cable, best of")
    print(f"{ROUNDS} rounds")
    times = {name: _best(run) / len(paths) * 1e6 for name, run in stages}
    total = sum(t for name, t in times.items() if not name.startswith(" "))
    for name, spent in times.items():
        print(f"{name:34s} {spent:7.1f} us  {spent / total:6.1%}")
    print(f"{'total':34s} {total:7.1f} us  ({1e6 / total:.0f} cables/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
