"""Save a ParsedDocument: all of it in one transaction, or nothing.

The same file (same SHA-256) a second time changes nothing. Another file for the same
department, year and stage becomes the next revision; earlier revisions stay.

Saving is two steps so that a bulk import can do the first in its worker processes:
store.rows.prepare turns the parsed document into rows whose ids count from 0 (pure,
picklable); `save_prepared` gives them their place in the store inside the caller's
transaction.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jixiao.importers.model import ParsedDocument
from jixiao.importers.report import ImportReport
from jixiao.store.changes import link_changes
from jixiao.store.conclusions import carry_over_conclusion
from jixiao.store.connection import write_connection
from jixiao.store.finding_dismissals import carry_over_dismissals
from jixiao.store.reviews import carry_over_marks
from jixiao.store.rows import ID_COLUMNS, FirstIds, PreparedDocument, Tables, prepare

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import Connection


@dataclass(frozen=True)
class SaveResult:
    document_id: int
    revision: int
    created: bool
    """False when the store already held this very file."""


def save_document(engine: Engine, parsed: ParsedDocument, report: ImportReport) -> SaveResult:
    with write_connection(engine) as connection, connection.begin():
        return save_in(connection, parsed, report)


def save_in(connection: Connection, parsed: ParsedDocument, report: ImportReport) -> SaveResult:
    """Save inside the caller's transaction, which must hold the write lock."""
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return save_prepared(driver, prepare(parsed, report))


def save_prepared(connection: sqlite3.Connection, prepared: PreparedDocument) -> SaveResult:
    """Insert a prepared document inside the caller's transaction, which must hold the write
    lock (BEGIN IMMEDIATE): the next ids are read from the tables. The prepared rows are
    changed in place and must not be saved twice."""
    cursor = connection.cursor()
    existing = cursor.execute(
        "SELECT id, revision FROM document WHERE source_sha256 = ?", (prepared.sha256,)
    ).fetchone()
    if existing is not None:
        return SaveResult(existing[0], existing[1], created=False)
    department_id = _department_id(cursor, prepared.department)
    key = (department_id, prepared.year, prepared.stage)
    (previous_revision,) = cursor.execute(
        "SELECT coalesce(max(revision), 0) FROM document "
        "WHERE department_id = ? AND year = ? AND stage = ?",
        key,
    ).fetchone()
    ids = FirstIds(
        *(
            _next_id(cursor, table)
            for table in ("document", "unit", "project", "indicator", "search_text")
        )
    )
    tables = prepared.tables
    _place(tables, ids)
    columns, (document,) = tables["document"]
    document[columns.index("department_id")] = department_id
    document[columns.index("revision")] = previous_revision + 1
    for table, (columns, values) in tables.items():
        cursor.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            values,
        )
    if previous_revision:
        (previous,) = cursor.execute(
            "SELECT id FROM document WHERE department_id = ? AND year = ? AND stage = ? "
            "AND revision = ?",
            (*key, previous_revision),
        ).fetchone()
        carry_over_marks(connection, previous, ids.document)
        carry_over_dismissals(connection, previous, ids.document)
        carry_over_conclusion(connection, previous, ids.document)
    link_changes(connection, ids.document, fresh=True)
    return SaveResult(ids.document, previous_revision + 1, created=True)


def _place(tables: Tables, ids: FirstIds) -> None:
    """Move ids counted from 0 to their place from `ids` onwards."""
    for table, id_columns in ID_COLUMNS.items():
        if table not in tables:
            continue
        columns, values = tables[table]
        for column, kind in id_columns:
            index, first = columns.index(column), getattr(ids, kind)
            for row in values:
                if row[index] is not None:
                    row[index] += first


def _department_id(cursor: sqlite3.Cursor, name: str) -> int:
    found = cursor.execute("SELECT id FROM department WHERE name = ?", (name,)).fetchone()
    if found is not None:
        return int(found[0])
    cursor.execute("INSERT INTO department (name) VALUES (?)", (name,))
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _next_id(cursor: sqlite3.Cursor, table: str) -> int:
    # Safe because the transaction holds the write lock (BEGIN IMMEDIATE).
    return 1 + int(cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])
