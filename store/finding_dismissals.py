"""Findings a reviewer dismissed, with the reason; kept like review notes (and carried over
to the next revision by save.py). The checks never see them: store/findings.py joins the two."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from jixiao.store.connection import write_connection

_INSERT = """INSERT INTO finding_dismissal (document_id, finding_key, note, reviewer, dismissed_at)
             VALUES (:document_id, :finding_key, :note, :reviewer, :dismissed_at)"""

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import Connection


def dismiss(engine: Engine, document_id: int, key: str, note: str, reviewer: str) -> None:
    with write_connection(engine) as connection, connection.begin():
        _delete(connection, document_id, key)
        connection.exec_driver_sql(_INSERT, {
            "document_id": document_id, "finding_key": key, "note": note.strip(),
            "reviewer": reviewer, "dismissed_at": datetime.now(UTC).isoformat(timespec="seconds"),
        })  # fmt: skip


def restore(engine: Engine, document_id: int, key: str) -> None:
    with write_connection(engine) as connection, connection.begin():
        _delete(connection, document_id, key)


def carry_over_dismissals(
    connection: sqlite3.Connection, old_document_id: int, new_document_id: int
) -> None:
    """The next revision keeps the dismissals: a finding with the same key is the same one.
    Inside the caller's transaction (a save's)."""
    connection.execute(
        "INSERT INTO finding_dismissal (document_id, finding_key, note, reviewer, dismissed_at) "
        "SELECT ?, finding_key, note, reviewer, dismissed_at FROM finding_dismissal "
        "WHERE document_id = ? ORDER BY id",
        (new_document_id, old_document_id),
    )


def _delete(connection: Connection, document_id: int, key: str) -> None:
    connection.exec_driver_sql(
        "DELETE FROM finding_dismissal WHERE document_id = :id AND finding_key = :key",
        {"id": document_id, "key": key},
    )
