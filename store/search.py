"""Search the text of stored documents: project names, purposes, goals, indicators and
department goals.

Across the store, the bigram index (store/search_tokens.py) finds the rows for a query of
any length and hits come in the order they were imported (so that the first page of a
common word, 项目 in ten thousand documents, is read without sorting millions of rows).
Within one document the few hundred rows are scanned and shown in the document's order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from jixiao.store.reading import fetch
from jixiao.store.search_tokens import match_expression, needs_text_check

if TYPE_CHECKING:
    from jixiao.store.reading import Source


@dataclass(frozen=True)
class Hit:
    id: int
    """The search_text row: pass the last one as `after` for the next page."""
    document_id: int
    project_id: int | None
    indicator_id: int | None
    kind: str
    text: str
    department: str
    year: int
    stage: str
    project_ordinal: int | None
    project_name: str | None


_COLUMNS = """s.id, s.document_id, s.project_id, s.indicator_id, s.kind, s.text,
       dep.name, d.year, d.stage, p.ordinal, p.name"""
_JOINS = """JOIN document AS d ON d.id = s.document_id
JOIN department AS dep ON dep.id = d.department_id
LEFT JOIN project AS p ON p.id = s.project_id"""


def search(
    source: Source,
    query: str,
    document_id: int | None = None,
    limit: int = 500,
    after: int = 0,
) -> list[Hit]:
    """At most `limit` hits; across the store, those after the hit whose id is `after`.
    Empty for an empty query. The query is taken literally, never as FTS syntax."""
    query = query.strip()
    if not query:
        return []
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    params: dict[str, object] = {"limit": limit, "like": f"%{escaped}%", "after": after}
    match = match_expression(query)
    if document_id is not None:
        params["document_id"] = document_id
        sql = f"""SELECT {_COLUMNS} FROM search_text AS s {_JOINS}
            WHERE s.document_id = :document_id AND s.text LIKE :like ESCAPE '\\'
            ORDER BY p.position, s.id LIMIT :limit"""
    elif match is None:  # punctuation only: nothing in the index, read the text
        sql = f"""SELECT {_COLUMNS} FROM search_text AS s {_JOINS}
            WHERE s.id > :after AND s.text LIKE :like ESCAPE '\\'
            ORDER BY s.id LIMIT :limit"""
    else:
        params["match"] = match
        check = " AND s.text LIKE :like ESCAPE '\\'" if needs_text_check(query) else ""
        sql = f"""SELECT {_COLUMNS} FROM search_fts AS f
            JOIN search_text AS s ON s.id = f.rowid {_JOINS}
            WHERE search_fts MATCH :match AND f.rowid > :after{check}
            ORDER BY f.rowid LIMIT :limit"""
    return [Hit(*row) for row in fetch(source, sql, params)]
