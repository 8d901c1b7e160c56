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
import shutil
import sys
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from jixiao.i18n import N_, _

ROW_FORMATS = ("table", "json", "csv")


TITLES = {
    key: key
    for key in (
        N_("setting"), N_("value"), N_("source"), N_("from"), N_("id"), N_("keys"),
        N_("description"), N_("document"), N_("project"), N_("indicator"), N_("name"),
        N_("grade"), N_("state"), N_("note"), N_("reviewer"), N_("updated_at"), N_("check"),
        N_("result"), N_("checked"), N_("criterion"), N_("code"), N_("severity"),
        N_("message"), N_("status"), N_("match"), N_("score"), N_("a"), N_("b"),
        N_("budget"), N_("changes"),
    )
}  # fmt: skip
"""A table's column title where the command names none: the row's key, in English as it is
(JSON and CSV keep the keys in every language)."""


def render(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    headers: dict[str, str] | None = None,
    right: frozenset[str] = frozenset(),
    *,
    fit: tuple[str, ...] = (),
    width: int | None = None,
) -> str:
    """`headers` maps a row key to its table heading (English, translated here) and picks
    the table's columns; JSON and CSV always carry every key under its own name. Columns
    in `right` (amounts, counts) are right-aligned in the table. Given a `width` (the
    terminal's), the columns in `fit` (long text) are wrapped so that the table fits it."""
    if fmt == "json":
        return json_text(list(rows))
    if fmt == "csv":
        return csv_text(rows)
    columns = list(headers) if headers else (list(rows[0]) if rows else [])
    titles = [_(headers[key]) if headers else _(TITLES.get(key, key)) for key in columns]
    body = [_cells(row, columns) for row in rows]
    align = ["right" if key in right else "left" for key in columns]
    if width is not None and fit:
        wrapped = fitted(titles, body, [key in fit for key in columns], width)
        # A wrapped cell makes its row as many lines high, as tabulate draws it.
        body = [line for row in wrapped for line in _row_lines(row)]
    return simple_table(titles, body, align) + "\n"


def terminal_width() -> int | None:
    """The terminal's columns when stdout is one (a table is then fitted to it), else None:
    piped or written to a file, a row stays one line, for grep."""
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


MIN_FITTED = 12
"""Cells (six CJK characters) below which a column is not narrowed: the table stays wide."""


def fitted(
    titles: list[str], body: list[list[str]], fit: list[bool], width: int
) -> list[list[str]]:
    """The body with the `fit` columns' cells wrapped (Chinese line breaking, by terminal
    cells) so that the table, two spaces between columns, is at most `width` wide; the
    narrowest of them keep their width when it fits their share."""
    natural = [max(_width(title) + 2, *(_width(row[i]) for row in body)) if body
               else _width(title) + 2
               for i, title in enumerate(titles)]  # fmt: skip
    if sum(natural) + 2 * (len(titles) - 1) <= width:
        return body
    room = (
        width - 2 * (len(titles) - 1) - sum(n for n, f in zip(natural, fit, strict=True) if not f)
    )
    widths = dict(enumerate(natural))
    wrapped = sorted((i for i, f in enumerate(fit) if f), key=natural.__getitem__)
    if room < MIN_FITTED * len(wrapped):
        return body
    for left, i in enumerate(wrapped):
        widths[i] = min(natural[i], room // (len(wrapped) - left))
        room -= widths[i]
    from jixiao.tui.linebreak import wrap

    return [[("\n".join(wrap(cell, widths[i])) if fit[i] and _width(cell) > widths[i] else cell)
             for i, cell in enumerate(row)] for row in body]  # fmt: skip


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


def _row_lines(row: list[str]) -> list[list[str]]:
    """A row as the lines it takes: one, unless a cell holds several."""
    if not any("\n" in cell for cell in row):
        return [row]
    cells = [cell.split("\n") for cell in row]
    height = max(len(lines) for lines in cells)
    return [[lines[n] if n < len(lines) else "" for lines in cells] for n in range(height)]


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
