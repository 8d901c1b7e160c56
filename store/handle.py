"""A store opened for a long session (the TUI): it reads with sqlite3 alone from the first
screen on, and loads SQLAlchemy only for its first write — on the writer's thread, so that
neither the first screen nor the first key waits for the ≈ 100 ms it takes to import."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from jixiao.store.location import check_path
from jixiao.store.reading import Reader, read_only

if TYPE_CHECKING:
    from sqlalchemy import Engine


class StoreHandle:
    def __init__(self, path: Path, engine: Engine | None = None) -> None:
        self.path = path
        self.reader = Reader(path)
        """What the screens read through (any read function's `source`)."""
        self._engine = engine
        self._lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        """The engine the writes go through (store/connection.py's BEGIN IMMEDIATE and
        waiting for another writer), made on first use."""
        with self._lock:
            if self._engine is None:
                from jixiao.store.db import open_store

                self._engine = open_store(self.path)
            return self._engine


def open_handle(path: Path, *, create_folder: bool = True) -> StoreHandle:
    """The store at `path` for a session: a current store is only checked (its path, its
    schema version); a new, older or damaged one goes through db.open_store at once, which
    makes or upgrades it, or says what is wrong with a hint."""
    path = path.expanduser()
    check_path(path, create_folder)
    connection = read_only(path)
    if connection is None:
        from jixiao.store.db import open_store

        return StoreHandle(path, open_store(path, create_folder=create_folder))
    connection.close()
    return StoreHandle(path)
