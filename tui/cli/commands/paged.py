"""What the store-wide listings (projects, indicators) share: read pages from SQL, print
them in the format asked for, and say where the next page starts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from jixiao.i18n import _, pgettext
from jixiao.tui.cli.commands.common import cursor_text, parse_cursor, read_store, store_filter
from jixiao.tui.cli.output import csv_text, json_text, message, render

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from jixiao.store import Cursor, Page, StoreFilter

PageReader = Callable[["Engine", "StoreFilter", str, "Cursor | None", int], "Page"]
Counter = Callable[["Engine", "StoreFilter"], int]

_BATCH = 1000
"""Rows read a query at a time when more than a page is asked for."""


def run_paged(
    args: argparse.Namespace,
    *,
    read_page: PageReader,
    count: Counter,
    to_row: Callable[[dict[str, Any]], dict[str, Any]],
    table: tuple[dict[str, str], frozenset[str]],
    noun: str,
) -> int:
    engine = read_store(args)
    where = store_filter(args)
    after = parse_cursor(args.after)
    wanted = args.limit or None
    rows: list[dict[str, Any]] = []
    written = 0
    if args.format == "json":
        sys.stdout.write("[")
    while True:
        size = _BATCH if wanted is None else min(_BATCH, wanted - written)
        page = read_page(engine, where, args.sort, after, size)
        converted = [to_row(row) for row in page.rows]
        if args.format == "json":
            for row in converted:
                sys.stdout.write(("," if written else "") + "\n" + json_text(row).rstrip("\n"))
                written += 1
        elif args.format == "csv":
            if converted:
                text = csv_text(converted)
                sys.stdout.write(text if not written else text.split("\n", 1)[1])  # one header
            written += len(converted)
        else:
            rows.extend(converted)
            written += len(converted)
        after = page.next
        if after is None or (wanted is not None and written >= wanted):
            break
    if args.format == "json":
        sys.stdout.write("\n]\n" if written else "]\n")
    elif args.format == "table":
        if rows:
            headers, right = table
            sys.stdout.write(render(rows, "table", headers, right))
        else:
            message(_("no {noun} match").format(noun=_listed(noun)))
    sys.stdout.flush()  # the data before the note on stderr, when both go to a terminal
    if after is not None:
        total = count(engine, where)
        message(
            _("{written:,} of {total:,} {noun} shown; the next page: --after {cursor_text}").format(
                written=written, total=total, noun=_listed(noun), cursor_text=cursor_text(after)
            )
        )
    return 0


def _listed(noun: str) -> str:
    """What a page lists, in the chosen language ("projects" is also a column's title)."""
    words = {
        "projects": pgettext("listed", "projects"),
        "indicators": pgettext("listed", "indicators"),
    }
    return words.get(noun, noun)
