"""The store opened to be written by a bulk import: one plain sqlite3 connection, configured
as every writing connection is (store/connection.py), so that `jixiao import DIR` loads no
SQLAlchemy — ≈ 0.18 s of CPU at the start, which its workers need for parsing. A new store
is made from schema.sql; an older one is upgraded through store.db.open_store (SQLAlchemy and
the migrations), which is also what refuses a store newer than this jixiao."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jixiao.store.connection import begin_immediate, configure_connection, notice_of
from jixiao.store.errors import opening_error
from jixiao.store.location import check_path
from jixiao.store.schema import make_new_store
from jixiao.store.version import SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlalchemy import Engine


@dataclass
class WritingConnection:
    """A connection that writes in transactions holding the write lock from their start
    (BEGIN IMMEDIATE, waiting for another writer as long as it needs: see begin_immediate)."""

    connection: sqlite3.Connection
    notice: Callable[[], None] | None = None
    """Called once a wait for another writer grows long (store.connection.when_busy)."""
    release: Callable[[], None] | None = None
    """How to give the connection back; None: close it."""

    def begin(self) -> None:
        begin_immediate(self.connection, self.notice)

    def commit(self) -> None:
        self.connection.execute("COMMIT")

    def rollback(self) -> None:
        if self.connection.in_transaction:
            self.connection.execute("ROLLBACK")

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):  # a store gone bad: closing is what is left
            self.rollback()
        (self.release or self.connection.close)()

    @classmethod
    def of_engine(cls, engine: Engine) -> WritingConnection:
        """A writer on a connection of `engine`'s pool, with its busy notice."""
        pooled = engine.raw_connection()
        driver = pooled.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        return cls(driver, notice_of(engine), pooled.close)


def open_writer(
    path: Path, *, create_folder: bool = True, on_busy: Callable[[], None] | None = None
) -> WritingConnection:
    """The store at `path` to write, made when it is new (create_folder: see
    store.db.open_store), upgraded when it is older; refused, with the reason and a hint, when
    it cannot be (a folder, read-only, not a store, damaged, newer)."""
    path = path.expanduser()
    check_path(path, create_folder)
    connection, version = _connected(path, on_busy)
    if version != SCHEMA_VERSION:
        connection.close()
        from jixiao.store.db import open_store  # older: upgraded, a copy kept; newer: refused

        open_store(path, create_folder=create_folder, on_busy=on_busy).dispose()
        connection, version = _connected(path, on_busy)
    return WritingConnection(connection, on_busy)


def _connected(path: Path, on_busy: Callable[[], None] | None) -> tuple[sqlite3.Connection, int]:
    """A configured connection, and the store's schema version (a new store made first)."""
    try:
        connection = sqlite3.connect(path, isolation_level=None)
    except (sqlite3.Error, OSError) as error:
        raise opening_error(error, path) from None
    try:
        configure_connection(connection)
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version == 0:
            version = make_new_store(connection, path, on_busy)
    except BaseException as error:
        connection.close()
        if isinstance(error, sqlite3.Error | OSError):
            raise opening_error(error, path) from None
        raise
    return connection, int(version)
