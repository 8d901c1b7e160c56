"""The part of a bulk import that runs in the worker processes: read a file, parse it, turn
it into rows. Imports no database code, so that a worker starts quickly."""

from __future__ import annotations

import gc
import importlib
import marshal
import os
import signal
import threading
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jixiao.i18n import _, use_language
from jixiao.importers.money import money_text
from jixiao.importers.report import ImportFault
from jixiao.store.rows import PreparedDocument, prepare

if TYPE_CHECKING:
    from jixiao.importers import ImportReport, Overrides, ParsedDocument


@dataclass(frozen=True)
class Parsed:
    """A worker's answer for one file: rows to write, or the fault."""

    summary: dict[str, Any] | None
    prepared: PreparedDocument | None
    line: int | None = None
    error: str | None = None


def parse_chunk(paths: list[Path], overrides: Overrides, layout: str | None) -> bytes:
    """Parse files in a worker; the answers go back as one blob (see packed).

    A full collection after each file: the office and PDF readers leave cyclic garbage
    (python-docx about 32 MB a .docx; a PDF's table objects) that the collector, tuned down
    by spare_the_collector, would not reach for thousands of files — measured, a worker of a
    10,000-file fuzz run grew past 1 GB. Each answer is packed before it, so that the
    collection looks at what the reader left and not at the rows waiting to be sent too
    (0.3 ms a document of the sample's size when it did; 0.04 ms with the modules frozen)."""
    answers = []
    for path in paths:
        answers.append(packed(parse_and_prepare(path, overrides, layout)))
        gc.collect()
    return marshal.dumps(answers)


def packed(answer: Parsed) -> bytes:
    """An answer as marshal data: rows hold only lists, strings, numbers and bytes, which
    marshal writes and reads back faster than pickle."""
    prepared = answer.prepared
    return marshal.dumps(
        (
            answer.summary,
            None if prepared is None
            else (prepared.department, prepared.year, prepared.stage, prepared.sha256,
                  prepared.tables),
            answer.line,
            answer.error,
        )
    )  # fmt: skip


def unpacked(data: bytes) -> list[Parsed]:
    """The answers of parse_chunk."""
    answers = []
    for answer in marshal.loads(data):
        summary, prepared, line, error = marshal.loads(answer)
        answers.append(
            Parsed(summary, None if prepared is None else PreparedDocument(*prepared), line, error)
        )
    return answers


PARENT_POLL_SECONDS = 0.5
"""How often a worker checks that the import that started it is alive: an orphan lingers at
most this long."""


def start_worker(parent: int, language: str) -> None:
    """Set up a worker process of the import whose process id is `parent`, speaking its
    `language`: a spawned process would otherwise choose from the environment, not from the
    parent's --lang or config file, and word a file's fault in another language."""
    use_language(language)
    # Ctrl+C reaches every process of the terminal's group: the main process decides what
    # happens (roll back, report); the workers just stop when it shuts them down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with(parent)
    load_readers()
    spare_the_collector()


def load_readers() -> None:
    """Load every reader in a worker's start-up, before spare_the_collector freezes what is
    loaded. This module does not import them itself: the main process of a bulk import,
    which writes while its workers parse, never needs them (≈ 45 ms to load)."""
    importlib.import_module("jixiao.importers.layouts")


def _end_with(parent: int) -> None:
    """Exit when the parent dies. A killed parent (SIGKILL, the OOM killer) cannot shut its
    pool down, and the workers would wait on their task queue for ever: each one holds
    both ends of it, so no end-of-file ever comes. An orphan is adopted by another process,
    which changes its parent id: that is what this thread watches for."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)  # no clean-up to run: the work is the dead parent's, and lost with it

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def spare_the_collector() -> None:
    """Parsing and rows make many short-lived containers and no cycles worth chasing: with
    the default thresholds the cyclic collector runs every few hundred objects and rescans
    what is alive (measured: a tenth of the parse time, half of unpickling the rows). Leave
    the modules loaded so far out of its scans and let it run far less often."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def parse_and_prepare(path: Path, overrides: Overrides, layout: str | None) -> Parsed:
    """Run in a worker: the file as rows to write and a summary to print, or its fault.
    Whatever goes wrong with one file is that file's failure, never the run's: an
    unexpected exception too, reported as the bug it is."""
    from jixiao.importers import parse_file  # the readers: see load_readers

    try:
        parsed, report = parse_file(path, overrides, layout)
        return Parsed(_summary(parsed, report), prepare(parsed, report))
    except ImportFault as fault:
        return Parsed(None, None, fault.line, fault.message)
    except Exception as error:
        if os.environ.get("JIXIAO_DEBUG"):
            raise  # the traceback, for the bug report
        return Parsed(None, None, None, unexpected(error))


def unexpected(error: BaseException) -> str:
    """The message for an exception no check foresaw: the file fails, and says it is a bug."""
    return _(
        "internal error: {error} — this is a bug in jixiao; the other files go on (run this "
        "file alone with JIXIAO_DEBUG=1 for details)"
    ).format(error=f"{type(error).__name__}: {error}")


def _summary(parsed: ParsedDocument, report: ImportReport) -> dict[str, Any]:
    budget: dict[str, Decimal] = {}
    for project in parsed.projects:
        budget[project.money_unit] = budget.get(project.money_unit, Decimal(0)) + project.budget
    lines = {
        "total": report.lines_total,
        "blank": report.lines_blank,
        "used": report.lines_used,
        "furniture": report.lines_furniture,
        "unread": len(report.unread),
    }
    if report.lines_debris:  # text from a web page (other provinces' tables)
        lines["debris"] = report.lines_debris
    return {
        "layout": report.layout,
        "encoding": report.encoding,
        "department": parsed.department,
        "year": parsed.year,
        "stage": parsed.stage,
        "units": len(parsed.units),
        "projects": len(parsed.projects),
        "indicators": parsed.indicator_count,
        "budget": {unit: money_text(total) or "" for unit, total in budget.items()},
        "lines": lines,
        "notes": [
            {"line": n.line, "severity": n.severity, "message": n.message} for n in report.notes
        ],
    }
