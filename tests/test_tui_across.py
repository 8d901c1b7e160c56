"""The store-wide view in the TUI (A): pages, sorts, filter, indicators, and Enter opening
the project in the browse screen. Driven with Pilot at 80×24."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from jixiao.store.across import StoreFilter, count_projects, project_page
from jixiao.store.db import open_store
from jixiao.tui.components.page_table import PageTable
from jixiao.tui.components.project_view import IndicatorTable, ProjectView
from jixiao.tui.screens.across import PAGE_ROWS, AcrossFilterScreen, AcrossScreen
from jixiao.tui.screens.browse import BrowseScreen
from tests.conftest import corpus_store
from tests.tui_helpers import make_app, press, screen_text

SIZE = (80, 24)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus_store(tmp_path_factory, departments=3, years=3)


async def open_across(pilot) -> AcrossScreen:
    await press(pilot, "A")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AcrossScreen)
    return screen


def table_keys(screen: AcrossScreen) -> list[int]:
    return [int(key) for key in screen.query_one(PageTable).keys]


class TestAcross:
    async def test_pages_forward_and_back(self, store):
        total = count_projects(open_store(store), StoreFilter())
        async with make_app(store).run_test(size=SIZE) as pilot:
            screen = await open_across(pilot)
            first = table_keys(screen)
            assert len(first) == PAGE_ROWS
            assert f"page 1: 1–{PAGE_ROWS} of {total:,}" in screen_text(pilot)
            await press(pilot, "right_square_bracket")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            second = table_keys(screen)
            assert second[0] > first[-1] and not set(first) & set(second)
            assert f"page 2: {PAGE_ROWS + 1}–{2 * PAGE_ROWS}" in screen_text(pilot)
            await press(pilot, "left_square_bracket")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            assert table_keys(screen) == first

    async def test_sort_by_change_shows_the_largest_increase_first(self, store):
        expected = project_page(open_store(store), StoreFilter(), "change", None, 1).rows[0]
        async with make_app(store).run_test(size=SIZE) as pilot:
            screen = await open_across(pilot)
            for _ in range(3):  # document → budget → budget-asc → change
                await press(pilot, "s")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            assert "by change, largest increase first" in screen_text(pilot)
            assert table_keys(screen)[0] == expected["id"]

    async def test_filter_then_enter_opens_the_project(self, store):
        async with make_app(store).run_test(size=SIZE) as pilot:
            screen = await open_across(pilot)
            await press(pilot, "f")
            dialog = pilot.app.screen
            assert isinstance(dialog, AcrossFilterScreen)
            dialog.query_one("#year", Input).value = "2023"
            dialog.query_one("#text", Input).value = "茶话会"
            await press(pilot, "f2")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            text = screen_text(pilot)
            assert "year 2023, text 茶话会" in text
            wanted = StoreFilter(year=2023, text="茶话会")
            expected = [r["id"] for r in project_page(open_store(store), wanted).rows]
            assert table_keys(screen) == expected and len(expected) >= 2
            await press(pilot, "j", "enter")
            await pilot.pause()
            assert isinstance(pilot.app.screen, BrowseScreen)
            detail = pilot.app.screen.query_one(ProjectView).detail
            assert detail is not None and "茶话会" in detail.name
            assert detail.id == expected[1]

    async def test_indicators_and_a_bad_year(self, store):
        async with make_app(store).run_test(size=SIZE) as pilot:
            await open_across(pilot)
            await press(pilot, "i")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            assert "All indicators · by document order" in screen_text(pilot)
            await press(pilot, "j", "j", "enter")  # the third indicator of the first project
            await pilot.pause()
            assert isinstance(pilot.app.screen, BrowseScreen)
            view = pilot.app.screen.query_one(ProjectView)
            assert view.detail is not None and view.detail.ordinal == 1
            assert view.query_one(IndicatorTable).cursor_row == 2
            await press(pilot, "A", "i")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            await press(pilot, "f")
            pilot.app.screen.query_one("#year", Input).value = "24"
            await press(pilot, "f2")
            assert isinstance(pilot.app.screen, AcrossFilterScreen)
            assert "four digits" in screen_text(pilot)
            await press(pilot, "escape")
            await press(pilot, "escape")
            assert isinstance(pilot.app.screen, BrowseScreen)
