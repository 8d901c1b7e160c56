"""A reviewer's conclusion on a whole document: its grade (优/良/中/差) and summary opinion,
set, cleared, read, and carried over to the next revision like the marks."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from jixiao.store.connection import write_connection
from jixiao.store.review_state import Conclusion
from jixiao.store.review_terms import GRADES

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import Connection


def set_conclusion(
    engine: Engine, document_id: int, *, reviewer: str, grade: str | None, note: str
) -> Conclusion | None:
    """Replace the document's conclusion; one with neither grade nor opinion is removed."""
    if grade is not None and grade not in GRADES:
        raise ValueError(f"unknown grade {grade!r}; expected one of {', '.join(GRADES)}")
    with write_connection(engine) as connection, connection.begin():
        _delete(connection, document_id)
        if grade is None and not note.strip():
            return None
        conclusion = Conclusion(grade, note, reviewer,
                                datetime.now(UTC).isoformat(timespec="seconds"))  # fmt: skip
        _insert(connection, document_id, conclusion)
        return conclusion


def clear_conclusion(engine: Engine, document_id: int) -> None:
    with write_connection(engine) as connection, connection.begin():
        _delete(connection, document_id)


def carry_over_conclusion(
    connection: sqlite3.Connection, old_document_id: int, new_document_id: int
) -> None:
    """The next revision starts from the reviewer's conclusion on the one before: it is still
    the reviewer's word until they change it, as the marks are. Inside the caller's
    transaction (a save's)."""
    connection.execute(
        "INSERT INTO review_conclusion (document_id, grade, note, reviewer, updated_at) "
        "SELECT ?, grade, note, reviewer, updated_at FROM review_conclusion "
        "WHERE document_id = ?",
        (new_document_id, old_document_id),
    )


def _insert(connection: Connection, document_id: int, conclusion: Conclusion) -> None:
    connection.exec_driver_sql(
        """INSERT INTO review_conclusion (document_id, grade, note, reviewer, updated_at)
                VALUES (:document_id, :grade, :note, :reviewer, :updated_at)""",
        {"document_id": document_id, "grade": conclusion.grade, "note": conclusion.note,
         "reviewer": conclusion.reviewer, "updated_at": conclusion.updated_at},
    )  # fmt: skip


def _delete(connection: Connection, document_id: int) -> None:
    connection.exec_driver_sql(
        "DELETE FROM review_conclusion WHERE document_id = :id", {"id": document_id}
    )
