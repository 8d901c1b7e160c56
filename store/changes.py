"""Each project's previous year: the project it continues in the same department's document
of the year before (the newest revision of that year, same stage), and the budget change.

Pairing here is exact and needs no reviewer: the masked code (year digits masked) where it
names one project on both sides, else the normalised name likewise. `jixiao compare` pairs
more (similar names, confirmed decisions); this is what store-wide views sort by, kept in the
store so that sorting by change reads an index.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.engine import Connection

_PAIR_BY = """
UPDATE project SET previous_project_id = (
    SELECT CASE WHEN count(*) = 1 THEN max(p.id) END FROM project AS p
    WHERE p.document_id = :previous AND p.{key} = project.{key}
      AND p.id NOT IN (SELECT previous_project_id FROM project AS q
                       WHERE q.document_id = :document AND q.previous_project_id IS NOT NULL))
WHERE document_id = :document AND previous_project_id IS NULL AND {key} != ''
  AND (SELECT count(*) FROM project AS q
       WHERE q.document_id = :document AND q.{key} = project.{key}) = 1
"""

_CHANGE = """
UPDATE project SET change_fen = budget_fen - (
    SELECT p.budget_fen FROM project AS p WHERE p.id = project.previous_project_id)
WHERE document_id = :document
"""


def link_changes(connection: Connection, document_id: int) -> None:
    """Link a newly saved document to the year before, and the year after to it when it is
    now the newest revision of its year."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    department_id, year, stage = cursor.execute(
        "SELECT department_id, year, stage FROM document WHERE id = ?", (document_id,)
    ).fetchone()
    _link(cursor, document_id, _newest(cursor, department_id, year - 1, stage))
    if _newest(cursor, department_id, year, stage) == document_id:
        following = cursor.execute(
            "SELECT id FROM document WHERE department_id = ? AND year = ? AND stage = ?",
            (department_id, year + 1, stage),
        ).fetchall()
        for (next_id,) in following:
            _link(cursor, next_id, document_id)


def _newest(cursor: sqlite3.Cursor, department_id: int, year: int, stage: str) -> int | None:
    found = cursor.execute(
        "SELECT id FROM document WHERE department_id = ? AND year = ? AND stage = ? "
        "ORDER BY revision DESC LIMIT 1",
        (department_id, year, stage),
    ).fetchone()
    return None if found is None else int(found[0])


def _link(cursor: sqlite3.Cursor, document_id: int, previous_id: int | None) -> None:
    params = {"document": document_id, "previous": previous_id}
    cursor.execute(
        "UPDATE project SET previous_project_id = NULL, change_fen = NULL "
        "WHERE document_id = :document",
        params,
    )
    if previous_id is None:
        return
    for key in ("code_key", "name_key"):
        cursor.execute(_PAIR_BY.format(key=key), params)
    cursor.execute(_CHANGE, params)
