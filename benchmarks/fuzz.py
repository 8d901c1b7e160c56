"""Fuzzing the import at scale: seeded mutants of the sample and its office renderings
(tests/mutants.py: lines deleted, copied and swapped, odd amounts, control and bidi
characters, encodings and BOMs, CRLF, byte flips, NUL bytes, cuts, office files changed
inside) imported as one folder by `jixiao import DIR --json`, as a user would.

Prints what became of them — imported, failed (by kind of message), tracebacks, exit code,
documents stored partly — and the rate, as a ratio to importing as many unmutated files (the
same renderings in the same mix) measured in the same run: the machine is shared and noisy,
compare ratios. Expected: 0 tracebacks, 0 internal errors, exit code 2 (some files fail),
0 partly stored documents. A mutant is named s<SEED>-<NUMBER>-…; make it again with
`.venv/bin/python -m tests.mutants SEED NUMBER OUT_FOLDER`. It is not a test (tests/test_fuzz.py
is). Run: `.venv/bin/python benchmarks/fuzz.py [--mutants 10000] [--seed 14] [--jobs N]`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jixiao.store import read_documents, verify_store  # noqa: E402
from tests.mutants import make_mutant, unmutated  # noqa: E402

BUG_SIGNS = ("Traceback", "internal error", "this is a bug")
KINDS_SHOWN = 25


def run_import(folder: Path, db: Path, jobs: int) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "jixiao.tui.cli", "--db", str(db), "import", str(folder), "--json",
         "--jobs", str(jobs)],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "JIXIAO_DEBUG": ""},
    )  # fmt: skip
    return time.perf_counter() - started, done


def kind_of(message: str) -> str:
    """A failure's message without what varies between files (quoted text, numbers)."""
    kind = re.sub(r"'[^']*'|“[^”]*”|\([^)]*\)", "…", message)
    kind = re.sub(r"\d[\d,.]*", "N", kind)
    return kind[:90]


def partly_stored(db: Path, results: list[dict[str, Any]]) -> list[str]:
    """Documents whose rows are not what their file's parse counted (the summary the import
    printed), and what `jixiao verify` finds wrong with the store."""
    problems = [f"verify: {c.check}: {p}" for c in verify_store(db) for p in c.problems]
    # verify has compared each document's counts with its rows; these are those counts
    rows = {d["id"]: (d["units"], d["projects"], d["indicators"]) for d in read_documents(db) or []}
    for result in results:
        if result["status"] in ("imported", "unchanged"):
            counted = (result["units"], result["projects"], result["indicators"])
            stored = rows.get(result["document_id"])
            if stored != counted:
                problems.append(f"{result['file']}: parsed {counted}, stored {stored}")
    return problems


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--mutants", type=int, default=10_000)
    options.add_argument("--seed", type=int, default=14)
    options.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        mutants, reference = root / "mutants", root / "reference"
        mutants.mkdir()
        reference.mkdir()
        started = time.perf_counter()
        for number in range(args.mutants):
            mutant = make_mutant(args.seed, number)
            (mutants / mutant.filename).write_bytes(mutant.data)
            name, data = unmutated(args.seed, number)
            (reference / name).write_bytes(data)
        made = time.perf_counter() - started
        reference_seconds, reference_run = run_import(reference, root / "ref.db", args.jobs)
        seconds, run = run_import(mutants, root / "fuzz.db", args.jobs)
        results = json.loads(run.stdout) if run.stdout.strip() else []
        partly = partly_stored(root / "fuzz.db", results) if results else ["no results"]

    statuses = Counter(r["status"] for r in results)
    failures = Counter(kind_of(r["error"]) for r in results if r["status"] == "failed")
    output = run.stdout + run.stderr
    tracebacks = output.count("Traceback")
    bug_lines = [line for line in run.stderr.splitlines() if any(s in line for s in BUG_SIGNS[1:])]
    bugs = len(bug_lines)
    rate, reference_rate = args.mutants / seconds, args.mutants / reference_seconds

    print(f"{args.mutants:,} mutants (seed {args.seed}, made in {made:.1f} s), "
          f"`jixiao import DIR --jobs {args.jobs}` on {os.cpu_count()} cores")  # fmt: skip
    print(f"  imported {statuses['imported']:,}, unchanged (same text as another) "
          f"{statuses['unchanged']:,}, failed {statuses['failed']:,}, "
          f"not in the results {args.mutants - len(results):,}")  # fmt: skip
    print(f"  exit code {run.returncode} (expected 2; reference run: "
          f"{reference_run.returncode}, expected 0)")  # fmt: skip
    print(f"  tracebacks {tracebacks}, internal errors / bugs {bugs}, "
          f"documents stored partly {len(partly)}   expected 0, 0, 0")  # fmt: skip
    for problem in partly[:10] + bug_lines[:10]:
        print(f"    {problem[:300]}")
    print(f"  failed, by kind of message ({len(failures)} kinds):")
    for kind, count in failures.most_common(KINDS_SHOWN):
        print(f"    {count:6,}  {kind}")
    if len(failures) > KINDS_SHOWN:
        rest = sum(count for _, count in failures.most_common()[KINDS_SHOWN:])
        print(f"    {rest:6,}  in {len(failures) - KINDS_SHOWN} other kinds")
    print(f"{'':38}{'seconds':>10}{'files/s':>10}")
    print(f"{'mutants':38}{seconds:10.1f}{rate:10.1f}")
    print(f"{'reference: as many unmutated files':38}{reference_seconds:10.1f}"
          f"{reference_rate:10.1f}")  # fmt: skip
    print(f"mutants / reference: {rate / reference_rate:.2f} of the reference's rate")
    if tracebacks or bugs or run.returncode not in (0, 2):
        print(run.stderr[-3000:], file=sys.stderr)


if __name__ == "__main__":
    main()
