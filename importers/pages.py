"""Pages of a dump (form feeds, as pdftotext and jixiao's PDF reader write them) and their
furniture: running headers, footers and page numbers, which repeat on every page and are
not part of the document's content.

A line is furniture only when it is one of the first or last two lines of its page and
either repeats there on many pages (digits aside) or is a page number that counts up with
the pages. Table rows and table titles never are, so a table that continues at the top of
a page is not mistaken for a header.
"""

from __future__ import annotations

import re
from collections import Counter

from jixiao.importers.lines import Line, Reading, number_lines
from jixiao.importers.sniffing import ROW_LABELS
from jixiao.importers.text import label

_PAGE_NUMBER = re.compile(
    r"^[-—–_\s]*(?:第\s*)?(\d{1,4})(?:\s*页)?(?:\s*[/／]\s*(?:共\s*)?\d{1,4}\s*页?)?[-—–_\s]*$"
)
_EDGE_LINES = 2
"""How many lines at the top and at the bottom of a page can be furniture."""


def split_pages(text: str) -> list[list[Line]]:
    """Numbered lines (blank ones included) grouped by page: a form feed starts a page."""
    pages: list[list[Line]] = [[]]
    raw_lines = text.split("\n")
    for line in number_lines(text):
        if "\f" in raw_lines[line.number - 1] and pages[-1]:
            pages.append([])
        pages[-1].append(line)
    return pages


def page_furniture(pages: list[list[Line]]) -> set[int]:
    if len(pages) < 2:
        return set()
    edges = [_edges(page) for page in pages]
    furniture = _page_numbers(edges)
    repeated = Counter(
        (end, _shape(line.text)) for page in edges for end, line in page if _may_repeat(line)
    )
    often = max(3, (len(pages) * 2) // 5)
    for page in edges:
        for end, line in page:
            if _may_repeat(line) and repeated[end, _shape(line.text)] >= often:
                furniture.add(line.number)
    return furniture


def paged_reading(text: str) -> Reading:
    """Every line of the text in order, less the page furniture (which is recorded)."""
    pages = split_pages(text)
    furniture = page_furniture(pages)
    lines = [line for page in pages for line in page if line.number not in furniture]
    return Reading(lines, furniture=furniture)


def _edges(page: list[Line]) -> list[tuple[str, Line]]:
    filled = [line for line in page if line.text.strip()]
    top = filled[:_EDGE_LINES]
    bottom = [line for line in filled[-_EDGE_LINES:] if line not in top]
    return [("top", line) for line in top] + [("bottom", line) for line in bottom]


def _page_numbers(edges: list[list[tuple[str, Line]]]) -> set[int]:
    """Lines that read as a number which counts up with the page: page index + a fixed
    offset (the cover and contents are often not numbered)."""
    candidates: list[tuple[int, Line]] = []
    for index, page in enumerate(edges):
        for _, line in page:
            match = _PAGE_NUMBER.match(line.text)
            if match:
                candidates.append((int(match.group(1)) - index, line))
    if not candidates:
        return set()
    offset, count = Counter(offset for offset, _ in candidates).most_common(1)[0]
    if count < 2:
        return set()
    return {line.number for candidate_offset, line in candidates if candidate_offset == offset}


def _may_repeat(line: Line) -> bool:
    """Whether the line can be a running header or footer. A lone number is judged as a
    page number only (it must count up), never as a repeated line."""
    text = line.text
    if "\t" in text or _PAGE_NUMBER.match(text):
        return False
    first = label(text)
    return not first.startswith(ROW_LABELS) and not first.endswith("绩效目标表")


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", label(text))
