"""What the review screens show, read straight from SQL a level at a time: departments, a
document's units and projects (filtered and sorted), one project in full, a document's
overview (the lists of documents are listing.py's). Nothing here loads more than the screen
asks for."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.importers.money import from_fen
from jixiao.store.listing import DocumentRow, document
from jixiao.store.reading import Source, fetch, fetch_dicts
from jixiao.store.review_state import (
    Conclusion,
    Mark,
    conclusion_of,
    grade_counts,
    marks_of_project,
    progress,
)
from jixiao.store.review_terms import STATES

SORTS = ("ordinal", "budget", "name")
STATE_FILTERS = ("all", "untouched", *STATES)


@dataclass(frozen=True)
class DepartmentRow:
    id: int
    name: str
    documents: int


@dataclass(frozen=True)
class UnitRow:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class ProjectRow:
    id: int
    unit_id: int
    ordinal: int
    name: str
    budget_fen: int
    money_unit: str
    state: str | None
    """The project's review state; None when untouched."""
    grade: str | None = None
    """The project's grade (优/良/中/差); None when not graded."""


@dataclass(frozen=True)
class ProjectFilter:
    state: str = "all"
    unit_id: int | None = None
    min_budget_fen: int | None = None
    max_budget_fen: int | None = None
    sort: str = "ordinal"
    only_with_findings: bool = False
    """Applied by the caller, who has the findings (checks are not stored)."""

    @property
    def is_default(self) -> bool:
        return self == ProjectFilter(sort=self.sort)


@dataclass(frozen=True)
class IndicatorRow:
    id: int
    level1: str
    level2: str
    level3: str
    description: str
    value: str
    basis: str
    line: int


@dataclass
class ProjectDetail:
    id: int
    document_id: int
    unit_code: str
    unit_name: str
    ordinal: int
    code: str
    name: str
    money_unit: str
    budget_fen: int
    fiscal_fen: int | None
    other_fen: int | None
    purpose: str
    plan: dict[int, Decimal | None]
    goals: list[str]
    indicators: list[IndicatorRow]
    first_line: int
    last_line: int
    mark: Mark | None
    indicator_marks: dict[int, Mark] = field(default_factory=dict)
    kind: str = "budget_text"
    """The document's kind: another province's table has no code and no spending plan."""
    facts: list[tuple[str, str]] = field(default_factory=list)
    """Such a table's own header fields, as (label, text): 项目属性, 项目期, 项目负责人, and
    its money split, a line each."""


@dataclass(frozen=True)
class UnitTotal:
    code: str
    name: str
    projects: int
    budget_fen: int


@dataclass
class Overview:
    document: DocumentRow
    units: list[UnitTotal]
    projects: int
    indicators: int
    budget_fen: int
    largest: list[ProjectRow]
    progress: dict[str, int]
    money_unit: str
    grades: dict[str, int] = field(default_factory=dict)
    conclusion: Conclusion | None = None


def departments(source: Source) -> list[DepartmentRow]:
    sql = """SELECT dep.id, dep.name, count(d.id) FROM department AS dep
             JOIN document AS d ON d.department_id = dep.id
             GROUP BY dep.id ORDER BY dep.name"""
    return [DepartmentRow(*row) for row in fetch(source, sql)]


def project_id(source: Source, document_id: int, ordinal: int) -> int | None:
    """The id of the document's project number `ordinal`, or None when it has none."""
    sql = "SELECT id FROM project WHERE document_id = :d AND ordinal = :o"
    found = fetch(source, sql, {"d": document_id, "o": ordinal})
    return found[0][0] if found else None


def units_of(source: Source, document_id: int) -> list[UnitRow]:
    sql = "SELECT id, code, name FROM unit WHERE document_id = :id ORDER BY position"
    return [UnitRow(*row) for row in fetch(source, sql, {"id": document_id})]


def projects_of(
    source: Source, document_id: int, wanted: ProjectFilter = ProjectFilter()
) -> list[ProjectRow]:
    """The document's projects that pass the filter, in the filter's order."""
    where = ["p.document_id = :document_id"]
    params: dict[str, object] = {"document_id": document_id}
    if wanted.state == "untouched":
        where.append("m.state IS NULL")
    elif wanted.state != "all":
        where.append("m.state = :state")
        params["state"] = wanted.state
    if wanted.unit_id is not None:
        where.append("p.unit_id = :unit_id")
        params["unit_id"] = wanted.unit_id
    if wanted.min_budget_fen is not None:
        where.append("p.budget_fen >= :min_budget")
        params["min_budget"] = wanted.min_budget_fen
    if wanted.max_budget_fen is not None:
        where.append("p.budget_fen <= :max_budget")
        params["max_budget"] = wanted.max_budget_fen
    order = {
        "ordinal": "p.position",
        "budget": "p.budget_fen DESC, p.position",
        "name": "p.name, p.position",
    }[wanted.sort]
    sql = f"""SELECT p.id, p.unit_id, p.ordinal, p.name, p.budget_fen, p.money_unit, m.state,
                     m.grade
              FROM project AS p
              LEFT JOIN review_mark AS m ON m.project_id = p.id AND m.indicator_id IS NULL
              WHERE {" AND ".join(where)} ORDER BY {order}"""
    return [ProjectRow(*row) for row in fetch(source, sql, params)]


def project_detail(source: Source, project_id: int) -> ProjectDetail | None:
    by_project = {"id": project_id}
    found = fetch_dicts(
        source,
        """SELECT p.id, p.document_id, u.code AS unit_code, u.name AS unit_name, p.ordinal,
                  p.code, p.name, p.money_unit, p.budget_fen, p.fiscal_fen, p.other_fen,
                  p.purpose, p.plan_3, p.plan_6, p.plan_10, p.plan_12, p.first_line,
                  p.last_line, d.kind, p.attribute, p.period, p.manager
           FROM project AS p JOIN unit AS u ON u.id = p.unit_id
           JOIN document AS d ON d.id = p.document_id WHERE p.id = :id""",
        by_project,
    )
    if not found:
        return None
    row = found[0]
    # Medium-term goals (another province's 中长期目标) come after the annual ones, named.
    goals = fetch(
        source,
        "SELECT CASE period WHEN 'medium_term' THEN '中长期目标：' || text ELSE text END "
        "FROM project_goal WHERE project_id = :id ORDER BY position",
        by_project,
    )
    indicators = fetch(
        source,
        """SELECT id, level1, level2, level3, description, value, basis, line
           FROM indicator WHERE project_id = :id ORDER BY position""",
        by_project,
    )
    funds = fetch(
        source,
        "SELECT label, amount_fen FROM project_fund WHERE project_id = :id ORDER BY position",
        by_project,
    )
    mark, indicator_marks = marks_of_project(source, project_id)
    facts = [
        (label, row[key])
        for label, key in (("项目属性", "attribute"), ("项目期", "period"),
                           ("项目负责人", "manager"))
        if row[key]
    ] + [
        (label, str(from_fen(amount_fen, row["money_unit"]))) for label, amount_fen in funds
    ]  # fmt: skip
    plan = {  # the months of the plan_N columns read above
        int(key.removeprefix("plan_")): None if value is None else Decimal(value)
        for key, value in row.items()
        if key.startswith("plan_")
    }
    return ProjectDetail(
        *list(row.values())[:12],
        plan=plan,
        goals=[goal for (goal,) in goals],
        indicators=[IndicatorRow(*indicator) for indicator in indicators],
        first_line=row["first_line"],
        last_line=row["last_line"],
        mark=mark,
        indicator_marks=indicator_marks,
        kind=row["kind"],
        facts=facts,
    )


def overview(source: Source, document_id: int, largest: int = 10) -> Overview | None:
    header = document(source, document_id)
    if header is None:
        return None
    by_document = {"id": document_id}
    units = [
        UnitTotal(*row)
        for row in fetch(
            source,
            """SELECT u.code, u.name, count(p.id), coalesce(sum(p.budget_fen), 0)
               FROM unit AS u LEFT JOIN project AS p ON p.unit_id = u.id
               WHERE u.document_id = :id GROUP BY u.id ORDER BY u.position""",
            by_document,
        )
    ]
    ((indicators,),) = fetch(
        source,
        """SELECT count(*) FROM indicator AS i JOIN project AS p ON p.id = i.project_id
           WHERE p.document_id = :id""",
        by_document,
    )
    money_units = fetch(
        source, "SELECT money_unit FROM project WHERE document_id = :id LIMIT 1", by_document
    )
    biggest = projects_of(source, document_id, ProjectFilter(sort="budget"))[:largest]
    return Overview(
        document=header,
        units=units,
        projects=sum(unit.projects for unit in units),
        indicators=indicators,
        budget_fen=sum(unit.budget_fen for unit in units),
        largest=biggest,
        progress=progress(source, document_id),
        money_unit=money_units[0][0] if money_units else "万元",
        grades=grade_counts(source, document_id),
        conclusion=conclusion_of(source, document_id),
    )


def source_text(source: Source, document_id: int) -> list[str]:
    """The document's source lines (index 0 is line 1)."""
    from jixiao.importers.lines import source_lines  # with `v`, not with the first screen

    ((blob,),) = fetch(
        source, "SELECT text_zlib FROM document_source WHERE document_id = :id", {"id": document_id}
    )
    return source_lines(zlib.decompress(blob).decode("utf-8"))
