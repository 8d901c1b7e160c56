"""Numbered source lines, and a record of which ones the parser used."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count
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


def source_lines(text: str) -> list[str]:
    """The text's lines as an editor numbers them. A form feed (pdftotext's page break) is
    shown by editors at the start of the next page's first line, not as a line of its own."""
    if "\f" in text:
        text = text.replace("\f", "")
    return text.split("\n")


def number_lines(text: str) -> list[Line]:
    return list(map(Line, count(1), map(str.rstrip, source_lines(text))))


@dataclass
class Reading:
    """What a layout hands the template walker: the lines to read, in order."""

    lines: list[Line]
    parts: dict[int, tuple[int, ...]] = field(default_factory=dict)
    """For a line rebuilt from several source lines (a table row whose cells wrapped): its
    number → every source line it was made of. It carries the first one's number."""
    furniture: set[int] = field(default_factory=set)
    """Source lines that are page headers, footers and page numbers: taken as such, so
    neither read as content nor reported as not understood."""

    def last_line(self, number: int) -> int:
        return max(self.parts.get(number, (number,)))


class UsedLines:
    """Every non-blank line must end up here or in the report: this is how the importer
    proves that nothing was silently dropped."""

    def __init__(self) -> None:
        self._numbers: set[int] = set()

    def take(self, *lines: Line) -> None:
        for line in lines:
            self._numbers.add(line.number)

    def __contains__(self, line: Line) -> bool:
        return line.number in self._numbers

    def __len__(self) -> int:
        return len(self._numbers)

    def through(self, parts: dict[int, tuple[int, ...]]) -> set[int]:
        """The source lines used: each used line and, for a rebuilt one, its parts."""
        if not parts:
            return self._numbers
        numbers = set(self._numbers)
        for number in self._numbers:
            numbers.update(parts.get(number, ()))
        return numbers
