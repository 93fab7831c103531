"""Per-rule finding counts on the real cables, against the reviewed table in tests/data.

`python -m tests.corpus_counts` rewrites tests/data/real_corpus_counts.tsv from the current
rules; review the difference (every new or lost finding on a real cable) before committing it.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from validator import validate_path

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "data" / "real_corpus_counts.tsv"
CORPORA = ("cablegate", "cables-csv", "seed")


def measured_counts(shared_corpus: Path) -> dict[tuple[str, str], int]:
    """(corpus, code) -> number of findings over every file of that corpus."""
    counts: Counter[tuple[str, str]] = Counter()
    for corpus in CORPORA:
        for path in sorted((shared_corpus / corpus).glob("*.txt")):
            for diagnostic in validate_path(path).diagnostics:
                counts[(corpus, diagnostic.code)] += 1
    return dict(counts)


def reviewed_counts() -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip() or line.startswith("corpus\t"):
            continue
        corpus, code, count = line.split("\t")
        counts[(corpus, code)] = int(count)
    return counts


def write_table(counts: dict[tuple[str, str], int]) -> None:
    lines = [
        "# Findings per rule on the real cables of ../shared/corpus, reviewed by the team.",
        "# Regenerate with `python -m tests.corpus_counts` and review the difference.",
        "corpus\tcode\tcount",
    ]
    lines += [f"{corpus}\t{code}\t{count}" for (corpus, code), count in sorted(counts.items())]
    TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_table(measured_counts(ROOT.parent / "shared" / "corpus"))
    sys.exit(0)
