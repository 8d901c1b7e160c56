"""Import many files: parse them in worker processes, write them in large transactions.

Each file is parsed and turned into rows (store.rows.prepare) in a worker process
(store/bulk_worker.py); this process writes the rows in the order of the files, many
documents to a transaction. A file that cannot be parsed is reported with its line and
reason and skipped; a document the store refuses rolls back its batch, which is written
again a document to a transaction so that only that one fails. A transaction is committed
every BATCH_DOCUMENTS documents or BATCH_SECONDS, whichever comes first: until then its
documents are not in the store, so an interrupted import (Ctrl+C) leaves every document
either fully in or not in.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from importers import Overrides
from store.bulk_worker import (
    Parsed,
    parse_and_prepare,
    parse_chunk,
    spare_the_collector,
    start_worker,
    unpacked,
)
from store.connection import write_connection
from store.rows import PreparedDocument
from store.save import SaveResult, save_prepared
from store.search_index import tune_search_index

BATCH_DOCUMENTS = 200
BATCH_SECONDS = 1.0
"""A transaction holds the write lock: a reviewer marking a project in the TUI meanwhile
waits at most about this long."""

CHUNK_FILES = 4
"""Files a worker parses per task: fewer, larger messages between the processes."""

WINDOW_PER_WORKER = 3
"""Chunks handed out ahead of the writer, per worker: keeps the workers busy while bounding
the memory that parsed documents waiting to be written can take."""


@dataclass
class FileResult:
    """What became of one file. status: imported | unchanged | parsed (dry run) | failed |
    interrupted (parsed, but its transaction was not committed)."""

    file: str
    status: str
    line: int | None = None
    error: str | None = None
    summary: dict[str, Any] = field(default_factory=dict)
    document_id: int | None = None
    revision: int | None = None

    def as_json(self) -> dict[str, Any]:
        if self.status == "failed":
            return {"file": self.file, "status": "failed", "line": self.line, "error": self.error}
        result = {"file": self.file, "status": self.status, **self.summary}
        if self.document_id is not None:
            result.update(document_id=self.document_id, revision=self.revision)
        return result


Progress = Callable[[list[FileResult]], None]
"""Told of files as their fate is known: one at a time, or a committed batch at once."""


def import_files(
    engine: Engine | None,
    files: list[Path],
    *,
    overrides: Overrides,
    layout: str | None = None,
    jobs: int | None = None,
    on_results: Progress | None = None,
) -> list[FileResult]:
    """Import `files` in order (engine None: a dry run that writes nothing). Calls on_results
    as files' fates are known. On KeyboardInterrupt, rolls back the open transaction,
    marks its files interrupted, stops, and re-raises with the results attached
    (`Interrupted.results`)."""
    results: list[FileResult] = []
    notify = on_results or (lambda _results: None)
    stream = _parsed_in_order(files, overrides, layout, jobs or default_jobs(len(files)))
    thresholds = gc.get_threshold()
    spare_the_collector()
    try:
        if engine is None:
            for path, parsed in stream:
                results.append(_parse_result(path, parsed, "parsed"))
                notify(results[-1:])
        else:
            _write(
                engine,
                stream,
                results,
                notify,
                lambda path: parse_and_prepare(path, overrides, layout),
            )
    except KeyboardInterrupt:
        raise Interrupted(results) from None
    finally:
        stream.close()
        gc.unfreeze()
        gc.set_threshold(*thresholds)
    return results


class Interrupted(KeyboardInterrupt):
    def __init__(self, results: list[FileResult]) -> None:
        super().__init__()
        self.results = results


def default_jobs(file_count: int) -> int:
    """One worker per core, and none (parse in this process) for a handful of files, where
    starting workers would cost more than it saves."""
    return 1 if file_count < 4 else max(1, os.cpu_count() or 1)


def _write(
    engine: Engine,
    stream: Iterator[tuple[Path, Parsed]],
    results: list[FileResult],
    notify: Progress,
    redo: Callable[[Path], Parsed],
) -> None:
    """Write documents many to a transaction, each as soon as it arrives (so the workers
    parse the next ones meanwhile). No savepoint a document: releasing one makes FTS5 flush
    its index (measured: a third of the writing time). A document that cannot be saved rolls
    back its batch instead, and the batch is written again a document to a transaction,
    re-reading its files, so that only that document fails."""
    with write_connection(engine) as connection:
        _tune_for_bulk(connection)
        batch: list[tuple[Path, FileResult]] = []
        transaction = None
        started = 0.0
        try:
            for path, parsed in stream:
                if parsed.prepared is None:
                    results.append(_parse_result(path, parsed, "failed"))
                    notify(results[-1:])
                    continue
                if transaction is None:
                    transaction, started = connection.begin(), time.monotonic()
                result = _parse_result(path, parsed, "imported")
                batch.append((path, result))
                try:
                    _save(connection, result, parsed.prepared)
                except (sqlite3.Error, SQLAlchemyError):
                    transaction.rollback()
                    transaction = None
                    _one_by_one(connection, batch, redo)
                    _settle(batch, results, notify)
                    continue
                if len(batch) >= BATCH_DOCUMENTS or time.monotonic() - started >= BATCH_SECONDS:
                    transaction.commit()
                    transaction = None
                    _settle(batch, results, notify)
            if transaction is not None:
                transaction.commit()
                transaction = None
                _settle(batch, results, notify)
        except KeyboardInterrupt:
            # Python raises it between two steps: if the batch's COMMIT had gone through
            # (a checkpoint can make it long, so this happens), the batch is in the store
            # and says so; otherwise it is rolled back and says that.
            if transaction is not None and transaction.is_active:
                transaction.rollback()
                for _, result in batch:
                    result.status = "interrupted"
                    result.document_id = result.revision = None
            _settle(batch, results, notify)
            raise


def _tune_for_bulk(connection: Connection) -> None:
    """A larger page cache (64 MB) keeps the indexes being appended to in memory, and fewer,
    larger checkpoints copy each page from the log to the store once rather than again and
    again (measured: 7% faster on 1,000 documents); both only for this connection. The
    search index's write settings are made current (a store made before one of them)."""
    driver = connection.connection.driver_connection
    driver.execute("PRAGMA cache_size=-65536")
    driver.execute("PRAGMA wal_autocheckpoint=10000")
    tune_search_index(driver)


def _save(connection: Connection, result: FileResult, prepared: PreparedDocument) -> None:
    _record(result, save_prepared(connection, prepared))


def _record(result: FileResult, saved: SaveResult) -> None:
    result.status = "imported" if saved.created else "unchanged"
    result.document_id, result.revision = saved.document_id, saved.revision


def _one_by_one(
    connection: Connection, batch: list[tuple[Path, FileResult]], redo: Callable[[Path], Parsed]
) -> None:
    for _, result in batch:
        result.status = "interrupted"  # until its own transaction has committed
    for path, result in batch:
        prepared = redo(path).prepared  # the batch's rows were given ids: read afresh
        try:
            assert prepared is not None, "the file parsed a moment ago"
            with connection.begin():
                saved = save_prepared(connection, prepared)
        except (sqlite3.Error, SQLAlchemyError) as error:
            result.status, result.error = "failed", f"could not be saved in the store: {error}"
            result.document_id = result.revision = None
        else:
            _record(result, saved)


def _settle(
    batch: list[tuple[Path, FileResult]], results: list[FileResult], notify: Progress
) -> None:
    settled = [result for _, result in batch]
    results.extend(settled)
    notify(settled)
    batch.clear()


def _parse_result(path: Path, parsed: Parsed, status: str) -> FileResult:
    if parsed.summary is None:
        return FileResult(str(path), "failed", line=parsed.line, error=parsed.error)
    return FileResult(str(path), status, summary=parsed.summary)


def _parsed_in_order(
    files: list[Path], overrides: Overrides, layout: str | None, jobs: int
) -> Iterator[tuple[Path, Parsed]]:
    if jobs <= 1:
        for path in files:
            yield path, parse_and_prepare(path, overrides, layout)
        return
    chunks = [files[i : i + CHUNK_FILES] for i in range(0, len(files), CHUNK_FILES)]
    context = multiprocessing.get_context("spawn")  # no inherited locks, threads or store
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=start_worker) as pool:
        window: deque[tuple[list[Path], Future[bytes]]] = deque()
        remaining = iter(chunks)

        def hand_out() -> None:
            chunk = next(remaining, None)
            if chunk is not None:
                window.append((chunk, pool.submit(parse_chunk, chunk, overrides, layout)))

        try:
            for _ in range(jobs * WINDOW_PER_WORKER):
                hand_out()
            while window:
                chunk, future = window.popleft()
                parsed_chunk = future.result()
                hand_out()
                yield from zip(chunk, unpacked(parsed_chunk), strict=True)
        finally:
            for _, future in window:
                future.cancel()
