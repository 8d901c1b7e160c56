"""`pdftotext -layout` dumps of PDFs an office suite made (LibreOffice Writer): tables drawn
tight, text at the top of each cell, narrow columns. Each quirk is shown on a small dump
written here, with the same table without it; then the committed renderings of the bench.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.importers import ImportFault, ParsedDocument, parse_bytes, parse_file
from jixiao.importers.report import ImportReport
from jixiao.importers.spaced_cells import cut, join_wrapped
from jixiao.importers.template import Overrides

BENCH = Path(__file__).parent / "fixtures" / "renderings"
DUMPS = [f"{d}/{n}-layout.txt" for d in ("sample", "variants") for n in ("a4", "letter", "serif")]

TITLE = """1.2024 年度党刊征订费绩效目标表

203001 中共巨鹿县委组织部本级

单位：万元
"""
CODE = """项目编码    13052924P005840   项目名称   2024 年度党刊征订费
        120862"""
BUDGET = """预算规模    预算数     16.80
                   其中：财 16.80 其他资金
及资金用               政资金
途       支付党刊征订费用。"""
PLAN = """资金支出    3 月底       6 月底 10 月底  12 月底
计划                           100%
（%）"""
GOALS = """绩效目标    1.通过经费支出保障党刊征订。
        2.通过党刊征订促进党员干部学习。"""
HEADER = """一级指标    二级指标 三级指标 绩效指标描述         指标值          指标值确
                                              定依据"""
ROWS = """产出指标    数量指标    订购份数      全县党刊征订费总    1000 份   实际测算
                          份数
        质量指标    党刊征订      实际征订数量占要    100%    征订单
                率         求征订的比例
效益指标    社会效益    学习积极      党员干部学习积极    ≥95%    数据统计
        指标      性         性
满意度指    服务对象    党员满意      党员对加强学习的    100%    满意度调
标       满意度指    度         满意度                 查
        标"""

INDICATORS = [
    ("产出指标", "数量指标", "订购份数", "全县党刊征订费总份数", "1000 份", "实际测算"),
    ("产出指标", "质量指标", "党刊征订率", "实际征订数量占要求征订的比例", "100%", "征订单"),
    ("效益指标", "社会效益指标", "学习积极性", "党员干部学习积极性", "≥95%", "数据统计"),
    ("满意度指标", "服务对象满意度指标", "党员满意度", "党员对加强学习的满意度", "100%",
     "满意度调查"),
]  # fmt: skip


def dump(**parts: str) -> str:
    """The small table above, its parts replaced by keyword (code, budget, plan, goals,
    header, rows)."""
    chosen = {"code": CODE, "budget": BUDGET, "plan": PLAN, "goals": GOALS}
    chosen |= {"header": HEADER, "rows": ROWS} | parts
    return TITLE + "\n" + "\n".join(chosen.values()) + "\n"


def read(text: str, name: str = "writer.txt") -> tuple[ParsedDocument, ImportReport]:
    overrides = Overrides(department="中共巨鹿县委组织部", year=2024)
    return parse_bytes(text.encode("utf-8"), name, overrides, layout="spaced")


def indicators(parsed: ParsedDocument) -> list[tuple[str, ...]]:
    return [
        (i.level1, i.level2, i.level3, i.description, i.value, i.basis)
        for i in parsed.projects[0].indicators
    ]


def doubts(report: ImportReport) -> list[str]:
    return [n.message for n in report.warnings if "目录" not in n.message]


class TestTheSmallTable:
    def test_read_whole(self):
        parsed, report = read(dump())
        project = parsed.projects[0]
        assert project.code == "13052924P005840120862"
        assert project.budget == Decimal("16.80") == project.fiscal_funds
        assert project.purpose == "支付党刊征订费用。"
        assert project.goals == ["通过经费支出保障党刊征订。", "通过党刊征订促进党员干部学习。"]
        assert indicators(parsed) == INDICATORS
        assert report.unread == [] and doubts(report) == []
        assert report.lines_used + report.lines_blank + report.lines_furniture == (
            report.lines_total
        )


class TestRowsDrawnTight:
    """No blank line between rows; a row starts at a line with a 二级指标, unless the one
    above is unfinished (`社会效益` / `指标`)."""

    def test_a_wrapped_level2_does_not_start_a_row(self):
        parsed, _ = read(dump())
        assert [i[1] for i in indicators(parsed)][2:] == ["社会效益指标", "服务对象满意度指标"]

    def test_each_row_begins_where_its_level2_does(self):
        parsed, _ = read(dump())
        lines = [i.line for i in parsed.projects[0].indicators]
        text = dump().split("\n")
        assert [text[n - 1].split()[-5] for n in lines[1:3]] == ["质量指标", "社会效益"]

    def test_a_level2_that_is_none_of_the_known_is_read_with_a_warning(self):
        rows = ROWS.replace("质量指标    党刊征订", "征订质量    党刊征订")
        parsed, report = read(dump(rows=rows))
        assert [i[1] for i in indicators(parsed)][:3] == ["数量指标", "征订质量", "社会效益指标"]
        assert any("none of the known 二级指标" in m for m in doubts(report))

    def test_an_unknown_level2_wrapped_is_joined_with_a_warning(self):
        rows = ROWS.replace(
            "        质量指标    党刊征订      实际征订数量占要    100%    征订单\n"
            "                率         求征订的比例",
            "        征订质    党刊征订率    实际征订数量占要    100%    征订单\n"
            "        量                    求征订的比例",
        )
        parsed, report = read(dump(rows=rows))
        assert indicators(parsed)[1][1:4] == ("征订质量", "党刊征订率", INDICATORS[1][3])
        assert [m for m in doubts(report) if "rest of the row above" in m] != []

    def test_a_line_of_an_unknown_level2_with_few_cells_goes_on_the_row_above(self):
        """Under a known 二级指标, a text naming none that stands alone in its column is
        the rest of a cell (pdftotext moved the columns), not a new row."""
        rows = ROWS.replace("                          份数", "            第2期        份数")
        parsed, _ = read(dump(rows=rows))
        assert len(indicators(parsed)) == 4
        assert indicators(parsed)[0][2] == "订购份数第2期"


class TestCellOnALineOfItsOwn:
    def test_cells_set_a_line_lower(self):
        """pdftotext set the description, target and basis a line below the row's first,
        the description a character from where the 三级指标 starts: they go into the
        columns the row has no text in yet."""
        lower = (" " * 17 + "实际征订数量占要求征订的比例").ljust(38) + "100%".ljust(8) + "征订单"
        rows = ROWS.replace(
            "        质量指标    党刊征订      实际征订数量占要    100%    征订单\n"
            "                率         求征订的比例",
            f"        质量指标    党刊征订率\n{lower}",
        )
        parsed, _ = read(dump(rows=rows))
        assert indicators(parsed) == INDICATORS

    def test_a_wrapped_cell_near_an_empty_column_stays_in_its_own(self):
        rows = ROWS.replace("1000 份   实际测算", "          实际测算")
        parsed, _ = read(dump(rows=rows))
        assert indicators(parsed)[0][3:5] == ("全县党刊征订费总份数", "")

    def test_a_lone_quarter_end(self):
        plan = PLAN.replace("  12 月底", "").replace("（%）", "（%）         12 月底")
        parsed, report = read(dump(plan=plan.replace("100%", "   ").rstrip()))
        assert report.unread == []
        assert parsed.projects[0].spending_plan == {3: None, 6: None, 10: None, 12: None}

    def test_a_lone_quarter_end_keeps_its_share(self):
        plan = "\n".join(
            [
                "资金支出    3 月底       6 月底 10 月底",
                "计划".ljust(30) + "40%",
                "（%）".ljust(37) + "12 月底",
                " " * 37 + "100%",
            ]
        )
        parsed, report = read(dump(plan=plan))
        plan_read = parsed.projects[0].spending_plan
        assert plan_read == {3: None, 6: None, 10: Decimal("40"), 12: Decimal("100")}
        assert report.unread == []

    def test_the_name_label_below_the_code(self):
        code = "项目编码    13052924P005840          2024 年度党刊征订费\n        120862   项目名称"
        parsed, _ = read(dump(code=code))
        assert parsed.projects[0].name == "2024 年度党刊征订费"
        assert parsed.projects[0].code == "13052924P005840120862"


class TestCellsWithoutSpaceBetween:
    def test_an_amount_glued_to_the_next_label(self):
        budget = BUDGET.replace(
            "预算规模    预算数     16.80\n                   其中：财 16.80 其他资金",
            "预算规模    预算数     16.80其中：财 16.80 其他资金",
        )
        parsed, _ = read(dump(budget=budget))
        assert parsed.projects[0].fiscal_funds == Decimal("16.80")
        assert parsed.projects[0].purpose == "支付党刊征订费用。"

    def test_cells_parted_by_a_single_space(self):
        rows = ROWS.replace(
            "效益指标    社会效益    学习积极      党员干部学习积极    ≥95%    数据统计",
            "效益指标   社会效益 学习积极 党员干部学习积极 ≥95% 数据统计",
        )
        parsed, _ = read(dump(rows=rows))
        assert indicators(parsed) == INDICATORS

    def test_a_figure_and_its_unit_stay_one_cell(self):
        line = "数量指标 订购份数 总份数 1000 份 实际测算"
        cells = [text for _, _, text in cut(line, [0, 9, 14, 18, 27], fill=range(5))]
        assert cells == ["数量指标", "订购份数", "总份数", "1000 份", "实际测算"]

    def test_two_spaces_always_part_cells(self):
        cells = cut("第 1 期  计划", [0, 10])
        assert [text for _, _, text in cells] == ["第 1 期", "计划"]


STACKED = """产出指标    数量指标     订购份数       全县党刊征订费总份      1000 份   实际测算
                             数
        质量指标     党刊征订       实际征订数量占要求      100%     征订单
                 率          征订的比例
满意度指 服务对象        党员满意
                 党员对加强学习的满                 100%     满意度调
标      满意度指      度
                 意度                                 查
       标"""
"""Rows as LibreOffice Writer's PDF comes out of pdftotext (serif font): the last row's
first line is stacked over two dump lines, its 三级指标 and description a character apart."""

STACKED_INDICATORS = [
    ("产出指标", "数量指标", "订购份数", "全县党刊征订费总份数", "1000 份", "实际测算"),
    ("产出指标", "质量指标", "党刊征订率", "实际征订数量占要求征订的比例", "100%", "征订单"),
    ("满意度指标", "服务对象满意度指标", "党员满意度", "党员对加强学习的满意度", "100%",
     "满意度调查"),
]  # fmt: skip


PUSHED = " " * 18 + "实际征订数量占要".ljust(20) + "100%".ljust(9) + "征订单"
"""A row's first line pdftotext set a line lower, two characters right of the 三级指标."""


def _basis_lines(description: str, *basis: str) -> str:
    """The lines under the first row's: the description's last, and the basis wrapped."""
    first = (" " * 26 + description).ljust(47) + basis[0]
    return "\n".join([first, *(" " * 47 + line for line in basis[1:])])


class TestGluedCells:
    """pdftotext writes two neighbouring cells with no space between them; the run is
    parted where the table's widths, its full lines and its columns' starts tell, and the
    import warns where they do not."""

    def test_a_row_s_first_line_parted_by_the_columns_widths(self):
        """`学习积极党员干部学习积极`: the 三级指标 is four characters wide and goes on
        below, so its first line is full; the description takes the rest."""
        rows = ROWS.replace(
            "效益指标    社会效益    学习积极      党员干部学习积极    ≥95%",
            "效益指标    社会效益    学习积极党员干部学习积极          ≥95%",
        )
        parsed, report = read(dump(rows=rows))
        assert indicators(parsed) == INDICATORS
        assert doubts(report) == []

    def test_a_short_first_cell_parted_by_the_full_line_after_it(self):
        """`征订率实际征订数量占要`: the description goes on below, so its first line
        is full (eight characters): the 三级指标 is the three before."""
        rows = ROWS.replace(
            "        质量指标    党刊征订      实际征订数量占要    100%    征订单\n"
            "                率         求征订的比例",
            "        质量指标    征订率实际征订数量占要        100%    征订单\n"
            "                          求征订的比例",
        )
        parsed, report = read(dump(rows=rows))
        assert indicators(parsed)[1][2:4] == ("征订率", INDICATORS[1][3])
        assert doubts(report) == []

    def test_a_later_line_parted_where_the_next_column_starts(self):
        """The row's first line stacked over two lines set the description two
        characters right of the 三级指标; on the squeezed line below, `比率求征订的比例`
        reaches past that start: the part from there is the description's."""
        rows = ROWS.replace(
            "        质量指标    党刊征订      实际征订数量占要    100%    征订单\n"
            "                率         求征订的比例",
            f"        质量指标    党刊征订\n{PUSHED}\n                比率求征订的比例",
        )
        parsed, report = read(dump(rows=rows))
        assert indicators(parsed)[1][2:4] == ("党刊征订比率", INDICATORS[1][3])
        assert doubts(report) == []

    def test_a_later_line_the_text_cannot_part_is_warned_about(self):
        """The run starts a character right of the 三级指标's start: nothing says where
        it parts; it is read as it stands, and the import says so on its line."""
        rows = ROWS.replace(
            "        质量指标    党刊征订      实际征订数量占要    100%    征订单\n"
            "                率         求征订的比例",
            f"        质量指标    党刊征订\n{PUSHED}\n                 比率求征订的比例",
        )
        text = dump(rows=rows)
        parsed, report = read(text)
        assert indicators(parsed)[1][2:4] == ("党刊征订比率求征订的比例", "实际征订数量占要")
        [warning] = [n for n in report.warnings if "run together" in n.message]
        assert text.split("\n")[warning.line - 1].strip() == "比率求征订的比例"
        assert warning.message == (
            "two cells may run together here: '比率求征订的比例'; check 三级指标 and "
            "绩效指标描述 of this row"
        )

    def test_a_cell_that_fits_its_column_is_left_whole(self):
        """Non-firing: a 三级指标 as wide as its column, the description beside it."""
        parsed, report = read(dump())
        assert indicators(parsed) == INDICATORS
        assert [n for n in report.warnings if "run together" in n.message] == []

    def test_a_stacked_row_s_wrapped_lines_go_where_there_was_no_room(self):
        """`度` goes on from the full `党员满意`; `意度` a line below, a character right,
        cannot go on from `度` (that line had room for it): it is the description's."""
        parsed, report = read(dump(header=HEADER, rows=STACKED))
        assert indicators(parsed) == STACKED_INDICATORS
        assert doubts(report) == []

    def test_a_wrapped_line_that_may_have_lost_a_space(self):
        """pdftotext writes no space at a line's end: `邢组字` / `[2015]14 号` may have
        been `邢组字 [2015]14 号`; the cell is joined without one, with a warning."""
        rows = ROWS.replace(
            "1000 份   实际测算\n                          份数",
            "1000 份   邢组字\n" + _basis_lines("份数", "[2015]1", "4 号"),
        )
        parsed, report = read(dump(rows=rows))
        assert indicators(parsed)[0][5] == "邢组字[2015]14 号"
        [warning] = [n.message for n in report.warnings if "space" in n.message]
        assert "whether a space was there cannot be told" in warning
        assert "'邢组字' + '[2015]1'" in warning

    def test_no_space_warning_inside_a_figure_or_after_an_opening_bracket(self):
        rows = ROWS.replace(
            "1000 份   实际测算\n                          份数",
            "1000 份   冀组发\n" + _basis_lines("份数", "〔", "2018〕1", "4 号"),
        )
        parsed, report = read(dump(rows=rows))
        assert indicators(parsed)[0][5] == "冀组发〔2018〕14 号"
        assert [n for n in report.warnings if "space" in n.message] == []


class TestColumnsPerTable:
    def test_two_tables_on_different_character_columns(self):
        """The second table's columns right of the first stand two characters further
        left: each table is read against its own."""
        second = dump(
            header="\n".join(_closer(line) for line in HEADER.split("\n")),
            rows="\n".join(_closer(line) for line in ROWS.split("\n")),
        )
        second = second.replace("1.2024 年度党刊征订费", "2.党员教育经费").replace(
            "2024 年度党刊征订费", "党员教育经费"
        )
        parsed, report = read(dump() + second.replace("120862", "120863"))
        assert [indicators_of(p) for p in parsed.projects] == [INDICATORS, INDICATORS]
        assert report.unread == []


def _closer(line: str) -> str:
    """The line with its columns right of the first two characters further left."""
    assert line[4:6] == "  "
    return line[:4] + line[6:]


def indicators_of(project) -> list[tuple[str, ...]]:
    return [
        (i.level1, i.level2, i.level3, i.description, i.value, i.basis) for i in project.indicators
    ]


class TestWrappedHeader:
    def test_header_cells_over_two_lines(self):
        header = HEADER.replace("指标值确\n", "指标值确定依\n").replace("定依据", "  据")
        parsed, _ = read(dump(header=header))
        assert indicators(parsed) == INDICATORS

    def test_a_header_on_one_line(self):
        header = "一级指标    二级指标 三级指标 绩效指标描述         指标值          指标值确定依据"
        parsed, _ = read(dump(header=header))
        assert indicators(parsed) == INDICATORS


class TestWrappedBudgetLabel:
    def test_the_label_wrapped_in_the_budget_row(self):
        budget = BUDGET.replace("其中：财 16.80", "其中：财政资 16.80").replace("政资金", "金")
        parsed, report = read(dump(budget=budget))
        assert parsed.projects[0].fiscal_funds == Decimal("16.80")
        assert parsed.projects[0].purpose == "支付党刊征订费用。"
        assert report.unread == []

    def test_other_funds_after_the_wrapped_label(self):
        budget = BUDGET.replace("预算数     16.80", "预算数     20.00").replace(
            "其中：财 16.80 其他资金", "其中：财 16.80 其他资金 3.20"
        )
        parsed, _ = read(dump(budget=budget))
        project = parsed.projects[0]
        assert (project.fiscal_funds, project.other_funds) == (Decimal("16.80"), Decimal("3.20"))

    def test_a_purpose_line_is_not_taken_for_the_rest_of_a_label(self):
        budget = BUDGET.replace("途       支付", "途                  支付")
        parsed, _ = read(dump(budget=budget))
        assert parsed.projects[0].purpose == "支付党刊征订费用。"


class TestRowCutByAPageBreak:
    def test_the_rest_of_a_row_at_the_top_of_the_next_page(self):
        rows = ROWS.replace(
            "                率         求征订的比例",
            "                率         求征订\n\f                          的比例",
        )
        parsed, report = read(dump(rows=rows))
        assert indicators(parsed) == INDICATORS
        assert report.unread == []

    def test_a_page_that_lacks_the_first_column(self):
        """The table goes on to a page where no 一级指标 stands: the 二级指标 is at the
        left edge, and is not taken for a 一级指标."""
        rows = ROWS.replace(
            "        质量指标    党刊征订      实际征订数量占要    100%    征订单\n"
            "                率         求征订的比例",
            "\f质量指标    党刊征订      实际征订数量占要    100%    征订单\n"
            "        率         求征订的比例",
        )
        parsed, _ = read(dump(rows=rows))
        assert indicators(parsed)[1] == INDICATORS[1]

    def test_a_page_whose_columns_moved(self):
        """pdftotext places each page anew: here every column on the second page stands
        eight characters further left, and the first line there is the rest of a cell."""
        lines = ROWS.split("\n")
        moved = [line[8:] for line in lines[2:4]]
        rows = "\n".join([lines[0], "\f" + " " * 18 + "份数", *moved])
        parsed, _ = read(dump(rows=rows))
        assert indicators(parsed)[:2] == INDICATORS[:2]

    def test_the_columns_of_the_header_s_page(self):
        """The basis one space after the target on the first page (`1000 份 实际测算`)
        and its next line `计` where it starts; the rest of the table on a page whose
        columns stand twelve characters further right: the first page is read against
        its own columns, not the rest's."""
        lines = ROWS.split("\n")
        first = "产出指标    数量指标    订购份数      全县党刊征订费总    1000 份 实际测算"
        rest = ["\f" + " " * 12 + lines[2], *(" " * 12 + line for line in lines[3:])]
        rows = "\n".join([first, (" " * 26 + "份数").ljust(45) + "计", *rest])
        parsed, _ = read(dump(rows=rows))
        assert indicators(parsed)[0][4:] == ("1000 份", "实际测算计")
        assert indicators(parsed)[1:] == INDICATORS[1:]

    def test_a_page_without_the_first_column_drawn_narrower(self):
        """On the next page the 二级指标 stands at the left edge and the columns moved
        by different amounts (no one shift fits): the page's starts are matched to the
        columns in order, so the basis's last line there stays the basis's."""
        cells = ("质量指标", "党刊征订", "实际征订数量占要", "100%", "征订单")
        widths = (7, 9, 17, 9)
        second = "".join(c.ljust(w) for c, w in zip(cells, widths, strict=False)) + cells[-1]
        rows = "\n".join(
            [
                "产出指标    数量指标    订购份数      全县党刊征订费总    1000 份   年度培训",
                " " * 26 + "份数",
                "\f" + " " * 42 + "计划",
                second,
                " " * 7 + "率" + " " * 8 + "求征订的比例",
            ]
        )
        parsed, _ = read(dump(rows=rows))
        assert indicators(parsed)[0][4:] == ("1000 份", "年度培训计划")
        assert indicators(parsed)[1] == INDICATORS[1]

    def test_a_page_whose_columns_stayed(self):
        rows = ROWS.replace(
            "\n                          份数", "\n\f                          份数"
        )
        parsed, _ = read(dump(rows=rows))
        assert indicators(parsed) == INDICATORS


class TestJoiningWrappedText:
    def test_chinese_and_figures_join_without_a_space(self):
        assert join_wrapped("〔2018〕1", "4 号") == "〔2018〕14 号"
        assert join_wrapped("全县党刊征订费总", "份数") == "全县党刊征订费总份数"

    def test_latin_words_keep_their_space(self):
        assert join_wrapped("Party", "journal") == "Party journal"


class TestBrokenDumps:
    def test_a_missing_amount(self):
        budget = BUDGET.replace("预算数     16.80", "预算数")
        with pytest.raises(ImportFault) as fault:
            read(dump(budget=budget), "missing.txt")
        assert str(fault.value).startswith("missing.txt:9:")
        assert "expected" in str(fault.value)

    def test_a_missing_target_stays_empty(self):
        """A cell the row lacks is not filled from a wrapped cell's next line far from it
        (the template's checks then see the gap)."""
        rows = ROWS.replace("1000 份   实际测算", "          实际测算")
        parsed, _ = read(dump(rows=rows))
        assert indicators(parsed)[0] == (*INDICATORS[0][:4], "", "实际测算")

    def test_a_header_that_does_not_match(self):
        header = HEADER.replace("指标值          ", "目标值          ")
        with pytest.raises(ImportFault) as fault:
            read(dump(header=header), "header.txt")
        assert str(fault.value).startswith("header.txt:18:")
        assert "指标值" in str(fault.value)


class TestTheCommittedRenderings:
    """The bench's Writer PDFs through pdftotext -layout (the field-by-field check is
    tests/test_renderings.py): every one reads whole, with its projects, indicators and
    money."""

    @pytest.mark.parametrize("name", DUMPS)
    def test_every_cell_read_otherwise_is_warned_about(self, name, tmp_path):
        """What the text cannot tell (two cells run together, a space at a line's end) is
        never a silent guess: there are at least as many such warnings as cells that
        differ from the reference."""
        from tests.renderings import expected, judge, unshown_spaces
        from tests.test_renderings import import_and_export

        path = BENCH / name
        got, report = import_and_export(path, tmp_path)
        differences = judge(expected(path.parent.name), got, unshown_spaces(path)).differences
        doubts = ("run together", "ran together", "whether a space was there")
        warned = [n for n in report.warnings if any(d in n.message for d in doubts)]
        assert len(differences) <= len(warned)

    @pytest.mark.parametrize("name", DUMPS)
    def test_reads_whole(self, name):
        parsed, report = parse_file(BENCH / name)
        expected = json.loads((BENCH / name).with_name("expected.json").read_text("utf-8"))
        projects = [p for unit in expected["units"] for p in unit["projects"]]
        assert len(parsed.projects) == len(projects)
        assert parsed.indicator_count == sum(len(p["indicators"]) for p in projects)
        assert [str(p.budget) for p in parsed.projects] == [p["budget"] for p in projects]
        assert [p.code for p in parsed.projects] == [p["code"] for p in projects]
        assert report.unread == []
        assert report.lines_used + report.lines_blank + report.lines_furniture == (
            report.lines_total
        )
