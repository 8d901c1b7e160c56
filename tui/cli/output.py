"""Rows out, in the format the user asked for: an aligned table (tabulate, which measures
CJK characters as two columns), JSON or CSV. Data goes to stdout, messages to stderr.

Document text is untrusted (importers/controls.py): everything written here passes through
`visible` (tables, messages, `say`), JSON through `json_safe` (JSON's own escapes, so it
stays valid and decodes to the stored text) and CSV cells through store/spreadsheet.py
(escapes, and no formulas). Those are imported where used: `jixiao --help` loads this
module, and importing any importers module loads the whole importers package."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

ROW_FORMATS = ("table", "json", "csv")


def render(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    headers: dict[str, str] | None = None,
    right: frozenset[str] = frozenset(),
) -> str:
    """`headers` maps a row key to its table heading and picks the table's columns; JSON
    and CSV always carry every key under its own name. Columns in `right` (amounts,
    counts) are right-aligned in the table."""
    if fmt == "json":
        return json_text(list(rows))
    if fmt == "csv":
        return csv_text(rows)
    columns = list(headers) if headers else (list(rows[0]) if rows else [])
    titles = [headers[key] for key in columns] if headers else columns
    body = [_cells(row, columns) for row in rows]
    align = ["right" if key in right else "left" for key in columns]
    return simple_table(titles, body, align) + "\n"


def simple_table(titles: list[str], body: list[list[str]], align: list[str]) -> str:
    """What tabulate's "simple" format draws (tests/test_cli.py holds every command's table to
    tabulate's), at a fraction of the cost — importing tabulate alone takes ≈ 28 ms (it loads
    importlib.metadata), a third of what `jixiao show` may take in all, and its per-cell work
    half a second for the ten thousand rows of `jixiao ls` on a province's store. Each column
    as wide as its widest cell or its title plus two, two spaces between, a row of dashes
    under the titles, no spaces at the ends of lines; widths in terminal columns (CJK counts
    two)."""
    sizes = [[_width(cell) for cell in row] for row in [titles, *body]]  # measured once
    widths = [
        max(sizes[0][i] + 2, *(row[i] for row in sizes[1:])) if body else sizes[0][i] + 2
        for i in range(len(titles))
    ]
    if not body:
        align = ["left"] * len(titles)  # as tabulate: no rows, no alignment
    right = [side == "right" for side in align]

    def line(cells: list[str], size: list[int]) -> str:
        padded = [
            " " * (width - n) + cell if at_right else cell + " " * (width - n)
            for cell, n, width, at_right in zip(cells, size, widths, right, strict=True)
        ]
        return "  ".join(padded).rstrip()

    rows = [line(cells, size) for cells, size in zip([titles, *body], sizes, strict=True)]
    return "\n".join([rows[0], "  ".join("-" * w for w in widths), *rows[1:]])


@lru_cache(maxsize=65536)
def _width(text: str) -> int:
    if text.isascii():
        return len(text)
    from wcwidth import wcswidth

    width = wcswidth(text)
    return width if width >= 0 else len(text)


def json_text(data: Any) -> str:
    from jixiao.importers.controls import json_safe

    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    from jixiao.store import safe_cell

    buffer = io.StringIO()
    keys = list(columns) if columns is not None else (list(rows[0]) if rows else [])
    writer = csv.DictWriter(buffer, fieldnames=keys, lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: safe_cell(row.get(key)) for key in keys} for row in rows)
    return buffer.getvalue()


def message(text: str) -> None:
    """A line for the user on stderr; document text in it is shown escaped."""
    from jixiao.importers.controls import visible

    print(visible(text), file=sys.stderr)


def say(text: str = "") -> None:
    """A line on stdout, document text in it shown escaped: what `print` is for a command
    whose output holds document text (show, compare, import's report)."""
    from jixiao.importers.controls import visible

    print(visible(text))


def _cells(row: dict[str, Any], columns: list[str]) -> list[str]:
    """A table row's cells as text, escaped where they hold control characters (one search
    a row rather than one a cell: `ls` draws a hundred thousand cells on a province's store)."""
    from jixiao.importers.controls import has_controls, visible

    cells = ["" if (value := row.get(key)) is None else str(value) for key in columns]
    return [visible(cell) for cell in cells] if has_controls("".join(cells)) else cells

