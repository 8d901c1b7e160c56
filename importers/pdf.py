"""PDF files, read with pdfplumber: each page's ruled tables (a row a line, cells split by
tabs) and the text around them (a line a line), in reading order from the top, pages
separated by form feeds — the shape of a tab-separated dump — then read as one, page
headers, footers and page numbers left out as in any paged dump.

Merged cells keep the grid (pdfplumber gives None for the covered cells: they become
empty); a cell's wrapped lines are joined with a space, which the template reader removes
between CJK characters. The rendering is what the store keeps as the document's source,
so line numbers refer to it; each page starts on a new line after a form feed, so a line
can be traced to its page.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from importers.report import ImportFault
from importers.text import one_line

NAME = "pdf"
DESCRIPTION = "PDF file: ruled tables and text read from the pages (pdfplumber)"
ENCODING = "pdf"
"""What the import report gives as the encoding: the text comes from the PDF's fonts."""

_MAGIC = b"%PDF-"


def recognises(data: bytes) -> bool:
    return _MAGIC in data[:1024]


def render(data: bytes, filename: str) -> str:
    import pdfplumber

    if not recognises(data):
        raise ImportFault(filename, None, "not a PDF file (it does not start with %PDF-)")
    try:
        pdf = pdfplumber.open(BytesIO(data))
    except Exception as error:  # pdfminer raises many kinds for a damaged or locked file
        raise ImportFault(filename, None, _open_problem(error)) from None
    reader = _PageReader()
    pages: list[list[str]] = []
    with pdf:
        for number, page in enumerate(pdf.pages, start=1):
            try:
                pages.append(reader.lines(page))
            except Exception as error:
                raise ImportFault(
                    filename, None, f"cannot read page {number} of the PDF: {error}"
                ) from None
    tables_found = reader.tables
    if not any(line.strip() for lines in pages for line in lines):
        raise ImportFault(
            filename,
            None,
            "the PDF has no text to read (a scan?): jixiao reads a PDF's text and does no OCR",
        )
    if tables_found == 0:
        raise ImportFault(
            filename,
            None,
            "no ruled table was found in the PDF (jixiao finds a PDF's tables by their "
            "lines); make a text dump with `pdftotext -layout FILE.pdf` and import that",
        )
    return "\n\f".join("\n".join(lines) for lines in pages) + "\n"


def _open_problem(error: Exception) -> str:
    # pdfplumber wraps pdfminer's exception: the cause says what went wrong.
    cause = error.args[0] if error.args and isinstance(error.args[0], Exception) else error
    name = type(cause).__name__
    if "Password" in name or "Encrypt" in name:
        return "the PDF is password-protected; save an unprotected copy and import that"
    detail = f"{name}: {cause}" if str(cause) else name
    return f"cannot read this PDF ({detail}); is it damaged or cut short?"


_SAME_X = 2.0
"""Points within which two cell edges are one column edge."""
_EDGE_LINES = 2
"""Text lines above or below a table that still leave it at the page's edge: a running
header or a page number."""


class _PageReader:
    """Reads pages in order, remembering the columns of a table that reached the foot of a
    page: a table continuing at the top of the next page is drawn there with only the
    column lines its rows need, and its cells are placed in the first part's columns."""

    def __init__(self) -> None:
        self.tables = 0
        self._open_columns: list[float] | None = None

    def lines(self, page: Any) -> list[str]:
        taken: set[int] = set()
        items: list[tuple[float, int, list[str]]] = []
        found = page.find_tables()
        self.tables += len(found)
        at_top = bool(found) and len(_lines_between(page, 0, found[0].bbox[1])) <= _EDGE_LINES
        for index, table in enumerate(found):
            columns = _columns(table)
            known = self._open_columns if index == 0 and at_top else None
            if known is not None and _fits(columns, known):
                columns = known
            items.append((table.bbox[1], 1, _table_rows(table, columns, page.chars, taken)))
        # What no table took: the text around the tables, a line a line.
        outside = page.filter(lambda obj: id(obj) not in taken).extract_text_lines()
        items += [(line["top"], 0, [one_line(line["text"])]) for line in outside]
        items.sort(key=lambda item: (item[0], item[1]))
        self._open_columns = None
        if found and len(_lines_between(page, found[-1].bbox[3], page.height)) <= _EDGE_LINES:
            self._open_columns = _columns(found[-1])
        return [line for _, _, lines in items for line in lines]


def _table_rows(
    table: Any, columns: list[float], chars: list[dict[str, Any]], taken: set[int]
) -> list[str]:
    """Each row's cells at their columns, split by tabs; the chars used go into `taken`."""
    from pdfplumber.utils import extract_text

    rows = []
    for row in table.rows:
        cells = [""] * len(columns)
        # The chars of the row's height first (merged cells reach below it): a page has
        # thousands, a row a few dozen.
        top = min(bbox[1] for bbox in row.cells if bbox)
        bottom = max(bbox[3] for bbox in row.cells if bbox)
        near = [c for c in chars if top <= (c["top"] + c["bottom"]) / 2 < bottom]
        for position, bbox in enumerate(row.cells):
            if bbox is None:
                continue
            right = next((c[0] for c in row.cells[position + 1 :] if c), float("inf"))
            inside = [c for c in near if id(c) not in taken and _within(c, bbox, right)]
            taken.update(id(c) for c in inside)
            cells[_column(bbox[0], columns)] = one_line(extract_text(inside))
        rows.append("\t".join(cells))
    return rows


def _lines_between(page: Any, top: float, bottom: float) -> list[dict[str, Any]]:
    return page.within_bbox((0, top, page.width, bottom)).extract_text_lines()


def _columns(table: Any) -> list[float]:
    """The x of every column's left edge, from every cell of the table."""
    edges: list[float] = []
    for x in sorted({bbox[0] for row in table.rows for bbox in row.cells if bbox}):
        if not edges or x - edges[-1] > _SAME_X:
            edges.append(x)
    return edges


def _fits(columns: list[float], known: list[float] | None) -> bool:
    return known is not None and all(any(abs(x - k) <= _SAME_X for k in known) for x in columns)


def _column(x: float, columns: list[float]) -> int:
    return min(range(len(columns)), key=lambda index: abs(columns[index] - x))


def _within(char: dict[str, Any], bbox: tuple[float, ...], right: float) -> bool:
    """Inside the cell by the char's middle; a char that hangs over the cell's right edge
    (CJK punctuation at the end of a line may) still belongs to it, up to the next cell."""
    middle_x = (char["x0"] + char["x1"]) / 2
    middle_y = (char["top"] + char["bottom"]) / 2
    return bbox[1] <= middle_y < bbox[3] and bbox[0] <= middle_x < right
