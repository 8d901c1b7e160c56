"""Place-keeping: the TUI reopens where the reviewer was, lists keep their cursor after an
action, and g/G go to the first and last line of every list."""

from __future__ import annotations

import json

from jixiao.tui.place import Place, last_place, places_file, remember_place
from tests.test_tui import SIZE, to_project
from tests.tui_helpers import make_app, press, screen_text


class TestReopen:
    async def test_the_tui_reopens_on_the_project_last_shown(self, store_path):
        async with make_app(store_path).run_test(size=SIZE) as pilot:
            await to_project(pilot, 5)
        assert last_place(store_path) is not None
        async with make_app(store_path).run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "5. 村级组织运转经费" in screen_text(pilot).splitlines()[0]
            assert pilot.app.screen.current.kind == "project"

    async def test_a_document_named_on_the_command_line_wins(self, store_path):
        remember_place(store_path, Place(1, None))
        async with make_app(store_path, document_id=1).run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert pilot.app.screen.current.kind == "document"

    async def test_a_place_that_is_gone_falls_back_to_the_newest_document(self, store_path):
        remember_place(store_path, Place(999, 12345))
        async with make_app(store_path).run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert pilot.app.screen.current.document_id == 1

    def test_places_are_per_store_and_a_damaged_file_is_no_error(self, tmp_path):
        remember_place(tmp_path / "a.db", Place(3, 7))
        remember_place(tmp_path / "b.db", Place(4, None))
        assert last_place(tmp_path / "a.db") == Place(3, 7)
        assert last_place(tmp_path / "b.db") == Place(4, None)
        places_file().write_text("{not json", encoding="utf-8")
        assert last_place(tmp_path / "a.db") is None
        remember_place(tmp_path / "a.db", Place(5, None))  # rewritten whole
        assert json.loads(places_file().read_text(encoding="utf-8"))


class TestListsKeepTheirPlace:
    async def test_g_and_G_in_the_findings_list(self, store_path):
        async with make_app(store_path).run_test(size=(120, 40)) as pilot:
            await to_project(pilot, 5)
            await press(pilot, "F")
            options = pilot.app.screen.query_one("OptionList")
            await press(pilot, "G")
            assert options.highlighted == options.option_count - 1
            await press(pilot, "g")
            assert options.highlighted == 0
