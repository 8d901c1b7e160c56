"""The main screens in Chinese at 80×24, as SVG (Textual's screenshot), for docs/screenshots:
`make screenshots`. The bundled sample in a store of its own; nothing else is read."""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

from jixiao.i18n import use_language
from jixiao.importers import parse_bytes
from jixiao.store.db import open_store
from jixiao.store.save import save_document
from jixiao.tui.place import places_file
from tests.conftest import SAMPLE
from tests.test_compare import draft_2023
from tests.tui_helpers import make_app, press

SHOTS = {
    "browse-zh.svg": ["j", "j", "j", "j", "j", "j"],
    "indicator-zh.svg": ["j", "j", "j", "j", "j", "j", "tab", "j", "enter"],
    "overview-zh.svg": [],
    "help-zh.svg": ["f1"],
    "findings-zh.svg": ["F"],
}
"""File name → the keys that lead there from the first screen."""
COMPARE_SHOT = "compare-zh.svg"
"""The 2023 draft (tests/test_compare.py draft_2023) against the sample, its table 4's pair:
a code's year and a target changed, the rest shown once."""


async def shoot(store: Path, keys: list[str], target: Path, **app_options: object) -> None:
    places_file().unlink(missing_ok=True)  # from the first screen, not where the last shot was
    app = make_app(store, **app_options)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, *keys)
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot(target.name, str(target.parent))


def main(folder: Path) -> None:
    use_language("zh")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["XDG_STATE_HOME"] = str(Path(scratch) / "state")  # not the user's places
        store = Path(scratch) / "sample.db"
        save_document(open_store(store), *parse_bytes(SAMPLE.read_bytes(), str(SAMPLE)))
        for name, keys in SHOTS.items():
            asyncio.run(shoot(store, keys, folder / name))
            print(folder / name)
        two_years = Path(scratch) / "two-years.db"
        engine = open_store(two_years)
        save_document(engine, *parse_bytes(draft_2023().encode("utf-8"), "2023.txt"))
        save_document(engine, *parse_bytes(SAMPLE.read_bytes(), str(SAMPLE)))
        target = folder / COMPARE_SHOT
        asyncio.run(shoot(two_years, ["j", "j", "j"], target, compare=(1, 2)))
        print(target)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
