"""The layering rules of DESIGN.md, checked: importers import neither store nor tui; store
never imports tui or Textual; the command line starts without Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(package: str) -> set[str]:
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found


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
    def test_importers_stay_pure(self):
        assert imported_modules("importers") & {"store", "tui", "textual", "sqlalchemy",
                                                 "sqlmodel"} == set()  # fmt: skip

    def test_store_never_imports_the_interface(self):
        assert imported_modules("store") & {"tui", "textual"} == set()

    @pytest.mark.parametrize("code", ["import store.db, store.save, store.queries, store.export"])
    def test_importing_the_store_loads_no_textual(self, code):
        assert "textual" not in modules_loaded_by(code)

    @pytest.mark.parametrize("argv", [["--help"], ["import", "--help"], ["ls", "--help"],
                                      ["show", "--help"], ["export", "--help"]])  # fmt: skip
    def test_help_loads_neither_textual_nor_the_database_layer(self, argv):
        code = f"from tui.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass"
        loaded = modules_loaded_by(code)
        assert "textual" not in loaded
        assert "sqlalchemy" not in loaded
