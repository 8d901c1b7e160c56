"""The list of documents, read with the sqlite3 module alone.

`jixiao ls` is what a script runs first and most often; on a store of ten thousand documents
loading SQLAlchemy and the models would take longer than the listing itself. So when the
store is already at this jixiao's schema version it is read directly; otherwise the caller
opens it the usual way (creating or upgrading it) and asks again.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from jixiao.store.version import SCHEMA_VERSION

LIST_DOCUMENTS = """
SELECT d.id, dep.name AS department, d.year, d.stage, d.revision, d.title,
       d.unit_count AS units, d.project_count AS projects,
       d.indicator_count AS indicators, d.budget_fen, d.source_filename, d.source_format,
       d.imported_at, d.unread_count AS unread_lines, d.warning_count AS warnings
FROM document AS d JOIN department AS dep ON dep.id = d.department_id
ORDER BY dep.name, d.year, d.stage, d.revision
"""


def read_documents(path: Path) -> list[dict[str, Any]] | None:
    """Every document as a dict (LIST_DOCUMENTS's columns); None when the store does not
    exist yet or is at another schema version, and must be opened with store.db first."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        connection.execute("PRAGMA busy_timeout=10000")
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version != SCHEMA_VERSION:
            return None
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute(LIST_DOCUMENTS)]
    except sqlite3.DatabaseError:
        return None  # not a store, or unreadable: store.db says which, with a hint
    finally:
        connection.close()
