"""Reading the store with the sqlite3 driver alone, for the commands that only read
(`ls`, `search`, `projects`, `indicators`) and for the TUI's screens: opening SQLAlchemy
costs ≈ 100 ms, more than such a command's whole answer and a third of the TUI's first
screen. The read functions take any `Source`: an SQLAlchemy `Engine` (the commands that
write), the read-only connection opened here, or a `Reader` (the TUI, which reads from its
worker threads too)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from jixiao.store.connection import BUSY_TIMEOUT_MS
from jixiao.store.version import SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlalchemy import Engine

Source: TypeAlias = "Engine | sqlite3.Connection | Reader"
"""What the read functions take: the SQLAlchemy engine, a read-only sqlite3 connection, or a
Reader."""


class Reader:
    """Read-only connections to a current store, one per thread that reads: a screen reads on
    the event loop's thread and its workers on theirs, and a sqlite3 connection belongs to the
    thread that made it. Each sees what any writer has committed (WAL)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._local.connection = _connect(self.path)
        return connection


def read_only(path: Path) -> sqlite3.Connection | None:
    """The store at `path` opened read-only; None when it does not exist yet, is not a store
    or is at another schema version — then `db.open_store` creates, upgrades or says what is
    wrong, with a hint."""
    if not path.is_file():
        return None
    try:
        connection = _connect(path)
    except sqlite3.Error:
        return None
    try:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
    except sqlite3.DatabaseError:
        version = None
    if version != SCHEMA_VERSION:
        connection.close()
        return None
    return connection


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection


def fetch(source: Source, sql: str, params: dict[str, Any] | None = None) -> list[tuple]:
    """The rows of `sql` (named `:parameters`, which both drivers bind) as tuples."""
    if isinstance(source, Reader):
        source = source.connection()
    if isinstance(source, sqlite3.Connection):
        return source.execute(sql, params or {}).fetchall()
    from sqlalchemy import text

    with source.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql), params or {})]


def fetch_dicts(
    source: Source, sql: str, params: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The rows of `sql` as dicts keyed by column name."""
    if isinstance(source, Reader):
        source = source.connection()
    if isinstance(source, sqlite3.Connection):
        cursor = source.execute(sql, params or {})
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]
    from sqlalchemy import text

    with source.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(text(sql), params or {})]
