"""Workbooks for Excel: one sheet a table, a bold header row in the documents' words that stays
put when scrolling, a filter on every column, columns wide enough for Chinese text (two
columns a character), money kept as the exact decimal text.

Every text cell goes through store/spreadsheet.py: no formulas (openpyxl would write a text
starting with "=" as one), and the control characters openpyxl refuses shown escaped, so a
document holding them is written like any other. The workbook is written beside its place
and moved there whole: a failed write (a full disk) leaves no half a file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from jixiao.store.spreadsheet import safe_cell


@dataclass(frozen=True)
class Sheet:
    title: str
    columns: Sequence[str]
    rows: Sequence[dict[str, Any]]
    headers: Sequence[str] | None = None
    """What the header row says (sheet_headers.py); the column keys when None."""


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.title[:31])  # Excel's limit
        worksheet.append(list(sheet.headers or sheet.columns))
        for cell in worksheet[1]:
            cell.font = Font(bold=True)
        rows = [[safe_cell(row.get(column)) for column in sheet.columns] for row in sheet.rows]
        for values in rows:
            worksheet.append(values)
            for cell in worksheet[worksheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text, whatever it looks like
        for index, column in enumerate(sheet.headers or sheet.columns, start=1):
            width = max(_width(str(value)) for value in [column, *(row[index - 1] for row in rows)])
            worksheet.column_dimensions[get_column_letter(index)].width = min(60, width + 2)
        worksheet.freeze_panes = "A2"  # the header row stays put
        if len(sheet.columns) > 1:  # a table, not a letter's lines: filter by any column
            worksheet.auto_filter.ref = worksheet.dimensions
    partial = path.with_name(f".{path.name}.partial")
    try:
        workbook.save(partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
