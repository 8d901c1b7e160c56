"""A bulk import's checkpoints, in a thread of their own.

In WAL mode a commit appends the changed pages to STORE-wal, and a checkpoint copies them
into the store itself. SQLite runs one inside the commit that takes the log past its limit
(a bulk import set 10,000 pages, 40 MB): the writing stopped meanwhile, ≈ 0.1 s on the
development machine, and the last commit of an import of a few hundred documents was the
one that paid it, after the workers had finished — 0.18 s in which nothing else ran.
Here the writer's connection checkpoints never; after each commit this thread copies what
is committed on a connection of its own (PASSIVE: it waits for no one and no one waits for
it), while the writer goes on with the next documents — SQLite lets the two run at once,
and Python's sqlite3 releases the GIL while SQLite works.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading

from jixiao.store.connection import BUSY_TIMEOUT_MS


class Checkpointer:
    def __init__(self, writing: sqlite3.Connection) -> None:
        """Checkpoints for the store `writing` writes to, until close()."""
        (_seq, _name, self._path) = writing.execute("PRAGMA database_list").fetchone()
        self._wanted = threading.Event()
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="checkpoints", daemon=True)
        self._thread.start()

    def __enter__(self) -> Checkpointer:
        return self

    def __exit__(self, *_exception: object) -> None:
        self.close()

    def request(self) -> None:
        """Copy what is committed now (soon, in the thread)."""
        self._wanted.set()

    def close(self) -> None:
        """Stop, once a checkpoint under way is done. What is left in the log is copied by
        the last connection to close, as SQLite always does."""
        self._closing = True
        self._wanted.set()
        self._thread.join()

    def _run(self) -> None:
        # A failure is left to SQLite: a checkpoint saves time, it is never needed for the
        # data to be right, and the writer meets any fault of the disk on its own commit.
        with contextlib.suppress(sqlite3.Error):
            connection = sqlite3.connect(self._path, isolation_level=None)
            try:
                connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
                while True:
                    self._wanted.wait()
                    self._wanted.clear()
                    if self._closing:
                        return
                    with contextlib.suppress(sqlite3.Error):
                        connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            finally:
                connection.close()
