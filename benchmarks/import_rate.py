"""Bulk import throughput on sample-sized documents, next to plain sqlite3's ceiling.

Prints figures next to the targets; it is not a test. Run: `make bench` or
`.venv/bin/python benchmarks/import_rate.py [--documents 1000] [--jobs N] [--rounds 3]`.

The corpus is sample-sized: every document has all 35 of the sample's projects and 252
indicators (benchmarks/corpus.py --min-projects 35), each under its own department, year,
budgets and names, so every file is new and really written. Two rates:

- jixiao import: what `jixiao import DIR` does (store.bulk_import.import_files): parse in
  worker processes, write in transactions of up to 200 documents; from the first file read
  to the last commit, worker start-up included;
- ceiling: the very same rows (store.rows.document_tables for each file, made before the clock
  starts) inserted with plain sqlite3 `executemany`, 200 documents a transaction, into a
  store with the same schema, indexes, search index and settings: no parsing, no Python
  between the rows.

Targets: at least 100 documents a second on 2 cores, and at least a third of the ceiling's
rate (the scale issue); `jixiao import DIR` as a whole process (start-up, store creation and
workers counted; run with --documents 300) at least 120 documents a second and 0.2 of the
ceiling (the speed issue).
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

from jixiao.importers import Overrides, parse_file  # noqa: E402
from jixiao.store import (  # noqa: E402
    FirstIds,
    document_tables,
    import_files,
    open_store,
)

RATE_TARGET = 100.0
CEILING_SHARE_TARGET = 1 / 3
WHOLE_RATE_TARGET = 120.0
"""The speed issue's: `jixiao import DIR` of 300 documents, start-up counted."""
WHOLE_SHARE_TARGET = 0.2
BATCH = 200


def ceiling_statements(files: list[Path]) -> list[list[tuple[str, list[tuple]]]]:
    """Each document's INSERT statements with their rows, ids already in place."""
    documents = []
    unit = project = indicator = search = 1
    for n, path in enumerate(files):
        parsed, report = parse_file(path)
        ids = FirstIds(n + 1, unit, project, indicator, search)
        tables = document_tables(parsed, report, ids, department_id=n + 1, revision=1)
        unit += len(tables["unit"][1])
        project += len(tables["project"][1])
        indicator += len(tables["indicator"][1])
        search += len(tables["search_text"][1])
        documents.append(
            [
                (
                    f"INSERT INTO {table} ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))})",
                    [tuple(row) for row in rows],
                )
                for table, (columns, rows) in tables.items()
            ]
        )
    return documents


def run_ceiling(path: Path, documents: list[list[tuple[str, list[tuple]]]]) -> float:
    open_store(path).dispose()  # same schema, WAL, indexes, search index
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.executemany(
        "INSERT INTO department (id, name) VALUES (?, ?)",
        [(n + 1, f"d{n}") for n in range(len(documents))],
    )
    started = time.perf_counter()
    for n, statements in enumerate(documents):
        if n % BATCH == 0:
            connection.execute("BEGIN IMMEDIATE")
        for sql, values in statements:
            connection.executemany(sql, values)
        if n % BATCH == BATCH - 1 or n == len(documents) - 1:
            connection.execute("COMMIT")
    seconds = time.perf_counter() - started
    connection.close()
    return seconds


def whole_process(corpus: Path, store: Path, jobs: int | None) -> float:
    """Seconds of `jixiao import DIR` as a person runs it: start-up, store creation, workers."""
    argv = [str(Path(sys.executable).parent / "jixiao"), "--db", str(store), "import",
            str(corpus), *(["--jobs", str(jobs)] if jobs else [])]  # fmt: skip
    started = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--documents", type=int, default=1000)
    options.add_argument("--jobs", type=int, default=None, help="default: one per core")
    options.add_argument(
        "--rounds", type=int, default=3, help="whole-process and ceiling runs, in turns"
    )
    args = options.parse_args()
    departments = max(1, args.documents // 4)
    years = max(1, min(4, args.documents))
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        count = write_corpus(corpus, departments, years, min_projects=35)
        files = sorted(corpus.rglob("*.txt"))
        indicators = parse_file(files[0])[0].indicator_count
        engine = open_store(Path(folder) / "jixiao.db")
        cpu = resource.getrusage(resource.RUSAGE_SELF)
        started = time.perf_counter()
        results = import_files(engine, files, overrides=Overrides(), jobs=args.jobs)
        import_seconds = time.perf_counter() - started
        used = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        engine.dispose()
        assert all(r.status == "imported" for r in results), "every file must import"
        # The whole process and the ceiling in turns, `--rounds` times each: the machine is
        # shared, and each hour has its own speed; the medians are compared.
        whole_runs, ceiling_runs = [], []
        for round_ in range(args.rounds):
            whole_runs.append(whole_process(corpus, Path(folder) / f"whole{round_}.db", args.jobs))
            statements = ceiling_statements(files)
            ceiling_runs.append(run_ceiling(Path(folder) / f"ceiling{round_}.db", statements))
        whole_seconds = statistics.median(whole_runs)
        ceiling_seconds = statistics.median(ceiling_runs)

    jobs = args.jobs or os.cpu_count()
    rate = count / import_seconds
    ceiling = count / ceiling_seconds
    print(
        f"{count} sample-sized documents (35 projects, {indicators} indicators each); "
        f"{jobs} workers on {os.cpu_count()} cores"
    )
    print(f"{'':34}{'documents/s':>14}{'indicators/s':>15}")
    print(f"{'jixiao import (parse + write)':34}{rate:14.1f}{rate * indicators:15,.0f}"
          f"   target ≥ {RATE_TARGET:.0f} documents/s")  # fmt: skip
    whole = count / whole_seconds
    print(f"{'`jixiao import DIR`, whole process':34}{whole:14.1f}{whole * indicators:15,.0f}"
          f"   target ≥ {WHOLE_RATE_TARGET:.0f} documents/s")  # fmt: skip
    if args.rounds > 1:
        rates = ", ".join(f"{count / seconds:.1f}" for seconds in whole_runs)
        print(f"{'':34}(median of {args.rounds} runs: {rates})")
    print(f"{'ceiling: sqlite3 executemany':34}{ceiling:14.1f}{ceiling * indicators:15,.0f}")
    if args.rounds > 1:
        rates = ", ".join(f"{count / seconds:.1f}" for seconds in ceiling_runs)
        print(f"{'':34}(median of {args.rounds} runs: {rates})")
    print(f"jixiao / ceiling: {rate / ceiling:.2f} of the ceiling's rate   "
          f"target ≥ {CEILING_SHARE_TARGET:.2f}")  # fmt: skip
    print(f"whole process / ceiling: {whole / ceiling:.2f}   "
          f"target ≥ {WHOLE_SHARE_TARGET:.2f}")  # fmt: skip
    main_cpu = used.ru_utime + used.ru_stime - cpu.ru_utime - cpu.ru_stime
    worker_cpu = children.ru_utime + children.ru_stime
    print(
        f"CPU per document: {main_cpu / count * 1000:.1f} ms writing (this process), "
        f"{worker_cpu / count * 1000:.1f} ms parsing (workers)"
    )
    print(
        f"peak resident memory: {used.ru_maxrss / 1024:.0f} MB this process, "
        f"{children.ru_maxrss / 1024:.0f} MB the largest worker"
    )


if __name__ == "__main__":
    main()
