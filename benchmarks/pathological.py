"""Pathological inputs: how long `validate_path` takes on huge and degenerate files.

Each case is generated in a temporary folder at its full size and at half of it. Work that
grows linearly takes about twice as long for the full size as for the half (ratio ~2); a
quadratic loop or a regular expression that backtracks shows as a ratio near 4 or worse.
Prints, for each case, the size, the seconds, the throughput and the ratio; for the largest
file also the command line's time and peak memory, and where the time goes (the envelope
lexer must not depend on the size of the body). Figures for people: nothing is asserted.

Run: `python benchmarks/pathological.py` (about two minutes), or name cases to run:
`python benchmarks/pathological.py "10^5 SUBJECT lines"`.
"""

from __future__ import annotations

import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from validator.api import validate_path  # noqa: E402
from validator.body import scan  # noqa: E402
from validator.parse import line_lexer, parse  # noqa: E402
from validator.source import Source  # noqa: E402
from validator.synth import RenderStyle, random_envelope, render  # noqa: E402

MB = 1_000_000


def _cable() -> str:
    """A valid generated cable (no finding), in the ACP-127 layout with the end lines."""
    envelope = random_envelope(
        random.Random(1106),
        dtg=datetime(2009, 9, 9, 16, 57, tzinfo=UTC),
        layout="xro",
        level="CONFIDENTIAL",
        sections=1,
    )
    return render(envelope, RenderStyle("xro", end_lines=True))


CABLE = _cable()
LINES = CABLE.splitlines(keepends=True)
FILLER = "The minister said that the talks would continue next week in the capital.\n"


def _replace_line(prefix: str, new: str) -> str:
    """The cable with its line starting with `prefix` replaced by `new` (a line or lines)."""
    return "".join(new if line.startswith(prefix) else line for line in LINES)


def _insert_before(prefix: str, new: str) -> str:
    """The cable with `new` inserted before its first line starting with `prefix`."""
    at = next(index for index, line in enumerate(LINES) if line.startswith(prefix))
    return "".join([*LINES[:at], new, *LINES[at:]])


def big_body(size: int) -> str:
    """The cable with paragraph 1 continued by one line of prose repeated up to `size`."""
    end_of_first = CABLE.index("\n\n", CABLE.index("¶1.")) + 1
    filler = FILLER * ((size - len(CABLE)) // len(FILLER))
    return CABLE[:end_of_first] + filler + CABLE[end_of_first:]


def numbered_paragraphs(size: int) -> str:
    """The cable with its body paragraphs repeated up to `size`, numbered on (1 to 99)."""
    start = CABLE.index("¶1.")
    end = CABLE.index("\n\n", CABLE.rindex("\n¶")) + 2
    paragraphs = [f"{block}\n\n" for block in CABLE[start:end].strip().split("\n\n")]
    body: list[str] = []
    length = 0
    while length < size - len(CABLE):
        block = paragraphs[len(body) % len(paragraphs)]
        block = f"¶{len(body) % 99 + 1}." + block.split(".", 1)[1]
        body.append(block)
        length += len(block)
    return CABLE[:start] + "".join(body) + CABLE[end:]


def one_line(size: int) -> str:
    return ("THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG " * (size // 44 + 1))[:size]


def long_subject(size: int) -> str:
    words = ("MINISTRY OUTLINES PLANS FOR POLICE TRAINING " * (size // 44 + 1))[:size]
    return _replace_line("SUBJECT:", f"SUBJECT: {words}\n")


def info_addressees(count: int) -> str:
    """The INFO list grown to `count` more addressees (distinct indicators and posts)."""
    lines = [f"RUEH{chr(65 + i % 26)}{chr(65 + i // 26 % 26)}/AMEMBASSY POST{i} {i % 10000:04d}\n"
             for i in range(count)]  # fmt: skip
    return _insert_before("BT", "".join(lines))


def repeated(prefix: str) -> Callable[[int], str]:
    def build(count: int) -> str:
        line = next(line for line in LINES if line.startswith(prefix))
        return _insert_before(prefix, line * count)

    return build


def unrecognised_lines(count: int) -> str:
    line = "this line is not an envelope element, said the archive\n"
    return _insert_before("C O N F I D E N T I A L", line * count)


def blank_lines(count: int) -> str:
    return "\n" * count


def blank_lines_in_envelope(count: int) -> str:
    return _insert_before("E.O.", "\n" * count)


def blanks_in_subject(count: int) -> str:
    return _replace_line("SUBJECT:", f"SUBJECT: ELECTION{' ' * count}LAW\n")


def blanks_in_unknown_line(count: int) -> str:
    return f"A{' ' * count}B\n" + CABLE


def blanks_in_paragraph(count: int) -> str:
    return CABLE + f"\n1. CONFIDENTIAL{' ' * count}TEXT\n"


def spaced_letters(count: int) -> str:
    return _insert_before("C O N F I D E N T I A L", "S E C R E T " * (count // 12) + "\n")


def nested_parentheses(depth: int) -> str:
    return _replace_line("TAGS:", f"TAGS: PREL {'(' * depth}X{')' * depth} IZ\n")


def repeated_parentheses(count: int) -> str:
    return _replace_line("TAGS:", f"TAGS: PREL {'(SMITH, JOHN) ' * count}IZ\n")


def unknown_tags(count: int) -> str:
    codes = " ".join(f"Q{chr(65 + i % 26)}{chr(65 + i // 26 % 26)}{chr(65 + i // 676 % 26)}"
                     for i in range(count))  # fmt: skip
    return _replace_line("TAGS:", f"TAGS: PREL {codes} IZ\n")


# name, what the size counts, full size, builder
CASES: list[tuple[str, str, int, Callable[[int], str]]] = [
    ("100 MB body", "bytes", 100 * MB, big_body),
    ("20 MB of numbered paragraphs", "bytes", 20 * MB, numbered_paragraphs),
    ("one 5 MB line", "bytes", 5 * MB, one_line),
    ("5 MB SUBJECT line", "bytes", 5 * MB, long_subject),
    ("10^5 INFO addressees", "lines", 100_000, info_addressees),
    ("10^5 SUBJECT lines", "lines", 100_000, repeated("SUBJECT:")),
    ("10^5 E.O. lines", "lines", 100_000, repeated("E.O.")),
    ("10^5 unrecognised lines", "lines", 100_000, unrecognised_lines),
    ("10^6 blank lines", "lines", 1_000_000, blank_lines),
    ("10^6 blank lines in the envelope", "lines", 1_000_000, blank_lines_in_envelope),
    ("10^6 blanks in the SUBJECT line", "blanks", 1_000_000, blanks_in_subject),
    ("10^6 blanks in an unknown line", "blanks", 1_000_000, blanks_in_unknown_line),
    ("10^6 blanks in a body paragraph", "blanks", 1_000_000, blanks_in_paragraph),
    ("1 MB of spaced letters (S E C R E T)", "bytes", 1 * MB, spaced_letters),
    ("TAGS nested 10^5 deep", "depth", 100_000, nested_parentheses),
    ("TAGS 10^5 (persons)", "items", 100_000, repeated_parentheses),
    ("TAGS 1000 unknown codes", "items", 1_000, unknown_tags),
]


def _time(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    report = validate_path(path)
    return time.perf_counter() - start, len(report.diagnostics)


def _case(folder: Path, name: str, full: int, build: Callable[[int], str]) -> None:
    times: list[float] = []
    sizes: list[int] = []
    found = 0
    for count in (full // 2, full):
        path = folder / "case.txt"
        path.write_text(build(count), encoding="utf-8")
        sizes.append(path.stat().st_size)
        seconds, found = _time(path)
        # The machine may be shared: the best of three runs, unless one run is long enough.
        for _ in range(2 if seconds < 2 else 0):
            seconds = min(seconds, _time(path)[0])
        times.append(seconds)
        path.unlink()
    half, whole = times
    rate = sizes[1] / MB / whole if whole else float("inf")
    print(
        f"{name:38} {sizes[1] / MB:8.2f} MB {whole:8.2f} s {rate:7.1f} MB/s"
        f"   half: {half:6.2f} s  ratio {whole / half if half else float('nan'):4.2f}"
        f"   findings {found}",
        flush=True,
    )


# Runs the command line and prints its peak memory. The child of a big process would count
# that process's pages in its own peak (fork), so a small process starts it and measures.
_MEASURE = (
    "import resource, subprocess, sys; status = subprocess.call(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024); sys.exit(status)"
)


def _command_line(folder: Path) -> None:
    """The command line on the 100 MB file: wall time and peak memory."""
    path = folder / "big.txt"
    path.write_text(big_body(100 * MB), encoding="utf-8")
    command = [sys.executable, "-m", "validator", "validate", "--format", "json", str(path)]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    seconds = time.perf_counter() - start
    peak = done.stdout.strip().splitlines()[-1]
    size = path.stat().st_size / MB
    print(
        f"{'cablelint validate (100 MB body)':38} {size:8.2f} MB {seconds:8.2f} s "
        f"{size / seconds:7.1f} MB/s   exit {done.returncode}, peak memory {peak} MB"
    )
    _stages(path)
    path.unlink()


def _stages(path: Path) -> None:
    """Where the time of the largest file goes: the envelope lexer reads the envelope only."""
    start = time.perf_counter()
    data = path.read_bytes()
    read = time.perf_counter()
    source = Source.from_bytes(data, path=str(path))
    decoded = time.perf_counter()
    source.line_starts  # noqa: B018 (built on first use; timed here)
    indexed = time.perf_counter()
    text = source.text if source.text.endswith("\n") else source.text + "\n"
    lexed = line_lexer().lex(text)
    lexing = time.perf_counter()
    scan(text, lexed.end, source.span)
    scanned = time.perf_counter()
    parse(source)
    parsed = time.perf_counter()
    print(
        f"  stages: read {read - start:.2f} s, decode {decoded - read:.2f} s, "
        f"line index {indexed - decoded:.2f} s, envelope lexer {lexing - indexed:.4f} s "
        f"(stops at offset {lexed.end} of {len(text)}), body scan {scanned - lexing:.2f} s, "
        f"whole parse {parsed - scanned:.2f} s"
    )


def main(names: list[str]) -> int:
    print(
        f"machine: {os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.system()} {platform.release()}"
    )
    print(f"{'case':38} {'size':>11} {'time':>10} {'rate':>12}   time at half size, ratio")
    validate_path(ROOT / "corpus" / "valid" / os.listdir(ROOT / "corpus" / "valid")[0])  # warm up
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for name, _, full, build in CASES:
            if not names or name in names:
                _case(folder, name, full, build)
        if not names or "cli" in names:
            _command_line(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
