"""Each project's previous year: the project it continues in the same department's document
of the year before (the newest revision of that year, same stage), and the budget change.

Pairing here is exact and needs no reviewer: the masked code (year digits masked) where it
names one project on both sides, else, among the projects still unpaired, the normalised
name likewise (the rule that carries review marks to a new revision). `jixiao compare` pairs
more (similar names, confirmed decisions); this is what store-wide views sort by, kept in the
store so that sorting by change reads an index.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from operator import attrgetter

from jixiao.store.unique_pairs import unique_pairs


def link_changes(connection: sqlite3.Connection, document_id: int, *, fresh: bool = False) -> None:
    """Link a newly saved document to the year before, and the year after to it when it is
    now the newest revision of its year. `fresh`: the document's projects were inserted
    just now, unlinked, so those left unpaired need no update (every project of a
    department's first year: a quarter of a bulk import's link time)."""
    cursor = connection.cursor()
    department_id, year, stage = cursor.execute(
        "SELECT department_id, year, stage FROM document WHERE id = ?", (document_id,)
    ).fetchone()
    _link(cursor, document_id, _newest(cursor, department_id, year - 1, stage), fresh)
    if _newest(cursor, department_id, year, stage) == document_id:
        following = cursor.execute(
            "SELECT id FROM document WHERE department_id = ? AND year = ? AND stage = ?",
            (department_id, year + 1, stage),
        ).fetchall()
        for (next_id,) in following:
            _link(cursor, next_id, document_id, fresh=False)


def _newest(cursor: sqlite3.Cursor, department_id: int, year: int, stage: str) -> int | None:
    found = cursor.execute(
        "SELECT id FROM document WHERE department_id = ? AND year = ? AND stage = ? "
        "ORDER BY revision DESC LIMIT 1",
        (department_id, year, stage),
    ).fetchone()
    return None if found is None else int(found[0])


@dataclass(frozen=True)
class _Project:
    id: int
    code_key: str
    name_key: str
    budget_fen: int


def _link(cursor: sqlite3.Cursor, document_id: int, previous_id: int | None, fresh: bool) -> None:
    """Pair in Python (a document has a few dozen projects): done per row in SQL, with
    "unique on both sides" as correlated subqueries, it cost a document several milliseconds
    and a tenth of a bulk import's time once documents had a year before."""
    if fresh and previous_id is None:
        return  # nothing to pair with, and nothing to undo
    projects = _projects(cursor, document_id)
    pairs: dict[int, _Project] = {}
    if previous_id is not None:
        before = _projects(cursor, previous_id)
        for key in (attrgetter("code_key"), attrgetter("name_key")):
            taken = {p.id for p in pairs.values()}
            for old, new in unique_pairs(
                [p for p in before if p.id not in taken],
                [p for p in projects if p.id not in pairs],
                key,
            ):
                pairs[new.id] = old
    cursor.executemany(
        "UPDATE project SET previous_project_id = ?, change_fen = ? WHERE id = ?",
        [
            (old.id, project.budget_fen - old.budget_fen, project.id)
            if (old := pairs.get(project.id)) is not None
            else (None, None, project.id)
            for project in projects
            if not fresh or project.id in pairs
        ],
    )


def _projects(cursor: sqlite3.Cursor, document_id: int) -> list[_Project]:
    return [
        _Project(*row)
        for row in cursor.execute(
            "SELECT id, code_key, name_key, budget_fen FROM project WHERE document_id = ? "
            "ORDER BY id",
            (document_id,),
        )
    ]
