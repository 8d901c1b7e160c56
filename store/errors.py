"""Errors the store raises for the user to read: what went wrong, and how to fix it.

`store_fault` names a fault of the environment — a full disk, a read-only or damaged store,
a file that is not a store — from the error SQLite or the system raised, wherever in a
command it surfaced: such a fault is the store's or the machine's, never one document's.
Light on purpose (no SQLAlchemy): the command line's last line of defence imports it.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from jixiao.i18n import N_, _, os_reason


class StoreError(Exception):
    def __init__(self, message: str, hint: str = "", kind: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.kind = kind
        """full | read-only | not-a-store | damaged | busy | io, or "" (any other)."""


CHECK_HINT = N_(
    "copy it first with `jixiao backup COPY.db` (or copy the file while no jixiao runs), "
    "then run `jixiao verify` to see what is damaged; `sqlite3 STORE .recover` rescues what "
    "can still be read"
)

_SQLITE_KINDS = {
    sqlite3.SQLITE_FULL: "full",
    sqlite3.SQLITE_READONLY: "read-only",
    sqlite3.SQLITE_CANTOPEN: "cannot-open",
    sqlite3.SQLITE_PERM: "read-only",
    sqlite3.SQLITE_NOTADB: "not-a-store",
    sqlite3.SQLITE_CORRUPT: "damaged",
    sqlite3.SQLITE_BUSY: "busy",
    sqlite3.SQLITE_IOERR: "io",
}

_OS_KINDS = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EROFS: "read-only",
    errno.EACCES: "read-only",
    errno.EPERM: "read-only",
}


def store_fault(error: BaseException, path: Path | str | None) -> StoreError | None:
    """The environment fault behind `error` (a sqlite3 error, one SQLAlchemy wrapped, or an
    OSError about the store's files), as a message naming the fix; None when it is not one."""
    kind = fault_kind(error, path)
    if kind is None:
        return None
    store = _("the store {path}").format(path=path) if path else _("the store")
    detail = _detail(error)
    if kind == "full":
        return StoreError(
            _("the disk holding {store} is full ({detail})").format(store=store, detail=detail),
            _(
                "free some space on it (or move the store and pass it with --db), "
                "then run the command again: what was being written was rolled "
                "back, nothing is half-written"
            ),
            kind,
        )
    if kind == "read-only":
        return StoreError(
            _("{store} is read-only ({detail})").format(store=store, detail=detail),
            _(
                "check its permissions and its folder's (SQLite writes STORE-wal "
                "and STORE-shm beside it), or that the disk is not mounted "
                "read-only"
            ),
            kind,
        )
    if kind == "cannot-open":
        return StoreError(
            _("cannot open {store} ({detail})").format(store=store, detail=detail),
            _(
                "check that its folder exists and that you may write in it "
                "(SQLite writes STORE-wal and STORE-shm beside the store), or "
                "pass another path with --db"
            ),
            kind,
        )
    if kind == "not-a-store":
        return StoreError(
            _("{store} is not an SQLite store ({detail})").format(store=store, detail=detail),
            _(
                "pass the path of a jixiao store with --db (a new path makes a "
                "new store), or move that file away"
            ),
            kind,
        )
    if kind == "damaged":
        return StoreError(_("{store} is damaged ({detail})").format(store=store, detail=detail),
                          _(CHECK_HINT), kind)  # fmt: skip
    if kind == "busy":
        return StoreError(
            _("{store} is busy: another program holds it ({detail})").format(
                store=store, detail=detail
            ),
            _("try again when the other jixiao (or sqlite3) has finished"),
            kind,
        )
    return StoreError(
        _("reading or writing {store} failed ({detail})").format(store=store, detail=detail),
        _("check the disk (`dmesg`, free space); if it is sound, run `jixiao verify`"),
        kind,
    )


def opening_error(error: BaseException, path: Path) -> StoreError:
    """Why the store at `path` could not be opened: a fault of the environment named with
    its fix, else whatever SQLite or the system said, asking whether it is a store at all."""
    fault = store_fault(error, path)
    if fault is not None:
        return fault
    return StoreError(
        _("cannot open the store {path}: {error}").format(
            path=path, error=getattr(error, "orig", error)
        ),
        _("is it a jixiao store, and is the file readable and writable?"),
    )


def fault_kind(error: BaseException, path: Path | str | None = None) -> str | None:
    """full | read-only | cannot-open | not-a-store | damaged | busy | io, or None. An
    OSError counts only when it names one of the store's files (STORE, STORE-wal…)."""
    original = getattr(error, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's
    if isinstance(original, BaseException):
        error = original
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if code is not None and (kind := _SQLITE_KINDS.get(code & 0xFF)):
            return kind
        text = str(error)
        if "malformed" in text or "corrupt" in text:
            return "damaged"  # FTS5 reports some damage without a code of its own
        return None
    if isinstance(error, OSError) and path and str(error.filename or "").startswith(str(path)):
        return _OS_KINDS.get(error.errno or 0)
    return None


def _detail(error: BaseException) -> str:
    original = getattr(error, "orig", None)
    if isinstance(original, BaseException):
        error = original
    if isinstance(error, OSError) and error.strerror:
        return os_reason(error)
    return str(error).splitlines()[0] if str(error) else type(error).__name__
