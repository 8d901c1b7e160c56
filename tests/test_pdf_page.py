"""A PDF page as the PDF reader sees it (importers/pdf_page.py): PDFium's characters and
ruling lines, given as pdfplumber gives them (pdfplumber, reading the page through pdfminer,
is the measure: the reader's rules were made on its boxes), and pdfplumber's tables and text
lines found on them."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdfium2
import pytest

from jixiao.importers.pdf_cells import trailing_spaces
from jixiao.importers.pdf_page import PdfPage, read_page
from tests.renderings import FIXTURES

LIBREOFFICE = FIXTURES / "variants" / "a4.pdf"
_CLOSE = 0.01
"""Points: PDFium computes in single precision, pdfminer in double."""


def pages_of(path: Path) -> list[PdfPage]:
    document = pypdfium2.PdfDocument(path.read_bytes())
    try:
        return [read_page(document, index) for index in range(len(document))]
    finally:
        document.close()


def close(a: float, b: float) -> bool:
    return abs(a - b) <= _CLOSE


def draw(path: Path, draw_page) -> Path:
    """A one-page A4 PDF drawn by reportlab with the tests' CJK font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from tests.render.pdf import FONT, font_file

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(font_file()), subfontIndex=0))
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setFont(FONT, 10)
    draw_page(canvas)
    canvas.showPage()
    canvas.save()
    return path


class TestCharacters:
    def test_the_characters_of_a_libreoffice_rendering_are_pdfplumbers(self):
        """Every character, in the order the page draws it (what trailing_spaces reads),
        with pdfplumber's text, left and right, and height. The foot differs by the font's
        descent where the font's descriptor gives none (LibreOffice writes 0): pdfminer
        takes 0, PDFium the font file's."""
        with pdfplumber.open(LIBREOFFICE) as pdf:
            for page, theirs in zip(pages_of(LIBREOFFICE), pdf.pages, strict=True):
                ours = page.chars
                assert [c["text"] for c in ours] == [c["text"] for c in theirs.chars]
                for mine, their in zip(ours, theirs.chars, strict=True):
                    assert close(mine["x0"], their["x0"]), (mine, their)
                    assert close(mine["x1"], their["x1"]), (mine, their)
                    assert close(mine["bottom"] - mine["top"], their["bottom"] - their["top"])
                    assert mine["upright"] == their["upright"]

    def test_boxes_stand_where_pdfminer_puts_them_when_the_font_says_its_descent(self, tmp_path):
        """reportlab writes the descent. Its widths have fractions of a thousandth of an em,
        which PDFium rounds away: a figure of 10 points is 0.008 narrower, and the
        characters after it stand that much further left."""
        path = draw(tmp_path / "text.pdf", lambda c: c.drawString(72, 700, "项目 2024 年"))
        (page,) = pages_of(path)
        with pdfplumber.open(path) as pdf:
            theirs = pdf.pages[0].chars
        assert [c["text"] for c in page.chars] == [c["text"] for c in theirs]
        for mine, their in zip(page.chars, theirs, strict=True):
            for key in ("top", "bottom", "size"):
                assert close(mine[key], their[key]), (key, mine, their)
            for key in ("x0", "x1"):
                assert abs(mine[key] - their[key]) < 0.1, (key, mine, their)

    @pytest.mark.parametrize("angle", [90, 180, 30])
    def test_turned_text_has_pdfminers_box(self, tmp_path, angle):
        def turned(canvas):
            canvas.translate(300, 400)
            canvas.rotate(angle)
            canvas.drawString(0, 0, "绩效 A1")

        path = draw(tmp_path / "turned.pdf", turned)
        (page,) = pages_of(path)
        with pdfplumber.open(path) as pdf:
            theirs = pdf.pages[0].chars
        assert [c["text"] for c in page.chars] == [c["text"] for c in theirs]
        for mine, their in zip(page.chars, theirs, strict=True):
            for key in ("x0", "x1", "top", "bottom", "size", "upright"):
                assert abs(mine[key] - their[key]) < 0.1, (key, mine, their)

    def test_a_space_drawn_alone_at_a_lines_end_is_read(self, tmp_path):
        """LibreOffice draws the space a line was broken at as a text object of its own;
        PDFium's text page leaves such an object out (it has no ink)."""

        def lines(canvas):
            canvas.drawString(72, 700, "绩效目标")
            canvas.drawString(112, 700, " ")
            canvas.drawString(72, 686, "产出指标")

        (page,) = pages_of(draw(tmp_path / "space.pdf", lines))
        assert "".join(c["text"] for c in page.chars) == "绩效目标 产出指标"
        space = page.chars[4]
        assert close(space["x0"], 112)
        assert space["x1"] > space["x0"]
        assert trailing_spaces([page.chars])

    def test_without_such_a_space_no_line_is_taken_as_broken_at_one(self, tmp_path):
        def lines(canvas):
            canvas.drawString(72, 700, "绩效目标")
            canvas.drawString(72, 686, "产出指标")

        (page,) = pages_of(draw(tmp_path / "plain.pdf", lines))
        assert "".join(c["text"] for c in page.chars) == "绩效目标产出指标"
        assert not trailing_spaces([page.chars])


class TestRulingLines:
    def test_lines_rectangles_and_curves_are_pdfplumbers_edges(self, tmp_path):
        def shapes(canvas):
            canvas.line(72, 700, 300, 700)
            canvas.line(72, 700, 72, 600)
            canvas.rect(100, 500, 150, 40)
            canvas.rect(100, 450, 150, 0.5, stroke=0, fill=1)  # a rule drawn as a bar
            canvas.bezier(300, 300, 320, 340, 360, 340, 380, 300)

        path = draw(tmp_path / "shapes.pdf", shapes)
        (page,) = pages_of(path)
        with pdfplumber.open(path) as pdf:
            theirs = pdf.pages[0].edges

        def described(edges):
            return sorted(
                (e["orientation"] or "", *(round(e[k], 2) for k in ("x0", "x1", "top", "bottom")))
                for e in edges
            )

        assert described(page.edges) == described(theirs)
        assert len([e for e in page.edges if e["orientation"] == "h"]) == 6  # the curve's too
        assert sorted(e["object_type"] for e in page.edges) == sorted(
            e["object_type"] for e in theirs
        )

    @pytest.mark.parametrize("number", [0, 3, 6])
    def test_the_tables_found_are_pdfplumbers(self, number):
        """A page of the committed rendering: the same cells, merged cells as None."""
        page = pages_of(LIBREOFFICE)[number]
        with pdfplumber.open(LIBREOFFICE) as pdf:
            theirs = pdf.pages[number].find_tables()
        ours = page.find_tables()
        assert len(ours) == len(theirs)
        for mine, their in zip(ours, theirs, strict=True):
            assert len(mine.rows) == len(their.rows)
            for row, their_row in zip(mine.rows, their.rows, strict=True):
                assert [cell is None for cell in row.cells] == [
                    cell is None for cell in their_row.cells
                ]
                for cell, their_cell in zip(row.cells, their_row.cells, strict=True):
                    if cell is not None:
                        assert all(map(close, cell, their_cell)), (cell, their_cell)


class TestTextLines:
    def test_text_lines_and_what_lies_within_a_box(self, tmp_path):
        def lines(canvas):
            canvas.drawString(72, 700, "部门预算")
            canvas.drawString(150, 700, "项目支出")
            canvas.drawString(72, 680, "第二行")

        (page,) = pages_of(draw(tmp_path / "lines.pdf", lines))
        found = page.text_lines(page.chars)
        assert [line["text"] for line in found] == ["部门预算 项目支出", "第二行"]
        assert found[0]["top"] < found[1]["top"]
        first_line = page.within((0, 0, page.width, found[0]["bottom"] + 1))
        assert "".join(c["text"] for c in first_line) == "部门预算项目支出"
        assert page.text_lines([]) == []
