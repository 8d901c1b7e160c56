"""`jixiao backup DEST`: a copy of the store made with SQLite's online backup API, safe while
others read and write it.

The copy is taken in one step, so it is one moment of the store: in WAL mode a reader does
not stop writers, and a copy made in several steps would start over each time another
process wrote. It is written beside DEST under a temporary name and renamed into place only
when whole, so an interrupted or failed backup leaves neither a partial copy nor a damaged
earlier one. Pages are copied as they are: a damaged store's copy is as damaged, which is
the point of taking one before trying to repair anything.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jixiao.i18n import _, os_reason
from jixiao.store.connection import open_for_reading
from jixiao.store.errors import StoreError, fault_kind, store_fault


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    documents: int | None
    """None when the copy cannot be read (a damaged store's copy)."""


def backup_store(source: Path, destination: Path, *, force: bool = False) -> BackupResult:
    _check(source, destination, force)
    descriptor, name = tempfile.mkstemp(
        prefix=f".{destination.name}.", suffix=".partial", dir=destination.parent
    )
    os.close(descriptor)
    partial = Path(name)
    try:
        _copy(source, partial)
        partial.chmod(source.stat().st_mode & 0o666)  # as private as the store, no more
        partial.replace(destination)
    except (sqlite3.Error, OSError) as error:
        raise _fault(error, source, destination) from None
    finally:
        partial.unlink(missing_ok=True)
    return BackupResult(destination, destination.stat().st_size, _documents(destination))


def _check(source: Path, destination: Path, force: bool) -> None:
    if not source.is_file():
        raise StoreError(
            _("there is no store at {source}").format(source=source),
            _("pass the store's path with --db (or JIXIAO_DB)"),
        )
    if destination.is_dir():
        raise StoreError(
            _("{destination} is a folder").format(destination=destination),
            _("name the copy's file, e.g. {example}").format(example=destination / "jixiao.db"),
        )
    if destination.resolve() == source.resolve():
        raise StoreError(
            _("{destination} is the store itself").format(destination=destination),
            _("name another file for the copy"),
        )
    if not destination.parent.is_dir():
        raise StoreError(
            _("the folder {parent} does not exist").format(parent=destination.parent),
            _("create it first (mkdir -p {parent}) or choose another place").format(
                parent=destination.parent
            ),
        )
    if destination.exists() and not force:
        raise StoreError(
            _("{destination} already exists").format(destination=destination),
            _("choose another name, or add --force to replace it"),
        )


def _copy(source: Path, partial: Path) -> None:
    with (
        contextlib.closing(open_for_reading(source)) as store,
        contextlib.closing(sqlite3.connect(partial)) as copy,
    ):
        store.backup(copy)  # pages=-1: the whole store in one step, one moment of it
        # The copy stands alone: a single file, without a -wal beside it.
        copy.execute("PRAGMA journal_mode=DELETE")


def _documents(path: Path) -> int | None:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as copy:
            return int(copy.execute("SELECT count(*) FROM document").fetchone()[0])
    except sqlite3.Error:
        return None


def _fault(error: BaseException, source: Path, destination: Path) -> StoreError:
    """A full disk is the copy's (the store is only read); a store that cannot be read is
    the store's; anything else the copy's."""
    kind = fault_kind(error, destination)
    detail = os_reason(error) if isinstance(error, OSError) else str(error)
    if kind == "full":
        return StoreError(
            _("the disk holding {destination} is full ({detail})").format(
                destination=destination, detail=detail
            ),
            _("free some space there or choose another place; no partial copy was left"),
            "full",
        )
    if kind in ("not-a-store", "damaged", "busy", "cannot-open", "io"):
        fault = store_fault(error, source)
        if fault is not None:
            return fault
    return StoreError(
        _("cannot write the copy {destination} ({detail})").format(
            destination=destination, detail=detail
        ),
        _("check that you may write in its folder, or choose another place"),
    )
