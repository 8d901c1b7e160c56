"""The layering rules of DESIGN.md. Which package may import which is import-linter's
contracts in pyproject.toml (run here and by `make test`); what a static import graph
cannot see is checked here by loading modules: the store loads no Textual however it is
imported, and the command line starts without Textual or the database layer."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

from tests.conftest import ROOT


def modules_loaded_by(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return set(result.stdout.split())


class TestLayers:
    def test_the_import_contracts_are_kept(self):
        config = str(ROOT / "pyproject.toml")
        assert lint_imports(config_filename=config, no_cache=True, no_logo=True) == 0

    @pytest.mark.parametrize(
        "code",
        ["import jixiao.store.db, jixiao.store.save, jixiao.store.queries, jixiao.store.export"],
    )
    def test_importing_the_store_loads_no_textual(self, code):
        assert "textual" not in modules_loaded_by(code)

    @pytest.mark.parametrize("argv", [["--help"], ["import", "--help"], ["ls", "--help"],
                                      ["show", "--help"], ["export", "--help"],
                                      ["review", "--help"], ["report", "--help"]])  # fmt: skip
    def test_help_loads_neither_textual_nor_the_database_layer(self, argv):
        code = (
            f"from jixiao.tui.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n"
            "    pass"
        )
        loaded = modules_loaded_by(code)
        assert "textual" not in loaded
        assert "sqlalchemy" not in loaded


HEAVY = ("textual", "sqlalchemy", "sqlmodel", "scipy", "rapidfuzz", "pdfplumber", "openpyxl",
         "tabulate", "docx", "pypdfium2")  # fmt: skip


@pytest.fixture(scope="module")
def stored_sample(tmp_path_factory):
    from jixiao.tui.cli import main
    from tests.conftest import SAMPLE

    db = tmp_path_factory.mktemp("store") / "s.db"
    assert main(["--db", str(db), "import", str(SAMPLE)]) == 0
    return db


class TestReadCommandsLoadOnlyWhatTheyUse:
    """Commands that only read answer through sqlite3 alone (store/reading.py): a person
    feels SQLAlchemy's ≈ 150 ms at every start, and the readers and analysis not at all."""

    @pytest.mark.parametrize("argv", [
        ["show", "1"], ["export", "1", "--format", "json"], ["ls"], ["search", "经费"],
        ["search", "经费", "--document", "1"], ["projects"], ["indicators", "--limit", "3"],
        ["projects", "--department", "巨鹿", "--year", "2024"],
])  # fmt: skip
    def test_loads_no_heavy_module(self, stored_sample, argv):
        call = f"main(['--db', {str(stored_sample)!r}, *{argv!r}])"
        code = f"from jixiao.tui.cli import main\nassert {call} == 0"
        loaded = modules_loaded_by(code)
        assert [name for name in HEAVY if name in loaded] == []

    def test_the_tuis_first_screen_loads_textual_alone(self, stored_sample):
        """SQLAlchemy loads at the first write, the checks (rapidfuzz) after the first frame,
        the readers and the analysis when asked for."""
        code = f"""
import sys
from pathlib import Path
from jixiao.store import open_handle
from jixiao.tui.app import JixiaoApp
from jixiao.tui.screens.browse import BrowseScreen
app = JixiaoApp(open_handle(Path({str(stored_sample)!r})), "tester")
draw = app._display
def first_frame(screen, renderable):
    draw(screen, renderable)
    if isinstance(app.screen, BrowseScreen) and app.return_value is None:
        app.exit(result=sorted(sys.modules))
app._display = first_frame
loaded = app.run(headless=True, size=(80, 24))
print(" ".join(loaded))
"""
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              cwd=ROOT, check=False)  # fmt: skip
        assert done.returncode == 0, done.stderr
        loaded = set(done.stdout.split())
        assert "jixiao.tui.screens.browse" in loaded
        assert [name for name in HEAVY if name in loaded] == ["textual"]

    def test_ls_loads_only_what_it_draws(self, stored_sample):
        """`jixiao ls` is what a script runs first and most often; on ten thousand documents
        its whole process is held to 5× `python -c pass` (benchmarks/startup.py). It measures
        plain Chinese without wcwidth (≈ 15 ms to import), reads no TOML when there is no
        config file and makes no dataclass (≈ 6 ms each), and builds no other command."""
        call = f"main(['--db', {str(stored_sample)!r}, 'ls'])"
        loaded = modules_loaded_by(f"from jixiao.tui.cli import main\nassert {call} == 0")
        assert {"wcwidth", "tomllib", "dataclasses"} & loaded == set()
        commands = {name.rsplit(".", 1)[1] for name in loaded
                    if name.startswith("jixiao.tui.cli.commands.")}  # fmt: skip
        assert commands == {"ls_command", "common", "tui_command"}  # tui's: `jixiao` alone

    def test_an_old_store_is_opened_the_usual_way(self, tmp_path):
        from jixiao.store import read_only

        assert read_only(tmp_path / "missing.db") is None
        (tmp_path / "text.db").write_text("not a store")
        assert read_only(tmp_path / "text.db") is None
        import sqlite3

        with sqlite3.connect(tmp_path / "old.db") as connection:
            connection.execute("PRAGMA user_version = 1")
        assert read_only(tmp_path / "old.db") is None


SQL = re.compile(r"\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE TABLE)\b.*\b(FROM|VALUES|SET)\b"
                 r"|\bPRAGMA\s+\w+", re.S)  # fmt: skip
# The bulk-import benchmark measures jixiao against plain executemany of the same rows: its
# reference has to be written in SQL, and is jixiao's ceiling rather than jixiao's code.
SQL_REFERENCE = {"benchmarks/import_rate.py"}


def outside_the_store() -> list[Path]:
    return sorted(p for folder in ("tui", "benchmarks") for p in (ROOT / folder).rglob("*.py"))


class TestFrontDoor:
    """Screens, commands and benchmarks reach the store through `jixiao.store` alone."""

    @pytest.mark.parametrize("path", outside_the_store(), ids=lambda p: str(p.relative_to(ROOT)))
    def test_no_store_submodule_is_imported(self, path):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert [m for m in imported if m and m.startswith("jixiao.store.")] == []

    @pytest.mark.parametrize("path", outside_the_store(), ids=lambda p: str(p.relative_to(ROOT)))
    def test_no_sql_is_written(self, path):
        if str(path.relative_to(ROOT)) in SQL_REFERENCE:
            pytest.skip("the reference it measures against is SQL")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
                   and isinstance(n.value, str)]  # fmt: skip
        docstrings = {ast.get_docstring(n, clean=False) for n in ast.walk(tree)
                      if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef)}  # fmt: skip
        assert [s for s in strings if s not in docstrings and SQL.search(s)] == []
        drivers = {"sqlite3", "sqlalchemy.orm", "sqlmodel"}
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert imported & drivers == set()

    def test_the_sql_pattern_sees_sql(self):
        assert SQL.search("SELECT id FROM project WHERE document_id = :d")
        assert SQL.search("PRAGMA page_count")
        assert SQL.search("INSERT INTO unit (id) VALUES (?)")
        assert SQL.search("SELECT d.id, dep.name\n FROM document AS d")
        assert not SQL.search("Select a document to compare with")

    def test_every_front_door_name_resolves(self):
        from jixiao import store

        for name in dir(store):
            value = getattr(store, name)
            # a name that is also a submodule's would turn into that module once the module
            # is imported (`search` did): the front door's names must not be module names
            assert value is not None and not isinstance(value, types.ModuleType), name
        modules = {p.stem for p in (ROOT / "store").glob("*.py")}
        assert set(dir(store)) & modules == set()

    @pytest.mark.parametrize("path", outside_the_store(), ids=lambda p: str(p.relative_to(ROOT)))
    def test_every_name_imported_from_the_front_door_is_there(self, path):
        # imports inside functions would otherwise fail only when the command runs
        from jixiao import store

        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                 and n.module == "jixiao.store" for a in n.names]  # fmt: skip
        assert [name for name in names if name not in dir(store)] == []
