"""Reading the store with the sqlite3 driver alone, for the commands that only read
(`ls`, `search`, `projects`, `indicators`): opening SQLAlchemy costs ≈ 150 ms, more than such
a command's whole answer. The read functions that serve them take either an SQLAlchemy
`Engine` (the TUI, which writes too) or the read-only connection opened here."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from jixiao.store.version import SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlalchemy import Engine

Source: TypeAlias = "Engine | sqlite3.Connection"
"""What the read functions take: the SQLAlchemy engine or a read-only sqlite3 connection."""


def read_only(path: Path) -> sqlite3.Connection | None:
    """The store at `path` opened read-only; None when it does not exist yet, is not a store
    or is at another schema version — then `db.open_store` creates, upgrades or says what is
    wrong, with a hint."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        connection.execute("PRAGMA busy_timeout=10000")
        (version,) = connection.execute("PRAGMA user_version").fetchone()
    except sqlite3.DatabaseError:
        version = None
    if version != SCHEMA_VERSION:
        connection.close()
        return None
    return connection


def fetch(source: Source, sql: str, params: dict[str, Any] | None = None) -> list[tuple]:
    """The rows of `sql` (named `:parameters`, which both drivers bind) as tuples."""
    if isinstance(source, sqlite3.Connection):
        return source.execute(sql, params or {}).fetchall()
    from sqlalchemy import text

    with source.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql), params or {})]


def fetch_dicts(
    source: Source, sql: str, params: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The rows of `sql` as dicts keyed by column name."""
    if isinstance(source, sqlite3.Connection):
        cursor = source.execute(sql, params or {})
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]
    from sqlalchemy import text

    with source.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(text(sql), params or {})]
