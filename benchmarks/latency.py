"""Pre-commit latency: `cablelint validate one.txt` against `python -c "import lark, rich.console"`.

Both commands run 20 times, interleaved, each in a fresh interpreter; the script prints the
median wall time of each and their ratio (target: at most 1.5). The grammar-table cache is
warmed first, as it is after the first run on any machine, and the package's bytecode is
compiled first, as `pip install` does (an editable install under PYTHONDONTWRITEBYTECODE
would otherwise compile every module from source on every run, as Lark and rich never do).
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 20
CABLE = ROOT / "corpus" / "valid" / "09BERLIN1452.txt"


def wall_time(command: list[str], cwd: Path) -> float:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=environment, capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> int:
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "validator")], check=True)
    with tempfile.TemporaryDirectory(prefix="cablelint-latency-") as temporary:
        folder = Path(temporary)
        (folder / "one.txt").write_bytes(CABLE.read_bytes())
        ours = [sys.executable, "-m", "validator", "validate", "one.txt"]
        reference = [sys.executable, "-c", "import lark, rich.console"]
        wall_time(ours, folder)  # warm the grammar cache and the page cache
        wall_time(reference, folder)
        ours_times, reference_times = [], []
        for _ in range(RUNS):
            ours_times.append(wall_time(ours, folder))
            reference_times.append(wall_time(reference, folder))
    mine, theirs = statistics.median(ours_times), statistics.median(reference_times)
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"cablelint validate one.txt:          median {mine * 1000:6.1f} ms of {RUNS}")
    print(f'python -c "import lark, rich.console": median {theirs * 1000:6.1f} ms of {RUNS}')
    print(f"ratio: {mine / theirs:.2f} (target <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
