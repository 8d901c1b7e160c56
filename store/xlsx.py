"""Workbooks for Excel: one sheet a table, a bold header row, columns wide enough for
Chinese text (two columns a character), money kept as the exact decimal text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter


@dataclass(frozen=True)
class Sheet:
    title: str
    columns: Sequence[str]
    rows: Sequence[dict[str, Any]]


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.title[:31])  # Excel's limit
        worksheet.append(list(sheet.columns))
        for cell in worksheet[1]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            worksheet.append([_cell(row.get(column)) for column in sheet.columns])
        for index, column in enumerate(sheet.columns, start=1):
            values = [column, *(str(row.get(column) or "") for row in sheet.rows)]
            width = max(_width(value) for value in values)
            worksheet.column_dimensions[get_column_letter(index)].width = min(60, width + 2)
        worksheet.freeze_panes = "A2"
    workbook.save(path)


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    return value if isinstance(value, int | float) else str(value)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
