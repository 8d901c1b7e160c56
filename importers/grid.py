"""A spreadsheet row as a line of the tab-separated dump, shared by the .xlsx reader and
the reader of its text exports (CSV, tab-separated): a spreadsheet has no tables, only a
grid, so each row becomes a table row or a line of text by what it holds."""

from __future__ import annotations

from jixiao.importers.text import one_line

_BREAKS = str.maketrans({"\r": "\n", "\f": "\n", "\v": "\n", "\u2028": "\n", "\u2029": "\n"})


def cell_text(text: str) -> str:
    """A cell's text on one line: its line breaks (Alt+Enter in Excel, any of \\r\\n, \\r,
    \\n; a form feed or vertical tab too, which would otherwise start a page or a line
    of their own) joined as the other readers join a cell's lines (importers/text.py)."""
    return one_line(text.replace("\r\n", "\n").translate(_BREAKS))


def grid_line(cells: list[str]) -> str:
    """The row's cells split by tabs, the grid kept (a merged cell's covered cells are
    empty, as in the dumps of a PDF or a .docx). A row whose only text is in its first
    cell is a line of text (a heading, a paragraph of part one), as a paragraph is in the
    .docx rendering; a row of empty cells is a blank line."""
    if not any(cells):
        return ""
    if not any(cells[1:]):
        return cells[0]
    return "\t".join(cells)
