"""Where the store lives, and opening it: one SQLite file in WAL mode, so that a reader
(the TUI) and a writer (an import) can work at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import DBAPIError

from jixiao.i18n import _
from jixiao.store.connection import configure, when_busy
from jixiao.store.errors import StoreError, store_fault
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

            version = make_new_store(engine, path)
        if version != SCHEMA_VERSION:
            # the schema's models and the migrations load only when a store is upgraded:
            # ≈ 100 ms a start otherwise
            from jixiao.store.migrations import upgrade

            upgrade(engine, path)
    except (DBAPIError, OSError) as error:  # not SQLite, unreadable, read-only, damaged…
        engine.dispose()
        fault = store_fault(error, path)
        if fault is not None:
            raise fault from None
        raise StoreError(
            _("cannot open the store {path}: {error}").format(
                path=path, error=getattr(error, "orig", error)
            ),
            _("is it a jixiao store, and is the file readable and writable?"),
        ) from None
    return engine
