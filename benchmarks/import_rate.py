"""Import throughput on the bundled sample, next to the ceiling of plain sqlite3.

Prints figures; it is not a test. Run: `make bench` or
`.venv/bin/python benchmarks/import_rate.py [--documents N]`.

Each document is the sample with its department renamed, so every one is a new file (a
different SHA-256) and is really written. Four rates:

- parse only: bytes → ParsedDocument;
- jixiao import: parse + save, one transaction a document (what `jixiao import` does);
- jixiao save only: the save part of that;
- ceiling: the very same rows (from store.save.document_rows, built before the clock
  starts) inserted with plain sqlite3 `executemany`, one transaction a document, into a store
  with the same schema and settings.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from importers import parse_bytes  # noqa: E402
from store.db import open_store  # noqa: E402
from store.save import FirstIds, document_rows, save_document  # noqa: E402

SAMPLE = ROOT / "docs" / "samples" / "julu-zuzhibu-2024-draft.txt"
DEPARTMENT = "中共巨鹿县委组织部"


def variants(count: int) -> list[bytes]:
    text = SAMPLE.read_text(encoding="utf-8")
    return [text.replace(DEPARTMENT, f"{DEPARTMENT}{n:05d}").encode("utf-8") for n in range(count)]


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:10.1f}/s"


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--documents", type=int, default=300)
    count = options.parse_args().documents
    files = variants(count)
    indicators_per_document = parse_bytes(files[0], "x.txt")[0].indicator_count

    started = time.perf_counter()
    parsed = [parse_bytes(data, f"doc{n}.txt") for n, data in enumerate(files)]
    parse_seconds = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as folder:
        engine = open_store(Path(folder) / "jixiao.db")
        started = time.perf_counter()
        for document, report in parsed:
            save_document(engine, document, report)
        save_seconds = time.perf_counter() - started
        engine.dispose()

        ceiling_path = Path(folder) / "ceiling.db"
        open_store(ceiling_path).dispose()  # same schema, WAL, indexes
        prepared = []
        for n, (document, report) in enumerate(parsed):
            ids = FirstIds(
                document=n + 1, unit=2 * n + 1, project=35 * n + 1, indicator=252 * n + 1
            )
            rows = document_rows(document, report, ids, department_id=n + 1, revision=1)
            prepared.append(
                [
                    (
                        f"INSERT INTO {table} ({', '.join(table_rows[0])}) "
                        f"VALUES ({', '.join('?' * len(table_rows[0]))})",
                        [tuple(row.values()) for row in table_rows],
                    )
                    for table, table_rows in rows.items()
                    if table_rows
                ]
            )
        connection = sqlite3.connect(ceiling_path, isolation_level=None)
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA foreign_keys=ON")
        connection.executemany(
            "INSERT INTO department (id, name) VALUES (?, ?)",
            [(n + 1, f"d{n}") for n in range(count)],
        )
        started = time.perf_counter()
        for statements in prepared:
            connection.execute("BEGIN IMMEDIATE")
            for sql, values in statements:
                connection.executemany(sql, values)
            connection.execute("COMMIT")
        ceiling_seconds = time.perf_counter() - started
        connection.close()

    import_seconds = parse_seconds + save_seconds
    indicators = count * indicators_per_document
    print(f"{count} documents of 35 projects and {indicators_per_document} indicators each")
    print(f"{'':36}{'documents':>12}{'indicators':>14}")
    for label, seconds in (
        ("parse only", parse_seconds),
        ("jixiao import (parse + save)", import_seconds),
        ("jixiao save only", save_seconds),
        ("ceiling: sqlite3 executemany", ceiling_seconds),
    ):
        print(f"{label:36}{rate(count, seconds):>12}{rate(indicators, seconds):>14}")
    print(f"save / ceiling: {ceiling_seconds / save_seconds:.2f} of the ceiling's rate")
    print(f"import / ceiling: {ceiling_seconds / import_seconds:.2f} of the ceiling's rate")


if __name__ == "__main__":
    main()
