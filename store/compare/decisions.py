"""The reviewer's decisions on pairings, kept so that the next compare uses them."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, delete, insert

from jixiao.store.connection import write_connection
from jixiao.store.models import PairingDecision

DECISIONS = ("confirmed", "rejected")


def decide(engine: Engine, a_project_id: int, b_project_id: int, decision: str,
           reviewer: str) -> None:  # fmt: skip
    """Confirm (or make) a pairing, or reject one. Confirming a pair drops any other
    confirmed pairing of either project, since a project has one counterpart."""
    if decision not in DECISIONS:
        raise ValueError(f"unknown decision {decision!r}; expected one of {', '.join(DECISIONS)}")
    with write_connection(engine) as connection, connection.begin():
        table = PairingDecision.__table__  # type: ignore[attr-defined]
        connection.execute(delete(table).where(table.c.a_project_id == a_project_id,
                                               table.c.b_project_id == b_project_id))  # fmt: skip
        if decision == "confirmed":
            connection.execute(delete(table).where(
                table.c.decision == "confirmed",
                (table.c.a_project_id == a_project_id) | (table.c.b_project_id == b_project_id),
            ))  # fmt: skip
        connection.execute(insert(table), {
            "a_project_id": a_project_id, "b_project_id": b_project_id, "decision": decision,
            "reviewer": reviewer, "decided_at": datetime.now(UTC).isoformat(timespec="seconds"),
        })  # fmt: skip
