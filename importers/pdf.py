"""PDF files: each page's ruled tables (a row a line, cells split by tabs) and the text
around them (a line a line), in reading order from the top, pages separated by form feeds —
the shape of a tab-separated dump — then read as one, page headers, footers and page
numbers left out as in any paged dump. PDFium (pypdfium2) reads each page's characters and
ruling lines (importers/pdf_page.py); pdfplumber's table finder and text-line grouping read
them.

Merged cells keep the grid (pdfplumber gives None for the covered cells: they become
empty); a cell's wrapped lines are joined as the writer broke them (importers/pdf_cells.py);
a row a page break cut in two is joined back (importers/pdf_breaks.py), so the rows are
written once every page is read. The rendering is what the store keeps as the document's
source, so line numbers refer to it; each page starts on a new line after a form feed, so
a line can be traced to its page. What the reader was not sure of goes to the import
report as warnings on the rendering's lines (render_with_notes).
"""

from __future__ import annotations

from typing import Any

from jixiao.i18n import N_, _
from jixiao.importers.pdf_cells import PageChars, Table, read_table, trailing_spaces
from jixiao.importers.pdf_page import PdfPage, read_page
from jixiao.importers.report import ImportFault
from jixiao.importers.text import one_line

NAME = "pdf"
DESCRIPTION = N_("PDF file: ruled tables and text read from the pages (PDFium, pdfplumber)")
ENCODING = "pdf"
"""What the import report gives as the encoding: the text comes from the PDF's fonts."""

_MAGIC = b"%PDF-"


def recognises(data: bytes) -> bool:
    return _MAGIC in data[:1024]


def render(data: bytes, filename: str) -> str:
    return render_with_notes(data, filename)[0]


def render_with_notes(data: bytes, filename: str) -> tuple[str, list[tuple[int, str]]]:
    """The rendering, and what the reader was not sure of in making it: (line of the
    rendering, message) for the import report's warnings."""
    import pypdfium2

    if not recognises(data):
        raise ImportFault(filename, None, _("not a PDF file (it does not start with %PDF-)"))
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise ImportFault(filename, None, _open_problem(error)) from None
    try:
        pdf_pages = []
        for number in range(1, len(document) + 1):
            try:
                pdf_pages.append(read_page(document, number - 1))
            except Exception as error:
                raise ImportFault(
                    filename,
                    None,
                    _("cannot read page {number} of the PDF: {error}").format(
                        number=number, error=error
                    ),
                ) from None
    finally:
        document.close()
    reader = _PageReader(trailing_spaces(page.chars for page in pdf_pages))
    page_items = [reader.items(page) for page in pdf_pages]
    # Written once every page is read: a row cut by a page break gets its text from the
    # next page.
    pages: list[list[str]] = []
    notes: list[tuple[int, str]] = []
    line_count = 0
    for items in page_items:
        lines, doubts = _page_lines(items)
        notes += [(line_count + index + 1, doubt) for index, doubt in doubts]
        pages.append(lines)
        line_count += max(len(lines), 1)  # an empty page still takes a line
    tables_found = reader.tables
    if not any(line.strip() for lines in pages for line in lines):
        raise ImportFault(
            filename,
            None,
            _("the PDF has no text to read (a scan?): jixiao reads a PDF's text and does no OCR"),
        )
    if tables_found == 0:
        raise ImportFault(
            filename,
            None,
            _(
                "no ruled table was found in the PDF (jixiao finds a PDF's tables by their "
                "lines); make a text dump with `pdftotext -layout FILE.pdf` and import that"
            ),
        )
    return "\n\f".join("\n".join(lines) for lines in pages) + "\n", notes


def _open_problem(error: Exception) -> str:
    # PDFium says why in words: "Failed to load document (PDFium: Incorrect password error)."
    message = str(error)
    if "password" in message.lower():
        return _("the PDF is password-protected; save an unprotected copy and import that")
    detail = message.removeprefix("Failed to load document (").removesuffix(").")
    return _("cannot read this PDF ({detail}); is it damaged or cut short?").format(detail=detail)


_SAME_X = 2.0
"""Points within which two cell edges are one column edge."""
_EDGE_LINES = 2
"""Text lines above or below a table that still leave it at the page's edge: a running
header or a page number."""

_Item = tuple[float, int, "str | Table"]


class _PageReader:
    """Reads pages in order, remembering the table that reached the foot of a page: a
    table continuing at the top of the next page is drawn there with only the column lines
    its rows need, so its cells are placed in the first part's columns, and a row the page
    break cut is joined back (importers/pdf_breaks.py)."""

    def __init__(self, trailing_spaces: bool) -> None:
        self.tables = 0
        self._trailing_spaces = trailing_spaces
        self._open: Table | None = None

    def items(self, page: PdfPage) -> list[_Item]:
        from jixiao.importers.pdf_breaks import join_page_break

        taken: set[int] = set()
        items: list[_Item] = []
        found = page.find_tables()
        self.tables += len(found)
        at_top = bool(found) and len(_lines_between(page, 0, found[0].bbox[1])) <= _EDGE_LINES
        chars = page.chars
        by_height = PageChars(chars)
        tables = []
        for index, pdf_table in enumerate(found):
            columns = _columns(pdf_table)
            above = self._open if index == 0 and at_top else None
            if above is not None and _fits(columns, above.columns):
                columns = above.columns
            table = read_table(pdf_table, columns, by_height, taken, self._trailing_spaces)
            if above is not None:
                join_page_break(above, table)
            tables.append(table)
            items.append((table.bbox[1], 1, table))
        # What no table took: the text around the tables, a line a line.
        outside = page.text_lines([char for char in chars if id(char) not in taken])
        items += [(line["top"], 0, one_line(line["text"])) for line in outside]
        items.sort(key=lambda item: (item[0], item[1]))
        self._open = None
        if found and len(_lines_between(page, found[-1].bbox[3], page.height)) <= _EDGE_LINES:
            self._open = tables[-1]
        return items


def _page_lines(items: list[_Item]) -> tuple[list[str], list[tuple[int, str]]]:
    """The page's lines, and its doubts by the index of the line they concern."""
    lines: list[str] = []
    doubts: list[tuple[int, str]] = []
    for _top, _left, item in items:
        if isinstance(item, Table):
            rows, table_doubts = item.render()
            doubts += [(len(lines) + index, doubt) for index, doubt in table_doubts]
            lines += rows
        else:
            lines.append(item)
    return lines, doubts


def _lines_between(page: PdfPage, top: float, bottom: float) -> list[dict[str, Any]]:
    return page.text_lines(page.within((0, top, page.width, bottom)))


def _columns(table: Any) -> list[float]:
    """The x of every column's left edge, from every cell of the table."""
    edges: list[float] = []
    for x in sorted({bbox[0] for row in table.rows for bbox in row.cells if bbox}):
        if not edges or x - edges[-1] > _SAME_X:
            edges.append(x)
    return edges


def _fits(columns: list[float], known: list[float] | None) -> bool:
    return known is not None and all(any(abs(x - k) <= _SAME_X for k in known) for x in columns)
