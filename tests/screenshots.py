"""The main screens in Chinese at 80×24, as SVG (Textual's screenshot), for docs/screenshots:
`make screenshots`. The bundled sample in a store of its own; nothing else is read."""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from jixiao.i18n import use_language
from jixiao.importers import parse_bytes
from jixiao.store.db import open_store
from jixiao.store.save import save_document
from tests.conftest import SAMPLE
from tests.tui_helpers import make_app, press

SHOTS = {
    "browse-zh.svg": ["j", "j", "j", "j", "j", "j"],
    "indicator-zh.svg": ["j", "j", "j", "j", "j", "j", "tab", "j", "enter"],
    "overview-zh.svg": [],
    "help-zh.svg": ["f1"],
}
"""File name → the keys that lead there from the first screen."""


async def shoot(store: Path, keys: list[str], target: Path) -> None:
    app = make_app(store)
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
        store = Path(scratch) / "sample.db"
        save_document(open_store(store), *parse_bytes(SAMPLE.read_bytes(), str(SAMPLE)))
        for name, keys in SHOTS.items():
            asyncio.run(shoot(store, keys, folder / name))
            print(folder / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
