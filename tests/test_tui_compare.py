"""The compare view driven with Pilot: open it, walk the changes, filter, decide, history."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from jixiao.store.db import open_store
from jixiao.store.save import save_document
from jixiao.tui.screens.compare import CompareScreen
from jixiao.tui.screens.history import HistoryScreen
from tests.conftest import parse_text
from tests.test_compare import draft_2023
from tests.tui_helpers import make_app, press, screen_text


@pytest.fixture
def store_path(tmp_path: Path, sample) -> Path:
    path = tmp_path / "compare.db"
    engine = open_store(path)
    save_document(engine, *parse_text(draft_2023()))  # document 1
    save_document(engine, *sample)  # document 2
    return path


def selected_name(pilot) -> str:
    screen = pilot.app.screen
    pair = screen.selected
    return (pair.b or pair.a).name


class TestCompareView:
    async def test_open_from_a_document_and_read_the_summary(self, store_path):
        async with make_app(store_path).run_test(size=(100, 30)) as pilot:
            await press(pilot, "c")  # on the 2024 document: pick 2023
            await press(pilot, "down", "enter")
            assert isinstance(pilot.app.screen, CompareScreen)
            text = screen_text(pilot)
            assert "中共巨鹿县委组织部 2023 draft r1 → 中共巨鹿县委组织部 2024 draft r1" in text
            assert "projects: 6 added, 1 removed, 5 changed, 23 unchanged, 1 to confirm" in text
            assert "+229.30  5. 村级组织运转经费" in text
            await press(pilot, "escape")
            assert not isinstance(pilot.app.screen, CompareScreen)

    async def test_walk_the_changes_side_by_side(self, store_path):
        app = make_app(store_path, compare=(1, 2))
        async with app.run_test(size=(120, 40)) as pilot:
            assert selected_name(pilot) == "2024 年度党刊征订费"
            await press(pilot, "n")
            assert selected_name(pilot) == "“名校英才入冀”人员房租补助"
            await press(pilot, "n")
            assert selected_name(pilot) == "春节、重阳节茶话会经费"
            text = screen_text(pilot)
            assert "≥70%" in text and "≥80% [stricter]" in text
            await press(pilot, "N")
            assert selected_name(pilot) == "“名校英才入冀”人员房租补助"

    async def test_filter_and_sort(self, store_path):
        async with make_app(store_path, compare=(1, 2)).run_test(size=(120, 40)) as pilot:
            await press(pilot, "f", "f")  # all → changed → to confirm
            screen = pilot.app.screen
            assert [p.status for p in screen.shown] == ["to_confirm"]
            assert "filter: to_confirm" in screen_text(pilot)
            await press(pilot, "f", "f", "f", "f")  # … back to all
            await press(pilot, "s")
            first = screen.shown[0]
            assert first.b.name == "村级组织运转经费"  # the largest budget change leads
            assert selected_name(pilot) == "2024 年度党刊征订费"  # the cursor stays put

    async def test_confirm_an_uncertain_pairing(self, store_path):
        app = make_app(store_path, compare=(1, 2))
        async with app.run_test(size=(120, 40)) as pilot:
            await press(pilot, "f", "f")
            assert selected_name(pilot) == "关工委经费"
            await press(pilot, "a")
            text = screen_text(pilot)
            assert "5 changed" not in text and "6 changed" in text and "0 to confirm" in text
        with app.store.engine.connect() as connection:
            assert connection.exec_driver_sql(
                "SELECT decision, reviewer FROM pairing_decision"
            ).all() == [("confirmed", "tester")]

    async def test_the_list_keeps_its_place_after_a_decision_and_g_G_move(self, store_path):
        app = make_app(store_path, compare=(1, 2))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            table = pilot.app.screen.query_one("PairTable")
            await press(pilot, *(["j"] * 11))  # 关工委经费, paired uncertainly
            assert table.cursor_row == 11
            await press(pilot, "d")  # rejected: the pair splits, the cursor stays on the row
            assert table.cursor_row == 11
            await press(pilot, "G")
            assert table.cursor_row == table.row_count - 1
            await press(pilot, "g")
            assert table.cursor_row == 0

    async def test_history_and_export(self, store_path, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        async with make_app(store_path, compare=(1, 2)).run_test(size=(120, 40)) as pilot:
            await press(pilot, *["j"] * 4)
            assert selected_name(pilot) == "村级组织运转经费"
            await press(pilot, "H")
            assert isinstance(pilot.app.screen, HistoryScreen)
            text = screen_text(pilot)
            assert "5800.00" in text and "6029.30" in text and "2023" in text
            await press(pilot, "escape")
            await press(pilot, "E")
        exported = (tmp_path / "jixiao-compare-1-2.md").read_text(encoding="utf-8")
        assert exported.startswith("# 中共巨鹿县委组织部 2023 draft r1 → ")

    async def test_reject_and_make_pairings(self, store_path):
        async def show_only(pilot, status: str) -> None:
            while pilot.app.screen.status_filter != status:
                await press(pilot, "f")

        app = make_app(store_path, compare=(1, 2))
        async with app.run_test(size=(120, 40)) as pilot:
            await show_only(pilot, "to_confirm")
            await press(pilot, "d")  # reject the uncertain pairing
            assert "0 to confirm" in screen_text(pilot)
            await show_only(pilot, "removed")
            names = [p.a.name for p in pilot.app.screen.shown]
            await press(pilot, *["j"] * names.index("关心下一代工作委员会经费"), "m")
            await show_only(pilot, "added")
            names = [p.b.name for p in pilot.app.screen.shown]
            await press(pilot, *["j"] * names.index("关工委经费"), "m")
            made = next(p for p in pilot.app.screen.comparison.projects
                        if p.b and p.b.name == "关工委经费")  # fmt: skip
            assert (made.match, made.a.name) == ("confirmed", "关心下一代工作委员会经费")
        with app.store.engine.connect() as connection:
            decisions = (
                connection.exec_driver_sql("SELECT decision FROM pairing_decision ORDER BY id")
                .scalars()
                .all()
            )
        assert decisions == ["confirmed"]  # the rejection was replaced by the pairing made


def detail_lines(pilot) -> list[str]:
    """The pair detail's lines as drawn: what its pane shows of each screen line (cut by
    terminal cells: a CJK character takes two), padding left out."""
    pane = pilot.app.screen.query_one("#pair").content_region
    lines = screen_text(pilot).splitlines()[pane.y : pane.y + pane.height]
    return [from_cell(line, pane.x).rstrip() for line in lines]


def from_cell(line: str, column: int) -> str:
    used = 0
    for index, character in enumerate(line):
        if used >= column:
            return line[index:]
        used += cell_len(character)
    return ""


class TestPairDetailAt80Columns:
    """At 80×24 a column of old beside new is 15 cells: a 21-character project code would be
    cut in two. A value that did not change is shown once; one that did, under the old."""

    @pytest.mark.parametrize("lang", ["en", "zh"])
    async def test_no_project_code_is_cut(self, store_path, speak, lang):
        speak(lang)
        app = make_app(store_path, compare=(1, 2))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = pilot.app.screen
            for row in range(len(screen.shown)):
                pair = screen.shown[row]
                codes = [p.code for p in (pair.a, pair.b) if p is not None and p.code]
                lines = detail_lines(pilot)
                for code in codes:
                    assert any(code in line for line in lines), (row, code, lines)
                await press(pilot, "j")

    @pytest.mark.parametrize("lang", ["en", "zh"])
    async def test_the_same_value_once_a_changed_one_under_the_old(self, store_path, speak, lang):
        speak(lang)
        app = make_app(store_path, compare=(1, 2))
        async with app.run_test(size=(80, 24)) as pilot:
            await press(pilot, "j", "j", "j")  # 4. 春节、重阳节茶话会经费: 参会率 ≥70% → ≥80%
            assert selected_name(pilot) == "春节、重阳节茶话会经费"
            lines = detail_lines(pilot)
            stage = "草案" if lang == "zh" else "draft"
            assert f"2023 {stage} → 2024 {stage}" in lines[0]
            budget = next(line for line in lines if line.startswith("预算数"))
            assert budget.count("2.00") == 1  # unchanged: once
            old = next(n for n, line in enumerate(lines) if "13052923P00584012056E" in line)
            assert "→ 13052924P00584012056E" in lines[old + 1]  # the code's year, under it
            pilot.app.screen.query_one("#pair").scroll_to(y=6, animate=False)
            await pilot.pause()
            lines = detail_lines(pilot)
            rate = next(n for n, line in enumerate(lines) if "≥70%" in line)
            stricter = "[收紧]" if lang == "zh" else "[stricter]"
            assert f"→ ≥80% {stricter}" in lines[rate + 1]

    async def test_an_added_project_shows_its_side_once(self, store_path, speak):
        speak("zh")
        app = make_app(store_path, compare=(1, 2))
        async with app.run_test(size=(80, 24)) as pilot:
            await press(pilot, "f", "f", "f")  # all → changed → to confirm → added
            assert pilot.app.screen.shown[0].status == "added"
            lines = detail_lines(pilot)
            assert lines[1].startswith("状态") and "新增" in lines[1]
            assert next(line for line in lines if line.startswith("编码")).endswith(
                "13052924P00584012089W"
            )
            assert not any("→" in line or "—" in line for line in lines[1:])

    async def test_old_beside_new_where_there_is_room(self, store_path, speak):
        speak("zh")
        app = make_app(store_path, compare=(1, 2))
        async with app.run_test(size=(200, 50)) as pilot:
            await press(pilot, "j", "j", "j")
            lines = detail_lines(pilot)
            assert "2023 草案" in lines[0] and "2024 草案" in lines[0]
            code = next(line for line in lines if line.startswith("编码"))
            assert "13052923P00584012056E" in code and "13052924P00584012056E" in code
            rate = next(line for line in lines if "≥70%" in line)
            assert "≥80% [收紧]" in rate and "→" not in rate

    async def test_history_says_how_each_year_was_paired(self, store_path, speak):
        speak("zh")
        async with make_app(store_path, compare=(1, 2)).run_test(size=(80, 24)) as pilot:
            await press(pilot, *["j"] * 4, "H")  # 5. 村级组织运转经费, paired by its code
            assert isinstance(pilot.app.screen, HistoryScreen)
            text = screen_text(pilot)
            paired = next(line for line in text.splitlines() if "配对依据" in line)
            assert "编码" in paired and "code" not in paired
