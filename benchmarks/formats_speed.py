"""How long each reader takes on the sample in its shape: the tab-separated dump, the
`pdftotext -layout` dump, the PDF (22 pages) and the .docx, made by tests/render (needs the
dev dependencies and pdftotext, as `make test` installs). Prints the median of several
parses and the pages a second for the PDF; it is not a test.
Run: `.venv/bin/python benchmarks/formats_speed.py [--repeat N]`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from importers import parse_file  # noqa: E402
from tests.render import SAMPLE, render_sample  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="parses of each (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        renderings = {"tabbed": SAMPLE, **render_sample(Path(folder))}
        print(f"{'reader':8} {'median':>9} {'projects':>9} {'indicators':>11}")
        for kind, path in renderings.items():
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                parsed, report = parse_file(path)
                times.append(time.perf_counter() - started)
            median = statistics.median(times)
            extra = ""
            if kind == "pdf":
                pages = parsed.source.text.count("\f") + 1
                extra = f"  ({pages} pages, {pages / median:.0f} pages/s)"
            print(
                f"{report.layout:8} {median * 1000:7.0f} ms {len(parsed.projects):9} "
                f"{parsed.indicator_count:11}{extra}"
            )


if __name__ == "__main__":
    main()
