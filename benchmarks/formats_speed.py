"""How long each reader takes on the sample in its shape: every rendering of the rendering
bench (tests/fixtures/renderings/sample, made through LibreOffice), the PDF drawn by
tests/render (22 pages, reportlab) and the variants' PDFs. Prints the median of several
parses, each as a ratio to its document's tab-separated reference parsed in the same run,
and each PDF next to `pdftotext -layout` of the same file, whole process (the machine is
shared and noisy: compare ratios, not seconds).
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


def interleaved_seconds(actions: list[Callable[[], object]], repeat: int) -> list[float]:
    """The median of each action, run in turns (a, b, a, b, …): a busy spell of the shared
    machine slows both alike, so their ratio holds."""
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(repeat):
        for action, kept in zip(actions, times, strict=True):
            started = time.perf_counter()
            action()
            kept.append(time.perf_counter() - started)
    return [statistics.median(kept) for kept in times]


def pdftotext(pdf: Path) -> Callable[[], object] | None:
    """`pdftotext -layout` of `pdf`, whole process, where poppler-utils is installed."""
    program = shutil.which("pdftotext")
    if program is None:
        return None
    command = [program, "-layout", str(pdf), "-"]
    return lambda: subprocess.run(command, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="parses of each (default 5)")
    args = parser.parse_args()
    print(
        f"{'file':26} {'reader':10} {'median':>9} {'×tabbed':>8} {'projects':>9} "
        f"{'indicators':>11}  note"
    )
    with tempfile.TemporaryDirectory() as folder:
        sample = [*renderings("sample"), render_sample(Path(folder))["pdf"]]
        variants = [path for path in renderings("variants") if path.suffix == ".pdf"]
        for document, files in (("sample", sample), ("variants", variants)):
            reference = FIXTURES / document / "reference.txt"
            reference_time = median_seconds(lambda r=reference: parse_file(r), args.repeat)
            for path in [reference, *files]:
                time_one(path, f"{document}/", reference_time, args.repeat)


def time_one(path: Path, prefix: str, reference_time: float, repeat: int) -> None:
    name = prefix + (path.name if path.parent.parent == FIXTURES else "reportlab.pdf")
    if path.suffix in NEEDS_SOFFICE and shutil.which("soffice") is None:
        print(f"{name:26} (needs soffice: skipped)")
        return
    try:
        parsed, report = parse_file(path)
    except ImportFault as fault:
        print(f"{name:26} not read: {fault.message[:60]}")
        return
    beside = pdftotext(path) if report.layout == "pdf" else None
    if beside is None:
        median = median_seconds(lambda: parse_file(path), repeat)
    else:
        median, ceiling = interleaved_seconds([lambda: parse_file(path), beside], repeat)
    note = ""
    if report.layout == "pdf":
        pages = parsed.source.text.count("\f") + 1
        note = f"{pages} pages, {pages / median:.0f} pages/s"
        if beside is not None:
            note += f", {median / ceiling:.1f}× pdftotext -layout"
    ratio = median / reference_time
    print(
        f"{name:26} {report.layout:10} {median * 1000:7.0f} ms {ratio:8.1f} "
        f"{len(parsed.projects):9} {parsed.indicator_count:11}  {note}"
    )


if __name__ == "__main__":
    main()
