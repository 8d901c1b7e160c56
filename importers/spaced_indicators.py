"""The indicator rows of a pdftotext -layout project table.

Columns come from the header row's positions (一级指标, 二级指标, …), page by page. A row
is a run of lines with text right of the first column; blank lines, and lines with text in
the first column only, part rows. Two rows with nothing between them (a wrapped cell or a
一级指标 filled the gap) are parted where each part's cells are best centred. A row cut by
a page break, one part of which is only a wrapped cell's lines, is joined again. Each
一级指标, a merged cell printed in the middle of its rows, is given to the rows it is
centred on (see `centred_spans`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from jixiao.i18n import _
from jixiao.importers.columns import column_of, pieces
from jixiao.importers.levels import FAMILIES
from jixiao.importers.lines import Line
from jixiao.importers.report import ImportFault
from jixiao.importers.spaced_rows import PagedLine, RebuiltRow
from jixiao.importers.text import label

_UNLIKE_COST = 2.0
"""A row put under a 一级指标 its 二级指标 does not belong to costs as much as a label two
lines off the middle of its rows."""

_ANCHOR_CELLS = 3
"""A row's middle line holds at least this many of its cells (all but those that wrapped)."""

GridOf = Callable[[int, list[Line]], list[int]]
"""A page's column starts, given the table's lines on that page."""


@dataclass
class _Line:
    position: int
    """Index among the section's lines (blank ones count), for distances."""
    page: int
    number: int
    cells: list[tuple[int, str]]
    """(column, text): right of the first column, or a first-column text that is no label."""


@dataclass
class _Label:
    centre: float
    first: int
    """The position of its first line."""
    text: str
    page: int
    parts: tuple[int, ...]


class IndicatorRows:
    def __init__(self, filename: str, grid_of: GridOf) -> None:
        self._filename = filename
        self._grid_of = grid_of
        self.notes: list[tuple[int, str]] = []

    def rows(self, lines: list[PagedLine]) -> list[RebuiltRow]:
        """`lines`: from the header row to the end of the table."""
        header_page, header_line = lines[0]
        grid = self._grid_of(header_page, [header_line])
        header = RebuiltRow([""] * len(grid), {header_line.number})
        for piece in pieces(header_line.text, grid):
            header.add(column_of(piece.start, grid), piece.text)

        groups, labels = self._groups(lines[1:])
        rows = []
        for group in groups:
            row = RebuiltRow([""] * len(grid))
            for line in group:
                row.parts.add(line.number)
                for column, text in line.cells:
                    row.add(column, text)
            rows.append(row)
        self._give_level1(groups, rows, labels)
        return [header, *rows]

    def _groups(self, lines: list[PagedLine]) -> tuple[list[list[_Line]], list[_Label]]:
        groups: list[list[_Line]] = []
        current: list[_Line] = []
        level1: list[tuple[int, int, int, str]] = []
        on_page: dict[int, list[Line]] = {}
        for page, line in lines:
            on_page.setdefault(page, []).append(line)
        for position, (page, line) in enumerate(lines):
            starts = self._grid_of(page, on_page[page])
            cells = [(column_of(p.start, starts), p.text) for p in pieces(line.text, starts)]
            level1 += [(position, page, line.number, text) for column, text in cells if not column]
            content = [(column, text) for column, text in cells if column]
            if current and (not content or current[-1].page != page):
                groups.append(current)
                current = []
            if content:
                current.append(_Line(position, page, line.number, content))
        if current:
            groups.append(current)
        groups = [row for group in groups for row in _separate(group)]
        labels = _join_labels(level1)
        # Text in the first column that names no 一级指标 (a note under the table) is a row
        # of its own, which the table reader will report.
        for found in labels:
            if not label(found.text).endswith("指标"):
                line = _Line(int(found.centre), found.page, found.parts[0], [(0, found.text)])
                groups.append([line])
        groups.sort(key=lambda group: group[0].position)
        return _join_split(groups), [
            found for found in labels if label(found.text).endswith("指标")
        ]

    def _give_level1(
        self, groups: list[list[_Line]], rows: list[RebuiltRow], labels: list[_Label]
    ) -> None:
        """Each 一级指标 to its rows, page by page: a label covers rows on its own page; rows
        at the top of a page before any label carry the one above.

        Which rows: if every label stands on the first line of a row (text set at the top
        of its cell, as Word does), each covers the rows from its own to the next label's.
        Otherwise the labels are centred (as Excel and WPS print merged cells): each covers
        the rows it sits in the middle of (`centred_spans`). A split of the rows that puts a
        二级指标 under another 一级指标 than the national framework does is taken only when
        no other fits, and then the import says so."""
        pages = [group[0].page for group in groups]
        extents = [(group[0].position, group[-1].position) for group in groups]
        for page in dict.fromkeys(pages):
            indexes = [i for i, p in enumerate(pages) if p == page]
            on_page = [found for found in labels if found.page == page]
            if not on_page:
                continue
            first_page = page == pages[0]
            page_extents = [extents[i] for i in indexes]
            unlike = [
                [_family(rows[i].cells[1]) not in (None, label(found.text)) for i in indexes]
                for found in on_page
            ]

            at_top = top_spans(page_extents, [found.first for found in on_page], not first_page)
            centres = [found.centre for found in on_page]
            by_position = centred_spans(page_extents, centres, not first_page)
            if at_top is not None and _misplaced(at_top, unlike) == 0:
                spans: list[tuple[int, int]] | None = at_top
            elif _misplaced(by_position, unlike) == 0:
                spans = by_position
            else:
                spans = centred_spans(page_extents, centres, not first_page, unlike)
            if spans is None:
                raise ImportFault(
                    self._filename,
                    min(on_page[0].parts),
                    _(
                        "cannot tell which indicator rows the 一级指标 '{level1}' stands for: it "
                        "is not beside them (expected each 一级指标 at the top or in the middle "
                        "of its rows, as PDF tables print merged cells)"
                    ).format(level1=on_page[0].text),
                )
            if _misplaced(spans, unlike):
                self.notes.append(
                    (
                        min(on_page[0].parts),
                        _(
                            "the 一级指标 of this table do not fit their rows' 二级指标 (数量指标 "
                            "under 产出指标, 社会效益指标 under 效益指标…) whichever way they "
                            "are read: check the levels of this table"
                        ),
                    )
                )
            elif spans not in (by_position, at_top):
                self.notes.append(
                    (
                        min(on_page[0].parts),
                        _(
                            "the 一级指标 of this table sit between rows; by position alone they "
                            "would cover other rows than by what each 二级指标 stands under, and "
                            "the second was taken: check the levels of this table"
                        ),
                    )
                )
            for (first, _last), found in zip(spans, on_page, strict=True):
                row = rows[indexes[first]]
                row.cells[0] = found.text
                row.parts.update(found.parts)


def _misplaced(spans: list[tuple[int, int]] | None, unlike: list[list[bool]]) -> float:
    """How many rows the spans put under a 一级指标 their 二级指标 does not belong to."""
    if spans is None:
        return float("inf")
    return sum(sum(unlike[k][i : j + 1]) for k, (i, j) in enumerate(spans))


def top_spans(
    extents: list[tuple[int, int]], firsts: list[int], prefix_allowed: bool
) -> list[tuple[int, int]] | None:
    """Spans of rows when every label stands on the first line of a row: each label's rows
    run from its own to the next label's. None when a label is not on a row's first line,
    or (on the first page of the table) the first label is not on the first row."""
    tops = [top for top, _ in extents]
    try:
        starts = [tops.index(first) for first in firsts]
    except ValueError:
        return None
    if starts != sorted(set(starts)) or (starts[0] != 0 and not prefix_allowed):
        return None
    ends = [start - 1 for start in starts[1:]] + [len(extents) - 1]
    return list(zip(starts, ends, strict=True))


def centred_spans(
    extents: list[tuple[int, int]],
    centres: list[float],
    prefix_allowed: bool,
    unlike: list[list[bool]] | None = None,
) -> list[tuple[int, int]] | None:
    """Split rows (their first and last line positions) into consecutive spans, one per
    label in order, each label as near the middle of its span as can be and never outside
    it. Rows before the first span are allowed only at the top of a continued page.

    `unlike[label][row]`: the row's 二级指标 belongs under another 一级指标 (the cost of
    such a row is _UNLIKE_COST)."""
    n, k = len(extents), len(centres)
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(k + 1)]
    back = [[0] * (n + 1) for _ in range(k + 1)]
    for j in range(n + 1):
        best[0][j] = 0.0 if (j == 0 or prefix_allowed) else inf
    for index in range(1, k + 1):
        centre = centres[index - 1]
        for j in range(1, n + 1):
            for i in range(j):
                if best[index - 1][i] == inf:
                    continue
                top, bottom = extents[i][0], extents[j - 1][1]
                if not top - 1.5 <= centre <= bottom + 1.5:
                    continue
                cost = best[index - 1][i] + abs(centre - (top + bottom) / 2)
                if unlike is not None:
                    cost += _UNLIKE_COST * sum(unlike[index - 1][i:j])
                if cost < best[index][j]:
                    best[index][j], back[index][j] = cost, i
    if best[k][n] == inf:
        return None
    spans = []
    j = n
    for index in range(k, 0, -1):
        i = back[index][j]
        spans.append((i, j - 1))
        j = i
    return spans[::-1]


def _family(level2: str) -> str | None:
    written = label(level2)
    return next((family for stem, family in FAMILIES.items() if written.startswith(stem)), None)


def _separate(group: list[_Line]) -> list[list[_Line]]:
    """Rows with no blank line between them: each has one line with most of its cells (at
    least three), and the cut between two such lines goes where each part's cells are best
    centred on one line."""
    anchors = [
        i for i, line in enumerate(group) if len({c for c, _ in line.cells}) >= _ANCHOR_CELLS
    ]
    if len(anchors) < 2:
        return [group]
    rows = []
    begin = 0
    for index, (anchor, following) in enumerate(itertools.pairwise(anchors)):
        bound = anchors[index + 2] if index + 2 < len(anchors) else len(group)
        cut = min(
            range(anchor + 1, following + 1),
            key=lambda at: _off_centre(group[begin:at]) + _off_centre(group[at:bound]),
        )
        rows.append(group[begin:cut])
        begin = cut
    rows.append(group[begin:])
    return rows


def _off_centre(lines: list[_Line]) -> float:
    """How far the middles of a row's cells lie from each other (0: all on one line)."""
    where: dict[int, list[int]] = {}
    for line in lines:
        for column, _start in line.cells:
            where.setdefault(column, []).append(line.position)
    centres = [(min(p) + max(p)) / 2 for p in where.values()]
    if not centres:
        return 0.0
    mean = sum(centres) / len(centres)
    return sum(abs(c - mean) for c in centres)


def _join_split(groups: list[list[_Line]]) -> list[list[_Line]]:
    """A row that a page break cut in two: one of the parts has no line with most of the
    row's cells (a wrapped cell's lines only), so it is no row of its own but the rest of
    the row on the other side of the break."""
    joined: list[list[_Line]] = []
    for group in groups:
        cut = joined and group[0].page != joined[-1][-1].page
        if cut and not (_has_anchor(group) and _has_anchor(joined[-1])):
            joined[-1] = joined[-1] + group
        else:
            joined.append(group)
    return joined


def _has_anchor(group: list[_Line]) -> bool:
    return any(len({column for column, _ in line.cells}) >= _ANCHOR_CELLS for line in group)


def _join_labels(level1: list[tuple[int, int, int, str]]) -> list[_Label]:
    """一级指标 pieces on consecutive lines of a page are one label that wrapped."""
    runs: list[list[tuple[int, int, int, str]]] = []
    for piece in level1:
        if runs and runs[-1][-1][0] == piece[0] - 1 and runs[-1][-1][1] == piece[1]:
            runs[-1].append(piece)
        else:
            runs.append([piece])
    return [
        _Label(
            centre=(run[0][0] + run[-1][0]) / 2,
            first=run[0][0],
            text="".join(text for _, _, _, text in run),
            page=run[0][1],
            parts=tuple(number for _, _, number, _ in run),
        )
        for run in runs
    ]
