"""Why a text is not one jixiao can read, said so that the user knows what to do: text from
`pdftotext` without `-layout`, and a document's first pages (cover and contents) without
its tables. Asked before a layout is chosen, and when none is."""

from __future__ import annotations

import re

from jixiao.importers.template import TABLE_TITLE
from jixiao.importers.text import label

_CONTENTS_ENTRY = re.compile(r"(?:[.…·．]{2,}|\t|\s{2,})\s*\d{1,4}\s*$")

_LONG_LABELS = ("预算规模及资金用途", "资金支出计划", "指标值确定依据", "绩效指标描述")
"""Labels of the template's cells long enough to wrap in a narrow column."""


def columns_one_after_another(text: str) -> bool:
    """`pdftotext` without `-layout` writes a table's columns one after another, a cell's
    wrapped lines on lines of their own: the template's long labels are found only when
    lines are joined ("预算规模" / "及资金用" / "途"), never whole on one line — which a
    text with its rows kept (tabs, aligned columns, a cell a line) has for most of them."""
    if "\t" in text or text.count("   ") > text.count("\n") // 20:
        return False  # cells split by tabs, or columns aligned with spaces: rows are kept
    lines = [label(line) for line in text.split("\n") if line.strip()]
    joined = "".join(lines)
    broken = [
        name for name in _LONG_LABELS if name in joined and not any(name in line for line in lines)
    ]
    return len(broken) >= 2


def contents_without_tables(text: str) -> int:
    """How many project tables the text's contents list, when it has no table at all (no
    项目编码 row): the cover and contents of a document whose tables were left off."""
    if "项目编码" in label(text):
        return 0
    listed = 0
    for line in text.split("\n"):
        entry = _CONTENTS_ENTRY.search(line)
        if entry and TABLE_TITLE.match(line[: entry.start()].strip()):
            listed += 1
    return listed


def columns_refusal(text: str) -> str | None:
    """The message for `pdftotext` output without `-layout`; None for any other text."""
    if not columns_one_after_another(text):
        return None
    return (
        "this looks like `pdftotext` output without `-layout`: the table's columns come "
        "one after another and its rows cannot be rebuilt. Make the dump with "
        "`pdftotext -layout FILE.pdf FILE.txt`, or import the PDF itself"
    )


def contents_refusal(text: str) -> str | None:
    """The message for a cover and contents without tables; None for any other text. Asked
    only when no layout recognised the text."""
    listed = contents_without_tables(text)
    if not listed:
        return None
    return (
        f"the text has a cover and a table of contents listing {listed} project "
        f"table(s) (…绩效目标表), but none of the tables (no 项目编码 row): is it only the "
        "first pages? Import the whole document"
    )
