"""Write the blocks as a tab-separated dump: a paragraph a line, a table row a line with a
cell for each column of the template's grid (merged cells keep the grid, empty). This is
the reference a rendering of the same blocks must import as."""

from __future__ import annotations

from pathlib import Path

from tests.render.blocks import COLUMNS, Block, PageBreak, Table, Text


def tabbed_text(blocks: list[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Text):
            lines += [block.text, ""]
        elif isinstance(block, Table):
            lines += [*_rows(block), ""]
        elif isinstance(block, PageBreak):
            lines.append("")
    return "\n".join(lines) + "\n"


def render_tabbed(blocks: list[Block], path: Path) -> None:
    path.write_text(tabbed_text(blocks), encoding="utf-8")


def _rows(table: Table) -> list[str]:
    grid = [[""] * COLUMNS for _ in range(table.row_count)]
    for cell in table.cells:
        grid[cell.row][cell.column] = cell.text
    return ["\t".join(row) for row in grid]
