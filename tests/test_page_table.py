"""The page table of the store-wide view: cells cut to their columns, text shown as written,
the cursor kept on screen, Enter naming the row. Driven with Pilot in a bare app."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from jixiao.tui.components.page_table import Cell, Column, PageTable, fit
from tests.tui_helpers import press, screen_text

COLUMNS = (Column("name", 10), Column("budget", 8, right=True))


def rows(count: int) -> list[tuple[Cell, ...]]:
    return [(Cell(f"项目{n}"), Cell(f"{n}.00", "green")) for n in range(count)]


class TableApp(App[None]):
    def __init__(self, table_rows: list[tuple[Cell, ...]]) -> None:
        super().__init__()
        self.table_rows = table_rows
        self.selected: list[int] = []

    def compose(self) -> ComposeResult:
        yield PageTable()

    def on_mount(self) -> None:
        table = self.query_one(PageTable)
        table.show(COLUMNS, self.table_rows, [str(n) for n in range(len(self.table_rows))])
        table.focus()

    def on_page_table_row_selected(self, event: PageTable.RowSelected) -> None:
        self.selected.append(event.row)


class TestFit:
    @pytest.mark.parametrize(
        ("text", "width", "right", "expected"),
        [
            ("abc", 5, False, "abc  "),
            ("abc", 5, True, "  abc"),
            ("2022 年度党刊征订费", 12, False, "2022 年度党…"),
            ("经费经费", 6, False, "经费… "),  # a wide character never straddles the edge
            ("经费", 4, False, "经费"),
            ("a\tb\nc", 6, False, "a b c "),  # control characters would move the cursor
            ("anything", 0, False, ""),
        ],
    )
    def test_cells_come_out_exactly_as_wide_as_their_column(self, text, width, right, expected):
        assert fit(text, width, right) == expected


class TestPageTable:
    async def test_the_header_and_rows_as_columns(self):
        async with TableApp(rows(3)).run_test(size=(40, 10)) as pilot:
            lines = screen_text(pilot).splitlines()
            assert lines[0].rstrip() == " name          budget"
            assert lines[1].rstrip() == " 项目0           0.00"
            assert lines[3].rstrip() == " 项目2           2.00"

    async def test_text_that_looks_like_markup_is_shown_as_written(self):
        table_rows = [(Cell("[bold]x[/]"), Cell("1"))]
        async with TableApp(table_rows).run_test(size=(40, 5)) as pilot:
            assert "[bold]x[/]" in screen_text(pilot)

    async def test_the_cursor_stays_on_screen_and_the_header_stays_put(self):
        async with TableApp(rows(100)).run_test(size=(40, 10)) as pilot:
            table = pilot.app.query_one(PageTable)
            await press(pilot, "end")
            assert table.cursor_row == 99
            lines = screen_text(pilot).splitlines()
            assert lines[0].startswith(" name")
            assert "项目99" in lines[-1]
            await press(pilot, "pageup")
            assert table.cursor_row < 99
            assert f"项目{table.cursor_row} " in screen_text(pilot)
            await press(pilot, "home", "up")
            assert table.cursor_row == 0
            assert screen_text(pilot).splitlines()[1].startswith(" 项目0 ")

    async def test_enter_names_the_row_under_the_cursor(self):
        async with TableApp(rows(5)).run_test(size=(40, 10)) as pilot:
            await press(pilot, "down", "down", "enter")
            assert pilot.app.selected == [2]

    async def test_no_rows(self):
        async with TableApp([]).run_test(size=(40, 5)) as pilot:
            await press(pilot, "down", "enter")
            assert pilot.app.selected == []
            assert screen_text(pilot).splitlines()[0].startswith(" name")

    async def test_every_key_of_the_table_has_an_id_for_the_keymap(self):
        async with TableApp(rows(3)).run_test(size=(40, 5)) as pilot:
            table = pilot.app.query_one(PageTable)
            own = [a.binding for a in pilot.app.screen.active_bindings.values() if a.node is table]
            assert own and all(binding.id for binding in own)
