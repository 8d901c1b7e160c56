"""The benchmark scripts still run (at a tiny size; their figures are not checked here)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize(
    "argv",
    [
        ["benchmarks/import_rate.py", "--documents", "8"],
        ["benchmarks/scale.py", "--departments", "3", "--years", "2"],
        ["benchmarks/tui_speed.py", "--departments", "2", "--years", "1", "--keys", "2"],
        ["benchmarks/compare_speed.py", "--departments", "2"],
        ["benchmarks/formats_speed.py", "--repeat", "1"],
        ["benchmarks/renderings.py"],
        ["benchmarks/fuzz.py", "--mutants", "12", "--jobs", "1"],
    ],
)
def test_benchmark_runs(argv):
    done = subprocess.run(
        [sys.executable, *argv], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "ms" in done.stdout or "/s" in done.stdout


def test_the_corpus_script_writes_dumps(tmp_path):
    done = subprocess.run(
        [sys.executable, "benchmarks/corpus.py", str(tmp_path), "--departments", "2",
         "--years", "2"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(list(tmp_path.rglob("*.txt"))) == 4
