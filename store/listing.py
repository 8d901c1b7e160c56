"""The document-summary read: one select list and one row type for every list of documents
(`jixiao ls`, the browse tree, the latest document, the picker of the other side of a
comparison).

`jixiao ls` is what a script runs first and most often; on a store of ten thousand documents
loading SQLAlchemy and the models would take longer than the listing itself. So `read_documents`
reads with the sqlite3 module alone when the store is already at this jixiao's schema version;
otherwise the caller opens it the usual way (creating or upgrading it) and asks again. The
other readers take any `Source` (store/reading.py), so the TUI reads them without SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from jixiao.store.reading import Source, fetch, read_only

_FIELDS = {
    "id": "d.id",
    "department": "dep.name",
    "year": "d.year",
    "stage": "d.stage",
    "revision": "d.revision",
    "title": "d.title",
    "units": "d.unit_count",
    "projects": "d.project_count",
    "indicators": "d.indicator_count",
    "budget_fen": "d.budget_fen",
    "source_filename": "d.source_filename",
    "source_format": "d.source_format",
    "imported_at": "d.imported_at",
    "unread_lines": "d.unread_count",
    "warnings": "d.warning_count",
    "department_id": "d.department_id",
}
"""DocumentRow's fields, in its order, and the columns that hold them."""

_FROM = " FROM document AS d JOIN department AS dep ON dep.id = d.department_id"
DOCUMENT_SELECT = (
    "SELECT " + ", ".join(f"{column} AS {field}" for field, column in _FIELDS.items()) + _FROM
)
"""DocumentRow's columns, in its order."""

_BY_NAME = " ORDER BY dep.name, d.year, d.stage, d.revision"

LISTED = tuple(field for field in _FIELDS if field != "department_id")
"""The fields `read_documents` gives: a department is named by its name outside the store."""


class DocumentRow(NamedTuple):  # not a dataclass, whose import alone is ≈ 6 ms of `ls`
    id: int
    department: str
    year: int
    stage: str
    revision: int
    title: str
    units: int
    projects: int
    indicators: int
    budget_fen: int
    source_filename: str
    source_format: str
    imported_at: str
    unread_lines: int
    warnings: int
    department_id: int
    """The browse tree's key; `ls` leaves it out (a department is named by its name)."""


def read_documents(path: Path) -> list[dict[str, Any]] | None:
    """Every document as a dict of the LISTED fields, by department, year, stage and revision;
    None when the store does not exist yet or is at another schema version, and must be
    opened with store.db first."""
    rows = read_listing(path, LISTED)
    return None if rows is None else [dict(zip(LISTED, row, strict=True)) for row in rows]


def read_listing(path: Path, fields: Sequence[str]) -> list[tuple[Any, ...]] | None:
    """Every document's `fields` (DocumentRow's names) as a tuple, in `read_documents`'
    order, or None as it: the table of `jixiao ls`, which reads only the columns it shows and
    makes no dict a row (on ten thousand documents, 18 ms rather than the 24 ms of all the
    fields and the 10 ms more of a dict each)."""
    connection = read_only(path)
    if connection is None:
        return None
    columns = ", ".join(_FIELDS[field] for field in fields)  # KeyError for an unknown field
    try:
        # One pass reads each page once: SQLite's usual 2 MB of page cache would only be
        # memory for the system to hand over (≈ 500 page faults, 1.3 ms on 10,000 documents).
        connection.execute("PRAGMA cache_size = -256")
        return connection.execute(f"SELECT {columns}{_FROM}{_BY_NAME}").fetchall()
    except sqlite3.DatabaseError:
        return None  # unreadable: store.db says why, with a hint
    finally:
        connection.close()


def documents_of(source: Source, department_id: int) -> list[DocumentRow]:
    """The department's documents, newest year first."""
    return _rows(source, " WHERE d.department_id = :id ORDER BY d.year DESC, d.stage, "
                 "d.revision DESC", {"id": department_id})  # fmt: skip


def document(source: Source, document_id: int) -> DocumentRow | None:
    return next(iter(_rows(source, " WHERE d.id = :id", {"id": document_id})), None)


def latest_document(source: Source) -> DocumentRow | None:
    """The document imported last."""
    return next(iter(_rows(source, " ORDER BY d.imported_at DESC, d.id DESC LIMIT 1", {})), None)


def comparison_candidates(source: Source, document_id: int) -> list[DocumentRow]:
    """Every other document, the same department's first, then by department, newest first:
    the list a reviewer picks the other side of a comparison from."""
    clause = """ WHERE d.id != :id
                 ORDER BY d.department_id = (SELECT department_id FROM document WHERE id = :id)
                          DESC, dep.name, d.year DESC, d.revision DESC"""
    return _rows(source, clause, {"id": document_id})


def _rows(source: Source, clause: str, parameters: dict[str, Any]) -> list[DocumentRow]:
    return [DocumentRow(*row) for row in fetch(source, DOCUMENT_SELECT + clause, parameters)]
