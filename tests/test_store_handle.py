"""The store as the TUI holds it (store/handle.py): read with sqlite3 from any thread, SQLAlchemy
made at the first write; a store that must be made or upgraded is made or upgraded at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from jixiao.store import (
    StoreHandle,
    conclusion_of,
    document,
    open_handle,
    overview,
    project_detail,
    projects_of,
    set_mark,
)
from jixiao.store.version import SCHEMA_VERSION
from jixiao.tui.cli import main
from tests.conftest import ROOT, SAMPLE


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("handle") / "s.db"
    assert main(["--db", str(path), "import", str(SAMPLE)]) == 0
    return path


def run_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


class TestReading:
    def test_the_screens_reads_load_no_sqlalchemy(self, stored):
        code = f"""
import sys
from pathlib import Path
from jixiao.store import (open_handle, departments, documents_of, latest_document, overview,
                          project_detail, projects_of, source_text, review_progress)
store = open_handle(Path({str(stored)!r}))
doc = latest_document(store.reader)
assert departments(store.reader) and documents_of(store.reader, doc.department_id)
first = projects_of(store.reader, doc.id)[0]
assert project_detail(store.reader, first.id).indicators
assert overview(store.reader, doc.id).projects == 35
assert len(source_text(store.reader, doc.id)) == 865
assert sum(review_progress(store.reader, doc.id).values()) == 35
print("sqlalchemy" in sys.modules)
"""
        assert run_python(code).split() == ["False"]

    def test_each_thread_reads_on_its_own_connection(self, stored):
        store = open_handle(stored)
        # one sqlite3 connection used from a second thread would raise ProgrammingError
        found: list[object] = []
        worker = threading.Thread(target=lambda: found.append(document(store.reader, 1)))
        worker.start()
        worker.join()
        assert found[0] == document(store.reader, 1)
        assert found[0] is not None and found[0].projects == 35

    def test_the_reader_cannot_write(self, stored):
        store = open_handle(stored)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.reader.connection().execute("DELETE FROM review_mark")


class TestWriting:
    def test_the_engine_is_made_at_the_first_write_and_reads_see_it(self, stored):
        code = f"""
import sys
from pathlib import Path
from jixiao.store import open_handle, projects_of, project_detail, set_mark, clear_mark
store = open_handle(Path({str(stored)!r}))
project = projects_of(store.reader, 1)[0]
before = "sqlalchemy" in sys.modules
set_mark(store.engine, project.id, reviewer="li", state="question", note="为何")
mark = project_detail(store.reader, project.id).mark
clear_mark(store.engine, project.id)
print(before, "sqlalchemy" in sys.modules, mark.state, mark.note)
"""
        assert run_python(code).split() == ["False", "True", "question", "为何"]

    def test_a_handle_keeps_the_engine_it_was_given(self, stored, tmp_path):
        from jixiao.store import open_store

        engine = open_store(stored)
        assert StoreHandle(stored, engine).engine is engine


class TestOpening:
    def test_a_new_store_is_made_at_once(self, tmp_path):
        store = open_handle(tmp_path / "new.db")
        with sqlite3.connect(tmp_path / "new.db") as connection:
            assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert projects_of(store.reader, 1) == []

    def test_an_older_store_is_upgraded_at_once(self, tmp_path):
        from tests.test_migrations import store_from_snapshot

        path = tmp_path / "old.db"
        store_from_snapshot(path, 5)  # an empty store as the jixiao of schema 5 made it
        store = open_handle(path)
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert conclusion_of(store.reader, 1) is None  # a table of version 7

    def test_a_folder_or_a_file_that_is_not_a_store_is_refused(self, tmp_path):
        from jixiao.store import StoreError

        with pytest.raises(StoreError, match="is a directory"):
            open_handle(tmp_path)
        (tmp_path / "notes.txt").write_text("not a store\n" * 50)
        with pytest.raises(StoreError, match="not an SQLite store"):
            open_handle(tmp_path / "notes.txt")

    def test_the_tui_marks_through_a_handle_opened_without_the_engine(self, stored):
        store = open_handle(stored)
        project = projects_of(store.reader, 1)[1]
        set_mark(store.engine, project.id, reviewer="wang", state="reviewed")
        assert overview(store.reader, 1).progress["reviewed"] == 1
        assert project_detail(store.reader, project.id).mark.reviewer == "wang"


class TestWriterOpening:
    """store/writer.py: the store a bulk import writes, opened with sqlite3 alone."""

    def test_a_new_store_is_made_without_sqlalchemy(self, tmp_path):
        code = f"""
import sys
from jixiao.store import open_writer
writer = open_writer(__import__("pathlib").Path({str(tmp_path / "new.db")!r}))
print(writer.connection.execute("PRAGMA user_version").fetchone()[0],
      writer.connection.execute("PRAGMA journal_mode").fetchone()[0],
      writer.connection.execute("PRAGMA foreign_keys").fetchone()[0],
      "sqlalchemy" in sys.modules)
writer.close()
"""
        assert run_python(code).split() == [str(SCHEMA_VERSION), "wal", "1", "False"]

    def test_an_older_store_is_upgraded_first(self, tmp_path):
        from jixiao.store import open_writer
        from tests.test_migrations import store_from_snapshot

        path = tmp_path / "old.db"
        store_from_snapshot(path, 5)
        writer = open_writer(path)
        try:
            version = writer.connection.execute("PRAGMA user_version").fetchone()
            assert version == (SCHEMA_VERSION,)
        finally:
            writer.close()
        assert conclusion_of(open_handle(path).reader, 1) is None  # a table of version 7

    def test_a_newer_store_is_refused_and_an_import_into_it_says_why(self, tmp_path, capsys):
        from jixiao.store import StoreError, open_writer

        path = tmp_path / "newer.db"
        open_writer(path).close()
        with sqlite3.connect(path) as connection:
            connection.execute("PRAGMA user_version = 99")
        with pytest.raises(StoreError, match="newer than this jixiao"):
            open_writer(path)
        assert main(["--db", str(path), "--lang", "en", "import", str(SAMPLE)]) == 2
        assert "newer than this jixiao" in capsys.readouterr().err

    def test_a_file_that_is_not_a_store_is_refused(self, tmp_path):
        from jixiao.store import StoreError, open_writer

        (tmp_path / "notes.txt").write_text("not a store\n" * 50)
        with pytest.raises(StoreError, match="not an SQLite store"):
            open_writer(tmp_path / "notes.txt")
        other = tmp_path / "other.db"
        with sqlite3.connect(other) as connection:
            connection.execute("CREATE TABLE t (x)")
        with pytest.raises(StoreError, match="not a jixiao store"):
            open_writer(other)
