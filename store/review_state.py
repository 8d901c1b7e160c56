"""What the review says so far, read for the screens and reports: a project's marks, a
document's progress and grade counts, its conclusion and its dismissed findings. Plain SQL on
any `Source` (store/reading.py), so the TUI shows them without loading SQLAlchemy; writing
them is reviews.py's, conclusions.py's and finding_dismissals.py's."""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.store.reading import Source, fetch
from jixiao.store.review_terms import GRADES, STATES


@dataclass(frozen=True)
class Mark:
    state: str | None
    note: str
    """On a project, the reviewer's opinion (审核意见)."""
    reviewer: str
    updated_at: str
    grade: str | None = None


@dataclass(frozen=True)
class Conclusion:
    grade: str | None
    note: str
    reviewer: str
    updated_at: str


@dataclass(frozen=True)
class Dismissal:
    note: str
    reviewer: str
    dismissed_at: str


def marks_of_project(source: Source, project_id: int) -> tuple[Mark | None, dict[int, Mark]]:
    """The project's own mark, and its indicators' marks by indicator id."""
    rows = fetch(
        source,
        """SELECT indicator_id, state, note, reviewer, updated_at, grade
           FROM review_mark WHERE project_id = :id""",
        {"id": project_id},
    )
    own = next((Mark(*row[1:]) for row in rows if row[0] is None), None)
    return own, {row[0]: Mark(*row[1:]) for row in rows if row[0] is not None}


def progress(source: Source, document_id: int) -> dict[str, int]:
    """Projects of the document by review state, with "untouched" for those without one."""
    return _projects_by(source, document_id, "state", STATES, "untouched")


def grade_counts(source: Source, document_id: int) -> dict[str, int]:
    """Projects of the document by grade, with "ungraded" for those without one."""
    return _projects_by(source, document_id, "grade", GRADES, "ungraded")


def _projects_by(
    source: Source, document_id: int, column: str, values: tuple[str, ...], rest: str
) -> dict[str, int]:
    """How many of the document's projects carry each value of their own mark's `column`
    (a name of this module's, never a user's), and how many carry none (`rest`)."""
    by_document = {"id": document_id}
    ((total,),) = fetch(source, "SELECT count(*) FROM project WHERE document_id = :id",
                        by_document)  # fmt: skip
    found = dict(
        fetch(
            source,
            f"""SELECT {column}, count(*) FROM review_mark WHERE document_id = :id
                AND indicator_id IS NULL AND {column} IS NOT NULL GROUP BY {column}""",
            by_document,
        )
    )
    counts = {value: found.get(value, 0) for value in values}
    counts[rest] = total - sum(counts.values())
    return counts


def conclusion_of(source: Source, document_id: int) -> Conclusion | None:
    found = fetch(
        source,
        """SELECT grade, note, reviewer, updated_at FROM review_conclusion
           WHERE document_id = :id""",
        {"id": document_id},
    )
    return Conclusion(*found[0]) if found else None


def dismissals(source: Source, document_id: int) -> dict[str, Dismissal]:
    rows = fetch(
        source,
        """SELECT finding_key, note, reviewer, dismissed_at FROM finding_dismissal
           WHERE document_id = :id""",
        {"id": document_id},
    )
    return {key: Dismissal(note, reviewer, at) for key, note, reviewer, at in rows}
