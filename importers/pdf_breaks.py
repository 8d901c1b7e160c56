"""Rows that a page break cut in two (a table row allowed to break across pages, the default
in Word, WPS and LibreOffice), joined back into one row.

A table that reaches the foot of a page and goes on at the top of the next is drawn as two
tables, each closed by its rules: the rules do not tell a cut row from two rows. The text
does, by where it stands. A writer breaks a row by filling the page: each cell of the row
above the break shows the lines that fit, and the rest of each cell goes on in the same
column at the top of the next page. So a cell at the top of the next page can continue the
cell above the break only if that cell was **full** — its last line reaches the cell's
foot (no room for another line under it) and the line has no room at its end for the first
character (or word) of the text below the break (else the writer would have put it there).

- When every cell with text in the first row below the break can continue the cell above
  it, in the same columns, that row is the rest of the row above: each cell's text is
  joined to the cell above (a merged cell's text to the merged cell, whichever row it
  starts in), and the part below is not written as a row.
- When some cell of that row cannot (it has text where the cell above was not full), the
  row is a row of its own. A cell of it that can continue the cell above still does when
  the two spell a label of the template that the part above alone does not (`资金支出` /
  `计划（%）`, `满意度指` / `标`): a label cell merged over the last row above the break and
  the first row below it (资金支出计划（%） over its header and its shares, a 一级指标 over
  its indicators) is cut while the rows around it are whole.
"""

from __future__ import annotations

from jixiao.i18n import _
from jixiao.importers.pdf_cells import OPENING, SLACK, Cell, Row, Table, TextLine, joint
from jixiao.importers.text import label

_SAME_X = 2.0
"""Points within which two cell edges are one edge."""
_LABELS = frozenset(
    label(text)
    for text in (
        "项目编码",
        "项目名称",
        "预算规模及资金用途",
        "预算数",
        "其中：财政资金",
        "其他资金",
        "资金支出计划（%）",
        "绩效目标",
        "一级指标",
        "二级指标",
        "三级指标",
        "绩效指标描述",
        "指标值",
        "指标值确定依据",
        "产出指标",
        "效益指标",
        "满意度指标",
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "可持续影响指标",
        "服务对象满意度指标",
    )
)
"""The template's label cells: what a cut label cell, joined, spells."""


def join_page_break(above: Table, below: Table) -> None:
    """Join the first row of `below` (the table at the top of a page) to the last row of
    `above` (the table that reached the foot of the page before) where a page break cut
    a row or a merged cell."""
    if not below.rows:
        return
    first = below.rows[0]
    cut = _cells_at_foot(above)
    pairs = [(cell, _same_columns(cell, cut)) for cell in first.cells if cell is not None]
    written = [(cell, match) for cell, match in pairs if cell.text.strip()]
    if all(match is not None and _continues(match, cell, above) for cell, match in written):
        doubtful = _looks_whole(first, cut)
        for cell, match in pairs:
            if match is not None:
                _join(match, cell, above)
        first.continued = True
        if doubtful:
            row = next(match for _cell, match in written if match is not None)
            row.target().doubts.append(
                _(
                    "the next page's first row was taken as the rest of this row, cut by the "
                    "page break (each of its cells goes on from a full cell here), though it "
                    "could be a row of its own; check the row"
                )
            )
        return
    for cell, match in written:
        if match is None or not _continues(match, cell, above):
            continue
        whole = match.target().text + cell.text
        if label(whole) in _LABELS and label(match.target().text) not in _LABELS:
            _join(match, cell, above)
            cell.text = ""


def _cells_at_foot(table: Table) -> list[Cell]:
    """The cells whose bottom is the table's bottom: the last row's, and merged cells that
    reach down into it."""
    bottom = table.bbox[3]
    return [cell for cell in table.cells if abs(cell.bbox[3] - bottom) <= _SAME_X]


def _same_columns(cell: Cell, candidates: list[Cell]) -> Cell | None:
    for other in candidates:
        if abs(other.bbox[0] - cell.bbox[0]) <= _SAME_X and (
            abs(other.bbox[2] - cell.bbox[2]) <= _SAME_X
        ):
            return other
    return None


def _continues(above: Cell, below: Cell, table: Table) -> bool:
    """Can `below` (a cell at the top of a page) be the rest of `above` (the cell at the
    foot of the page before)? Only if `above` was full: the writer would have put more
    text there if it fitted."""
    if not above.lines or not below.lines:
        return False
    last = above.lines[-1]
    if above.bbox[3] - last.bottom >= last.bottom - last.top:
        return False  # room for another line under the last one
    if last.text.rstrip()[-1:] in OPENING:
        return True  # nothing after an opening bracket fits: the writer moves it on
    free = above.bbox[2] - table.padding - last.x1
    return free < _needed(last, below.lines[0], table) + SLACK


def _needed(last: TextLine, next_line: TextLine, table: Table) -> float:
    """The room the next line's first character (a Latin word: all of it) needed on the
    last line: after a space when the last line was broken at one."""
    space = table.space_width if last.text.endswith(" ") else 0.0
    return next_line.first_width + space


def _join(above: Cell, below: Cell, table: Table) -> None:
    target = above.target()
    if below.text.strip():
        if above.lines and target.text:
            target.text += joint(above, above.lines[-1], below.lines[0], table)
        target.text += below.text
    if above is not target:
        target.doubts += above.doubts
        above.doubts.clear()
    below.into = target


def _looks_whole(first: Row, cut: list[Cell]) -> bool:
    """The part below the break has text in every column the row above it has text in:
    it could as well be a row of its own."""
    written_above = [cell for cell in cut if cell.text.strip()]
    written_below = [cell for cell in first.cells if cell is not None and cell.text.strip()]
    return len(written_below) >= len(written_above) > 1
