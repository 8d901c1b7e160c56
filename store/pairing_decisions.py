"""The reviewer's decisions on pairings, kept so that the next compare uses them: written by
`decide`, read for a pair of documents by `decisions_between` (store/comparing.py hands them
to compare/)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from jixiao.store.reading import fetch

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from jixiao.store.reading import Source

DECISIONS = ("confirmed", "rejected")

Pairs = set[tuple[int, int]]
"""(project id in the older document, project id in the newer one)."""


def decide(engine: Engine, a_project_id: int, b_project_id: int, decision: str,
           reviewer: str) -> None:  # fmt: skip
    """Confirm (or make) a pairing, or reject one. Confirming a pair drops any other
    confirmed pairing of either project, since a project has one counterpart."""
    if decision not in DECISIONS:
        raise ValueError(f"unknown decision {decision!r}; expected one of {', '.join(DECISIONS)}")

    from jixiao.store.connection import write_connection

    with write_connection(engine) as connection, connection.begin():
        pair = {"a": a_project_id, "b": b_project_id}
        connection.exec_driver_sql(
            "DELETE FROM pairing_decision WHERE a_project_id = :a AND b_project_id = :b",
            pair,
        )
        if decision == "confirmed":
            connection.exec_driver_sql(
                """DELETE FROM pairing_decision WHERE decision = 'confirmed'
                        AND (a_project_id = :a OR b_project_id = :b)""",
                pair,
            )
        connection.exec_driver_sql("""INSERT INTO pairing_decision
                (a_project_id, b_project_id, decision, reviewer, decided_at)
                VALUES (:a_project_id, :b_project_id, :decision, :reviewer, :decided_at)""", {
            "a_project_id": a_project_id, "b_project_id": b_project_id, "decision": decision,
            "reviewer": reviewer, "decided_at": datetime.now(UTC).isoformat(timespec="seconds"),
        })  # fmt: skip


def decisions_between(source: Source, a_id: int, b_id: int) -> tuple[Pairs, Pairs]:
    """The confirmed and the rejected pairings of document a's projects with document b's."""
    rows = fetch(
        source,
        """SELECT d.a_project_id, d.b_project_id, d.decision FROM pairing_decision AS d
           JOIN project AS pa ON pa.id = d.a_project_id
           JOIN project AS pb ON pb.id = d.b_project_id
           WHERE pa.document_id = :a AND pb.document_id = :b""",
        {"a": a_id, "b": b_id},
    )
    confirmed = {(a, b) for a, b, decision in rows if decision == "confirmed"}
    rejected = {(a, b) for a, b, decision in rows if decision == "rejected"}
    return confirmed, rejected
