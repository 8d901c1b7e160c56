"""The store: round trips, exact money, revisions, all-or-nothing imports, naming documents."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path
from sqlite3 import IntegrityError
from types import SimpleNamespace

import pytest
from sqlalchemy import text

from jixiao.importers import parse_bytes
from jixiao.store import rows as rows_module
from jixiao.store.db import default_path, open_store
from jixiao.store.errors import StoreError
from jixiao.store.export import to_json
from jixiao.store.listing import read_documents
from jixiao.store.queries import load_document, source_lines
from jixiao.store.references import resolve_document
from jixiao.store.save import save_document
from tests.conftest import SAMPLE_TEXT, parse_text, sample_with

TABLES = (
    "department",
    "document",
    "document_source",
    "toc_entry",
    "department_goal",
    "unit",
    "project",
    "project_goal",
    "indicator",
    "import_note",
)


def list_documents(engine) -> list[SimpleNamespace]:
    """Every document's summary, read the way `jixiao ls` reads it."""
    return [SimpleNamespace(**row) for row in read_documents(Path(engine.url.database)) or []]


def row_counts(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in TABLES
        }


class TestRoundTrip:
    def test_what_is_saved_loads_back_equal(self, engine, sample):
        parsed, report = sample
        result = save_document(engine, parsed, report)
        stored = load_document(engine, result.document_id)
        assert stored.parsed == parsed
        assert stored.revision == 1
        assert stored.notes == []

    def test_money_is_exact_in_sql(self, engine, sample):
        save_document(engine, *sample)
        with engine.connect() as connection:
            total_fen = connection.execute(text("SELECT sum(budget_fen) FROM project")).scalar()
            types = connection.execute(
                text("SELECT DISTINCT typeof(budget_fen) FROM project")
            ).scalars()
            assert set(types) == {"integer"}
        assert total_fen == 7157_01_0000  # 7157.01 万元 in 分
        assert list_documents(engine)[0].budget_fen == total_fen

    def test_source_lines_are_kept(self, engine, sample):
        stored = load_document(engine, save_document(engine, *sample).document_id)
        project = stored.parsed.projects[4]
        lines = source_lines(stored, project.first_line, project.first_line + 2)
        assert lines == [
            (209, "5.村级组织运转经费绩效目标表"),
            (210, ""),
            (211, "203001 中共巨鹿县委组织部本级"),
        ]

    def test_notes_are_kept_with_the_document(self, engine):
        parsed, report = parse_text(
            sample_with(("\n\n中共巨鹿县委组织部编制", "\n- i -\n中共巨鹿县委组织部编制"))
        )
        stored = load_document(engine, save_document(engine, parsed, report).document_id)
        assert [(n.line, n.severity) for n in stored.notes] == [(6, "unread")]
        assert list_documents(engine)[0].unread_lines == 1


class TestRevisions:
    def test_the_same_file_twice_changes_nothing(self, engine, sample):
        first = save_document(engine, *sample)
        before = row_counts(engine)
        again = save_document(engine, *parse_bytes(SAMPLE_TEXT.encode(), "renamed-copy.txt"))
        assert (again.created, again.document_id) == (False, first.document_id)
        assert row_counts(engine) == before

    def test_another_file_for_the_same_document_is_a_new_revision(self, engine, sample):
        save_document(engine, *sample)
        changed = parse_text(
            sample_with(
                ("预算数\t16.80\t其中：财政 资金\t16.80", "预算数\t18.80\t其中：财政 资金\t18.80")
            )
        )
        second = save_document(engine, *changed)
        assert (second.created, second.revision) == (True, 2)
        documents = list_documents(engine)
        assert [(d.revision, d.budget_fen) for d in documents] == [
            (1, 7157_01_0000),
            (2, 7159_01_0000),
        ]
        assert resolve_document(engine, "中共巨鹿县委组织部:2024") == second.document_id
        assert row_counts(engine)["department"] == 1

    def test_a_final_version_is_a_separate_document(self, engine, sample):
        save_document(engine, *sample)
        final = save_document(engine, *parse_text(sample_with(("(草案)\n", ""))))
        assert final.revision == 1
        with pytest.raises(StoreError, match="both a draft and a final") as caught:
            resolve_document(engine, "中共:2024")
        assert "中共巨鹿县委组织部:2024:draft" in caught.value.hint
        assert resolve_document(engine, "中共:2024:final") == final.document_id
        assert resolve_document(engine, "中共:2024:草案") != final.document_id


class TestListing:
    """store/listing.py: one select list for every list of documents, read with sqlite3 alone
    (`jixiao ls`) or through the engine (the TUI)."""

    def test_both_reads_give_the_same_documents_in_the_same_order(self, engine, sample):
        from jixiao.store.listing import LISTED, DocumentRow, document, read_listing

        save_document(engine, *sample)
        save_document(engine, *parse_text(sample_with(("(草案)\n", ""))))  # the final
        path = Path(engine.url.database)
        dicts = read_documents(path)
        assert [d["stage"] for d in dicts] == ["draft", "final"]
        assert [tuple(d.values()) for d in dicts] == [
            document(engine, d["id"])[: len(LISTED)] for d in dicts
        ]
        assert DocumentRow._fields[: len(LISTED)] == LISTED  # department_id is the last
        assert read_listing(path, ["stage", "budget_fen"]) == [
            ("draft", 7157_01_0000), ("final", 7157_01_0000)
        ]  # fmt: skip

    def test_a_missing_store_or_an_unknown_field(self, engine, tmp_path):
        from jixiao.store.listing import read_listing

        assert read_listing(tmp_path / "missing.db", ["id"]) is None
        with pytest.raises(KeyError):
            read_listing(Path(engine.url.database), ["id", "budget"])


class TestAllOrNothing:
    def test_a_failure_halfway_writes_nothing(self, engine, sample, monkeypatch):
        # The 101st indicator row breaks a NOT NULL constraint: the department, document,
        # units and projects are already inserted when it fails.
        build = rows_module.document_tables

        def rows_with_a_bad_indicator(*args: object, **kwargs: object):
            tables = build(*args, **kwargs)  # type: ignore[arg-type]
            columns, rows = tables["indicator"]
            rows[100][columns.index("level1")] = None
            return tables

        monkeypatch.setattr(rows_module, "document_tables", rows_with_a_bad_indicator)
        with pytest.raises(IntegrityError, match="NOT NULL"):
            save_document(engine, *sample)
        assert set(row_counts(engine).values()) == {0}


class TestNamingDocuments:
    @pytest.fixture
    def stored(self, engine, sample):
        save_document(engine, *sample)
        save_document(
            engine,
            *parse_text(sample_with(("中共巨鹿县委组织部\n2024", "中共巨鹿县委宣传部\n2024"))),
        )
        return engine

    def test_by_id_and_by_name(self, stored):
        assert resolve_document(stored, "1") == 1
        assert resolve_document(stored, "中共巨鹿县委组织部:2024:draft") == 1
        assert resolve_document(stored, "中共巨鹿县委宣:2024") == 2

    @pytest.mark.parametrize(
        ("reference", "message"),
        [
            ("9", "no document has id 9"),
            ("中共巨鹿县委:2024", "could mean 2 departments"),
            ("财政局:2024", "no department's name starts with '财政局'"),
            ("中共巨鹿县委组织部:2023", "has no document for 2023"),
            ("中共巨鹿县委组织部:2024:第二稿", "unknown stage"),
            ("组织部", "does not name a document"),
        ],
    )
    def test_errors_say_what_is_wrong(self, stored, reference, message):
        with pytest.raises(StoreError, match=message) as caught:
            resolve_document(stored, reference)
        assert caught.value.hint

    def test_prefix_with_like_wildcards_is_literal(self, stored):
        with pytest.raises(StoreError, match="no department"):
            resolve_document(stored, "%:2024")


class TestOpening:
    def test_wal_and_foreign_keys(self, engine):
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1

    def test_default_location(self, monkeypatch, tmp_path):
        monkeypatch.delenv("JIXIAO_DB", raising=False)
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
        assert default_path() == tmp_path / "data" / "jixiao" / "jixiao.db"
        monkeypatch.setenv("JIXIAO_DB", str(tmp_path / "elsewhere.db"))
        assert default_path() == tmp_path / "elsewhere.db"

    def test_an_sqlite_file_that_is_not_a_store(self, tmp_path):
        path = tmp_path / "other.db"
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE t (x)")
        with pytest.raises(StoreError, match="not a jixiao store"):
            open_store(path)

    def test_a_file_that_is_not_sqlite(self, tmp_path):
        path = tmp_path / "notes.db"
        path.write_text("just text, long enough to be read as a database header? no" * 20)
        with pytest.raises(StoreError, match="cannot open the store"):
            open_store(path)

    def test_a_store_from_a_newer_jixiao(self, tmp_path):
        path = tmp_path / "new.db"
        open_store(path).dispose()
        with sqlite3.connect(path) as connection:
            connection.execute("PRAGMA user_version = 99")
        with pytest.raises(StoreError, match="newer than this jixiao") as caught:
            open_store(path)
        assert "upgrade jixiao" in caught.value.hint

    def test_a_directory(self, tmp_path: Path):
        with pytest.raises(StoreError, match="is a directory"):
            open_store(tmp_path)


class TestExportContract:
    def test_json_keys(self, engine, sample):
        data = to_json(load_document(engine, save_document(engine, *sample).document_id))
        assert {"id", "department", "year", "stage", "title", "source"} <= set(data["document"])
        assert {"filename", "sha256", "format"} <= set(data["document"]["source"])
        assert set(data["goals"]) == {"overall", "sub", "measures"}
        assert set(data["goals"]["sub"][0]) == {"title", "goal", "indicators"}
        assert set(data["goals"]["measures"][0]) == {"title", "text"}
        unit = data["units"][0]
        assert {"code", "name", "projects"} <= set(unit)
        project = unit["projects"][0]
        assert {
            "ordinal", "code", "name", "money_unit", "budget", "fiscal_funds", "other_funds",
            "purpose", "spending_plan", "goals", "source_lines", "indicators",
        } <= set(project)  # fmt: skip
        assert project["budget"] == "16.80"
        assert project["other_funds"] is None
        assert project["spending_plan"] == {"3": None, "6": None, "10": None, "12": 100}
        assert project["source_lines"] == [125, 144]
        indicator = project["indicators"][4]
        assert {
            "level1", "level2", "level3", "description", "value", "basis", "target",
            "source_line",
        } <= set(indicator)  # fmt: skip
        assert indicator["target"] == {"op": "≥", "number": 95, "unit": "%"}
        assert indicator["source_line"] == 142
        budgets = [Decimal(p["budget"]) for u in data["units"] for p in u["projects"]]
        assert sum(budgets) == Decimal("7157.01")
