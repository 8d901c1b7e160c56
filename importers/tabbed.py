"""The tab-separated dump: one table row a line, cells split by tabs (what a PDF viewer's
"copy as text" and several converters give)."""

from __future__ import annotations

from importers.lines import Line
from importers.model import ParsedDocument, SourceInfo
from importers.pages import paged_reading
from importers.report import ImportReport
from importers.template import Overrides, TemplateWalker
from importers.text import label

NAME = "tabbed"
DESCRIPTION = "tab-separated dump: one table row a line, cells split by tabs"

_ROW_LABELS = ("项目编码", "预算规模", "资金支出计划", "绩效目标", "一级指标")


def sniff(text: str) -> float:
    """How sure we are that this text is our layout: the share of the template's row labels
    that start a tab-separated line."""
    found = set()
    for raw in text.split("\n"):
        if "\t" not in raw:
            continue
        first = label(raw.split("\t", 1)[0])
        for row_label in _ROW_LABELS:
            if first.startswith(row_label):
                found.add(row_label)
                if len(found) == len(_ROW_LABELS):
                    return 1.0
    return len(found) / len(_ROW_LABELS)


def split_row(line: Line) -> list[str] | None:
    return line.text.split("\t") if "\t" in line.text else None


def parse(source: SourceInfo, report: ImportReport, overrides: Overrides) -> ParsedDocument:
    # A dump with page breaks (pdftotext's form feeds) has page headers and numbers to leave out.
    reading = paged_reading(source.text.removesuffix("\n")) if "\f" in source.text else None
    return TemplateWalker(source, split_row, report, reading).walk(overrides)
