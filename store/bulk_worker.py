"""The part of a bulk import that runs in the worker processes: read a file, parse it, turn
it into rows. Imports no database code, so that a worker starts quickly."""

from __future__ import annotations

import gc
import marshal
import signal
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from importers import ImportFault, Overrides, parse_file
from importers.money import money_text
from store.rows import PreparedDocument, prepare


@dataclass(frozen=True)
class Parsed:
    """A worker's answer for one file: rows to write, or the fault."""

    summary: dict[str, Any] | None
    prepared: PreparedDocument | None
    line: int | None = None
    error: str | None = None


def parse_chunk(paths: list[Path], overrides: Overrides, layout: str | None) -> bytes:
    """Parse files in a worker; the answers go back as one blob (see packed)."""
    return packed([parse_and_prepare(path, overrides, layout) for path in paths])


def packed(answers: list[Parsed]) -> bytes:
    """The answers as marshal data: rows hold only lists, strings, numbers and bytes, which
    marshal writes and reads back faster than pickle."""
    return marshal.dumps(
        [
            (
                answer.summary,
                None if (p := answer.prepared) is None
                else (p.department, p.year, p.stage, p.sha256, p.tables),
                answer.line,
                answer.error,
            )
            for answer in answers
        ]
    )  # fmt: skip


def unpacked(data: bytes) -> list[Parsed]:
    return [
        Parsed(summary, None if prepared is None else PreparedDocument(*prepared), line, error)
        for summary, prepared, line, error in marshal.loads(data)
    ]


def start_worker() -> None:
    # Ctrl+C reaches every process of the terminal's group: the main process decides what
    # happens (roll back, report); the workers just stop when it shuts them down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    spare_the_collector()


def spare_the_collector() -> None:
    """Parsing and rows make many short-lived containers and no cycles worth chasing: with
    the default thresholds the cyclic collector runs every few hundred objects and rescans
    what is alive (measured: a tenth of the parse time, half of unpickling the rows). Leave
    the modules loaded so far out of its scans and let it run far less often."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def parse_and_prepare(path: Path, overrides: Overrides, layout: str | None) -> Parsed:
    """Run in a worker: the file as rows to write and a summary to print, or its fault."""
    try:
        parsed, report = parse_file(path, overrides, layout)
    except ImportFault as fault:
        return Parsed(None, None, fault.line, fault.message)
    budget: dict[str, Decimal] = {}
    for project in parsed.projects:
        budget[project.money_unit] = budget.get(project.money_unit, Decimal(0)) + project.budget
    summary = {
        "layout": report.layout,
        "encoding": report.encoding,
        "department": parsed.department,
        "year": parsed.year,
        "stage": parsed.stage,
        "units": len(parsed.units),
        "projects": len(parsed.projects),
        "indicators": parsed.indicator_count,
        "budget": {unit: money_text(total) or "" for unit, total in budget.items()},
        "lines": {
            "total": report.lines_total,
            "blank": report.lines_blank,
            "used": report.lines_used,
            "furniture": report.lines_furniture,
            "unread": len(report.unread),
        },
        "notes": [
            {"line": n.line, "severity": n.severity, "message": n.message} for n in report.notes
        ],
    }
    return Parsed(summary, prepare(parsed, report))
