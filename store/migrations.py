"""Schema versions. The store's version is SQLite's `PRAGMA user_version`.

A new store gets the current schema (store/schema.sql, what the models make: store/schema.py)
and is stamped SCHEMA_VERSION. An older store is backed up beside itself (<name>.v<N>.bak)
and upgraded step by step: STEPS[n] takes a store from version n-1 to n inside one
transaction. To change the schema: edit store/models.py, add STEPS[n + 1], raise
SCHEMA_VERSION, keep the old store/schema.sql as its snapshot in tests/fixtures/schema/ and
write the new one (docs/store.md says how).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from jixiao.i18n import _
from jixiao.store import models
from jixiao.store.changes import link_changes
from jixiao.store.connection import write_connection
from jixiao.store.errors import StoreError
from jixiao.store.name_keys import mask_code, normalize_name
from jixiao.store.schema import create_schema
from jixiao.store.search_index import create_search_index, index_all
from jixiao.store.version import SCHEMA_VERSION as CURRENT_VERSION

SCHEMA_VERSION = CURRENT_VERSION

_V2_SEARCH_INDEX = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(text, content='search_text', "
    "content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER search_text_insert AFTER INSERT ON search_text BEGIN "
    "INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER search_text_delete AFTER DELETE ON search_text BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
)
"""The search index as version 2 made it (trigrams, kept by triggers); version 5 replaced it."""

_V2_REVIEW_MARK = (
    "CREATE TABLE review_mark (id INTEGER NOT NULL, document_id INTEGER NOT NULL, "
    "project_id INTEGER NOT NULL, indicator_id INTEGER, state VARCHAR, note VARCHAR NOT NULL, "
    "reviewer VARCHAR NOT NULL, updated_at VARCHAR NOT NULL, PRIMARY KEY (id), "
    "FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE, "
    "FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE CASCADE, "
    "FOREIGN KEY(indicator_id) REFERENCES indicator (id) ON DELETE CASCADE)",
    "CREATE INDEX ix_review_mark_document_id ON review_mark (document_id)",
    "CREATE UNIQUE INDEX ix_review_mark_indicator ON review_mark (indicator_id) "
    "WHERE indicator_id IS NOT NULL",
    "CREATE UNIQUE INDEX ix_review_mark_project ON review_mark (project_id) "
    "WHERE indicator_id IS NULL",
)
"""The review marks as version 2 made them: written out, not taken from the model, which
later versions changed (v6 added the grade)."""


def _add_reviews_and_search(connection: Connection) -> None:
    """v2: review marks and notes; the full-text search index, filled for stored documents."""
    from jixiao.store.rows import department_goal_text, indicator_search_text

    for statement in _V2_REVIEW_MARK:
        connection.exec_driver_sql(statement)
    models.SearchText.__table__.create(connection)  # type: ignore[attr-defined]
    for statement in _V2_SEARCH_INDEX:
        connection.exec_driver_sql(statement)
    rows: list[tuple[object, ...]] = []
    for document_id, kind, title, body, indicators in connection.exec_driver_sql(
        "SELECT document_id, kind, title, text, indicators FROM department_goal "
        "ORDER BY document_id, position"
    ):
        text = department_goal_text(kind, title, body, indicators)
        rows.append((document_id, None, None, "department_goal", text))
    for document_id, project_id, name, purpose in connection.exec_driver_sql(
        "SELECT document_id, id, name, purpose FROM project ORDER BY id"
    ).all():
        rows.append((document_id, project_id, None, "project", name))
        if purpose:
            rows.append((document_id, project_id, None, "purpose", purpose))
        rows.extend(
            (document_id, project_id, None, "goal", goal)
            for (goal,) in connection.exec_driver_sql(
                "SELECT text FROM project_goal WHERE project_id = ? ORDER BY position",
                (project_id,),
            )
        )
        rows.extend(
            (document_id, project_id, indicator_id, "indicator",
             indicator_search_text(level3, description, value, basis))
            for indicator_id, level3, description, value, basis in connection.exec_driver_sql(
                "SELECT id, level3, description, value, basis FROM indicator "
                "WHERE project_id = ? ORDER BY position",
                (project_id,),
            )
        )  # fmt: skip
    if rows:
        connection.exec_driver_sql(
            "INSERT INTO search_text (document_id, project_id, indicator_id, kind, text) "
            "VALUES (?, ?, ?, ?, ?)",
            rows,
        )


def _add_pairing_decisions(connection: Connection) -> None:
    """v3: the reviewer's decisions on which projects of two documents are the same."""
    models.PairingDecision.__table__.create(connection)  # type: ignore[attr-defined]


def _add_finding_dismissals(connection: Connection) -> None:
    """v4: check findings a reviewer dismissed, with the reason."""
    models.FindingDismissal.__table__.create(connection)  # type: ignore[attr-defined]


_DOCUMENT_COUNTS = """
UPDATE document SET
    unit_count = (SELECT count(*) FROM unit AS u WHERE u.document_id = document.id),
    project_count = (SELECT count(*) FROM project AS p WHERE p.document_id = document.id),
    indicator_count = (SELECT count(*) FROM indicator AS i JOIN project AS p
                       ON p.id = i.project_id WHERE p.document_id = document.id),
    budget_fen = (SELECT coalesce(sum(p.budget_fen), 0) FROM project AS p
                  WHERE p.document_id = document.id),
    unread_count = (SELECT count(*) FROM import_note AS n WHERE n.document_id = document.id
                    AND n.severity = 'unread'),
    warning_count = (SELECT count(*) FROM import_note AS n WHERE n.document_id = document.id
                     AND n.severity = 'warning')
"""


def _scale(connection: Connection) -> None:
    """v5, for stores of ten thousand documents: the bigram search index (answers one- and
    two-character queries from the index), each project's previous year and budget change,
    each document's counts, indexes for store-wide views."""
    for statement in (
        "DROP TRIGGER search_text_insert",
        "DROP TRIGGER search_text_delete",
        "DROP TABLE search_fts",
    ):
        connection.exec_driver_sql(statement)
    create_search_index(connection)
    index_all(connection)
    for column in ("code_key VARCHAR DEFAULT '' NOT NULL",
                   "name_key VARCHAR DEFAULT '' NOT NULL",
                   "previous_project_id INTEGER", "change_fen INTEGER"):  # fmt: skip
        connection.exec_driver_sql(f"ALTER TABLE project ADD COLUMN {column}")
    for column in ("unit_count", "project_count", "indicator_count", "budget_fen",
                   "unread_count", "warning_count"):  # fmt: skip
        connection.exec_driver_sql(
            f"ALTER TABLE document ADD COLUMN {column} INTEGER DEFAULT '0' NOT NULL"
        )
    connection.exec_driver_sql(_DOCUMENT_COUNTS)
    driver = _driver(connection)
    driver.create_function("mask_code", 1, mask_code, deterministic=True)
    driver.create_function("normalize_name", 1, normalize_name, deterministic=True)
    connection.exec_driver_sql(
        "UPDATE project SET code_key = mask_code(code), name_key = normalize_name(name)"
    )
    for table in (models.Project, models.Document):
        for index in table.__table__.indexes:  # type: ignore[attr-defined]
            if index.name in ("ix_project_budget", "ix_project_change",
                              "ix_document_imported_at"):  # fmt: skip
                index.create(connection)
    for (document_id,) in connection.exec_driver_sql(
        "SELECT id FROM document ORDER BY year, revision"
    ).all():
        link_changes(driver, document_id)


DETAIL_COLUMNS = (
    "comparator", "measure_unit", "weight", "direction", "value_type", "explanation",
    "scoring_rule", "remark", "previous_value",
)  # fmt: skip
"""The indicator columns other provinces' tables add (store/models.py Indicator)."""


def _other_provinces(connection: Connection) -> None:
    """v6, other provinces' target tables: a document's kind and department code; a
    project's 项目属性, 项目期, 项目负责人 and money split; medium-term goals; an indicator's
    period and extra columns. Stored documents are Hebei's: the defaults say so."""
    for table, column in (
        ("document", "kind VARCHAR DEFAULT 'budget_text' NOT NULL"),
        ("document", "department_code VARCHAR DEFAULT '' NOT NULL"),
        ("project", "attribute VARCHAR DEFAULT '' NOT NULL"),
        ("project", "period VARCHAR DEFAULT '' NOT NULL"),
        ("project", "manager VARCHAR DEFAULT '' NOT NULL"),
        ("project_goal", "period VARCHAR DEFAULT 'annual' NOT NULL"),
        ("indicator", "period VARCHAR DEFAULT 'annual' NOT NULL"),
        *(("indicator", f"{name} VARCHAR") for name in DETAIL_COLUMNS),
    ):
        connection.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column}")
    models.ProjectFund.__table__.create(connection)  # type: ignore[attr-defined]


def _add_grades(connection: Connection) -> None:
    """v7: a project's grade (优/良/中/差) beside its mark, and a document's conclusion."""
    connection.exec_driver_sql("ALTER TABLE review_mark ADD COLUMN grade VARCHAR")
    models.ReviewConclusion.__table__.create(connection)  # type: ignore[attr-defined]


STEPS: dict[int, Callable[[Connection], None]] = {
    2: _add_reviews_and_search,
    3: _add_pairing_decisions,
    4: _add_finding_dismissals,
    5: _scale,
    6: _other_provinces,
    7: _add_grades,
}


def _driver(connection: Connection) -> sqlite3.Connection:
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


def schema_version(connection: Connection) -> int:
    return int(connection.exec_driver_sql("PRAGMA user_version").scalar_one())


def upgrade(engine: Engine, path: Path | None = None) -> None:
    with engine.connect() as connection:
        version = schema_version(connection)
        if version == SCHEMA_VERSION:
            return
    if version > SCHEMA_VERSION:
        raise StoreError(
            _(
                "the store {path} has schema version {version}, newer than this jixiao knows "
                "({known})"
            ).format(path=path, version=version, known=SCHEMA_VERSION),
            _("upgrade jixiao to open it"),
        )
    with write_connection(engine) as connection, connection.begin():
        version = schema_version(connection)  # another process may have upgraded it
        if version == 0:
            create_schema(_driver(connection), path)
        elif version < SCHEMA_VERSION:
            if path is not None:
                _backup(path, version)
            for step in range(version + 1, SCHEMA_VERSION + 1):
                STEPS[step](connection)
        connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


def models_schema() -> str:
    """The schema store/models.py declares, as schema_sql writes it: what store/schema.sql
    must hold (tests/test_migrations.py)."""
    from sqlalchemy import create_engine

    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        SQLModel.metadata.create_all(connection)
        create_search_index(connection)
        return schema_sql(connection)


def _backup(path: Path, version: int) -> None:
    backup_path = path.with_name(f"{path.name}.v{version}.bak")
    with sqlite3.connect(path) as source, sqlite3.connect(backup_path) as target:
        source.backup(target)


def schema_sql(connection: Connection) -> str:
    """The schema as SQL that can be run again, in a stable order: tables, indexes, then
    triggers, each by name. The shadow tables of a virtual table are left out: SQLite makes
    them itself. This is what tests/fixtures/schema/v<N>.sql holds."""
    rows = connection.exec_driver_sql(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name"
    ).all()
    virtual = [name for _, name, sql in rows if sql.startswith("CREATE VIRTUAL TABLE")]
    kept = [
        sql
        for kind, name, sql in rows
        if not (kind == "table" and any(name.startswith(f"{v}_") for v in virtual))
    ]
    return ";\n\n".join(kept) + ";\n"


def schema_shape(connection: Connection) -> dict[str, object]:
    """The schema as SQLite understands it: each table's columns (name, type, not null,
    default, key), foreign keys and indexes. Two stores of the same shape behave the same
    even when their CREATE statements are worded differently (ALTER TABLE ADD COLUMN
    appends to the statement; a fresh store gets it whole)."""
    shape: dict[str, object] = {}
    names = connection.exec_driver_sql(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
    ).all()
    virtual = [name for _, name, sql in names if sql.startswith("CREATE VIRTUAL TABLE")]
    for kind, name, sql in names:
        if kind == "table" and any(name.startswith(f"{v}_") for v in virtual):
            continue
        if kind == "table" and name not in virtual:
            shape[name] = {
                "columns": connection.exec_driver_sql(f"PRAGMA table_info('{name}')").all(),
                "foreign_keys": connection.exec_driver_sql(
                    f"PRAGMA foreign_key_list('{name}')"
                ).all(),
            }
        else:
            shape[name] = sql
    return shape
