"""Two cells of a tightly drawn table that pdftotext wrote with no space between them.

Where two neighbouring cells' text nearly touch, pdftotext writes them as one run
(`招生率招生人数占计划招生人`: the 三级指标 `招生率` and the description's first line;
`期限限`: the 三级指标's second line `期限` and the description's last character). Such a
run is read into the column it starts in, so it is found afterwards, row by row: a run that
reaches past the next column's start while that column has nothing on its line.

Where it is parted is worked out from what the rest of the table says (importers/
spaced_full.py): each part fits its column's width; a part that the cell goes on from, on
a line below, fills its line; a part that goes on from a line above follows a full line.
When one place is left, the run is parted there; on a row's later lines, where several
are left, the next column's start on the lines above can pick one (pdftotext keeps a
glued character where its column starts). Otherwise the run stays as read and the import
warns on its line; it warns too where the split rests on lines below whose column their
position does not tell.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.i18n import _
from jixiao.importers.spaced_full import ColumnWidths, width

_NEAR = 2
"""A line below starting this close to both columns' starts could be either's."""


@dataclass
class Piece:
    """A line's text in one cell, where it was read."""

    line: int
    column: int
    start: int
    text: str
    grid: tuple[int | None, ...]
    """The columns' starts when the line was read."""


def _glued(piece: Piece, pieces: list[Piece], widths: ColumnWidths, first: bool) -> bool:
    """Whether the piece may be two cells: the next column has nothing on its line, and
    on a row's first line the piece is wider than its column, on a later line it reaches
    past where the next column starts."""
    following = piece.column + 1
    if following >= len(piece.grid) or " " in piece.text or len(piece.text) < 2:
        return False
    if any(p.line == piece.line and p.column == following for p in pieces):
        return False
    if first:
        return width(piece.text) > widths.widest(piece.column)
    start = piece.grid[following]
    return start is not None and piece.start < start < piece.start + len(piece.text)


def unglue(
    pieces: list[Piece], widths: ColumnWidths, first_line: int, names: list[str]
) -> tuple[list[Piece], list[tuple[int, str]]]:
    """The row's pieces with glued runs parted, and warnings for the import report.
    `first_line`: the row's first line; `names`: the columns' header labels. Only the
    columns from the 三级指标 on are looked at (the 一级 and 二级指标 are read by name)."""
    notes: list[tuple[int, str]] = []
    result = list(pieces)
    for piece in pieces:
        first = piece.line == first_line
        if piece.column < 2 or not _glued(piece, result, widths, first):
            continue
        splits = _splits(piece, result, widths, first)
        following = piece.column + 1
        where = (
            _("check {cell} and {next} of this row").format(
                cell=names[piece.column], next=names[following]
            )
            if following < len(names)
            else _("check the cells of this row")
        )
        chosen = splits[0] if len(splits) == 1 else _by_position(piece, splits, first)
        if chosen is None:
            message = _("two cells may run together here: '{text}'; {where}").format(
                text=piece.text, where=where
            )
            notes.append((piece.line, message))
            continue
        if chosen == len(piece.text):
            continue
        result = _parted(result, piece, chosen)
        if len(splits) == 1 and _doubtful_below(piece, result):
            own, other = piece.text[:chosen], piece.text[chosen:]
            notes.append(
                (
                    piece.line,
                    _(
                        "two cells ran together here: '{text}' was read as '{own}' and "
                        "'{other}', by the lines below, which could belong to either; {where}"
                    ).format(text=piece.text, own=own, other=other, where=where),
                )
            )
    return result, notes


def _splits(piece: Piece, pieces: list[Piece], widths: ColumnWidths, first: bool) -> list[int]:
    """Where the run can be parted (the length of its first part), by the columns' widths
    and by which lines are full."""
    columns = (piece.column, piece.column + 1)
    above = {c: [p for p in pieces if p.column == c and p.line < piece.line] for c in columns}
    below = {c: [p for p in pieces if p.column == c and p.line > piece.line] for c in columns}
    text = piece.text
    # On a row's first line each of the two cells has text (it is the top of both).
    lowest, highest = (1, len(text) - 1) if first else (0, len(text))
    return [
        split
        for split in range(lowest, highest + 1)
        if all(
            _fits(column, part, above[column], below[column], widths)
            for column, part in zip(columns, (text[:split], text[split:]), strict=True)
        )
    ]


def _fits(
    column: int, part: str, above: list[Piece], below: list[Piece], widths: ColumnWidths
) -> bool:
    """Whether `part` can be the column's line here: it fits the column, it follows a full
    line if the cell had one above, and it is full if the cell goes on below."""
    if not part:
        return True  # the cell has nothing on this line
    if width(part) > widths.widest(column):
        return False
    if above and widths.has_room(column, above[-1].text, part, exact=True):
        return False
    return not (below and widths.has_room(column, part, below[0].text, exact=True))


def _by_position(piece: Piece, splits: list[int], first: bool) -> int | None:
    """On a row's later line, the split where the next column starts, if it is one of
    `splits` (pdftotext keeps a glued character where its column starts): when the run
    starts where its own column does, and the next starts two characters or more
    further (columns a character apart are a squeezed line's, which says nothing)."""
    own, start = piece.grid[piece.column], piece.grid[piece.column + 1]
    if first or start is None or own != piece.start:
        return None
    split = start - piece.start
    return split if split in splits and 2 <= split < len(piece.text) else None


def _parted(pieces: list[Piece], piece: Piece, split: int) -> list[Piece]:
    own = Piece(piece.line, piece.column, piece.start, piece.text[:split], piece.grid)
    other = Piece(piece.line, piece.column + 1, piece.start + split, piece.text[split:], piece.grid)
    result = []
    for p in pieces:
        if p is piece:
            result.extend(part for part in (own, other) if part.text)
        else:
            result.append(p)
    return result


def _doubtful_below(piece: Piece, pieces: list[Piece]) -> bool:
    """A line below in either column starts about as near the one column's start as the
    other's: which cell it went on was itself a guess."""
    own, following = piece.column, piece.column + 1
    for p in pieces:
        if p.line <= piece.line or p.column not in (own, following):
            continue
        starts = [p.grid[own], p.grid[following]]
        if all(s is not None and abs(p.start - s) <= _NEAR for s in starts):
            return True
    return False
