from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from jixiao.i18n import use_language
from jixiao.importers import ImportReport, ParsedDocument, parse_bytes
from jixiao.store.db import open_store

# The tests read the English of the message ids unless they ask for Chinese (`speak`); the
# commands they run in subprocesses inherit it. A developer's own JIXIAO_LANG is overridden.
os.environ["JIXIAO_LANG"] = "en"

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tui" / "samples" / "julu-zuzhibu-2024-draft.txt"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
SAMPLE_LINES = SAMPLE_TEXT.split("\n")


def parse_text(text: str, name: str = "crafted.txt", **kwargs: object):
    """Parse text as if read from a UTF-8 file called `name`."""
    return parse_bytes(text.encode("utf-8"), name, **kwargs)  # type: ignore[arg-type]


def sample_with(*replacements: tuple[str, str]) -> str:
    """The sample with each (old, new) replaced once; fails loudly when `old` is absent,
    so that a variant never silently equals the sample."""
    text = SAMPLE_TEXT
    for old, new in replacements:
        assert old in text, f"not in the sample: {old!r}"
        text = text.replace(old, new, 1)
    return text


def sample_lines_replaced(changes: dict[int, str | None]) -> str:
    """The sample with whole lines replaced by number (None removes the line)."""
    lines = list(SAMPLE_LINES)
    for number in sorted(changes, reverse=True):
        if changes[number] is None:
            del lines[number - 1]
        else:
            lines[number - 1] = changes[number]  # type: ignore[assignment]
    return "\n".join(lines)


@pytest.fixture(autouse=True)
def no_user_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """A developer's own config.toml, keymap or environment never reaches a test: each test
    starts with an empty configuration folder, none of jixiao's variables set but the
    language, English (the tests' assertions are written in it; tests of Chinese ask)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))  # tui/place.py
    for name in ("JIXIAO_CONFIG", "JIXIAO_DB"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("JIXIAO_LANG", "en")
    yield
    use_language("en")  # a command run in Chinese (main(["--lang", "zh", …])) chose it for good


@pytest.fixture(scope="session")
def sample() -> tuple[ParsedDocument, ImportReport]:
    return parse_bytes(SAMPLE.read_bytes(), str(SAMPLE))


@pytest.fixture
def store_path(tmp_path: Path, sample) -> Path:
    """A store holding the sample as document 1 (the TUI's tests open it)."""
    from jixiao.store.save import save_document

    path = tmp_path / "review.db"
    save_document(open_store(path), *sample)
    return path


def corpus_store(factory: pytest.TempPathFactory, departments: int, years: int) -> Path:
    """A store of departments × years documents made from the sample (benchmarks/corpus.py),
    from 2022 on, imported as `jixiao import` would."""
    from benchmarks.corpus import write_corpus
    from jixiao.importers import Overrides
    from jixiao.store.bulk_import import import_files

    folder = factory.mktemp("corpus")
    write_corpus(folder, departments=departments, years=years, first_year=2022)
    path = factory.mktemp("store") / "store.db"
    import_files(open_store(path), sorted(folder.rglob("*.txt")), overrides=Overrides(), jobs=1)
    return path


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return open_store(tmp_path / "store.db")


@pytest.fixture
def project_by_ordinal(sample: tuple[ParsedDocument, ImportReport]) -> Callable[[int], object]:
    projects = {project.ordinal: project for project in sample[0].projects}
    return projects.__getitem__


@pytest.fixture(scope="session")
def renderings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample as a PDF, its `pdftotext -layout` dump and a .docx (tests/render)."""
    from tests.render import render_sample

    return render_sample(tmp_path_factory.mktemp("renderings"))


@pytest.fixture
def speak() -> Iterator[Callable[[str], None]]:
    """Switch the interface's language for one test, `speak("zh")`; English again after."""
    yield use_language
    use_language("en")
