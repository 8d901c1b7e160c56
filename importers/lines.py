"""Numbered source lines, and a record of which ones the parser used."""

from __future__ import annotations

from typing import NamedTuple

# NamedTuples rather than frozen dataclasses: a document makes a thousand of each, and a
# frozen dataclass is several times slower to create.


class Line(NamedTuple):
    number: int
    """1-based, as an editor shows it."""
    text: str


class Row(NamedTuple):
    """A table row: the cells of one source line, wrap artefacts already removed."""

    line: Line
    cells: list[str]

    def cell(self, index: int) -> str:
        return self.cells[index] if index < len(self.cells) else ""

    @property
    def is_empty(self) -> bool:
        return not any(self.cells)


def number_lines(text: str) -> list[Line]:
    return [Line(number, raw.rstrip()) for number, raw in enumerate(text.split("\n"), start=1)]


class UsedLines:
    """Every non-blank line must end up here or in the report: this is how the importer
    proves that nothing was silently dropped."""

    def __init__(self) -> None:
        self._numbers: set[int] = set()

    def take(self, *lines: Line) -> None:
        self._numbers.update(line.number for line in lines)

    def __contains__(self, line: Line) -> bool:
        return line.number in self._numbers

    def __len__(self) -> int:
        return len(self._numbers)
