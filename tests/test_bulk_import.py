"""Importing many files: which files, workers, batches, failures skipped and listed, and an
interrupted import that leaves every document either fully in the store or not at all."""

from __future__ import annotations

import io
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from benchmarks.corpus import department_name, document_text, read_sample, write_corpus
from jixiao.importers import Overrides, parse_file
from jixiao.importers.sources import DUMP_SUFFIXES, find_sources
from jixiao.store import bulk_import
from jixiao.store.bulk_import import Interrupted, import_files
from jixiao.store.db import open_store
from jixiao.store.writer import WritingConnection, open_writer
from jixiao.tui.cli import main
from jixiao.tui.cli.progress import ProgressLine
from tests.conftest import ROOT, SAMPLE_TEXT


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, departments=4, years=2, first_year=2023)
    return folder


def consistent(db: Path) -> dict[int, tuple[int, int]]:
    """Each stored document's (projects, indicators), after checking that every one holds
    all the rows its own counts say it has: nothing half-written."""
    with sqlite3.connect(db) as connection:
        documents = connection.execute(
            "SELECT id, project_count, indicator_count, unit_count FROM document"
        ).fetchall()
        found = {}
        for document_id, projects, indicators, units in documents:
            counted = connection.execute(
                "SELECT (SELECT count(*) FROM project WHERE document_id = :d), "
                "(SELECT count(*) FROM indicator JOIN project ON project.id = project_id "
                "WHERE document_id = :d), (SELECT count(*) FROM unit WHERE document_id = :d), "
                "(SELECT count(*) FROM search_text WHERE document_id = :d), "
                "(SELECT count(*) FROM document_source WHERE document_id = :d)",
                {"d": document_id},
            ).fetchone()
            assert counted[:3] == (projects, indicators, units), f"document {document_id}"
            assert counted[3] > projects + indicators and counted[4] == 1
            found[document_id] = (projects, indicators)
        # The index (contentless: it cannot be counted) holds exactly the stored rows.
        indexed = connection.execute(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH '\"满意\"'"
        ).fetchone()
        rows = connection.execute(
            "SELECT count(*) FROM search_text WHERE text LIKE '%满意%'"
        ).fetchone()
        assert indexed == rows
    return found


class TestCorpus:
    def test_every_generated_dump_imports_cleanly_and_differs(self, corpus):
        files = sorted(corpus.rglob("*.txt"))
        assert len(files) == 8
        budgets, names = set(), set()
        for path in files:
            parsed, report = parse_file(path)
            assert report.unread == [] and report.warnings == [], path
            assert 20 <= len(parsed.projects) <= 35  # 28 or more, less the dropped
            budgets.add(sum(p.budget for p in parsed.projects))
            names.add(parsed.department)
        assert len(budgets) == 8 and len(names) == 4

    def test_the_same_arguments_give_the_same_bytes(self):
        sample = read_sample()
        assert document_text(sample, 7, 2024, 2022) == document_text(sample, 7, 2024, 2022)
        assert department_name(0) != department_name(1)

    def test_sample_sized_documents_keep_every_project(self):
        text = document_text(read_sample(), 3, 2025, 2022, min_projects=35)
        assert text.count("绩效目标表\n") == SAMPLE_TEXT.count("绩效目标表\n")


class TestFindingFiles:
    def test_folders_patterns_and_files(self, tmp_path):
        (tmp_path / "a" / "deep").mkdir(parents=True)
        (tmp_path / "a" / ".hidden").mkdir()
        for name in ("a/2.txt", "a/deep/1.TXT", "a/.hidden/3.txt", "a/notes.md", "b.dump"):
            (tmp_path / name).write_text("x")
        found = find_sources(
            [str(tmp_path / "a"), str(tmp_path / "b.dump"), str(tmp_path / "a/2.txt")]
        )
        assert [p.relative_to(tmp_path).as_posix() for p in found.files] == [
            "a/2.txt",
            "a/deep/1.TXT",
            "b.dump",  # named outright: read whatever its name
        ]
        pattern = find_sources([str(tmp_path / "a" / "**" / "*.TXT")])
        assert [p.name for p in pattern.files] == ["1.TXT"]
        assert found.problems == [] and pattern.problems == []

    def test_what_names_no_file_is_a_problem(self, tmp_path):
        (tmp_path / "empty").mkdir()
        found = find_sources([str(tmp_path / "empty"), str(tmp_path / "*.nothing")])
        assert [reason for _, reason in found.problems] == [
            f"a folder with no {', '.join(DUMP_SUFFIXES)} files in it",
            "a pattern that matches no file",
        ]


class TestBulkImport:
    def test_workers_import_everything_and_a_second_run_changes_nothing(
        self, corpus, tmp_path, capsys
    ):
        db = tmp_path / "bulk.db"
        assert main(["--db", str(db), "import", "--quiet", "--jobs", "2", str(corpus)]) == 0
        out = capsys.readouterr().out
        assert out.strip() == "8 files: 8 imported"
        stored = consistent(db)
        assert len(stored) == 8
        expected = {
            (len(parsed.projects), parsed.indicator_count)
            for parsed, _ in map(parse_file, sorted(corpus.rglob("*.txt")))
        }
        assert set(stored.values()) == expected
        assert main(["--db", str(db), "import", "--quiet", str(corpus)]) == 0
        assert capsys.readouterr().out.strip() == "8 files: 8 unchanged"

    def test_bad_files_are_skipped_and_listed_with_their_reasons(self, corpus, tmp_path, capsys):
        folder = tmp_path / "mixed"
        folder.mkdir()
        for path in sorted(corpus.rglob("*.txt"))[:4]:
            (folder / path.name).write_bytes(path.read_bytes())
        good = sorted(folder.iterdir())
        broken = good[1].read_text(encoding="utf-8").replace("单位：万元", "", 1)
        (folder / "01-broken.txt").write_text(broken, encoding="utf-8")
        (folder / "02-binary.txt").write_bytes(bytes(range(256)) * 4)
        db = tmp_path / "bulk.db"
        code = main(["--db", str(db), "import", "--quiet", "--jobs", "2", str(folder)])
        out, err = capsys.readouterr()
        assert code == 2
        assert "6 files: 4 imported, 2 failed" in out
        failures = out.split("failures:\n", 1)[1].splitlines()
        assert len(failures) == 2
        assert "01-broken.txt:" in failures[0] and "单位：万元" in failures[0]
        assert "02-binary.txt" in failures[1] and "binary" in failures[1]
        assert err.count("jixiao: error:") == 2  # each also reported as it happened
        assert len(consistent(db)) == 4

    def test_the_workers_start_before_the_store_opens(self, corpus, tmp_path):
        # They read the first files while this process opens the store (an older store's
        # upgrade loads SQLAlchemy and the migrations).
        db = tmp_path / "bulk.db"
        workers_at_opening = []

        def opener():
            workers_at_opening.extend(multiprocessing.active_children())
            return open_store(db)

        files = sorted(corpus.rglob("*.txt"))
        results = import_files(opener, files, overrides=Overrides(), jobs=2)
        assert len(workers_at_opening) == 2
        assert [r.status for r in results] == ["imported"] * len(files)
        assert len(consistent(db)) == len(files)

    @pytest.mark.parametrize("store", ["new", "current"])
    def test_the_writing_process_loads_no_reader_and_no_sqlalchemy(self, corpus, tmp_path, store):
        # Its workers parse: the readers would cost it ≈ 45 ms, SQLAlchemy ≈ 0.18 s of the
        # CPU they need at the start. It writes with sqlite3 alone (store/writer.py), into a
        # store it makes or one already there.
        db = tmp_path / "bulk.db"
        if store == "current":
            open_store(db).dispose()
        script = (
            "import sys; from jixiao.tui.cli import main; "
            f"code = main(['--db', {str(db)!r}, 'import', '--quiet', "
            f"'--jobs', '2', {str(corpus)!r}]); "
            "print(code, 'jixiao.importers.layouts' in sys.modules, 'sqlalchemy' in sys.modules)"
        )
        ran = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        assert ran.stdout.splitlines()[-1] == "0 False False"
        assert len(consistent(db)) == 8

    def test_workers_are_forked_only_from_a_single_thread(self):
        # A fork copies the locks other threads hold: with a thread running (the writer's
        # checkpoints, when a pool starts again after a worker died), they are spawned.
        script = (
            "import threading; from jixiao.store.bulk_import import _start_method; "
            "alone = _start_method(); "
            "threading.Thread(target=threading.Event().wait, daemon=True).start(); "
            "print(alone, _start_method())"
        )
        ran = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        expected = "fork spawn" if sys.platform == "linux" else "spawn spawn"
        assert ran.stdout.split() == expected.split()

    def test_spawned_workers_import_as_forked_ones_do(self, corpus, tmp_path):
        files = sorted(corpus.rglob("*.txt"))
        stop = threading.Event()
        waiting = threading.Thread(target=stop.wait, daemon=True)
        waiting.start()  # so the pool is spawned
        try:
            results = import_files(
                open_store(tmp_path / "spawned.db"), files, overrides=Overrides(), jobs=2
            )
        finally:
            stop.set()
        assert [r.status for r in results] == ["imported"] * len(files)
        assert consistent(tmp_path / "spawned.db") == consistent(self._forked(corpus, tmp_path))

    @staticmethod
    def _forked(corpus: Path, tmp_path: Path) -> Path:
        """The same files imported by the command line, a process of one thread."""
        db = tmp_path / "forked.db"
        subprocess.run(
            [sys.executable, "-m", "jixiao.tui.cli", "--db", str(db), "import", "--quiet",
             "--jobs", "2", str(corpus)],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
        return db

    def test_a_store_that_cannot_be_opened_ends_the_workers(self, corpus, tmp_path, capsys):
        missing = tmp_path / "no-such-folder" / "bulk.db"
        assert main(["--db", str(missing), "import", "--jobs", "2", str(corpus)]) == 2
        assert "no-such-folder" in capsys.readouterr().err
        assert multiprocessing.active_children() == []

    def test_a_document_the_store_refuses_fails_alone(self, corpus, tmp_path, monkeypatch):
        # The failure comes from the store, inside a batch of many documents: the batch is
        # rolled back and written again one document at a time.
        files = sorted(corpus.rglob("*.txt"))
        refused = parse_file(files[2])[0].source.sha256
        save = bulk_import.save_prepared

        def refuse_one(connection, prepared):
            if prepared.sha256 == refused:
                raise sqlite3.IntegrityError("NOT NULL constraint failed: indicator.level1")
            return save(connection, prepared)

        monkeypatch.setattr(bulk_import, "save_prepared", refuse_one)
        engine = open_store(tmp_path / "bulk.db")
        results = import_files(engine, files, overrides=Overrides(), jobs=1)
        assert [r.status for r in results] == ["imported"] * 2 + ["failed"] + ["imported"] * 5
        assert "NOT NULL constraint failed" in results[2].error
        assert len(consistent(tmp_path / "bulk.db")) == 7

    def test_an_interrupt_keeps_committed_batches_and_rolls_back_the_rest(
        self, corpus, tmp_path, monkeypatch
    ):
        files = sorted(corpus.rglob("*.txt"))
        monkeypatch.setattr(bulk_import, "BATCH_DOCUMENTS", 3)
        saved = []
        save = bulk_import.save_prepared

        def interrupt_at_the_fifth(connection, prepared):
            if len(saved) == 4:
                raise KeyboardInterrupt
            saved.append(prepared.sha256)
            return save(connection, prepared)

        monkeypatch.setattr(bulk_import, "save_prepared", interrupt_at_the_fifth)
        engine = open_store(tmp_path / "bulk.db")
        with pytest.raises(Interrupted) as stop:
            import_files(engine, files, overrides=Overrides(), jobs=1)
        statuses = [r.status for r in stop.value.results]
        # The first batch of three committed; the second (the fourth document, written, and
        # the fifth, being written) rolled back; the rest never reached.
        assert statuses == ["imported"] * 3 + ["interrupted"] * 2
        assert len(consistent(tmp_path / "bulk.db")) == 3

    def test_an_interrupt_landing_just_after_a_commit_reports_the_batch_as_in(
        self, corpus, tmp_path, monkeypatch
    ):
        # Python raises KeyboardInterrupt between two steps; a long COMMIT (a checkpoint)
        # makes "just after the commit" a likely moment. The batch is in the store then.
        engine = open_store(tmp_path / "bulk.db")
        monkeypatch.setattr(bulk_import, "BATCH_DOCUMENTS", 3)
        commit = WritingConnection.commit

        def commit_then_interrupt(self):
            commit(self)
            raise KeyboardInterrupt

        monkeypatch.setattr(WritingConnection, "commit", commit_then_interrupt)
        files = sorted(corpus.rglob("*.txt"))
        with pytest.raises(Interrupted) as stop:
            import_files(engine, files, overrides=Overrides(), jobs=1)
        assert [r.status for r in stop.value.results] == ["imported"] * 3
        assert all(r.document_id for r in stop.value.results)
        assert len(consistent(tmp_path / "bulk.db")) == 3

    def test_ctrl_c_on_a_real_import(self, tmp_path):
        folder = tmp_path / "many"
        write_corpus(folder, departments=100, years=3)
        db = tmp_path / "bulk.db"
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jixiao.tui.cli",
                "--db",
                str(db),
                "import",
                "--jobs",
                "2",
                str(folder),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            start_new_session=True,  # its own process group, as a terminal's job is
        )
        assert process.stdout is not None
        for line in process.stdout:  # wait for the first committed batch
            if line.startswith("imported "):
                break
        time.sleep(0.2)
        os.killpg(process.pid, signal.SIGINT)  # Ctrl+C reaches the workers too
        process.stdout.read()  # the rest, through the same text wrapper
        err = process.stderr.read()  # type: ignore[union-attr]
        process.wait(timeout=60)
        stored = consistent(db)
        if process.returncode == 0:  # finished before the signal arrived
            pytest.skip("the import finished before Ctrl+C: nothing to check")
        assert process.returncode == 130, err
        assert "interrupted:" in err and "Traceback" not in err
        assert 0 < len(stored) < 300
        assert main(["--db", str(db), "import", "--quiet", str(folder)]) == 0
        assert len(consistent(db)) == 300


class TestProgressLine:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def test_the_bar_stays_drawn_after_a_burst_of_results(self):
        # A batch's results arrive together: the bar must be on screen after them, with
        # their count (it was once rubbed out by each and drawn again only every tenth of a
        # second).
        terminal = self.Terminal()
        progress = ProgressLine(1000, stream=terminal)
        progress.advance()
        progress.advance(199)
        last = terminal.getvalue().rsplit("\r", 1)[1]
        assert "200/1,000 files" in last and last.endswith("\x1b[K")

    def test_the_line_fits_the_terminal(self, monkeypatch):
        monkeypatch.setattr(
            "shutil.get_terminal_size", lambda fallback=None: os.terminal_size((60, 24))
        )
        progress = ProgressLine(10_000, stream=self.Terminal())
        progress.advance(failed=1)
        assert len(progress.line()) <= 60 and "1 failed" in progress.line()

    def test_nothing_is_drawn_off_a_terminal(self):
        stream = io.StringIO()
        progress = ProgressLine(10, stream=stream)
        progress.advance()
        assert stream.getvalue() == ""


class TestCheckpoints:
    """store/checkpoints.py: the log is copied into the store beside the writing."""

    def test_what_is_committed_is_copied_into_the_store_by_the_thread(self, tmp_path):
        from jixiao.store.checkpoints import Checkpointer

        store = tmp_path / "s.db"
        writer = open_writer(store)
        connection = writer.connection
        connection.execute("PRAGMA wal_autocheckpoint=0")  # as a bulk import's writer
        checkpoints = Checkpointer(connection)
        try:
            writer.begin()
            names = [(f"部门{n}" * 20,) for n in range(5000)]
            connection.executemany("INSERT INTO department (name) VALUES (?)", names)
            writer.commit()
            in_the_log_only = store.stat().st_size
            checkpoints.request()
            deadline = time.monotonic() + 10
            while store.stat().st_size == in_the_log_only and time.monotonic() < deadline:
                time.sleep(0.01)
            copied = store.stat().st_size
        finally:
            checkpoints.close()
        writer.close()
        assert copied > in_the_log_only + 500_000  # the departments' pages, now in the store

    def test_a_connection_an_engine_lends_is_given_back_as_it_came(self, corpus, tmp_path):
        engine = open_store(tmp_path / "s.db")
        with engine.connect() as connection:
            before = [
                connection.exec_driver_sql(f"PRAGMA {name}").scalar_one()
                for name in ("wal_autocheckpoint", "cache_size")
            ]
        import_files(engine, sorted(corpus.rglob("*.txt")), overrides=Overrides(), jobs=1)
        with engine.connect() as connection:
            after = [
                connection.exec_driver_sql(f"PRAGMA {name}").scalar_one()
                for name in ("wal_autocheckpoint", "cache_size")
            ]
        assert after == before == [1000, -2000]
