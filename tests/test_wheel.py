"""The distribution as a user installs it: the wheel is built from a copy of the sources
and installed into a fresh venv, where the console script, the bundled sample and the
package layout are tried. No network: setuptools (a dev dependency) builds without
isolation, and the fresh venv reaches this venv's dependencies through a .pth file while
the wheel itself is installed with --no-index --no-deps."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

FOLDERS = {
    "i18n": "jixiao.i18n",
    "importers": "jixiao.importers",
    "store": "jixiao.store",
    "tui": "jixiao.tui",
}
"""Each top-level folder and the package it installs as (pyproject.toml's package-dir)."""

SAMPLE_NAME = "julu-zuzhibu-2024-draft.txt"


def source_packages() -> set[str]:
    """Every folder under the mapped ones, as the package name it installs as."""
    found = set()
    for folder, package in FOLDERS.items():
        for path in [ROOT / folder, *(ROOT / folder).rglob("*")]:
            if path.is_dir() and path.name != "__pycache__":
                parts = path.relative_to(ROOT / folder).parts
                found.add(".".join((package, *parts)))
    return found


def run(*argv: str | Path, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    # A user's environment: no PYTHONPATH, not run from the repository.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "XDG_DATA_HOME": str(cwd / "data")}
    return subprocess.run(
        [str(arg) for arg in argv], capture_output=True, text=True, cwd=cwd, env=env, check=check
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built from a copy, so that the build writes nothing into the working tree."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source)
    for folder in FOLDERS:
        shutil.copytree(
            ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    out = tmp_path_factory.mktemp("wheel")
    run(sys.executable, "-m", "pip", "wheel", source, "--no-deps", "--no-build-isolation",
        "--no-index", "-q", "-w", out, cwd=out)  # fmt: skip
    (built,) = out.glob("jixiao-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the wheel, whose dependencies are this venv's site-packages."""
    home = tmp_path_factory.mktemp("venv")
    venv = home / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=home)
    python = venv / "bin" / "python"
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=home)
    # Appended after the venv's own site-packages, so the wheel's jixiao comes first; .pth
    # files in this venv (the editable install's finder) are not processed from there.
    Path(purelib.stdout.strip(), "dependencies.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8"
    )
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-index", "--no-deps",
        "-q", wheel, cwd=home)  # fmt: skip
    return venv


class TestWheel:
    def test_holds_the_jixiao_package_only(self, wheel):
        names = zipfile.ZipFile(wheel).namelist()
        assert {name.split("/")[0] for name in names} == {"jixiao", "jixiao-0.1.0.dist-info"}
        assert f"jixiao/tui/samples/{SAMPLE_NAME}" in names
        assert "jixiao/i18n/zh.mo" in names  # the compiled Chinese catalog
        assert "jixiao/store/schema.sql" in names  # what a new store is made from

    def test_every_folder_is_packaged(self, wheel):
        packaged = {
            name.rpartition("/")[0].replace("/", ".")
            for name in zipfile.ZipFile(wheel).namelist()
            if name.startswith("jixiao/")
        }
        config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        assert set(config["tool"]["setuptools"]["packages"]) == source_packages() == packaged

    def test_every_folder_of_code_is_a_regular_package(self):
        # import-linter does not look into a folder without __init__.py: its imports would
        # escape the contracts.
        for folder in FOLDERS:
            for path in (ROOT / folder).rglob("*.py"):
                assert (path.parent / "__init__.py").exists(), path.parent


class TestInstalled:
    def test_version(self, venv, tmp_path):
        assert run(venv / "bin" / "jixiao", "--version", cwd=tmp_path).stdout == "jixiao 0.1.0\n"

    def test_imports_the_bundled_sample(self, venv, tmp_path):
        python = venv / "bin" / "python"
        locate = (
            "from importlib.resources import files; import jixiao.tui; "
            f"print(files('jixiao.tui.samples') / {SAMPLE_NAME!r}); print(jixiao.tui.__file__)"
        )
        sample, module = run(python, "-c", locate, cwd=tmp_path).stdout.split()
        assert Path(sample).is_relative_to(venv) and Path(module).is_relative_to(venv)
        result = run(venv / "bin" / "jixiao", "--db", tmp_path / "s.db", "import", sample,
                     cwd=tmp_path)  # fmt: skip
        # A user's environment names no language: Chinese, from the catalog in the wheel.
        assert "35 个项目，252 个指标" in result.stdout
        welcome = (
            "from jixiao.tui.sample import parse_sample; print(len(parse_sample()[0].projects))"
        )
        assert run(python, "-c", welcome, cwd=tmp_path).stdout == "35\n"

    def test_speaks_chinese(self, venv, tmp_path):
        python = venv / "bin" / "python"
        speak = "from jixiao.i18n import _, use_language; use_language('zh'); print(_('Quit'))"
        assert run(python, "-c", speak, cwd=tmp_path).stdout == "退出\n"

    @pytest.mark.parametrize("name", ["store", "tui", "importers", "i18n"])
    def test_installs_no_top_level_folders(self, venv, tmp_path, name):
        result = run(venv / "bin" / "python", "-c", f"import {name}", cwd=tmp_path, check=False)
        assert f"No module named '{name}'" in result.stderr
