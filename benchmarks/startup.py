"""The wait a person feels before anything happens: each command's whole process, from the
shell's fork to its exit, next to `python3 -c pass` (jixiao's interpreter) and a Textual
hello-world measured in the same run, on a store of 10,000 documents (1,000 departments × 10
years, each the sample).

Prints medians of interleaved runs as ratios against the references (the machine is shared
and noisy: only the ratios travel). Not a test. Run: `.venv/bin/python benchmarks/startup.py
[--rounds 7] [--store PATH]`; the store is built once in a temporary folder unless --store
names one (building it is not timed).

The TUI's first screen is measured by running the app headless in a child process that
notes the time of its first frame showing the browse screen and exits, and the hello-world the
same way, so both pay the same harness. What is timed for these two is fork → first frame, the
wait a person sees: quitting at once would also wait for the checks the browse screen starts in
the background after that frame (≈ 50 ms), which no reviewer waits for.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SAMPLE = ROOT / "tui" / "samples" / "julu-zuzhibu-2024-draft.txt"

# command label -> (whole-process target as a ratio, its reference)
TARGETS = {
    "search": (5.0, "python"),
    "ls": (5.0, "python"),
    "show": (5.0, "python"),
    "projects": (5.0, "python"),
    "compare": (8.0, "python"),
    "tui first screen": (1.5, "hello-world"),
}
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""The children's: bytecode cached, as a user's Python does (see the module's note)."""

IMPORT_TARGET_SECONDS = 0.35
"""A single-document import into a store, whole process."""


def first_screen(kind: str, store: str | None) -> None:
    """In a child process: start the app headless and exit on its first frame of the screen
    a person waits for (jixiao's browse screen, the hello-world's only screen)."""
    from textual.app import App

    if kind == "jixiao":
        from jixiao.store import open_handle
        from jixiao.tui.app import JixiaoApp
        from jixiao.tui.screens.browse import BrowseScreen

        app: App = JixiaoApp(open_handle(Path(store or "")), "bench")

        def ready() -> bool:
            return isinstance(app.screen, BrowseScreen)
    else:
        from textual.widgets import Static

        class Hello(App):
            def compose(self):  # type: ignore[no-untyped-def]
                yield Static("你好")

        app = Hello()

        def ready() -> bool:
            return True

    draw = app._display

    def display_then_exit(screen, renderable):  # type: ignore[no-untyped-def]
        draw(screen, renderable)
        if ready() and app.return_value is None:
            print(f"first frame at {time.time()!r}", flush=True)  # read by run_once
            app.exit(result=True)

    app._display = display_then_exit  # type: ignore[method-assign]
    app.run(headless=True, size=(80, 24))


def commands(store: Path, tmp: Path) -> dict[str, list[str]]:
    jixiao = [str(BIN / "jixiao"), "--db", str(store)]
    me = [sys.executable, __file__, "--child"]
    return {
        # the interpreter jixiao runs on (`python3` on PATH may be a slow shim, e.g. pyenv's)
        "python": [sys.executable, "-c", "pass"],
        "hello-world": [*me, "hello"],
        "--help": [str(BIN / "jixiao"), "--help"],
        "ls": [*jixiao, "ls"],
        "search": [*jixiao, "search", "经费"],
        "show": [*jixiao, "show", "2"],
        "projects": [*jixiao, "projects", "--sort", "budget"],
        "compare": [*jixiao, "compare", "1", "2"],
        "tui first screen": [*me, "jixiao", str(store)],
        "import (new store)": [*jixiao[:1], "--db", str(tmp / "new.db"), "import", str(SAMPLE)],
        "import": [*jixiao[:1], "--db", str(tmp / "existing.db"), "import", str(SAMPLE)],
    }


def run_once(argv: list[str], tmp: Path) -> float:
    """One whole process; the import's stores are reset first: none for the new store, an
    empty store (its schema made) for the usual import."""
    for name in ("new.db", "existing.db"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tmp / name}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(tmp / "empty.db", tmp / "existing.db")
    started, wall = time.perf_counter(), time.time()
    done = subprocess.run(argv, capture_output=True, check=False, env=ENVIRONMENT)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    frame = re.search(rb"first frame at ([0-9.]+)", done.stdout)
    return float(frame.group(1)) - wall if frame else elapsed


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=7)
    options.add_argument("--store", type=Path, help="a store to reuse (else one is built)")
    options.add_argument("--departments", type=int, default=1000)
    options.add_argument("--years", type=int, default=10)
    options.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = options.parse_args()
    if args.child:
        first_screen(args.child[0], args.child[1] if len(args.child) > 1 else None)
        return
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        store = args.store
        if store is None:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from store_builder import build_store

            store = tmp / "bench.db"
            count = build_store(store, args.departments, args.years)
            print(f"store: {count:,} documents ({store.stat().st_size / 1e6:,.0f} MB)")
        argvs = commands(store, tmp)
        subprocess.run([str(BIN / "jixiao"), "--db", str(tmp / "empty.db"), "stats"],
                       stdout=subprocess.DEVNULL, check=True)  # fmt: skip
        times: dict[str, list[float]] = {label: [] for label in argvs}
        for argv in argvs.values():  # once each, unmeasured: the page cache warms
            run_once(argv, tmp)
        for _ in range(args.rounds):  # interleaved, so a busy moment hits every command
            for label, argv in argvs.items():
                times[label].append(run_once(argv, tmp))
    medians = {label: statistics.median(values) for label, values in times.items()}
    print(f"whole process (the TUI and hello-world: fork → first frame), median of "
          f"{args.rounds} interleaved runs:")  # fmt: skip
    for label, seconds in medians.items():
        line = f"  {label:20} {seconds * 1000:7.0f} ms"
        if label in ("python", "hello-world"):
            line += "   (reference)"
        else:
            target, reference = TARGETS.get(label, (None, "python"))
            ratio = seconds / medians[reference]
            line += f"   {ratio:5.2f}× {reference}"
            if target is not None:
                line += f"  (target ≤ {target:g}×: {'met' if ratio <= target else 'NOT met'})"
        if label.startswith("import"):
            met = "met" if seconds <= IMPORT_TARGET_SECONDS else "NOT met"
            line += f"  (target ≤ {IMPORT_TARGET_SECONDS} s: {met})"
        print(line)


if __name__ == "__main__":
    main()
