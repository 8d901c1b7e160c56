"""Text laid out in columns with spaces: where a line's pieces start, which column each
belongs to, and how one page's columns map onto another's.

pdftotext -layout places every piece of text at a character position worked out from its
x coordinate, page by page: pieces of the same table column start at the same position on
a page, but the positions move from page to page.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_RUN = re.compile(r"\S+(?: \S+)*")
"""A run of text: words joined by single spaces. Two spaces or more separate runs."""


class Piece(NamedTuple):
    start: int
    text: str


def pieces(text: str, starts: list[int] | None = None) -> list[Piece]:
    """The runs of text in the line; a run is also cut where a column starts right after
    one of its single spaces (pdftotext leaves one space between cells that nearly touch)."""
    found = []
    for match in _RUN.finditer(text):
        begin, end = match.start(), match.end()
        cuts = sorted({_space_before(text, s, begin, end) for s in starts or ()} - {None})
        for cut in [*cuts, end]:
            if text[begin:cut].strip():
                found.append(Piece(begin, text[begin:cut].strip()))
            begin = cut
    return found


def _space_before(text: str, start: int, begin: int, end: int) -> int | None:
    """Where to cut a run for a column starting at `start`: after the single space nearest
    before it (a position or two of slack, as columns move between pages)."""
    for position in (start, start - 1, start + 1, start - 2):
        if begin < position < end and text[position - 1] == " ":
            return position
    return None


def column_of(start: int, starts: list[int]) -> int:
    """The column a piece starting at `start` lies in: the last column that starts at or
    before it, with two positions of slack (pdftotext nudges text left on a crowded line)."""
    column = 0
    for index, column_start in enumerate(starts):
        if column_start <= start + 2:
            column = index
    return column


def align(observed: list[int], starts: list[int]) -> list[int]:
    """Another page's column starts: `observed` (the distinct starts of that page's pieces,
    sorted) matched in order to `starts` (a known page's), each to a different column, so
    that the positions move least. Columns with no piece observed move by their neighbour's
    shift."""
    if not observed or len(observed) > len(starts):
        return starts
    placed = {column: observed[i] for i, column in enumerate(match_in_order(observed, starts))}
    shift = 0
    moved = []
    for index, start in enumerate(starts):
        if index in placed:
            shift = placed[index] - start
        moved.append(start + shift)
    return moved


def match_in_order(observed: list[int], starts: list[int]) -> list[int]:
    """For each of `observed` (sorted, no more of them than `starts`), the index of the
    start it is matched to: in order, each to a different one, the distances least."""
    n, m = len(observed), len(starts)
    inf = float("inf")
    # cost[i][j]: observed[:i] placed among starts[:j].
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    cost[0] = [0.0] * (m + 1)
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            cost[i][j] = min(
                cost[i][j - 1], cost[i - 1][j - 1] + abs(observed[i - 1] - starts[j - 1])
            )
    placed = [0] * n
    i, j = n, m
    while i > 0:
        if cost[i][j] == cost[i][j - 1] and j > i:
            j -= 1
        else:
            placed[i - 1] = j - 1
            i, j = i - 1, j - 1
    return placed


def distinct_starts(positions: list[int]) -> list[int]:
    """Positions within one of each other taken as one (a piece nudged by a character)."""
    clusters: list[int] = []
    for position in sorted(set(positions)):
        if clusters and position - clusters[-1] <= 1:
            continue
        clusters.append(position)
    return clusters
