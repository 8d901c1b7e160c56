"""What the rebuilt rows of a pdftotext -layout table are made of: cells, and the source
lines each row was made from."""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.importers.lines import Line

PagedLine = tuple[int, Line]
"""A source line with the index of its page."""


@dataclass
class RebuiltRow:
    cells: list[str]
    parts: set[int] = field(default_factory=set)
    """The source lines the row was made of."""

    def add(self, column: int, text: str) -> None:
        """A wrapped cell's next line: joined with a space, which the template reader
        removes between CJK characters."""
        while column >= len(self.cells):
            self.cells.append("")
        self.cells[column] = f"{self.cells[column]} {text}".strip()
