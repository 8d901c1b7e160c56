"""jixiao ls: the documents in the store."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from jixiao.i18n import N_, _
from jixiao.tui.cli.commands.common import open_store, store_path
from jixiao.tui.cli.output import message, render, table, write_lines
from jixiao.tui.cli.output_options import add_output_options

SUMMARY = N_("list the documents in the store")
DESCRIPTION = N_(
    "One row a document: id, department, year, stage, revision, counts, total budget "
    "(万元) and the file it came from. Name a document in other commands by its id or "
    "as DEPARTMENT:YEAR[:STAGE]."
)

_HEADERS = {
    "id": N_("id"),
    "department": N_("department"),
    "year": N_("year"),
    "stage": N_("stage"),
    "revision": N_("rev"),
    "units": N_("units"),
    "projects": N_("projects"),
    "indicators": N_("indicators"),
    "budget": N_("budget (万元)"),
    "source_filename": N_("file"),
}

_RIGHT = frozenset({"id", "revision", "units", "projects", "indicators", "budget"})
_STORED_AS = {"budget": "budget_fen"}
"""The store's name for a column whose table shows it otherwise: the budget, in 万元."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_output_options(parser)


def run(args: argparse.Namespace) -> int:
    from jixiao.importers.money import fen_text
    from jixiao.store import read_documents, read_listing, stage_word

    path = store_path(args)
    if args.format != "table":
        rows = _read(args, lambda: read_documents(path))
        for row in rows:
            row["budget"] = fen_text(row.pop("budget_fen"), "万元")
        print(render(rows, args.format), end="")
        return 0
    # The table reads only the columns it shows, as tuples, and draws them column by column:
    # a province's ten thousand documents make no dict, and only their budgets are written
    # one at a time.
    fields = [_STORED_AS.get(key, key) for key in _HEADERS]
    documents = _read(args, lambda: read_listing(path, fields))
    if not documents:
        message(_("the store holds no documents yet; import one with `jixiao import FILE`"))
        return 0
    columns = dict(zip(_HEADERS, zip(*documents, strict=True), strict=True))
    del documents  # its ten thousand tuples: memory the drawing reuses (fewer page faults)
    columns["budget"] = [fen_text(fen, "万元") for fen in columns["budget"]]
    # a person reads the table: 草案 in Chinese; JSON and CSV keep the key
    words = {stage: stage_word(stage) for stage in set(columns["stage"])}
    columns["stage"] = [words[stage] for stage in columns["stage"]]
    write_lines(table(columns, _HEADERS, _RIGHT))
    return 0


def _read(args: argparse.Namespace, read: Callable[[], list[Any] | None]) -> list[Any]:
    """What `read` reads with sqlite3 alone, the fast way; when the store is missing or at an
    older schema version, it is created or upgraded first (or refused, saying why)."""
    rows = read()
    if rows is None:
        open_store(args).dispose()
        rows = read() or []
    return rows
