"""Why a text is not one jixiao can read, said so that the user knows what to do: text from
`pdftotext` without `-layout`, a table that is not one of targets (an evaluation, a
self-evaluation), and a document's first pages (cover and contents) without its tables.
Asked before a layout is chosen, and when none is."""

from __future__ import annotations

import re

from jixiao.i18n import _
from jixiao.importers.sniffing import hebei_template, reduced_head
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
    项目编码 row, no indicator header): the cover and contents of a document whose tables
    were left off."""
    written = label(text)
    if "项目编码" in written or "一级指标" in written:
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
    return _(
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
    return _(
        "the contents list {listed} tables; none is in this file (a cover and a table of "
        "contents listing {listed} project table(s) (…绩效目标表), but no 项目编码 row and "
        "no indicator table): is it only the first pages? Import the whole document"
    ).format(listed=listed)


_SELF_EVALUATION_TITLE = re.compile(r"绩效自评(?:表|报告)")
_EVALUATION_TITLE = re.compile(r"绩效评价(?:指标)?(?:体系)?表")


def not_targets_refusal(text: str) -> str | None:
    """The message for a table of another kind than targets: a self-evaluation (绩效自评表:
    实际完成值, 得分, 偏差原因) or an evaluation (绩效评价指标表: 分值, 得分). Told by its
    title, or by its columns; None for any other text. Hebei's template is never one."""
    if hebei_template(text):
        return None
    written = reduced_head(text)
    scored = "得分" in written
    if _SELF_EVALUATION_TITLE.search(written) or (
        scored and "实际完成值" in written and "偏差原因" in written
    ):
        return _(
            "this is a self-evaluation table (绩效自评表: 实际完成值, 得分, 偏差原因 after the "
            "year), not a table of performance targets; jixiao reads targets (…绩效目标表)"
        )
    if _EVALUATION_TITLE.search(written) or (scored and "分值" in written):
        return _(
            "this is an evaluation table (绩效评价指标表: 分值 and 得分 for a finished "
            "project), not a table of performance targets; jixiao reads targets (…绩效目标表)"
        )
    return None
