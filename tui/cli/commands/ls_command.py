"""jixiao ls: the documents in the store."""

from __future__ import annotations

import argparse

from jixiao.i18n import N_, _
from jixiao.tui.cli.commands.common import open_store, store_path
from jixiao.tui.cli.output import message, render
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


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_output_options(parser)


def run(args: argparse.Namespace) -> int:
    from jixiao.importers.money import from_fen
    from jixiao.store import read_documents, stage_word

    path = store_path(args)
    rows = read_documents(path)  # the fast way: sqlite3 alone
    if rows is None:
        open_store(args).dispose()  # create or upgrade it (or say why it cannot be opened)
        rows = read_documents(path) or []
    for row in rows:
        row["budget"] = str(from_fen(row.pop("budget_fen"), "万元"))
        if args.format == "table":  # a person reads it: 草案 in Chinese; JSON and CSV keep the key
            row["stage"] = stage_word(row["stage"])
    if not rows and args.format == "table":
        message(_("the store holds no documents yet; import one with `jixiao import FILE`"))
        return 0
    print(render(rows, args.format, _HEADERS, _RIGHT), end="")
    return 0
