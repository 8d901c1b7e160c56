"""Rows out, in the format the user asked for: an aligned table (tabulate, which measures
CJK characters as two columns), JSON or CSV. Data goes to stdout, messages to stderr."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
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
    from tabulate import tabulate

    columns = list(headers) if headers else (list(rows[0]) if rows else [])
    titles = [headers[key] for key in columns] if headers else columns
    body = [[_cell(row.get(key)) for key in columns] for row in rows]
    align = ["right" if key in right else "left" for key in columns]
    table = tabulate(body, headers=titles, tablefmt="simple", disable_numparse=True, colalign=align)
    return table + "\n"


def json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    buffer = io.StringIO()
    keys = list(columns) if columns is not None else (list(rows[0]) if rows else [])
    writer = csv.DictWriter(buffer, fieldnames=keys, lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: _cell(row.get(key)) for key in keys} for row in rows)
    return buffer.getvalue()


def message(text: str) -> None:
    print(text, file=sys.stderr)


def _cell(value: Any) -> str:
    return "" if value is None else str(value)
