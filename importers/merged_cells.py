"""The merged ranges of a workbook's sheets, read from the package's XML, so that the cells
a merged cell covers read as empty — as in the dumps of a PDF or a .docx, and as Excel and
WPS show them (a file written by a program may still hold the merged value, or another,
in the covered cells).

openpyxl's read-only mode, which importers/sheet.py uses for speed, does not give the
merged ranges; its full load does, but spends most of its time styling their borders.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from xml.etree import ElementTree

_WORKBOOK = "xl/workbook.xml"
_WORKBOOK_RELATIONS = "xl/_rels/workbook.xml.rels"
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')
_ROWS_INDEXED = 10_000
"""A range over more rows than this is checked cell by cell, not indexed by row."""

Range = tuple[int, int, int, int]
"""(first row, first column, last row, last column), 1-based."""


class CoveredCells:
    """The cells merged ranges cover, less each range's top-left cell (which holds the
    value)."""

    def __init__(self, ranges: list[Range] | None = None) -> None:
        self._by_row: dict[int, list[Range]] = {}
        self._tall: list[Range] = []
        for merged in ranges or ():
            first_row, _, last_row, _ = merged
            if last_row - first_row >= _ROWS_INDEXED:
                self._tall.append(merged)
                continue
            for row in range(first_row, last_row + 1):
                self._by_row.setdefault(row, []).append(merged)

    def __contains__(self, cell: tuple[int, int]) -> bool:
        row, column = cell
        for first_row, first_column, last_row, last_column in (
            *self._by_row.get(row, ()),
            *self._tall,
        ):
            if (
                first_row <= row <= last_row
                and first_column <= column <= last_column
                and (row, column) != (first_row, first_column)
            ):
                return True
        return False


def merged_ranges(archive: zipfile.ZipFile) -> dict[str, CoveredCells]:
    """Each worksheet's covered cells, by sheet name. A package whose parts cannot be
    found has none (openpyxl then says what is wrong with it)."""
    names = set(archive.namelist())
    if _WORKBOOK not in names or _WORKBOOK_RELATIONS not in names:
        return {}
    targets = {
        element.get("Id"): element.get("Target", "")
        for element in ElementTree.fromstring(archive.read(_WORKBOOK_RELATIONS))
        if _local(element.tag) == "Relationship"
    }
    covered: dict[str, CoveredCells] = {}
    for element in ElementTree.fromstring(archive.read(_WORKBOOK)).iter():
        if _local(element.tag) != "sheet":
            continue
        relation = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
        target = targets.get(relation)
        if not target:
            continue
        part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        part = posixpath.normpath(part)
        if part in names:
            covered[element.get("name", "")] = CoveredCells(_ranges(archive.read(part)))
    return covered


def _ranges(xml: bytes) -> list[Range]:
    return [
        (int(top), _column(left), int(bottom), _column(right))
        for left, top, right, bottom in _MERGE.findall(xml)
    ]


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
