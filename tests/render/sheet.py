"""Write the blocks as an .xlsx the way a department fills the template in Excel or WPS:
text in the first column, tables on the template's seven columns with merged cells,
figures typed as numbers (money with two decimals, shares as percentages, which a
spreadsheet stores as fractions) and the goals as one cell with line breaks.

`per_project=True` gives a sheet per project table after a first sheet with the front
matter and part one, as some departments send it."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from tests.render.blocks import Block, PageBreak, Table, Text

_NUMBER = re.compile(r"^\d+(?:\.(\d+))?$")
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)%$")


def render_xlsx(blocks: list[Block], path: Path, per_project: bool = False) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "绩效文本"
    row = 1
    for block in blocks:
        if per_project and isinstance(block, Text) and block.style == "title":
            sheet = workbook.create_sheet(re.sub(r"[][:*?/\\]", "", block.text)[:28])
            row = 1
        if isinstance(block, Text):
            sheet.cell(row, 1, block.text)
            row += 1
        elif isinstance(block, Table):
            row = _table(sheet, block, row) + 1
        elif isinstance(block, PageBreak):
            row += 1
    workbook.save(str(path))


def _table(sheet: Worksheet, table: Table, first_row: int) -> int:
    for cell in table.cells:
        row, column = first_row + cell.row, 1 + cell.column
        target = sheet.cell(row, column)
        if cell.paragraphs:
            target.value = "\n".join(cell.paragraphs)
            target.alignment = Alignment(wrap_text=True, vertical="center")
        else:
            _typed(target, cell.text)
        if cell.columns > 1 or cell.rows > 1:
            sheet.merge_cells(
                start_row=row,
                start_column=column,
                end_row=row + cell.rows - 1,
                end_column=column + cell.columns - 1,
            )
    return first_row + table.row_count


def _typed(target: object, text: str) -> None:
    """A figure as a spreadsheet holds it once typed in: a number with its display format."""
    number, percent = _NUMBER.match(text), _PERCENT.match(text)
    if number:
        decimals = len(number.group(1) or "")
        target.value = float(text) if decimals else int(text)  # type: ignore[attr-defined]
        target.number_format = "0." + "0" * decimals if decimals else "0"  # type: ignore[attr-defined]
    elif percent:
        target.value = float(Decimal(percent.group(1)) / 100)  # type: ignore[attr-defined]
        decimals = len(percent.group(1).partition(".")[2])
        target.number_format = "0." + "0" * decimals + "%" if decimals else "0%"  # type: ignore[attr-defined]
    else:
        target.value = text  # type: ignore[attr-defined]
