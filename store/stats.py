"""The store's size and contents in figures: what `jixiao stats` prints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from jixiao.store.migrations import schema_version

_COUNTS = {
    "departments": "SELECT count(*) FROM department",
    "documents": "SELECT count(*) FROM document",
    "units": "SELECT count(*) FROM unit",
    "projects": "SELECT count(*) FROM project",
    "indicators": "SELECT count(*) FROM indicator",
    "goals": "SELECT count(*) FROM project_goal",
    "search_rows": "SELECT count(*) FROM search_text",
    "review_marks": "SELECT count(*) FROM review_mark",
    "dismissed_findings": "SELECT count(*) FROM finding_dismissal",
    "pairing_decisions": "SELECT count(*) FROM pairing_decision",
}


def store_stats(engine: Engine, path: Path) -> dict[str, Any]:
    files = {"store": path, "wal": Path(f"{path}-wal")}
    with engine.connect() as connection:
        counts = {
            name: int(connection.exec_driver_sql(sql).scalar_one()) for name, sql in _COUNTS.items()
        }
        years = connection.exec_driver_sql(
            "SELECT year, stage, count(*) FROM document GROUP BY year, stage ORDER BY year, stage"
        ).all()
        page_size = int(connection.exec_driver_sql("PRAGMA page_size").scalar_one())
        pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())
        free = int(connection.exec_driver_sql("PRAGMA freelist_count").scalar_one())
        version = schema_version(connection)
    return {
        "path": str(path),
        "schema_version": version,
        "bytes": {name: p.stat().st_size if p.exists() else 0 for name, p in files.items()},
        "pages": {"size": page_size, "count": pages, "free": free},
        "counts": counts,
        "documents_by_year": [
            {"year": year, "stage": stage, "documents": n} for year, stage, n in years
        ],
    }
