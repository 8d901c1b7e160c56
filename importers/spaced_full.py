"""Whether a cell's line of a tightly drawn table is full: the writer wrapped it because
the next text did not fit, so a line below may go on with it, or ended the cell there.

An office suite wraps a cell's text at the cell's width: a line ends where the next
character (or unbreakable run: a figure, a Latin word, a bracket and what it opens) would
not fit. So a line with room left for what a line below starts with did not wrap there,
and that line below is not its continuation. Widths are counted in ems (a Chinese
character or full-width sign is one, anything else half of one), and a column's width is
the widest line read in it so far in the table: it is only ever too narrow, which makes
lines look full and leaves the choice to the other evidence.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from jixiao.importers.spaced_cells import CLOSING, OPENING

_SLACK = 0.5
"""What a line can look short by and still be full (a font's signs are not all one or
half an em wide)."""


@lru_cache(maxsize=8192)
def width(text: str) -> float:
    """The text's width in ems."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


@lru_cache(maxsize=8192)
def first_chunk(text: str) -> str:
    """What a line must start with, for `text`: the first character with the closing
    signs after it, or the first run of figures, Latin letters and signs (the writer
    breaks neither), an opening bracket with what follows it."""
    text = text.lstrip()
    end = 0
    while end < len(text) and text[end] in OPENING:
        end += 1
    if end < len(text) and text[end].isascii() and not text[end].isspace():
        while end < len(text) and text[end].isascii() and not text[end].isspace():
            end += 1
    else:
        end += 1
    while end < len(text) and text[end] in CLOSING:
        end += 1
    return text[:end]


def _all_wide(text: str) -> bool:
    return width(text) == len(text)


class ColumnWidths:
    """The widest line read so far in each column of one table."""

    def __init__(self, columns: int) -> None:
        self._widest = [0.0] * columns

    def saw(self, column: int, text: str) -> None:
        if column < len(self._widest):
            self._widest[column] = max(self._widest[column], width(text))

    def widest(self, column: int) -> float:
        return self._widest[column]

    def has_room(self, column: int, line: str, then: str, exact: bool = False) -> bool:
        """Whether the column's `line` had room for what `then` starts with: if so the
        writer would have set it there, so `then` does not go on from that line.
        `exact`: Chinese text is measured to the em (its characters are all one wide)."""
        chunk = first_chunk(then)
        if not line or not chunk or chunk[-1] in OPENING:
            return False  # an opening bracket never ends a line: what it opens is unknown
        # Between a figure or Latin word and what follows, the writer may have drawn a
        # space, which the break took.
        space = 0.5 if line[-1].isascii() or chunk[0].isascii() else 0.0
        slack = 0.0 if exact and _all_wide(line + chunk) else _SLACK
        return width(line) + space + width(chunk) <= self._widest[column] - slack
