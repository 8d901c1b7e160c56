"""Every project, or every indicator, across the store: filtered, sorted, a page at a time.

Pages come from SQL with a cursor (store/across.py), read in a thread so that the screen
answers keys while a page loads; the total is counted in another thread and shown when it
is known. Enter opens the project in the browse screen.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, Static

from jixiao.i18n import N_, _
from jixiao.importers.money import from_fen
from jixiao.store import (
    INDICATOR_SORTS,
    PROJECT_SORTS,
    Cursor,
    Page,
    StoreFilter,
    StoreSource,
    count_indicators,
    count_projects,
    indicator_page,
    project_page,
)
from jixiao.tui import actions
from jixiao.tui.bindings import bindings
from jixiao.tui.components.footer import Footer
from jixiao.tui.components.page_table import Cell, Column, PageTable
from jixiao.tui.display import visible

PAGE_ROWS = 50
"""Two or three screens at 80×24, one at 200×50."""
KEPT_PAGES = 20
WIDEST = 60
"""The name column at most: on a wide terminal the budget stays beside the name."""

SORT_NAMES = {
    "document": N_("document order"),
    "budget": N_("budget, largest first"),
    "budget-asc": N_("budget, smallest first"),
    "change": N_("change, largest increase first"),
    "change-asc": N_("change, largest cut first"),
}


@dataclass(frozen=True)
class Chosen:
    """What Enter picked: the project (and indicator) to open in the browse screen."""

    document_id: int
    project_id: int
    indicator_id: int | None = None


class AcrossScreen(Screen[Chosen | None]):
    BINDINGS = bindings(actions.ACROSS)
    DEFAULT_CSS = """
    AcrossScreen #across-title { height: 1; }
    AcrossScreen #across-status { height: 1; color: $text-muted; }
    AcrossScreen PageTable { height: 1fr; }
    """

    def __init__(self, source: StoreSource) -> None:
        super().__init__()
        self.source = source
        self.indicators = False
        self.where = StoreFilter()
        self.sort = "document"
        self.starts: list[Cursor | None] = [None]
        """Where each page seen so far starts: the way back."""
        self.page: Page | None = None
        self.total: int | None = None
        self._pages: dict[Cursor | None, Page] = {}
        """Pages read, by where they start: the next one is read ahead while the reviewer
        looks at this one, so that ] shows it at once."""
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield Static(id="across-title")
        yield PageTable()
        yield Static(id="across-status")
        yield Footer()

    def on_mount(self) -> None:
        self._reload()

    # -- loading --------------------------------------------------------------------

    def _reload(self) -> None:
        """Back to the first page, and a new count: the filter, sort or kind changed."""
        self.starts = [None]
        self.total = None
        self._pages.clear()
        self._generation += 1
        self._load()
        self._count()

    def _load(self) -> None:
        """Show the page starting at starts[-1]: at once when it was read ahead (or seen
        before), else once a thread has read it."""
        start = self.starts[-1]
        if start in self._pages:
            self._show(self._pages[start])
        else:
            self._read(start, self._generation, show=True)

    @work(exclusive=True, thread=True, group="page")
    def _read(self, start: Cursor | None, generation: int, show: bool) -> None:
        self._fetch(start, generation, show)

    def _fetch(self, start: Cursor | None, generation: int, show: bool) -> None:
        """In a worker thread: read the page starting at `start`, hand it to the app."""
        read = indicator_page if self.indicators else project_page
        page = read(self.source, self.where, self.sort, start, PAGE_ROWS)
        self.app.call_from_thread(self._arrived, start, generation, page, show)

    def _arrived(self, start: Cursor | None, generation: int, page: Page, show: bool) -> None:
        if generation != self._generation:
            return  # read for a filter or sort that has changed since
        self._pages[start] = page
        while len(self._pages) > KEPT_PAGES:
            self._pages.pop(next(iter(self._pages)))
        if show and start == self.starts[-1]:
            self._show(page)

    def _read_ahead(self, page: Page) -> None:
        if page.next is not None and page.next not in self._pages:
            self._read_next(page.next, self._generation)

    @work(exclusive=True, thread=True, group="read-ahead")
    def _read_next(self, start: Cursor, generation: int) -> None:
        # A group of its own: reading ahead never cancels the page the reviewer asked for.
        self._fetch(start, generation, show=False)

    @work(exclusive=True, thread=True, group="count")
    def _count(self) -> None:
        count = count_indicators if self.indicators else count_projects
        total = count(self.source, self.where)
        self.app.call_from_thread(self._show_total, total)

    def _show(self, page: Page) -> None:
        self.page = page
        table = self.query_one(PageTable)
        columns = INDICATOR_COLUMNS if self.indicators else PROJECT_COLUMNS
        table.show(
            tuple(
                Column(_(title), width, right=key in FIGURES)
                for (title, key, _cell), width in zip(columns, self._widths(columns), strict=True)
            ),
            [tuple(cell(row) for _title, _key, cell in columns) for row in page.rows],
            [str(row["id"]) for row in page.rows],
        )
        table.focus()
        self._show_title()
        self.call_after_refresh(self._read_ahead, page)  # not competing with the drawing

    def _widths(self, columns: tuple[ColumnSpec, ...]) -> list[int]:
        """Fixed widths, and the wide column (None in WIDTHS) takes what is left, so that
        budget and change stay on screen at 80 columns. A fixed column is never narrower
        than its title in the language spoken (序号 is wider than "no.")."""
        fixed = [
            None if WIDTHS[key] is None else max(WIDTHS[key], cell_len(_(title)))
            for title, key, _cell in columns
        ]
        padding = 2 * len(columns) + 2  # a cell's padding either side, and the scrollbar
        room = self.size.width - padding - sum(w for w in fixed if w is not None)
        left = max(12, min(WIDEST, room))  # wider than that, the figures drift out of sight
        return [left if width is None else width for width in fixed]

    def _show_total(self, total: int) -> None:
        self.total = total
        self._show_title()

    def _show_title(self) -> None:
        title = Text(_("All indicators") if self.indicators else _("All projects"), style="bold")
        title.append(" · " + _("by {order}").format(order=_(SORT_NAMES[self.sort])), style="dim")
        described = describe(self.where)
        if described:
            title.append(visible(f" · {described}"), style="yellow")
        self.query_one("#across-title", Static).update(title)
        shown = len(self.page.rows) if self.page else 0
        first = (len(self.starts) - 1) * PAGE_ROWS
        total = _("counting…") if self.total is None else f"{self.total:,}"
        status = Text(_("page {page}: {first}–{last} of {total}").format(
            page=len(self.starts), first=f"{first + 1 if shown else 0:,}",
            last=f"{first + shown:,}", total=total))  # fmt: skip
        status.append(
            "   " + _("]: next page · [: previous · Enter: open · f: filter · s: sort · "
                      "i: projects/indicators"),
            style="dim",
        )  # fmt: skip
        self.query_one("#across-status", Static).update(status)

    # -- actions --------------------------------------------------------------------

    def action_next_page(self) -> None:
        if self.page is None or self.page.next is None:
            self.notify(_("this is the last page"))
            return
        self.starts.append(self.page.next)
        self._load()

    def action_previous_page(self) -> None:
        if len(self.starts) == 1:
            self.notify(_("this is the first page"))
            return
        self.starts.pop()
        self._load()

    def action_cycle_sort(self) -> None:
        sorts = INDICATOR_SORTS if self.indicators else PROJECT_SORTS
        self.sort = sorts[(sorts.index(self.sort) + 1) % len(sorts)]
        self._reload()

    def action_toggle_kind(self) -> None:
        self.indicators = not self.indicators
        if self.sort not in (INDICATOR_SORTS if self.indicators else PROJECT_SORTS):
            self.sort = "document"
        self._reload()

    def action_filter(self) -> None:
        def apply(wanted: StoreFilter | None) -> None:
            if wanted is not None:
                self.where = wanted
                self._reload()

        self.app.push_screen(AcrossFilterScreen(self.where, self.indicators), apply)

    def action_cursor_down(self) -> None:
        self.query_one(PageTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(PageTable).action_cursor_up()

    def action_back(self) -> None:
        self.dismiss(None)

    def on_page_table_row_selected(self, event: PageTable.RowSelected) -> None:
        if self.page is None:
            return
        row = self.page.rows[event.row]
        if self.indicators:
            self.dismiss(Chosen(row["document_id"], row["project_id"], row["id"]))
        else:
            self.dismiss(Chosen(row["document_id"], row["id"]))


def describe(where: StoreFilter) -> str:
    parts = [
        f"{_(label)} {value}"
        for label, value in (
            (N_("department"), where.department),
            (N_("year"), where.year),
            (N_("stage"), where.stage),
            (N_("unit"), where.unit),
            (N_("level"), where.level),
            (N_("text"), where.text),
        )
        if value is not None
    ]
    return _(", ").join(parts)


def _money(row: dict[str, Any], key: str, signed: bool = False) -> Cell:
    value = row.get(key)
    if value is None:
        return Cell("")
    amount = from_fen(value, row["money_unit"])
    style = "" if not signed else ("green" if value > 0 else "red" if value < 0 else "")
    return Cell(f"{amount:+}" if signed else str(amount), style)


def _percent(row: dict[str, Any]) -> Cell:
    change, previous = row.get("change_fen"), row.get("previous_budget_fen")
    if change is None or not previous:
        return Cell("")
    return Cell(f"{change * 100 / previous:+.1f}%")


def _plain(key: str) -> Any:
    return lambda row: Cell(str(row[key]))


ColumnSpec = tuple[str, str, Any]
"""Title, key, and how to draw a row's cell."""

FIGURES = {"budget", "change", "percent"}
"""Columns aligned right."""

WIDTHS: dict[str, int | None] = {
    "department": 12, "year": 4, "unit": 6, "ordinal": 3, "name": None, "budget": 9,
    "change": 9, "percent": 6, "project": 16, "level2": 10, "level3": None, "value": 10,
}  # fmt: skip

PROJECT_COLUMNS: tuple[ColumnSpec, ...] = (
    (N_("department"), "department", _plain("department")),
    (N_("year"), "year", _plain("year")),
    (N_("unit"), "unit", _plain("unit_code")),
    (N_("no."), "ordinal", _plain("ordinal")),
    (N_("project"), "name", _plain("name")),
    (N_("budget"), "budget", lambda row: _money(row, "budget_fen")),
    (N_("change"), "change", lambda row: _money(row, "change_fen", signed=True)),
    ("%", "percent", _percent),
)

INDICATOR_COLUMNS: tuple[ColumnSpec, ...] = (
    (N_("department"), "department", _plain("department")),
    (N_("year"), "year", _plain("year")),
    (N_("no."), "ordinal", _plain("ordinal")),
    (N_("project"), "project", _plain("project")),
    ("二级指标", "level2", _plain("level2")),
    ("三级指标", "level3", _plain("level3")),
    ("指标值", "value", _plain("value")),
)


class AcrossFilterScreen(ModalScreen[StoreFilter | None]):
    """One line a field, so that it fits 80×24 with room to spare."""

    BINDINGS = bindings(actions.DIALOG)
    DEFAULT_CSS = """
    AcrossFilterScreen { align: center middle; }
    AcrossFilterScreen > Vertical { width: 64; height: auto; border: round $accent;
                                    background: $surface; padding: 0 1; }
    AcrossFilterScreen Horizontal { height: 1; margin-top: 1; }
    AcrossFilterScreen Label { width: 14; }
    AcrossFilterScreen Input { border: none; height: 1; padding: 0 1; width: 1fr; }
    """

    def __init__(self, current: StoreFilter, indicators: bool) -> None:
        super().__init__()
        self.current = current
        self.indicators = indicators

    def compose(self) -> ComposeResult:
        current = self.current
        fields = [
            ("department", N_("Department"), current.department, N_("part of its name")),
            ("year", N_("Year"), current.year, N_("e.g. 2024")),
            ("stage", N_("Stage"), current.stage, N_("draft or final; empty for both")),
            ("unit", N_("Unit"), current.unit, N_("a code, or part of its name")),
        ]
        if self.indicators:
            fields.append(("level", N_("Level"), current.level, "产出、成本、满意度…"))
        fields.append(
            ("text", N_("Text"), current.text, N_("in names, purposes, goals, indicators"))
        )
        with Vertical():
            yield Static(Text(_("Filter  (Enter or F2 apply · Esc cancel)"), style="bold"))
            for key, label, value, hint in fields:
                with Horizontal():
                    yield Label(_(label))
                    yield Input("" if value is None else str(value), id=key, placeholder=_(hint))
            yield Static("", id="filter-error")
        yield Footer()

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        def value(key: str) -> str | None:
            found = self.query(f"#{key}")
            return _text(found.first(Input).value) if found else None

        year, stage = value("year"), value("stage")
        problem = None
        if year and not (year.isdigit() and len(year) == 4):
            problem = _("the year is four digits, e.g. 2024")
        elif stage not in (None, "draft", "final"):
            problem = _("the stage is draft or final")
        if problem:
            self.query_one("#filter-error", Static).update(Text(visible(problem), style="red"))
            return
        self.dismiss(
            replace(
                self.current,
                department=value("department"),
                year=int(year) if year else None,
                stage=stage,
                unit=value("unit"),
                level=value("level"),
                text=value("text"),
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


def _text(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None
