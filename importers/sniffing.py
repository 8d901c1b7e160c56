"""How sure a text layout is that a text is its own: the share of the template's row labels
found at the start of its rows."""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.importers.text import label

ROW_LABELS = ("项目编码", "预算规模", "资金支出计划", "绩效目标", "一级指标")
"""The first cells of a project table's rows (绩效目标 and 一级指标 start the goals and the
indicator header), as far as a wrapped label still shows them."""


def row_label_share(first_cells: Iterable[str], labels: tuple[str, ...] = ROW_LABELS) -> float:
    """The share of `labels` that some first cell starts with (compared as labels: NFKC,
    no whitespace); stops looking once all are found."""
    found: set[str] = set()
    for cell in first_cells:
        first = label(cell)
        for row_label in labels:
            if first.startswith(row_label):
                found.add(row_label)
                if len(found) == len(labels):
                    return 1.0
    return len(found) / len(labels)
