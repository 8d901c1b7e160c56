"""The rendering bench: every file LibreOffice made of the bench documents (committed in
tests/fixtures/renderings by `make renderings`) imports as its tab-separated reference,
field by field, with every line used."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from jixiao.importers import ImportReport, parse_file
from jixiao.store.db import open_store
from jixiao.store.export import to_json
from jixiao.store.queries import load_document
from jixiao.store.save import save_document
from tests.conftest import SAMPLE
from tests.renderings import (
    FIXTURES,
    NEEDS_SOFFICE,
    bench_documents,
    expected,
    judge,
    renderings,
    structure,
    unshown_spaces,
    without_spaces,
)

CASES = [(document, path) for document in bench_documents() for path in renderings(document)]


def import_and_export(path: Path, folder: Path) -> tuple[dict[str, Any], ImportReport]:
    """Import into a fresh store and export as JSON, as `jixiao export` does."""
    engine = open_store(folder / f"{path.parent.name}-{path.name}.db")
    try:
        parsed, report = parse_file(path)
        saved = save_document(engine, parsed, report)
        return structure(to_json(load_document(engine, saved.document_id))), report
    finally:
        engine.dispose()


class TestEveryRenderingImportsAsItsReference:
    def test_the_bench_is_there(self):
        assert bench_documents() == ["sample", "variants"]
        assert all(len(renderings(d)) >= 17 for d in bench_documents())

    @pytest.mark.parametrize("document", ["sample", "variants"])
    def test_the_expected_export_is_the_references_import_today(self, document, tmp_path):
        """expected.json is not stale: the tab-separated reference imports as it says."""
        got, report = import_and_export(FIXTURES / document / "reference.txt", tmp_path)
        assert got == expected(document)
        assert report.unread == []

    def test_the_sample_reference_is_the_bundled_sample(self, tmp_path):
        """The sample's renderings carry exactly the bundled sample's content."""
        got, _ = import_and_export(SAMPLE, tmp_path)
        assert got == expected("sample")

    def test_the_variants_hold_what_the_sample_lacks(self):
        variants = expected("variants")
        projects = [p for unit in variants["units"] for p in unit["projects"]]
        assert len(variants["units"]) == 3
        assert any(p["other_funds"] not in (None, "0.00") for p in projects)
        assert any(None in p["spending_plan"].values() for p in projects)
        assert max(len(p["indicators"]) for p in projects) == 40
        assert max(len(p["name"]) for p in projects) > 40

    @pytest.mark.parametrize(("document", "path"), CASES, ids=[f"{d}/{p.name}" for d, p in CASES])
    def test_field_by_field(self, document, path, tmp_path):
        if path.suffix in NEEDS_SOFFICE and shutil.which("soffice") is None:
            pytest.skip("read only where LibreOffice's soffice converts it")
        got, report = import_and_export(path, tmp_path)
        unshown = unshown_spaces(path)
        judgement = judge(expected(document), got, unshown)
        assert judgement.differences == []
        assert without_spaces(got, unshown) == without_spaces(expected(document), unshown)
        assert report.unread == []
        assert report.lines_used + report.lines_blank + report.lines_furniture == (
            report.lines_total
        )
        if path.suffix == ".pdf":
            # A figure space the PDF could not show is never a silent guess: each cell read
            # differently from the reference is one the reader warned about.
            strict = judge(expected(document), got)
            warned = [n for n in report.warnings if "whether a space was there" in n.message]
            assert len(strict.differences) <= len(warned)


class TestEveryKindFromTheCommandLine:
    def test_a_folder_of_every_kind_imports_as_revisions_of_one_document(self, tmp_path, capsys):
        """A reviewer's folder as received: each file is found by its suffix, read by its
        content, and each is the same document (a revision each, as the summary says)."""
        from jixiao.tui.cli import main

        folder = tmp_path / "received"
        folder.mkdir()
        kinds = [p for p in renderings("variants") if p.suffix not in NEEDS_SOFFICE]
        for path in kinds:
            shutil.copy(path, folder / path.name)
        code = main(["--db", str(tmp_path / "s.db"), "import", str(folder), "--jobs", "1"])
        out, err = capsys.readouterr()
        assert code == 0, err
        assert f"{len(kinds)} imported" in out + err
        code = main(["--db", str(tmp_path / "s.db"), "ls", "--format", "json"])
        listed = json.loads(capsys.readouterr().out)
        assert len(listed) == len(kinds)
        assert {d["revision"] for d in listed} == set(range(1, len(kinds) + 1))

    @pytest.mark.parametrize(
        ("name", "rendered"),
        [("calc.xlsx", True), ("document.odt", True), ("a4.pdf", True), ("calc.csv", False)],
    )
    def test_show_says_whose_lines_the_source_lines_are(self, name, rendered, tmp_path, capsys):
        from jixiao.tui.cli import main

        db = str(tmp_path / "s.db")
        assert main(["--db", db, "import", str(FIXTURES / "variants" / name)]) == 0
        capsys.readouterr()
        assert main(["--db", db, "show", "1", "1"]) == 0
        out = capsys.readouterr().out
        of = f"of the text read from {name}" if rendered else f"of {name}"
        assert of in out
