"""Archive scale: N generated cables checked by the command line with 1 and 2 processes.

Generates realistic cables with the project's own generator (validator/synth.py) into a
temporary folder, then runs `cablelint validate --format json` over the folder, reporting
cables per second, the speed-up from one process to two, the projected time for a
Cablegate-sized archive (251,287 cables), peak memory (RSS of the run, children included),
and the cache: a first run (empty cache) and a second run over the unchanged archive, three
times each, their medians compared. Wall times are measured around the `cablelint` process
by the probe that starts it (the probe's own start-up is not counted). The package's
bytecode is compiled first, as `pip install` does.
Usage: python benchmarks/scale.py [N ...] (default 10000 100000).
"""

from __future__ import annotations

import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from validator.synth import random_envelope, render  # noqa: E402

CABLEGATE = 251_287


def generate(folder: Path, count: int, seed: int = 1) -> int:
    """Write `count` cables (one folder per thousand); returns their total size in bytes."""
    rng = random.Random(seed)
    total = 0
    for index in range(count):
        envelope = random_envelope(rng)
        text = render(envelope)
        shard = folder / f"{index // 1000:04d}"
        shard.mkdir(exist_ok=True)
        year = envelope.dtg.year % 100
        name = f"{year:02d}{envelope.post.replace(' ', '')}{envelope.serial}-{index}.txt"
        (shard / name).write_text(text, encoding="utf-8")
        total += len(text)
    return total


# Runs the command in a child and prints its wall time, the largest RSS (KiB) of it and its
# own children, and its exit code.
_PEAK_PROBE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:])\n"
    "elapsed = time.perf_counter() - start\n"
    "print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)\n"
)
# Runs of the cache pair (first, second) whose medians are compared.
_CACHE_ROUNDS = 3


def timed_run(folder: Path, *options: str) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB, largest process) of one `cablelint validate` run."""
    report = folder.parent / f"{folder.name}-report.json"
    command = [sys.executable, "-m", "validator", "validate", "--format", "json", *options]
    command += ["-o", str(report), str(folder)]
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_PROBE, *command],
        cwd=folder,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    seconds, peak_text, status_text = done.stdout.split()
    elapsed, peak, status = float(seconds), int(peak_text), int(status_text)
    if status not in (0, 1):
        sys.stderr.write(done.stderr)
        raise SystemExit(f"cablelint failed with exit code {status}")
    checked = len(json.loads(report.read_text(encoding="utf-8"))["files"])
    report.unlink()
    if checked != sum(1 for _ in folder.rglob("*.txt")):
        raise SystemExit(f"the run checked {checked} files only")
    return elapsed, peak


def measure(count: int) -> None:
    with tempfile.TemporaryDirectory(prefix="cablelint-scale-") as temporary:
        folder = Path(temporary) / "archive"
        folder.mkdir()
        start = time.perf_counter()
        size = generate(folder, count)
        made = time.perf_counter() - start
        print(f"\n{count} cables, {size / 1e6:.0f} MB, generated in {made:.0f} s")
        one, peak_one = timed_run(folder, "--no-cache", "--jobs", "1")
        two, peak_two = timed_run(folder, "--no-cache", "--jobs", "2")
        first_runs, second_runs, peaks = [], [], []
        for _ in range(_CACHE_ROUNDS):
            shutil.rmtree(folder / ".cablelint_cache", ignore_errors=True)
            first_runs.append(timed_run(folder, "--jobs", "2")[0])
            second, peak = timed_run(folder, "--jobs", "2")
            second_runs.append(second)
            peaks.append(peak)
        first, cached = statistics.median(first_runs), statistics.median(second_runs)
        for label, seconds, peak in (
            ("1 process:  ", one, peak_one),
            ("2 processes:", two, peak_two),
        ):
            rate = count / seconds
            print(f"  {label} {seconds:6.1f} s  {rate:5.0f} cables/s  peak RSS {peak >> 10} MB")
        print(f"  speed-up from 1 to 2 processes: {one / two:.2f}x")
        projected = CABLEGATE / (count / two)
        print(f"  projected for {CABLEGATE} cables, 2 processes: {projected:.0f} s (target < 60 s)")
        print(
            f"  cache: first run {first:.2f} s, second run {cached:.3f} s"
            f" (medians of {_CACHE_ROUNDS}: {', '.join(f'{s:.2f}' for s in first_runs)} /"
            f" {', '.join(f'{s:.3f}' for s in second_runs)}; peak RSS {max(peaks) >> 10} MB)"
        )
        print(f"  second run {first / cached:.1f}x faster (target >= 10x)")


def main() -> int:
    counts = [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000]
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "validator")], check=True)
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}")
    for count in counts:
        measure(count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
