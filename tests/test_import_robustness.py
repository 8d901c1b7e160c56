"""An import never loses good files and never stores something silently wrong: one bad file
(an amount the store cannot hold, an exception nobody foresaw, a worker that dies) fails
alone; a repeated project table is refused; byte order marks and encodings are read per
file; workers end with their parent; huge files are refused early and long reports are cut
short on the terminal."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from decimal import Decimal
from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus
from jixiao import importers
from jixiao.importers import ImportFault, Overrides, parse_bytes
from jixiao.importers import decode as decode_module
from jixiao.importers.money import MAX_FEN, parse_amount, to_fen
from jixiao.store import bulk_import, bulk_worker
from jixiao.store.bulk_import import import_files
from jixiao.store.db import open_store
from jixiao.tui.cli import main
from tests.conftest import ROOT, SAMPLE_LINES, SAMPLE_TEXT, parse_text, sample_with
from tests.test_bulk_import import consistent

BUDGET_CELL = "预算数\t16.80"
"""The first project's budget in the sample, on line 132."""
BUDGET_LINE = 132
BOM = b"\xef\xbb\xbf"


def with_budget(written: str) -> str:
    return sample_with((BUDGET_CELL, f"预算数\t{written}"))


def crash_on_dies(paths: list[Path], overrides: Overrides, layout: str | None) -> bytes:
    """parse_chunk, except that the worker process dies on a file named dies.txt (as one
    killed for its memory, or crashed in a C library, would)."""
    if any(path.name == "dies.txt" for path in paths):
        os._exit(9)
    return bulk_worker.parse_chunk(paths, overrides, layout)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, departments=4, years=2, first_year=2023)
    return folder


def stored_documents(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute("SELECT count(*) FROM document").fetchone()[0])


class TestAmounts:
    @pytest.mark.parametrize(
        ("written", "amount"),
        [
            ("16.80", "16.80"),
            ("1,000.00", "1000.00"),
            ("12,345,678", "12345678"),
            ("９９", "99"),
            ("１，２３４．５０", "1234.50"),
            ("-3", "-3"),
            (" 16 .80 ", "16.80"),  # a wrapped cell
        ],
    )
    def test_read_exactly(self, written, amount):
        assert parse_amount(written) == Decimal(amount)
        assert str(parse_amount(written)) == amount

    @pytest.mark.parametrize(
        "written",
        ["1e30", "1e309", "1E5", "NaN", "Infinity", "-inf", "1,00", "1,0000.00", "12.3.4",
         ",100", "٩٩", "१२", "16.80元", "0x10"],
    )  # fmt: skip
    def test_refused(self, written):
        with pytest.raises(ValueError, match="is not an amount"):
            parse_amount(written)

    def test_the_bound_keeps_every_sum_in_sqlites_integers(self):
        assert to_fen(Decimal("1000000000000"), "元") == MAX_FEN  # 1 万亿元 is read
        assert to_fen(Decimal("100000000"), "万元") == MAX_FEN
        assert to_fen(Decimal("-1000000000000"), "元") == -MAX_FEN
        assert MAX_FEN * 92_000 < 2**63 - 1
        for too_large, unit in [
            ("1000000000000.01", "元"),
            ("100000000.01", "万元"),
            ("12345678901234567890123456", "万元"),
            ("1E+309", "元"),
        ]:
            with pytest.raises(ValueError, match="more than the store holds"):
                to_fen(Decimal(too_large), unit)
        with pytest.raises(ValueError, match="not a whole number"):
            to_fen(Decimal("1E-309"), "元")
        with pytest.raises(ValueError, match="not an amount"):
            to_fen(Decimal("NaN"), "元")

    @pytest.mark.parametrize(
        ("written", "expected"),
        [
            ("1e30", "'1e30' is not an amount"),
            ("1e309", "'1e309' is not an amount"),
            ("12345678901234567890123456", "more than the store holds"),
            ("NaN", "'NaN' is not an amount"),
            ("Infinity", "'Infinity' is not an amount"),
            ("1,00", "commas only between thousands"),
        ],
    )
    def test_a_document_with_an_odd_budget_names_the_line(self, written, expected):
        with pytest.raises(ImportFault) as fault:
            parse_text(with_budget(written))
        assert fault.value.line == BUDGET_LINE
        assert expected in fault.value.message and fault.value.message.startswith("预算数")

    def test_too_large_other_funds_name_their_cell(self):
        text = sample_with(("其他资金\t", "其他资金\t99999999999"))
        with pytest.raises(ImportFault, match="其他资金 99999999999 万元 is more than"):
            parse_text(text)

    @pytest.mark.parametrize(
        ("written", "fen"), [("９９", 990_000_00), ("1,000.00", 10_000_000_00)]
    )
    def test_full_width_digits_and_thousands_are_stored_exactly(self, tmp_path, written, fen):
        file = tmp_path / "odd.txt"
        file.write_text(with_budget(written), encoding="utf-8")
        db = tmp_path / "odd.db"
        assert main(["--db", str(db), "import", "--quiet", str(file)]) == 0
        with sqlite3.connect(db) as connection:
            (budget,) = connection.execute(
                "SELECT budget_fen FROM project WHERE first_line = 125"
            ).fetchone()
        assert budget == fen


def disk_full_at_the_third_document(
    monkeypatch: pytest.MonkeyPatch, *, rolled_back: bool = False
) -> None:
    """The store's disk fills up as the third document is written; `rolled_back`: SQLite
    rolls the transaction back itself, as it may on a full disk."""
    save = bulk_import.save_prepared
    written: list[str] = []

    def full_at_the_third(connection, prepared):
        if len(written) == 2:
            if rolled_back:
                connection.execute("ROLLBACK")
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = sqlite3.SQLITE_FULL
            raise error
        written.append(prepared.sha256)
        return save(connection, prepared)

    monkeypatch.setattr(bulk_import, "save_prepared", full_at_the_third)


class TestOneBadFileNeverEndsTheRun:
    def test_a_poisoned_folder_stores_every_good_file(self, corpus, tmp_path, capsys):
        folder = tmp_path / "poisoned"
        folder.mkdir()
        good = sorted(corpus.rglob("*.txt"))
        for path in good:
            (folder / f"{path.parent.name}-{path.name}").write_bytes(path.read_bytes())
        odd = ["1e30", "1e309", "12345678901234567890123456", "NaN", "Infinity"]
        for number, written in enumerate(odd):
            (folder / f"bad-{number}.txt").write_text(with_budget(written), encoding="utf-8")
        (folder / "bad-binary.txt").write_bytes(bytes(range(256)) * 4)
        db = tmp_path / "poisoned.db"
        code = main(["--db", str(db), "import", "--quiet", "--jobs", "2", str(folder)])
        out, err = capsys.readouterr()
        assert code == 2
        assert f"{len(good) + 6} files: {len(good)} imported, 6 failed" in out
        failures = out.split("failures:\n", 1)[1].splitlines()
        assert len(failures) == 6
        for number in range(len(odd)):
            assert any(f"bad-{number}.txt:{BUDGET_LINE}: 预算数" in line for line in failures)
        assert "internal error" not in out + err and "Traceback" not in err
        assert len(consistent(db)) == len(good)

    def test_an_unexpected_exception_in_reading_fails_that_file_alone(
        self, corpus, tmp_path, monkeypatch
    ):
        files = sorted(corpus.rglob("*.txt"))
        parse = importers.parse_file

        def fail_on_the_third(path, *args):
            if path == files[2]:
                raise ZeroDivisionError("division by zero")
            return parse(path, *args)

        monkeypatch.setattr(importers, "parse_file", fail_on_the_third)
        monkeypatch.delenv("JIXIAO_DEBUG", raising=False)
        results = import_files(open_store(tmp_path / "s.db"), files, overrides=Overrides(), jobs=1)
        # A failure is told at once; the imported files with their batch's commit.
        results.sort(key=lambda result: files.index(Path(result.file)))
        assert [r.status for r in results] == ["imported"] * 2 + ["failed"] + ["imported"] * 5
        assert "internal error: ZeroDivisionError" in results[2].error
        assert "this is a bug" in results[2].error
        assert len(consistent(tmp_path / "s.db")) == 7

    def test_a_document_half_written_when_the_writer_fails_is_rolled_back(
        self, corpus, tmp_path, monkeypatch
    ):
        # The failure strikes after some of the document's rows went in, inside a batch
        # of several documents: only that document is missing afterwards, and nothing of it.
        files = sorted(corpus.rglob("*.txt"))
        refused = parse_bytes(files[3].read_bytes(), str(files[3]))[0].source.sha256
        save = bulk_import.save_prepared

        def half_then_overflow(connection, prepared):
            if prepared.sha256 == refused:
                prepared.tables = dict(list(prepared.tables.items())[:4])
                save(connection, prepared)
                raise OverflowError("Python int too large to convert to SQLite INTEGER")
            return save(connection, prepared)

        monkeypatch.setattr(bulk_import, "save_prepared", half_then_overflow)
        monkeypatch.delenv("JIXIAO_DEBUG", raising=False)
        db = tmp_path / "s.db"
        results = import_files(open_store(db), files, overrides=Overrides(), jobs=1)
        results.sort(key=lambda result: files.index(Path(result.file)))
        assert [r.status for r in results] == ["imported"] * 3 + ["failed"] + ["imported"] * 4
        assert "internal error: OverflowError" in results[3].error
        assert "this is a bug" in results[3].error
        assert len(consistent(db)) == 7
        with sqlite3.connect(db) as connection:
            assert not connection.execute(
                "SELECT 1 FROM document WHERE source_sha256 = ?", (refused,)
            ).fetchall()
            assert connection.execute("SELECT count(*) FROM document_source").fetchone() == (7,)

    def test_a_fault_of_the_store_ends_the_run_with_nothing_half_written(
        self, corpus, tmp_path, monkeypatch
    ):
        # A full disk is no document's fault: failing each document in turn would only say
        # the same thing thousands of times.
        files = sorted(corpus.rglob("*.txt"))
        disk_full_at_the_third_document(monkeypatch)
        db = tmp_path / "s.db"
        with pytest.raises(sqlite3.OperationalError, match="full"):
            import_files(open_store(db), files, overrides=Overrides(), jobs=1)
        assert consistent(db) == {}  # the open batch rolled back

    def test_the_command_says_what_is_in_before_the_fault_of_the_store(
        self, corpus, tmp_path, monkeypatch, capsys
    ):
        disk_full_at_the_third_document(monkeypatch)
        monkeypatch.setattr(bulk_import, "BATCH_DOCUMENTS", 2)
        db = tmp_path / "s.db"
        code = main(["--db", str(db), "import", "--quiet", "--jobs", "1", str(corpus)])
        err = capsys.readouterr().err
        assert code == 2
        assert "8 files: 2 imported" in err
        assert "stopped by the fault of the store below: 6 files are not in the store" in err
        assert "full" in err.rsplit("stopped by", 1)[1] and "internal error" not in err
        assert len(consistent(db)) == 2

    def test_a_worker_that_dies_costs_only_its_file(self, corpus, tmp_path, monkeypatch):
        files = sorted(corpus.rglob("*.txt"))
        dies = tmp_path / "dies.txt"
        dies.write_text(SAMPLE_TEXT, encoding="utf-8")
        order = [*files[:5], dies, *files[5:]]
        monkeypatch.setattr(bulk_import, "parse_chunk", crash_on_dies)
        monkeypatch.setattr(bulk_import, "CHUNK_FILES", 2)
        db = tmp_path / "s.db"
        results = import_files(open_store(db), order, overrides=Overrides(), jobs=2)
        results.sort(key=lambda result: order.index(Path(result.file)))
        assert [Path(r.file) for r in results] == order
        assert [r.status for r in results] == ["imported"] * 5 + ["failed"] + ["imported"] * 3
        assert "the process reading this file died" in results[5].error
        assert len(consistent(db)) == 8

    def test_a_worker_killed_while_sending_its_answer_neither_hangs_nor_costs_more(
        self, corpus, tmp_path
    ):
        # Killed halfway through writing an answer to the pipe, a worker leaves the pool
        # reading the rest for ever (and the process unable to exit): seen when a worker was
        # killed. The import must end, the dead worker's file alone failed. Run in a process
        # of its own, so that a hang fails the test rather than the suite.
        files = sorted(corpus.rglob("*.txt"))
        dies = tmp_path / "dies.txt"
        dies.write_text(SAMPLE_TEXT, encoding="utf-8")
        order = [*files[:5], dies, *files[5:]]
        script = f"""
import os, signal, struct, sys
from pathlib import Path
from jixiao.importers import Overrides
from jixiao.store import bulk_import, bulk_worker
from jixiao.store.db import open_store

def dies_sending(paths, overrides, layout):
    if any(path.name == "dies.txt" for path in paths):
        frame = sys._getframe(1)  # up to concurrent.futures' worker loop and its queue
        while "result_queue" not in frame.f_locals:
            frame = frame.f_back
        pipe = frame.f_locals["result_queue"]._writer
        pipe._send(struct.pack("!i", 100_000) + b"x" * 100)  # half an answer
        os.kill(os.getpid(), signal.SIGKILL)
    return bulk_worker.parse_chunk(paths, overrides, layout)

if __name__ == "__main__":
    bulk_import.parse_chunk = dies_sending
    bulk_import.CHUNK_FILES = 2
    order = [Path(p) for p in {[str(path) for path in order]!r}]
    results = bulk_import.import_files(
        open_store(Path({str(tmp_path / "s.db")!r})), order, overrides=Overrides(), jobs=2
    )
    results.sort(key=lambda result: order.index(Path(result.file)))
    print(" ".join(result.status for result in results))
"""
        (tmp_path / "run.py").write_text(script, encoding="utf-8")
        ran = subprocess.run(
            [sys.executable, str(tmp_path / "run.py")],
            capture_output=True, text=True, timeout=90, cwd=ROOT, check=False,
        )  # fmt: skip
        assert ran.returncode == 0, ran.stderr[-2000:]
        assert ran.stdout.split() == ["imported"] * 5 + ["failed"] + ["imported"] * 3
        assert len(consistent(tmp_path / "s.db")) == 8

    def test_a_pool_found_broken_when_handing_out_loses_no_file(
        self, corpus, tmp_path, monkeypatch
    ):
        # The pool can break between two chunks: the answers in hand stand, the chunks it
        # held (and the one being handed out) go to a new pool, none lost, none twice.
        files = sorted(corpus.rglob("*.txt"))
        submit = ProcessPoolExecutor.submit
        handed: list[int] = []

        def broken_at_the_seventh(pool, *args, **kwargs):
            handed.append(1)
            if len(handed) == 7:
                raise BrokenProcessPool("A child process terminated abruptly")
            return submit(pool, *args, **kwargs)

        monkeypatch.setattr(ProcessPoolExecutor, "submit", broken_at_the_seventh)
        monkeypatch.setattr(bulk_import, "CHUNK_FILES", 1)
        db = tmp_path / "s.db"
        results = import_files(open_store(db), files, overrides=Overrides(), jobs=2)
        assert len(handed) > 7  # the new pool took the rest
        assert [Path(r.file) for r in results] == files
        assert [r.status for r in results] == ["imported"] * len(files)
        assert len(consistent(db)) == len(files)

    def test_a_batch_sqlite_rolled_back_itself_is_not_reported_in(
        self, corpus, tmp_path, monkeypatch
    ):
        # On a full disk SQLite may roll the transaction back by itself: the documents
        # written before in that batch are not in the store, and must not be said to be.
        files = sorted(corpus.rglob("*.txt"))
        disk_full_at_the_third_document(monkeypatch, rolled_back=True)
        db = tmp_path / "s.db"
        told: list[bulk_import.FileResult] = []
        with pytest.raises(sqlite3.OperationalError):
            import_files(open_store(db), files, overrides=Overrides(), jobs=1,
                         on_results=told.extend)  # fmt: skip
        assert stored_documents(db) == 0
        assert [r.status for r in told] == ["interrupted"] * 3
        assert all(r.document_id is None for r in told)

    def test_a_year_that_is_no_year_is_a_usage_error(self, tmp_path, capsys):
        file = tmp_path / "a.txt"
        file.write_text(SAMPLE_TEXT, encoding="utf-8")
        db = tmp_path / "s.db"
        code = main(["--db", str(db), "import", "--year", "99999999999999999999", str(file)])
        assert code == 2 and "is not a year" in capsys.readouterr().err


def repeated_table(title: str | None = None, code: str | None = None) -> tuple[str, int]:
    """The sample with table 2 (lines 146-166) copied to the end, its title and code
    changed as given; and the line number of the copy's title."""
    block = SAMPLE_LINES[145:166]
    assert block[0].startswith("2. “名校英才入冀”")
    if title is not None:
        block = [title, *block[1:]]
    if code is not None:
        block = [line.replace("13052924P0058401197 7A", code) for line in block]
    lines = SAMPLE_TEXT.rstrip("\n").split("\n")
    return "\n".join([*lines, "", *block]) + "\n", len(lines) + 2


class TestDuplicateTables:
    def test_the_same_table_twice_is_refused_naming_both_lines(self):
        text, copy_line = repeated_table()
        with pytest.raises(ImportFault) as fault:
            parse_text(text)
        assert fault.value.line == copy_line
        message = fault.value.message
        assert "same number and title as table 2" in message and "on line 146" in message
        assert "delete the repeated table" in message

    def test_the_same_code_under_another_title_is_refused(self):
        text, copy_line = repeated_table(title="36.另一个项目绩效目标表")
        with pytest.raises(ImportFault) as fault:
            parse_text(text)
        assert fault.value.line == copy_line
        assert "same 项目编码 13052924P00584011977A as table 2" in fault.value.message
        assert "on line 146" in fault.value.message

    def test_a_new_title_and_code_is_another_project(self):
        text, copy_line = repeated_table(title="36.另一个项目绩效目标表", code="13052924P9999999")
        parsed, _ = parse_text(text)
        assert len(parsed.projects) == 36
        assert [p.first_line for p in parsed.projects if p.ordinal == 36] == [copy_line]

    def test_placeholder_codes_are_no_identity(self):
        text = sample_with(("13052924P0058401208 62", "无"), ("13052924P0058401197 7A", "无"))
        parsed, _ = parse_text(text)
        assert [p.code for p in parsed.projects[:2]] == ["无", "无"]
        assert len(parsed.projects) == 35


class TestByteOrderMarksAndEncodings:
    def read(self, data: bytes):
        parsed, report = parse_bytes(data, "bom.txt")
        return parsed, report.encoding

    def test_every_leading_bom_is_dropped(self):
        for data in (
            BOM + BOM + SAMPLE_TEXT.encode("utf-8"),
            BOM * 3 + SAMPLE_TEXT.encode("utf-8"),
            ("\ufeff" + SAMPLE_TEXT).encode("utf-16"),  # a BOM char after UTF-16's own
        ):
            parsed, _ = self.read(data)
            assert parsed.department == "中共巨鹿县委组织部"
            assert parsed.source.text.startswith("\n\n中共巨鹿县委组织部")
            assert parsed.projects[0].first_line == 125  # line numbers unchanged

    def test_gb18030_after_a_utf8_bom_is_read_as_gb18030_and_says_so(self):
        parsed, encoding = self.read(BOM + SAMPLE_TEXT.encode("gb18030"))
        assert parsed.department == "中共巨鹿县委组织部"
        assert encoding == "gb18030 (after a UTF-8 BOM)"
        assert parsed.source.encoding == encoding

    def test_each_file_says_its_own_encoding(self):
        assert self.read(SAMPLE_TEXT.encode("utf-8"))[1] == "utf-8"
        assert self.read(BOM + SAMPLE_TEXT.encode("utf-8"))[1] == "utf-8-sig"
        assert self.read(SAMPLE_TEXT.encode("gb18030"))[1] == "gb18030"

    def test_the_report_names_the_encoding(self, tmp_path, capsys):
        file = tmp_path / "gb.txt"
        file.write_bytes(BOM + SAMPLE_TEXT.encode("gb18030"))
        assert main(["import", "--dry-run", str(file)]) == 0
        assert "(tabbed, gb18030 (after a UTF-8 BOM))" in capsys.readouterr().out

    def test_nothing_but_boms_is_an_empty_file(self):
        with pytest.raises(ImportFault, match="the file is empty"):
            parse_bytes(BOM * 2 + b"\n", "empty.txt")


def children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def is_worker(pid: int, parent: int) -> bool:
    """A worker process of the import `parent`: spawned (a new interpreter running
    multiprocessing's spawn_main) or forked (the import's own command line)."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
        return b"spawn_main" in command or command == Path(f"/proc/{parent}/cmdline").read_bytes()
    except OSError:
        return False


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits to be collected


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
class TestWorkersEndWithTheirParent:
    def test_a_killed_import_leaves_no_process_behind(self, tmp_path):
        folder = tmp_path / "many"
        write_corpus(folder, departments=60, years=2)
        process = subprocess.Popen(
            [sys.executable, "-m", "jixiao.tui.cli", "--db", str(tmp_path / "s.db"), "import",
             "--jobs", "2", str(folder)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        workers: set[int] = set()
        deadline = time.monotonic() + 60
        while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:
            workers = {pid for pid in children_of(process.pid) if is_worker(pid, process.pid)}
            time.sleep(0.02)
        assert len(workers) == 2, "the import ended before its workers were seen"
        everyone = children_of(process.pid)  # the workers, and multiprocessing's helper
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        deadline = time.monotonic() + 5
        while any(alive(pid) for pid in everyone) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [pid for pid in everyone if alive(pid)]
        for pid in left:  # leave no orphan behind when this fails
            os.kill(pid, signal.SIGKILL)
        assert not left


def junk_lines(count: int) -> str:
    return "\n" + "".join(f"这一行没有人看得懂 {number}\n" for number in range(count))


class TestLargeInputs:
    def test_a_text_over_the_limit_is_refused_before_it_is_read(self, monkeypatch):
        monkeypatch.setattr(decode_module, "MAX_TEXT_BYTES", len(SAMPLE_TEXT.encode()) + 10)
        parse_text(SAMPLE_TEXT)  # at the limit: read
        with pytest.raises(ImportFault) as fault:
            parse_text(SAMPLE_TEXT + junk_lines(10))
        assert "jixiao reads text dumps of up to" in fault.value.message
        assert "Split it into one file per department" in fault.value.message

    def test_a_text_of_too_many_lines_is_refused(self, monkeypatch):
        monkeypatch.setattr(decode_module, "MAX_TEXT_LINES", len(SAMPLE_LINES) + 10)
        parse_text(SAMPLE_TEXT + "\n" * 9)  # at the limit: read
        with pytest.raises(ImportFault) as fault:
            parse_text(SAMPLE_TEXT + junk_lines(10))
        assert f"this text has {len(SAMPLE_LINES) + 11:,} lines" in fault.value.message
        assert "Split it into one file per department" in fault.value.message

    @pytest.mark.parametrize(
        ("size", "lines", "code", "said"),
        [
            (43_000_000, None, 2, "this text file is 43.0 MB"),  # refused before decoding
            # The worst that is read: as many lines as are allowed, none understood.
            (decode_module.MAX_TEXT_BYTES, decode_module.MAX_TEXT_LINES, 0, "not understood"),
        ],
    )
    @pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
    def test_memory_is_bounded(self, tmp_path, size, lines, code, said):
        file = tmp_path / "huge.txt"
        junk = junk_lines(1000)
        written = len(SAMPLE_LINES)
        with file.open("w", encoding="utf-8") as out:
            out.write(SAMPLE_TEXT)
            while out.tell() + len(junk.encode()) <= size and (
                lines is None or written + 1001 <= lines
            ):
                out.write(junk)
                written += 1001
        # The peak of this process alone: VmHWM starts afresh at exec, where getrusage's
        # ru_maxrss carries the peak of the (large) test process that forked it.
        program = (
            "import re, sys\n"
            "from pathlib import Path\n"
            "from jixiao.tui.cli import main\n"
            "code = main(sys.argv[1:])\n"
            "status = Path('/proc/self/status').read_text()\n"
            "print('peak', re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1))\n"
            "sys.exit(code)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", program, "--db", str(tmp_path / "s.db"), "import", str(file)],
            check=False,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == code, done.stderr
        assert said in done.stdout + done.stderr
        peak_kb = int(done.stdout.rsplit("peak", 1)[1])
        assert peak_kb < 200 * 1024

    def test_at_most_twenty_lines_not_understood_are_printed(self, tmp_path, capsys):
        file = tmp_path / "junk.txt"
        file.write_text(SAMPLE_TEXT + junk_lines(100), encoding="utf-8")
        db = tmp_path / "s.db"
        assert main(["--db", str(db), "import", str(file)]) == 0
        out = capsys.readouterr().out
        assert out.count(": unread: not understood:") == 20
        assert "… and 80 more lines not understood (all of them: `jixiao show 1 --notes`)" in out
        with sqlite3.connect(db) as connection:
            assert connection.execute(
                "SELECT count(*) FROM import_note WHERE severity = 'unread'"
            ).fetchone() == (100,)
        assert main(["import", "--dry-run", "--json", str(file)]) == 0
        (report,) = json.loads(capsys.readouterr().out)
        assert sum(note["severity"] == "unread" for note in report["notes"]) == 100
        assert main(["import", "--dry-run", str(file)]) == 0
        assert "… and 80 more lines not understood (all of them: --json)" in capsys.readouterr().out

    def test_a_few_lines_not_understood_are_all_printed(self, tmp_path, capsys):
        file = tmp_path / "junk.txt"
        file.write_text(SAMPLE_TEXT + junk_lines(20), encoding="utf-8")
        assert main(["import", "--dry-run", str(file)]) == 0
        out = capsys.readouterr().out
        assert out.count(": unread: not understood:") == 20 and " more " not in out

    @pytest.mark.parametrize(("copies", "named"), [(8, 5), (3, 3)])
    def test_a_summary_note_names_a_few_files_and_counts_the_rest(
        self, tmp_path, capsys, copies, named
    ):
        for number in range(copies):  # one document, different files
            text = SAMPLE_TEXT + f"第 {number} 份\n"
            (tmp_path / f"copy-{number}.txt").write_text(text, encoding="utf-8")
        assert main(["import", "--dry-run", "--quiet", str(tmp_path)]) == 0
        (note,) = [line for line in capsys.readouterr().out.splitlines() if "note:" in line]
        assert f"{copies} files are 中共巨鹿县委组织部 2024 draft" in note
        assert note.count("copy-") == named
        assert (f"and {copies - named} more" in note) == (copies > named)
