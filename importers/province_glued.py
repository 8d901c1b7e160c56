"""Cells run together (`产出指标数量指标受益学生人数≥12000人`, `项目名称…主管部门…`): parted
by the only things that tell where a cell ends, the vocabulary of labels and level names and
the shape of a value at a row's end."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from jixiao.importers.levels import leading_level_names
from jixiao.importers.text import label

_COMPARATOR = r"(?:>=|<=|[≥≤≧≦⩾⩽><=]|不低于|不少于|不高于|不超过|大于等于|小于等于)"
VALUE = re.compile(_COMPARATOR + r"?\d[\d,.]*%?[^\d\s]{0,5}")
"""A target value as a row's last cell: a comparator, a figure, a short unit (`≥12000人`,
`1500元/亩`, `≤3个工作日`, `2024年全年`)."""

QUALITATIVE = re.compile(
    r"(?:较上年|显著|明显|持续|有效|逐步|进一步|不断|稳步|全面|大幅)"
    r"(?:改善|完善|提升|提高|下降|增强|增加|减少|稳定|降低)"
    r"|按月安排|按时完成|按期完成|达标|合格"
)
"""Values without a figure, as tables write them (`显著改善`, `按月安排`)."""


def split_at_labels(
    text: str, labels: Iterable[str], rest_is_value: Iterable[str] = ()
) -> list[str]:
    """`text` cut before each known label (longest first where two start at one place).
    After a label of `rest_is_value` (a goal, a task: free text) the rest of the line is
    its value, uncut."""
    names = sorted({label(name) for name in labels}, key=len, reverse=True)
    whole = {label(name) for name in rest_is_value}
    text = text.strip()
    written = _comparable(text)
    cells: list[str] = []
    start = index = 0
    while index < len(written):
        name = next((n for n in names if written.startswith(n, index)), None)
        if name is None:
            index += 1
            continue
        if index > start:
            cells.append(text[start:index])
        cells.append(text[index : index + len(name)])
        index += len(name)
        start = index
        if name in whole:
            break
    if start < len(written):
        cells.append(text[start:])
    return cells


def _comparable(text: str) -> str:
    """`text` as labels are compared (NFKC: `（万元）` as `(万元)`), character for character,
    so that a place in it is the same place in `text`; where NFKC would change the length,
    `text` itself."""
    normalized = unicodedata.normalize("NFKC", text)
    return normalized if len(normalized) == len(text) else text


def split_indicator_row(text: str) -> tuple[list[str], bool]:
    """A row of cells run together as its cells: the level names it starts with, the 三级指标
    and the value at its end (the earliest place from which the rest is a value). The flag
    is False when no value was found (the whole rest is taken for the 三级指标)."""
    level1, level2, rest = leading_level_names(text.strip())
    cells = [name for name in (level1, level2) if name]
    for start in range(1, len(rest)):
        tail = rest[start:]
        if VALUE.fullmatch(tail) or QUALITATIVE.fullmatch(tail):
            return [*cells, rest[:start], tail], True
    return ([*cells, rest] if rest else cells), False
