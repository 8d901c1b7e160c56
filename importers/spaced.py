"""pdftotext -layout dumps: the page drawn in characters, table cells aligned with runs of
spaces, a wrapped cell running over lines of its own, pages separated by form feeds.

The tables are rebuilt as rows of cells (importers/spaced_table.py) and the rest of the
text is taken line by line, page furniture left out; then the template is read as from a
tab-separated dump. A rebuilt row carries the number of its first source line and lists
all of them, so every source line is used or reported.
"""

from __future__ import annotations

import re

from jixiao.i18n import N_
from jixiao.importers import tabbed
from jixiao.importers.lines import Line, Reading
from jixiao.importers.model import ParsedDocument, SourceInfo
from jixiao.importers.pages import page_furniture, split_pages
from jixiao.importers.report import ImportReport
from jixiao.importers.spaced_rows import PagedLine
from jixiao.importers.spaced_table import TableRebuilder, header_starts, is_indicator_header
from jixiao.importers.template import Overrides, TemplateWalker, table_title
from jixiao.importers.text import label

NAME = "spaced"
DESCRIPTION = N_("columns aligned with spaces, as `pdftotext -layout` writes")

_ROW_LABELS = ("项目编码", "预算规模", "资金支出计划", "一级指标")
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")


def sniff(text: str) -> float:
    """The share of the table's row labels that start a line followed, on that line, by a
    run of spaces and more text — and no tab anywhere on it."""
    found = set()
    for raw in text.split("\n"):
        if "\t" in raw or "  " not in raw:
            continue
        first = label(raw.lstrip()[:8])
        for row_label in _ROW_LABELS:
            if first.startswith(row_label[:4]):
                found.add(row_label)
                if len(found) == len(_ROW_LABELS):
                    return 1.0
    return len(found) / len(_ROW_LABELS)


def parse(source: SourceInfo, report: ImportReport, overrides: Overrides) -> ParsedDocument:
    reading, notes = rebuild(source.text.removesuffix("\n"), source.filename)
    for line, message in notes:
        report.warn(line, message)
    return TemplateWalker(source, tabbed.split_row, report, reading).walk(overrides)


def rebuild(text: str, filename: str) -> tuple[Reading, list[tuple[int, str]]]:
    """The lines for the template walker, and warnings about how tables were rebuilt."""
    pages = split_pages(text)
    furniture = page_furniture(pages)
    flat: list[PagedLine] = [
        (index, line)
        for index, page in enumerate(pages)
        for line in page
        if line.number not in furniture
    ]
    grids = {
        index: header_starts(line.text)
        for index, line in reversed(flat)
        if is_indicator_header(line.text)
    }
    tables = TableRebuilder(filename, grids)
    lines: list[Line] = []
    parts: dict[int, tuple[int, ...]] = {}
    position = 0
    while position < len(flat):
        _, line = flat[position]
        if not label(line.text).startswith("项目编码"):
            lines.append(Line(line.number, line.text.strip()))
            position += 1
            continue
        start = position
        # A cell of the first row that wrapped starts above the 项目编码 line, indented.
        while start > 0 and flat[start - 1][1].text.startswith("  ") and lines:
            start -= 1
            lines.pop()
        end = _table_end(flat, position)
        for row in tables.rows(flat[start:end]):
            first = min(row.parts)
            lines.append(Line(first, "\t".join(row.cells)))
            if len(row.parts) > 1:
                parts[first] = tuple(sorted(row.parts))
        position = end
    return Reading(lines, parts, furniture), tables.notes


def _table_end(flat: list[PagedLine], start: int) -> int:
    """Where the table starting at `start` ends: the next table title (also one wrapped
    over two lines), the next part, or the end of the text."""
    filled = [i for i in range(start + 1, len(flat)) if flat[i][1].text.strip()]
    for order, index in enumerate(filled):
        text = flat[index][1].text.strip()
        following = flat[filled[order + 1]][1].text if order + 1 < len(filled) else None
        if _PART.match(text) or table_title(text, following):
            return index
    return len(flat)
