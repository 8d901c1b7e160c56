"""The indicator rows of a table drawn tight, as office suites print them (LibreOffice
Writer, Word): no blank line between rows, each cell's text at the top left of its cell.

So a row's first line holds the first line of every cell that has text, and the lines
after it hold only what wrapped. A row starts at a line with a 二级指标 cell, unless the
二级指标 above is still unfinished (`社会效益` / `指标`: the known names tell); a merged
一级指标 stands on the first line of its first row and covers the rows down to the next
one. Lines are cut into cells by importers/spaced_cells.py, against the columns' starts
as last seen: the table's own to begin with (`_columns`), then moved by every cell that
stands clear of the text before it, and by a page's shift (`_shifted`), as pdftotext
moves columns from block to block and from page to page. A wrapped line does not go on
from a cell's line that had room for it (importers/spaced_full.py). When a row is done,
two cells pdftotext wrote as one run are parted (importers/spaced_glued.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from jixiao.i18n import _
from jixiao.importers.columns import align, distinct_starts, pieces
from jixiao.importers.levels import FAMILIES
from jixiao.importers.lines import Line
from jixiao.importers.spaced_cells import EMPTY, cut, join_wrapped, unsure_space, words
from jixiao.importers.spaced_full import ColumnWidths
from jixiao.importers.spaced_glued import Piece, unglue
from jixiao.importers.spaced_rows import PagedLine, RebuiltRow
from jixiao.importers.text import label

_LEVEL2_NAMES = tuple(f"{stem}指标" for stem in FAMILIES)
_LEVEL1_NAMES = tuple(dict.fromkeys(FAMILIES.values()))
_ANCHOR_CELLS = 3
"""A row's first line, when the 二级指标 names do not tell, holds at least this many cells."""
_FULL_CELLS = 4
"""… and at least this many when the row above has a known 二级指标 and this one not."""
_PUSHED_DOWN = 3.5
"""What a column a row has no text in yet costs left empty on the row's later lines: a
cell pdftotext set a line lower is taken into it from up to ten characters away (further
when the line holds as many cells as the row lacks, see `_fills`)."""
_MOST_SHIFT = 12
"""How far, in characters, a table's columns are looked for on the next page."""
_CLEAR_FIT = 0.8
"""A shift is taken when it puts this share of the page's clear cells on columns and the
columns as they were do not."""


def is_tight(lines: list[PagedLine]) -> bool:
    """No blank line between the header row and the table's last line."""
    texts = [line.text for _, line in lines]
    while texts and not texts[-1].strip():
        texts.pop()
    return all(text.strip() for text in texts)


def _unfinished(written: str, names: tuple[str, ...]) -> bool:
    """`written` is the beginning of one of the known names, not the whole of one."""
    squashed = label(written)
    return bool(squashed) and any(name.startswith(squashed) and name != squashed for name in names)


@dataclass
class _Row:
    cells: list[str]
    parts: set[int] = field(default_factory=set)
    last: dict[int, str] = field(default_factory=dict)
    """Each column's last line so far."""
    pieces: list[Piece] = field(default_factory=list)
    """Each line's text in each cell, where it was read."""


class TightRows:
    def __init__(self) -> None:
        self.notes: list[tuple[int, str]] = []
        """(line, warning) for the import report: rows whose boundaries are doubtful."""
        self._widths = ColumnWidths(0)
        """The table's columns' widths as read so far."""

    def rows(self, lines: list[PagedLine]) -> list[RebuiltRow]:
        """`lines`: from the header row to the end of the table."""
        _, header_line = lines[0]
        header_words = words(header_line.text)
        header_starts: list[int | None] = [w.start for w in header_words]
        header = _Row([w.text for w in header_words], {header_line.number})
        # The columns' starts, as last seen: the table's own to begin with, then moved
        # by each cell that stands clear of the text before it (pdftotext shifts columns
        # from block to block and from page to page).
        grid: list[int | None] = list(_columns(lines, [w.start for w in header_words]))
        self._widths = ColumnWidths(len(grid))
        for column, word in enumerate(header_words):
            self._widths.saw(column, word.text)
        rows: list[_Row] = []
        labelled: _Row | None = None
        """The row whose 一级指标 was seen last."""
        page = lines[0][0]
        for index, (on_page, line) in enumerate(lines[1:], start=1):
            if not line.text.strip():
                continue
            if on_page != page:
                page = on_page
                following = [text for p, text in lines[index:] if p == page]
                grid = _shifted(grid, following)
            if not rows:
                cells = cut(line.text, header_starts, barred=_not_level1)
                if not self._starts_row(line, cells, rows):  # a header cell's next line
                    self._add(header, line, cells, header=True)
                    continue
            cells = cut(line.text, grid, barred=_not_level1)
            if self._starts_row(line, cells, rows):
                if rows:
                    self._finish(rows[-1], header)
                rows.append(_Row([""] * len(grid), {line.number}))
                cells = self._first_line(line.text, grid, header_words[0].start)
            else:
                cells = self._later_line(line.text, grid, rows[-1], labelled)
            self._measure(cells, grid)
            seen = tuple(grid)
            rows[-1].pieces.extend(Piece(line.number, c, s, t, seen) for c, s, t in cells)
            for column, start, _ in cells:
                if _clear(line.text, start):
                    grid[column] = start
            labelled = self._add(rows[-1], line, cells, labelled)
        if rows:
            self._finish(rows[-1], header)
        return [_rebuilt(header), *(_rebuilt(row) for row in rows)]

    def _finish(self, row: _Row, header: _Row) -> None:
        """Two cells pdftotext wrote as one run parted, where the table says where
        (importers/spaced_glued.py); a warning where it does not, and where a cell's
        wrapped lines may have had a space between them that the text cannot show."""
        names = [label(name) for name in header.cells]
        pieces, notes = unglue(row.pieces, self._widths, min(row.parts), names)
        self.notes.extend(notes)
        for column in range(2, len(row.cells)):
            text = ""
            for piece in pieces:
                if piece.column != column:
                    continue
                if unsure_space(text, piece.text):
                    name = names[column] if column < len(names) else _("a cell")
                    self.notes.append(
                        (
                            piece.line,
                            _(
                                "the line of {name} above was joined to this one without a "
                                "space ('{text}' + '{piece}'): whether a space was there "
                                "cannot be told from the text; check this cell"
                            ).format(name=name, text=text, piece=piece.text),
                        )
                    )
                text = join_wrapped(text, piece.text)
            if pieces != row.pieces:
                row.cells[column] = text
        row.pieces = pieces

    def _measure(self, cells: list[tuple[int, int, str]], grid: list[int | None]) -> None:
        """The columns' widths, from the line's cells that end before the next column
        starts, or, where it has no cell on the line, a character before (a cell that runs
        on may be two that pdftotext glued together)."""
        filled = {column for column, _, _ in cells}
        for column, start, text in cells:
            following = [s for s in grid[column + 1 :] if s is not None]
            end = start + len(text) + (column + 1 not in filled)
            if not following or end <= following[0]:
                self._widths.saw(column, text)

    @staticmethod
    def _first_line(text: str, grid: list[int | None], left: int) -> list[tuple[int, int, str]]:
        """A row's first line: every cell of the row that has text starts on it (the
        first column's only when the line starts at the table's left edge)."""
        first_word = words(text)[0]
        level1 = first_word.start <= left + 1 and not _not_level1(first_word.text)
        return cut(text, grid, fill=range(0 if level1 else 1, len(grid)), barred=_not_level1)

    def _later_line(
        self, text: str, grid: list[int | None], row: _Row, labelled: _Row | None
    ) -> list[tuple[int, int, str]]:
        """A line after a row's first: what wrapped, or a cell pdftotext set a line lower
        than the row's first, which goes into a column the row has no text in yet."""
        empty = [c for c in range(1, len(grid)) if not row.cells[c]]
        widths = self._widths

        def ended(word: str) -> set[int]:
            """The columns whose last line had room for the word."""
            return {c for c, last in row.last.items() if widths.has_room(c, last, word)}

        return cut(
            text,
            grid,
            fill=empty,
            closed=self._closed(row, labelled),
            barred=_not_level1,
            ended=ended,
            empty_cost=EMPTY if _fills(text, empty) else _PUSHED_DOWN,
        )

    def _add(
        self,
        row: _Row,
        line: Line,
        cells: list[tuple[int, int, str]],
        labelled: _Row | None = None,
        header: bool = False,
    ) -> _Row | None:
        """The line's cells onto the row; returns the row holding the last 一级指标."""
        row.parts.add(line.number)
        for column, _start, text in cells:
            if column == 0 and not header:
                labelled = self._level1(text, line, row, labelled)
            else:
                row.cells[column] = join_wrapped(row.cells[column], text)
                row.last[column] = text
        return labelled

    @staticmethod
    def _closed(row: _Row, labelled: _Row | None) -> list[int]:
        """The columns whose text is whole, for the lines after a row's first: a 一级指标
        or 二级指标 that spells a known name takes no more text."""
        closed = []
        if labelled is not None and label(labelled.cells[0]) in _LEVEL1_NAMES:
            closed.append(0)
        if label(row.cells[1]) in _LEVEL2_NAMES:
            closed.append(1)
        return closed

    @staticmethod
    def _level1(text: str, line: Line, row: _Row, labelled: _Row | None) -> _Row:
        """Text in the first column: the rest of an unfinished 一级指标 above (it wrapped
        over more lines than its first row has), or else a new 一级指标 for this row.
        Returns the row that now holds the last 一级指标."""
        if labelled is not None and (
            labelled is row or _unfinished(labelled.cells[0], _LEVEL1_NAMES)
        ):
            labelled.cells[0] = join_wrapped(labelled.cells[0], text)
            labelled.parts.add(line.number)
            return labelled
        row.cells[0] = text
        return row

    def _starts_row(self, line: Line, cells: list[tuple[int, int, str]], rows: list[_Row]) -> bool:
        """Whether the line is a row's first: it has a 二级指标 cell, and the row above has
        its 二级指标 whole. The known 二级指标 names tell; where they cannot (a name that is
        none of them), the line's cells do, and the import says so."""
        level2 = [text for column, _start, text in cells if column == 1]
        if not level2:
            return False
        if not rows:
            return True
        above = rows[-1].cells[1]
        if _unfinished(above, _LEVEL2_NAMES):
            return False  # `社会效益` / `指标`: the 二级指标 above goes on
        written = label(level2[0].split()[0])
        known = any(name.startswith(written) for name in _LEVEL2_NAMES)
        if known:
            return True
        filled = len({column for column, _start, _text in cells if column >= 1})
        if label(above) in _LEVEL2_NAMES:
            # A text that names no 二级指标 under one that does: the rest of another cell
            # (pdftotext moved the columns at a page break), unless the line is full.
            if filled < _FULL_CELLS:
                return False
        elif filled < _ANCHOR_CELLS:
            self._doubt(
                line, _("'{text}' was taken for the rest of the row above").format(text=level2[0])
            )
            return False
        self._doubt(line, _("'{text}' was taken to start an indicator row").format(text=level2[0]))
        return True

    def _doubt(self, line: Line, decision: str) -> None:
        self.notes.append(
            (
                line.number,
                _(
                    "{decision}, by the line's cells alone, as it is none of the known 二级指标 "
                    "(数量指标, 社会效益指标…): check the rows of this table"
                ).format(decision=decision),
            )
        )


@lru_cache(maxsize=4096)
def _not_level1(text: str) -> frozenset[int]:
    """The first column, for a 二级指标 name: it cannot stand as a 一级指标 (a page a
    table goes on to can lack the first column altogether, its 二级指标 at the left edge)."""
    written = label(text)
    level2 = any(name.startswith(written) for name in _LEVEL2_NAMES)
    if level2 and not any(name.startswith(written) for name in _LEVEL1_NAMES):
        return frozenset({0})
    return frozenset()


def _fills(text: str, empty: list[int]) -> bool:
    """The line has as many runs of text as the row has columns without text, two or
    more: the cells pdftotext set a line lower than the row's first."""
    runs = len(pieces(text))
    return runs >= 2 and runs == len(empty)


def _clear(text: str, start: int) -> bool:
    """A cell two spaces or more from the text before it: pdftotext set it where its
    column starts (a cell one space from the last was pushed along by it)."""
    return start < 2 or text[start - 2 : start] == "  "


def _columns(lines: list[PagedLine], header: list[int]) -> list[int]:
    """The table's column starts: where the most cells start that stand clear of the
    text before them (wrapped cells' lines begin at their column's start), the first
    column where the header's begins. They are looked for on the header's page
    (pdftotext places each page anew, and `_shifted` moves them onto the next), then, if
    too few are found there, on all the table's pages; and where too few are found at
    all, the header's positions are taken."""
    page = lines[0][0]
    on_header_page = [line for on_page, line in lines[1:] if on_page == page]
    for chosen in (on_header_page, [line for _page, line in lines[1:]]):
        starts = _clear_starts(chosen, header[0], len(header) - 1)
        if starts is not None:
            return [header[0], *starts]
    return header


def _clear_starts(lines: list[Line], left: int, wanted: int) -> list[int] | None:
    """The `wanted` positions (right of `left`) where the most words of `lines` start
    clear of the text before them, a position or its neighbour taken as one; None when
    fewer are found."""
    counts: dict[int, int] = {}
    for line in lines:
        for word in words(line.text):
            if word.start > left + 2 and _clear(line.text, word.start):
                counts[word.start] = counts.get(word.start, 0) + 1
    clusters: list[list[int]] = []  # [start, count]
    for start in sorted(counts):
        if clusters and start - clusters[-1][0] <= 1:
            if counts[start] > counts[clusters[-1][0]]:
                clusters[-1][0] = start
            clusters[-1][1] += counts[start]
        else:
            clusters.append([start, counts[start]])
    if len(clusters) < wanted:
        return None
    return sorted(start for start, _ in sorted(clusters, key=lambda c: -c[1])[:wanted])


def _shifted(grid: list[int | None], lines: list[Line]) -> list[int | None]:
    """The columns on a page a table goes on to: pdftotext places each page anew, so the
    last page's columns move by the shift that puts most of this page's clear cells on
    them (the first column may be missing altogether), where one does so clearly."""
    found = [
        word.start for line in lines for word in words(line.text) if _clear(line.text, word.start)
    ]
    known = [start for start in grid if start is not None]
    near = {start + slack for start in known for slack in (-1, 0, 1)}

    def fit(shift: int) -> int:
        """How many of the page's clear cells start within one of a shifted column."""
        return sum(x - shift in near for x in found)

    best = max(range(-_MOST_SHIFT, _MOST_SHIFT + 1), key=lambda shift: (fit(shift), -abs(shift)))
    if fit(0) >= _CLEAR_FIT * len(found):
        return grid  # the columns as they were do
    if fit(best) < _CLEAR_FIT * len(found):
        # No one shift does (the page lacks the first column, and its columns are drawn
        # narrower): the page's starts matched in order to the columns, each moving least.
        observed = distinct_starts(found)
        if len(observed) != len(known) - 1 or len(known) != len(grid):
            return grid
        return list(align(observed, known))
    return [None if start is None else start + best for start in grid]


def _rebuilt(row: _Row) -> RebuiltRow:
    return RebuiltRow(list(row.cells), set(row.parts))
