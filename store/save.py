"""Save a ParsedDocument: all of it in one transaction, or nothing.

The same file (same SHA-256) a second time changes nothing. Another file for the same
department, year and stage becomes the next revision; earlier revisions stay.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, Table, func, insert, select
from sqlalchemy.engine import Connection

from importers.model import ParsedDocument
from importers.money import to_fen
from importers.report import ImportReport
from store.connection import write_connection
from store.models import (
    Department,
    DepartmentGoal,
    Document,
    DocumentSource,
    ImportNote,
    Indicator,
    Project,
    ProjectGoal,
    TocEntry,
    Unit,
)


@dataclass(frozen=True)
class SaveResult:
    document_id: int
    revision: int
    created: bool
    """False when the store already held this very file."""


def save_document(engine: Engine, parsed: ParsedDocument, report: ImportReport) -> SaveResult:
    with write_connection(engine) as connection, connection.begin():
        return save_in(connection, parsed, report)


def save_in(connection: Connection, parsed: ParsedDocument, report: ImportReport) -> SaveResult:
    """Save inside the caller's transaction (bulk imports batch many documents in one)."""
    existing = connection.execute(
        select(Document.id, Document.revision).where(Document.source_sha256 == parsed.source.sha256)
    ).first()
    if existing is not None:
        return SaveResult(existing.id, existing.revision, created=False)
    department_id = _department_id(connection, parsed.department)
    revision = (
        1
        + connection.execute(
            select(func.coalesce(func.max(Document.revision), 0)).where(
                Document.department_id == department_id,
                Document.year == parsed.year,
                Document.stage == parsed.stage,
            )
        ).scalar_one()
    )
    document_id = _insert_one(
        connection,
        Document,
        {
            "department_id": department_id,
            "year": parsed.year,
            "stage": parsed.stage,
            "revision": revision,
            "title": parsed.title,
            "compiled_by": parsed.compiled_by,
            "reviewed_by": parsed.reviewed_by,
            "source_filename": parsed.source.filename,
            "source_sha256": parsed.source.sha256,
            "source_format": parsed.source.format,
            "source_encoding": parsed.source.encoding,
            "line_count": parsed.source.line_count,
            "imported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        },
    )
    _insert(
        connection,
        DocumentSource,
        [
            {
                "document_id": document_id,
                "text_zlib": zlib.compress(parsed.source.text.encode("utf-8"), 6),
            }
        ],
    )
    _insert(
        connection,
        TocEntry,
        [
            {
                "document_id": document_id,
                "position": position,
                "ordinal": entry.ordinal,
                "title": entry.title,
                "page": entry.page,
                "line": entry.line,
            }
            for position, entry in enumerate(parsed.toc, start=1)
        ],
    )
    _save_goals(connection, document_id, parsed)
    _save_units(connection, document_id, parsed)
    _insert(
        connection,
        ImportNote,
        [
            {
                "document_id": document_id,
                "line": note.line,
                "severity": note.severity,
                "message": note.message,
            }
            for note in report.notes
        ],
    )
    return SaveResult(document_id, revision, created=True)


def _save_goals(connection: Connection, document_id: int, parsed: ParsedDocument) -> None:
    goals = parsed.goals
    rows = [
        *(
            {
                "kind": "overall",
                "title": "",
                "text": p.text,
                "indicators": "",
                "first_line": p.first_line,
                "last_line": p.last_line,
            }
            for p in goals.overall
        ),
        *(
            {
                "kind": "sub",
                "title": s.title,
                "text": s.goal,
                "indicators": s.indicators,
                "first_line": s.first_line,
                "last_line": s.last_line,
            }
            for s in goals.sub
        ),
        *(
            {
                "kind": "measure",
                "title": m.title,
                "text": m.text,
                "indicators": "",
                "first_line": m.first_line,
                "last_line": m.last_line,
            }
            for m in goals.measures
        ),
    ]
    for position, row in enumerate(rows, start=1):
        row.update(document_id=document_id, position=position)
    _insert(connection, DepartmentGoal, rows)


def _save_units(connection: Connection, document_id: int, parsed: ParsedDocument) -> None:
    unit_id = _next_id(connection, Unit)
    project_id = _next_id(connection, Project)
    unit_rows: list[dict[str, Any]] = []
    project_rows: list[dict[str, Any]] = []
    goal_rows: list[dict[str, Any]] = []
    indicator_rows: list[dict[str, Any]] = []
    project_position = 0
    for unit_position, unit in enumerate(parsed.units, start=1):
        unit_rows.append(
            {
                "id": unit_id,
                "document_id": document_id,
                "position": unit_position,
                "code": unit.code,
                "name": unit.name,
                "line": unit.line,
            }
        )
        for project in unit.projects:
            project_position += 1
            plan = project.spending_plan
            project_rows.append(
                {
                    "id": project_id,
                    "document_id": document_id,
                    "unit_id": unit_id,
                    "position": project_position,
                    "ordinal": project.ordinal,
                    "title": project.title,
                    "code": project.code,
                    "name": project.name,
                    "money_unit": project.money_unit,
                    "budget_fen": to_fen(project.budget, project.money_unit),
                    "fiscal_fen": _fen_or_none(project.fiscal_funds, project.money_unit),
                    "other_fen": _fen_or_none(project.other_funds, project.money_unit),
                    "purpose": project.purpose,
                    "plan_3": _text(plan.get(3)),
                    "plan_6": _text(plan.get(6)),
                    "plan_10": _text(plan.get(10)),
                    "plan_12": _text(plan.get(12)),
                    "first_line": project.first_line,
                    "last_line": project.last_line,
                }
            )
            goal_rows.extend(
                {
                    "project_id": project_id,
                    "position": position,
                    "text": text,
                    "line": project.goals_line,
                }
                for position, text in enumerate(project.goals, start=1)
            )
            indicator_rows.extend(
                {
                    "project_id": project_id,
                    "position": position,
                    "level1": i.level1,
                    "level2": i.level2,
                    "level3": i.level3,
                    "description": i.description,
                    "value": i.value,
                    "basis": i.basis,
                    "target_kind": i.target_kind,
                    "target_op": i.target.op if i.target else None,
                    "target_number": _text(i.target.number) if i.target else None,
                    "target_unit": i.target.unit if i.target else None,
                    "line": i.line,
                }
                for position, i in enumerate(project.indicators, start=1)
            )
            project_id += 1
        unit_id += 1
    _insert(connection, Unit, unit_rows)
    _insert(connection, Project, project_rows)
    _insert(connection, ProjectGoal, goal_rows)
    _insert(connection, Indicator, indicator_rows)


def _department_id(connection: Connection, name: str) -> int:
    found = connection.execute(select(Department.id).where(Department.name == name)).scalar()
    return found if found is not None else _insert_one(connection, Department, {"name": name})


def _insert_one(connection: Connection, model: type, row: dict[str, Any]) -> int:
    result = connection.execute(insert(_table(model)), row)
    assert result.inserted_primary_key is not None
    return int(result.inserted_primary_key[0])


def _insert(connection: Connection, model: type, rows: list[dict[str, Any]]) -> None:
    if rows:
        connection.execute(insert(_table(model)), rows)


def _next_id(connection: Connection, model: type) -> int:
    # Ids are handed out here so that children can name their parents in one executemany;
    # safe because the transaction holds the write lock (BEGIN IMMEDIATE).
    table = _table(model)
    return 1 + connection.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()


def _table(model: type) -> Table:
    return model.__table__  # type: ignore[attr-defined,no-any-return]


def _fen_or_none(amount: Decimal | None, unit: str) -> int | None:
    return None if amount is None else to_fen(amount, unit)


def _text(number: Decimal | None) -> str | None:
    return None if number is None else str(number)
