"""jixiao ls: the documents in the store."""

from __future__ import annotations

import argparse

from tui.commands.common import add_format_option, open_store
from tui.output import message, render

SUMMARY = "list the documents in the store"
DESCRIPTION = (
    "One row a document: id, department, year, stage, revision, counts, total budget "
    "(万元) and the file it came from. Name a document in other commands by its id or "
    "as DEPARTMENT:YEAR[:STAGE]."
)

_HEADERS = {
    "id": "id",
    "department": "department",
    "year": "year",
    "stage": "stage",
    "revision": "rev",
    "units": "units",
    "projects": "projects",
    "indicators": "indicators",
    "budget": "budget (万元)",
    "source_filename": "file",
}

_RIGHT = frozenset({"id", "revision", "units", "projects", "indicators", "budget"})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_format_option(parser)


def run(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from importers.money import from_fen
    from store.queries import list_documents

    documents = list_documents(open_store(args))
    rows = []
    for summary in documents:
        row = asdict(summary)
        row["budget"] = str(from_fen(row.pop("budget_fen"), "万元"))
        rows.append(row)
    if not rows and args.format == "table":
        message("the store holds no documents yet; import one with `jixiao import FILE`")
        return 0
    print(render(rows, args.format, _HEADERS, _RIGHT), end="")
    return 0
