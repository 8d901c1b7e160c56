"""The rows of one project table rebuilt from its cells, given a cell a line, by the
template's known shape (importers/cells.py):

    项目编码 | code | 项目名称 | name                                     4 cells
    预算规模及资金用途 | 预算数 | n | 其中：财政资金 | n | 其他资金 | n         7 cells
    (merged: empty) | the purpose, a line a paragraph, up to 资金支出计划
    资金支出计划（%） | 3月底 | 6月底 | 10月底 | 12月底                      the quarter-ends
    (merged: empty) | a share under each quarter-end (empty lines where none)
    绩效目标 | the goals, a line a paragraph, up to 一级指标
    一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据    the header: N cells
    then indicator rows of N cells; the 一级指标 of a merged group is empty under its first row

Every label is checked where the shape puts it, and every value cell is checked not to be a
label: a missing cell shifts the rest, and this is how it shows. A fault names the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NoReturn

from jixiao.i18n import _
from jixiao.importers.lines import Line
from jixiao.importers.report import ImportFault
from jixiao.importers.text import label, one_line

Rebuilt = tuple[list[str], tuple[int, ...]]
"""A row's cells, and the numbers of its non-blank source lines."""

_QUARTER_END = re.compile(r"^\d{1,2}月(?:底|末)$")
_INDICATOR_HEADER = frozenset(
    {"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"}
)
_ROW_STARTS = frozenset({"项目编码", "预算规模及资金用途", "资金支出计划(%)", "绩效目标"})
_LABELS = _ROW_STARTS | _INDICATOR_HEADER | {"项目名称", "预算数", "其中:财政资金", "其他资金"}
_LEVEL1 = frozenset({"产出指标", "效益指标", "满意度指标"})
_LEVEL2 = frozenset(
    {
        "数量指标",
        "质量指标",
        "时效指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "可持续影响指标",
        "服务对象满意度指标",
    }
)
"""The national framework's 二级指标 (成本指标 left out: the 2021 framework makes it a
一级指标 too). One of them in the 一级指标 column, or a 一级指标 in the 二级指标 column, is
a row shifted by a missing or extra cell."""


def rebuild_table(lines: list[Line], filename: str, end: int | None) -> Iterator[Rebuilt]:
    """`lines` run from the table's 项目编码 line to (not including) line `end`, the next
    title or part heading (None: the end of the file)."""
    cursor = _Cursor(lines, filename, end)
    yield _row(
        cursor.label("项目编码", lambda name: name == "项目编码"),
        cursor.value(_("the project code after 项目编码")),
        cursor.label("项目名称", lambda name: name == "项目名称"),
        cursor.value(_("the project name after 项目名称")),
    )
    yield _row(
        cursor.label("预算规模及资金用途", lambda name: name.startswith("预算规模")),
        cursor.label("预算数", lambda name: name == "预算数"),
        cursor.value(_("the amount of 预算数")),
        cursor.label("其中：财政资金", lambda name: name.endswith("财政资金")),
        cursor.value(_("the amount of 财政资金")),
        cursor.label("其他资金", lambda name: name == "其他资金"),
        cursor.value(_("the amount of 其他资金 (an empty line when there is none)")),
    )
    covered = cursor.empty(_("预算规模及资金用途, merged over the purpose row"))
    purpose = cursor.until("资金支出计划（%）", lambda name: name.startswith("资金支出计划"))
    yield _row(covered, purpose)
    plan = cursor.label("资金支出计划（%）", lambda name: name.startswith("资金支出计划"))
    quarters = cursor.run(lambda name: bool(_QUARTER_END.match(name)))
    if not quarters:
        cursor.fail(_("the quarter-ends 3月底, 6月底, 10月底 and 12月底 after 资金支出计划（%）"))
    yield _row(plan, *quarters)
    if cursor.next_label() != "绩效目标":  # no row of shares at all: every one left empty
        covered = cursor.empty(_("资金支出计划（%）, merged over the row of shares"))
        shares = [
            cursor.value(_("the share spent by {quarter}").format(quarter=q.text.strip()))
            for q in quarters
        ]
        yield _row(covered, *shares)
    goals = cursor.label("绩效目标", lambda name: name == "绩效目标")
    yield _row(goals, cursor.until("一级指标", lambda name: name == "一级指标"))
    header = cursor.run(lambda name: name in _INDICATOR_HEADER)
    if len(header) < 4 or label(header[0].text) != "一级指标":
        cursor.fail(
            _(
                "the indicator header 一级指标 / 二级指标 / 三级指标 / 绩效指标描述 / 指标值 / "
                "指标值确定依据"
            )
        )
    yield _row(*header)
    yield from _indicator_rows(cursor, [label(cell.text) for cell in header])


def _indicator_rows(cursor: _Cursor, header: list[str]) -> Iterator[Rebuilt]:
    width = len(header)
    level2 = header.index("二级指标") if "二级指标" in header else None
    while cursor.remaining():
        if cursor.remaining() < width and cursor.rest_is_blank():
            cursor.skip_rest()  # empty paragraphs after the table
            return
        first = cursor.peek()
        if cursor.remaining() < width:
            raise ImportFault(
                cursor.filename,
                first.number,
                _(
                    "the indicator row starting here does not close: expected {width} cells "
                    "({header}), a line each, and found {found} before {end}; is a cell missing?"
                ).format(
                    width=width,
                    header=" / ".join(header),
                    found=cursor.remaining(),
                    end=cursor.where_end(),
                ),
            )
        cells = [cursor.take() for _cell in range(width)]
        names = [label(cell.text) for cell in cells]
        if names[0] == "一级指标" and names == header:
            yield _row(*cells)  # the header again (a table that repeats it)
            continue
        level1 = names[0]
        if level1 and (
            not level1.endswith("指标") or level1 in _INDICATOR_HEADER or level1 in _LEVEL2
        ):
            _misplaced(
                cursor,
                cells[0],
                _(
                    "the row's 一级指标 (产出指标, 效益指标, 满意度指标…) or an empty line under "
                    "a merged one"
                ),
            )
        for cell, name in zip(cells[1:], names[1:], strict=True):
            if name in _LABELS:
                _misplaced(cursor, cell, _("a cell of an indicator row"))
        if level2 is not None and names[level2] in _LEVEL1:
            _misplaced(cursor, cells[level2], _("the row's 二级指标 (数量指标, 质量指标…)"))
        yield _row(*cells)


def _misplaced(cursor: _Cursor, cell: Line, what: str) -> NoReturn:
    raise ImportFault(
        cursor.filename,
        cell.number,
        _(
            "expected {what} here; found {found}. A cell above is missing, or one has a line "
            "too many: the indicator rows of a cell-a-line text cannot be rebuilt"
        ).format(what=what, found=_shown(cell)),
    )


def _row(*cells: Line | list[Line]) -> Rebuilt:
    """A row of cells, each one line or, for a cell written over several, its paragraphs
    (joined with a space, as importers/word.py joins a cell's paragraphs)."""
    texts: list[str] = []
    numbers: list[int] = []
    for cell in cells:
        paragraphs = [p for p in ([cell] if isinstance(cell, Line) else cell) if p.text.strip()]
        texts.append(" ".join(one_line(p.text) for p in paragraphs))
        numbers += [p.number for p in paragraphs]
    return texts, tuple(sorted(numbers))


class _Cursor:
    def __init__(self, lines: list[Line], filename: str, end: int | None) -> None:
        self.filename = filename
        self._lines = lines
        self._at = 0
        self._end = end

    def where_end(self) -> str:
        if self._end:
            return _("the next table title on line {line}").format(line=self._end)
        return _("the end of the file")

    def remaining(self) -> int:
        return len(self._lines) - self._at

    def rest_is_blank(self) -> bool:
        return not any(line.text.strip() for line in self._lines[self._at :])

    def skip_rest(self) -> None:
        self._at = len(self._lines)

    def peek(self) -> Line:
        return self._lines[self._at]

    def next_label(self) -> str | None:
        return label(self._lines[self._at].text) if self._at < len(self._lines) else None

    def take(self) -> Line:
        line = self._lines[self._at]
        self._at += 1
        return line

    def fail(self, expected: str) -> NoReturn:
        if self._at >= len(self._lines):
            last = self._lines[-1].number if self._lines else None
            raise ImportFault(
                self.filename,
                self._end or last,
                _(
                    "the table ends here without {expected} (the table starts on line {line})"
                ).format(expected=expected, line=self._lines[0].number if self._lines else "?"),
            )
        raise ImportFault(
            self.filename,
            self.peek().number,
            _("expected {expected}; found {found}").format(
                expected=expected, found=_shown(self.peek())
            ),
        )

    def label(self, what: str, fits: Callable[[str], bool]) -> Line:
        if self._at >= len(self._lines) or not fits(label(self.peek().text)):
            self.fail(_("the label {label} on a line of its own").format(label=what))
        return self.take()

    def value(self, what: str) -> Line:
        if self._at >= len(self._lines):
            self.fail(what)
        if label(self.peek().text) in _LABELS:
            self.fail(
                _("{what} on a line of its own (an empty line when there is none)").format(
                    what=what
                )
            )
        return self.take()

    def empty(self, merged: str) -> Line:
        if self._at >= len(self._lines) or self.peek().text.strip():
            self.fail(_("an empty line: the lower part of the cell {merged}").format(merged=merged))
        return self.take()

    def until(self, what: str, ends: Callable[[str], bool]) -> list[Line]:
        """The lines up to the one that `ends` (not taken): a cell's paragraphs."""
        start = self._at
        while self._at < len(self._lines) and not ends(label(self.peek().text)):
            self._at += 1
        if self._at >= len(self._lines):
            self._at = start
            line = self._lines[start - 1] if start else None
            raise ImportFault(
                self.filename,
                line.number if line else self._end,
                _(
                    "expected the label {label} on a line of its own after this line; "
                    "{end} comes first"
                ).format(label=what, end=self.where_end()),
            )
        return self._lines[start : self._at]

    def run(self, fits: Callable[[str], bool]) -> list[Line]:
        start = self._at
        while self._at < len(self._lines) and fits(label(self.peek().text)):
            self._at += 1
        return self._lines[start : self._at]


def _shown(line: Line) -> str:
    text = line.text.strip()
    if not text:
        return _("an empty line")
    return repr(text if len(text) <= 40 else text[:37] + "…")
