"""Read one project table (项目绩效目标表) from its rows, whatever layout produced the rows.

The rows come in the template's order: 项目编码/项目名称, 预算规模及资金用途 with a purpose
line, 资金支出计划（%） header and values, 绩效目标, then the indicator header and rows.
Cells are found by their labels, never by a fixed column number, because the dumps shift
columns from table to table.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.i18n import N_, _
from jixiao.importers.lines import Line, Row, UsedLines
from jixiao.importers.model import QUARTER_ENDS, Indicator, Project
from jixiao.importers.money import parse_amount, to_fen
from jixiao.importers.numbered import split_numbered
from jixiao.importers.report import ImportFault, ImportReport
from jixiao.importers.targets import parse_target
from jixiao.importers.text import label, squash

_INDICATOR_COLUMNS = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "level3",
    "绩效指标描述": "description",
    "指标值": "value",
    "指标值确定依据": "basis",
}
_REQUIRED_INDICATOR_COLUMNS = ("level1", "level2", "level3", "value")
_ABSENT = sys.maxsize
"""The position of a column the table does not have: past every row's end, so read as ''."""
_QUARTER_END = re.compile(r"^(\d{1,2})月(?:底|末)$")
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)%?$")


_PARTS: tuple[tuple[str, Callable[[_Reading], object]], ...] = (
    (N_("the 项目编码/项目名称 row"), lambda reading: reading.code),
    (N_("the 预算规模及资金用途 row with 预算数"), lambda reading: reading.budget is not None),
    (N_("the 资金支出计划（%） rows"), lambda reading: reading.plan is not None),
    (N_("the 绩效目标 row"), lambda reading: reading.goal_lines),
    (N_("the 一级指标 header row"), lambda reading: reading.columns is not None),
    (N_("at least one indicator row"), lambda reading: reading.indicators),
)
"""What a whole table has: a table without one of them is cut off (its message, and the test)."""


@dataclass
class TableHead:
    """What precedes the table's rows in the document."""

    title_line: Line
    ordinal: int
    title: str
    unit_code: str
    money_unit: str


@dataclass
class _Reading:
    head: TableHead
    code: str | None = None
    name: str | None = None
    budget: Decimal | None = None
    fiscal: Decimal | None = None
    other: Decimal | None = None
    purpose: list[str] = field(default_factory=list)
    plan: dict[int, Decimal | None] | None = None
    goals_text: list[str] = field(default_factory=list)
    goal_lines: list[int] = field(default_factory=list)
    columns: dict[str, int] | None = None
    positions: tuple[int, ...] = ()
    """The columns of level1, level2, level3, description, value and basis (_ABSENT: none)."""
    indicators: list[Indicator] = field(default_factory=list)


class ProjectTableReader:
    def __init__(self, filename: str, report: ImportReport, used: UsedLines) -> None:
        self._filename = filename
        self._report = report
        self._used = used

    def read(self, head: TableHead, rows: list[Row], end_line: int) -> Project:
        """`end_line` is the line where the table stopped (the next title, or the end of
        the file), for the message when the table was cut off."""
        reading = _Reading(head)
        stage = "code"
        index = 0
        while index < len(rows):
            row = rows[index]
            cells = row.cells
            first = label(cells[0]) if cells else ""
            if not first and row.is_empty:
                self._used.take(row.line)
            elif first == "项目编码":
                self._read_code_row(reading, row)
                stage = "budget"
            elif first.startswith("预算规模"):
                self._read_budget_row(reading, row)
                stage = "purpose"
            elif first.startswith("资金支出计划"):
                index = self._read_plan(reading, rows, index)
                stage = "goals"
            elif first == "绩效目标":
                reading.goals_text.append(" ".join(c for c in row.cells[1:] if c))
                reading.goal_lines.append(row.line.number)
                self._used.take(row.line)
                stage = "goal_continuation"
            elif first == "一级指标":
                reading.columns = self._read_indicator_header(row)
                reading.positions = tuple(
                    reading.columns.get(name, _ABSENT) for name in _INDICATOR_COLUMNS.values()
                )
                stage = "indicators"
            elif stage == "purpose" and not first:
                reading.purpose.append(" ".join(c for c in row.cells if c))
                self._used.take(row.line)
            elif stage == "goal_continuation" and not first:
                reading.goals_text.append(" ".join(c for c in row.cells if c))
                reading.goal_lines.append(row.line.number)
                self._used.take(row.line)
            elif stage == "indicators" and _looks_like_indicator(row, reading.columns):
                self._read_indicator(reading, row)
            # Anything else is left unused: the report lists it with its line number.
            index += 1
        return self._finish(reading, rows, end_line)

    # -- rows -------------------------------------------------------------------------

    def _read_code_row(self, reading: _Reading, row: Row) -> None:
        labels = [label(cell) for cell in row.cells]
        for position, name in enumerate(labels):
            value = row.cell(position + 1)
            if name == "项目编码":
                reading.code = squash(value)
            elif name == "项目名称":
                reading.name = value
        self._used.take(row.line)

    def _read_budget_row(self, reading: _Reading, row: Row) -> None:
        for position, cell in enumerate(row.cells):
            name = label(cell).removeprefix("其中:")
            value = row.cell(position + 1)
            if name == "预算数":
                reading.budget = self._amount(value, row.line, "预算数", required=True)
            elif name == "财政资金":
                reading.fiscal = self._amount(value, row.line, "财政资金")
            elif name == "其他资金":
                reading.other = self._amount(value, row.line, "其他资金")
        for name, amount in (
            ("预算数", reading.budget),
            ("财政资金", reading.fiscal),
            ("其他资金", reading.other),
        ):
            try:
                to_fen(amount or Decimal(0), reading.head.money_unit)
            except ValueError as error:
                raise ImportFault(self._filename, row.line.number, f"{name} {error}") from None
        self._used.take(row.line)

    def _read_plan(self, reading: _Reading, rows: list[Row], index: int) -> int:
        """Header row with the quarter-ends at their positions, then the row of shares.
        Returns the index of the last row used."""
        header = rows[index]
        months: dict[int, int] = {}
        for position, cell in enumerate(header.cells[1:], start=1):
            match = _QUARTER_END.match(label(cell))
            if match:
                months[position] = int(match.group(1))
        if set(months.values()) != set(QUARTER_ENDS):
            raise ImportFault(
                self._filename,
                header.line.number,
                _(
                    "expected the spending-plan header to name 3月底, 6月底, 10月底 and 12月底; "
                    "found {found}"
                ).format(found=", ".join(c for c in header.cells if c)),
            )
        self._used.take(header.line)
        plan: dict[int, Decimal | None] = dict.fromkeys(QUARTER_ENDS)
        reading.plan = plan
        if index + 1 >= len(rows) or label(rows[index + 1].cell(0)):
            return index  # every quarter-end left empty
        values = rows[index + 1]
        for position, cell in enumerate(values.cells):
            if not cell:
                continue
            if position not in months:
                raise ImportFault(
                    self._filename,
                    values.line.number,
                    _(
                        "spending-plan value '{cell}' in column {column} stands under no "
                        "quarter-end of the header on line {line}"
                    ).format(cell=cell, column=position + 1, line=header.line.number),
                )
            match = _PERCENT.match(squash(cell))
            if match is None:
                raise ImportFault(
                    self._filename,
                    values.line.number,
                    _("expected a percentage such as '25%' for {month}月底; found '{cell}'").format(
                        month=months[position], cell=cell
                    ),
                )
            plan[months[position]] = Decimal(match.group(1))
        self._used.take(values.line)
        return index + 1

    def _read_indicator_header(self, row: Row) -> dict[str, int]:
        columns = {}
        for position, cell in enumerate(row.cells):
            field_name = _INDICATOR_COLUMNS.get(label(cell))
            if field_name:
                columns[field_name] = position
        missing = [
            name
            for name, key in _INDICATOR_COLUMNS.items()
            if key in _REQUIRED_INDICATOR_COLUMNS and key not in columns
        ]
        if missing:
            raise ImportFault(
                self._filename,
                row.line.number,
                _(
                    "the indicator header lacks {missing}; expected 一级指标 / 二级指标 / "
                    "三级指标 / 绩效指标描述 / 指标值 / 指标值确定依据"
                ).format(missing=", ".join(missing)),
            )
        self._used.take(row.line)
        return columns

    def _read_indicator(self, reading: _Reading, row: Row) -> None:
        assert reading.columns is not None
        cells, count = row.cells, len(row.cells)  # row.cell written out: a row an indicator
        level1, level2, level3, description, value, basis = (
            cells[position] if position < count else "" for position in reading.positions
        )
        if not level1:
            if not reading.indicators:
                raise ImportFault(
                    self._filename,
                    row.line.number,
                    _(
                        "the first indicator row has no 一级指标 (产出指标, 效益指标 or "
                        "满意度指标) to carry down to the rows below it"
                    ),
                )
            level1 = reading.indicators[-1].level1
        kind, target = parse_target(value)
        if not value:
            self._report.warn(row.line.number, _("indicator row has no 指标值 (target value)"))
        reading.indicators.append(
            Indicator(
                level1=level1,
                level2=level2,
                level3=level3,
                description=description,
                value=value,
                basis=basis,
                line=row.line.number,
                target=target,
                target_kind=kind,
            )
        )
        self._used.take(row.line)

    # -- checks -----------------------------------------------------------------------

    def _finish(self, reading: _Reading, rows: list[Row], end_line: int) -> Project:
        head = reading.head
        missing = [what for what, present in _PARTS if not present(reading)]
        if missing:
            raise ImportFault(
                self._filename,
                end_line,
                _(
                    "{where} ends here without {missing}; the table is cut off or not in the "
                    "绩效目标表 template ({count} part(s) missing)"
                ).format(where=_where(head), missing=_(missing[0]), count=len(missing)),
            )
        assert reading.budget is not None and reading.plan is not None
        name = reading.name or ""
        if not name:
            self._report.warn(
                head.title_line.number,
                _("{where} has an empty 项目名称").format(where=_where(head)),
            )
        elif squash(name) != squash(head.title):
            self._report.warn(
                head.title_line.number,
                _("the title names '{title}' but 项目名称 says '{name}'").format(
                    title=head.title, name=name
                ),
            )
        return Project(
            ordinal=head.ordinal,
            title=head.title,
            code=reading.code or "",
            name=name,
            unit_code=head.unit_code,
            money_unit=head.money_unit,
            budget=reading.budget,
            fiscal_funds=reading.fiscal,
            other_funds=reading.other,
            purpose=" ".join(reading.purpose),
            spending_plan=reading.plan,
            goals=split_numbered(" ".join(reading.goals_text)),
            indicators=reading.indicators,
            first_line=head.title_line.number,
            last_line=max(row.line.number for row in rows),
            goals_line=reading.goal_lines[0],
        )

    def _amount(self, cell: str, line: Line, name: str, required: bool = False) -> Decimal | None:
        if not squash(cell):
            if required:
                raise ImportFault(
                    self._filename,
                    line.number,
                    _("{name} is empty; expected an amount such as 16.80").format(name=name),
                )
            return None
        try:
            return parse_amount(cell)
        except ValueError as error:
            raise ImportFault(self._filename, line.number, f"{name} {error}") from None


def _where(head: TableHead) -> str:
    return _("the table '{title}' (line {line})").format(
        title=head.title, line=head.title_line.number
    )


def _looks_like_indicator(row: Row, columns: dict[str, int] | None) -> bool:
    """An indicator row names its level 1 (产出指标, 效益指标, 满意度指标…) or leaves it to be
    carried down, and names its level 2 or 3. A note or a page footer under the table does
    neither, and is reported instead of being read as an indicator."""
    assert columns is not None
    cells, count = row.cells, len(row.cells)  # row.cell written out: a row an indicator
    level2, level3 = columns["level2"], columns["level3"]
    if not ((level2 < count and cells[level2]) or (level3 < count and cells[level3])):
        return False
    level1 = columns["level1"]
    written = label(cells[level1]) if level1 < count else ""
    return not written or written.endswith("指标")
