"""How long each reader takes on the sample in its shape: every rendering of the rendering
bench (tests/fixtures/renderings/sample, made through LibreOffice) and the PDF drawn by
tests/render (22 pages, reportlab). Prints the median of several parses, each as a ratio to
the tab-separated reference parsed in the same run, and each PDF next to `pdftotext -layout`
of the same file (the machine is shared and noisy: compare ratios, not seconds).
Needs the dev dependencies and pdftotext, as `make test` installs; a .doc is timed only where
LibreOffice's soffice is on PATH. It is not a test.
Run: `.venv/bin/python benchmarks/formats_speed.py [--repeat N]`.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jixiao.importers import ImportFault, parse_file  # noqa: E402
from tests.render import render_sample  # noqa: E402
from tests.renderings import FIXTURES, NEEDS_SOFFICE, renderings  # noqa: E402


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def pdftotext_seconds(pdf: Path, repeat: int) -> float | None:
    program = shutil.which("pdftotext")
    if program is None:
        return None
    command = [program, "-layout", str(pdf), "-"]
    return median_seconds(lambda: subprocess.run(command, check=True, capture_output=True), repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="parses of each (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        reference = FIXTURES / "sample" / "reference.txt"
        files = [reference, *renderings("sample"), render_sample(Path(folder))["pdf"]]
        reference_time = median_seconds(lambda: parse_file(reference), args.repeat)
        print(
            f"{'file':26} {'reader':10} {'median':>9} {'×tabbed':>8} {'projects':>9} "
            f"{'indicators':>11}  note"
        )
        for path in files:
            name = "reportlab.pdf (22 pages)" if path.parent.name != "sample" else path.name
            if path.suffix in NEEDS_SOFFICE and shutil.which("soffice") is None:
                print(f"{name:26} (needs soffice: skipped)")
                continue
            try:
                parsed, report = parse_file(path)
            except ImportFault as fault:
                print(f"{name:26} not read: {fault.message[:60]}")
                continue
            median = median_seconds(lambda p=path: parse_file(p), args.repeat)
            note = ""
            if report.layout == "pdf":
                pages = parsed.source.text.count("\f") + 1
                ceiling = pdftotext_seconds(path, args.repeat)
                note = f"{pages} pages, {pages / median:.0f} pages/s"
                if ceiling:
                    note += f", {median / ceiling:.0f}× pdftotext -layout"
            ratio = median / reference_time
            print(
                f"{name:26} {report.layout:10} {median * 1000:7.0f} ms {ratio:8.1f} "
                f"{len(parsed.projects):9} {parsed.indicator_count:11}  {note}"
            )


if __name__ == "__main__":
    main()
