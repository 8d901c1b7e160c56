"""The indicator table of another province's target table: the header (一级指标 二级指标 三级指标
指标值 and any of the other columns), then a row an indicator.

Where the text keeps empty cells (pipes), a cell's place is its column. Where it does not
(single spaces, a cell a line, cells run together), a row's cells are placed by what they
say: the level names it starts with (levels.py), then the 三级指标 and the value, then the
other columns in order, or, when cells are missing, by their shape (a comparator, 正向/反向,
定量/定性, a weight). A level the row does not show is filled from its merged cell
(levels.fill_down: on the group's first row or, from PDFs and web pages, its middle row).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.i18n import _
from jixiao.importers.levels import belongs_under, fill_down, level1_name, level2_name
from jixiao.importers.model import INDICATOR_DETAILS, Indicator
from jixiao.importers.province_glued import split_at_labels, split_indicator_row
from jixiao.importers.province_text import TextRow
from jixiao.importers.report import ImportReport
from jixiao.importers.targets import parse_target
from jixiao.importers.text import label

COLUMNS = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "level3",
    "指标值": "value",
    "年度指标值": "value",
    "预期本年实现值": "value",
    "本年指标值": "value",
    "上年实际实现值": "previous_value",
    "指标值确定依据": "basis",
    "指标值设定依据": "basis",
    "指标标准或依据": "basis",
    "绩效指标描述": "description",
    "指标内容": "description",
    "指标性质": "comparator",
    "度量单位": "unit",
    "计量单位": "unit",
    "权重": "weight",
    "分值": "weight",
    "指标权重": "weight",
    "指标方向性": "direction",
    "指标方向": "direction",
    "指标值类型": "value_type",
    "指标类型": "value_type",
    "指标解释": "explanation",
    "评(扣)分标准": "scoring_rule",
    "评分标准": "scoring_rule",
    "扣分标准": "scoring_rule",
    "备注": "remark",
}
"""Column names (compared as labels, `<>` and `〈〉` left out: `预期<本年>实现值`) → fields."""

_BRACKETS = str.maketrans("", "", "<>〈〉《》")
_COMPARATOR = re.compile(r"^(?:>=|<=|[≥≤≧≦⩾⩽><=])$")
_DIRECTION = re.compile(r"^(?:正向|反向|中性)(?:指标)?$")
_VALUE_TYPE = re.compile(r"^(?:定量|定性)(?:指标)?$")
_WEIGHT = re.compile(r"^\d{1,3}(?:\.\d+)?$")
_NUMBERED_NAME = re.compile(r"^指标\s*\d{1,3}\s*[:：、.．]\s*")
"""`指标1：受益学生人数`: a number before the name, not part of it."""


_FIGURE = re.compile(r"^(?:>=|<=|[≥≤≧≦⩾⩽><=])?\d[\d.,]*%?$")
_UNIT_WORD = re.compile(r"^[^\d\s]{1,4}$")


_SHAPED = {
    "comparator": _COMPARATOR,
    "direction": _DIRECTION,
    "value_type": _VALUE_TYPE,
    "weight": _WEIGHT,
}
"""Columns whose cells have a shape of their own."""


def _fits(column: str, cell: str) -> bool:
    pattern = _SHAPED.get(column)
    return pattern is None or pattern.match(cell) is not None


def _rejoined(cells: list[str], columns: list[str]) -> list[str]:
    """Cells a space parted inside a value, where the table has no column for the part: a
    comparator before its figure (`≥ 95%`, no 指标性质), a figure before its unit (`300 人次`,
    no 度量单位)."""
    joined = list(cells)
    index = 0
    while index + 1 < len(joined) and len(joined) > len(columns):
        here, then = joined[index], joined[index + 1]
        comparator = "comparator" not in columns and _COMPARATOR.match(here)
        unit = "unit" not in columns and _FIGURE.match(here) and _UNIT_WORD.match(then)
        if comparator or unit:
            joined[index : index + 2] = [f"{here}{then}" if comparator else f"{here} {then}"]
            continue
        index += 1
    return joined


def column_of(name: str) -> str | None:
    return COLUMNS.get(label(name).translate(_BRACKETS))


@dataclass
class IndicatorColumns:
    sets: list[tuple[str, list[str | None]]]
    """(period, the fields of its columns in order): one set, or two side by side."""
    offsets: list[int]
    """Where each set's first column stands in a placed row."""
    unknown: list[str]
    """Header cells naming no column jixiao knows: their cells are not read."""

    @property
    def fields(self) -> list[str | None]:
        return [name for _, columns in self.sets for name in columns]


def header_columns(row: TextRow, periods: list[str]) -> IndicatorColumns:
    """The header row's columns. 一级指标 twice: two sets side by side, their periods in
    the order the goal columns stand (`periods`), medium-term first by default."""
    cells = row.cells
    if not row.placed and len(cells) == 1:  # run together
        cells = split_at_labels(cells[0], COLUMNS)
    fields = [column_of(cell) for cell in cells]
    unknown = [cell for cell, name in zip(cells, fields, strict=True) if cell.strip() and not name]
    starts = [index for index, name in enumerate(fields) if name == "level1"] or [0]
    if len(starts) == 1:
        return IndicatorColumns([("annual", fields[starts[0] :])], starts, unknown)
    if len(periods) == len(starts):
        order = periods
    elif len(starts) == 2:
        order = ["medium_term", "annual"]
    else:  # more sets than goal columns tell: none is taken for medium-term
        order = ["annual"] * len(starts)
    bounds = [*starts[1:], len(fields)]
    sets = [
        (period, fields[start:end])
        for period, start, end in zip(order, starts, bounds, strict=True)
    ]
    return IndicatorColumns(sets, starts, unknown)


_PARENT_COLUMNS = frozenset({"指标标准或依据"})
"""Header cells that stand over sub-columns in a second header row."""


def sub_columns(header: TextRow, row: TextRow) -> TextRow | None:
    """The header with its second row's sub-columns in place (`指标标准或依据` over
    `<上年>实际实现值` and `预期<本年>实现值`), when `row` holds column names only; else None."""
    names = [cell for cell in row.cells if cell.strip()]
    if not names or any(column_of(cell) is None for cell in names):
        return None
    if header.placed and row.placed:
        width = max(len(header.cells), len(row.cells))
        cells = [
            (row.cells[i] if i < len(row.cells) and row.cells[i].strip() else "")
            or (header.cells[i] if i < len(header.cells) else "")
            for i in range(width)
        ]
        return TextRow(cells, header.lines, placed=True)
    cells = list(header.cells)
    parent = next((i for i, cell in enumerate(cells) if label(cell) in _PARENT_COLUMNS), None)
    if parent is None:
        return None
    cells[parent : parent + 1] = names
    return TextRow(cells, header.lines, placed=False)


@dataclass
class _Raw:
    """An indicator row's cells by field, its own level cells as written."""

    values: dict[str, str]
    period: str
    row: TextRow


class IndicatorReader:
    def __init__(self, report: ImportReport, columns: IndicatorColumns, glued: bool) -> None:
        self._report = report
        self._columns = columns
        self._glued = glued
        self._rows: list[_Raw] = []
        self._level1 = ""
        """The last 一级指标 a row showed, to tell 成本指标 or 满意度指标 (names of both
        levels) standing alone."""

    def read(self, row: TextRow) -> bool:
        """Takes an indicator row; False when the row is none."""
        if row.placed and len(row.cells) > 1:
            self._placed(row)
            return True
        cells = row.cells
        if self._glued:
            cells, found = split_indicator_row(cells[0])
            if not found:
                self._report.warn(
                    row.first_line,
                    _(
                        "no value was found at the end of '{cell}': all of it after the level "
                        "names was taken for the 三级指标; check this row"
                    ).format(cell=row.cells[0]),
                )
        if len(cells) < 2:
            return False
        self._unplaced(row, cells)
        return True

    def _placed(self, row: TextRow) -> None:
        end = self._columns.offsets[-1] + len(self._columns.sets[-1][1])
        beyond = [cell for cell in row.cells[end:] if cell.strip()]
        if beyond:
            self._report.warn(
                row.first_line,
                _("cells beyond the table's columns, not read: {cells}").format(
                    cells=", ".join(map(repr, beyond))
                ),
            )
        for (period, columns), offset in zip(
            self._columns.sets, self._columns.offsets, strict=True
        ):
            cells = row.cells[offset : offset + len(columns)]
            values = {name: cell for name, cell in zip(columns, cells, strict=False) if name}
            if any(values.values()):
                self._note_level1(values.get("level1", ""))
                self._rows.append(_Raw(values, period, row))

    def _note_level1(self, written: str) -> None:
        if written:
            self._level1 = written

    def _unplaced(self, row: TextRow, cells: list[str]) -> None:
        period, columns = self._columns.sets[0]
        values: dict[str, str] = {}
        rest = list(cells)
        first = rest[0]
        second_is_level = len(rest) > 1 and level2_name(rest[1]) is not None
        both = level1_name(first) is not None and level2_name(first) is not None
        if level1_name(first) is not None and (
            not both or second_is_level or not belongs_under(first, self._level1)
        ):
            values["level1"] = rest.pop(0)
            self._level1 = values["level1"]
        if rest and level2_name(rest[0]) is not None and "level2" in columns:
            values["level2"] = rest.pop(0)
        others = [name for name in columns if name and name not in ("level1", "level2")]
        if len(rest) > len(others):
            rest = _rejoined(rest, others)
        if len(rest) == len(others) or (
            len(rest) < len(others) and all(map(_fits, others, rest))
        ):  # every column, or the first ones (the last cells empty), each cell fitting its own
            values.update(zip(others, rest, strict=False))
        else:
            values.update(self._by_shape(rest, others, row))
        self._rows.append(_Raw(values, period, row))

    def _by_shape(self, cells: list[str], others: list[str], row: TextRow) -> dict[str, str]:
        """Cells fewer (or more) than the columns: the 三级指标 and the value first, then
        each of the rest into the column its shape says, the others in order."""
        values = dict(zip(("level3", "value"), cells[:2], strict=False))
        free = [name for name in others if name not in values]
        for cell in cells[2:]:
            shaped = next(
                (name for name, pattern in _SHAPED.items() if name in free and pattern.match(cell)),
                None,
            )
            target = shaped or next((name for name in free if name not in _SHAPED), None)
            if target is None:
                self._report.warn(
                    row.first_line, _("'{cell}' fits no column of this table").format(cell=cell)
                )
                continue
            values[target] = cell
            free.remove(target)
        self._report.warn(
            row.first_line,
            _(
                "this row has {cells} cell(s) for {columns} column(s) after its levels: they "
                "were placed by what they say; check this row"
            ).format(cells=len(cells), columns=len(others)),
        )
        return values

    def indicators(self) -> list[Indicator]:
        """The rows read, their levels filled from the merged cells."""
        made: list[Indicator] = []
        for period in dict.fromkeys(period for period, _columns in self._columns.sets):
            rows = [raw for raw in self._rows if raw.period == period]
            made.extend(self._filled(rows))
        return made

    def _filled(self, rows: list[_Raw]) -> list[Indicator]:
        if not rows:
            return []
        level1s = [raw.values.get("level1", "") for raw in rows]
        level2s = [raw.values.get("level2", "") for raw in rows]
        middle = not level1s[0]
        filled1 = fill_down(level1s, children=level2s, middle=middle)
        parents = [level.value for level in filled1]
        filled2 = fill_down(level2s, parents=parents, middle=middle)
        doubtful = [
            raw.row.first_line
            for raw, one, two in zip(rows, filled1, filled2, strict=True)
            if one.doubtful or two.doubtful
        ]
        if doubtful:
            self._report.warn(
                doubtful[0],
                _(
                    "the levels of rows on lines {lines} stand in merged cells whose rows "
                    "cannot be told for sure: check the levels of this table"
                ).format(lines=", ".join(map(str, doubtful))),
            )
        details = [name for _period, columns in self._columns.sets for name in columns]
        return [
            _indicator(raw, one.value, two.value, [n for n in details if n in INDICATOR_DETAILS])
            for raw, one, two in zip(rows, filled1, filled2, strict=True)
        ]


def _indicator(raw: _Raw, level1: str, level2: str, details: list[str]) -> Indicator:
    values = raw.values
    value = values.get("value", "")
    comparator, unit = values.get("comparator", ""), values.get("unit", "")
    kind, target = parse_target(f"{comparator}{value}{unit}" if comparator or unit else value)
    return Indicator(
        level1=level1,
        level2=level2,
        level3=_NUMBERED_NAME.sub("", values.get("level3", "")),
        description=values.get("description", ""),
        value=value,
        basis=values.get("basis", ""),
        line=raw.row.first_line,
        target=target,
        target_kind=kind,
        period=raw.period,
        details={name: values.get(name, "") for name in dict.fromkeys(details)},
    )
