"""The header block of another province's target table: 项目名称, 主管部门, 实施单位, 项目属性,
项目期, 项目负责人, the money (项目金额, or 年度资金总额 and its split), the goals (annual, and
medium-term where the table sets both side by side).

Each label is known by its words, wherever it stands: the cell after a label (or the cells
up to the next label) is its value. So the same walk reads pipes, spaced cells, a cell a
line and cells run together (those cut at the labels first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.i18n import _
from jixiao.importers.money import YUAN_PER_UNIT, parse_amount
from jixiao.importers.province_glued import split_at_labels
from jixiao.importers.province_text import TextRow, join_wrapped
from jixiao.importers.report import ImportFault, ImportReport
from jixiao.importers.text import label

FIELD_LABELS = {
    "项目名称": "name",
    "主管部门": "department",
    "主管部门及代码": "department",
    "部门名称": "department",
    "实施单位": "unit",
    "执行单位": "unit",
    "项目实施单位": "unit",
    "项目属性": "attribute",
    "项目期": "period",
    "项目周期": "period",
    "项目负责人": "manager",
    "年度主要任务": "purpose",
    "项目金额": "amount",
    "年度资金总额": "amount",
    "资金总额": "amount",
    "年度绩效目标": "goals",
    "年度绩效目标(文字)": "goals",
    "绩效目标": "goals",
    "年度总体目标": "goals",
    "总体目标": "goals",
    "年度目标": "goals",
    "中长期目标": "medium_term_goals",
    "长期绩效目标": "medium_term_goals",
    "中长期绩效目标": "medium_term_goals",
}
"""Labels (compared as labels: NFKC, no whitespace) → the field they name."""

FUND_LABELS = (
    "财政拨款",
    "财政资金",
    "本级财政资金",
    "当年市级财政资金",
    "上级资金",
    "上级补助资金",
    "上年结转资金",
    "其他资金",
    "其它资金",
)
"""The lines of the money split, each kept with its label (`其中：` before the first)."""

_MONEY_SECTIONS = ("项目资金", "年度资金", "资金情况", "年度部门整体支出预算", "部门整体支出预算",
                   "预算情况")  # fmt: skip
"""Labels over the money rows, with their unit in brackets or not (`项目资金（万元）`)."""
_MONEY_UNITS = ("万元", "元", "千元", "亿元")
_MONEY_SECTION = re.compile(
    f"^(?:{'|'.join(_MONEY_SECTIONS)})(?:\\((?P<unit>{'|'.join(_MONEY_UNITS)})\\))?$"
)
_UNIT_LINE = re.compile(r"^(?:金额)?单位:(?P<unit>万元|元|千元|亿元)$")
_AMOUNT_WITH_UNIT = re.compile(r"^(?P<amount>[\d,.，．０-９]+)\s*(?P<unit>万元|元|千元|亿元)?$")
_DEPARTMENT_CODE = re.compile(
    r"^[\[【(（]?(?P<code>\d{6,12})[\]】)）]?\s*[-－—_]?\s*(?P<name>\D.*)$"
)
_SIDE_GOALS = frozenset({"中长期目标", "年度目标"})
_FREE_TEXT = ("goals", "medium_term_goals", "purpose")
"""Fields whose value is prose: wrapped over cells or lines, it is joined."""


@dataclass
class HeaderFields:
    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    """The line each field was read from."""
    money_unit: str = ""
    budget: Decimal | None = None
    funds: list[tuple[str, Decimal]] = field(default_factory=list)
    goal_order: list[str] = field(default_factory=list)
    """The goal fields in the order their columns stand (medium-term first, or annual)."""

    def get(self, name: str) -> str:
        return self.values.get(name, "")

    @property
    def department_code_and_name(self) -> tuple[str, str]:
        written = self.get("department")
        coded = _DEPARTMENT_CODE.match(written)
        return (coded["code"], coded["name"].strip()) if coded else ("", written)


_ALL_LABELS = (
    *FIELD_LABELS,
    *FUND_LABELS,
    *(f"其中:{name}" for name in FUND_LABELS),
    *(f"{name}({unit})" for name in _MONEY_SECTIONS for unit in _MONEY_UNITS),
    *_MONEY_SECTIONS,
)
"""Every label, to cut a row whose cells run together."""
_PROSE_LABELS = tuple(name for name, field_name in FIELD_LABELS.items() if field_name in _FREE_TEXT)


def unit_line(row: TextRow) -> str | None:
    """The money unit a line such as `金额单位：元` or `单位：万元` names."""
    found = _UNIT_LINE.match(label("".join(row.cells)))
    return found["unit"] if found else None


class HeaderReader:
    def __init__(self, filename: str, report: ImportReport, glued: bool) -> None:
        self._filename = filename
        self._report = report
        self._glued = glued
        self.fields = HeaderFields()
        self.used: set[int] = set()
        self._current: str | None = None
        self._side_goals: dict[int, str] = {}
        """Placed goal columns (中长期目标 | 年度目标 side by side): cell index → field."""
        self._labels: dict[str, str] = {}
        """Each field's label as the table writes it (实施单位, 执行单位…), for the notes."""

    def read(self, row: TextRow) -> bool:
        """Takes the row's labels and values; False when the row holds nothing known."""
        unit = unit_line(row)
        if unit is not None:
            self.fields.money_unit = unit
            self.used.update(row.lines)
            return True
        cells = row.cells
        if self._glued:
            cells = split_at_labels(cells[0], _ALL_LABELS, rest_is_value=_PROSE_LABELS)
        if self._side_goals and row.placed and not label(cells[0] if cells else ""):
            return self._side_goal_texts(row, cells)
        left = [
            cell
            for index, cell in enumerate(cells)
            if cell.strip() and not self._cell(cell, row, index, cells)
        ]
        if len(left) == len([cell for cell in cells if cell.strip()]):
            return False  # nothing known: the line is reported as not understood
        self.used.update(row.lines)
        for cell in left:
            self._report.warn(
                row.first_line, _("not understood in this row: '{cell}'").format(cell=cell)
            )
        return True

    def _cell(self, cell: str, row: TextRow, index: int, cells: list[str]) -> bool:
        written = label(cell)
        section = _MONEY_SECTION.match(written)
        if section:
            if section["unit"]:
                self.fields.money_unit = section["unit"]
            self._current = None
            return True
        name, _, value = written.partition(":")
        fund = written.removeprefix("其中:")
        if fund in FUND_LABELS:
            self._current = f"fund:{fund}"
            return True
        if written in FIELD_LABELS or (value and name in FIELD_LABELS):
            field_name = FIELD_LABELS[written if written in FIELD_LABELS else name]
            self._labels.setdefault(field_name, written if written in FIELD_LABELS else name)
            if field_name in ("goals", "medium_term_goals") and row.placed:
                self._note_side_goal(field_name, index, cells)
            self._current = field_name
            self.fields.lines.setdefault(field_name, row.first_line)
            if written not in FIELD_LABELS:  # `年度资金总额: 1680.00`: the value after the colon
                return self._value(cell.split(":" if ":" in cell else "：", 1)[1], row)
            return True
        return self._value(cell, row)

    def _note_side_goal(self, field_name: str, index: int, cells: list[str]) -> None:
        """Goal columns side by side: their texts stand in the same places on the next row."""
        sides = [label(cell) for cell in cells]
        if sides[index] in _SIDE_GOALS and len(_SIDE_GOALS.intersection(sides)) == 2:
            self._side_goals[index] = field_name
            if field_name not in self.fields.goal_order:
                self.fields.goal_order.append(field_name)

    def _side_goal_texts(self, row: TextRow, cells: list[str]) -> bool:
        for index, field_name in self._side_goals.items():
            if index < len(cells) and cells[index].strip():
                self._set(field_name, cells[index].strip(), row)
        self._side_goals = {}
        self._current = None
        self.used.update(row.lines)
        return True

    def _value(self, text: str, row: TextRow) -> bool:
        current = self._current
        text = text.strip()
        if current is None or not text:
            return False
        if current.startswith("fund:"):
            amount, unit = self._amount(text, row)
            self.fields.funds.append((current.removeprefix("fund:"), amount))
            self._note_unit(unit, row)
            self._current = None
            return True
        if current == "amount":
            amount, unit = self._amount(text, row)
            self.fields.budget = amount
            self._note_unit(unit, row)
            self._current = None
            return True
        self._set(current, text, row)
        if current not in _FREE_TEXT:
            self._current = None
        return True

    def _set(self, field_name: str, text: str, row: TextRow) -> None:
        self.fields.lines.setdefault(field_name, row.first_line)
        before = self.fields.values.get(field_name)
        if before and field_name in _FREE_TEXT:
            text = join_wrapped(before, text)
        elif before:
            self._report.warn(
                row.first_line,
                _("a second value for {field} ('{text}'); the first, '{before}', is kept").format(
                    field=self._labels[field_name], text=text, before=before
                ),
            )
            return
        self.fields.values[field_name] = text

    def _amount(self, text: str, row: TextRow) -> tuple[Decimal, str]:
        written = _AMOUNT_WITH_UNIT.match("".join(text.split()))
        try:
            if written is None:
                raise ValueError(_("'{amount}' is not an amount").format(amount=text))
            return parse_amount(written["amount"]), written["unit"] or ""
        except ValueError as fault:
            raise ImportFault(
                self._filename,
                row.first_line,
                _("{fault}; expected an amount such as 486.00, 85.60万元 or 1,250,000.00").format(
                    fault=fault
                ),
            ) from None

    def _note_unit(self, unit: str, row: TextRow) -> None:
        if not unit:
            return
        if self.fields.money_unit and self.fields.money_unit != unit:
            self._report.warn(
                row.first_line,
                _("this amount is in {unit} but the table says {table_unit}").format(
                    unit=unit, table_unit=self.fields.money_unit
                ),
            )
            return
        if unit in YUAN_PER_UNIT:
            self.fields.money_unit = unit
