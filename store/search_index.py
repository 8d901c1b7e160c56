"""The full-text index: FTS5 with the trigram tokenizer over search_text, kept in step with
it by triggers, so that whatever writes search_text (the import) updates the index.

Trigrams answer queries of three characters or more. Shorter ones must use LIKE on
search_text itself: on SQLite 3.40 a LIKE pattern under three characters on the FTS table
returns no rows at all rather than scanning.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

_DDL = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(text, content='search_text', "
    "content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER search_text_insert AFTER INSERT ON search_text BEGIN "
    "INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER search_text_delete AFTER DELETE ON search_text BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
)


def create_search_index(connection: Connection) -> None:
    for statement in _DDL:
        connection.exec_driver_sql(statement)
