"""How long compare takes: two sample-sized documents, and a county's worth (60 departments,
last year's draft against this year's for each).

Last year's drafts are the sample with every fifth project renamed (so fuzzy pairing has
work to do), one budget in three moved, and the year digits of the codes changed. Prints
figures; it is not a test. Run: `.venv/bin/python benchmarks/compare_speed.py`.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jixiao.importers import parse_file  # noqa: E402
from jixiao.importers.model import ParsedDocument  # noqa: E402
from jixiao.store import (  # noqa: E402
    compare_documents,
    open_store,
    save_in,
    write_connection,
)

SAMPLE = ROOT / "tui" / "samples" / "julu-zuzhibu-2024-draft.txt"


def last_year(parsed: ParsedDocument) -> ParsedDocument:
    units = []
    for unit in parsed.units:
        projects = []
        for n, project in enumerate(unit.projects):
            changed = dataclasses.replace(
                project, code=project.code.replace("13052924", "13052923")
            )
            if n % 5 == 0:
                changed = dataclasses.replace(changed, name=changed.name + "（上年）",
                                              code=changed.code + "X")  # fmt: skip
            if n % 3 == 0:
                budget = (changed.budget * Decimal("0.9")).quantize(Decimal("0.01"))
                changed = dataclasses.replace(changed, budget=budget, fiscal_funds=budget)
            projects.append(changed)
        units.append(dataclasses.replace(unit, projects=projects))
    return dataclasses.replace(parsed, year=parsed.year - 1, units=units)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--departments", type=int, default=60)
    args = options.parse_args()
    parsed, report = parse_file(SAMPLE)
    older = last_year(parsed)
    with tempfile.TemporaryDirectory() as folder:
        engine = open_store(Path(folder) / "compare.db")
        pairs = []
        with write_connection(engine) as connection, connection.begin():
            for n in range(args.departments):
                ids = []
                for document in (older, parsed):
                    name = f"巨鹿县第{n + 1:03d}部门"
                    digest = hashlib.sha256(f"{name}{document.year}".encode()).hexdigest()
                    source = dataclasses.replace(document.source, sha256=digest)
                    variant = dataclasses.replace(document, department=name, source=source)
                    ids.append(save_in(connection, variant, report).document_id)
                pairs.append(tuple(ids))
        single = []
        for _ in range(5):
            started = time.perf_counter()
            result = compare_documents(engine, *pairs[0])
            single.append(time.perf_counter() - started)
        started = time.perf_counter()
        for a_id, b_id in pairs:
            compare_documents(engine, a_id, b_id)
        county = time.perf_counter() - started
    counts = {s: result.count(s) for s in ("changed", "unchanged", "to_confirm", "added")}
    print(
        f"one pair of sample-sized documents (35 projects, 252 indicators each): "
        f"{statistics.median(single) * 1000:.0f} ms (median of 5); {counts}"
    )
    print(
        f"a county: {args.departments} departments, last year against this year: "
        f"{county:.2f} s ({county / args.departments * 1000:.0f} ms a department)"
    )


if __name__ == "__main__":
    main()
