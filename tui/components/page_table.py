"""A page of rows drawn a line at a time (Textual's Line API): only the rows on screen are
drawn, each as one strip of cells cut to their column's width, and kept until the rows or
the width change.

The store-wide view shows a new page on every `]`. A DataTable drew each page in about
20 ms on a 100×30 terminal (Rich lays out every cell through a console), which put the
slowest page turns over 50 ms; this draws a screen of rows in about a millisecond.

Cells are plain text with one style each (no markup, so a name holding "[bold]" shows as
written; control characters shown escaped, tabs and newlines as spaces, by
importers/controls.py's `visible`); a column is left- or right-aligned; text wider than its
column ends in "…".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from jixiao.importers.controls import visible
from jixiao.tui import actions
from jixiao.tui.bindings import bindings


@dataclass(frozen=True)
class Column:
    title: str
    width: int
    """Cells, padding not included."""
    right: bool = False
    """Aligned right (figures)."""


class Cell(NamedTuple):
    text: str
    style: str = ""
    """A Rich style, e.g. "green"."""


def fit(text: str, width: int, right: bool = False) -> str:
    """`text` in exactly `width` terminal cells: cut with "…" (wide CJK characters counted
    as two), padded on the side away from its alignment."""
    if width <= 0:
        return ""
    text = visible(text, one_line=True)  # nothing in a cell may move the cursor
    length = cell_len(text)
    if length > width:
        text, length = _cut(text, width - 1)
        text, length = text + "…", length + 1
    padding = " " * (width - length)
    return padding + text if right else text + padding


def _cut(text: str, width: int) -> tuple[str, int]:
    """The longest start of `text` that fits in `width` cells, and its width: one cell
    short when a wide character would straddle the edge."""
    used = 0
    for end, char in enumerate(text):
        if used + cell_len(char) > width:
            return text[:end], used
        used += cell_len(char)
    return text, used


class PageTable(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows under a header line that stays put; a cursor row; Enter posts RowSelected.
    Only its own bindings, each with an id (the columns fit the width: no sideways
    scrolling)."""

    BINDINGS = bindings(actions.PAGE_TABLE)
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "page-table--header",
        "page-table--even-row",
        "page-table--cursor",
    }
    DEFAULT_CSS = """
    PageTable {
        background: $surface;
        color: $foreground;
        & > .page-table--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .page-table--header { background: ansi_bright_blue; color: ansi_default; }
        & > .page-table--even-row { background: $surface-lighten-1 50%; }
        &:dark > .page-table--even-row { background: $surface-darken-1 40%; }
        & > .page-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .page-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    cursor_row: reactive[int] = reactive(0, always_update=True)

    class RowSelected(Message):
        def __init__(self, table: PageTable, row: int) -> None:
            super().__init__()
            self.table = table
            self.row = row

        @property
        def control(self) -> PageTable:
            return self.table

    def __init__(self) -> None:
        super().__init__()
        self.columns: tuple[Column, ...] = ()
        self.rows: list[tuple[Cell, ...]] = []
        self.keys: list[str] = []
        """One a row: what the caller knows the row by."""
        self._strips: dict[tuple[int, int, bool], Strip] = {}
        self._styles: dict[str, Style] = {}

    # -- content ------------------------------------------------------------------------

    def show(
        self, columns: tuple[Column, ...], rows: list[tuple[Cell, ...]], keys: list[str]
    ) -> None:
        """Replace everything: the cursor goes back to the first row."""
        if len(keys) != len(rows):
            raise ValueError("a key for every row")
        self.columns, self.rows, self.keys = columns, rows, keys
        self._strips.clear()
        width = sum(column.width + 2 for column in columns)
        self.virtual_size = Size(width, len(rows) + 1)
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.cursor_row = 0
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    # -- drawing ------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        # A theme change or focus change restyles the rows: draw them again.
        super().notify_style_update()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        scroll_x, scroll_y = self.scroll_offset
        if y == 0:
            strip = self._header(width + scroll_x)
        else:
            index = scroll_y + y - 1
            if index >= len(self.rows):
                return Strip.blank(width, self.rich_style)
            strip = self._row(index, width + scroll_x)
        return strip.crop(scroll_x, scroll_x + width)

    def _header(self, width: int) -> Strip:
        key = (-1, width, False)
        if key not in self._strips:
            style = self.get_component_rich_style("page-table--header")
            segments = [Segment(f" {fit(c.title, c.width, c.right)} ", style) for c in self.columns]
            self._strips[key] = Strip(segments).extend_cell_length(width, style)
        return self._strips[key]

    def _row(self, index: int, width: int) -> Strip:
        is_cursor = index == self.cursor_row
        key = (index, width, is_cursor)
        strip = self._strips.get(key)
        if strip is None:
            if is_cursor:
                style = self.get_component_rich_style("page-table--cursor")
            elif index % 2:
                style = self.get_component_rich_style("page-table--even-row")
            else:
                style = self.rich_style
            segments = [
                Segment(f" {fit(cell.text, column.width, column.right)} ",
                        style + self._style(cell.style) if cell.style else style)
                for column, cell in zip(self.columns, self.rows[index], strict=False)
            ]  # fmt: skip
            strip = self._strips[key] = Strip(segments).extend_cell_length(width, style)
        return strip

    def _style(self, name: str) -> Style:
        if name not in self._styles:
            self._styles[name] = Style.parse(name)
        return self._styles[name]

    # -- the cursor -----------------------------------------------------------------------

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, len(self.rows) - 1))

    def watch_cursor_row(self) -> None:
        rows_shown = max(1, self.scrollable_content_region.height - 1)
        top = self.scroll_offset.y
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + rows_shown:
            self.scroll_to(y=self.cursor_row - rows_shown + 1, animate=False, immediate=True)
        self.refresh()

    def action_cursor_down(self) -> None:
        self.cursor_row += 1

    def action_cursor_up(self) -> None:
        self.cursor_row -= 1

    def action_page_down(self) -> None:
        self.cursor_row += max(1, self.scrollable_content_region.height - 2)

    def action_page_up(self) -> None:
        self.cursor_row -= max(1, self.scrollable_content_region.height - 2)

    def action_first_row(self) -> None:
        self.cursor_row = 0

    def action_last_row(self) -> None:
        self.cursor_row = len(self.rows) - 1

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.RowSelected(self, self.cursor_row))

    def on_click(self, event: Click) -> None:
        index = self.scroll_offset.y + event.y - 1
        if event.y >= 1 and index < len(self.rows):
            self.cursor_row = index
            if event.chain == 2:
                self.action_select()
