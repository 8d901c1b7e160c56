"""The benchmark scripts still run (at a tiny size; their figures are not checked here)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize(
    "argv",
    [
        ["benchmarks/import_rate.py", "--documents", "3"],
        ["benchmarks/tui_speed.py", "--departments", "2", "--years", "1", "--keys", "2"],
        ["benchmarks/compare_speed.py", "--departments", "2"],
    ],
)
def test_benchmark_runs(argv):
    done = subprocess.run(
        [sys.executable, *argv], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "ms" in done.stdout or "/s" in done.stdout
