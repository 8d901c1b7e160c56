"""Fuzzing the import: a few hundred seeded mutations of the sample and its office
renderings (tests/mutants.py), imported as one folder through the command line, must each be
imported whole or fail alone with its file, line and reason — no traceback, no bug, no exit
code but 0 or 2, no document partly stored.

A failure names the mutant (`s14-00123-…`: seed 14, number 123) and its recipe; make it
again with `.venv/bin/python -m tests.mutants 14 123 /tmp/replay`. JIXIAO_FUZZ_SEED picks
another seed; benchmarks/fuzz.py runs 10,000.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from jixiao.importers import ImportFault, Overrides, ParsedDocument, parse_bytes
from jixiao.store.db import open_store
from jixiao.store.queries import load_document
from jixiao.store.verify import verify_store
from tests.conftest import ROOT
from tests.mutants import BASES, RENDERINGS, Mutant, base_bytes, make_mutant

SEED = int(os.environ.get("JIXIAO_FUZZ_SEED", "14"))
MUTANTS = 300
BUG_SIGNS = ("Traceback", "internal error", "this is a bug")


@dataclass
class FuzzRun:
    folder: Path
    db: Path
    mutants: dict[str, Mutant]
    """By file name."""
    returncode: int
    stdout: str
    stderr: str
    results: list[dict[str, Any]]


@pytest.fixture(scope="module")
def fuzz_run(tmp_path_factory: pytest.TempPathFactory) -> FuzzRun:
    root = tmp_path_factory.mktemp("fuzz")
    folder = root / "mutants"
    folder.mkdir()
    mutants = {}
    for number in range(MUTANTS):
        mutant = make_mutant(SEED, number)
        (folder / mutant.filename).write_bytes(mutant.data)
        mutants[mutant.filename] = mutant
    db = root / "fuzz.db"
    done = subprocess.run(
        [sys.executable, "-m", "jixiao.tui.cli", "--db", str(db), "import", str(folder),
         "--jobs", "2", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "JIXIAO_DEBUG": ""},
    )  # fmt: skip
    try:
        results = json.loads(done.stdout)
    except json.JSONDecodeError:
        results = []
    return FuzzRun(folder, db, mutants, done.returncode, done.stdout, done.stderr, results)


@pytest.fixture(scope="module")
def fresh_parses(fuzz_run: FuzzRun) -> dict[str, ParsedDocument | ImportFault | Exception]:
    """Each mutant parsed in this process, as the import's workers parse it."""
    parses: dict[str, ParsedDocument | ImportFault | Exception] = {}
    for name, mutant in fuzz_run.mutants.items():
        try:
            parses[name] = parse_bytes(mutant.data, str(fuzz_run.folder / name))[0]
        except Exception as error:  # judged by the test, which names the mutant
            parses[name] = error
    return parses


# -- the checks, each a list of problems (tested below on runs that break them) -----------


def bug_signs(output: str) -> list[str]:
    return [line for line in output.splitlines() if any(s in line for s in BUG_SIGNS)]


def unaccounted_files(
    names: list[str], results: list[dict[str, Any]], stderr: str, folder: Path
) -> list[str]:
    """Every file imported (or unchanged: the same text as another), or failed with a
    message and listed as `FILE[:LINE]: message` among the summary's failures."""
    by_file = {Path(r["file"]).name: r for r in results}
    listed = stderr.split("\nfailures:\n", 1)[-1] if "\nfailures:\n" in stderr else ""
    problems = []
    for name in names:
        result = by_file.get(name)
        if result is None:
            problems.append(f"{name}: not in the import's results")
        elif result["status"] == "failed":
            where = f"{folder / name}" + (f":{result['line']}" if result["line"] else "")
            if not result["error"] or not re.search(
                rf"^  {re.escape(where)}: \S", listed, re.MULTILINE
            ):
                problems.append(f"{name}: failed without `{where}: message` among the failures")
        elif result["status"] not in ("imported", "unchanged"):
            problems.append(f"{name}: {result['status']}")
    return problems


def document_facts(parsed: ParsedDocument) -> tuple[Any, ...]:
    """What a stored document must hold of its file: its identity, every project with its
    money and indicators, the budget."""
    return (
        parsed.department, parsed.year, parsed.stage,
        [(u.code, u.name) for u in parsed.units],
        [
            (p.unit_code, p.ordinal, p.title, p.code, p.name, p.money_unit, p.budget,
             p.fiscal_funds, p.other_funds, p.purpose, sorted(p.spending_plan.items()),
             p.goals, p.first_line, p.last_line,
             [(i.level1, i.level2, i.level3, i.description, i.value, i.basis, i.line,
               i.target, i.target_kind) for i in p.indicators])
            for p in parsed.projects
        ],
        sum(p.budget for p in parsed.projects),
    )  # fmt: skip


def stored_unlike_parsed(
    db: Path, results: list[dict[str, Any]], parses: dict[str, Any]
) -> list[str]:
    engine = open_store(db)
    problems = []
    try:
        for result in results:
            if result["status"] not in ("imported", "unchanged"):
                continue
            name = Path(result["file"]).name
            stored = load_document(engine, result["document_id"]).parsed
            if document_facts(stored) != document_facts(parses[name]):
                problems.append(f"{name}: document {result['document_id']} differs from its file")
    finally:
        engine.dispose()
    return problems


def unsound_store(db: Path) -> list[str]:
    return [f"{c.check}: {p}" for c in verify_store(db) for p in c.problems]


def _named(problems: list[str], mutants: dict[str, Mutant]) -> str:
    """Problems with the recipe of each mutant they name, to replay it."""
    lines = []
    for problem in problems[:20]:
        name = problem.split(":", 1)[0]
        lines.append(problem)
        if name in mutants:
            lines.append(f"    {mutants[name].describe()}")
    return "\n".join(lines)


# -- the fuzz run ------------------------------------------------------------------------


class TestImportingMutants:
    def test_the_exit_code_is_0_or_2(self, fuzz_run):
        assert fuzz_run.returncode in (0, 2), fuzz_run.stderr[-3000:]

    def test_no_traceback_and_no_bug_in_the_output(self, fuzz_run):
        assert not bug_signs(fuzz_run.stdout + fuzz_run.stderr)

    def test_every_file_is_imported_or_fails_with_its_place_and_reason(self, fuzz_run):
        problems = unaccounted_files(
            list(fuzz_run.mutants), fuzz_run.results, fuzz_run.stderr, fuzz_run.folder
        )
        assert not problems, _named(problems, fuzz_run.mutants)

    def test_the_mutants_both_import_and_fail(self, fuzz_run):
        """Not all refused (the checks of stored documents would check nothing), nor all
        read (the mutations would be too tame)."""
        statuses = [r["status"] for r in fuzz_run.results]
        assert statuses.count("imported") >= MUTANTS // 5
        assert statuses.count("failed") >= MUTANTS // 5

    def test_the_store_verifies(self, fuzz_run):
        assert not unsound_store(fuzz_run.db)

    def test_each_stored_document_equals_a_fresh_parse_of_its_file(self, fuzz_run, fresh_parses):
        problems = stored_unlike_parsed(fuzz_run.db, fuzz_run.results, fresh_parses)
        assert not problems, _named(problems, fuzz_run.mutants)


class TestParsingMutants:
    def test_every_exception_is_an_import_fault(self, fuzz_run, fresh_parses):
        problems = [
            f"{name}: {type(error).__name__}: {error}"
            for name, error in fresh_parses.items()
            if isinstance(error, Exception) and not isinstance(error, ImportFault)
        ]
        assert not problems, _named(problems, fuzz_run.mutants)

    def test_a_file_fails_in_the_import_when_its_parse_fails(self, fuzz_run, fresh_parses):
        failed = {Path(r["file"]).name for r in fuzz_run.results if r["status"] == "failed"}
        faulted = {name for name, p in fresh_parses.items() if isinstance(p, ImportFault)}
        assert faulted <= failed  # the rest failed in the writer, if any


# -- the checks fire when the behaviour breaks ---------------------------------------------


class TestTheChecksFire:
    def test_a_traceback_or_a_bug_in_the_output(self):
        assert bug_signs("ok\nTraceback (most recent call last):\n")
        assert bug_signs("jixiao: error: x.txt: internal error: KeyError: 3 — this is a bug")
        assert not bug_signs("jixiao: error: x.txt:132: 预算数 '1e30' is not an amount")

    def test_a_file_missing_or_failed_without_its_place(self, tmp_path):
        results = [
            {"file": str(tmp_path / "a.txt"), "status": "failed", "line": 3, "error": "bad"},
            {"file": str(tmp_path / "b.txt"), "status": "imported"},
        ]
        listed = f"2 files: 1 imported, 1 failed\nfailures:\n  {tmp_path / 'a.txt'}:3: bad\n"
        assert not unaccounted_files(["a.txt", "b.txt"], results, listed, tmp_path)
        assert unaccounted_files(["a.txt", "b.txt", "c.txt"], results, listed, tmp_path)
        unlisted = listed.replace(":3: bad", ": bad")
        assert unaccounted_files(["a.txt", "b.txt"], results, unlisted, tmp_path)

    def test_a_partly_stored_document(self, fuzz_run, fresh_parses, tmp_path):
        db = tmp_path / "broken.db"
        shutil.copy(fuzz_run.db, db)
        imported = next(r for r in fuzz_run.results if r["status"] == "imported")
        with sqlite3.connect(db) as connection:
            connection.execute(
                "DELETE FROM indicator WHERE id = (SELECT min(i.id) FROM indicator AS i "
                "JOIN project AS p ON p.id = i.project_id WHERE p.document_id = ?)",
                (imported["document_id"],),
            )
        assert unsound_store(db)
        assert stored_unlike_parsed(db, [imported], fresh_parses)


# -- found by fuzzing ------------------------------------------------------------------------


class TestWorkersFreeWhatTheReadersLeave:
    """benchmarks/fuzz.py at 10,000: the workers grew past 1 GB each. python-docx and
    pdfminer leave cyclic garbage a file that the workers' tuned-down collector did not
    reach; a worker now collects after each file."""

    def test_no_garbage_is_left_after_a_chunk(self):
        from jixiao.store.bulk_worker import parse_chunk, spare_the_collector

        thresholds = gc.get_threshold()
        spare_the_collector()
        try:
            gc.collect()
            parse_chunk([RENDERINGS / "libreoffice.docx"], Overrides(), None)
            assert gc.collect() == 0
        finally:
            gc.unfreeze()
            gc.set_threshold(*thresholds)


class TestDamagedFilesAreTheirFileFault:
    """benchmarks/fuzz.py at 10,000: 18 .odt files and 3 PDFs with flipped bytes failed as
    internal errors. zipfile raises more than BadZipFile on a damaged archive: UnicodeDecodeError
    for a name whose bytes are not UTF-8 (in the .docx and .xlsx readers' `recognises`,
    which every ZIP meets) and zlib.error for bad deflate data (reading content.xml)."""

    @pytest.mark.parametrize(
        ("number", "said"),
        [(845, "codec can't decode"), (1970, "decompressing data")],
    )
    def test_replayed_mutant(self, number, said):
        mutant = make_mutant(14, number)
        with pytest.raises(ImportFault, match=r"cannot read this \.odt") as caught:
            parse_bytes(mutant.data, mutant.filename)
        assert said in caught.value.message, mutant.describe()

    @pytest.mark.parametrize(
        ("number", "said"), [(849, "预算规模及资金用途 row"), (4818, "一级指标 header row")]
    )
    def test_replayed_damaged_pdf(self, number, said):
        """Three PDFs failed as internal errors when pdfminer read them (TypeError, "Invalid
        dictionary construct"). PDFium reads past the flipped bytes; the table they tore is
        refused as the file's fault."""
        mutant = make_mutant(14, number)
        with pytest.raises(ImportFault, match="ends here without") as caught:
            parse_bytes(mutant.data, mutant.filename)
        assert said in caught.value.message, mutant.describe()

    def test_the_pdf_reader_says_nothing_of_what_it_skips(self, caplog, capfd):
        """A damaged PDF made pdfminer log a warning a glyph ("Could not get FontBBox…"),
        hundreds of lines on stderr in a folder's import; the fault says what matters."""
        mutant = make_mutant(14, 849)
        with caplog.at_level(logging.WARNING), pytest.raises(ImportFault):
            parse_bytes(mutant.data, mutant.filename)
        assert caplog.records == []
        assert capfd.readouterr().err == ""

    def test_a_zip_whose_names_are_not_utf8_is_no_office_file_of_theirs(self):
        from jixiao.importers import sheet, word

        data = bytearray(base_bytes(RENDERINGS / "libreoffice.docx"))
        central = data.rindex(b"PK\x01\x02")  # the last entry of the central directory
        data[central + 8 : central + 10] = (0x800).to_bytes(2, "little")  # names are UTF-8
        data[central + 46] = 0xC8  # and this one is not
        assert not word.recognises(bytes(data))
        assert not sheet.recognises(bytes(data))
        with pytest.raises(ImportFault):
            parse_bytes(bytes(data), "damaged.docx")


# -- the mutants ---------------------------------------------------------------------------


class TestMutants:
    def test_a_mutant_is_made_again_from_its_seed_and_number(self):
        assert make_mutant(SEED, 7) == make_mutant(SEED, 7)
        assert make_mutant(SEED, 7).data != make_mutant(SEED, 8).data

    def test_every_base_and_kind_of_mutation_is_met(self):
        recipes = [make_mutant(SEED, n) for n in range(MUTANTS)]
        assert {m.base for m in recipes} == {b.name for b in BASES}
        text = "\n".join(step for m in recipes for step in m.recipe)
        for kind in ("deleted", "copied", "swapped", "number", "cell", "inserted", "encoded "
                     "gb18030", "encoded utf-16", "two UTF-8 BOMs", "CRLF", "flipped bytes",
                     "NUL bytes", "cut after", "table rows"):  # fmt: skip
            assert kind in text, kind

    def test_replayed_from_the_command_line(self, tmp_path):
        done = subprocess.run(
            [sys.executable, "-m", "tests.mutants", str(SEED), "7", str(tmp_path)],
            cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
        )  # fmt: skip
        mutant = make_mutant(SEED, 7)
        assert (tmp_path / mutant.filename).read_bytes() == mutant.data
        assert mutant.describe() in done.stdout
