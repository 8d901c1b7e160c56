"""Write the blocks as a Word .docx with python-docx: paragraphs, and tables with merged
cells (horizontal and vertical), as the bureaus publish them. Rows may break across
pages (Word's default), so an office suite that prints it splits rows at page ends."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm

from tests.render.blocks import COLUMNS, Block, PageBreak, Table, Text

PAPER = {"A4": (Mm(210), Mm(297)), "letter": (Mm(215.9), Mm(279.4))}


def render_docx(
    blocks: list[Block], path: Path, paper: str = "letter", font: str | None = None
) -> None:
    """`paper`: "A4" or "letter" (python-docx's template is letter); `font`: a font for
    Latin and CJK text alike, or the office suite's choice."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = PAPER[paper]
    if font is not None:
        normal = document.styles["Normal"]
        normal.font.name = font
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    for block in blocks:
        if isinstance(block, Text):
            document.add_paragraph(block.text)
        elif isinstance(block, Table):
            _table(document, block)
        elif isinstance(block, PageBreak):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    if blocks and isinstance(blocks[-1], Table):
        # Word always ends a document with a paragraph, after a last table too; LibreOffice
        # reads its own .doc of one that does not without that table.
        document.add_paragraph()
    # python-docx stamps the time into the package: fix it so that a rendering is the same
    # file each time.
    fixed = datetime(2024, 1, 1, tzinfo=UTC)
    document.core_properties.created = document.core_properties.modified = fixed
    document.save(str(path))


def _table(document: docx.document.Document, table: Table) -> None:
    grid = document.add_table(rows=table.row_count, cols=COLUMNS)
    grid.style = "Table Grid"
    for cell in table.cells:
        top_left = grid.cell(cell.row, cell.column)
        if cell.columns > 1 or cell.rows > 1:
            top_left = top_left.merge(
                grid.cell(cell.row + cell.rows - 1, cell.column + cell.columns - 1)
            )
        paragraphs = cell.paragraphs or (cell.text,)
        top_left.text = paragraphs[0]
        for paragraph in paragraphs[1:]:
            top_left.add_paragraph(paragraph)
