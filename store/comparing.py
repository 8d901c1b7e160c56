"""Compare stored documents: load both, with their project ids and the reviewer's decisions,
and hand them to compare/ (which never touches the database); follow a project back through
the years the same way."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text

from jixiao.importers.model import Project
from jixiao.store.compare.documents import Comparison, ProjectIds, compare
from jixiao.store.pairing_decisions import decisions_between
from jixiao.store.queries import load_document


def compare_documents(engine: Engine, a_id: int, b_id: int) -> Comparison:
    confirmed, rejected = decisions_between(engine, a_id, b_id)
    return compare(
        load_document(engine, a_id),
        load_document(engine, b_id),
        _project_ids(engine, a_id),
        _project_ids(engine, b_id),
        confirmed=confirmed,
        rejected=rejected,
    )


@dataclass(frozen=True)
class YearEntry:
    year: int
    document_id: int
    project: Project
    match: str | None
    """How this year's project was paired with the next year's (None for the last year)."""


def project_history(engine: Engine, document_id: int, ordinal: int) -> list[YearEntry]:
    """A project across the years in the store, oldest year first, ending with the given
    project: its budget each year and when each target changed. Follows the pairing from one
    year's document to the next (the newest revision of each year, of the same stage as the
    starting document)."""
    documents = _documents_by_year(engine, document_id)
    position = next(i for i, (doc_id, _) in enumerate(documents) if doc_id == document_id)
    current = next(p for p in load_document(engine, document_id).parsed.projects
                   if p.ordinal == ordinal)  # fmt: skip
    entries = [YearEntry(documents[position][1], document_id, current, None)]
    for older_id, year in reversed(documents[:position]):
        comparison = compare_documents(engine, older_id, entries[0].document_id)
        pair = next((p for p in comparison.projects
                     if p.b is not None and p.b.ordinal == entries[0].project.ordinal
                     and p.b.unit_code == entries[0].project.unit_code), None)  # fmt: skip
        if pair is None or pair.a is None or pair.status == "to_confirm":
            break
        entries.insert(0, YearEntry(year, older_id, pair.a, pair.match))
    return entries


def _project_ids(engine: Engine, document_id: int) -> ProjectIds:
    with engine.connect() as connection:
        rows = connection.execute(
            text("""SELECT u.code, p.ordinal, p.id FROM project AS p
                    JOIN unit AS u ON u.id = p.unit_id WHERE p.document_id = :id"""),
            {"id": document_id},
        ).all()
    return {(code, ordinal): project_id for code, ordinal, project_id in rows}


def _documents_by_year(engine: Engine, document_id: int) -> list[tuple[int, int]]:
    """(document id, year) of the department's newest revision per year, same stage."""
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                """SELECT d.id, d.year FROM document AS d
                   JOIN document AS start ON start.department_id = d.department_id
                        AND start.stage = d.stage
                   WHERE start.id = :id AND d.revision = (
                       SELECT max(r.revision) FROM document AS r
                       WHERE r.department_id = d.department_id AND r.year = d.year
                             AND r.stage = d.stage)
                      OR d.id = :id
                   ORDER BY d.year"""
            ),
            {"id": document_id},
        ).all()
    seen: dict[int, tuple[int, int]] = {}
    for doc_id, year in rows:
        if year not in seen or doc_id == document_id:
            seen[year] = (doc_id, year)
    return [seen[year] for year in sorted(seen)]
