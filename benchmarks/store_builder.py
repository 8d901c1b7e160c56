"""Build benchmark stores from the bundled sample: N departments × Y years, each document
the sample under another department name and year (and so another SHA-256)."""

from __future__ import annotations

import dataclasses
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jixiao.importers import parse_file  # noqa: E402
from jixiao.store import (  # noqa: E402
    open_store,
    save_in,
    write_connection,
)

SAMPLE = ROOT / "tui" / "samples" / "julu-zuzhibu-2024-draft.txt"


def build_store(path: Path, departments: int, years: int, first_year: int = 2020) -> int:
    """Write departments × years documents into a new store at `path`; returns the count."""
    parsed, report = parse_file(SAMPLE)
    engine = open_store(path)
    count = 0
    with write_connection(engine) as connection, connection.begin():
        for department in range(departments):
            for year in range(first_year, first_year + years):
                name = f"巨鹿县第{department + 1:03d}部门"
                digest = hashlib.sha256(f"{name}{year}".encode()).hexdigest()
                source = dataclasses.replace(parsed.source, sha256=digest)
                variant = dataclasses.replace(parsed, department=name, year=year, source=source)
                save_in(connection, variant, report)
                count += 1
    engine.dispose()
    return count
