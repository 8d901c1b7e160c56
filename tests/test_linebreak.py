"""Chinese line breaking (tui/linebreak.py): the rules, and every width of real text."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from jixiao.tui.linebreak import CLOSING, OPENING, Wrapped, wrap, wrap_text
from tests.conftest import SAMPLE_LINES

GOAL = "1.为 291 个村发放村级组织运转经费，保障村级组织正常运转、开展工作。"


def sample_sentences() -> list[str]:
    """Every cell of the sample longer than ten characters: goals, purposes, indicators."""
    cells = {cell.strip() for line in SAMPLE_LINES for cell in line.split("\t")}
    return sorted(cell for cell in cells if len(cell) > 10)


class TestRules:
    def test_a_number_stays_with_its_neighbours(self):
        for width in range(12, 40):
            lines = wrap(GOAL, width)
            assert lines[0].startswith("1.为 291 个"), (width, lines)
            assert all(not line.startswith("个村") for line in lines)

    def test_no_line_starts_with_closing_punctuation(self):
        text = "保障村级组织正常运转、开展工作。确保党员教育培训全覆盖；提升满意度！"
        for width in range(4, 30):
            lines = wrap(text, width)
            assert all(line[0] not in CLOSING for line in lines), (width, lines)
            assert "".join(lines) == text

    def test_no_line_ends_with_opening_punctuation(self):
        text = "按照《中国共产党组织工作条例》（试行）的规定开展“三会一课”活动"
        for width in range(4, 30):
            assert all(line[-1] not in OPENING for line in wrap(text, width)), width

    def test_latin_words_and_figures_are_not_split(self):
        for width in range(10, 20):  # 本≤0.2 万 is 9 cells, held together
            lines = wrap("服务对象满意度≥95%，人均成本≤0.2 万元", width)
            assert any("≥95%" in line for line in lines), (width, lines)
            assert any("≤0.2 万" in line for line in lines), (width, lines)
        assert wrap("the quick brown fox", 10) == ["the quick", "brown fox"]

    def test_a_doubled_dash_or_ellipsis_stays_whole(self):
        for width in range(4, 16):
            lines = wrap("开展工作——党建引领……持续推进", width)
            assert all(line.count("—") in (0, 2) for line in lines), (width, lines)
            assert all(line.count("…") in (0, 2) for line in lines), (width, lines)
            assert not any(line.startswith("…") for line in lines), (width, lines)

    def test_what_cannot_fit_is_cut_by_cells(self):
        assert wrap("13052924P005840120862", 8) == ["13052924", "P0058401", "20862"]
        assert wrap("abc、、、、", 4) == ["ab", "c、", "、、", "、"]

    def test_newlines_and_spaces_at_a_break(self):
        assert wrap("甲乙\n\n丙", 8) == ["甲乙", "", "丙"]
        assert wrap("开展工作 开展工作", 8) == ["开展工作", "开展工作"]
        assert wrap("    jixiao import FILE", 20) == ["    jixiao import", "FILE"]  # indented


class TestEveryWidthOfTheSample:
    @pytest.mark.parametrize("width", [12, 20, 33, 46, 78])
    def test_lines_fit_and_keep_every_character(self, width):
        for sentence in sample_sentences():
            lines = wrap(sentence, width)
            assert all(cell_len(line) <= width for line in lines), (sentence, lines)
            assert all(line[:1] not in CLOSING for line in lines), (sentence, lines)
            assert "".join(lines).replace(" ", "") == sentence.replace(" ", "")


class TestRichText:
    def test_styles_are_kept(self):
        text = Text("甲乙丙丁")
        text.stylize("bold", 2, 4)
        second = wrap_text(text, 4)[1]
        assert second.plain == "丙丁" and second.spans[0].style == "bold"

    def test_rendered_at_the_width_it_is_given(self):
        console = Console(width=14, record=True, color_system=None)
        console.print(Wrapped(GOAL))
        lines = console.export_text().splitlines()
        assert lines[0].rstrip() == "1.为 291 个村"
        assert not any(line.startswith(tuple(CLOSING)) for line in lines)


class TestHeightWithoutDrawing:
    """The browse screen lays its wrapped texts out by Wrapped.height_at: it must count the
    lines that drawing them makes, or the pane would cut a text or leave a gap."""

    @pytest.mark.parametrize(
        "text", [GOAL, "", "甲\n\n乙", "  缩进的段落，" * 9, *sample_sentences()[:20]]
    )
    def test_height_is_the_number_of_lines_drawn(self, text):
        console = Console(width=120)
        for width in (2, 5, 13, 38, 79):
            wrapped = Wrapped(Text(text))
            drawn = console.render_lines(wrapped, console.options.update_width(width), pad=False)
            assert wrapped.height_at(width) == len(drawn), (width, text)
