"""Store-wide views: every project, or every indicator, across the documents, filtered and
sorted in SQL and read a page at a time.

Pages are keyset pages: each page ends with a cursor (the sort value and id of its last
row) and the next page starts after it, so page 500 costs what page 1 costs, whatever the
store's size. By default only the newest revision of each department, year and stage is
shown (older revisions are superseded drafts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jixiao.store.reading import fetch, fetch_dicts
from jixiao.store.search_tokens import match_expression, needs_text_check

if TYPE_CHECKING:
    from jixiao.store.reading import Source

PROJECT_SORTS = ("document", "budget", "budget-asc", "change", "change-asc")
"""document: import order; budget: largest first, budget-asc smallest first; change: largest
increase over the year before first, change-asc largest cut first (only projects that have a
year before)."""

INDICATOR_SORTS = ("document", "budget", "budget-asc")

_SMALL_DOCUMENT_SET = 300
"""At most this many documents: read their projects by document and sort them; more: walk
the sort's index and keep the rows of those documents (the cheaper plan either way)."""


@dataclass(frozen=True)
class StoreFilter:
    department: str | None = None
    """Part of the department's name."""
    year: int | None = None
    stage: str | None = None
    unit: str | None = None
    """A unit's code, or part of its name."""
    level: str | None = None
    """Indicators only: part of the 一级 or 二级指标 (产出, 效益, 满意度, 成本指标…)."""
    text: str | None = None
    """Text in the project's name, purpose, goals or indicators (indicators: their own)."""
    all_revisions: bool = False

    @property
    def narrows_documents(self) -> bool:
        return any(v is not None for v in (self.department, self.year, self.stage))


@dataclass(frozen=True)
class Cursor:
    key: int | None
    id: int


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    next: Cursor | None
    """Where the next page starts; None on the last page."""


def project_page(
    source: Source,
    where: StoreFilter,
    sort: str = "document",
    after: Cursor | None = None,
    limit: int = 50,
) -> Page:
    if sort not in PROJECT_SORTS:
        raise ValueError(f"unknown sort {sort!r}; expected one of {', '.join(PROJECT_SORTS)}")
    column = {"document": None, "budget": "p.budget_fen", "change": "p.change_fen"}[
        sort.removesuffix("-asc")
    ]
    select = f"""SELECT p.id, p.document_id, dep.name AS department, d.year, d.stage,
        d.revision, u.code AS unit_code, u.name AS unit_name, p.ordinal, p.code, p.name,
        p.money_unit, p.budget_fen, p.change_fen, prev.budget_fen AS previous_budget_fen,
        {column or "NULL"} AS sort_key
        FROM project AS p
        JOIN document AS d ON d.id = p.document_id
        JOIN department AS dep ON dep.id = d.department_id
        JOIN unit AS u ON u.id = p.unit_id
        LEFT JOIN project AS prev ON prev.id = p.previous_project_id"""
    conditions, params = _conditions(source, where, "p")
    if column == "p.change_fen":
        conditions.append("p.change_fen IS NOT NULL")
    if where.text:
        conditions.append(f"p.id IN ({_text_rows('project_id', where.text, params)})")
    return _page(source, _Query(select, conditions, params, column, "p.id"), sort, after, limit)


def indicator_page(
    source: Source,
    where: StoreFilter,
    sort: str = "document",
    after: Cursor | None = None,
    limit: int = 50,
) -> Page:
    """Indicators, each with its project; sorted by the project's budget or in order."""
    if sort not in INDICATOR_SORTS:
        raise ValueError(f"unknown sort {sort!r}; expected one of {', '.join(INDICATOR_SORTS)}")
    column = "p.budget_fen" if sort.removesuffix("-asc") == "budget" else None
    select = f"""SELECT i.id, p.id AS project_id, p.document_id, dep.name AS department,
        d.year, d.stage, d.revision, u.code AS unit_code, p.ordinal, p.name AS project,
        p.budget_fen, p.money_unit, i.level1, i.level2, i.level3, i.description, i.value, i.basis,
        i.target_kind, {column or "NULL"} AS sort_key
        FROM indicator AS i
        JOIN project AS p ON p.id = i.project_id
        JOIN document AS d ON d.id = p.document_id
        JOIN department AS dep ON dep.id = d.department_id
        JOIN unit AS u ON u.id = p.unit_id"""
    conditions, params = _conditions(source, where, "p")
    conditions.extend(_indicator_conditions(where, params))
    query = _Query(select, conditions, params, column, "i.id", "p.id",
                   "SELECT project_id FROM indicator WHERE id = :after_id")  # fmt: skip
    return _page(source, query, sort, after, limit)


def count_projects(source: Source, where: StoreFilter) -> int:
    conditions, params = _conditions(source, where, "p")
    if where.text:
        conditions.append(f"p.id IN ({_text_rows('project_id', where.text, params)})")
    joins = "project AS p" + (" JOIN unit AS u ON u.id = p.unit_id" if where.unit else "")
    return _count(source, joins, conditions, params)


def count_indicators(source: Source, where: StoreFilter) -> int:
    conditions, params = _conditions(source, where, "p")
    conditions.extend(_indicator_conditions(where, params))
    joins = "indicator AS i JOIN project AS p ON p.id = i.project_id"
    joins += " JOIN unit AS u ON u.id = p.unit_id" if where.unit else ""
    return _count(source, joins, conditions, params)


def _count(source: Source, joins: str, conditions: list[str], params: dict[str, Any]) -> int:
    sql = f"SELECT count(*) FROM {joins}"
    sql += " WHERE " + " AND ".join(conditions) if conditions else ""
    return int(fetch(source, sql, params)[0][0])


def _indicator_conditions(where: StoreFilter, params: dict[str, Any]) -> list[str]:
    conditions = []
    if where.level:
        conditions.append("(i.level1 LIKE :level ESCAPE '\\' OR i.level2 LIKE :level ESCAPE '\\')")
        params["level"] = f"%{_escape(where.level)}%"
    if where.text:
        conditions.append(f"i.id IN ({_text_rows('indicator_id', where.text, params)})")
    return conditions


@dataclass
class _Query:
    select: str
    conditions: list[str]
    params: dict[str, Any]
    sort_column: str | None
    id_column: str
    parent_column: str | None = None
    """Rows sorted by a parent's value (indicators by their project's budget): the parent's
    id, and parent_of_row, SQL giving the parent of the row :after_id."""
    parent_of_row: str = ""


def _page(source: Source, query: _Query, sort: str, after: Cursor | None, limit: int) -> Page:
    select, conditions, params = query.select, query.conditions, query.params
    column, id_column = query.sort_column, query.id_column
    descending = column is not None and not sort.endswith("-asc")
    direction = "DESC" if descending else "ASC"
    comparison = "<" if descending else ">"
    if column is None:
        order = id_column
        if after is not None:
            conditions.append(f"{id_column} > :after_id")
    elif query.parent_column is None:
        order = f"{column} {direction}, {id_column} {direction}"
        if after is not None:
            conditions.append(f"({column}, {id_column}) {comparison} (:after_key, :after_id)")
    else:
        # Rows of one parent (a project's indicators) stay together and in their order
        # whichever way the parents are sorted; the cursor's row names its parent.
        parent = query.parent_column
        order = f"{column} {direction}, {parent} {direction}, {id_column}"
        if after is not None:
            after_parent = f"({query.parent_of_row})"
            conditions.append(
                f"(({column}, {parent}) {comparison} (:after_key, {after_parent}) OR "
                f"({column} = :after_key AND {parent} = {after_parent} "
                f"AND {id_column} > :after_id))"
            )
    if after is not None:
        params.update(after_key=after.key, after_id=after.id)
    sql = select + (" WHERE " + " AND ".join(conditions) if conditions else "")
    sql += f" ORDER BY {order} LIMIT :limit"
    params["limit"] = limit + 1  # one more tells whether there is a next page
    rows = fetch_dicts(source, sql, params)
    more = len(rows) > limit
    rows = rows[:limit]
    following = Cursor(rows[-1]["sort_key"], rows[-1]["id"]) if more and rows else None
    for row in rows:
        del row["sort_key"]
    return Page(rows, following)


def _conditions(source: Source, where: StoreFilter, project: str) -> tuple[list[str], dict]:
    conditions: list[str] = []
    params: dict[str, Any] = {}
    if where.narrows_documents or not where.all_revisions:
        documents = _documents(source, where)
        if documents is not None:
            listed = ", ".join(str(d) for d in documents) or "NULL"
            # A unary + keeps SQLite from choosing the document index when many documents
            # match: walking the sort's index and skipping is cheaper then.
            plus = "" if len(documents) <= _SMALL_DOCUMENT_SET else "+"
            conditions.append(f"{plus}{project}.document_id IN ({listed})")
    if where.unit:
        conditions.append("(u.code = :unit OR u.name LIKE :unit_like ESCAPE '\\')")
        params.update(unit=where.unit, unit_like=f"%{_escape(where.unit)}%")
    return conditions, params


def _documents(source: Source, where: StoreFilter) -> list[int] | None:
    """The documents the filter keeps; None when it keeps them all."""
    conditions, params = [], {}
    if where.department:
        conditions.append("dep.name LIKE :department ESCAPE '\\'")
        params["department"] = f"%{_escape(where.department)}%"
    if where.year is not None:
        conditions.append("d.year = :year")
        params["year"] = where.year
    if where.stage:
        conditions.append("d.stage = :stage")
        params["stage"] = where.stage
    superseded = (
        "EXISTS (SELECT 1 FROM document AS newer WHERE newer.department_id = "
        "d.department_id AND newer.year = d.year AND newer.stage = d.stage "
        "AND newer.revision > d.revision)"
    )
    if (
        not where.narrows_documents
        and not fetch(source, f"SELECT EXISTS (SELECT 1 FROM document AS d WHERE {superseded})")[0][
            0
        ]
    ):
        return None  # every document is the newest of its kind: nothing to leave out
    if not where.all_revisions:
        conditions.append(f"NOT {superseded}")
    sql = "SELECT d.id FROM document AS d JOIN department AS dep ON dep.id = d.department_id"
    if conditions:
        sql += " WHERE " + " AND ".join(conditions)
    return [row[0] for row in fetch(source, sql, params)]


def _text_rows(column: str, query: str, params: dict[str, Any]) -> str:
    """A subquery of the `column` (project_id, indicator_id) of the search rows holding
    the query: from the bigram index, or by reading the text for a query of punctuation."""
    match = match_expression(query)
    params["text_like"] = f"%{_escape(query.strip())}%"
    like = "s.text LIKE :text_like ESCAPE '\\'"
    if match is None:
        return f"SELECT s.{column} FROM search_text AS s WHERE {like}"
    params["text_match"] = match
    check = f" AND {like}" if needs_text_check(query) else ""
    return (
        f"SELECT s.{column} FROM search_fts AS f JOIN search_text AS s ON s.id = f.rowid "
        f"WHERE search_fts MATCH :text_match{check}"
    )


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
