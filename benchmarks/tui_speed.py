"""How fast the review TUI answers on a store of 1,000 documents (200 departments × 5
years, each the sample): time to the first screen, and time per key in the browse screen,
beside the same keys in a minimal Textual app measured in the same run (ReferenceApp).

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
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_builder import build_store
from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Static, Tree

from jixiao.store import open_handle
from jixiao.tui.app import JixiaoApp
from jixiao.tui.components.project_view import ProjectView
from jixiao.tui.screens.browse import BrowseScreen

FIRST_PAINT_TARGET = 0.5
KEY_MEDIAN_TARGET = 0.016
KEY_P95_TARGET = 0.033
"""Key → the next project on screen: within a 60 Hz frame usually, two at worst."""
REFERENCE_PROJECTS = 35
"""As many lines in the reference's tree as the sample has projects."""


async def measure(path: Path, keys: int) -> tuple[float, list[float], list[float]]:
    """First paint: from creating the app to its first frame of the browse screen.
    For each key (j or k, each onto another project): the time from sending it to the first
    frame that shows the new project, and to the last frame it causes (the screen settled).
    Pilot's own waiting for the app to fall idle is not counted."""
    started = time.perf_counter()
    app = JixiaoApp(open_handle(path), "bench")

    def shown() -> object:
        view = app.screen.query(ProjectView)
        return view.first().detail if view else None

    frames = _record_frames(app, shown)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        first_paint = frames[-1][0] - started
        await pilot.press("j", "j")  # onto the first project
        await pilot.pause()
        shown_times, settled = await _time_keys(pilot, frames, shown, keys)
    return first_paint, shown_times, settled


def _record_frames(app: App[None], shown: Callable[[], object]) -> list[tuple[float, object]]:
    """Each frame the app draws from now on: when, and what its detail pane showed."""
    frames: list[tuple[float, object]] = []
    draw = app._display

    def timed_display(screen, renderable):  # type: ignore[no-untyped-def]
        draw(screen, renderable)
        frames.append((time.perf_counter(), shown()))

    app._display = timed_display  # type: ignore[method-assign]
    return frames


async def _time_keys(
    pilot: Pilot[None], frames: list[tuple[float, object]], shown: Callable[[], object], keys: int
) -> tuple[list[float], list[float]]:
    """`keys` presses of j then as many of k: key → first frame showing something new, and
    key → the last frame the key caused."""
    shown_times, settled = [], []
    for key in ["j"] * keys + ["k"] * keys:
        before = shown()
        frames.clear()
        sent = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        shown_times.append(next(t for t, detail in frames if detail is not before) - sent)
        settled.append(frames[-1][0] - sent)
    return shown_times, settled


class ReferenceApp(App[None]):
    """The least a browse screen does, for a reference measured in the same minutes: a tree
    of projects beside a scrolling pane of wrapped text that follows the cursor, at the
    browse screen's sizes (the tree 40 columns of 80)."""

    CSS = """
    Tree { width: 40; }
    #pane { width: 1fr; padding: 0 1; }
    """
    BINDINGS: ClassVar = [("j", "move(1)"), ("k", "move(-1)")]

    def __init__(self) -> None:
        super().__init__()
        self.shown: int | None = None

    def compose(self) -> ComposeResult:
        with Horizontal():
            tree = _ReferenceTree("projects")
            for number in range(1, REFERENCE_PROJECTS + 1):
                tree.root.add_leaf(f"· {number:>3} 村级组织运转经费 {number}", data=number)
            tree.root.expand()
            yield tree
            with VerticalScroll(id="pane"):
                yield Static(id="detail")

    def action_move(self, step: int) -> None:
        tree = self.query_one(Tree)
        tree.action_cursor_down() if step > 0 else tree.action_cursor_up()

    def show(self, number: int) -> None:
        lines = [f"{n}.为 {number * n} 个村提供运转经费，保障村级组织运转。" for n in range(1, 9)]
        text = f"{number}. 村级组织运转经费\n项目编码 {number:06d}\n" + "\n".join(lines)
        self.query_one("#detail", Static).update(text)
        self.shown = number


class _ReferenceTree(Tree[int]):
    def watch_cursor_line(self, previous_line: int, line: int) -> None:
        # In the same tick as the cursor, as jixiao's tree does: Tree's NodeHighlighted
        # message would arrive a frame later.
        super().watch_cursor_line(previous_line, line)
        node = self.cursor_node
        if node is not None and node.data is not None:
            self.app.show(node.data)  # type: ignore[attr-defined]


async def measure_reference(keys: int) -> list[float]:
    """Key → the pane showing the new cursor's text, in ReferenceApp."""
    app = ReferenceApp()
    frames = _record_frames(app, lambda: app.shown)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        await pilot.pause()
        shown_times, _settled = await _time_keys(pilot, frames, lambda: app.shown, keys)
    return shown_times


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
        # The reference before and after jixiao, in the same minutes: the machine's speed
        # varies by the hour, the ratio much less.
        reference = asyncio.run(measure_reference(args.keys))
        first_paint, shown, settled = asyncio.run(measure(path, args.keys))
        reference += asyncio.run(measure_reference(args.keys))
    target = FIRST_PAINT_TARGET * 1000
    print(f"first screen: {first_paint * 1000:.0f} ms   (target ≤ {target:.0f} ms)")
    print(f"keys j and k in the browse screen, {len(shown)} keys, each onto another project:")
    print(summary("  key → new project on screen", shown, (KEY_MEDIAN_TARGET, KEY_P95_TARGET)))
    print(summary("  key → last frame (settled)", settled))
    print(summary("  reference: a Tree beside a Static", reference))
    ratio = statistics.median(shown) / statistics.median(reference)
    print(f"  jixiao / reference (medians): {ratio:.2f}×")


if __name__ == "__main__":
    main()
