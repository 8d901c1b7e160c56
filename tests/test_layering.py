"""The layering rules of DESIGN.md. Which package may import which is import-linter's
contracts in pyproject.toml (run here and by `make test`); what a static import graph
cannot see is checked here by loading modules: the store loads no Textual however it is
imported, and the command line starts without Textual or the database layer."""

from __future__ import annotations

import subprocess
import sys

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
                                      ["show", "--help"], ["export", "--help"]])  # fmt: skip
    def test_help_loads_neither_textual_nor_the_database_layer(self, argv):
        code = (
            f"from jixiao.tui.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n"
            "    pass"
        )
        loaded = modules_loaded_by(code)
        assert "textual" not in loaded
        assert "sqlalchemy" not in loaded
