"""The tab-separated dump: one table row a line, cells split by tabs (what a PDF viewer's
"copy as text" and several converters give)."""

from __future__ import annotations

from jixiao.i18n import N_
from jixiao.importers.lines import Line
from jixiao.importers.model import ParsedDocument, SourceInfo
from jixiao.importers.pages import paged_reading
from jixiao.importers.report import ImportReport
from jixiao.importers.sniffing import row_label_share
from jixiao.importers.template import Overrides, TemplateWalker

NAME = "tabbed"
DESCRIPTION = N_("tab-separated dump: one table row a line, cells split by tabs")


def sniff(text: str) -> float:
    """How sure we are that this text is our layout: the share of the template's row labels
    that start a tab-separated line."""
    return row_label_share(raw.split("\t", 1)[0] for raw in text.split("\n") if "\t" in raw)


def split_row(line: Line) -> list[str] | None:
    return line.text.split("\t") if "\t" in line.text else None


def parse(source: SourceInfo, report: ImportReport, overrides: Overrides) -> ParsedDocument:
    # A dump with page breaks (pdftotext's form feeds) has page headers and numbers to leave out.
    reading = paged_reading(source.text.removesuffix("\n")) if "\f" in source.text else None
    return TemplateWalker(source, split_row, report, reading).walk(overrides)
