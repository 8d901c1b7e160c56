"""Read documents back: find one by name, load one whole."""

from __future__ import annotations

import re
import zlib
from decimal import Decimal

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

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
from jixiao.store import models as m
from jixiao.store.errors import StoreError
from jixiao.store.rows import DETAIL_COLUMNS
from jixiao.store.stored import StoredDocument

STAGES = {"draft": "draft", "草案": "draft", "final": "final", "终稿": "final", "正式": "final"}


def resolve_document(engine: Engine, reference: str) -> int:
    """A document id, or DEPARTMENT:YEAR[:STAGE] where DEPARTMENT may be any unique prefix of
    a department's name; the newest revision is meant."""
    reference = reference.strip()
    with engine.connect() as connection:
        if reference.isdigit():
            found = connection.execute(
                select(m.Document.id).where(m.Document.id == int(reference))
            ).scalar()
            if found is None:
                raise StoreError(
                    f"no document has id {reference}",
                    "`jixiao ls` lists the documents and their ids",
                )
            return int(found)
        match = re.fullmatch(r"([^:]+):(\d{4})(?::([^:]+))?", reference)
        if match is None:
            raise StoreError(
                f"'{reference}' does not name a document",
                "name one by its id (see `jixiao ls`) or as DEPARTMENT:YEAR[:STAGE],"
                " e.g. 中共巨鹿县委组织部:2024:draft",
            )
        prefix, year, stage_word = match.group(1), int(match.group(2)), match.group(3)
        stage = None
        if stage_word is not None:
            stage = STAGES.get(stage_word.lower())
            if stage is None:
                raise StoreError(f"unknown stage '{stage_word}'", "use draft or final")
        names = (
            connection.execute(
                select(m.Department.name).where(
                    m.Department.name.startswith(prefix, autoescape=True)
                )
            )
            .scalars()
            .all()
        )
        if prefix in names:
            names = [prefix]
        if not names:
            raise StoreError(
                f"no department's name starts with '{prefix}'",
                "`jixiao ls` lists the departments in the store",
            )
        if len(names) > 1:
            raise StoreError(
                f"'{prefix}' could mean {len(names)} departments: {', '.join(sorted(names))}",
                "give more of the name",
            )
        query = (
            select(m.Document.id, m.Document.stage)
            .join(m.Department)
            .where(m.Department.name == names[0], m.Document.year == year)
            .order_by(m.Document.revision.desc())
        )  # type: ignore[attr-defined]
        if stage is not None:
            query = query.where(m.Document.stage == stage)
        rows = connection.execute(query).all()
        if not rows:
            raise StoreError(
                f"{names[0]} has no {stage or ''} document for {year}".replace("  ", " "),
                "`jixiao ls` lists the documents in the store",
            )
        if len({row.stage for row in rows}) > 1:
            raise StoreError(
                f"{names[0]} has both a draft and a final document for {year}",
                f"add the stage: {names[0]}:{year}:draft or :final",
            )
        return int(rows[0].id)


def load_document(engine: Engine, document_id: int) -> StoredDocument:
    with Session(engine) as connection:
        document = connection.execute(
            select(m.Document, m.Department.name)
            .join(m.Department)
            .where(m.Document.id == document_id)
        ).first()
        if document is None:
            raise StoreError(f"no document has id {document_id}")
        doc: m.Document = document[0]
        source_blob = connection.execute(
            select(m.DocumentSource.text_zlib).where(m.DocumentSource.document_id == document_id)
        ).scalar_one()
        toc = [
            TocEntry(title=row.title, page=row.page, line=row.line, ordinal=row.ordinal)
            for row in connection.execute(
                select(m.TocEntry)
                .where(m.TocEntry.document_id == document_id)
                .order_by(m.TocEntry.position)
            ).scalars()
        ]
        goals = DepartmentGoals()
        for row in connection.execute(
            select(m.DepartmentGoal)
            .where(m.DepartmentGoal.document_id == document_id)
            .order_by(m.DepartmentGoal.position)
        ).scalars():
            if row.kind == "overall":
                goals.overall.append(Paragraph(row.text, row.first_line, row.last_line))
            elif row.kind == "sub":
                goals.sub.append(
                    SubGoal(row.title, row.text, row.indicators, row.first_line, row.last_line)
                )
            else:
                goals.measures.append(Measure(row.title, row.text, row.first_line, row.last_line))
        units = _load_units(connection, document_id)
        notes = [
            Note(row.line, row.severity, row.message)
            for row in connection.execute(
                select(m.ImportNote)
                .where(m.ImportNote.document_id == document_id)
                .order_by(m.ImportNote.id)
            ).scalars()
        ]
    parsed = ParsedDocument(
        department=document[1],
        year=doc.year,
        stage=doc.stage,
        title=doc.title,
        compiled_by=doc.compiled_by,
        reviewed_by=doc.reviewed_by,
        toc=toc,
        goals=goals,
        units=units,
        source=SourceInfo(
            filename=doc.source_filename,
            sha256=doc.source_sha256,
            format=doc.source_format,
            encoding=doc.source_encoding,
            text=zlib.decompress(source_blob).decode("utf-8"),
        ),
        kind=doc.kind,
        department_code=doc.department_code,
    )
    return StoredDocument(doc.id or 0, doc.revision, doc.imported_at, parsed, notes)


def _load_units(connection: Session, document_id: int) -> list[Unit]:
    units: dict[int, Unit] = {}
    for row in connection.execute(
        select(m.Unit).where(m.Unit.document_id == document_id).order_by(m.Unit.position)
    ).scalars():
        units[row.id] = Unit(row.code, row.name, row.line)
    projects: dict[int, Project] = {}
    for row in connection.execute(
        select(m.Project).where(m.Project.document_id == document_id).order_by(m.Project.position)
    ).scalars():
        unit = units[row.unit_id]
        project = Project(
            ordinal=row.ordinal,
            title=row.title,
            code=row.code,
            name=row.name,
            unit_code=unit.code,
            money_unit=row.money_unit,
            budget=from_fen(row.budget_fen, row.money_unit),
            fiscal_funds=_money(row.fiscal_fen, row.money_unit),
            other_funds=_money(row.other_fen, row.money_unit),
            purpose=row.purpose,
            spending_plan={
                month: _decimal(getattr(row, f"plan_{month}")) for month in QUARTER_ENDS
            },
            goals=[],
            indicators=[],
            first_line=row.first_line,
            last_line=row.last_line,
            goals_line=row.first_line,
            attribute=row.attribute,
            period=row.period,
            manager=row.manager,
        )
        projects[row.id] = project
        unit.projects.append(project)
    project_ids = list(projects)
    for row in connection.execute(
        select(m.ProjectGoal)
        .where(m.ProjectGoal.project_id.in_(project_ids))  # type: ignore[attr-defined]
        .order_by(m.ProjectGoal.project_id, m.ProjectGoal.position)
    ).scalars():
        project = projects[row.project_id]
        (project.medium_term_goals if row.period == "medium_term" else project.goals).append(
            row.text
        )
        project.goals_line = row.line
    for row in connection.execute(
        select(m.ProjectFund)
        .where(m.ProjectFund.project_id.in_(project_ids))  # type: ignore[attr-defined]
        .order_by(m.ProjectFund.project_id, m.ProjectFund.position)
    ).scalars():
        project = projects[row.project_id]
        project.funds.append(Fund(row.label, from_fen(row.amount_fen, project.money_unit)))
    for row in connection.execute(
        select(m.Indicator)
        .where(m.Indicator.project_id.in_(project_ids))  # type: ignore[attr-defined]
        .order_by(m.Indicator.project_id, m.Indicator.position)
    ).scalars():
        target = None
        if row.target_op is not None and row.target_number is not None:
            target = Target(row.target_op, Decimal(row.target_number), row.target_unit or "")
        projects[row.project_id].indicators.append(
            Indicator(
                level1=row.level1,
                level2=row.level2,
                level3=row.level3,
                description=row.description,
                value=row.value,
                basis=row.basis,
                line=row.line,
                target=target,
                target_kind=row.target_kind,
                period=row.period,
                details={
                    name: getattr(row, column)
                    for name, column in DETAIL_COLUMNS.items()
                    if getattr(row, column) is not None
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
