"""How sure a text layout is that a text is its own: the share of the template's row labels
found at the start of its rows."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from jixiao.importers.text import label, reduced

ROW_LABELS = ("项目编码", "预算规模", "资金支出计划", "绩效目标", "一级指标")
"""The first cells of a project table's rows (绩效目标 and 一级指标 start the goals and the
indicator header), as far as a wrapped label still shows them."""


HEAD = 200_000
"""How much of a text the looks at a whole text (a province's markers, the refusals) read."""

HEBEI_NAMES = ("项目编码", "预算规模")
"""Rows only Hebei's template has: a text with both is not another province's table, nor a
table of another kind than targets."""


@lru_cache(maxsize=1)  # a province's sniffing and the refusals ask of the same text
def reduced_head(text: str) -> str:
    """The text's first HEAD characters reduced as labels are (NFKC, no whitespace)."""
    return reduced(text[:HEAD])


def hebei_template(text: str) -> bool:
    """Whether the text has Hebei's rows (HEBEI_NAMES). Found as written first: reducing
    the text keeps a name written whole, and costs 2 ms a document of the sample's size."""
    head = text[:HEAD]
    return all(name in head for name in HEBEI_NAMES) or all(
        name in reduced_head(text) for name in HEBEI_NAMES
    )


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
