"""Rows out, in the format the user asked for: an aligned table (tabulate, which measures
CJK characters as two columns), JSON or CSV. Data goes to stdout, messages to stderr.

Document text is untrusted (importers/controls.py): everything written here passes through
`visible` (tables, messages, `say`), JSON through `json_safe` (JSON's own escapes, so it
stays valid and decodes to the stored text) and CSV cells through store/spreadsheet.py
(escapes, and no formulas). Those are imported where used: `jixiao --help` loads this
module, and importing any importers module loads the whole importers package; so are json,
csv and shutil, which `jixiao ls` does not need."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import chain, islice, repeat
from operator import add, sub
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
    keys = list(headers) if headers else (list(rows[0]) if rows else [])
    columns = {key: [row.get(key) for row in rows] for key in keys}
    return "\n".join(table(columns, headers, right, fit=fit, width=width)) + "\n"


def table(
    columns: dict[str, Sequence[Any]],
    headers: dict[str, str] | None = None,
    right: frozenset[str] = frozenset(),
    *,
    fit: tuple[str, ...] = (),
    width: int | None = None,
) -> Iterator[str]:
    """`render`'s table, a line at a time (`write_lines` writes them), of rows held column
    by column: each key's values, one a row (None is an empty cell), in the order of the
    table's columns. `jixiao ls` reads its ten thousand documents this way, as tuples, and
    never makes a dict a row."""
    titles = [_(headers[key]) if headers else _(TITLES.get(key, key)) for key in columns]
    cells = [_texts(values) for values in columns.values()]
    align = ["right" if key in right else "left" for key in columns]
    if width is not None and fit:
        rows = [list(map(str, row)) for row in zip(*cells, strict=True)]
        wrapped = fitted(titles, rows, [key in fit for key in columns], width)
        # A wrapped cell makes its row as many lines high, as tabulate draws it.
        lines = [line for row in wrapped for line in _row_lines(row)]
        cells = [list(column) for column in zip(*lines, strict=True)] or [[] for _title in titles]
    return table_lines(titles, cells, align)


def write_lines(lines: Iterable[str]) -> None:
    """Each line and a newline on stdout, a thousand lines at a time: the ten thousand rows
    of `jixiao ls` never become one text of megabytes (and its bytes, and the memory the
    system must hand over for them, a page fault a page)."""
    lines = iter(lines)
    while block := list(islice(lines, 1000)):
        sys.stdout.write("\n".join(block) + "\n")


def terminal_width() -> int | None:
    """The terminal's columns when stdout is one (a table is then fitted to it), else None:
    piped or written to a file, a row stays one line, for grep."""
    import shutil

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


def table_lines(
    titles: list[str], columns: list[Sequence[str | int]], align: list[str]
) -> Iterator[str]:
    """The lines of what tabulate's "simple" format draws (tests/test_cli.py holds every
    command's table to tabulate's), at a fraction of the cost — importing tabulate alone takes
    ≈ 28 ms (it loads importlib.metadata), a third of what `jixiao show` may take in all, and
    its per-cell work half a second for the ten thousand rows of `jixiao ls` on a province's
    store. Each column as wide as its widest cell or its title plus two, two spaces between,
    a row of dashes under the titles, no spaces at the ends of lines; widths in terminal
    columns (CJK counts two).

    The cells come column by column (`columns[i]` under `titles[i]`), a column all text or all
    integers (drawn as `str` writes them). Each column is measured in one pass (a text that
    repeats, such as a department, once); each row is written by one `%` of a format made for
    the table, when the line is taken: no Python code runs for a cell."""
    if not titles:
        return iter(["", ""])  # a title line and a rule, both empty
    if not columns[0]:
        align = ["left"] * len(titles)  # as tabulate: no rows, no alignment
    heads, rules, formats, cells = [], [], [], []
    for title, column, side in zip(titles, columns, align, strict=True):
        at_right = side == "right"
        title_width = _width(title)
        width, form, drawn = _column_format(column, title_width + 2, at_right)
        heads.append(_padded(title, width - title_width, at_right))
        rules.append("-" * width)
        formats.append(form)
        cells.append(drawn)
    body = map("  ".join(formats).__mod__, zip(*cells, strict=True))
    return map(str.rstrip, chain(["  ".join(heads), "  ".join(rules)], body))


def _column_format(
    column: Sequence[str | int], least: int, at_right: bool
) -> tuple[int, str, Sequence[str | int]]:
    """The column's width (`least` at least: its title's and two), the `%` format of its cells
    and the cells that format takes."""
    side = "" if at_right else "-"
    if column and set(map(type, column)) == {int}:  # counts and ids: measured by their ends
        width = max(least, len(str(max(column))), len(str(min(column))))
        return width, f"%{side}{width}d", column
    if "".join(column).isascii():  # text: its length is its width
        width = max(least, max(map(len, column), default=0))
        return width, f"%{side}{width}s", column
    # Wide characters: % pads by characters, not by columns, so the cells are padded here.
    distinct = set(column)
    plain = re.compile(_ASCII_AND_WIDE).fullmatch  # compiled once (re's cache)
    if len(distinct) * 4 > len(column) and all(map(plain, column)):
        return _plain_column(column, least, at_right)
    # A text that repeats (a department on each of its documents) measured and padded once.
    sizes = {cell: _width(cell) for cell in distinct}
    width = max(least, *sizes.values())
    pads = {cell: _padded(cell, width - size, at_right) for cell, size in sizes.items()}
    return width, "%s", list(map(pads.__getitem__, column))


def _plain_column(column: Sequence[str], least: int, at_right: bool) -> tuple[int, str, list[str]]:
    """A column of mostly distinct texts (file names) in printable ASCII and wide characters
    only, measured and padded by `map` (a third of the time of one measure a text on ten
    thousand of them): a cell is as wide as its length and its wide characters, and padded to
    the table's width less them."""
    lengths = list(map(len, column))
    narrow = map(len, map(str.encode, column, repeat("ascii"), repeat("ignore")))
    wide = list(map(sub, lengths, narrow))
    width = max(least, *map(add, lengths, wide))
    pad = str.rjust if at_right else str.ljust
    return width, "%s", list(map(pad, column, map(sub, repeat(width), wide)))


def _padded(text: str, spaces: int, at_right: bool) -> str:
    return " " * spaces + text if at_right else text + " " * spaces


def _row_lines(row: list[str]) -> list[list[str]]:
    """A row as the lines it takes: one, unless a cell holds several."""
    if not any("\n" in cell for cell in row):
        return [row]
    cells = [cell.split("\n") for cell in row]
    height = max(len(lines) for lines in cells)
    return [[lines[n] if n < len(lines) else "" for lines in cells] for n in range(height)]


_ASCII_AND_WIDE = (
    "[ -~\u3000-\u3029\u3030-\u303e\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uffe0-\uffe6]*"
)
"""Printable ASCII and the wide characters Chinese is written in: the ideographs (CJK Unified
and Extension A), the CJK symbols and punctuation (、。「」〔〕, not the tone marks
U+302A–U+302F, which take no column) and the full-width forms (（）：，％ ￥). wcwidth
gives each of them two columns (tests/test_cli.py `TestTables` checks every one)."""


@lru_cache(maxsize=65536)
def _width(text: str) -> int:
    """The text's width in terminal columns, as wcwidth's `wcswidth` measures it (its length
    where wcwidth says it cannot be shown). Plain Chinese is measured without wcwidth, whose
    import alone takes ≈ 15 ms, more than drawing the ten thousand rows of `jixiao ls`."""
    if text.isascii():
        return len(text)
    if re.fullmatch(_ASCII_AND_WIDE, text):  # compiled once, on first use (re's cache)
        return 2 * len(text) - len(text.encode("ascii", "ignore"))  # two a wide character
    from wcwidth import wcswidth

    width = wcswidth(text)
    return width if width >= 0 else len(text)


def json_text(data: Any) -> str:
    import json

    from jixiao.importers.controls import json_safe

    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    import csv
    import io

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


def _texts(values: Sequence[Any]) -> Sequence[str | int]:
    """A column's cells as text (None is empty), escaped where they hold control characters:
    one search a column rather than one a cell (`ls` draws a hundred thousand cells on a
    province's store), and `str` run by `map` where the column holds no None. A column of
    integers is left as it is, for table_lines."""
    from jixiao.importers.controls import has_controls, visible

    kinds = set(map(type, values))
    if kinds == {int}:
        return values  # drawn by table_lines from the numbers; they hold no control character
    if kinds <= {str}:
        texts = values
    elif type(None) in kinds:
        texts = ["" if value is None else str(value) for value in values]
    else:
        texts = list(map(str, values))
    return list(map(visible, texts)) if has_controls("".join(texts)) else texts
