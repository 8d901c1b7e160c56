"""A parsed document as the rows to insert: pure, no database access, so that a bulk
import makes them in its worker processes. Ids count from the FirstIds given; `prepare`
counts them from 0 and store.save gives them their place in the store."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from jixiao.importers.model import ParsedDocument
from jixiao.importers.model import Project as ParsedProject
from jixiao.importers.money import to_fen
from jixiao.importers.report import ImportReport
from jixiao.store.name_keys import mask_code, normalize_name
from jixiao.store.search_tokens import bigram_tokens_of

Table = tuple[tuple[str, ...], list[list[Any]]]
"""A table's rows to insert: the column names, and one list of values a row (smaller and
quicker to make and to send from a worker process than a dict a row)."""

Tables = dict[str, Table]
"""Tables to insert into, by name, in an order that satisfies the foreign keys."""

UNIT_COLUMNS = ("id", "document_id", "position", "code", "name", "line")
PROJECT_GOAL_COLUMNS = ("project_id", "position", "text", "line", "period")
PROJECT_FUND_COLUMNS = ("project_id", "position", "label", "amount_fen")
DETAIL_COLUMNS = {
    "comparator": "comparator", "unit": "measure_unit", "weight": "weight",
    "direction": "direction", "value_type": "value_type", "explanation": "explanation",
    "scoring_rule": "scoring_rule", "remark": "remark", "previous_value": "previous_value",
}  # fmt: skip
"""An indicator's extra columns (importers/model.py INDICATOR_DETAILS) → the store's."""
_NO_DETAILS = (None,) * len(DETAIL_COLUMNS)
INDICATOR_COLUMNS = (
    "id", "project_id", "position", "level1", "level2", "level3", "description", "value",
    "basis", "target_kind", "target_op", "target_number", "target_unit", "line", "period",
)  # fmt: skip
"""An indicator's columns, and DETAIL_COLUMNS after them when any indicator of the document
has details. Hebei's have none: their rows leave the nine columns out, to be NULL as the
store's default makes them, not bound one by one (a fifth of the indicators' writing)."""
SEARCH_COLUMNS = ("id", "document_id", "project_id", "indicator_id", "kind", "text")


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
    "project_fund": (("project_id", "project"),),
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
    """A document's rows with ids counted from 0, ready for save_prepared."""

    department: str
    year: int
    stage: str
    sha256: str
    tables: Tables


def prepare(parsed: ParsedDocument, report: ImportReport) -> PreparedDocument:
    tables = document_tables(parsed, report, _FROM_ZERO, department_id=0, revision=0)
    return PreparedDocument(
        parsed.department, parsed.year, parsed.stage, parsed.source.sha256, tables
    )


def document_tables(
    parsed: ParsedDocument,
    report: ImportReport,
    ids: FirstIds,
    department_id: int,
    revision: int,
) -> Tables:
    """Every row of one document, ready to insert; tables without rows left out. Pure: no
    database access."""
    document_id = ids.document
    document = {
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
        "kind": parsed.kind,
        "department_code": parsed.department_code,
    }
    source = {
        "document_id": document_id,
        "text_zlib": zlib.compress(parsed.source.text.encode("utf-8"), 1),
    }
    toc = [
        {"document_id": document_id, "position": position, "ordinal": entry.ordinal,
         "title": entry.title, "page": entry.page, "line": entry.line}
        for position, entry in enumerate(parsed.toc, start=1)
    ]  # fmt: skip
    notes = [
        {"document_id": document_id, "line": note.line, "severity": note.severity,
         "message": note.message}
        for note in report.notes
    ]  # fmt: skip
    search = [
        [None, document_id, None, None, "department_goal", text]
        for text in department_goal_texts(parsed)
    ]
    units, projects, project_goals, indicators = _unit_rows(ids, parsed, search)
    for search_id, row in enumerate(search, start=ids.search):
        row[0] = search_id
    tokens = bigram_tokens_of([row[-1] for row in search])
    tables: Tables = {
        "document": _from_dicts([document]),
        "document_source": _from_dicts([source]),
        "toc_entry": _from_dicts(toc),
        "department_goal": _from_dicts(_goal_rows(document_id, parsed)),
        "unit": (UNIT_COLUMNS, units),
        "project": _from_dicts(projects),
        "project_goal": (PROJECT_GOAL_COLUMNS, project_goals),
        "project_fund": (PROJECT_FUND_COLUMNS, _fund_rows(ids, parsed)),
        "indicator": _indicator_table(indicators),
        "search_text": (SEARCH_COLUMNS, search),
        "search_fts": (
            ("rowid", "tokens"),
            [[row[0], row_tokens] for row, row_tokens in zip(search, tokens, strict=True)],
        ),
        "import_note": _from_dicts(notes),
    }
    return {name: table for name, table in tables.items() if table[1]}


def _from_dicts(rows: list[dict[str, Any]]) -> Table:
    return (tuple(rows[0]) if rows else (), [list(row.values()) for row in rows])


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


def _unit_rows(
    ids: FirstIds, parsed: ParsedDocument, search: list[list[Any]]
) -> tuple[list[list[Any]], list[dict[str, Any]], list[list[Any]], list[list[Any]]]:
    """Units, projects, their goals and indicators; appends their search rows (id to come)
    to `search`."""
    document_id = ids.document
    unit_id, project_id, indicator_id = ids.unit, ids.project, ids.indicator
    units: list[list[Any]] = []
    projects: list[dict[str, Any]] = []
    goals: list[list[Any]] = []
    indicators: list[list[Any]] = []
    project_position = 0
    for unit_position, unit in enumerate(parsed.units, start=1):
        units.append([unit_id, document_id, unit_position, unit.code, unit.name, unit.line])
        for project in unit.projects:
            project_position += 1
            projects.append(
                _project_row(project, project_id, document_id, unit_id, project_position)
            )
            goals.extend(
                [project_id, position, text, project.goals_line, period]
                for position, (period, text) in enumerate(_goals(project), start=1)
            )
            search.append([None, document_id, project_id, None, "project", project.name])
            if project.purpose:
                search.append([None, document_id, project_id, None, "purpose", project.purpose])
            search.extend(
                [None, document_id, project_id, None, "goal", goal] for _, goal in _goals(project)
            )
            for position, i in enumerate(project.indicators, start=1):
                target = i.target
                indicators.append(
                    [indicator_id, project_id, position, i.level1, i.level2, i.level3,
                     i.description, i.value, i.basis, i.target_kind,
                     target.op if target else None,
                     _text(target.number) if target else None,
                     target.unit if target else None,
                     i.line, i.period]
                )  # fmt: skip
                if i.details:
                    indicators[-1].extend(i.details.get(name) for name in DETAIL_COLUMNS)
                text = indicator_search_text(i.level3, i.description, i.value, i.basis)
                search.append([None, document_id, project_id, indicator_id, "indicator", text])
                indicator_id += 1
            project_id += 1
        unit_id += 1
    return units, projects, goals, indicators


def _indicator_table(indicators: list[list[Any]]) -> Table:
    """The indicators' rows, with the detail columns when any row has them (the rows
    without are given NULLs there)."""
    width = len(INDICATOR_COLUMNS)
    if all(len(row) == width for row in indicators):
        return INDICATOR_COLUMNS, indicators
    for row in indicators:
        if len(row) == width:
            row.extend(_NO_DETAILS)
    return (*INDICATOR_COLUMNS, *DETAIL_COLUMNS.values()), indicators


def _goals(project: ParsedProject) -> list[tuple[str, str]]:
    """(period, text) of the project's goals: the annual ones, then the medium-term ones."""
    return [("annual", goal) for goal in project.goals] + [
        ("medium_term", goal) for goal in project.medium_term_goals
    ]


def _fund_rows(ids: FirstIds, parsed: ParsedDocument) -> list[list[Any]]:
    """Each project's money split, its projects numbered as _unit_rows numbers them."""
    return [
        [project_id, position, fund.label, to_fen(fund.amount, project.money_unit)]
        for project_id, project in enumerate(parsed.projects, start=ids.project)
        for position, fund in enumerate(project.funds, start=1)
    ]


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
        "attribute": project.attribute,
        "period": project.period,
        "manager": project.manager,
    }


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
