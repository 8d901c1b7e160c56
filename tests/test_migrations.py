"""Users' stores must survive upgrades: the schema is pinned by a snapshot, and older
stores are upgraded step by step, after a backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.engine import Connection

from store import migrations
from store.db import open_store
from store.migrations import SCHEMA_VERSION, schema_sql
from store.save import save_document

SNAPSHOTS = Path(__file__).parent / "fixtures" / "schema"


def schema_of(path: Path) -> str:
    engine = open_store(path)
    with engine.connect() as connection:
        return schema_sql(connection)


def store_from_snapshot(path: Path, version: int) -> None:
    with sqlite3.connect(path) as connection:
        connection.executescript((SNAPSHOTS / f"v{version}.sql").read_text())
        connection.execute(f"PRAGMA user_version = {version}")


class TestSchema:
    def test_models_match_the_snapshot_of_the_current_version(self, tmp_path):
        # Fails when store/models.py changes without a new schema version: add a step to
        # store/migrations.py and a snapshot v<N+1>.sql (docs/store.md).
        assert (
            schema_of(tmp_path / "fresh.db") == (SNAPSHOTS / f"v{SCHEMA_VERSION}.sql").read_text()
        )

    def test_every_older_snapshot_upgrades_to_the_current_schema(self, tmp_path):
        expected = schema_of(tmp_path / "fresh.db")
        versions = sorted(int(p.stem[1:]) for p in SNAPSHOTS.glob("v*.sql"))
        assert versions == list(range(1, SCHEMA_VERSION + 1))
        for version in versions:
            path = tmp_path / f"old-v{version}.db"
            store_from_snapshot(path, version)
            assert schema_of(path) == expected


class TestUpgradeSteps:
    def test_an_old_store_is_backed_up_then_upgraded_keeping_its_data(
        self, tmp_path, monkeypatch, sample
    ):
        path = tmp_path / "store.db"
        store_from_snapshot(path, 1)
        save_document(open_store(path), *sample)

        def add_reviewer_column(connection: Connection) -> None:
            connection.exec_driver_sql("ALTER TABLE document ADD COLUMN reviewer VARCHAR")

        monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
        monkeypatch.setitem(migrations.STEPS, 2, add_reviewer_column)
        engine = open_store(path)
        with engine.connect() as connection:
            assert migrations.schema_version(connection) == 2
            columns = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(document)")]
            assert "reviewer" in columns
            assert connection.exec_driver_sql("SELECT count(*) FROM indicator").scalar() == 252
        backup = tmp_path / "store.db.v1.bak"
        with sqlite3.connect(backup) as connection:
            assert connection.execute("PRAGMA user_version").fetchone() == (1,)
            assert connection.execute("SELECT count(*) FROM project").fetchone() == (35,)

    def test_a_failing_step_leaves_the_store_as_it_was(self, tmp_path, monkeypatch):
        path = tmp_path / "store.db"
        store_from_snapshot(path, 1)

        def broken(connection: Connection) -> None:
            connection.exec_driver_sql("ALTER TABLE document ADD COLUMN half_done VARCHAR")
            raise RuntimeError("step failed")

        monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
        monkeypatch.setitem(migrations.STEPS, 2, broken)
        with pytest.raises(RuntimeError, match="step failed"):
            open_store(path)
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA user_version").fetchone() == (1,)
            columns = [row[1] for row in connection.execute("PRAGMA table_info(document)")]
            assert "half_done" not in columns
