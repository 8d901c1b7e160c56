"""Draw the blocks as a PDF the way the bureaus' documents look: A4, a running header and a
page number on every page after the cover, bordered tables whose long cells wrap and which
run over page breaks (rows are not kept together, so a break can fall inside a table)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak as PdfPageBreak
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus import Table as PdfTable

from tests.render.blocks import COLUMNS, Block, PageBreak, Table, Text

FONT_FILES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
)
"""A CJK TrueType font (Debian's fonts-wqy-microhei, installed by `make test`). It is
embedded as a subset with a ToUnicode map, as the bureaus' PDFs are."""

FONT = "CJK"
_WIDTHS = [22 * mm, 24 * mm, 26 * mm, 24 * mm, 24 * mm, 20 * mm, 30 * mm]
_STYLES = {
    "cover": ParagraphStyle("cover", fontName=FONT, fontSize=18, leading=30, alignment=1),
    "heading": ParagraphStyle("heading", fontName=FONT, fontSize=14, leading=24, alignment=1),
    "title": ParagraphStyle("title", fontName=FONT, fontSize=12, leading=20, spaceBefore=10),
    "body": ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=16, wordWrap="CJK"),
    "toc": ParagraphStyle("toc", fontName=FONT, fontSize=10.5, leading=16),
    "cell": ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10, wordWrap="CJK"),
}


def font_file() -> Path:
    for path in FONT_FILES:
        if path.exists():
            return path
    raise FileNotFoundError(
        "no CJK TrueType font: install Debian's fonts-wqy-microhei (`make test` does)"
    )


def render_pdf(
    blocks: list[Block], path: Path, running_header: str, valign: str = "MIDDLE"
) -> None:
    """`valign`: where text sits in its cell; "MIDDLE" as the bureaus' Excel/WPS tables,
    "TOP" as Word's."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(font_file()), subfontIndex=0))

    def furniture(canvas: Canvas, document: SimpleDocTemplate) -> None:
        page = canvas.getPageNumber()
        if page == 1:
            return  # the cover has neither
        canvas.saveState()
        canvas.setFont(FONT, 9)
        width, height = A4
        canvas.drawCentredString(width / 2, height - 12 * mm, running_header)
        canvas.drawCentredString(width / 2, 10 * mm, f"- {page - 1} -")
        canvas.restoreState()

    template = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
        title=running_header,
        # The same bytes for the same blocks: tests can cache and compare renderings.
        invariant=1,
    )
    template.build(_flowables(blocks, valign), onFirstPage=furniture, onLaterPages=furniture)


def _flowables(blocks: list[Block], valign: str) -> list[object]:
    flowables: list[object] = []
    for block in blocks:
        if isinstance(block, Text):
            flowables.append(Paragraph(escape(block.text), _STYLES[block.style]))
        elif isinstance(block, Table):
            flowables += [_table(block, valign), Spacer(1, 4 * mm)]
        elif isinstance(block, PageBreak):
            flowables.append(PdfPageBreak())
    return flowables


def _table(table: Table, valign: str) -> PdfTable:
    grid: list[list[object]] = [[""] * COLUMNS for _ in range(table.row_count)]
    style: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), valign),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for cell in table.cells:
        grid[cell.row][cell.column] = Paragraph(escape(cell.text), _STYLES["cell"])
        if cell.columns > 1 or cell.rows > 1:
            last = (cell.column + cell.columns - 1, cell.row + cell.rows - 1)
            style.append(("SPAN", (cell.column, cell.row), last))
    return PdfTable(grid, colWidths=_WIDTHS, style=style, splitByRow=1)
