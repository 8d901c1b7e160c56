"""The TUI's writes to the store — marks, notes, dismissals, pairing decisions, the sample —
made one after another on a thread of their own, so that none is lost when another jixiao
holds the store and the screen never freezes while one waits.

A write normally takes milliseconds: the screen waits for it up to ON_SCREEN seconds and
goes on as if it had written itself. When another writer holds the store (an import writes
a batch a second), the write waits for it on its thread for as long as that one needs; the
screen says so (store.connection.when_busy) and is brought up to date when the write is
done. Quitting waits for the writes still queued.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as Pending
from typing import Any

from textual.app import App
from textual.dom import DOMNode

from jixiao.i18n import N_, _
from jixiao.store import StoreHandle, when_busy

ON_SCREEN = 0.3
"""Seconds the screen waits for a write before letting it finish on its own."""

BUSY = N_(
    "the store is busy (another jixiao is writing); your change is saved as soon as it is free"
)


class StoreWriter:
    def __init__(self, app: App[Any], store: StoreHandle) -> None:
        self.app = app
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="jixiao-store-writer")  # in order
        self.pending: set[Future[Any]] = set()
        # First on the writer's thread: the engine (SQLAlchemy's import, when the session has
        # not written yet) is made there, not on the screen's.
        self.pool.submit(lambda: when_busy(store.engine, self._busy))

    def write(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None] | None = None,
        owner: DOMNode | None = None,
    ) -> None:
        """Run `work` (a store write) on the writer thread, then `done(result)` on the
        screen's thread — unless `owner` (the screen that asked) has gone meanwhile."""
        future = self.pool.submit(work)
        self.pending.add(future)
        try:
            future.result(timeout=ON_SCREEN)
        except Pending:
            future.add_done_callback(lambda f: self._finished_later(f, done, owner))
            return
        except Exception:  # reported by _finish
            pass
        self._finish(future, done, owner)

    def finish(self) -> None:
        """Wait for the queued writes (the app has closed: say so on stderr if any waits)."""
        if any(not future.done() for future in self.pending):
            print(
                _("jixiao: waiting for the store to save the last changes made in the TUI…"),
                file=sys.stderr,
            )
        self.pool.shutdown(wait=True)

    def _finished_later(
        self, future: Future[Any], done: Callable[[Any], None] | None, owner: DOMNode | None
    ) -> None:
        if not self.app.is_running:
            self.pending.discard(future)
            return
        try:
            self.app.call_from_thread(self._finish, future, done, owner)
        except RuntimeError:  # it finished just as the screen stopped waiting: same thread
            self._finish(future, done, owner)

    def _finish(
        self, future: Future[Any], done: Callable[[Any], None] | None, owner: DOMNode | None
    ) -> None:
        self.pending.discard(future)
        error = future.exception()
        if error is not None:
            self.app.notify(_failure(error), severity="error", timeout=30)
            return
        if done is not None and (owner is None or owner.is_attached):
            done(future.result())

    def _busy(self) -> None:
        """Called on the writer thread when a write has waited a while."""
        if self.app.is_running:
            self.app.call_from_thread(self.app.notify, _(BUSY), severity="warning", timeout=10)


def _failure(error: BaseException) -> str:
    from jixiao.store import store_fault

    fault = store_fault(error, None)
    if fault is not None:
        return _("not saved: {reason}. {hint}").format(reason=fault.message, hint=fault.hint)
    return _("not saved: {reason}").format(reason=f"{type(error).__name__}: {error}")


def writer_of(app: App[Any]) -> StoreWriter:
    """The app's writer (made on first use)."""
    writer = getattr(app, "store_writer", None)
    if writer is None:
        writer = StoreWriter(app, app.store)  # type: ignore[attr-defined]
        app.store_writer = writer  # type: ignore[attr-defined]
    return writer
