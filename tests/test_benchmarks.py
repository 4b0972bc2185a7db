"""The benchmark script runs end to end and finds no disagreement with the Decimal path.

Timings are printed, never asserted: only the exit status and the mismatch
counts are checked.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_reports_no_mismatch() -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    out = completed.stdout
    for workload in ("A.", "B.", "C.", "D.", "E.", "F."):
        assert f"\n{workload} " in out, out
    counts = re.findall(r"^  mismatches\s+(\S+)", out, flags=re.MULTILINE)
    assert counts == ["0", "0", "0", "0", "0", "0"], out
    # F: many units in one command, timed per data set and against loading alone.
    assert re.search(r"^  per data set\s+\d+\.\d+ ms", out, flags=re.MULTILINE), out
    assert re.search(r"^  audit / loading\s+\d+\.\d+x", out, flags=re.MULTILINE), out
    assert "total mismatches against the Decimal path: 0" in out
    assert re.search(r"peak memory\s+\d+\.\d+x input", out), out
