"""A parsed document laid out again as the template prints it: headings, paragraphs and
bordered tables with merged cells. The PDF and Word renderers draw these same blocks, so
both renderings carry the same content as the tab-separated sample they come from."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.importers.model import QUARTER_ENDS, ParsedDocument, Project, Unit

COLUMNS = 7
"""The template's grid: the budget row needs seven cells (a label and three name/value
pairs); the other rows merge cells of the same grid."""


@dataclass(frozen=True)
class Text:
    text: str
    style: str
    """"cover", "heading", "title" (a project table's title), "body" or "toc"."""


@dataclass(frozen=True)
class Cell:
    text: str
    row: int
    column: int
    columns: int = 1
    rows: int = 1
    paragraphs: tuple[str, ...] = ()
    """The cell's text as paragraphs, where a Word author would break it (the goals)."""


@dataclass
class Table:
    cells: list[Cell] = field(default_factory=list)
    row_count: int = 0

    def add_row(self, *cells: tuple[str, int, int] | tuple[str, int, int, int] | Cell) -> None:
        """(text, column, columns[, rows]), or a Cell, for each cell that starts in this row."""
        for spec in cells:
            if isinstance(spec, Cell):
                self.cells.append(spec)
                continue
            text, column, columns = spec[0], spec[1], spec[2]
            rows = spec[3] if len(spec) == 4 else 1  # type: ignore[misc]
            self.cells.append(Cell(text, self.row_count, column, columns, rows))
        self.row_count += 1


class PageBreak:
    pass


Block = Text | Table | PageBreak


def document_blocks(document: ParsedDocument) -> list[Block]:
    blocks: list[Block] = [
        Text(document.department, "cover"),
        Text(document.title, "cover"),
    ]
    if document.stage == "draft":
        blocks.append(Text("(草案)", "cover"))
    blocks += [
        Text(document.compiled_by, "cover"),
        Text(document.reviewed_by, "cover"),
        PageBreak(),
    ]
    blocks += _contents(document)
    blocks.append(PageBreak())
    blocks += _part_one(document)
    blocks.append(PageBreak())
    blocks += _part_two(document)
    return blocks


def _contents(document: ParsedDocument) -> list[Block]:
    blocks: list[Block] = [Text("目 录", "heading")]
    entries = document.toc
    blocks.append(Text("第一部分 部门整体绩效目标", "heading"))
    for entry in entries:
        if entry.ordinal is None:
            blocks.append(Text(f"{entry.title}.....{entry.page}", "toc"))
    blocks.append(Text("第二部分 预算项目绩效目标", "heading"))
    for entry in entries:
        if entry.ordinal is not None:
            blocks.append(Text(f"{entry.ordinal}.{entry.title}绩效目标表.....{entry.page}", "toc"))
    return blocks


def _part_one(document: ParsedDocument) -> list[Block]:
    goals = document.goals
    blocks: list[Block] = [
        Text("第一部分", "heading"),
        Text("部门整体绩效目标", "heading"),
        Text("一、总体绩效目标", "heading"),
    ]
    blocks += [Text(f"{n}.{p.text}", "body") for n, p in enumerate(goals.overall, start=1)]
    blocks.append(Text("二、分项绩效目标", "heading"))
    for number, sub in enumerate(goals.sub, start=1):
        blocks += [
            Text(f"{number}.{sub.title}", "body"),
            Text(f"绩效目标：{sub.goal}", "body"),
            Text(f"绩效指标：{sub.indicators}", "body"),
        ]
    blocks.append(Text("三、工作保障措施", "heading"))
    for number, measure in enumerate(goals.measures, start=1):
        blocks += [Text(f"{number}、{measure.title}", "body"), Text(measure.text, "body")]
    return blocks


def _part_two(document: ParsedDocument) -> list[Block]:
    blocks: list[Block] = [Text("第二部分", "heading"), Text("预算项目绩效目标", "heading")]
    units: dict[str, Unit] = {unit.code: unit for unit in document.units}
    for project in sorted(document.projects, key=lambda p: p.ordinal):
        unit = units[project.unit_code]
        blocks += [
            Text(f"{project.ordinal}.{project.title}绩效目标表", "title"),
            Text(f"{unit.code} {unit.name}", "body"),
            Text(f"单位：{project.money_unit}", "body"),
            project_table(project),
        ]
    return blocks


def project_table(project: Project) -> Table:
    table = Table()
    table.add_row(
        ("项目编码", 0, 1), (project.code, 1, 2), ("项目名称", 3, 1), (project.name, 4, 3)
    )
    table.add_row(
        ("预算规模及资金用途", 0, 1, 2),
        ("预算数", 1, 1),
        (_amount(project.budget), 2, 1),
        ("其中：财政资金", 3, 1),
        (_amount(project.fiscal_funds), 4, 1),
        ("其他资金", 5, 1),
        (_amount(project.other_funds), 6, 1),
    )
    table.add_row((project.purpose, 1, 6))
    # The quarter-ends sit at the template's positions: 3月底 over two columns, 12月底 over
    # the last two, so that each share lies under its heading and not under a column index.
    spans = {3: (1, 2), 6: (3, 1), 10: (4, 1), 12: (5, 2)}
    table.add_row(
        ("资金支出计划（%）", 0, 1, 2),
        *((f"{month}月底", *spans[month]) for month in QUARTER_ENDS),
    )
    table.add_row(
        *((_share(project.spending_plan.get(month)), *spans[month]) for month in QUARTER_ENDS)
    )
    goals = tuple(f"{n}.{goal}" for n, goal in enumerate(project.goals, start=1))
    table.add_row(("绩效目标", 0, 1), Cell(" ".join(goals), table.row_count, 1, 6, 1, goals))
    table.add_row(
        ("一级指标", 0, 1),
        ("二级指标", 1, 1),
        ("三级指标", 2, 1),
        ("绩效指标描述", 3, 2),
        ("指标值", 5, 1),
        ("指标值确定依据", 6, 1),
    )
    indicators = project.indicators
    for index, indicator in enumerate(indicators):
        first_of_level = index == 0 or indicators[index - 1].level1 != indicator.level1
        group = 1
        while index + group < len(indicators) and indicators[index + group].level1 == (
            indicator.level1
        ):
            group += 1
        cells: list[tuple[str, int, int] | tuple[str, int, int, int]] = []
        if first_of_level:
            cells.append((indicator.level1, 0, 1, group))
        cells += [
            (indicator.level2, 1, 1),
            (indicator.level3, 2, 1),
            (indicator.description, 3, 2),
            (indicator.value, 5, 1),
            (indicator.basis, 6, 1),
        ]
        table.add_row(*cells)
    return table


def _amount(amount: Decimal | None) -> str:
    return "" if amount is None else str(amount)


def _share(share: Decimal | None) -> str:
    return "" if share is None else f"{share}%"
