"""Read a document back whole, in plain SQL (store/reading.py): `show` and `check` answer
without SQLAlchemy, and the TUI without the ORM."""

from __future__ import annotations

import zlib
from decimal import Decimal
from typing import TYPE_CHECKING

from jixiao.i18n import _
from jixiao.importers.lines import source_lines as split_source
from jixiao.importers.model import (
    QUARTER_ENDS,
    DepartmentGoals,
    Fund,
    Indicator,
    Measure,
    Paragraph,
    ParsedDocument,
    Project,
    SourceInfo,
    SubGoal,
    Target,
    TocEntry,
    Unit,
)
from jixiao.importers.money import from_fen
from jixiao.importers.report import Note
from jixiao.store.errors import StoreError
from jixiao.store.reading import fetch, fetch_dicts
from jixiao.store.rows import DETAIL_COLUMNS
from jixiao.store.stored import StoredDocument

if TYPE_CHECKING:
    from jixiao.store.reading import Source


def load_document(source: Source, document_id: int) -> StoredDocument:
    """The document as it was imported: the importers' dataclasses, filled from its rows."""
    found = fetch_dicts(
        source,
        """SELECT d.*, dep.name AS department FROM document AS d
           JOIN department AS dep ON dep.id = d.department_id WHERE d.id = :id""",
        {"id": document_id},
    )
    if not found:
        raise StoreError(_("no document has id {document_id}").format(document_id=document_id))
    doc = found[0]
    by_document = {"id": document_id}
    (source_blob,) = fetch(
        source, "SELECT text_zlib FROM document_source WHERE document_id = :id", by_document
    )[0]
    toc = [
        TocEntry(title=title, page=page, line=line, ordinal=ordinal)
        for title, page, line, ordinal in fetch(
            source,
            "SELECT title, page, line, ordinal FROM toc_entry WHERE document_id = :id"
            " ORDER BY position",
            by_document,
        )
    ]
    goals = DepartmentGoals()
    for kind, title, text, indicators, first, last in fetch(
        source,
        "SELECT kind, title, text, indicators, first_line, last_line FROM department_goal"
        " WHERE document_id = :id ORDER BY position",
        by_document,
    ):
        if kind == "overall":
            goals.overall.append(Paragraph(text, first, last))
        elif kind == "sub":
            goals.sub.append(SubGoal(title, text, indicators, first, last))
        else:
            goals.measures.append(Measure(title, text, first, last))
    units = _load_units(source, document_id)
    notes = [
        Note(line, severity, message)
        for line, severity, message in fetch(
            source,
            "SELECT line, severity, message FROM import_note WHERE document_id = :id ORDER BY id",
            by_document,
        )
    ]
    parsed = ParsedDocument(
        department=doc["department"],
        year=doc["year"],
        stage=doc["stage"],
        title=doc["title"],
        compiled_by=doc["compiled_by"],
        reviewed_by=doc["reviewed_by"],
        toc=toc,
        goals=goals,
        units=units,
        source=SourceInfo(
            filename=doc["source_filename"],
            sha256=doc["source_sha256"],
            format=doc["source_format"],
            encoding=doc["source_encoding"],
            text=zlib.decompress(source_blob).decode("utf-8"),
        ),
        kind=doc["kind"],
        department_code=doc["department_code"],
    )
    return StoredDocument(doc["id"], doc["revision"], doc["imported_at"], parsed, notes)


def _load_units(source: Source, document_id: int) -> list[Unit]:
    by_document = {"id": document_id}
    units = {
        unit_id: Unit(code, name, line)
        for unit_id, code, name, line in fetch(
            source,
            "SELECT id, code, name, line FROM unit WHERE document_id = :id ORDER BY position",
            by_document,
        )
    }
    projects: dict[int, Project] = {}
    for row in fetch_dicts(
        source, "SELECT * FROM project WHERE document_id = :id ORDER BY position", by_document
    ):
        unit = units[row["unit_id"]]
        project = Project(
            ordinal=row["ordinal"],
            title=row["title"],
            code=row["code"],
            name=row["name"],
            unit_code=unit.code,
            money_unit=row["money_unit"],
            budget=from_fen(row["budget_fen"], row["money_unit"]),
            fiscal_funds=_money(row["fiscal_fen"], row["money_unit"]),
            other_funds=_money(row["other_fen"], row["money_unit"]),
            purpose=row["purpose"],
            spending_plan={month: _decimal(row[f"plan_{month}"]) for month in QUARTER_ENDS},
            goals=[],
            indicators=[],
            first_line=row["first_line"],
            last_line=row["last_line"],
            goals_line=row["first_line"],
            attribute=row["attribute"],
            period=row["period"],
            manager=row["manager"],
        )
        projects[row["id"]] = project
        unit.projects.append(project)
    for project_id, text, line, period in fetch(
        source,
        """SELECT g.project_id, g.text, g.line, g.period FROM project_goal AS g
           JOIN project AS p ON p.id = g.project_id WHERE p.document_id = :id
           ORDER BY g.project_id, g.position""",
        by_document,
    ):
        project = projects[project_id]
        (project.medium_term_goals if period == "medium_term" else project.goals).append(text)
        project.goals_line = line
    for project_id, label, amount_fen in fetch(
        source,
        """SELECT f.project_id, f.label, f.amount_fen FROM project_fund AS f
           JOIN project AS p ON p.id = f.project_id WHERE p.document_id = :id
           ORDER BY f.project_id, f.position""",
        by_document,
    ):
        project = projects[project_id]
        project.funds.append(Fund(label, from_fen(amount_fen, project.money_unit)))
    for row in fetch_dicts(
        source,
        """SELECT i.* FROM indicator AS i JOIN project AS p ON p.id = i.project_id
           WHERE p.document_id = :id ORDER BY i.project_id, i.position""",
        by_document,
    ):
        target = None
        if row["target_op"] is not None and row["target_number"] is not None:
            target = Target(
                row["target_op"], Decimal(row["target_number"]), row["target_unit"] or ""
            )
        projects[row["project_id"]].indicators.append(
            Indicator(
                level1=row["level1"],
                level2=row["level2"],
                level3=row["level3"],
                description=row["description"],
                value=row["value"],
                basis=row["basis"],
                line=row["line"],
                target=target,
                target_kind=row["target_kind"],
                period=row["period"],
                details={
                    name: row[column]
                    for name, column in DETAIL_COLUMNS.items()
                    if row[column] is not None
                },
            )
        )
    return list(units.values())


def source_lines(document: StoredDocument, first: int, last: int) -> list[tuple[int, str]]:
    lines = split_source(document.parsed.source.text)
    return [(number, lines[number - 1]) for number in range(first, min(last, len(lines)) + 1)]


def _money(fen: int | None, unit: str) -> Decimal | None:
    return None if fen is None else from_fen(fen, unit)


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)
