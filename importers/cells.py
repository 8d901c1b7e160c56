"""A table cell a line: LibreOffice Writer's plain-text export of a document with tables, and
what copying a table out of some PDF viewers gives. Each cell stands on a line of its own,
an empty cell (also the part of a merged cell a row does not own) is an empty line, and a
cell's paragraphs are lines of their own; nothing marks where a row ends.

So the rows are rebuilt from the template's known shape (importers/cell_shape.py), checked
cell by cell against the labels the template has, and read as a tab-separated dump. A
rebuilt row carries the number of its first non-blank source line and lists all of them, so
every source line is used or reported. Where the text does not fit the shape, the import
stops at the line and says what was expected: a missing cell moves every cell after it, so
guessing would put values under the wrong labels.
"""

from __future__ import annotations

import re

from jixiao.i18n import N_
from jixiao.importers import tabbed
from jixiao.importers.cell_shape import rebuild_table
from jixiao.importers.lines import Line, Reading, number_lines
from jixiao.importers.model import ParsedDocument, SourceInfo
from jixiao.importers.report import ImportReport
from jixiao.importers.template import Overrides, TemplateWalker, table_title
from jixiao.importers.text import label

NAME = "cells"
DESCRIPTION = N_("a table cell a line, as LibreOffice Writer's plain-text export writes")

_ROW_LABELS = ("项目编码", "预算规模及资金用途", "资金支出计划(%)", "绩效目标", "一级指标")
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")


def sniff(text: str) -> float:
    """The share of the table's row labels that stand alone on a line, unindented. A
    tab-separated or space-aligned dump has its rows on lines (tabs, runs of spaces): it
    scores nothing here."""
    lines = text.split("\n")
    aligned = sum(1 for raw in lines if "\t" in raw or "   " in raw.strip())
    if aligned > max(2, len(lines) // 50):
        return 0.0
    found = set()
    for raw in lines:
        if raw[:1].isspace() or len(raw) > 16:
            continue
        name = label(raw)
        if name in _ROW_LABELS:
            found.add(name)
            if len(found) == len(_ROW_LABELS):
                return 1.0
    return len(found) / len(_ROW_LABELS)


def parse(source: SourceInfo, report: ImportReport, overrides: Overrides) -> ParsedDocument:
    reading = rebuild(source.text.removesuffix("\n"), source.filename)
    return TemplateWalker(source, tabbed.split_row, report, reading).walk(overrides)


def rebuild(text: str, filename: str) -> Reading:
    """The lines for the template walker: text outside the tables as it is, each table
    (from its 项目编码 line to the next table title, part heading or the end) as rows."""
    source = number_lines(text)
    lines: list[Line] = []
    parts: dict[int, tuple[int, ...]] = {}
    position = 0
    while position < len(source):
        line = source[position]
        if label(line.text) != "项目编码":
            # A tab would make the walker take the line for a table row.
            lines.append(Line(line.number, line.text.replace("\t", " ").strip()))
            position += 1
            continue
        end = _table_end(source, position)
        end_number = source[end].number if end < len(source) else None
        for cells, numbers in rebuild_table(source[position:end], filename, end_number):
            if not numbers:
                continue  # a row of empty cells: its lines are blank, counted as such
            lines.append(Line(numbers[0], "\t".join(cells)))
            if len(numbers) > 1:
                parts[numbers[0]] = numbers
        position = end
    return Reading(lines, parts)


def _table_end(source: list[Line], start: int) -> int:
    """Where the table starting at `start` ends: the next table title (also one wrapped
    over two lines), the next part, or the end of the text."""
    filled = [i for i in range(start + 1, len(source)) if source[i].text.strip()]
    for order, index in enumerate(filled):
        text = source[index].text.strip()
        if not (_PART.match(text) or text[:1].isdigit()):
            continue
        following = source[filled[order + 1]].text if order + 1 < len(filled) else None
        if _PART.match(text) or table_title(text, following):
            return index
    return len(source)
