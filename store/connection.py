"""How every connection to the store behaves: WAL, foreign keys, a busy timeout, and
transactions that SQLAlchemy begins itself (so that a writer can ask for BEGIN IMMEDIATE).

Writers wait for each other. SQLite lets one writer at a time hold the store; a writer
takes the lock at BEGIN (BEGIN IMMEDIATE) and, when another holds it, tries again every
POLL_MS for as long as that one needs — an import beside another import, a reviewer's mark
beside an import. The wait is a loop here rather than SQLite's own busy timeout so that
Ctrl+C stops it at once (nothing has begun, so nothing is half-written) and so that the
user can be told, once the wait passes NOTICE_AFTER seconds (see when_busy).
"""

from __future__ import annotations

import os
import sqlite3
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import Connection

BUSY_TIMEOUT_MS = 10_000
"""Statements outside BEGIN IMMEDIATE (reads, settings) wait this long for a lock."""

POLL_MS = 200
"""A waiting writer asks SQLite for the lock for this long at a time."""

NOTICE_AFTER = 1.5
"""Seconds of waiting before the user is told: an import's batch holds the store for about
a second, and a wait that short needs no word."""

_notices: weakref.WeakKeyDictionary[Engine, Callable[[], None]] = weakref.WeakKeyDictionary()


def configure(engine: Engine) -> None:
    from sqlalchemy import event  # with the engine: the TUI reads without SQLAlchemy

    event.listen(engine, "connect", lambda connection, _record: configure_connection(connection))
    event.listen(engine, "begin", _begin)


def when_busy(engine: Engine, notice: Callable[[], None]) -> None:
    """Call `notice` (from the waiting thread) each time a writer of `engine` has waited
    NOTICE_AFTER seconds for another writer to finish."""
    _notices[engine] = notice


def notice_of(engine: Engine) -> Callable[[], None] | None:
    """What when_busy set for `engine`."""
    return _notices.get(engine)


def write_connection(engine: Engine) -> Connection:
    """A connection whose transactions take the write lock at BEGIN (BEGIN IMMEDIATE), so
    that a concurrent writer waits instead of failing halfway."""
    return engine.connect().execution_options(begin_immediate=True)


def configure_connection(dbapi_connection: sqlite3.Connection) -> None:
    """The settings of every connection that writes, through SQLAlchemy or not."""
    # BEGIN is issued by jixiao (SQLAlchemy's begin event, or store/writer.py): the driver's
    # own transaction handling would start them late and never as IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # first: WAL may need a lock
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; commits stay durable on OS crash
    # Check each page's cells as they are read: a damaged page then fails with "database
    # disk image is malformed" rather than yielding garbage (measured: no difference in
    # importing 300 documents or listing their 10,500 projects).
    cursor.execute("PRAGMA cell_size_check=ON")
    cursor.close()


def _begin(connection: Connection) -> None:
    if not connection.get_execution_options().get("begin_immediate", False):
        connection.exec_driver_sql("BEGIN")
        return
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    begin_immediate(driver, notice_of(connection.engine))


def begin_immediate(driver: sqlite3.Connection, notice: Callable[[], None] | None = None) -> None:
    """BEGIN IMMEDIATE, waiting for as long as another writer holds the store."""
    started = time.monotonic()
    told = False
    driver.execute(f"PRAGMA busy_timeout={POLL_MS}")
    try:
        while True:
            try:
                driver.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if not is_busy(error):
                    raise
            if not told and time.monotonic() - started >= NOTICE_AFTER:
                told = True
                if notice is not None:
                    notice()
    finally:
        driver.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def is_busy(error: sqlite3.Error) -> bool:
    """SQLITE_BUSY: another connection holds the lock (SQLITE_LOCKED is a lock held by this
    very connection, which waiting does not release)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == sqlite3.SQLITE_BUSY
    return "database is locked" in str(error)


def open_for_reading(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection for commands that only read the store as it is (verify,
    backup), without store.db.open_store's upgrade. On read-only media SQLite cannot make
    the WAL's shared-memory file beside the store, so there it reads the store as immutable
    (nothing can be writing it)."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    try:
        connection.execute("PRAGMA user_version").fetchone()
    except sqlite3.OperationalError:
        if os.access(path.parent, os.W_OK):
            connection.close()
            raise
        connection.close()
        connection = sqlite3.connect(
            f"{path.absolute().as_uri()}?immutable=1", uri=True, isolation_level=None
        )
    return connection
