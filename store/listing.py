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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jixiao.store.reading import Source, fetch, read_only

DOCUMENT_SELECT = """
SELECT d.id, dep.name AS department, d.year, d.stage, d.revision, d.title,
       d.unit_count AS units, d.project_count AS projects,
       d.indicator_count AS indicators, d.budget_fen, d.source_filename, d.source_format,
       d.imported_at, d.unread_count AS unread_lines, d.warning_count AS warnings,
       d.department_id
FROM document AS d JOIN department AS dep ON dep.id = d.department_id
"""
"""DocumentRow's columns, in its order."""

_BY_NAME = " ORDER BY dep.name, d.year, d.stage, d.revision"


@dataclass(frozen=True)
class DocumentRow:
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
    """Every document as a dict (DocumentRow's fields but department_id), by department, year,
    stage and revision; None when the store does not exist yet or is at another schema
    version, and must be opened with store.db first."""
    connection = read_only(path)
    if connection is None:
        return None
    try:
        cursor = connection.execute(DOCUMENT_SELECT + _BY_NAME)
        names = [column[0] for column in cursor.description]
        kept = names.index("department_id")
        del names[kept]
        # plain tuples zipped with the names: half the time of sqlite3.Row for 10,000 rows
        return [dict(zip(names, row[:kept] + row[kept + 1 :], strict=True)) for row in cursor]
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
