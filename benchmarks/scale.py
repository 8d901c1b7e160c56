"""A province's store: 10,000 sample-sized documents (2,000 departments × 5 years, about 2.5
million indicators), imported with `jixiao import` and then used as a reviewer would.

Prints each figure next to its target; it is not a test. Run (about four minutes on 2 cores):
`.venv/bin/python benchmarks/scale.py`, or `make bench-scale`. `--store PATH` measures an
existing store instead of building one; `--departments` and `--years` make a smaller one.

Figures:
- import: `jixiao import --quiet DIR` as a separate process: documents per second, and the
  peak resident memory of the whole process tree (the writer and its workers, summed, read
  from /proc every 0.2 s);
- TUI first screen: from creating the app to the first frame of the browse screen, three
  times (the first right after the import, the store cold in the page cache);
- paging through all projects: every page of 100 rows, in document order and by budget, as
  the store-wide view reads them (SQL); and, in the TUI (50 rows a page there), key `]` →
  the next page on screen;
- store-wide search as the search screen runs it (up to 500 hits): three-character and
  two-character queries, common ones and ones that match nothing;
- `jixiao ls` as a separate process, Python's start included.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402
from tui_speed import measure as measure_browse  # noqa: E402

from jixiao.store import (  # noqa: E402
    StoreFilter,
    open_handle,
    open_store,
    project_page,
    search_store,
    store_stats,
)
from jixiao.tui.screens.across import PAGE_ROWS  # noqa: E402

JIXIAO = [sys.executable, "-m", "jixiao.tui.cli"]
TARGETS = {
    "import": 100.0,  # documents a second
    "memory": 500.0,  # MB
    "first_paint": 0.5,
    "page": 0.050,
    "search3": 0.100,
    "search2": 0.500,
    "ls": 0.3,
}


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(
                next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1]
            )
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total / 1024


def run_import(store: Path, corpus: Path) -> tuple[float, float, str]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [*JIXIAO, "--db", str(store), "import", "--quiet", str(corpus)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = 0.0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, tree_rss_mb(process.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"the import failed:\n{out}\n{err}")
    return seconds, peak, out.strip()


def timed(function, *args, repeat: int = 1):  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function(*args)
        times.append(time.perf_counter() - started)
    return result, times


def all_pages(engine, sort: str) -> list[float]:  # type: ignore[no-untyped-def]
    times, after = [], None
    while True:
        started = time.perf_counter()
        page = project_page(engine, StoreFilter(), sort, after, 100)
        times.append(time.perf_counter() - started)
        if page.next is None:
            return times
        after = page.next


async def tui_pages(path: Path, pages: int) -> list[float]:
    """Key ] in the store-wide view → the first frame showing the next page's rows."""
    from jixiao.tui.app import JixiaoApp
    from jixiao.tui.components.page_table import PageTable
    from jixiao.tui.screens.across import AcrossScreen

    app = JixiaoApp(open_handle(path), "bench")
    frames: list[tuple[float, str | None]] = []
    draw = app._display

    def timed_display(screen, renderable):  # type: ignore[no-untyped-def]
        draw(screen, renderable)
        table = screen.query(PageTable)
        first = None
        if isinstance(screen, AcrossScreen) and table and table.first().row_count:
            first = table.first().keys[0]
        frames.append((time.perf_counter(), first))

    app._display = timed_display  # type: ignore[method-assign]
    times = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("A")
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(pages):
            before = frames[-1][1]
            frames.clear()
            sent = time.perf_counter()
            await pilot.press("right_square_bracket")
            await app.workers.wait_for_complete()
            await pilot.pause()
            times.append(next(t for t, first in frames if first not in (None, before)) - sent)
    return times


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return (
        f"median {statistics.median(values) * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms  "
        f"max {ordered[-1] * 1000:6.1f} ms"
    )


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--store", type=Path, help="measure this store instead of building one")
    options.add_argument("--departments", type=int, default=2000)
    options.add_argument("--years", type=int, default=5)
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = args.store
        if store is None:
            corpus = Path(folder) / "corpus"
            started = time.perf_counter()
            count = write_corpus(corpus, args.departments, args.years, min_projects=35)
            print(f"corpus: {count:,} sample-sized dumps written in "
                  f"{time.perf_counter() - started:.0f} s")  # fmt: skip
            store = Path(folder) / "province.db"
            seconds, peak, said = run_import(store, corpus)
            print(f"import: {said}")
            print(f"  {count / seconds:8.1f} documents/s ({seconds:.0f} s)   "
                  f"target ≥ {TARGETS['import']:.0f}")  # fmt: skip
            print(f"  peak resident memory of the import (all processes): {peak:.0f} MB   "
                  f"target < {TARGETS['memory']:.0f} MB")  # fmt: skip
        report(store)


def report(store: Path) -> None:
    engine = open_store(store)
    counts = store_stats(engine, store)["counts"]
    documents, projects, indicators = (counts[k] for k in ("documents", "projects", "indicators"))
    size = store.stat().st_size / 1e6
    print(f"store: {documents:,} documents, {projects:,} projects, {indicators:,} indicators; "
          f"{size:,.0f} MB")  # fmt: skip

    # The first start reads a store the import has just pushed out of the page cache; the
    # later ones show a reviewer's usual start. Both are printed.
    paints = [asyncio.run(measure_browse(store, 2))[0] for _ in range(3)]
    print(f"TUI first screen: {paints[0] * 1000:.0f} ms the first time, then "
          f"{statistics.median(paints[1:]) * 1000:.0f} ms   "
          f"target ≤ {TARGETS['first_paint'] * 1000:.0f} ms")  # fmt: skip

    print(f"paging through all {projects:,} projects, 100 a page "
          f"(target ≤ {TARGETS['page'] * 1000:.0f} ms a page):")  # fmt: skip
    for sort in ("document", "budget"):
        times = all_pages(engine, sort)
        print(f"  SQL, {sort + ' order':15} {len(times):,} pages: {summary(times)}")
    pages = min(30, (projects - 1) // 100)  # a small store has fewer pages to turn
    if pages:
        tui = asyncio.run(tui_pages(store, pages))
        print(
            f"  TUI ({PAGE_ROWS} rows a page), key ] → next page on screen, {pages} pages: "
            f"{summary(tui)}"
        )

    print("store-wide search, up to 500 hits (three times each; first run cold):")
    queries = (("满意度", "search3"), ("茶话会", "search3"), ("鹦鹉螺", "search3"),
               ("经费", "search2"), ("茶话", "search2"), ("鹦鹉", "search2"))  # fmt: skip
    for query, target in queries:
        hits, times = timed(search_store, engine, query, None, 500, repeat=3)
        print(
            f"  {query:4} {len(hits):4} hits  first {times[0] * 1000:6.1f} ms  "
            f"then {min(times[1:]) * 1000:6.1f} ms   target ≤ {TARGETS[target] * 1000:.0f} ms"
        )

    times = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(
            [*JIXIAO, "--db", str(store), "ls"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )
        times.append(time.perf_counter() - started)
    print(
        f"jixiao ls ({documents:,} rows), 5 runs: median {statistics.median(times):.2f} s, "
        f"best {min(times):.2f} s   target ≤ {TARGETS['ls']} s"
    )


if __name__ == "__main__":
    main()
