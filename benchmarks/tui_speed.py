"""How fast the review TUI answers on a store of 1,000 documents (200 departments × 5
years, each the sample): time to the first screen, and time per key in the browse screen.

Prints figures next to the targets; it is not a test. Run: `.venv/bin/python
benchmarks/tui_speed.py [--departments 200] [--years 5]`. The store is built in a temporary
folder first (that part is not timed).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_builder import build_store

from jixiao.store import open_handle
from jixiao.tui.app import JixiaoApp
from jixiao.tui.components.project_view import ProjectView
from jixiao.tui.screens.browse import BrowseScreen

FIRST_PAINT_TARGET = 0.5
KEY_MEDIAN_TARGET = 0.016
KEY_P95_TARGET = 0.033
"""Key → the next project on screen: within a 60 Hz frame usually, two at worst."""


async def measure(path: Path, keys: int) -> tuple[float, list[float], list[float]]:
    """First paint: from creating the app to its first frame of the browse screen.
    For each key (j or k, each onto another project): the time from sending it to the first
    frame that shows the new project, and to the last frame it causes (the screen settled).
    Pilot's own waiting for the app to fall idle is not counted."""
    frames: list[tuple[float, object]] = []
    started = time.perf_counter()
    app = JixiaoApp(open_handle(path), "bench")
    draw = app._display

    def timed_display(screen, renderable):  # type: ignore[no-untyped-def]
        draw(screen, renderable)
        view = screen.query(ProjectView)
        frames.append((time.perf_counter(), view.first().detail if view else None))

    app._display = timed_display  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        first_paint = frames[-1][0] - started
        shown, settled = [], []
        await pilot.press("j", "j")  # onto the first project
        await pilot.pause()
        for key in ["j"] * keys + ["k"] * keys:
            before = app.screen.query_one(ProjectView).detail
            frames.clear()
            sent = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            shown.append(next(t for t, detail in frames if detail is not before) - sent)
            settled.append(frames[-1][0] - sent)
    return first_paint, shown, settled


def summary(label: str, values: list[float], targets: tuple[float, float] | None = None) -> str:
    ordered = sorted(values)
    median = statistics.median(values)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    line = (
        f"{label:34} median {median * 1000:6.1f} ms   "
        f"p95 {p95 * 1000:6.1f} ms   max {ordered[-1] * 1000:6.1f} ms"
    )
    if targets is None:
        return line
    met = "met" if median <= targets[0] and p95 <= targets[1] else "NOT met"
    median_ms, p95_ms = (t * 1000 for t in targets)
    return line + f"   (target median ≤ {median_ms:.0f}, p95 ≤ {p95_ms:.0f}: {met})"


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--departments", type=int, default=200)
    options.add_argument("--years", type=int, default=5)
    options.add_argument("--keys", type=int, default=30)
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        started = time.perf_counter()
        documents = build_store(path, args.departments, args.years)
        built = time.perf_counter() - started
        size_mb = path.stat().st_size / 1e6
        print(
            f"store: {documents} documents, {documents * 35} projects, "
            f"{documents * 252} indicators; {size_mb:.0f} MB; built in {built:.1f} s"
        )
        first_paint, shown, settled = asyncio.run(measure(path, args.keys))
    target = FIRST_PAINT_TARGET * 1000
    print(f"first screen: {first_paint * 1000:.0f} ms   (target ≤ {target:.0f} ms)")
    print(f"keys j and k in the browse screen, {len(shown)} keys, each onto another project:")
    print(summary("  key → new project on screen", shown, (KEY_MEDIAN_TARGET, KEY_P95_TARGET)))
    print(summary("  key → last frame (settled)", settled))


if __name__ == "__main__":
    main()
