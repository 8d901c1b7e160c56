"""A Chinese reviewer at 80×24 (issue 16): the interface in Chinese with English kept, line
breaking, and reading a project whole. Each test runs in both languages."""

from __future__ import annotations

import re

import pytest

from jixiao.store.db import open_store
from jixiao.store.save import save_document
from jixiao.tui.linebreak import CLOSING
from jixiao.tui.screens.browse import BrowseScreen
from jixiao.tui.screens.compare import CompareScreen
from jixiao.tui.screens.help import HelpScreen
from jixiao.tui.screens.indicator import IndicatorScreen
from tests.tui_helpers import make_app, press, screen_text

SIZE = (80, 24)


@pytest.fixture(params=["en", "zh"])
def lang(request, speak) -> str:
    speak(request.param)
    return request.param


async def to_project(pilot, ordinal: int) -> None:
    await press(pilot, *(["j"] * (ordinal + 1)))
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def pane(pilot) -> list[str]:
    """The right-hand pane's lines (right of the tree's border)."""
    return [line.split("▕", 1)[1] for line in screen_text(pilot).splitlines()[1:-1]
            if "▕" in line]  # fmt: skip


def said(lang: str, english: str, chinese: str) -> str:
    return chinese if lang == "zh" else english


class TestTheInterfaceSpeaksTheLanguage:
    async def test_footer_status_and_overview(self, store_path, lang):
        async with make_app(store_path).run_test(size=SIZE) as pilot:
            await pilot.pause()
            text = screen_text(pilot)
            footer = text.splitlines()[-1]
            assert said(lang, "/ Search f Filter projects", "/ 搜索 f 筛选 r 已审") in footer
            assert said(lang, "2024 draft r1", "2024 草案 r1") in text.splitlines()[0]
            assert said(lang, "35 projects · 252 indicators", "35 个项目 · 252 个指标") in text
            assert said(lang, "· untouched 35", "· 未审 35") in text

    async def test_help(self, store_path, lang):
        async with make_app(store_path).run_test(size=(80, 60)) as pilot:  # all of it
            await press(pilot, "f1")
            assert isinstance(pilot.app.screen, HelpScreen)
            await press(pilot, "end")
            text = screen_text(pilot)
            await press(pilot, "home")
            text += screen_text(pilot)
            assert said(lang, "Mark reviewed", "已审") in text and "browse.reviewed" in text
            assert said(lang, "The tree (focused)", "目录树（焦点所在）") in text
            assert said(lang, "Scroll the detail down", "右栏下翻") in text
            assert "browse.page_down" in text

    async def test_the_palette_finds_in_the_language(self, store_path, lang):
        async with make_app(store_path).run_test(size=SIZE) as pilot:
            await to_project(pilot, 1)
            await press(pilot, "ctrl+p")
            await pilot.press(*said(lang, "Compare", "比较"))
            await pilot.pause(0.5)
            assert said(lang, "Compare with another document  (c)", "比较  (c)") in screen_text(
                pilot
            )
            await press(pilot, "enter")
            await pilot.pause(0.2)
            text = screen_text(pilot)
            assert said(lang, "Compare with… (Enter picks", "与哪个文本比较？") in text
            assert said(lang, "no other document in the store", "库中没有别的文本") in text

    async def test_dialogs_and_notices(self, store_path, lang):
        async with make_app(store_path).run_test(size=SIZE) as pilot:
            await to_project(pilot, 2)
            await press(pilot, "y")
            notices = [n.message for n in pilot.app._notifications]  # tests draw no toasts
            assert said(lang, "copied to the clipboard", "已复制到剪贴板") in notices
            await press(pilot, "f")
            text = screen_text(pilot)
            assert said(lang, "Filter projects  (F2 apply", "筛选项目（F2 应用") in text
            assert said(lang, "Review state", "审核状态") in text
            await press(pilot, "escape", "r")
            text = screen_text(pilot)  # the mark, then who and when (wrapped at 80×24)
            assert said(lang, "✓ reviewed", "✓ 已审") in text and "tester · " in text

    async def test_table_headers_of_the_store_wide_view(self, store_path, lang):
        async with make_app(store_path).run_test(size=SIZE) as pilot:
            await press(pilot, "A")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            text = screen_text(pilot)
            assert said(lang, "All projects", "全部项目") in text
            header = next(line for line in text.splitlines() if "%" in line)
            assert said(lang, "department", "部门") in header
            assert said(lang, "budget", "预算数") in header

    async def test_no_english_word_left_on_the_chinese_screens(self, store_path, speak):
        """What a missing `_()` would leave: the Chinese screens without findings hold no
        English word but key names, formats and the documents' own text."""
        speak("zh")
        allowed = {"jixiao", "Ctrl", "Enter", "Esc", "Tab", "APP", "tester",
                   "UTF", "GB18030", "draft", "final", "Markdown", "OSC", "SVG", "keys",
                   "home", "end", "pgup", "pgdn", "space", "enter", "esc", "tab", "shift",
                   "super"}  # fmt: skip
        screens = []
        async with make_app(store_path).run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screens.append(screen_text(pilot))  # the overview
            for keys in (["f"], ["A"], ["slash"], ["ctrl+p"]):
                await press(pilot, *keys)
                await pilot.app.workers.wait_for_complete()
                await pilot.pause()
                screens.append(screen_text(pilot))
                await press(pilot, "escape")
            await press(pilot, "f1")
            screens.append(screen_text(pilot))
            await press(pilot, "escape", "C")  # the conclusion
            screens.append(screen_text(pilot))
            await press(pilot, "escape", *(["j"] * 7), "tab", "f1")  # the indicator table's keys
            await pilot.app.workers.wait_for_complete()
            screens.append(screen_text(pilot))
        words = {
            word
            for text in screens
            for word in re.findall(r"(?<![\w.])[A-Za-z]{3,}(?![\w.])", text)
        }
        assert not words - allowed, " ".join(sorted(words - allowed))


class TestChineseLineBreaking:
    async def test_the_detail_at_80_columns(self, store_path, lang):
        async with make_app(store_path).run_test(size=SIZE) as pilot:
            await to_project(pilot, 5)
            seen = []
            for _page in range(3):
                seen += pane(pilot)
                await press(pilot, "pagedown")
            lines = [line.strip() for line in seen if line.strip()]
            assert any(line.startswith("1.为 291 个村") for line in lines)
            assert not any(line.startswith("个村") for line in lines)
            assert not [line for line in lines if line[0] in CLOSING]

    async def test_a_mark_keeps_the_reviewers_name_whole(self, store_path, lang):
        """Who and when have a line of their own under the state: beside it, the 40-column
        pane broke 王芳 in two."""
        async with make_app(store_path, reviewer="王芳").run_test(size=SIZE) as pilot:
            await to_project(pilot, 5)
            await press(pilot, "r")
            lines = [line.strip() for line in pane(pilot)]
            assert any(line.startswith("王芳 · ") for line in lines), lines
            assert not any(line.endswith("王") for line in lines)


class TestReadingAt80x24:
    async def test_each_project_starts_at_the_top_and_keys_scroll(self, store_path, lang):
        async with make_app(store_path).run_test(size=SIZE) as pilot:
            await to_project(pilot, 5)
            assert pane(pilot)[0].strip() == "5. 村级组织运转经费"
            await press(pilot, "pagedown")
            assert "5. 村级组织运转经费" not in "".join(pane(pilot))
            await press(pilot, "pageup")
            assert pane(pilot)[0].strip() == "5. 村级组织运转经费"
            await press(pilot, "space", "j")  # scrolled down, then the next project
            assert pane(pilot)[0].strip() == "6. 党代表联络工作经费"
            assert "项目编码" in pane(pilot)[1]

    async def test_the_source_lines_are_brought_into_view(self, store_path, lang):
        async with make_app(store_path).run_test(size=SIZE) as pilot:
            await to_project(pilot, 5)
            await press(pilot, "v")
            text = "\n".join(pane(pilot))
            assert said(lang, "source lines", "原文第") in text
            assert "│ 5.村级组织运转经费绩效目标表" in text

    async def test_enter_opens_the_whole_indicator_row(self, store_path, lang):
        async with make_app(store_path).run_test(size=SIZE) as pilot:
            await to_project(pilot, 5)
            await press(pilot, "tab", "j", "q", "e")
            await pilot.press(*"人数核对")
            await press(pilot, "f2", "enter")
            assert isinstance(pilot.app.screen, IndicatorScreen)
            text = screen_text(pilot)
            for label in ("一级指标", "二级指标", "三级指标", "指标值", "绩效指标描述",
                          "指标值确定依据"):  # fmt: skip
                assert label in text
            assert "村“两委”干部人数" in text and "≤1165 人" in text
            assert said(lang, "? question", "? 存疑") in text and "人数核对" in text
            await press(pilot, "escape")
            assert isinstance(pilot.app.screen, BrowseScreen)

    async def test_the_table_leads_with_level3_and_value(self, store_path, lang):
        async with make_app(store_path).run_test(size=SIZE) as pilot:
            await to_project(pilot, 5)
            await press(pilot, "tab")
            header = next(line for line in pane(pilot) if "三级指标" in line)
            assert header.index("三级指标") < header.index("指标值")
            assert any("村级组织数量" in line and "291 个" in line for line in pane(pilot))

    async def test_the_tree_tells_neighbours_apart_and_the_status_names_in_full(
        self, store_path, lang
    ):
        async with make_app(store_path).run_test(size=SIZE) as pilot:
            await to_project(pilot, 19)
            text = screen_text(pilot)
            assert "⚑1 离退休干部公用" in text and "⚑1 离退休干部体检" in text  # 7 characters
            assert text.splitlines()[0].startswith(" 19. 离退休干部体检费（不含退休教师）")


class TestCompareInChinese:
    async def test_the_screen_words(self, tmp_path, sample, speak):
        from tests.conftest import sample_with

        speak("zh")
        path = tmp_path / "two.db"
        engine = open_store(path)
        save_document(engine, *sample)
        older = sample_with(("2024", "2023"))
        from tests.conftest import parse_text

        save_document(engine, *parse_text(older))
        async with make_app(path, compare=(2, 1)).run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(pilot.app.screen, CompareScreen)
            assert "筛选：全部 · 排序：文本顺序" in screen_text(pilot)
