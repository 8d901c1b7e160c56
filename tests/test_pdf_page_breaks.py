"""Table rows that a page break cut in two (Word's, WPS's and LibreOffice's default: a row
may break across pages) are joined back into one row by the PDF reader
(importers/pdf_breaks.py), and a cell's wrapped lines are joined as the writer broke them
(importers/pdf_cells.py).

The PDFs are drawn here as LibreOffice draws them: every cell ruled, text set at the top
of its cell, the space a line was broken at drawn at the end of the line; a table that
goes on over a page break is two tables, each closed by its rules. The committed
LibreOffice renderings are checked field by field in tests/test_renderings.py; here a few
of their page breaks are checked by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from jixiao.importers import parse_file
from jixiao.importers.pdf import render_with_notes
from tests.renderings import FIXTURES

_COLUMNS = [80 + 56 * index for index in range(8)]
"""The left edges of 7 columns 56 points wide, and the right edge: with 5 points of
padding a line holds four CJK characters of 10 points and has 6 points to spare."""
_SIZE = 10
_PITCH = 12
_PAD = 5
_FOOT = 770.0
"""Where a page's tables end when they reach its foot (A4, a 72-point margin)."""
_TOP = 72.0
HEADER = "部门预算绩效目标表"
"""A running header over each page's table, drawn with a space at its end (LibreOffice
draws a line's last space): what tells the reader that this writer keeps the space a line
was broken at."""


@dataclass
class Cell:
    column: int
    lines: list[str]
    span: int = 1
    rows: int = 1
    """Rows it covers downward (a merged label cell)."""


@dataclass
class Row:
    height: int
    """In lines of text."""
    cells: list[Cell]


def _row_height(lines: int) -> float:
    return _PITCH * lines + 8


def draw(path: Path, pages: list[list[Row]], extra_space: bool = True) -> Path:
    """Each page's table: the first page's ends at the foot, the others start at the
    top. `extra_space`: a trailing space drawn at a line's end where the text has one
    (as LibreOffice does)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from tests.render.pdf import FONT, font_file

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(font_file()), subfontIndex=0))
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    height = A4[1]
    for number, rows in enumerate(pages):
        tops = []
        total = sum(_row_height(row.height) for row in rows)
        top = _FOOT - total if number == 0 and len(pages) > 1 else _TOP
        for row in rows:
            tops.append(top)
            top += _row_height(row.height)
        tops.append(top)
        canvas.setLineWidth(0.5)
        canvas.setFont(FONT, _SIZE)
        canvas.drawString(_COLUMNS[0], height - 50, HEADER + (" " if extra_space else ""))
        for index, row in enumerate(rows):
            for cell in row.cells:
                x0, x1 = _COLUMNS[cell.column], _COLUMNS[cell.column + cell.span]
                y0, y1 = tops[index], tops[index + cell.rows]
                canvas.rect(x0, height - y1, x1 - x0, y1 - y0, stroke=1, fill=0)
                for line_number, line in enumerate(cell.lines):
                    baseline = y0 + _PAD + _SIZE + _PITCH * line_number - 1
                    text = line if extra_space else line.rstrip(" ")
                    canvas.drawString(x0 + _PAD, height - baseline, text)
        canvas.showPage()
    canvas.save()
    return path


def rendered(path: Path) -> tuple[list[str], list[tuple[int, str]]]:
    """The rendering's table rows, the running headers left out, and its doubts by the
    table row they concern (0 for the first)."""
    text, notes = render_with_notes(path.read_bytes(), path.name)
    lines = [line.removeprefix("\f") for line in text.removesuffix("\n").split("\n")]
    rows = [index for index, line in enumerate(lines) if line.strip() != HEADER]
    return [lines[index] for index in rows], [(rows.index(line - 1), note) for line, note in notes]


def indicator(*cells: str) -> list[Cell]:
    """An indicator row's cells: 一级, 二级, 三级, 绩效指标描述 (two columns), 指标值,
    指标值确定依据; each a line, or lines split by '/'."""
    columns = (0, 1, 2, 3, 5, 6)
    return [
        Cell(column, text.split("/") if text else [], span=2 if column == 3 else 1)
        for column, text in zip(columns, cells, strict=True)
    ]


def tabbed(*cells: str) -> str:
    """The rendering's line of an indicator row: 6 cells (no row of these tables has a
    cell starting in 绩效指标描述's second column, so the grid has 6 columns)."""
    return "\t".join(cells)


@pytest.fixture(scope="module")
def cut_row_lines(tmp_path_factory) -> list[str]:
    path = tmp_path_factory.mktemp("pdf") / "cut.pdf"
    draw(
        path,
        [
            [
                Row(
                    1,
                    indicator(
                        "产出指标", "数量指标", "资料份数", "学习资料印制份数", "≥200份", "需要"
                    ),
                ),
                Row(
                    1,
                    indicator(
                        "",
                        "质量指标",
                        "审核或接",
                        "每年审核或接收的档案",
                        "≥500 个",
                        "接收登记",
                    ),
                ),
            ],
            [
                Row(2, indicator("", "", "收档案数/量", "个数", "", "表")),
                Row(
                    1,
                    indicator("", "时效指标", "支出时限", "支出完成的时间", "12月底", "进度表"),
                ),
            ],
        ],
    )
    return rendered(path)[0]


class TestIndicatorRowCut:
    """Every cell of the row shows the lines that fit above the break; the rest of each
    goes on in the same column at the top of the next page."""

    def test_the_cut_row_is_one_row(self, cut_row_lines):
        assert cut_row_lines == [
            tabbed("产出指标", "数量指标", "资料份数", "学习资料印制份数", "≥200份", "需要"),
            tabbed(
                "",
                "质量指标",
                "审核或接收档案数量",
                "每年审核或接收的档案个数",
                "≥500 个",
                "接收登记表",
            ),
            tabbed("", "时效指标", "支出时限", "支出完成的时间", "12月底", "进度表"),
        ]

    def test_the_part_below_the_break_is_no_row_of_its_own(self, cut_row_lines):
        assert not any(line.startswith("\t\t收档案") for line in cut_row_lines)


class TestGenuineRowAtTheTopOfAPage:
    """A row that starts at the top of a page is not joined to the row above the break,
    though its cells stand in the same columns: some cell of it has text where the cell
    above had room left (for another line under its text, or at the end of its line)."""

    def test_room_at_the_end_of_a_line_above(self, tmp_path):
        path = draw(
            tmp_path / "new.pdf",
            [
                [
                    Row(
                        1,
                        indicator(
                            "产出指标", "数量指标", "资料份数", "学习资料印制份数", "≥200份", "需要"
                        ),
                    )
                ],
                [
                    Row(
                        1,
                        indicator(
                            "", "质量指标", "意见采用", "党代表意见采用比例", "≥80%", "意见表"
                        ),
                    )
                ],
            ],
        )
        assert rendered(path)[0] == [
            tabbed("产出指标", "数量指标", "资料份数", "学习资料印制份数", "≥200份", "需要"),
            tabbed("", "质量指标", "意见采用", "党代表意见采用比例", "≥80%", "意见表"),
        ]

    def test_room_under_the_last_line_above(self, tmp_path):
        """Every line above the break is full to its end, but the row is two lines high
        and 二级指标 fills one: the row was whole."""
        path = draw(
            tmp_path / "new.pdf",
            [
                [
                    Row(
                        2,
                        indicator(
                            "",
                            "质量指标",
                            "发放比率",
                            "发放人数占应发放人数/的比例，按银行回单算",
                            "满百分百",
                            "银行回单",
                        ),
                    )
                ],
                [
                    Row(
                        1,
                        indicator("", "时效指标", "支出时限", "支出完成的时间", "12月底", "进度表"),
                    )
                ],
            ],
        )
        lines = rendered(path)[0]
        assert len(lines) == 2
        assert lines[1] == tabbed("", "时效指标", "支出时限", "支出完成的时间", "12月底", "进度表")


class TestLabelCellCut:
    def test_merged_label_over_a_whole_row_on_each_side(self, tmp_path):
        """资金支出计划（%） is merged over the quarter-ends and their shares; the break
        falls between the two rows, inside the label: the label is joined, the shares
        stay a row of their own."""
        quarters = [Cell(1, ["3月底"], span=2), Cell(3, ["6月底"]), Cell(4, ["10月底"])]
        shares = [Cell(1, [], span=2), Cell(3, ["30%"]), Cell(4, ["50%"])]
        last = [Cell(5, ["12月底"], span=2)], [Cell(5, ["100%"], span=2)]
        path = draw(
            tmp_path / "plan.pdf",
            [
                [Row(1, [Cell(0, ["资金支出"]), *quarters, *last[0]])],
                [Row(2, [Cell(0, ["计划", "（%）"]), *shares, *last[1]])],
            ],
        )
        assert rendered(path)[0] == [
            "资金支出计划（%）\t3月底\t6月底\t10月底\t12月底",
            "\t\t30%\t50%\t100%",
        ]

    def test_level_one_over_rows_on_both_sides(self, tmp_path):
        """满意度指标 merged over two indicators, one each side of the break."""
        path = draw(
            tmp_path / "level1.pdf",
            [
                [Row(1, indicator("满意度指", "满意度", "群众满意", "群众满意度", "≥95%", "问卷"))],
                [Row(1, indicator("标", "满意度", "干部满意", "干部满意度", "≥90%", "问卷"))],
            ],
        )
        assert rendered(path)[0] == [
            tabbed("满意度指标", "满意度", "群众满意", "群众满意度", "≥95%", "问卷"),
            tabbed("", "满意度", "干部满意", "干部满意度", "≥90%", "问卷"),
        ]

    def test_a_new_label_is_not_joined(self, tmp_path):
        """产出指标 then 效益指标: both full, but together they spell no label."""
        path = draw(
            tmp_path / "labels.pdf",
            [
                [
                    Row(
                        1,
                        indicator(
                            "产出指标", "成本指标", "补助标准", "每人补助标准", "≥95%", "文件"
                        ),
                    )
                ],
                [
                    Row(
                        1,
                        indicator(
                            "效益指标", "社会效益", "工作成效", "工作成效提高", "≥10%", "考核"
                        ),
                    )
                ],
            ],
        )
        lines = rendered(path)[0]
        assert [line.split("\t")[0] for line in lines] == ["产出指标", "效益指标"]

    def test_level_two_cut_with_its_row(self, tmp_path):
        path = draw(
            tmp_path / "level2.pdf",
            [
                [Row(1, indicator("", "可持续影", "保障年限", "保障补助年限", "1 年", "发放单"))],
                [Row(1, indicator("", "响指标", "", "", "", ""))],
            ],
        )
        assert rendered(path)[0] == [
            tabbed("", "可持续影响指标", "保障年限", "保障补助年限", "1 年", "发放单")
        ]


class TestBudgetRowCut:
    def test_budget_row_and_its_merged_label(self, tmp_path):
        """The label 预算规模及资金用途 is merged over the budget row and the purpose row;
        the break cuts the budget row: the label and 其中：财政资金 go on below it."""
        amounts = [Cell(1, ["预算数"]), Cell(2, ["2.80"]), Cell(4, ["2.80"]), Cell(5, ["其他资金"])]
        path = draw(
            tmp_path / "budget.pdf",
            [
                [Row(1, [Cell(0, ["预算规模"]), *amounts, Cell(3, ["其中：财"]), Cell(6, [])])],
                [
                    Row(
                        2,
                        [
                            Cell(0, ["及资金用", "途"], rows=2),
                            *[Cell(column, []) for column in (1, 2, 4, 5, 6)],
                            Cell(3, ["政资金"]),
                        ],
                    ),
                    Row(1, [Cell(1, ["发放补助。"], span=6)]),
                ],
            ],
        )
        assert rendered(path)[0] == [
            "预算规模及资金用途\t预算数\t2.80\t其中：财政资金\t2.80\t其他资金\t",
            "\t发放补助。\t\t\t\t\t",
        ]


class TestGoalsCellCut:
    GOALS = "1.通过经费支出按时为离退休干部征订报纸杂志，丰富离退休干部的生活"
    """A line that fills the cell: no room for another character at its end."""

    def test_goals_over_a_break(self, tmp_path):
        path = draw(
            tmp_path / "goals.pdf",
            [
                [Row(1, [Cell(0, ["绩效目标"]), Cell(1, [self.GOALS], span=6)])],
                [
                    Row(2, [Cell(0, []), Cell(1, ["和学习。", "2.保障活动经费。"], span=6)]),
                    Row(
                        1,
                        indicator(
                            "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "依据"
                        ),
                    ),
                ],
            ],
        )
        lines = rendered(path)[0]
        # The row keeps the grid of the table above the break (two columns).
        assert lines[0] == f"绩效目标\t{self.GOALS}和学习。 2.保障活动经费。"
        assert lines[1].startswith("一级指标\t")
        assert len(lines) == 2

    def test_goals_over_two_breaks(self, tmp_path):
        """A cell longer than a page: its middle part fills a page of its own."""
        middle = "中间一段文字占满了整页的目标单元格，直到页面的最底端为止还在继续写下去"
        path = draw(
            tmp_path / "goals3.pdf",
            [
                [Row(1, [Cell(0, ["绩效目标"]), Cell(1, [self.GOALS], span=6)])],
                [Row(1, [Cell(0, []), Cell(1, [middle[:32]], span=6)])],
                [Row(1, [Cell(0, []), Cell(1, ["和学习。"], span=6)])],
            ],
        )
        lines = rendered(path)[0]
        assert lines == [f"绩效目标\t{self.GOALS}{middle[:32]}和学习。"]


class TestWrappedLevelThreeCut:
    def test_wrapped_level_three(self, tmp_path):
        path = draw(
            tmp_path / "level3.pdf",
            [
                [
                    Row(
                        1,
                        indicator(
                            "", "数量指标", "培训班次", "第8期干部教育培训班", "≥38人", "年度培训"
                        ),
                    )
                ],
                [Row(2, indicator("", "", "第8期", "按计划举办，参训人员/完成学时", "", "计划"))],
            ],
        )
        assert rendered(path)[0] == [
            tabbed(
                "",
                "数量指标",
                "培训班次第8期",
                "第8期干部教育培训班按计划举办，参训人员完成学时",
                "≥38人",
                "年度培训计划",
            )
        ]


class TestDoubts:
    def test_a_whole_looking_part_is_joined_with_a_warning(self, tmp_path):
        """Every cell above the break is full, and the part below has text in each column
        the row above has: it is the rest of the row by the geometry, but could as well be
        a row of its own; the import says so on the row's line."""
        path = draw(
            tmp_path / "doubt.pdf",
            [
                [
                    Row(
                        1,
                        indicator(
                            "满意度指",
                            "服务对象",
                            "老干部满",
                            "老干部对教学工作的满",
                            "百分之九",
                            "满意度调",
                        ),
                    )
                ],
                [Row(1, indicator("标", "满意度", "意度", "意度", "十八", "查"))],
            ],
        )
        lines, notes = rendered(path)
        assert lines == [
            tabbed(
                "满意度指标",
                "服务对象满意度",
                "老干部满意度",
                "老干部对教学工作的满意度",
                "百分之九十八",
                "满意度调查",
            )
        ]
        assert [row for row, _ in notes] == [0]
        assert "could be a row of its own" in notes[0][1]

    def test_a_clear_cut_row_has_no_warning(self, tmp_path):
        path = draw(
            tmp_path / "clear.pdf",
            [
                [
                    Row(
                        1,
                        indicator(
                            "满意度指",
                            "服务对象",
                            "老干部满",
                            "老干部对教学工作的满",
                            "百分之九",
                            "满意度调",
                        ),
                    )
                ],
                [Row(1, indicator("标", "满意度", "意度", "意度", "", "查"))],
            ],
        )
        lines, notes = rendered(path)
        assert len(lines) == 1
        assert notes == []


class TestWrappedLines:
    """Lines of a cell joined as the writer broke them, where it draws the space a line
    was broken at (LibreOffice)."""

    def lines_of(self, tmp_path, basis: list[str], extra_space: bool = True):
        path = draw(
            tmp_path / "wrap.pdf",
            [
                [
                    Row(
                        len(basis),
                        indicator("产出指标", "数量指标", "人数", "人数", "1人", "/".join(basis)),
                    )
                ]
            ],
            extra_space=extra_space,
        )
        lines, notes = rendered(path)
        return lines[0].split("\t")[-1], notes

    def test_broken_inside_a_run_no_space(self, tmp_path):
        text = self.lines_of(tmp_path, ["冀财社", "【2022】", "12345678", "90 号"])[0]
        assert text == "冀财社【2022】1234567890 号"

    def test_broken_at_a_drawn_space_keeps_it(self, tmp_path):
        assert self.lines_of(tmp_path, ["≤1165 ", "人"]) == ("≤1165 人", [])

    def test_paragraph_end_gets_a_space(self, tmp_path):
        """A line that ends with room for the next line's first word ended a paragraph."""
        assert self.lines_of(tmp_path, ["见附件", "2.文件"])[0] == "见附件 2.文件"

    def test_no_room_for_a_space_is_a_doubt(self, tmp_path):
        """`4444` fills the line to within less than a space: a space after it would not
        have been drawn, so whether `号` had one before it cannot be told."""
        text, notes = self.lines_of(tmp_path, ["冀字", "44444444", "号"])
        assert text == "冀字44444444 号"
        assert len(notes) == 1
        assert "'444444' and '号'" in notes[0][1]

    def test_a_writer_that_drops_the_space_at_a_break(self, tmp_path):
        """No line in the PDF ends with a space (reportlab's way): lines are joined with a
        space, which the template reader removes between CJK characters."""
        assert self.lines_of(tmp_path, ["≤1165 ", "人"], extra_space=False)[0] == "≤1165 人"
        assert self.lines_of(tmp_path, ["二级", "指标"], extra_space=False)[0] == "二级 指标"


@pytest.fixture(scope="module")
def a4():
    return parse_file(FIXTURES / "sample" / "a4.pdf")


class TestLibreOfficeRenderings:
    """Page breaks of the committed LibreOffice renderings (the whole of them is checked
    field by field in tests/test_renderings.py)."""

    def test_indicator_cut_by_a_page_break(self, a4):
        document, _ = a4
        level3 = [i.level3 for p in document.projects for i in p.indicators]
        assert "审核或接收档案数量" in level3  # 审核或接 | 收档案数量 over pages 11 and 12
        assert "审核或接" not in level3

    def test_every_line_used_and_no_doubt(self, a4):
        _, report = a4
        assert report.unread == []
        assert report.warnings == []

    def test_a_space_that_cannot_be_seen_is_reported(self):
        _, report = parse_file(FIXTURES / "sample" / "serif.pdf")
        doubts = [note.message for note in report.warnings]
        assert any("'019】12' and '号'" in message for message in doubts)
        assert report.unread == []
