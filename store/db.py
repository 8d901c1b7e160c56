"""Where the store lives, and opening it: one SQLite file in WAL mode, so that a reader
(the TUI) and a writer (an import) can work at once."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import DBAPIError

from jixiao.i18n import _, os_reason
from jixiao.store.connection import configure, when_busy
from jixiao.store.errors import StoreError, store_fault
from jixiao.store.location import ENV_VAR, default_path
from jixiao.store.version import SCHEMA_VERSION

__all__ = ["ENV_VAR", "default_path", "open_store"]

SQLITE_HEADER = b"SQLite format 3\x00"


def open_store(
    path: Path, *, create_folder: bool = True, on_busy: Callable[[], None] | None = None
) -> Engine:
    """Open (creating if needed) and upgrade the store at `path`. A missing folder is made
    only with create_folder (the default location); a path the user named in a folder that
    does not exist is more likely a typo than a wish. on_busy: see store.connection.when_busy."""
    path = path.expanduser()
    _check_path(path, create_folder)
    engine = create_engine(f"sqlite:///{path}")
    configure(engine)
    if on_busy is not None:
        when_busy(engine, on_busy)
    try:
        with engine.connect() as connection:
            version = connection.exec_driver_sql("PRAGMA user_version").scalar_one()
        if version != SCHEMA_VERSION:
            # the schema's models and the migrations load only when a store is made or
            # upgraded: ≈ 100 ms a start otherwise
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


def _check_path(path: Path, create_folder: bool) -> None:
    if path.is_dir():
        raise StoreError(
            _("{path} is a directory, not a store file").format(path=path),
            _("pass a file path, e.g. --db {example}").format(example=path / "jixiao.db"),
        )
    folder = path.parent
    if not folder.exists() and not create_folder:
        raise StoreError(
            _("the folder {folder} of the store does not exist").format(folder=folder),
            _("check the path, or create the folder first (mkdir -p {folder})").format(
                folder=folder
            ),
        )
    if folder.exists() and not folder.is_dir():
        raise StoreError(
            _("{folder} is a file, so it cannot hold the store {name}").format(
                folder=folder, name=path.name
            ),
            _("pass another path with --db or JIXIAO_DB"),
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            _("cannot create the folder for the store {path}: {strerror}").format(
                path=path, strerror=os_reason(error)
            ),
            _("pass a writable location with --db or JIXIAO_DB"),
        ) from None
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        where = (
            _("the store {path}").format(path=path)
            if path.exists()
            else _("the folder {folder} of the store").format(folder=folder)
        )
        raise StoreError(
            _("{where} is read-only").format(where=where),
            _(
                "check its permissions and its folder's (jixiao must write the "
                "store and, beside it, STORE-wal and STORE-shm), or that the disk "
                "is not mounted read-only; `jixiao backup` and `jixiao verify` "
                "still read it"
            ),
            "read-only",
        )
    if path.is_file():
        try:
            with path.open("rb") as file:
                header = file.read(len(SQLITE_HEADER))
        except OSError as error:
            raise StoreError(
                _("cannot read the store {path}: {strerror}").format(
                    path=path, strerror=os_reason(error)
                ),
                _("check its permissions (the user running jixiao must read and write it)"),
                "read-only",
            ) from None
        if header and header != SQLITE_HEADER:
            raise StoreError(
                _(
                    "cannot open the store {path}: it is not an SQLite store (it "
                    "does not start as one)"
                ).format(path=path),
                _(
                    "pass the path of a jixiao store with --db (a new path makes "
                    "a new store), or move that file away"
                ),
                "not-a-store",
            )
