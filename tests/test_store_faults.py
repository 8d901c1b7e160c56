"""Shared stores and a broken environment: writers wait for each other (the CLI and the TUI),
faults of the disk or the store give exit 2 and a message naming the fix, `jixiao verify`
finds what is wrong, `jixiao backup` copies a store in use."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from jixiao.store import connection as store_connection
from jixiao.store.db import open_store
from jixiao.store.errors import store_fault
from jixiao.store.reviews import set_mark
from jixiao.store.save import save_document
from jixiao.tui.cli import main
from tests.conftest import ROOT, SAMPLE, SAMPLE_TEXT
from tests.tui_helpers import make_app, marks, press

JIXIAO = str(ROOT / ".venv" / "bin" / "jixiao")


def variants(folder: Path, count: int) -> list[Path]:
    """`count` copies of the sample, each its own department (named after the folder)."""
    folder.mkdir(exist_ok=True)
    files = []
    for number in range(count):
        path = folder / f"d{number}.txt"
        name = f"中共巨鹿县委组织部{folder.name}{number}"
        path.write_text(SAMPLE_TEXT.replace("中共巨鹿县委组织部", name))
        files.append(path)
    return files


def jixiao(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([JIXIAO, *args], capture_output=True, text=True, timeout=timeout,
                          check=False)  # fmt: skip


def documents(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT count(*) FROM document").fetchone()[0])


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    assert (
        jixiao("--db", str(path), "import", *map(str, variants(tmp_path / "in", 3))).returncode == 0
    )
    return path


class Holder:
    """Another process's writer: a connection that holds the write lock until released."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.connection.execute("BEGIN IMMEDIATE")

    def release_after(self, seconds: float) -> threading.Timer:
        timer = threading.Timer(seconds, self.connection.execute, ("ROLLBACK",))
        timer.start()
        return timer


class TestWritersWait:
    def test_an_import_waits_for_a_writer_holding_the_store_15_s(self, tmp_path, stored):
        """The one slow test of its kind: another process holds BEGIN IMMEDIATE for 15 s."""
        holder = subprocess.Popen(
            [sys.executable, "-c",
             "import sqlite3, sys, time\n"
             f"c = sqlite3.connect({str(stored)!r}, isolation_level=None)\n"
             "c.execute('BEGIN IMMEDIATE')\n"
             "print('holding', flush=True)\n"
             "time.sleep(15)\n"
             "c.execute('ROLLBACK')\n"],
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        started = time.monotonic()
        done = jixiao("--db", str(stored), "import", "--quiet",
                      *map(str, variants(tmp_path / "more", 4)))  # fmt: skip
        waited = time.monotonic() - started
        holder.wait(timeout=30)
        assert done.returncode == 0, done.stderr
        assert waited > 10
        assert done.stderr.count("is busy (another jixiao is writing); waiting") == 1
        assert "4 imported" in done.stdout
        assert documents(stored) == 7

    def test_a_write_waits_and_says_so_once(self, engine, monkeypatch, sample):
        save_document(engine, *sample)
        monkeypatch.setattr(store_connection, "NOTICE_AFTER", 0.2)
        told = []
        store_connection.when_busy(engine, lambda: told.append(1))
        path = Path(engine.url.database or "")
        Holder(path).release_after(0.8)
        set_mark(engine, 1, reviewer="li", state="reviewed")
        assert told == [1]
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT state FROM review_mark").all() == [
                ("reviewed",)
            ]

    def test_no_word_when_the_store_is_free_or_soon_free(self, engine, sample):
        told = []
        store_connection.when_busy(engine, lambda: told.append(1))
        save_document(engine, *sample)
        Holder(Path(engine.url.database or "")).release_after(0.3)
        set_mark(engine, 1, reviewer="li", state="question")
        assert told == []

    def test_ctrl_c_while_waiting_leaves_nothing_begun(self, engine, monkeypatch, sample):
        save_document(engine, *sample)
        monkeypatch.setattr(store_connection, "NOTICE_AFTER", 0.1)

        def interrupt() -> None:
            raise KeyboardInterrupt

        store_connection.when_busy(engine, interrupt)
        holder = Holder(Path(engine.url.database or ""))
        with pytest.raises(KeyboardInterrupt):
            set_mark(engine, 1, reviewer="li", state="problem")
        holder.connection.execute("ROLLBACK")
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM review_mark").scalar() == 0

    async def test_a_tui_mark_waits_on_its_thread_and_is_saved(self, tmp_path, sample,
                                                                monkeypatch):  # fmt: skip
        path = tmp_path / "review.db"
        save_document(open_store(path), *sample)
        monkeypatch.setattr(store_connection, "NOTICE_AFTER", 0.2)
        app = make_app(path, reviewer="li")
        async with app.run_test(size=(80, 24)) as pilot:
            await press(pilot, "j", "j")  # the unit, then project 1
            await pilot.app.workers.wait_for_complete()
            holder = Holder(path)
            started = time.monotonic()
            await press(pilot, "r")
            assert time.monotonic() - started < 2  # the screen did not wait for the store
            assert marks(app.store.engine) == []
            for _ in range(40):
                await pilot.pause(0.05)
                if any("busy" in n.message for n in app._notifications):
                    break
            assert any("store is busy" in n.message for n in app._notifications)
            holder.connection.execute("ROLLBACK")
            for _ in range(40):
                await pilot.pause(0.05)
                if marks(app.store.engine):
                    break
            assert marks(app.store.engine) == [(1, None, "reviewed", "", "li")]


class TestEnvironmentFaults:
    def test_a_folder_as_the_store(self, tmp_path, capsys):
        assert main(["--db", str(tmp_path), "ls"]) == 2
        assert "is a directory, not a store file" in capsys.readouterr().err

    def test_a_store_in_a_missing_folder(self, tmp_path, capsys):
        assert main(["--db", str(tmp_path / "typo" / "s.db"), "ls"]) == 2
        err = capsys.readouterr().err
        assert "does not exist" in err and "mkdir -p" in err
        assert not (tmp_path / "typo").exists()

    def test_a_new_store_in_an_existing_folder_is_made(self, tmp_path):
        assert main(["--db", str(tmp_path / "new.db"), "ls"]) == 0

    def test_a_file_that_is_not_a_store(self, tmp_path, capsys):
        other = tmp_path / "notes.txt"
        other.write_text("not a database\n" * 100)
        assert main(["--db", str(other), "ls"]) == 2
        assert "it is not an SQLite store" in capsys.readouterr().err
        assert other.read_text().startswith("not a database")

    def test_a_read_only_store(self, tmp_path, stored):
        with read_only(stored) as path:
            for command in (["ls"], ["import", str(SAMPLE)], ["tui"]):
                done = jixiao("--db", str(path), *command)
                assert done.returncode == 2, done.stderr
                assert "is read-only" in done.stderr and "permissions" in done.stderr
                assert "Traceback" not in done.stderr
            assert jixiao("--db", str(path), "verify", "--quick").returncode == 0

    def test_a_full_disk(self, tmp_path):
        if os.geteuid() != 0:
            pytest.skip("a small tmpfs needs root")
        disk = tmp_path / "disk"
        disk.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)],
                          check=False).returncode:  # fmt: skip
            pytest.skip("cannot mount a tmpfs here")
        try:
            store = disk / "s.db"
            done = jixiao("--db", str(store), "import", *map(str, variants(tmp_path / "in", 6)))
            assert done.returncode == 2
            assert "is full" in done.stderr and "free some space" in done.stderr
            assert "Traceback" not in done.stderr and "internal error" not in done.stderr
            assert jixiao("--db", str(store), "verify").returncode == 0  # nothing half-written
        finally:
            subprocess.run(["umount", str(disk)], check=False)

    def test_sqlite_errors_are_named(self, tmp_path):
        connection = sqlite3.connect(tmp_path / "small.db")
        connection.execute("CREATE TABLE t (x)")
        connection.execute("PRAGMA max_page_count=2")
        with pytest.raises(sqlite3.Error) as full:
            connection.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,)] * 100)
        assert store_fault(full.value, "S").kind == "full"  # type: ignore[union-attr]
        assert store_fault(ValueError("x"), "S") is None
        assert store_fault(OSError(28, "No space", "/elsewhere/out.csv"), "S") is None

    def test_a_damaged_store_is_refused_by_import_and_named_by_readers(self, tmp_path, stored):
        damage(stored)
        done = jixiao("--db", str(stored), "import", str(SAMPLE))
        assert done.returncode == 2
        assert "is damaged" in done.stderr and "nothing was imported" in done.stderr
        assert "jixiao verify" in done.stderr and "jixiao backup" in done.stderr
        named = 0
        for document in ("1", "2", "3"):
            done = jixiao("--db", str(stored), "export", document)
            assert done.returncode in (0, 2), done.stderr
            assert "internal error" not in done.stderr and "Traceback" not in done.stderr
            if done.returncode == 2:
                assert "is damaged (database disk image is malformed)" in done.stderr
                assert "jixiao verify" in done.stderr
                named += 1
        assert named
        assert jixiao("--db", str(stored), "verify", "--quick").returncode == 2


def damage(path: Path) -> None:
    """Random bytes over the middle third of the file."""
    size = path.stat().st_size
    with path.open("r+b") as file:
        file.seek(size // 3)
        file.write(random.Random(14).randbytes(size // 3))


class read_only:
    """The store on read-only media (root ignores file modes: a tmpfs remounted read-only),
    or a read-only file in a read-only folder when not root."""

    def __init__(self, store: Path) -> None:
        self.store = store
        self.mount: Path | None = None

    def __enter__(self) -> Path:
        if os.geteuid() != 0:
            self.store.chmod(0o444)
            self.store.parent.chmod(0o555)
            return self.store
        self.mount = self.store.parent / "ro"
        self.mount.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(self.mount)],
                          check=False).returncode:  # fmt: skip
            pytest.skip("cannot mount a tmpfs here")
        copy = self.mount / self.store.name
        copy.write_bytes(self.store.read_bytes())
        subprocess.run(["mount", "-o", "remount,ro", str(self.mount)], check=True)
        return copy

    def __exit__(self, *_: object) -> None:
        if self.mount is not None:
            subprocess.run(["umount", str(self.mount)], check=False)
        else:
            self.store.parent.chmod(0o755)
            self.store.chmod(0o644)


class TestVerify:
    def test_a_sound_store(self, stored, capsys):
        assert main(["--db", str(stored), "verify"]) == 0
        out = capsys.readouterr().out
        assert "sqlite integrity_check  ok" in out and "3 documents" in out
        assert "is sound" in out and "PROBLEM" not in out

    def test_wrong_counts_are_named(self, stored, capsys):
        with sqlite3.connect(stored) as connection:
            connection.execute("UPDATE document SET project_count = 99 WHERE id = 2")
        assert main(["--db", str(stored), "verify", "--quick", "--format", "json"]) == 2
        report = json.loads(capsys.readouterr().out)
        counts = next(c for c in report["checks"] if c["check"] == "document counts")
        assert counts["problems"] == [
            "document 2 (中共巨鹿县委组织部in1 2024 draft r1): projects 99 stored, 35 in its rows"
        ]
        assert not report["ok"]

    def test_a_text_the_index_does_not_hold_is_named(self, stored, capsys):
        with sqlite3.connect(stored) as connection:
            connection.execute("UPDATE search_text SET text = '另一段文字' WHERE id = 7")
        assert main(["--db", str(stored), "verify"]) == 2
        out = capsys.readouterr().out
        assert any(line.startswith("search index contents") and "PROBLEM" in line
                   for line in out.splitlines())  # fmt: skip
        assert "search text 7: the index holds " in out
        assert "lacks 5 its text makes (一段 另一 字 文字 段文)" in out

    def test_an_index_row_without_text_is_named(self, stored, capsys):
        with sqlite3.connect(stored) as connection:
            connection.execute("INSERT INTO search_fts (rowid, tokens) VALUES (999999, '鬼影')")
        assert main(["--db", str(stored), "verify"]) == 2
        assert "index row 999999 has no search text" in capsys.readouterr().out

    def test_a_damaged_source_text_is_named(self, stored, capsys):
        with sqlite3.connect(stored) as connection:
            blob = connection.execute(
                "SELECT text_zlib FROM document_source WHERE document_id = 3"
            ).fetchone()[0]
            broken = blob[:100] + bytes(b ^ 0xFF for b in blob[100:110]) + blob[110:]
            connection.execute(
                "UPDATE document_source SET text_zlib = ? WHERE document_id = 3", (broken,)
            )
        assert main(["--db", str(stored), "verify", "--quick"]) == 0  # quick skips the texts
        capsys.readouterr()
        assert main(["--db", str(stored), "verify"]) == 2
        assert "document 3's source text is damaged" in capsys.readouterr().out

    def test_damaged_pages_are_named(self, stored, capsys):
        damage(stored)
        assert main(["--db", str(stored), "verify", "--quick"]) == 2
        out = capsys.readouterr().out
        assert any(line.startswith("sqlite quick_check") and "PROBLEM" in line
                   for line in out.splitlines())  # fmt: skip

    def test_no_store(self, tmp_path, capsys):
        assert main(["--db", str(tmp_path / "none.db"), "verify"]) == 2
        assert "there is no store at" in capsys.readouterr().err
        assert not (tmp_path / "none.db").exists()


class TestBackup:
    def test_a_backup_while_another_process_writes(self, tmp_path, stored):
        importing = subprocess.Popen(
            [JIXIAO, "--db", str(stored), "import", "--quiet", "--jobs", "2",
             *map(str, variants(tmp_path / "more", 40))],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        copies = []
        try:
            while importing.poll() is None and len(copies) < 20:
                copy = tmp_path / f"copy{len(copies)}.db"
                done = jixiao("--db", str(stored), "backup", "--json", str(copy))
                assert done.returncode == 0, done.stderr
                copies.append((copy, json.loads(done.stdout)))
        finally:
            _, err = importing.communicate(timeout=120)
        assert importing.returncode == 0, err
        assert copies
        for copy, report in copies:
            assert report["documents"] == documents(copy)
            assert 3 <= report["documents"] <= 43
            assert report["bytes"] == copy.stat().st_size
            assert jixiao("--db", str(copy), "verify").returncode == 0
        assert not list(tmp_path.glob(".*.partial"))

    def test_refuses_to_overwrite_without_force(self, tmp_path, stored, capsys):
        copy = tmp_path / "copy.db"
        copy.write_text("keep me")
        assert main(["--db", str(stored), "backup", str(copy)]) == 2
        err = capsys.readouterr().err
        assert "already exists" in err and "--force" in err
        assert copy.read_text() == "keep me"
        assert main(["--db", str(stored), "backup", "--force", str(copy)]) == 0
        assert "3 documents" in capsys.readouterr().out
        assert documents(copy) == 3

    def test_bad_destinations(self, tmp_path, stored, capsys):
        assert main(["--db", str(stored), "backup", str(tmp_path)]) == 2
        assert "is a folder" in capsys.readouterr().err
        assert main(["--db", str(stored), "backup", str(tmp_path / "no" / "c.db")]) == 2
        assert "does not exist" in capsys.readouterr().err
        assert main(["--db", str(stored), "backup", str(stored)]) == 2
        assert "is the store itself" in capsys.readouterr().err
        assert main(["--db", str(tmp_path / "none.db"), "backup", str(tmp_path / "c.db")]) == 2
        assert "there is no store" in capsys.readouterr().err


@pytest.fixture(autouse=True)
def _no_notices_left() -> Iterator[None]:
    yield
    store_connection._notices.clear()
