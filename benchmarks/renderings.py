"""The rendering bench's table: every committed rendering (tests/fixtures/renderings, made
by `make renderings` through LibreOffice) imported and judged field by field against the
import of its tab-separated reference. Prints, for each rendering, the share of each field
that came in right, the lines not understood, and how long the import took next to the
reference's own import in the same run.
Run: `.venv/bin/python benchmarks/renderings.py [-v]` (-v lists the first differences).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jixiao.importers import ImportFault  # noqa: E402
from tests.renderings import (  # noqa: E402
    FIELDS,
    FIXTURES,
    NEEDS_SOFFICE,
    bench_documents,
    expected,
    judge,
    renderings,
    unshown_spaces,
)
from tests.test_renderings import import_and_export  # noqa: E402

_SHORT = {
    "department": "dept",
    "year": "year",
    "stage": "stage",
    "title": "title",
    "units": "units",
    "toc": "toc",
    "department_goals": "dgoal",
    "goals": "goals",
    "name": "name",
    "code": "code",
    "budget": "budg",
    "fiscal_funds": "fisc",
    "other_funds": "othr",
    "purpose": "purp",
    "spending_plan": "plan",
    "level1": "lv1",
    "level2": "lv2",
    "level3": "lv3",
    "description": "desc",
    "value": "value",
    "basis": "basis",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="list differences")
    args = parser.parse_args()
    header = f"{'rendering':28} " + " ".join(f"{_SHORT[f]:>5}" for f in FIELDS)
    print(header + "  unread      time  ×ref")
    all_right = True
    with tempfile.TemporaryDirectory() as folder:
        for document in bench_documents():
            want = expected(document)
            started = time.perf_counter()
            import_and_export(FIXTURES / document / "reference.txt", Path(folder))
            reference_time = time.perf_counter() - started
            for path in renderings(document):
                name = f"{document}/{path.name}"
                if path.suffix in NEEDS_SOFFICE and shutil.which("soffice") is None:
                    print(f"{name:28} (needs soffice: skipped)")
                    continue
                started = time.perf_counter()
                try:
                    got, report = import_and_export(path, Path(folder))
                    unread = str(len(report.unread))
                except ImportFault as fault:
                    got, unread = None, "fault"
                    fault_text = str(fault)
                elapsed = time.perf_counter() - started
                judgement = judge(want, got, unshown_spaces(path))
                cells = []
                for field in FIELDS:
                    share = judgement.share(field)
                    cells.append(f"{'':>5}" if share is None else f"{share:5.0%}")
                all_right &= judgement.all_right and unread == "0"
                print(
                    f"{name:28} {' '.join(cells)}  {unread:>6} {elapsed * 1000:6.0f} ms "
                    f"{elapsed / reference_time:5.0f}"
                )
                if args.verbose:
                    if got is None:
                        print(f"    {fault_text}")
                    for difference in judgement.differences[:8]:
                        cut = difference if len(difference) < 300 else difference[:297] + "…"
                        print(f"    {cut}")
    print("every rendering 100%" if all_right else "some renderings are not read right")


if __name__ == "__main__":
    main()
