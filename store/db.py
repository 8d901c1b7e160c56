"""Where the store lives, and opening it: one SQLite file in WAL mode, so that a reader
(the TUI) and a writer (an import) can work at once."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import DBAPIError

from store.connection import configure
from store.errors import StoreError
from store.location import ENV_VAR, default_path
from store.migrations import upgrade

__all__ = ["ENV_VAR", "default_path", "open_store"]


def open_store(path: Path) -> Engine:
    """Open (creating if needed) and upgrade the store at `path`."""
    path = path.expanduser()
    if path.is_dir():
        raise StoreError(
            f"{path} is a directory, not a store file",
            "pass a file path, e.g. --db ~/reviews/jixiao.db",
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"cannot create the folder for the store {path}: {error.strerror}",
            "pass a writable location with --db or JIXIAO_DB",
        ) from None
    engine = create_engine(f"sqlite:///{path}")
    configure(engine)
    try:
        upgrade(engine, path)
    except DBAPIError as error:  # not SQLite, unreadable, locked…
        engine.dispose()
        raise StoreError(
            f"cannot open the store {path}: {error.orig}",
            "is it a jixiao store, and is the file readable and writable?",
        ) from None
    return engine
