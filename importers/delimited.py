"""A spreadsheet's text export: comma-separated (CSV, in UTF-8 or GB18030, as Excel, WPS
and Calc write it) or tab-separated with quoted cells (Excel's "Text" and "Unicode text",
the latter UTF-16 with a BOM, which importers/decode.py reads). Parsed with the csv module:
a cell that holds a line break, the delimiter or a quote is quoted ("…"), its quotes
doubled, and may run over several lines.

Each record becomes a row of the tab-separated dump (importers/grid.py: a row whose only
text is in its first cell is a line of text) carrying the number of its first line, and
lists every line it spans, so that all of them count as used. The store keeps the file's
own text as the source: line numbers are the file's, as an editor shows them.

How it is told from a plain tab-separated dump (the `tabbed` layout), which has no quoting
and may hold a cell that starts with `"`: a tab-separated text is claimed only when it
proves its quoting — it parses as CSV without a fault and some cell needed the quotes (it
holds a line break or a tab, or a doubled quote `""`). Then this reader scores the same as
`tabbed` (the share of the template's row labels starting a record) and, being listed
first, wins the tie (importers/layouts.py). A comma-separated text has no rival: `tabbed`
needs tabs, `spaced` runs of spaces.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator

from jixiao.i18n import N_, _
from jixiao.importers import tabbed
from jixiao.importers.grid import cell_text, grid_line
from jixiao.importers.lines import Line, Reading, source_lines
from jixiao.importers.model import ParsedDocument, SourceInfo
from jixiao.importers.report import ImportFault, ImportReport
from jixiao.importers.sniffing import ROW_LABELS, row_label_share
from jixiao.importers.template import Overrides, TemplateWalker
from jixiao.importers.text import label

NAME = "csv"
DESCRIPTION = N_(
    "a spreadsheet's text export: comma- or tab-separated cells, quoted where they hold "
    "line breaks (CSV; Excel's Text and Unicode text)"
)

_LABEL_THEN_COMMA = re.compile(
    r'^"?\s*(项目编码|预算规模|资金支出计划|绩效目标|一级指标)[^\t\n,]*,', re.MULTILINE
)
"""A line that starts with a row label and goes on with a comma before any tab."""
_QUOTED_CELL = re.compile('(?:^|\t)"', re.MULTILINE)
"""A cell that starts with a quote: a tab-separated text without one has no quoting."""


class _NotDelimited(Exception):
    """The text does not parse as CSV with this delimiter."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message


def sniff(text: str) -> float:
    """The share of the template's row labels that start a record (its first cell, in a
    record of two cells or more); for tabs, only when the text proves its quoting (see the
    module's docstring). A quick look first, so that a plain dump costs next to nothing."""
    best = 0.0
    for delimiter, worth_parsing, needed in (
        (",", _LABEL_THEN_COMMA, ","),
        ("\t", _QUOTED_CELL, '\t"'),
    ):
        # Characters the pattern needs: `in` rules them out ten times faster than a search.
        if any(c not in text for c in needed) or not worth_parsing.search(text):
            continue
        try:
            records = list(_records(text, delimiter))
        except _NotDelimited:
            if delimiter == ",":
                # A broken CSV is still a CSV: claimed by its lines, so that parse says
                # where it breaks (FILE:LINE) rather than no layout fitting it.
                found = {match.group(1) for match in _LABEL_THEN_COMMA.finditer(text)}
                best = max(best, len(found) / len(ROW_LABELS))
            continue
        if delimiter == "\t":
            lines = text.split("\n")
            if not any(_quoted(lines, record, delimiter) for record in records):
                continue
        best = max(best, _label_share(records))
    return best


def parse(source: SourceInfo, report: ImportReport, overrides: Overrides) -> ParsedDocument:
    text = source.text.removesuffix("\n")
    delimiter = _delimiter(text)
    try:
        records = list(_records(text, delimiter))
    except _NotDelimited as fault:
        raise ImportFault(source.filename, fault.line, fault.message) from None
    raw = source_lines(text)
    lines: list[Line] = []
    parts: dict[int, tuple[int, ...]] = {}
    blank: list[int] = []
    for first, last, cells in records:
        # Trimmed at the end as number_lines trims a dump's lines (a row's trailing empty
        # cells go with it, as in any tab-separated dump).
        row = grid_line([cell_text(cell) for cell in cells]).rstrip()
        lines.append(Line(first, row))
        if not row:
            blank.extend(range(first, last + 1))
        elif last > first:
            spanned = (first, *(n for n in range(first + 1, last + 1) if raw[n - 1].strip()))
            parts[first] = spanned
    # A record of empty cells (`,,,,,,`, a spreadsheet's empty row) is a blank line: the
    # walker counts blank lines from the text it is given, so it is given the file's text
    # with those lines emptied; the document keeps the file's own text as its source.
    for number in blank:
        raw[number - 1] = ""
    walked = SourceInfo(
        filename=source.filename,
        sha256=source.sha256,
        format=source.format,
        encoding=source.encoding,
        text="\n".join(raw),
    )
    document = TemplateWalker(walked, tabbed.split_row, report, Reading(lines, parts)).walk(
        overrides
    )
    document.source = source
    return document


def _records(text: str, delimiter: str) -> Iterator[tuple[int, int, list[str]]]:
    """(first line, last line, cells) of each record, strictly parsed: a quote that
    closes a cell must be followed by the delimiter or the line's end."""
    lines = text.split("\n")
    reader = csv.reader(
        (line + "\n" for line in lines), delimiter=delimiter, quotechar='"', strict=True
    )
    last = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _NotDelimited(*_fault(lines, last + 1, reader.line_num, error)) from None
        first, last = last + 1, reader.line_num
        yield first, last, cells


def _fault(lines: list[str], first: int, current: int, error: csv.Error) -> tuple[int, str]:
    said = str(error)
    if "unexpected end of data" in said or "field larger than field limit" in said:
        return first, _(
            'a quoted cell (starting with ") opens on this line and is never closed; a '
            'quote inside a quoted cell is written twice ("")'
        )
    shown = lines[current - 1] if 0 < current <= len(lines) else ""
    shown = shown if len(shown) <= 60 else shown[:57] + "…"
    if "expected after" not in said:
        return current, _("this line cannot be read as CSV ({error}): {line!r}").format(
            error=said, line=shown
        )
    return current, _(
        "a quoted cell is closed by a quote that neither the delimiter nor the line's end "
        'follows ({line!r}); a quote inside a quoted cell is written twice ("")'
    ).format(line=shown)


def _quoted(lines: list[str], record: tuple[int, int, list[str]], delimiter: str) -> bool:
    """Whether the record proves CSV quoting: a cell needed its quotes (it holds a line
    break or a tab), or a quoted cell holds a quote, doubled in the file. (An unquoted
    cell may hold a quote after its first character, as a plain dump's may: that cell
    reads the same split at the delimiter, so it proves nothing.)"""
    first, last, cells = record
    if any("\n" in cell or "\t" in cell for cell in cells):
        return True
    return (
        first == last
        and any('"' in cell for cell in cells)
        and lines[first - 1].split(delimiter) != cells
    )


def _label_share(records: list[tuple[int, int, list[str]]]) -> float:
    return row_label_share(cells[0] for _, _, cells in records if len(cells) >= 2)


def _votes(text: str, delimiter: str) -> int:
    """How many lines start with a row label followed by this delimiter (before any other
    delimiter): a quick look, before parsing the text."""
    votes = 0
    other = "\t" if delimiter == "," else ","
    for raw in text.split("\n"):
        at = raw.find(delimiter)
        if at < 0:
            continue
        before = raw.find(other, 0, at)
        if before >= 0:
            continue
        first = label(raw[:at].lstrip('"'))
        if first.startswith(ROW_LABELS):
            votes += 1
    return votes


def _delimiter(text: str) -> str:
    """The delimiter whose rows start with the template's labels the more often; a tab on
    a tie when the text has tabs (a tab never stands inside a cell unquoted)."""
    commas, tabs = _votes(text, ","), _votes(text, "\t")
    if commas != tabs:
        return "," if commas > tabs else "\t"
    return "\t" if "\t" in text else ","
