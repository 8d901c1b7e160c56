"""Review marks, notes (a project's opinion) and grades on projects and indicators: set,
clear, and carry them over to the next revision of a document (reading them is
review_state.py's). Written through the engine's driver SQL, so that importing this module
loads no SQLAlchemy: the TUI's first screen does not wait for it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING, Literal, TypeVar

from jixiao.store.connection import write_connection
from jixiao.store.review_state import Mark
from jixiao.store.review_terms import GRADES, STATES
from jixiao.store.unique_pairs import unique_pairs

T = TypeVar("T")

if TYPE_CHECKING:
    from sqlalchemy import Engine


class Unchanged(Enum):
    """What set_mark leaves as it is: a field not given is kept, None clears it."""

    UNCHANGED = "unchanged"


UNCHANGED = Unchanged.UNCHANGED


def set_mark(
    engine: Engine,
    project_id: int,
    indicator_id: int | None = None,
    *,
    reviewer: str,
    state: str | Literal[Unchanged.UNCHANGED] | None = UNCHANGED,
    note: str | Literal[Unchanged.UNCHANGED] = UNCHANGED,
    grade: str | Literal[Unchanged.UNCHANGED] | None = UNCHANGED,
) -> Mark | None:
    """Set the state, the note and the grade (a project's only); what is not given stays,
    None clears it. A mark left with no state, note or grade is removed. Returns the mark as
    it now stands."""
    if state not in (UNCHANGED, None, *STATES):
        raise ValueError(f"unknown review state {state!r}; expected one of {', '.join(STATES)}")
    if grade not in (UNCHANGED, None, *GRADES):
        raise ValueError(f"unknown grade {grade!r}; expected one of {', '.join(GRADES)}")
    if grade not in (UNCHANGED, None) and indicator_id is not None:
        raise ValueError("a grade is given to a project, not to one of its indicators")
    where, params = _target(project_id, indicator_id)
    with write_connection(engine) as connection, connection.begin():
        current = connection.exec_driver_sql(
            f"SELECT state, note, grade FROM review_mark WHERE {where}", params
        ).first()
        new_state = _new(state, current.state if current else None)
        new_note = _new(note, current.note if current else "") or ""
        new_grade = _new(grade, current.grade if current else None)
        if new_state is None and new_grade is None and not new_note.strip():
            connection.exec_driver_sql(f"DELETE FROM review_mark WHERE {where}", params)
            return None
        values = {
            "state": new_state,
            "note": new_note,
            "grade": new_grade,
            "reviewer": reviewer,
            "updated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        if current is None:
            connection.exec_driver_sql(
                """INSERT INTO review_mark (document_id, project_id, indicator_id, state,
                                                 note, grade, reviewer, updated_at)
                        SELECT document_id, :project_id, :indicator_id, :state, :note, :grade,
                               :reviewer, :updated_at FROM project WHERE id = :project_id""",
                values | {"project_id": project_id, "indicator_id": indicator_id},
            )
        else:
            connection.exec_driver_sql(
                f"""UPDATE review_mark SET state = :state, note = :note, grade = :grade,
                         reviewer = :reviewer, updated_at = :updated_at WHERE {where}""",
                values | params,
            )
        return Mark(new_state, new_note, reviewer, values["updated_at"], new_grade)


def _new(given: T | Literal[Unchanged.UNCHANGED], current: T) -> T:
    return current if given is UNCHANGED else given


def clear_mark(engine: Engine, project_id: int, indicator_id: int | None = None) -> None:
    where, params = _target(project_id, indicator_id)
    with write_connection(engine) as connection, connection.begin():
        connection.exec_driver_sql(f"DELETE FROM review_mark WHERE {where}", params)


def carry_over_marks(
    connection: sqlite3.Connection, old_document_id: int, new_document_id: int
) -> int:
    """Copy the marks of one revision onto the next where the project is the same: the same
    code, else the same name (each only where it names one project on both sides); an
    indicator is the same when its three levels and description are. Inside the caller's
    transaction (a save's). Returns how many."""
    cursor = connection.cursor()
    cursor.row_factory = sqlite3.Row
    projects_of = "SELECT id, code, name FROM project WHERE document_id = ?"
    old_projects = cursor.execute(projects_of, (old_document_id,)).fetchall()
    new_projects = cursor.execute(projects_of, (new_document_id,)).fetchall()
    pairs = _ids(unique_pairs(old_projects, new_projects, lambda p: p["code"]))
    paired_old = {old for old, _ in pairs}
    paired_new = {new for _, new in pairs}
    pairs += _ids(
        unique_pairs(
            [p for p in old_projects if p["id"] not in paired_old],
            [p for p in new_projects if p["id"] not in paired_new],
            lambda p: p["name"],
        )
    )
    project_map = dict(pairs)
    marks = cursor.execute(
        "SELECT * FROM review_mark WHERE document_id = ?", (old_document_id,)
    ).fetchall()
    indicator_map = _indicator_pairs(cursor, project_map)
    copied = []
    for mark in marks:
        new_project = project_map.get(mark["project_id"])
        old_indicator = mark["indicator_id"]
        new_indicator = indicator_map.get(old_indicator) if old_indicator else None
        if new_project is None or (old_indicator is not None and new_indicator is None):
            continue
        copied.append({
            "document_id": new_document_id, "project_id": new_project,
            "indicator_id": new_indicator, "state": mark["state"], "note": mark["note"],
            "grade": mark["grade"], "reviewer": mark["reviewer"],
            "updated_at": mark["updated_at"],
        })  # fmt: skip
    if copied:
        cursor.executemany(
            """INSERT INTO review_mark (document_id, project_id, indicator_id, state, note,
                                             grade, reviewer, updated_at)
                    VALUES (:document_id, :project_id, :indicator_id, :state, :note, :grade,
                            :reviewer, :updated_at)""",
            copied,
        )
    return len(copied)


def _indicator_pairs(cursor: sqlite3.Cursor, project_map: dict[int, int]) -> dict[int, int]:
    if not project_map:
        return {}
    projects = ", ".join(str(int(p)) for p in (*project_map, *project_map.values()))
    rows = cursor.execute(
        f"""SELECT id, project_id, level1, level2, level3, description FROM indicator
                 WHERE project_id IN ({projects})"""
    ).fetchall()
    pairs: dict[int, int] = {}
    for old_project, new_project in project_map.items():
        old = [r for r in rows if r["project_id"] == old_project]
        new = [r for r in rows if r["project_id"] == new_project]
        pairs.update(_ids(unique_pairs(old, new, _same_indicator)))
    return pairs


def _same_indicator(row: sqlite3.Row) -> tuple[str, str, str, str]:
    """Indicators of two revisions are the same when their levels and description are."""
    return (row["level1"], row["level2"], row["level3"], row["description"])


def _ids(pairs: list[tuple[sqlite3.Row, sqlite3.Row]]) -> list[tuple[int, int]]:
    return [(old["id"], new["id"]) for old, new in pairs]


def _target(project_id: int, indicator_id: int | None) -> tuple[str, dict[str, int]]:
    """The WHERE clause that picks the mark of a project (its own) or of an indicator."""
    if indicator_id is None:
        return "project_id = :project_id AND indicator_id IS NULL", {"project_id": project_id}
    return "indicator_id = :indicator_id", {"indicator_id": indicator_id}
