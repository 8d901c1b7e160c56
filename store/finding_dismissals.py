"""Findings a reviewer dismissed, with the reason; kept like review notes (and carried over
to the next revision by save.py). The checks never see them: store/findings.py joins the two."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.engine import Connection

from jixiao.store.connection import write_connection
from jixiao.store.models import FindingDismissal


@dataclass(frozen=True)
class Dismissal:
    note: str
    reviewer: str
    dismissed_at: str


def dismiss(engine: Engine, document_id: int, key: str, note: str, reviewer: str) -> None:
    with write_connection(engine) as connection, connection.begin():
        _delete(connection, document_id, key)
        connection.execute(insert(FindingDismissal), {
            "document_id": document_id, "finding_key": key, "note": note.strip(),
            "reviewer": reviewer, "dismissed_at": datetime.now(UTC).isoformat(timespec="seconds"),
        })  # fmt: skip


def restore(engine: Engine, document_id: int, key: str) -> None:
    with write_connection(engine) as connection, connection.begin():
        _delete(connection, document_id, key)


def dismissals(engine: Engine, document_id: int) -> dict[str, Dismissal]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(FindingDismissal.finding_key, FindingDismissal.note, FindingDismissal.reviewer,
                   FindingDismissal.dismissed_at)
            .where(FindingDismissal.document_id == document_id)
        ).all()  # fmt: skip
    return {key: Dismissal(note, reviewer, at) for key, note, reviewer, at in rows}


def carry_over_dismissals(
    connection: Connection, old_document_id: int, new_document_id: int
) -> None:
    """The next revision keeps the dismissals: a finding with the same key is the same one."""
    table = FindingDismissal.__table__  # type: ignore[attr-defined]
    rows = connection.execute(select(table).where(table.c.document_id == old_document_id)).all()
    if rows:
        connection.execute(insert(table), [
            {"document_id": new_document_id, "finding_key": row.finding_key, "note": row.note,
             "reviewer": row.reviewer, "dismissed_at": row.dismissed_at}
            for row in rows
        ])  # fmt: skip


def _delete(connection: Connection, document_id: int, key: str) -> None:
    table = FindingDismissal.__table__  # type: ignore[attr-defined]
    connection.execute(delete(table).where(table.c.document_id == document_id,
                                           table.c.finding_key == key))  # fmt: skip
