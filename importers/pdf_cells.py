"""A ruled table of a PDF page as rows of cells, each cell with its text lines and where
they stand: what the page-break joins (importers/pdf_breaks.py) measure, and the text the
rendering writes.

A cell's wrapped lines are joined the way the writer broke them. A writer that draws the
space a line was broken at (LibreOffice does, wherever it fits: some line of the document
ends with a drawn space) shows every break: a line ending without a space was broken
inside a run (CJK text, or a word too long for the cell) and is joined without one —
`冀财社【2022】1` / `56 号` is `冀财社【2022】156 号` — unless the line ended with room for
the next line's first word (a paragraph ended there: a space), or a figure or Latin word
meets a CJK character with no room for a space at the line's end (a space there would not
show: read as one, and reported). A writer that leaves that space out (reportlab) cannot
tell: its lines are joined with a space, which the template reader removes between CJK
characters.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from jixiao.i18n import _

Bbox = tuple[float, float, float, float]

_GAP = 3.0
"""Points between two characters of a line that make a space (pdfplumber's own default)."""
SLACK = 2.0
"""Points of room at a line's end that count as none: the writer measures its lines with
other widths than the glyphs it draws (LibreOffice moved `人` after `≥3000` to the next
line with 1.8 points to spare)."""


@dataclass
class TextLine:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    first_width: float
    """The width of its first character: what a line above needed free to take it."""


@dataclass
class Cell:
    bbox: Bbox
    lines: list[TextLine]
    text: str
    into: Cell | None = None
    """Set when a page break cut this cell: the cell above the break its text went into."""
    doubts: list[str] = field(default_factory=list)
    """What the reader was not sure of in reading it, for the import report."""

    def target(self) -> Cell:
        """The cell that holds this one's text: itself, or the cell (over one or more page
        breaks) its text was joined to."""
        cell = self
        while cell.into is not None:
            cell = cell.into
        return cell


@dataclass
class Row:
    cells: list[Cell | None]
    """Per column of the table's grid; None where a merged cell covers it."""
    continued: bool = False
    """The part of a row cut by a page break, below the break: its text went into the
    row above the break, and it is not written."""


@dataclass
class Table:
    rows: list[Row]
    columns: list[float]
    """The x of every column's left edge."""
    bbox: Bbox
    padding: float
    """How far text stands from its cell's left rule (the cells' inner margin)."""
    trailing_spaces: bool
    """The writer draws the space a line was broken at, where it fits (LibreOffice does;
    reportlab leaves it out)."""
    space_width: float
    """The narrowest space drawn on the page: room at a line's end too small for one."""
    cells: list[Cell] = field(default_factory=list)
    """Every cell, merged cells once."""

    def render(self) -> tuple[list[str], list[tuple[int, str]]]:
        """The rows a line each, cells split by tabs; and the doubts, by the index of the
        line they concern."""
        lines: list[str] = []
        doubts: list[tuple[int, str]] = []
        for row in self.rows:
            if row.continued:
                continue
            cells = [cell for cell in row.cells if cell is not None]
            doubts += [(len(lines), doubt) for cell in cells for doubt in cell.doubts]
            lines.append("\t".join(cell.text.strip() if cell else "" for cell in row.cells))
        return lines, doubts


class PageChars:
    """A page's chars, found by height: a page has thousands, a table's row a few dozen."""

    def __init__(self, chars: list[dict[str, Any]]) -> None:
        self.chars = chars
        self._order = sorted(range(len(chars)), key=lambda index: _middle_y(chars[index]))
        self._middles = [_middle_y(chars[index]) for index in self._order]
        spaces = [char["x1"] - char["x0"] for char in chars if char["text"] == " "]
        self.space_width = min(spaces, default=0.0)
        """The narrowest space drawn on the page."""

    def between(self, top: float, bottom: float) -> list[dict[str, Any]]:
        """The chars whose middle is from `top` to `bottom` (not included), in the page's
        order."""
        span = self._order[bisect_left(self._middles, top) : bisect_left(self._middles, bottom)]
        return [self.chars[index] for index in sorted(span)]


def read_table(
    found: Any,
    columns: list[float],
    page: PageChars,
    taken: set[int],
    trailing_spaces: bool,
) -> Table:
    """The cells of pdfplumber's table `found`, placed in `columns`; the chars used go
    into `taken`. `trailing_spaces`: the writer draws the space a line was broken at."""
    placed: list[list[tuple[int, Bbox, list[TextLine]]]] = []
    for row in found.rows:
        # The chars of the row's height first (merged cells reach below it).
        top = min(bbox[1] for bbox in row.cells if bbox)
        bottom = max(bbox[3] for bbox in row.cells if bbox)
        near = page.between(top, bottom)
        cells = []
        for position, bbox in enumerate(row.cells):
            if bbox is None:
                continue
            right = next((c[0] for c in row.cells[position + 1 :] if c), float("inf"))
            inside = [c for c in near if id(c) not in taken and _within(c, bbox, right)]
            taken.update(id(c) for c in inside)
            cells.append((_column(bbox[0], columns), bbox, text_lines(inside)))
        placed.append(cells)
    insets = [lines[0].x0 - bbox[0] for cells in placed for _, bbox, lines in cells if lines]
    padding = max(0.0, min(insets, default=0.0))
    table = Table([], columns, found.bbox, padding, trailing_spaces, page.space_width)
    for cells in placed:
        grid: list[Cell | None] = [None] * len(columns)
        for column, bbox, lines in cells:
            cell = Cell(bbox, lines, "")
            cell.text = joined_lines(cell, table)
            grid[column] = cell
            table.cells.append(cell)
        table.rows.append(Row(grid))
    return table


def text_lines(chars: list[dict[str, Any]]) -> list[TextLine]:
    """The chars as lines, top to bottom, each left to right."""
    rows: list[list[dict[str, Any]]] = []
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        middle = (char["top"] + char["bottom"]) / 2
        if rows and rows[-1][0]["top"] <= middle < rows[-1][0]["bottom"]:
            rows[-1].append(char)
        else:
            rows.append([char])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        text = row[0]["text"]
        for before, char in pairwise(row):
            gap = char["x0"] - before["x1"]
            if gap > _GAP and before["text"] != " " and char["text"] != " ":
                text += " "
            text += char["text"]
        lines.append(
            TextLine(
                text=text.replace("\t", " "),
                x0=row[0]["x0"],
                x1=max(c["x1"] for c in row if c["text"] != " ") if text.strip() else row[0]["x1"],
                top=min(c["top"] for c in row),
                bottom=max(c["bottom"] for c in row),
                first_width=_first_unit(row),
            )
        )
    return lines


def trailing_spaces(pages: Iterable[list[dict[str, Any]]]) -> bool:
    """Whether the writer draws the space a line was broken at: a space is the last thing
    drawn on a line somewhere in the document (the next character drawn is lower). `pages`:
    each page's chars in the order they are drawn."""
    for chars in pages:
        for char, following in pairwise(chars):
            if char["text"] == " " and following["top"] > char["top"] + char["size"] / 2:
                return True
    return False


def _first_unit(chars: list[dict[str, Any]]) -> float:
    """The width of what a line starts with that no line may be broken inside: a CJK
    character, or a Latin word or figure; with an opening bracket before it and closing
    punctuation after it (no line starts with `。` or ends with `（`)."""
    index = 0
    while index + 1 < len(chars) and chars[index]["text"] in OPENING:
        index += 1
    if not _is_cjk(chars[index]["text"]):
        while index + 1 < len(chars) and _same_word(chars[index], chars[index + 1]):
            index += 1
    while index + 1 < len(chars) and chars[index + 1]["text"] in CLOSING:
        index += 1
    return chars[index]["x1"] - chars[0]["x0"]


def _same_word(char: dict[str, Any], following: dict[str, Any]) -> bool:
    text = following["text"]
    return text != " " and not _is_cjk(text) and following["x0"] - char["x1"] <= _GAP


def _is_cjk(text: str) -> bool:
    return text >= "\u2e80"


def joined_lines(cell: Cell, table: Table) -> str:
    lines = cell.lines
    text = lines[0].text if lines else ""
    for last, line in pairwise(lines):
        text += joint(cell, last, line, table) + line.text
    return text


OPENING = frozenset("（〔【《〈「『“‘([{")
"""Opening brackets: no line ends with one, or ends a paragraph there."""
CLOSING = frozenset("，。、；：！？）〕】》〉」』”’,.;:!?)]}%")
"""Closing punctuation: no line starts with it."""


def joint(cell: Cell, last: TextLine, following: TextLine, table: Table) -> str:
    """What goes between a wrapped line of `cell` (`last`, in the part of the cell on its
    page) and the next (`following`, maybe on the next page).

    A PDF that draws no spaces: a space (removed between CJK characters later). One that
    draws them: the space a line was broken at ends it where it fits, so nothing — except
    where the line ended before the cell was full (the next line's first word would have
    fitted: a paragraph ends there), or where a figure or Latin word and a CJK character
    meet with no room for a space at the line's end: a space does not show there, so it
    may have been there; it is read as there (`41 号`, as the documents write units), and
    the cell is reported as a doubt."""
    if not table.trailing_spaces:
        return " "
    if last.text.endswith(" ") or not last.text or last.text[-1] in OPENING:
        return ""
    free = cell.bbox[2] - table.padding - last.x1
    if free >= following.first_width + SLACK:
        return " "
    if _is_cjk(last.text[-1]) == _is_cjk(following.text[0]) or free >= table.space_width:
        return ""
    cell.doubts.append(
        _(
            "a cell wraps between '{end}' and '{start}' with no room for a space at the line's "
            "end: the PDF cannot show whether a space was there; read as one; check the cell"
        ).format(end=last.text.strip()[-6:], start=following.text[:6])
    )
    return " "


def _column(x: float, columns: list[float]) -> int:
    return min(range(len(columns)), key=lambda index: abs(columns[index] - x))


def _middle_y(char: dict[str, Any]) -> float:
    return (char["top"] + char["bottom"]) / 2


def _within(char: dict[str, Any], bbox: Bbox, right: float) -> bool:
    """Inside the cell by the char's middle; a char that hangs over the cell's right edge
    (CJK punctuation at the end of a line may) still belongs to it, up to the next cell."""
    middle_x = (char["x0"] + char["x1"]) / 2
    middle_y = (char["top"] + char["bottom"]) / 2
    return bbox[1] <= middle_y < bbox[3] and bbox[0] <= middle_x < right
