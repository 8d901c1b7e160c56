"""The 审核意见 letter as a Word document (python-docx), laid out as an official letter: the
title centred in 小标宋 (黑体 where missing), the body in 仿宋 三号 with a two-character indent,
parts in 黑体, project headings in 楷体, the table of grades with ruled cells, the reviewer and
date on the right.

Document text goes through `visible` (importers/controls.py): a control character shows
escaped instead of making a file Word refuses (XML cannot hold most of them). The file is
written beside its place and moved there whole, as the workbooks are."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Cm, Length, Pt
from docx.table import _Cell
from docx.text.run import Run

from jixiao.importers.controls import visible
from jixiao.store.letter_wording import Block, Heading, Paragraph, Table

BODY_FONT, BODY_SIZE = "仿宋", Pt(16)  # 三号, the size of an official letter's body
INDENT = Pt(32)  # two characters of the body
TABLE_SIZE = Pt(10.5)  # 五号: six columns must fit the page
COLUMN_WIDTHS = (Cm(1.2), Cm(3.2), Cm(6.0), Cm(2.2), Cm(1.6), Cm(1.4))
"""The grade table's columns (序号, 预算单位, 项目名称, 预算数, 审核等级, 问题数): the name gets the
room, and they add up to the A4 page's 15.6 cm of text."""
HEADING_FONTS = {0: ("方正小标宋简体", Pt(22)), 1: ("黑体", BODY_SIZE), 2: ("楷体", BODY_SIZE)}


def write_letter_docx(path: Path, blocks: list[Block]) -> None:
    document = Document()
    _a4_page(document)
    normal = document.styles["Normal"]
    normal.font.size = BODY_SIZE
    _set_font(normal.element.get_or_add_rPr(), BODY_FONT)
    for block in blocks:
        if isinstance(block, Heading):
            _heading(document, block)
        elif isinstance(block, Paragraph):
            _paragraph(document, block)
        else:
            _table(document, block)
    partial = path.with_name(f".{path.name}.partial")
    try:
        document.save(str(partial))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def _heading(document: WordDocument, block: Heading) -> None:
    paragraph = document.add_paragraph()
    font, size = HEADING_FONTS.get(block.level, HEADING_FONTS[2])
    run = paragraph.add_run(visible(block.text))
    _style_run(run, font, size, bold=block.level == 0)
    if block.level == 0:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(16)
    else:
        paragraph.paragraph_format.first_line_indent = INDENT


def _paragraph(document: WordDocument, block: Paragraph) -> None:
    paragraph = document.add_paragraph(visible(block.text))
    if block.align == "right":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif block.indent:
        paragraph.paragraph_format.first_line_indent = INDENT


def _table(document: WordDocument, block: Table) -> None:
    table = document.add_table(rows=1, cols=len(block.headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header = table.rows[0]
    # Repeated at the top of every page the table runs onto.
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, text in zip(header.cells, block.headers, strict=True):
        _cell_text(cell, text, bold=True)
    for row in block.rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            _cell_text(cell, value)
    if len(block.headers) == len(COLUMN_WIDTHS):
        for column, width in zip(table.columns, COLUMN_WIDTHS, strict=True):
            column.width = width  # the grid LibreOffice reads; Word reads each cell's
            for cell in column.cells:
                cell.width = width


def _a4_page(document: WordDocument) -> None:
    """A4 with the margins of an official document (GB/T 9704: 37 mm top, 28 mm left)."""
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)


def _cell_text(cell: _Cell, value: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(visible(value))
    _style_run(run, BODY_FONT, TABLE_SIZE, bold=bold)


def _style_run(run: Run, font: str, size: Length, bold: bool = False) -> None:
    run.font.size = size
    run.font.bold = bold
    _set_font(run._element.get_or_add_rPr(), font)


def _set_font(properties: CT_RPr, font: str) -> None:
    """Word takes a Chinese text's font from eastAsia, which python-docx's font.name leaves
    alone; both are set so that the Latin figures match."""
    fonts = properties.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attribute), font)
