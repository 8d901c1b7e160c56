"""A parsed document as the rows to insert: pure, no database access, so that a bulk
import makes them in its worker processes. Ids count from the FirstIds given; `prepare`
counts them from 0 and store.save gives them their place in the store."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from importers.model import ParsedDocument
from importers.model import Project as ParsedProject
from importers.money import to_fen
from importers.report import ImportReport
from store.compare.normalize import mask_code, normalize_name
from store.search_tokens import bigram_tokens_of

Rows = dict[str, list[dict[str, Any]]]
"""Rows to insert, by table name, in an order that satisfies the foreign keys."""

Tables = dict[str, tuple[tuple[str, ...], list[list[Any]]]]
"""Rows to insert, by table name: the column names and one list of values a row."""


@dataclass(frozen=True)
class FirstIds:
    """The ids the new rows start from. Handed out by the saver so that children can name
    their parents within one executemany per table."""

    document: int
    unit: int
    project: int
    indicator: int
    search: int


_FROM_ZERO = FirstIds(0, 0, 0, 0, 0)

ID_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "document": (("id", "document"),),
    "document_source": (("document_id", "document"),),
    "toc_entry": (("document_id", "document"),),
    "department_goal": (("document_id", "document"),),
    "unit": (("id", "unit"), ("document_id", "document")),
    "project": (("id", "project"), ("document_id", "document"), ("unit_id", "unit")),
    "project_goal": (("project_id", "project"),),
    "indicator": (("id", "indicator"), ("project_id", "project")),
    "search_text": (
        ("id", "search"),
        ("document_id", "document"),
        ("project_id", "project"),
        ("indicator_id", "indicator"),
    ),
    "search_fts": (("rowid", "search"),),
    "import_note": (("document_id", "document"),),
}
"""Which columns of each table hold which kind of id: what moves when rows made from zero
get their place in the store."""


@dataclass
class PreparedDocument:
    """A document's rows with ids counted from 0, ready for save_prepared. Each table is its
    column names and one list of values a row: smaller and quicker to send from a worker
    process than a dict a row."""

    department: str
    year: int
    stage: str
    sha256: str
    tables: Tables


def prepare(parsed: ParsedDocument, report: ImportReport) -> PreparedDocument:
    rows = document_rows(parsed, report, _FROM_ZERO, department_id=0, revision=0)
    tables = {
        table: (tuple(table_rows[0]), [list(row.values()) for row in table_rows])
        for table, table_rows in rows.items()
        if table_rows
    }
    return PreparedDocument(
        parsed.department, parsed.year, parsed.stage, parsed.source.sha256, tables
    )


def document_rows(
    parsed: ParsedDocument,
    report: ImportReport,
    ids: FirstIds,
    department_id: int,
    revision: int,
) -> Rows:
    """Every row of one document, ready to insert. Pure: no database access."""
    document_id = ids.document
    rows: Rows = {
        "document": [
            {
                "id": document_id,
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
                "unit_count": len(parsed.units),
                "project_count": len(parsed.projects),
                "indicator_count": parsed.indicator_count,
                "budget_fen": sum(to_fen(p.budget, p.money_unit) for p in parsed.projects),
                "unread_count": len(report.unread),
                "warning_count": len(report.warnings),
            }
        ],
        "document_source": [
            {
                "document_id": document_id,
                "text_zlib": zlib.compress(parsed.source.text.encode("utf-8"), 1),
            }
        ],
        "toc_entry": [
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
        "department_goal": _goal_rows(document_id, parsed),
        "unit": [],
        "project": [],
        "project_goal": [],
        "indicator": [],
        "search_text": [
            _search_row(document_id, None, None, "department_goal", text)
            for text in department_goal_texts(parsed)
        ],
        "search_fts": [],
        "import_note": [
            {
                "document_id": document_id,
                "line": note.line,
                "severity": note.severity,
                "message": note.message,
            }
            for note in report.notes
        ],
    }
    _add_unit_rows(rows, ids, parsed)
    texts = rows["search_text"]
    tokens = bigram_tokens_of([row["text"] for row in texts])
    for search_id, (row, row_tokens) in enumerate(zip(texts, tokens, strict=True), ids.search):
        row["id"] = search_id
        rows["search_fts"].append({"rowid": search_id, "tokens": row_tokens})
    return rows


def _goal_rows(document_id: int, parsed: ParsedDocument) -> list[dict[str, Any]]:
    goals = parsed.goals
    rows = [
        *(
            {"kind": "overall", "title": "", "text": p.text, "indicators": "",
             "first_line": p.first_line, "last_line": p.last_line}
            for p in goals.overall
        ),
        *(
            {"kind": "sub", "title": s.title, "text": s.goal, "indicators": s.indicators,
             "first_line": s.first_line, "last_line": s.last_line}
            for s in goals.sub
        ),
        *(
            {"kind": "measure", "title": m.title, "text": m.text, "indicators": "",
             "first_line": m.first_line, "last_line": m.last_line}
            for m in goals.measures
        ),
    ]  # fmt: skip
    for position, row in enumerate(rows, start=1):
        row.update(document_id=document_id, position=position)
    return rows


def _add_unit_rows(rows: Rows, ids: FirstIds, parsed: ParsedDocument) -> None:
    unit_id, project_id, indicator_id = ids.unit, ids.project, ids.indicator
    search = rows["search_text"]
    project_position = 0
    for unit_position, unit in enumerate(parsed.units, start=1):
        rows["unit"].append(
            {"id": unit_id, "document_id": ids.document, "position": unit_position,
             "code": unit.code, "name": unit.name, "line": unit.line}
        )  # fmt: skip
        for project in unit.projects:
            project_position += 1
            rows["project"].append(
                _project_row(project, project_id, ids.document, unit_id, project_position)
            )
            rows["project_goal"].extend(
                {"project_id": project_id, "position": position, "text": text,
                 "line": project.goals_line}
                for position, text in enumerate(project.goals, start=1)
            )  # fmt: skip
            search.append(_search_row(ids.document, project_id, None, "project", project.name))
            if project.purpose:
                search.append(
                    _search_row(ids.document, project_id, None, "purpose", project.purpose)
                )
            search.extend(
                _search_row(ids.document, project_id, None, "goal", goal) for goal in project.goals
            )
            for position, i in enumerate(project.indicators, start=1):
                rows["indicator"].append(
                    {
                        "id": indicator_id,
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
                )
                text = indicator_search_text(i.level3, i.description, i.value, i.basis)
                search.append(
                    _search_row(ids.document, project_id, indicator_id, "indicator", text)
                )
                indicator_id += 1
            project_id += 1
        unit_id += 1


def _project_row(
    project: ParsedProject, project_id: int, document_id: int, unit_id: int, position: int
) -> dict[str, Any]:
    plan, money_unit = project.spending_plan, project.money_unit
    return {
        "id": project_id,
        "document_id": document_id,
        "unit_id": unit_id,
        "position": position,
        "ordinal": project.ordinal,
        "title": project.title,
        "code": project.code,
        "name": project.name,
        "money_unit": money_unit,
        "budget_fen": to_fen(project.budget, money_unit),
        "fiscal_fen": _fen_or_none(project.fiscal_funds, money_unit),
        "other_fen": _fen_or_none(project.other_funds, money_unit),
        "purpose": project.purpose,
        "plan_3": _text(plan.get(3)),
        "plan_6": _text(plan.get(6)),
        "plan_10": _text(plan.get(10)),
        "plan_12": _text(plan.get(12)),
        "first_line": project.first_line,
        "last_line": project.last_line,
        "code_key": mask_code(project.code),
        "name_key": normalize_name(project.name),
    }


def _search_row(
    document_id: int, project_id: int | None, indicator_id: int | None, kind: str, text: str
) -> dict[str, Any]:
    return {"id": None, "document_id": document_id, "project_id": project_id,
            "indicator_id": indicator_id, "kind": kind, "text": text}  # fmt: skip


def indicator_search_text(level3: str, description: str, value: str, basis: str) -> str:
    return " · ".join(part for part in (level3, description, value, basis) if part)


def department_goal_text(kind: str, title: str, text: str, indicators: str) -> str:
    """How a part-1 goal reads in search results: "title：text indicators"."""
    return f"{title}：{text} {indicators}".strip() if kind != "overall" else text


def department_goal_texts(parsed: ParsedDocument) -> list[str]:
    goals = parsed.goals
    return [
        *(department_goal_text("overall", "", p.text, "") for p in goals.overall),
        *(department_goal_text("sub", s.title, s.goal, s.indicators) for s in goals.sub),
        *(department_goal_text("measure", m.title, m.text, "") for m in goals.measures),
    ]


def _fen_or_none(amount: Decimal | None, unit: str) -> int | None:
    return None if amount is None else to_fen(amount, unit)


def _text(number: Decimal | None) -> str | None:
    return None if number is None else str(number)
