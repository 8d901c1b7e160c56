"""Rebuild one project table of a pdftotext -layout dump as rows of cells.

In such a dump a table row is several lines: a cell that wrapped runs over lines of its own,
and text is centred in its cell, so a short cell sits on the row's middle line and a merged
cell (一级指标, 预算规模及资金用途) on the middle line of the rows it covers, often a line
between two rows. The top rows and the indicator rows are rebuilt apart
(importers/spaced_top.py, importers/spaced_indicators.py; importers/spaced_tight.py for a
table an office suite drew tight, text at the top of each cell and no blank line between
rows); each rebuilt row lists every source line it was made of, so that every line is
accounted for.

pdftotext places text at positions worked out page by page: a page's columns come from an
indicator header row on it, or, on a page a table continues onto without one, from its
lines' positions matched to the columns of the nearest page that has one.
"""

from __future__ import annotations

import re

from jixiao.i18n import _
from jixiao.importers.columns import align, distinct_starts, pieces
from jixiao.importers.lines import Line
from jixiao.importers.report import ImportFault
from jixiao.importers.spaced_indicators import IndicatorRows
from jixiao.importers.spaced_rows import PagedLine, RebuiltRow
from jixiao.importers.spaced_tight import TightRows, is_tight
from jixiao.importers.spaced_top import top_rows
from jixiao.importers.text import label


def is_indicator_header(text: str) -> bool:
    squashed = label(text)
    return squashed.startswith("一级指标") and "二级指标" in squashed


def header_starts(text: str) -> list[int]:
    return [match.start() for match in re.finditer(r"\S+", text)]


class TableRebuilder:
    def __init__(self, filename: str, grids: dict[int, list[int]]) -> None:
        """`grids`: the column starts of each page that has an indicator header row."""
        self._filename = filename
        self._grids = grids
        self._indicators = IndicatorRows(filename, self.grid)
        self._tight = TightRows()

    @property
    def notes(self) -> list[tuple[int, str]]:
        """(line, warning) for the import report."""
        return sorted(self._indicators.notes + self._tight.notes)

    def rows(self, lines: list[PagedLine]) -> list[RebuiltRow]:
        """The table's lines, from its first row to the line before the next title."""
        header = next(
            (i for i, (_, line) in enumerate(lines) if is_indicator_header(line.text)), None
        )
        if header is None:
            grid = self.grid(lines[0][0], [line for _, line in lines])
            return top_rows(lines, grid[1] if len(grid) > 1 else 0)
        grid = self.grid(lines[header][0], [])
        # An office suite draws rows tight, text at the top of each cell; other PDFs leave
        # space around centred text, which pdftotext writes as blank lines between rows.
        indicators = self._tight if is_tight(lines[header:]) else self._indicators
        return top_rows(lines[:header], grid[1]) + indicators.rows(lines[header:])

    def grid(self, page: int, lines: list[Line]) -> list[int]:
        """The page's column starts: from its own header row, or else the positions of the
        table's `lines` on it matched to the nearest page's columns."""
        if page in self._grids:
            return self._grids[page]
        if not self._grids:
            raise ImportFault(
                self._filename,
                None,
                _(
                    "no indicator header row (一级指标 二级指标 三级指标 …) was found, so the "
                    "columns of the tables cannot be told"
                ),
            )
        known = self._grids[min(self._grids, key=lambda known: abs(known - page))]
        observed = distinct_starts([p.start for line in lines for p in pieces(line.text)])
        self._grids[page] = align(observed, known)
        return self._grids[page]
