"""Import many files: parse them in worker processes, write them in large transactions.

Each file is parsed and turned into rows (store.rows.prepare) in a worker process
(store/bulk_worker.py); this process writes the rows in the order of the files, many
documents to a transaction. One bad file never ends the run: a file that cannot be read or
parsed (or whose worker dies) is reported with its line and reason and skipped; a document
the store refuses rolls back its batch, which is written again a document to a transaction
so that only that one fails. Only a fault of the store itself (disk full, read-only,
damaged) ends the run. A transaction is committed
every BATCH_DOCUMENTS documents or BATCH_SECONDS, whichever comes first: until then its
documents are not in the store, so an interrupted import (Ctrl+C) leaves every document
either fully in or not in.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import sqlite3
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jixiao.i18n import _, current_language
from jixiao.store.bulk_worker import (
    Parsed,
    parse_and_prepare,
    parse_chunk,
    spare_the_collector,
    start_worker,
    unexpected,
    unpacked,
)
from jixiao.store.checkpoints import Checkpointer
from jixiao.store.errors import fault_kind
from jixiao.store.rows import PreparedDocument
from jixiao.store.save import SaveResult, save_prepared
from jixiao.store.search_index import tune_search_index
from jixiao.store.writer import WritingConnection

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from jixiao.importers import Overrides

    Store = WritingConnection | Engine
    """Where a bulk import writes: a writer (store.writer.open_writer: no SQLAlchemy to
    load), or an engine, whose pool lends the connection."""

BATCH_DOCUMENTS = 200
BATCH_SECONDS = 1.0
"""A transaction holds the write lock: a reviewer marking a project in the TUI meanwhile
waits at most about this long."""

CHUNK_FILES = 4
"""Files a worker parses per task: fewer, larger messages between the processes."""

WATCH_SECONDS = 0.5
STUCK_SECONDS = 2.0
"""How often the workers are looked at while an answer is awaited, and how long a pool may
take to notice a dead worker before it is taken to be stuck (see _answer)."""

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
    store: Store | Callable[[], Store] | None,
    files: list[Path],
    *,
    overrides: Overrides,
    layout: str | None = None,
    jobs: int | None = None,
    on_results: Progress | None = None,
) -> list[FileResult]:
    """Import `files` in order into `store`, or into what a function opens, called once the
    workers have started so that they read the first files meanwhile (and closed at the
    end); None: a dry run that writes nothing. Calls on_results as files' fates are known.
    On KeyboardInterrupt, rolls back the open transaction, marks its files interrupted,
    stops, and re-raises with the results attached (`Interrupted.results`)."""
    results: list[FileResult] = []
    notify = on_results or (lambda _results: None)
    jobs = jobs or default_jobs(len(files))
    workers = _Workers(files, overrides, layout, jobs) if jobs > 1 else None
    stream = iter(workers) if workers is not None else _parsed_here(files, overrides, layout)
    thresholds = gc.get_threshold()
    opened: Store | None = None
    try:
        if callable(store):
            store = opened = store()
        spare_the_collector()
        if store is None:
            for path, parsed in stream:
                results.append(_parse_result(path, parsed, "parsed"))
                notify(results[-1:])
        else:
            writer = store
            if not isinstance(writer, WritingConnection):  # an engine: its pool lends one
                writer = WritingConnection.of_engine(writer)
            try:
                _write(
                    writer,
                    stream,
                    results,
                    notify,
                    lambda path: parse_and_prepare(path, overrides, layout),
                    files=len(files),
                    tail=0 if workers is None else jobs * WINDOW_PER_WORKER * CHUNK_FILES,
                )
            finally:
                if writer is not store:
                    writer.close()
    except KeyboardInterrupt:
        raise Interrupted(results) from None
    finally:
        stream.close()
        if workers is not None:
            workers.close()
        if isinstance(opened, WritingConnection):
            opened.close()
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
    writer: WritingConnection,
    stream: Iterator[tuple[Path, Parsed]],
    results: list[FileResult],
    notify: Progress,
    redo: Callable[[Path], Parsed],
    *,
    files: int,
    tail: int,
) -> None:
    """Write documents many to a transaction, each as soon as it arrives (so the workers
    parse the next ones meanwhile). When only `tail` of the `files` are still to come (those
    in the workers' hands), the batch is committed: the last commit, which nothing overlaps
    once the workers are done, is then a small one. Checkpoints run beside the writing
    (store/checkpoints.py). No savepoint a document: releasing one makes FTS5 flush
    its index (measured: a third of the writing time). A document that cannot be saved rolls
    back its batch instead, and the batch is written again a document to a transaction,
    re-reading its files, so that only that document fails and none is half-written. A
    fault of the store itself (disk full, read-only, corrupted) is no document's: it ends
    the run, the open batch rolled back."""
    connection = writer.connection
    with _tuned_for_bulk(connection), Checkpointer(connection) as checkpoints:
        tuned = False
        batch: list[tuple[Path, FileResult]] = []
        started: float | None = None  # when the open transaction began
        left = files
        try:
            for path, parsed in stream:
                left -= 1
                if parsed.prepared is None:
                    results.append(_parse_result(path, parsed, "failed"))
                    notify(results[-1:])
                    continue
                if started is None:
                    writer.begin()
                    started = time.monotonic()
                    if not tuned:  # in the first batch's transaction
                        tune_search_index(connection)
                        tuned = True
                result = _parse_result(path, parsed, "imported")
                batch.append((path, result))
                try:
                    _save(connection, result, parsed.prepared)
                except Exception as error:
                    if _ends_the_run(error):
                        raise
                    writer.rollback()
                    started = None
                    _one_by_one(writer, batch, redo)
                    _settle(batch, results, notify)
                    continue
                if (
                    len(batch) >= BATCH_DOCUMENTS
                    or time.monotonic() - started >= BATCH_SECONDS
                    or left == tail
                ):
                    writer.commit()
                    started = None
                    checkpoints.request()
                    _settle(batch, results, notify)
            if started is not None:  # the last files failed: the batch before them is open
                writer.commit()
                started = None
                _settle(batch, results, notify)
        except BaseException as error:
            # Ctrl+C (KeyboardInterrupt) or a fault of the store. Python raises the former
            # between two steps: if the batch's COMMIT had gone through (it writes a
            # second's worth of pages, so this happens), the batch is in the store and says
            # so; otherwise it is rolled back and says that. After a fault of the store the
            # batch is never in, whatever the connection says: on some (a full disk) SQLite
            # has rolled the transaction back itself.
            uncommitted = connection.in_transaction or not isinstance(error, KeyboardInterrupt)
            if started is not None and uncommitted:
                writer.rollback()
                for _, result in batch:
                    result.status = "interrupted"
                    result.document_id = result.revision = None
            _settle(batch, results, notify)
            raise


def _ends_the_run(error: BaseException) -> bool:
    """A fault of the store or the machine (disk full, read-only, damaged) is not the
    document's: every document after it would fail the same way. (Debugging: every
    exception ends the run, with its traceback.)"""
    return fault_kind(error) is not None or bool(os.environ.get("JIXIAO_DEBUG"))


@contextlib.contextmanager
def _tuned_for_bulk(connection: sqlite3.Connection) -> Generator[None, None, None]:
    """A larger page cache (64 MB) keeps the indexes being appended to in memory; the
    checkpoints are store/checkpoints.py's, beside the writing, not SQLite's inside a
    commit. Both only for this connection, and only for the import: a connection an
    engine lent is given back as it came. (The search index's write settings are made
    current in the first batch's transaction, which waits for another writer as long as
    that one needs: a store made before one of them.)"""
    settings = ("cache_size", "wal_autocheckpoint")
    before = {name: connection.execute(f"PRAGMA {name}").fetchone()[0] for name in settings}
    connection.execute("PRAGMA cache_size=-65536")
    connection.execute("PRAGMA wal_autocheckpoint=0")
    try:
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):
            for name, value in before.items():
                connection.execute(f"PRAGMA {name}={int(value)}")


def _save(connection: sqlite3.Connection, result: FileResult, prepared: PreparedDocument) -> None:
    _record(result, save_prepared(connection, prepared))


def _record(result: FileResult, saved: SaveResult) -> None:
    result.status = "imported" if saved.created else "unchanged"
    result.document_id, result.revision = saved.document_id, saved.revision


def _one_by_one(
    writer: WritingConnection, batch: list[tuple[Path, FileResult]], redo: Callable[[Path], Parsed]
) -> None:
    for _path, result in batch:
        result.status = "interrupted"  # until its own transaction has committed
    for path, result in batch:
        parsed = redo(path)  # the batch's rows were given ids: read afresh
        if parsed.prepared is None:  # changed on disk since, or failed this time
            result.status, result.line, result.error = "failed", parsed.line, parsed.error
            result.summary = {}
            continue
        writer.begin()
        try:
            saved = save_prepared(writer.connection, parsed.prepared)
        except Exception as error:
            writer.rollback()
            if _ends_the_run(error):
                raise
            result.status, result.error = "failed", _save_failure(error)
            result.document_id = result.revision = None
        else:
            writer.commit()
            _record(result, saved)


def _save_failure(error: Exception) -> str:
    if isinstance(error, sqlite3.Error):
        return _("could not be saved in the store: {error}").format(error=error)
    return unexpected(error)


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


def _parsed_here(
    files: list[Path], overrides: Overrides, layout: str | None
) -> Generator[tuple[Path, Parsed], None, None]:
    for path in files:
        yield path, parse_and_prepare(path, overrides, layout)


class _Workers:
    """Files parsed by a pool of worker processes, given back in the order of the files.
    The workers start at once, not when the first file is asked for: they read while this
    process opens the store."""

    def __init__(
        self, files: list[Path], overrides: Overrides, layout: str | None, jobs: int
    ) -> None:
        self._chunks = deque(_chunked(files, jobs))
        self._overrides, self._layout, self._jobs = overrides, layout, jobs
        self._window: deque[tuple[list[Path], Future[bytes]]] = deque()
        self._pool: ProcessPoolExecutor | None = None
        self._processes: list[BaseProcess] = []
        self._start()

    def _start(self) -> None:
        self._pool, processes = _started(self._jobs)
        for _handed in range(self._jobs * WINDOW_PER_WORKER):
            self._hand_out()
        self._processes = processes()

    def _hand_out(self) -> None:
        """The next chunk to the pool. A pool found broken here (BrokenProcessPool) keeps
        the chunk for the next one."""
        if self._chunks and self._pool is not None:
            chunk = self._chunks[0]
            future = self._pool.submit(parse_chunk, chunk, self._overrides, self._layout)
            self._chunks.popleft()
            self._window.append((chunk, future))

    def __iter__(self) -> Generator[tuple[Path, Parsed], None, None]:
        while self._window:
            chunk, future = self._window.popleft()
            assert self._pool is not None  # a window is only filled by a pool
            try:
                parsed_chunk = _answer(future, self._pool, self._processes)
            except BrokenProcessPool:
                # A worker died (killed, out of memory, a crash in a library it called):
                # the pool is lost. The chunk that was awaited is read again a file to a
                # process, so that a file that kills its process fails alone; a new pool
                # takes the rest.
                self._put_back_the_window()
                for path in chunk:
                    yield path, _parsed_alone(path, self._overrides, self._layout)
                if self._chunks:
                    self._start()
                continue
            try:
                self._hand_out()
            except BrokenProcessPool:
                # The pool broke since this chunk was parsed (its answers stand): what it
                # had in hand goes to a new pool, where a file that kills its process again
                # is found as above.
                self._put_back_the_window()
                self._start()
            yield from zip(chunk, unpacked(parsed_chunk), strict=True)

    def _put_back_the_window(self) -> None:
        """End a broken pool; the chunks it had in hand are handed out again first."""
        self._chunks.extendleft(reversed([waiting for waiting, _ in self._window]))
        self.close()

    def close(self) -> None:
        """Stop handing out files and end the pool (it waits for the chunks being parsed)."""
        for _chunk, future in self._window:
            future.cancel()
        self._window.clear()
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


def _chunked(files: list[Path], jobs: int) -> list[list[Path]]:
    """The files in chunks of CHUNK_FILES, but one file a chunk at both ends: each worker's
    first answer comes after one document, so that the writing starts sooner, and the last
    files are handed out one by one, so that no worker still parses a whole chunk while the
    others have nothing left."""
    head = min(jobs, len(files))
    tail = max(head, len(files) - jobs * CHUNK_FILES)
    middle = files[head:tail]
    return [
        *([path] for path in files[:head]),
        *(middle[i : i + CHUNK_FILES] for i in range(0, len(middle), CHUNK_FILES)),
        *([path] for path in files[tail:]),
    ]


def _answer(
    future: Future[bytes], pool: ProcessPoolExecutor, processes: list[BaseProcess]
) -> bytes:
    """A chunk's answer, or BrokenProcessPool. A worker killed while it was sending an answer
    leaves the pool reading the rest of that message for ever, and this process unable to
    exit: the pipe stays open (the other workers and this process hold it), so no end of file
    comes — seen in two of eleven runs where a worker was killed. So while waiting, the pool's
    `processes` are watched: once one has died and the pool has not said so within
    STUCK_SECONDS (it notices a death at once when it is not stuck), the others are ended,
    and this process's end of the pipe is closed, so that the pool reads an end of file and
    breaks the usual way."""
    died_at: float | None = None
    while True:
        try:
            return future.result(timeout=WATCH_SECONDS)
        except TimeoutError:
            if died_at is None:
                if any(process.exitcode is not None for process in processes):
                    died_at = time.monotonic()
            elif time.monotonic() - died_at >= STUCK_SECONDS:
                _unstick(pool, processes)
                raise BrokenProcessPool("a worker died while sending its answer") from None


def _unstick(pool: ProcessPoolExecutor, processes: list[BaseProcess]) -> None:
    for process in processes:
        if process.exitcode is None:
            process.kill()
    # The pool's queue of answers is the executor's own (CPython 3.11–3.13 alike): closing
    # the writing end this process holds is what lets its reader see the end of the pipe.
    answers = getattr(pool, "_result_queue", None)
    writer = getattr(answers, "_writer", None)
    if writer is not None:
        writer.close()


def _started(jobs: int) -> tuple[ProcessPoolExecutor, Callable[[], list[BaseProcess]]]:
    """A pool, and a function that names its worker processes once work was handed out."""
    before = set(multiprocessing.active_children())
    pool = _pool(jobs)
    return pool, lambda: [p for p in multiprocessing.active_children() if p not in before]


def _parsed_alone(path: Path, overrides: Overrides, layout: str | None) -> Parsed:
    """One file parsed in a process of its own: if the process dies, only this file fails."""
    pool, processes = _started(1)
    try:
        future = pool.submit(parse_chunk, [path], overrides, layout)
        try:
            return unpacked(_answer(future, pool, processes()))[0]
        except BrokenProcessPool:
            return Parsed(
                None,
                None,
                error=_(
                    "the process reading this file died (out of memory, killed, or a crash "
                    "in a library reading it); the other files go on. If the machine has "
                    "memory to spare, this is a bug in jixiao: import this file alone with "
                    "--jobs 1 and JIXIAO_DEBUG=1"
                ),
            )
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _pool(jobs: int) -> ProcessPoolExecutor:
    method = _start_method()
    if method == "fork":  # else what is buffered would be written again by each worker
        sys.stdout.flush()
        sys.stderr.flush()
    context = multiprocessing.get_context(method)
    return ProcessPoolExecutor(
        jobs,
        mp_context=context,
        initializer=start_worker,
        initargs=(os.getpid(), current_language()),
    )


def _start_method() -> str:
    """How the workers start: forked from this process where that is safe — on Linux, while
    this process runs a single thread, as it does when a bulk import starts its workers
    (before the store is opened and its checkpoints run) — else spawned, each a new
    interpreter (a pool started again after a worker died, while the writing threads run:
    a fork would copy the locks other threads hold; another system). A forked worker has
    jixiao loaded already: ≈ 5% less time for 300 documents than spawned ones."""
    return "fork" if sys.platform == "linux" and threading.active_count() == 1 else "spawn"
