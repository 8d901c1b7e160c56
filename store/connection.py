"""How every connection to the store behaves: WAL, foreign keys, a busy timeout, and
transactions that SQLAlchemy begins itself (so that a writer can ask for BEGIN IMMEDIATE)."""

from __future__ import annotations

import sqlite3

from sqlalchemy import Engine, event
from sqlalchemy.engine import Connection


def configure(engine: Engine) -> None:
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)


def write_connection(engine: Engine) -> Connection:
    """A connection whose transactions take the write lock at BEGIN (BEGIN IMMEDIATE), so
    that a concurrent writer waits instead of failing halfway."""
    return engine.connect().execution_options(begin_immediate=True)


def _configure_connection(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy's begin event issue BEGIN itself (the driver's own transaction
    # handling would start them late and never as IMMEDIATE).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; commits stay durable on OS crash
    cursor.close()


def _begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get("begin_immediate", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
