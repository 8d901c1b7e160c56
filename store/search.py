"""Search the text of stored documents: project names, purposes, goals, indicators and
department goals. Queries of three characters or more use the trigram index; shorter ones
(绩效, 党) use LIKE on the indexed text, which the trigram index cannot answer."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text


@dataclass(frozen=True)
class Hit:
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


_SELECT = """
SELECT s.document_id, s.project_id, s.indicator_id, s.kind, s.text,
       dep.name, d.year, d.stage, p.ordinal, p.name
FROM search_text AS s
JOIN document AS d ON d.id = s.document_id
JOIN department AS dep ON dep.id = d.department_id
LEFT JOIN project AS p ON p.id = s.project_id
"""
_ORDER = " ORDER BY dep.name, d.year, d.stage, d.revision, p.position, s.id LIMIT :limit"

TRIGRAM = 3
"""The shortest query the trigram index can answer."""


def search(
    engine: Engine, query: str, document_id: int | None = None, limit: int = 500
) -> list[Hit]:
    """Hits in document order, at most `limit`. Empty for an empty query."""
    query = query.strip()
    if not query:
        return []
    params: dict[str, object] = {"limit": limit}
    if len(query) >= TRIGRAM:
        # A quoted phrase: the query is matched as written, whatever it contains.
        where = " WHERE s.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH :match)"
        params["match"] = '"' + query.replace('"', '""') + '"'
    else:
        where = " WHERE s.text LIKE :like ESCAPE '\\'"
        escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params["like"] = f"%{escaped}%"
    if document_id is not None:
        where += " AND s.document_id = :document_id"
        params["document_id"] = document_id
    with engine.connect() as connection:
        rows = connection.execute(text(_SELECT + where + _ORDER), params).all()
    return [Hit(*row) for row in rows]
