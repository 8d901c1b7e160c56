"""Place-keeping: the TUI reopens where the reviewer was, lists keep their cursor after an
action, and g/G go to the first and last line of every list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jixiao.store import open_store, project_id
from jixiao.tui.place import Place, last_place, places_file, remember_place
from tests.conftest import corpus_store
from tests.test_tui import SIZE, to_project
from tests.tui_helpers import make_app, press, screen_text


@pytest.fixture(scope="module")
def thirty_departments(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus_store(tmp_path_factory, departments=30, years=1)


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

    async def test_a_project_below_the_fold_is_reopened_in_view(self, store_path):
        remember_place(store_path, Place(1, project_id(open_store(store_path), 1, 35)))
        async with make_app(store_path).run_test(size=SIZE) as pilot:
            await pilot.pause()
            tree = pilot.app.screen.project_tree
            assert tree.cursor_node.data.id == pilot.app.screen.current.id
            assert "35    45.00 ⚑6 数据安全" in screen_text(pilot)  # the cursor's line, shown

    async def test_the_opened_department_leads_and_the_others_follow_in_order(
        self, thirty_departments
    ):
        """The first frame holds the department the reviewer opens on; the others are put
        in their places around it after that frame, and the view does not move."""
        async with make_app(thirty_departments, document_id=20).run_test(size=SIZE) as pilot:
            await pilot.pause()
            tree = pilot.app.screen.project_tree
            names = [str(node.label).rsplit("  ", 1)[0] for node in tree.root.children]
            assert len(names) == 30 and names == sorted(names)
            opened = tree.cursor_node.parent  # the cursor is on document 20
            assert screen_text(pilot).splitlines()[1].startswith(f"▼ {opened.label}")
            place = tree.root.children.index(opened)
            assert 0 < place < 29
            await press(pilot, "k", "k")  # the document's department, then the one before it
            assert tree.cursor_node is tree.root.children[place - 1]

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
