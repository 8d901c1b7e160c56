"""Schema versions. The store's version is SQLite's `PRAGMA user_version`.

A new store gets the current schema from the models and is stamped SCHEMA_VERSION. An
older store is backed up beside itself (<name>.v<N>.bak) and upgraded step by step:
STEPS[n] takes a store from version n-1 to n inside one transaction. To change the schema:
edit store/models.py, add STEPS[n + 1], raise SCHEMA_VERSION, and add the new snapshot in
tests/fixtures/schema/ (docs/store.md says how).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from store import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from store.connection import write_connection
from store.errors import StoreError

SCHEMA_VERSION = 1
STEPS: dict[int, Callable[[Connection], None]] = {}


def schema_version(connection: Connection) -> int:
    return int(connection.exec_driver_sql("PRAGMA user_version").scalar_one())


def upgrade(engine: Engine, path: Path | None = None) -> None:
    with engine.connect() as connection:
        version = schema_version(connection)
        if version == SCHEMA_VERSION:
            return
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the store {path} has schema version {version}, newer than this "
            f"jixiao knows ({SCHEMA_VERSION})",
            "upgrade jixiao to open it",
        )
    with write_connection(engine) as connection, connection.begin():
        version = schema_version(connection)  # another process may have upgraded it
        if version == 0:
            _create(connection, path)
        elif version < SCHEMA_VERSION:
            if path is not None:
                _backup(path, version)
            for step in range(version + 1, SCHEMA_VERSION + 1):
                STEPS[step](connection)
        connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _create(connection: Connection, path: Path | None) -> None:
    tables = connection.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
    ).scalar_one()
    if tables:
        raise StoreError(
            f"{path} is an SQLite database but not a jixiao store",
            "pass another path with --db, or move that file away",
        )
    SQLModel.metadata.create_all(connection)


def _backup(path: Path, version: int) -> None:
    backup_path = path.with_name(f"{path.name}.v{version}.bak")
    with sqlite3.connect(path) as source, sqlite3.connect(backup_path) as target:
        source.backup(target)


def schema_sql(connection: Connection) -> str:
    """The schema as SQL, in a stable order: what tests/fixtures/schema/v<N>.sql holds."""
    rows = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type DESC, name"
    ).scalars()
    return ";\n\n".join(rows) + ";\n"
