"""The other ways in: a PDF, its `pdftotext -layout` dump and a Word .docx of the sample
import as the same document as the tab-separated sample (tests/render makes them)."""

from __future__ import annotations

import json
import re
import zipfile
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest

from jixiao.importers import (
    LAYOUT_NAMES,
    LAYOUTS,
    ImportFault,
    ImportReport,
    ParsedDocument,
    parse_bytes,
    parse_file,
)
from jixiao.importers.lines import source_lines
from jixiao.importers.sources import find_sources
from jixiao.importers.text import squash
from jixiao.store.db import open_store
from jixiao.store.export import to_json
from jixiao.store.queries import load_document
from jixiao.store.save import save_document
from tests.conftest import SAMPLE, SAMPLE_TEXT, parse_text

KINDS = ("pdf", "docx", "spaced", "spaced-top")


def exported(path: Path, tmp_path: Path) -> tuple[dict[str, Any], Any]:
    """Import into a fresh store and export as JSON, as `jixiao export` does."""
    engine = open_store(tmp_path / f"{path.name}.db")
    parsed, report = parse_file(path)
    saved = save_document(engine, parsed, report)
    return to_json(load_document(engine, saved.document_id)), report


def structure(document: dict[str, Any]) -> dict[str, Any]:
    """The document without what belongs to one import of one file: ids, times, the
    source file and the line numbers in it."""
    document = json.loads(json.dumps(document, ensure_ascii=False))
    head = document["document"]
    for key in ("id", "imported_at", "source"):
        head.pop(key)
    for entry in head["toc"]:
        entry.pop("line")
    document.pop("import_notes")
    for unit in document["units"]:
        for project in unit["projects"]:
            project.pop("source_lines")
            for indicator in project["indicators"]:
                indicator.pop("source_line")
    return document


_FIGURE_SPACE_CJK = re.compile(r"(?<=\d) (?=[\u4e00-\u9fff])")


def without_figure_spaces(value: Any) -> Any:
    """pdftotext -layout leaves out the space between a figure and the CJK unit after it
    when the gap is narrow ("1 年" → "1年"); no importer can know it was there. Compared
    with the same spaces left out on both sides; everything else must match exactly."""
    if isinstance(value, str):
        return _FIGURE_SPACE_CJK.sub("", value)
    if isinstance(value, list):
        return [without_figure_spaces(item) for item in value]
    if isinstance(value, dict):
        return {key: without_figure_spaces(item) for key, item in value.items()}
    return value


@pytest.fixture(scope="module")
def parsed(renderings: dict[str, Path]) -> dict[str, tuple[ParsedDocument, ImportReport]]:
    """Each rendering parsed once for the module (a PDF takes a second or two)."""
    return {kind: parse_file(path) for kind, path in renderings.items()}


@pytest.fixture(scope="module")
def tabbed_export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return exported(SAMPLE, tmp_path_factory.mktemp("tabbed"))[0]


class TestRenderingsImportAsTheSample:
    @pytest.mark.parametrize("kind", KINDS)
    def test_same_document_as_the_tab_separated_sample(
        self, kind, renderings, tabbed_export, tmp_path
    ):
        document, report = exported(renderings[kind], tmp_path)
        expected, found = structure(tabbed_export), structure(document)
        reader = kind.removesuffix("-top")
        if reader == "spaced":
            expected, found = without_figure_spaces(expected), without_figure_spaces(found)
        assert found == expected
        assert document["document"]["source"]["format"] == reader
        assert report.layout == reader

    @pytest.mark.parametrize("kind", KINDS)
    def test_counts_total_and_every_line_used(self, kind, parsed):
        document, report = parsed[kind]
        assert len(document.projects) == 35
        assert document.indicator_count == 252
        assert document.total_budget == Decimal("7157.01")
        assert report.unread == []
        assert report.lines_used + report.lines_blank + report.lines_furniture == (
            report.lines_total
        )

    def test_spaced_dump_keeps_what_pdftotext_wrote(self, renderings, tabbed_export, tmp_path):
        """The figure spaces are the only difference, and they are few."""
        document, _ = exported(renderings["spaced"], tmp_path)
        expected, found = structure(tabbed_export), structure(document)
        differing = [
            (a, b) for a, b in zip(_strings(expected), _strings(found), strict=True) if a != b
        ]
        assert all(_FIGURE_SPACE_CJK.sub("", a) == b for a, b in differing)
        assert len(differing) < 30

    @pytest.mark.parametrize("kind", KINDS)
    def test_every_value_is_in_its_source_lines(self, kind, parsed):
        """Traceability: each project's lines in the stored source hold its code, its
        budget and every indicator's target; each indicator's line lies within them."""
        document, _ = parsed[kind]
        lines = source_lines(document.source.text)
        for project in document.projects:
            text = squash("".join(lines[project.first_line - 1 : project.last_line]))
            assert squash(project.code) in text
            assert str(project.budget) in text
            for indicator in project.indicators:
                assert project.first_line <= indicator.line <= project.last_line
                assert squash(indicator.value) in text

    def test_levels_set_at_the_top_of_their_cells_are_read_without_doubt(self, parsed):
        """Word sets a merged 一级指标 on the first line of its rows: each covers the rows
        from its own to the next one's, and nothing is left to warn about."""
        _, report = parsed["spaced-top"]
        assert report.warnings == []

    def test_page_furniture_is_left_out(self, parsed):
        for kind in ("pdf", "spaced"):
            document, report = parsed[kind]
            assert report.lines_furniture > 2 * 20  # a header and a page number a page
            texts = [p.text for p in document.goals.overall + document.goals.measures]
            assert not any("部门预算绩效文本" in text for text in texts)

    def test_pdf_source_keeps_pages(self, parsed):
        document, _ = parsed["pdf"]
        assert document.source.text.count("\f") == 21  # 22 pages
        assert document.source.encoding == "pdf"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    return []


class TestChoosingTheReader:
    def test_by_content_not_by_name(self, renderings, tmp_path):
        for kind, name in (("pdf", "dump.txt"), ("docx", "document.bin"), ("spaced", "x.pdf")):
            renamed = tmp_path / name
            renamed.write_bytes(renderings[kind].read_bytes())
            _, report = parse_file(renamed)
            assert report.layout == kind

    def test_the_layouts_names_are_known_without_loading_them(self):
        assert tuple(LAYOUTS) == LAYOUT_NAMES

    def test_the_tab_separated_sample_stays_tabbed(self):
        _, report = parse_file(SAMPLE)
        assert report.layout == "tabbed"

    def test_format_forces_a_reader(self, renderings):
        with pytest.raises(ImportFault, match="ends here without the 项目编码/项目名称 row"):
            parse_file(renderings["spaced"], layout="tabbed")
        with pytest.raises(ImportFault, match="not a PDF file"):
            parse_file(SAMPLE, layout="pdf")
        with pytest.raises(ImportFault, match="not a PDF file"):
            parse_file(renderings["docx"], layout="pdf")
        with pytest.raises(ImportFault, match=r"not a Word \.docx file"):
            parse_file(renderings["pdf"], layout="docx")

    def test_folders_hold_pdf_and_docx_too(self, renderings):
        folder = renderings["pdf"].parent
        found = {path.suffix for path in find_sources([str(folder)]).files}
        assert found == {".pdf", ".docx", ".txt"}


class TestPdfFaults:
    def test_cut_short(self, renderings):
        data = renderings["pdf"].read_bytes()
        with pytest.raises(ImportFault, match="cannot read this PDF") as fault:
            parse_bytes(data[:5000], "cut.pdf")
        assert fault.value.filename == "cut.pdf"

    def test_no_ruled_table(self, tmp_path):
        path = tmp_path / "plain.pdf"
        _pdf_with_text(path, ["中共巨鹿县委组织部", "2024 年部门预算绩效文本"])
        with pytest.raises(ImportFault, match=r"no ruled table.*pdftotext -layout"):
            parse_file(path)

    def test_no_text_at_all(self, tmp_path):
        path = tmp_path / "scan.pdf"
        _pdf_with_text(path, [])
        with pytest.raises(ImportFault, match=r"no text to read .*OCR"):
            parse_file(path)

    def test_password_protected(self, tmp_path):
        path = tmp_path / "locked.pdf"
        _pdf_with_text(path, ["中共巨鹿县委组织部"], password="secret")
        with pytest.raises(ImportFault, match="password-protected"):
            parse_file(path)

    def test_a_table_fault_names_the_rendering_line(self, tmp_path):
        """A fault inside a table points to a line of the rendering the store would keep
        as the source (what `jixiao show --source` prints)."""
        from jixiao.importers import pdf
        from tests.render.blocks import Cell, Table, document_blocks
        from tests.render.pdf import render_pdf

        parsed, _ = parse_file(SAMPLE)
        blocks = document_blocks(parsed)
        third = [block for block in blocks if isinstance(block, Table)][2]
        at = next(i for i, cell in enumerate(third.cells) if cell.text == "3.00")
        cell = third.cells[at]
        third.cells[at] = Cell("三元", cell.row, cell.column)
        path = tmp_path / "bad.pdf"
        render_pdf(blocks, path, running_header="header")
        with pytest.raises(ImportFault, match="预算数 '三元' is not an amount") as fault:
            parse_file(path)
        rendering = source_lines(pdf.render(path.read_bytes(), path.name))
        assert fault.value.line is not None
        assert "三元" in rendering[fault.value.line - 1]


def _pdf_with_text(path: Path, lines: list[str], password: str | None = None) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from tests.render.pdf import FONT, font_file

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(font_file()), subfontIndex=0))
    canvas = Canvas(str(path), pagesize=A4, encrypt=password)
    canvas.setFont(FONT, 12)
    for number, line in enumerate(lines):
        canvas.drawString(72, 760 - 20 * number, line)
    canvas.showPage()
    canvas.save()


class TestDocxFaults:
    def test_a_zip_that_is_not_a_docx(self):
        data = BytesIO()
        with zipfile.ZipFile(data, "w") as archive:
            archive.writestr("ppt/presentation.xml", "<presentation/>")
        with pytest.raises(ImportFault, match=r"ZIP archive .* not an office document"):
            parse_bytes(data.getvalue(), "slides.pptx")

    def test_damaged(self, renderings):
        data = renderings["docx"].read_bytes()
        with pytest.raises(ImportFault, match=r"cannot read this \.docx|damaged or cut short"):
            parse_bytes(data[: len(data) // 2], "cut.docx")

    def test_empty_body(self, tmp_path):
        import docx

        path = tmp_path / "empty.docx"
        docx.Document().save(str(path))
        with pytest.raises(ImportFault, match="no text in its body"):
            parse_file(path)

    def test_merged_cells_keep_the_grid(self, parsed):
        document, _ = parsed["docx"]
        lines = source_lines(document.source.text)
        header = next(line for line in lines if line.startswith("一级指标"))
        # 绩效指标描述 spans two grid columns: an empty cell follows it, as in the PDF dumps.
        assert header.split("\t") == [
            "一级指标", "二级指标", "三级指标", "绩效指标描述", "", "指标值", "指标值确定依据"
        ]  # fmt: skip


def _layout_lines(renderings: dict[str, Path]) -> list[str]:
    return renderings["spaced"].read_text(encoding="utf-8").split("\n")


class TestSpacedLayout:
    def test_sniffed_from_content(self, renderings):
        from jixiao.importers import spaced, tabbed

        text = renderings["spaced"].read_text(encoding="utf-8")
        assert spaced.sniff(text) == 1.0
        assert tabbed.sniff(text) == 0.0
        assert spaced.sniff(SAMPLE_TEXT) < 0.6

    def test_a_table_continued_on_a_page_without_a_header_row(self, renderings):
        """pdftotext places a page's columns anew: the rows on a page with no header row of
        its own are matched to the columns of the page before. Here the continuation's
        columns right of the first sit three positions further left."""
        lines = _layout_lines(renderings)
        start = max(i for i, line in enumerate(lines) if "社会效益指标" in line)
        moved = [_move_columns(line, -3).replace("- 21 -", "- 22 -") for line in lines[start - 1 :]]
        page_break = ["- 21 -", "\f中共巨鹿县委组织部2024 年部门预算绩效文本", ""]
        text = "\n".join(lines[: start - 1] + page_break + moved)
        parsed, report = parse_text(text, "continued.txt")
        assert report.unread == []
        last = parsed.projects[-1]
        assert [i.level1 for i in last.indicators][-3:] == ["效益指标", "效益指标", "满意度指标"]
        assert [i.level2 for i in last.indicators][-3:] == [
            "社会效益指标", "可持续影响指标", "服务对象满意度指标"
        ]  # fmt: skip
        assert [i.value for i in last.indicators][-3:] == ["安全运行", "正常开展工作", "100%"]

    def test_a_level1_beside_no_row_is_a_fault(self, renderings):
        lines = _layout_lines(renderings)
        at = next(i for i, line in enumerate(lines) if line.startswith("满意度指标"))
        lines.insert(at + 3, "")
        lines.insert(at + 4, "")
        lines.insert(at + 5, "效益指标")
        with pytest.raises(ImportFault, match="cannot tell which indicator rows the 一级指标"):
            parse_text("\n".join(lines), "stray.txt")

    def test_a_line_under_a_table_is_reported(self, renderings):
        lines = _layout_lines(renderings)
        at = next(i for i, line in enumerate(lines) if line.startswith("满意度指标"))
        lines.insert(at + 2, "")
        lines.insert(at + 3, "注：本表由财务室填报")
        _, report = parse_text("\n".join(lines), "note.txt")
        assert [n.message for n in report.unread] == ["not understood: '注：本表由财务室填报'"]
        assert report.unread[0].line == at + 4

    def test_no_indicator_header_anywhere(self, renderings):
        text = "\n".join(
            line for line in _layout_lines(renderings) if not line.startswith("一级指标")
        )
        with pytest.raises(ImportFault, match="no indicator header row"):
            parse_text(text, "headless.txt", layout="spaced")


def _break_page_after(lines: list[str], at: int) -> list[str]:
    """A page break after line `at`, with the page's number and the running header; the
    pages after it numbered one more, as a PDF with one more page would be."""
    footer = re.compile(r"^(\s*- ?)(\d+)( ?-\s*)$")  # pdftotext writes "-9-" and "- 10 -"
    number = next(int(m.group(2)) for line in lines[at:] if (m := footer.match(line)))
    after = [
        footer.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + 1}{m.group(3)}", line)
        for line in lines[at + 1 :]
    ]
    page_break = [f"-{number}-", "\f中共巨鹿县委组织部2024 年部门预算绩效文本", ""]
    return [*lines[: at + 1], *page_break, *after]


def _move_columns(line: str, by: int) -> str:
    """The line with every piece right of the first column moved `by` positions."""
    moved = ""
    for match in re.finditer(r"\S+(?: \S+)*", line):
        start = match.start() + by if match.start() >= 8 else match.start()
        moved = moved.ljust(max(start, len(moved) + 1 if moved else start)) + match.group()
    return moved


class TestPages:
    def test_tabbed_dump_with_pages(self):
        """A tab-separated dump with form feeds, a running header and page numbers: the
        furniture is left out and line numbers stay an editor's."""
        lines = SAMPLE_TEXT.split("\n")
        paged: list[str] = []
        for number, chunk in enumerate(range(0, len(lines), 60), start=1):
            page = lines[chunk : chunk + 60]
            paged += ["\f巨鹿县 2024 年部门预算", *page, f"— {number} —"]
        parsed, report = parse_text("\n".join(paged), "paged.txt")
        plain, _ = parse_text(SAMPLE_TEXT)
        assert report.unread == []
        assert report.lines_furniture == 2 * len(range(0, len(lines), 60))
        assert len(parsed.projects) == 35 and parsed.indicator_count == 252
        assert [p.name for p in parsed.projects] == [p.name for p in plain.projects]
        first = parsed.projects[0]
        assert source_lines(parsed.source.text)[first.first_line - 1].endswith("绩效目标表")

    def test_a_table_row_at_the_top_of_every_page_is_not_furniture(self):
        from jixiao.importers.lines import Line
        from jixiao.importers.pages import page_furniture

        words = "甲乙丙丁戊"
        pages = [
            [
                Line(1 + 3 * n, "一级指标\t二级指标"),
                Line(2 + 3 * n, f"{words[n]}项"),
                Line(3 + 3 * n, ""),
            ]
            for n in range(5)
        ]
        assert page_furniture(pages) == set()

    def test_page_numbers_must_count_up(self):
        from jixiao.importers.lines import Line
        from jixiao.importers.pages import page_furniture

        words = "甲乙丙丁"
        counting = [
            [Line(2 * n + 1, f"{words[n]}项"), Line(2 * n + 2, f"- {n + 3} -")] for n in range(4)
        ]
        assert page_furniture(counting) == {2, 4, 6, 8}
        figures = [[Line(2 * n + 1, f"{words[n]}项"), Line(2 * n + 2, "2024")] for n in range(4)]
        assert page_furniture(figures) == set()


class TestWrappedTitle:
    def test_a_title_over_two_lines(self):
        title = (
            "14.冀财行 2023 年 88 号提前下达 2024 年下派选调生到村工作中央财政补助资金绩效目标表"
        )
        assert title in SAMPLE_TEXT
        body = SAMPLE_TEXT.rindex(title)  # the table's title, not its contents entry
        wrapped = title.replace(" 2024 年下派", " 2024\n年下派")
        text = SAMPLE_TEXT[:body] + wrapped + SAMPLE_TEXT[body + len(title) :]
        parsed, report = parse_text(text, "wrapped.txt")
        assert report.unread == []
        project = next(p for p in parsed.projects if p.ordinal == 14)
        assert (
            project.title
            == "冀财行 2023 年 88 号提前下达 2024 年下派选调生到村工作中央财政补助资金"
        )


class TestCommandLine:
    def test_import_a_pdf_and_show_its_source(self, renderings, tmp_path, capsys):
        from jixiao.tui.cli import main

        db = str(tmp_path / "s.db")
        assert main(["--db", db, "import", str(renderings["pdf"])]) == 0
        out = capsys.readouterr().out
        assert "35 projects, 252 indicators, budget 7157.01 万元" in out
        assert "42 page headers/footers, 0 not understood" in out
        assert main(["--db", db, "show", "1", "5", "--source"]) == 0
        out = capsys.readouterr().out
        assert "村级组织运转经费绩效目标表" in out  # the rendering's line, with its number
        assert "6029.30" in out

    def test_a_folder_of_every_kind(self, renderings, tmp_path, capsys):
        from jixiao.tui.cli import main

        db = str(tmp_path / "s.db")
        folder = tmp_path / "drafts"
        folder.mkdir()
        for kind in ("pdf", "docx", "spaced"):
            (folder / renderings[kind].name).write_bytes(renderings[kind].read_bytes())
        assert main(["--db", db, "import", "--json", str(folder)]) == 0
        out, err = capsys.readouterr()
        results = json.loads(out)
        assert sorted(r["layout"] for r in results) == ["docx", "pdf", "spaced"]
        assert {r["projects"] for r in results} == {35}
        # Three shapes of one document: three revisions, which the summary points out.
        assert sorted(r["revision"] for r in results) == [1, 2, 3]
        assert "note: 3 files are 中共巨鹿县委组织部 2024 draft and each became a revision" in err

    def test_format_names_every_reader(self, capsys):
        from jixiao.tui.cli import main

        with pytest.raises(SystemExit):
            main(["import", "--help"])
        out = capsys.readouterr().out
        for name in ("tabbed", "spaced", "pdf", "docx"):
            assert name in out


class TestSpacedPageBreakInsideARow:
    def test_a_row_cut_by_a_page_break_is_joined(self, renderings, parsed):
        """The page breaks after the first line of a row whose 指标值确定依据 wrapped over
        three lines: that line, left on the page before, is no row of its own."""
        lines = _layout_lines(renderings)
        at = next(i for i, line in enumerate(lines) if line.strip() == "冀组发〔2018〕14 号、")
        document, report = parse_text("\n".join(_break_page_after(lines, at)), "cut-row.txt")
        assert report.unread == []
        project = next(p for p in document.projects if p.ordinal == 5)
        unbroken = next(p for p in parsed["spaced"][0].projects if p.ordinal == 5)
        assert [vars(i) | {"line": 0} for i in project.indicators] == [
            vars(i) | {"line": 0} for i in unbroken.indicators
        ]
        assert project.indicators[4].basis == "冀组发〔2018〕14 号、冀组发〔2020〕18 号"
