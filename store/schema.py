"""A new store's schema, made from schema.sql with plain SQL.

store/models.py stays the declaration of the schema; schema.sql is what those models make
(tables, indexes and the search index, as store.migrations.schema_sql writes them), kept
equal to them by tests/test_migrations.py. Making a store from it spares a new store's
first command the import of SQLModel and the models and their CREATE statements (≈ 0.15 s of
CPU at a bulk import's start, which its workers need too).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from jixiao.i18n import _
from jixiao.store.connection import begin_immediate
from jixiao.store.errors import StoreError
from jixiao.store.search_index import tune_search_index
from jixiao.store.version import SCHEMA_VERSION

SCHEMA_FILE = Path(__file__).with_name("schema.sql")


def make_new_store(
    connection: sqlite3.Connection, path: Path | None, notice: Callable[[], None] | None = None
) -> int:
    """Give a new (version 0) store the current schema; returns the store's version after,
    which is another when another process made or upgraded the store meanwhile. The
    connection is store.connection's (no transaction of its own); `notice`: see when_busy."""
    begin_immediate(connection, notice)
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if version == 0:  # checked again under the write lock
            create_schema(connection, path)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            version = SCHEMA_VERSION
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    return version


def create_schema(connection: sqlite3.Connection, path: Path | None) -> None:
    """The current schema, in a file without tables (else it is not a jixiao store), inside
    the caller's transaction."""
    (tables,) = connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
    ).fetchone()
    if tables:
        raise StoreError(
            _("{path} is an SQLite database but not a jixiao store").format(path=path),
            _("pass another path with --db, or move that file away"),
        )
    # One statement at a time: executescript would commit the caller's transaction first.
    for statement in SCHEMA_FILE.read_text(encoding="utf-8").split(";\n\n"):
        connection.execute(statement)
    tune_search_index(connection)
