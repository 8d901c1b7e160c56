"""Users' stores must survive upgrades: the schema is pinned by a snapshot, and older
stores are upgraded step by step, after a backup."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from jixiao.store import db, migrations
from jixiao.store.db import open_store
from jixiao.store.migrations import SCHEMA_VERSION, models_schema, schema_shape, schema_sql
from jixiao.store.save import save_document
from jixiao.store.schema import SCHEMA_FILE
from jixiao.store.search_index import create_search_index
from jixiao.store.search_tokens import match_expression

SNAPSHOTS = Path(__file__).parent / "fixtures" / "schema"


def schema_of(path: Path) -> str:
    engine = open_store(path)
    with engine.connect() as connection:
        return schema_sql(connection)


def shape_of(path: Path) -> dict[str, object]:
    engine = open_store(path)
    with engine.connect() as connection:
        return schema_shape(connection)


def snapshot(version: int) -> Path:
    """The schema of `version` as SQL: an older version's frozen snapshot, or for the current
    version store/schema.sql itself (it becomes the snapshot v<N>.sql when N is superseded)."""
    return SCHEMA_FILE if version == SCHEMA_VERSION else SNAPSHOTS / f"v{version}.sql"


def store_from_snapshot(path: Path, version: int) -> None:
    with sqlite3.connect(path) as connection:
        connection.executescript(snapshot(version).read_text())
        connection.execute(f"PRAGMA user_version = {version}")


class TestSchema:
    def test_models_match_the_schema_of_the_current_version(self):
        # Fails when store/models.py changes without a new schema version: keep store/schema.sql
        # as the snapshot of this version, add a step to store/migrations.py, write the new
        # store/schema.sql (docs/store.md).
        assert models_schema() == SCHEMA_FILE.read_text()

    def test_a_new_store_is_made_as_the_models_declare(self, tmp_path):
        assert schema_of(tmp_path / "fresh.db") == models_schema()
        with sqlite3.connect(tmp_path / "fresh.db") as connection:
            assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
            settings = "SELECT k, v FROM search_fts_config ORDER BY k"
            made = connection.execute(settings).fetchall()
        models_store = create_engine(f"sqlite:///{tmp_path / 'models.db'}")
        with models_store.begin() as connection:
            SQLModel.metadata.create_all(connection)
            create_search_index(connection)
            assert connection.exec_driver_sql(settings).all() == made

    def test_a_new_store_is_made_without_the_models(self, tmp_path):
        # SQLModel and the models cost a new store's first command ≈ 0.15 s.
        script = (
            "import sys; from pathlib import Path; from jixiao.store.db import open_store; "
            f"open_store(Path({str(tmp_path / 'new.db')!r})); "
            "print(sorted(m for m in ('sqlmodel', 'jixiao.store.models', "
            "'jixiao.store.migrations') if m in sys.modules))"
        )
        ran = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        assert ran.stdout == "[]\n"

    def test_every_older_snapshot_upgrades_to_the_current_schema(self, tmp_path):
        expected = shape_of(tmp_path / "fresh.db")
        older = sorted(int(p.stem[1:]) for p in SNAPSHOTS.glob("v*.sql"))
        assert older == list(range(1, SCHEMA_VERSION))
        for version in [*older, SCHEMA_VERSION]:
            path = tmp_path / f"old-v{version}.db"
            store_from_snapshot(path, version)
            assert shape_of(path) == expected, f"upgraded from v{version}"


class TestUpgradeSteps:
    NEXT = SCHEMA_VERSION + 1  # a version that does not exist yet, to test the mechanism

    def test_an_old_store_is_backed_up_then_upgraded_keeping_its_data(
        self, tmp_path, monkeypatch, sample
    ):
        path = tmp_path / "store.db"
        save_document(open_store(path), *sample)

        def add_reviewer_column(connection: Connection) -> None:
            connection.exec_driver_sql("ALTER TABLE document ADD COLUMN reviewer VARCHAR")

        monkeypatch.setattr(migrations, "SCHEMA_VERSION", self.NEXT)
        monkeypatch.setattr(db, "SCHEMA_VERSION", self.NEXT)  # its check before migrating
        monkeypatch.setitem(migrations.STEPS, self.NEXT, add_reviewer_column)
        engine = open_store(path)
        with engine.connect() as connection:
            assert migrations.schema_version(connection) == self.NEXT
            columns = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(document)")]
            assert "reviewer" in columns
            assert connection.exec_driver_sql("SELECT count(*) FROM indicator").scalar() == 252
        backup = tmp_path / f"store.db.v{SCHEMA_VERSION}.bak"
        with sqlite3.connect(backup) as connection:
            assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
            assert connection.execute("SELECT count(*) FROM project").fetchone() == (35,)

    def test_a_failing_step_leaves_the_store_as_it_was(self, tmp_path, monkeypatch):
        path = tmp_path / "store.db"
        open_store(path).dispose()

        def broken(connection: Connection) -> None:
            connection.exec_driver_sql("ALTER TABLE document ADD COLUMN half_done VARCHAR")
            raise RuntimeError("step failed")

        monkeypatch.setattr(migrations, "SCHEMA_VERSION", self.NEXT)
        monkeypatch.setattr(db, "SCHEMA_VERSION", self.NEXT)  # its check before migrating
        monkeypatch.setitem(migrations.STEPS, self.NEXT, broken)
        with pytest.raises(RuntimeError, match="step failed"):
            open_store(path)
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
            columns = [row[1] for row in connection.execute("PRAGMA table_info(document)")]
            assert "half_done" not in columns


class TestVersionTwo:
    """v2 added review marks and the search index; stores made by v1 hold documents whose
    search rows must be built by the upgrade."""

    def test_upgrading_a_v1_store_indexes_its_documents_as_an_import_would(self, tmp_path, sample):
        fresh_path = tmp_path / "fresh.db"
        save_document(open_store(fresh_path), *sample)
        old_path = tmp_path / "old.db"
        store_from_snapshot(old_path, 1)
        with sqlite3.connect(old_path) as connection:
            v1_tables = [
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            ]
            connection.execute("ATTACH DATABASE ? AS fresh", (str(fresh_path),))
            for table in v1_tables:
                columns = ", ".join(
                    row[1] for row in connection.execute(f"PRAGMA table_info('{table}')")
                )
                connection.execute(
                    f"INSERT INTO {table} ({columns}) SELECT {columns} FROM fresh.{table}"
                )
            connection.commit()

        query = (
            "SELECT document_id, project_id, indicator_id, kind, text FROM search_text "
            "ORDER BY document_id, project_id, indicator_id, kind, text"
        )
        with sqlite3.connect(fresh_path) as connection:
            expected = connection.execute(query).fetchall()
        open_store(old_path).dispose()
        with sqlite3.connect(old_path) as connection:
            assert connection.execute(query).fetchall() == expected
            assert (
                len(expected) == 12 + 35 + 35 + 105 + 252
            )  # part 1, names, purposes, goals, indicators
            found = connection.execute(
                "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?",
                (match_expression("满意度"),),
            ).fetchone()
            # 35 rows of the sample mention 满意度; on line 757 only in the category cells
            # (满意度指标 / 服务对象满意度指标), which are not indexed: 34.
            assert found == (34,)
            # v5 derives project keys and document counts: the same as an import makes them
            for derived in (
                "SELECT id, code_key, name_key FROM project ORDER BY id",
                "SELECT id, unit_count, project_count, indicator_count, budget_fen, "
                "unread_count, warning_count FROM document ORDER BY id",
            ):
                fresh = sqlite3.connect(fresh_path).execute(derived).fetchall()
                assert connection.execute(derived).fetchall() == fresh


class TestVersionSix:
    """v6 added other provinces' tables: a document's kind, projects' 项目属性/项目期/负责人
    and money split, goals' and indicators' periods, indicators' extra columns. A v5 store
    holds Hebei documents only, which the defaults describe."""

    def test_a_v5_store_keeps_its_documents_as_they_were_imported(self, tmp_path, sample):
        from jixiao.store.export import to_json
        from jixiao.store.queries import load_document

        fresh_path = tmp_path / "fresh.db"
        saved = save_document(open_store(fresh_path), *sample)
        old_path = tmp_path / "old.db"
        store_from_snapshot(old_path, 5)
        with sqlite3.connect(old_path) as connection:
            connection.execute("ATTACH DATABASE ? AS fresh", (str(fresh_path),))
            tables = connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                "'search_fts%'"
            ).fetchall()
            for (table,) in tables:
                columns = ", ".join(
                    row[1] for row in connection.execute(f"PRAGMA table_info('{table}')")
                )
                connection.execute(
                    f"INSERT INTO {table} ({columns}) SELECT {columns} FROM fresh.{table}"
                )
            connection.commit()
        old = load_document(open_store(old_path), saved.document_id)
        new = load_document(open_store(fresh_path), saved.document_id)
        assert to_json(old) == to_json(new)
        assert old.parsed.kind == "budget_text"
        indicator = old.parsed.projects[0].indicators[0]
        assert (indicator.period, indicator.details) == ("annual", {})
