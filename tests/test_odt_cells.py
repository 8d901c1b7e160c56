"""OpenDocument text (importers/odt.py), a table cell a line (importers/cells.py and
cell_shape.py), and old binary Office files through LibreOffice (importers/convert.py,
ole2.py): crafted inputs for each rule and each fault, and the committed renderings."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from jixiao.importers import (
    ImportFault,
    convert,
    odt,
    ole2,
    parse_bytes,
    parse_file,
    spaced,
    tabbed,
)
from jixiao.importers import cells as cells_layout
from jixiao.importers.sources import find_sources
from tests.conftest import ROOT

BENCH = ROOT / "tests" / "fixtures" / "renderings"
WRITER_TEXT = (BENCH / "sample" / "writer-text.txt").read_text(encoding="utf-8-sig")
WRITER_LINES = WRITER_TEXT.split("\n")
FIRST_TABLE_END = 161
"""The sample's writer-text.txt up to this line: the front matter, part 1 and table 1."""

_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)


def odt_bytes(
    body: str,
    media_type: str = "application/vnd.oasis.opendocument.text",
    cut: int | None = None,
) -> bytes:
    """An OpenDocument package as Writer stores one: `mimetype` first and uncompressed;
    its content.xml cut after `cut` characters, if given."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NAMESPACES}>'
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )[:cut]
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", media_type, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def dump_as_odt(dump: str) -> bytes:
    """A tab-separated dump as an .odt: runs of tab lines a table, other lines paragraphs."""
    body: list[str] = []
    table: list[str] = []
    for line in [*dump.split("\n"), ""]:
        if "\t" in line:
            cells = "".join(
                f"<table:table-cell><text:p>{escape(c)}</text:p></table:table-cell>"
                for c in line.split("\t")
            )
            table.append(f"<table:table-row>{cells}</table:table-row>")
            continue
        if table:
            body.append(f"<table:table>{''.join(table)}</table:table>")
            table = []
        body.append(f"<text:p>{escape(line)}</text:p>")
    return odt_bytes("".join(body))


def rendered(body: str) -> list[str]:
    return odt.render(odt_bytes(body), "t.odt").split("\n")[:-1]


def p(text: str) -> str:
    return f"<text:p>{text}</text:p>"


def cell(text: str = "", attributes: str = "") -> str:
    return f"<table:table-cell {attributes}>{p(text) if text else ''}</table:table-cell>"


def table(*rows: str) -> str:
    return (
        "<table:table>"
        + "".join(f"<table:table-row>{r}</table:table-row>" for r in rows)
        + ("</table:table>")
    )


class TestOdtTables:
    def test_a_cell_spanning_columns_is_followed_by_empty_cells_once(self):
        covered = "<table:covered-table-cell/>"
        row = cell("a", 'table:number-columns-spanned="3"') + covered + covered + cell("b")
        assert rendered(table(row)) == ["a\t\t\tb"]

    def test_a_span_keeps_the_grid_where_the_covered_cells_are_left_out(self):
        row = cell("a", 'table:number-columns-spanned="2"') + cell("b")
        assert rendered(table(row)) == ["a\t\tb"]

    def test_covered_cells_below_a_merged_cell_are_empty(self):
        rendered_rows = rendered(
            table(
                cell("产出指标", 'table:number-rows-spanned="2"') + cell("数量指标"),
                "<table:covered-table-cell/>" + cell("质量指标"),
            )
        )
        assert rendered_rows == ["产出指标\t数量指标", "\t质量指标"]

    def test_rows_spanned_keep_the_grid_where_the_covered_cells_are_left_out(self):
        rendered_rows = rendered(
            table(
                cell("x", 'table:number-rows-spanned="3"') + cell("1") + cell("2"),
                cell("3") + cell("4"),
                cell("5") + cell("6"),
                cell("y") + cell("7") + cell("8"),
            )
        )
        assert rendered_rows == ["x\t1\t2", "\t3\t4", "\t5\t6", "y\t7\t8"]

    def test_repeated_columns_and_rows(self):
        body = (
            "<table:table><table:table-row>"
            + cell("x", 'table:number-columns-repeated="3"')
            + cell("y")
            + '</table:table-row><table:table-row table:number-rows-repeated="2">'
            + cell("z")
            + cell("w")
            + "</table:table-row></table:table>"
        )
        assert rendered(body) == ["x\tx\tx\ty", "z\tw", "z\tw"]

    def test_a_cells_paragraphs_are_joined_with_a_space(self):
        goals = "<table:table-cell>" + p("1.甲。") + p("2.乙。") + "</table:table-cell>"
        assert rendered(table(cell("绩效目标") + goals)) == ["绩效目标\t1.甲。 2.乙。"]

    def test_header_rows_and_row_groups_are_rows_in_order(self):
        body = (
            "<table:table><table:table-header-rows><table:table-row>"
            + cell("一级指标")
            + "</table:table-row></table:table-header-rows><table:table-rows><table:table-row>"
            + cell("产出指标")
            + "</table:table-row></table:table-rows></table:table>"
        )
        assert rendered(body) == ["一级指标", "产出指标"]


class TestOdtText:
    def test_spaces_tabs_and_line_breaks(self):
        body = p('2024<text:s/>年<text:s text:c="3"/>a<text:tab/>b<text:line-break/>c')
        assert rendered(body) == ["2024 年   a b c"]

    def test_spans_links_and_soft_page_breaks(self):
        body = (
            p('<text:span>中共</text:span><text:a xlink:href="x">巨鹿</text:a>县').replace(
                "<text:a xlink:href", "<text:a text:name"
            )
            + "<text:soft-page-break/>"
            + p("after<text:soft-page-break/>break")
        )
        assert rendered(body) == ["中共巨鹿县", "afterbreak"]

    def test_footnotes_comments_and_text_boxes_are_not_the_line(self):
        body = p(
            "text<text:note><text:note-citation>1</text:note-citation><text:note-body>"
            + p("the note")
            + "</text:note-body></text:note> goes on"
            + '<draw:frame xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0">'
            + "<draw:text-box>"
            + p("a box")
            + "</draw:text-box></draw:frame>"
            + "<office:annotation><text:p>a comment</text:p></office:annotation>"
        )
        assert rendered(body) == ["text goes on"]

    def test_headings_lists_sections_and_tables_in_body_order(self):
        body = (
            '<text:h text:outline-level="1">第一部分</text:h>'
            + "<text:section>"
            + p("in a section")
            + "</text:section><text:list><text:list-item>"
            + p("1.an item")
            + "</text:list-item></text:list>"
            + table(cell("a") + cell("b"))
            + p("after")
            + "<text:tracked-changes><text:changed-region><text:deletion>"
            + p("deleted")
            + "</text:deletion></text:changed-region></text:tracked-changes>"
        )
        assert rendered(body) == ["第一部分", "in a section", "1.an item", "a\tb", "after"]

    def test_a_whole_document_imports_as_its_dump(self):
        reference = (BENCH / "variants" / "reference.txt").read_text(encoding="utf-8")
        want, _ = parse_bytes(reference.encode("utf-8"), "reference.txt")
        got, report = parse_bytes(dump_as_odt(reference), "variants.odt")
        assert report.layout == "odt" and report.unread == []
        assert [p.name for p in got.projects] == [p.name for p in want.projects]
        assert [i.value for p in got.projects for i in p.indicators] == [
            i.value for p in want.projects for i in p.indicators
        ]


class TestOdtFaults:
    def test_recognised_by_content_not_name(self):
        data = odt_bytes(p("x"))
        assert odt.recognises(data)
        assert not odt.recognises(b"PK\x03\x04 not a zip")
        plain = BytesIO()
        with zipfile.ZipFile(plain, "w") as archive:
            archive.writestr("content.xml", "<x/>")
        assert not odt.recognises(plain.getvalue())
        with pytest.raises(ImportFault, match=r"the \.odt has no text"):
            parse_bytes(odt_bytes(p("")), "named.docx")

    def test_a_spreadsheet_is_named(self):
        data = odt_bytes(p("x"), "application/vnd.oasis.opendocument.spreadsheet")
        with pytest.raises(ImportFault, match=r"OpenDocument spreadsheet \(\.ods\)") as caught:
            parse_bytes(data, "budget.ods")
        assert caught.value.line is None
        presentation = odt_bytes(p("x"), "application/vnd.oasis.opendocument.presentation")
        with pytest.raises(ImportFault, match=r"presentation \(\.odp\)"):
            parse_bytes(presentation, "slides.odp")

    def test_a_file_cut_short_is_damaged(self):
        data = (BENCH / "sample" / "document.odt").read_bytes()
        with pytest.raises(ImportFault, match="damaged or cut short"):
            parse_bytes(data[: len(data) // 2], "cut.odt")

    def test_broken_xml_is_damaged(self):
        data = odt_bytes(p("x") + p("y"), cut=-40)
        with pytest.raises(ImportFault, match="damaged or cut short"):
            parse_bytes(data, "broken.odt")

    def test_no_text(self):
        with pytest.raises(ImportFault, match=r"the \.odt has no text in its body"):
            parse_bytes(odt_bytes(p("") + table(cell() + cell())), "empty.odt")


def writer_text(lines: list[str] | None = None) -> bytes:
    return "\n".join(lines or WRITER_LINES[:FIRST_TABLE_END]).encode("utf-8")


def without(*numbers: int) -> list[str]:
    """The first table's text without the given (1-based) lines."""
    return [
        line
        for number, line in enumerate(WRITER_LINES[:FIRST_TABLE_END], start=1)
        if number not in numbers
    ]


class TestCellsSniff:
    def test_the_writer_text_is_ours_and_nobody_elses(self):
        assert cells_layout.sniff(WRITER_TEXT) == 1.0
        assert tabbed.sniff(WRITER_TEXT) == 0
        assert spaced.sniff(WRITER_TEXT) == 0

    @pytest.mark.parametrize("name", ["reference.txt", "a4-layout.txt", "serif-layout.txt"])
    def test_dumps_with_rows_on_lines_are_not_ours(self, name):
        text = (BENCH / "sample" / name).read_text(encoding="utf-8")
        assert cells_layout.sniff(text) == 0

    def test_labels_alone_on_lines_among_aligned_rows_are_not_enough(self):
        aligned = "\n".join(f"数量指标   {n} 份   实际测算" for n in range(200))
        assert cells_layout.sniff(f"{WRITER_TEXT}\n{aligned}") == 0

    def test_chosen_by_content(self):
        _, report = parse_bytes(writer_text(), "copied.dump")
        assert report.layout == "cells"


class TestCellsRebuild:
    def test_a_good_table(self):
        document, report = parse_bytes(writer_text(), "t.txt")
        (project,) = document.projects
        assert (project.code, project.name) == ("13052924P005840120862", "2024 年度党刊征订费")
        assert str(project.budget) == "16.80" and project.other_funds is None
        assert project.purpose == "支付党刊征订费用。"
        assert project.spending_plan[12] == 100 and project.spending_plan[3] is None
        assert project.goals[2] == "通过党刊征订加强思想政治建设。"
        assert len(project.indicators) == 7
        assert [i.level1 for i in project.indicators][3:5] == ["产出指标", "效益指标"]
        assert project.indicators[-1].basis == "满意度调查"
        assert project.indicators[0].line == 120  # the row's first line
        assert report.unread == []
        assert report.lines_used + report.lines_blank == report.lines_total

    def test_no_row_of_shares_when_every_one_is_empty(self):
        document, report = parse_bytes(writer_text(without(105, 106, 107, 108, 109)), "t.txt")
        assert set(document.projects[0].spending_plan.values()) == {None}
        assert report.unread == []

    def test_blank_lines_after_the_table_are_empty_paragraphs(self):
        document, report = parse_bytes(writer_text([*WRITER_LINES[:161], "", "", ""]), "t.txt")
        assert len(document.projects[0].indicators) == 7 and report.unread == []

    def test_a_missing_amount_names_the_line(self):
        with pytest.raises(ImportFault) as caught:
            parse_bytes(writer_text(without(95)), "t.txt")
        assert caught.value.line == 95
        assert "the amount of 财政资金" in caught.value.message
        assert "'其他资金'" in caught.value.message

    def test_a_missing_indicator_cell_names_the_line(self):
        with pytest.raises(ImportFault) as caught:
            parse_bytes(writer_text(without(125)), "t.txt")
        assert caught.value.line == 126  # 质量指标, now where a 一级指标 should be
        assert "一级指标" in caught.value.message and "'质量指标'" in caught.value.message

    def test_a_cell_with_a_line_too_many_names_the_line(self):
        lines = [*WRITER_LINES[:123], "第二段", *WRITER_LINES[123:161]]
        with pytest.raises(ImportFault) as caught:
            parse_bytes(writer_text(lines), "t.txt")
        assert caught.value.line == 126
        assert "'实际测算'" in caught.value.message

    def test_a_row_that_does_not_close(self):
        with pytest.raises(ImportFault) as caught:
            parse_bytes(writer_text(WRITER_LINES[:160]), "t.txt")
        assert caught.value.line == 156
        assert "does not close: expected 6 cells" in caught.value.message
        assert "the end of the file" in caught.value.message

    def test_text_where_a_merged_cell_leaves_an_empty_line(self):
        lines = without()
        lines[97] = "用途"
        with pytest.raises(ImportFault) as caught:
            parse_bytes(writer_text(lines), "t.txt")
        assert caught.value.line == 98
        assert "an empty line" in caught.value.message and "预算规模及资金用途" in (
            caught.value.message
        )

    def test_a_label_out_of_place_in_the_spending_plan(self):
        with pytest.raises(ImportFault) as caught:
            parse_bytes(writer_text(without(102)), "t.txt")
        assert caught.value.line == 108
        assert "绩效目标" in caught.value.message and "'100%'" in caught.value.message

    def test_a_table_cut_off_before_its_indicators(self):
        with pytest.raises(ImportFault) as caught:
            parse_bytes(writer_text(WRITER_LINES[:113]), "t.txt")
        assert caught.value.line == 110
        assert "一级指标" in caught.value.message and "the end of the file" in (
            caught.value.message
        )

    def test_forced_on_a_tab_separated_dump_it_stops_with_a_line(self):
        reference = (BENCH / "sample" / "reference.txt").read_bytes()
        with pytest.raises(ImportFault) as caught:
            parse_bytes(reference, "reference.txt", layout="cells")
        assert caught.value.line is not None


def _renamed_stream(data: bytes, old: str, new: str) -> bytes:
    """The OLE2 file with one directory entry renamed (its 64-byte name and length)."""
    raw_old = old.encode("utf-16-le") + b"\0\0"
    at = data.index(raw_old)
    raw_new = new.encode("utf-16-le") + b"\0\0"
    entry = raw_new.ljust(64, b"\0") + struct.pack("<H", len(raw_new))
    return data[:at] + entry + data[at + 66 :]


DOC = (BENCH / "sample" / "document.doc").read_bytes()


class TestOldOfficeFiles:
    def test_the_directory_names_a_word_file(self):
        assert "WordDocument" in ole2.stream_names(DOC)
        assert convert.recognises(DOC) and not convert.recognises(b"%PDF-1.4")

    def test_without_soffice_the_message_gives_the_command(self, monkeypatch):
        monkeypatch.setattr(shutil, "which", lambda name: None)
        with pytest.raises(ImportFault) as caught:
            parse_bytes(DOC, "报告/预算 2024.doc")
        message = caught.value.message
        assert "Word 97-2003 .doc" in message
        assert (
            "soffice --headless --convert-to docx --outdir '报告' '报告/预算 2024.doc'" in message
        )

    def test_an_excel_file_is_told_apart(self, monkeypatch):
        monkeypatch.setattr(shutil, "which", lambda name: None)
        workbook = _renamed_stream(DOC, "WordDocument", "Workbook")
        with pytest.raises(ImportFault, match=r"Excel 97-2003 \.xls.*--convert-to xlsx"):
            parse_bytes(workbook, "t.xls")

    def test_another_compound_file_is_refused_with_what_it_holds(self):
        other = _renamed_stream(DOC, "WordDocument", "Contents")
        with pytest.raises(ImportFault, match=r"not a Word, WPS or Excel one.*'Contents'"):
            parse_bytes(other, "t.wps")
        slides = _renamed_stream(DOC, "WordDocument", "PowerPoint Document")
        with pytest.raises(ImportFault, match="PowerPoint"):
            parse_bytes(slides, "t.ppt")

    def test_a_file_cut_short_is_damaged(self):
        with pytest.raises(ImportFault, match="damaged or cut short"):
            parse_bytes(DOC[:1500], "cut.doc")

    def test_folders_are_searched_for_the_new_suffixes(self, tmp_path):
        for name in ("a.odt", "b.doc", "c.WPS", "d.ods"):
            (tmp_path / name).write_bytes(b"x")
        assert [p.name for p in find_sources([str(tmp_path)]).files] == ["a.odt", "b.doc", "c.WPS"]


needs_soffice = pytest.mark.skipif(
    convert.soffice() is None, reason="LibreOffice's soffice is not installed"
)


def _soffice_convert(source: Path, target: str, folder: Path) -> Path:
    subprocess.run(
        [
            str(convert.soffice()),
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder / f"{source.stem}.{target}"


@needs_soffice
class TestThroughLibreOffice:
    def test_a_doc_reads_as_the_docx_it_was_saved_from(self, tmp_path):
        import docx

        reference = (BENCH / "variants" / "reference.txt").read_text(encoding="utf-8")
        document = docx.Document()
        rows: list[list[str]] = []
        for line in [*reference.split("\n"), ""]:
            if "\t" in line:
                rows.append(line.split("\t"))
                continue
            if rows:
                grid = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
                for row, cells in zip(grid.rows, rows, strict=True):
                    for target, text in zip(row.cells, cells, strict=False):
                        target.text = text
                rows = []
            document.add_paragraph(line)
        source = tmp_path / "variants.docx"
        document.save(source)
        old = _soffice_convert(source, "doc", tmp_path)
        want, _ = parse_file(source)
        got, report = parse_file(old)
        assert report.layout == "doc" and report.unread == []
        assert [p.code for p in got.projects] == [p.code for p in want.projects]
        assert [i.basis for p in got.projects for i in p.indicators] == [
            i.basis for p in want.projects for i in p.indicators
        ]

    def test_an_xls_is_handed_to_the_workbook_reader(self, tmp_path):
        source = tmp_path / "calc.xlsx"
        shutil.copy(BENCH / "sample" / "calc.xlsx", source)
        old = _soffice_convert(source, "xls", tmp_path)
        assert "Workbook" in ole2.stream_names(old.read_bytes())
        want, _ = parse_file(source)
        got, report = parse_file(old)
        assert report.layout == "doc"
        assert len(got.projects) == len(want.projects) == 35
