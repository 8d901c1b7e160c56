"""Where the store lives, and opening it: one SQLite file in WAL mode, so that a reader
(the TUI) and a writer (an import) can work at once."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import DBAPIError

from jixiao.store.connection import configure, notice_of, when_busy
from jixiao.store.errors import opening_error
from jixiao.store.location import ENV_VAR, check_path, default_path
from jixiao.store.version import SCHEMA_VERSION

__all__ = ["ENV_VAR", "default_path", "open_store"]


def open_store(
    path: Path, *, create_folder: bool = True, on_busy: Callable[[], None] | None = None
) -> Engine:
    """Open (creating if needed) and upgrade the store at `path`. A missing folder is made
    only with create_folder (the default location); a path the user named in a folder that
    does not exist is more likely a typo than a wish. on_busy: see store.connection.when_busy."""
    path = path.expanduser()
    check_path(path, create_folder)
    engine = create_engine(f"sqlite:///{path}")
    configure(engine)
    if on_busy is not None:
        when_busy(engine, on_busy)
    try:
        with engine.connect() as connection:
            version = connection.exec_driver_sql("PRAGMA user_version").scalar_one()
        if version == 0:
            from jixiao.store.schema import make_new_store

            raw = engine.raw_connection()
            try:
                version = make_new_store(raw.driver_connection, path, notice_of(engine))
            finally:
                raw.close()
        if version != SCHEMA_VERSION:
            # the schema's models and the migrations load only when a store is upgraded:
            # ≈ 100 ms a start otherwise
            from jixiao.store.migrations import upgrade

            upgrade(engine, path)
    except (DBAPIError, sqlite3.Error, OSError) as error:  # not SQLite, read-only, damaged…
        engine.dispose()
        raise opening_error(error, path) from None
    return engine
