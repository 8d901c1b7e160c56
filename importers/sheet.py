"""Excel and WPS workbooks (.xlsx), read with openpyxl: every sheet's cells, rendered as a
tab-separated dump (a row a line, cells split by tabs) and read as one — the template
filled in a spreadsheet, one sheet holding every table or a sheet per project.

- Sheets are rendered in the workbook's order, each starting on a new line after a form
  feed (as the pages of a PDF rendering), so a line can be traced to its sheet: the Nth
  form feed starts sheet N+1. A spreadsheet has no page headers, so nothing is left out as
  page furniture (the budget-unit line that heads every sheet of a sheet-per-project
  workbook is content).
- Each row is padded to the sheet's width (the last column holding a value): merged cells
  keep the grid, their covered cells empty; a row whose only text is in column A is a
  line of text (importers/grid.py).
- A number is shown as its number format shows it (importers/number_format.py: `0.00` →
  16.80, `0%` → 100%), exactly; a formula by the value the spreadsheet saved with it; a
  date as ISO text (2024-12-31); a cell's line breaks are joined with a space.

The rendering is what the store keeps as the document's source, so line numbers refer to
it, as for a PDF or a .docx.
"""

from __future__ import annotations

import warnings
import zipfile
from io import BytesIO
from typing import Any

from jixiao.i18n import N_, _
from jixiao.importers import tabbed
from jixiao.importers.grid import cell_text, grid_line
from jixiao.importers.merged_cells import CoveredCells, merged_ranges
from jixiao.importers.model import ParsedDocument, SourceInfo
from jixiao.importers.number_format import shown
from jixiao.importers.report import ImportFault, ImportReport
from jixiao.importers.template import Overrides, TemplateWalker

NAME = "xlsx"
DESCRIPTION = N_("Excel/WPS .xlsx workbook: every sheet's rows read from the file (openpyxl)")
ENCODING = "xlsx"
"""What the import report gives as the encoding: the text comes out of the file's XML."""

_ZIP = b"PK\x03\x04"
_WORKBOOK = "xl/workbook.xml"
_BINARY_WORKBOOK = "xl/workbook.bin"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""An OLE2 compound file: an old binary Office file (.xls, .doc), or an encrypted one."""


def recognises(data: bytes) -> bool:
    """A ZIP archive holding a workbook: .xlsx, .xlsm — and .xlsb, so that it is refused
    with a word on what to do rather than as an unknown binary file."""
    if not data.startswith(_ZIP):
        return False
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, UnicodeDecodeError, NotImplementedError):
        return False  # damaged (a name's bytes too): the refusal says so
    return _WORKBOOK in names or _BINARY_WORKBOOK in names


def render(data: bytes, filename: str) -> str:
    import openpyxl

    if not recognises(data):
        raise ImportFault(filename, None, not_a_workbook(data))
    with zipfile.ZipFile(BytesIO(data)) as archive:
        if _WORKBOOK not in archive.namelist():
            raise ImportFault(
                filename,
                None,
                _(
                    "this is an Excel binary workbook (.xlsb), which jixiao cannot read; save "
                    "it as .xlsx (Excel: Save As → Excel Workbook; or `soffice --headless "
                    "--convert-to xlsx FILE.xlsb`) and import that"
                ),
            )
    try:
        with warnings.catch_warnings():
            # openpyxl warns about parts it does not keep (data validation, extensions…),
            # which do not matter to the text.
            warnings.simplefilter("ignore")
            # Read-only: a streaming read, twice as fast as a full load, most of which
            # goes into styling the borders of merged cells. The merged ranges are read
            # from the sheets' XML instead (importers/merged_cells.py).
            workbook = openpyxl.load_workbook(BytesIO(data), read_only=True, data_only=True)
            with zipfile.ZipFile(BytesIO(data)) as archive:
                merged = merged_ranges(archive)
            sheets = [
                _sheet_lines(sheet, merged.get(sheet.title, CoveredCells()))
                for sheet in workbook.worksheets
            ]
            workbook.close()
    except Exception as error:  # openpyxl raises many kinds for a damaged package
        raise ImportFault(
            filename,
            None,
            _("cannot read this .xlsx ({error}); is it damaged or cut short?").format(error=error),
        ) from None
    if not any(line for lines in sheets for line in lines):
        raise ImportFault(filename, None, _("the workbook has no text in any of its sheets"))
    return "\n\f".join("\n".join(lines) for lines in sheets) + "\n"


def parse(source: SourceInfo, report: ImportReport, overrides: Overrides) -> ParsedDocument:
    """Read the rendering as a tab-separated dump, but not page by page: the form feeds part
    sheets, which have no running headers or page numbers to leave out."""
    return TemplateWalker(source, tabbed.split_row, report).walk(overrides)


def not_a_workbook(data: bytes) -> str:
    """What to tell the user about a file handed to this reader that it cannot open."""
    if data.startswith(_OLE2):
        head = data[: 1 << 20]
        if "EncryptedPackage".encode("utf-16-le") in head:
            return _(
                "the workbook is password-protected (encrypted); save an unprotected copy "
                "(Excel: File → Info → Protect Workbook → Encrypt with Password, cleared) "
                "and import that"
            )
        return _(
            "this is an old binary Excel workbook (.xls), not an .xlsx: import it without "
            "--layout (jixiao converts it through LibreOffice where soffice is installed), "
            "or convert it with `soffice --headless --convert-to xlsx FILE.xls` (or save it "
            "as .xlsx in Excel or WPS) and import the .xlsx"
        )
    return _("not an Excel .xlsx workbook (a ZIP archive holding {workbook})").format(
        workbook=_WORKBOOK
    )


def _sheet_lines(sheet: Any, covered: CoveredCells) -> list[str]:
    """The sheet's rows as lines, each as wide as the sheet's widest row of text."""
    sheet.reset_dimensions()  # the file's <dimension> may be wrong: read every row there is
    rows: dict[int, dict[int, str]] = {}
    for cells in sheet.iter_rows():
        for cell in cells:
            if getattr(cell, "value", None) is None or (cell.row, cell.column) in covered:
                continue
            text = _cell(cell)
            if text:
                rows.setdefault(cell.row, {})[cell.column] = text
    if not rows:
        return []
    width = max(max(row) for row in rows.values())
    return [
        grid_line([rows.get(number, {}).get(column, "") for column in range(1, width + 1)])
        for number in range(1, max(rows) + 1)
    ]


def _cell(cell: Any) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return cell_text(value)
    return cell_text(shown(value, cell.number_format))
