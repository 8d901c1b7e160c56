"""jixiao projects: every project across the store, filtered and sorted, a page at a time."""

from __future__ import annotations

import argparse
from typing import Any

from jixiao.i18n import N_, _
from jixiao.tui.cli.commands.common import add_store_filter_options
from jixiao.tui.cli.commands.paged import run_paged
from jixiao.tui.cli.output_options import add_output_options

SUMMARY = N_("list projects across all documents, filtered and sorted")
DESCRIPTION = N_(
    "One row a project of every document (the newest revision of each department, year and "
    "stage unless --all-revisions), with its budget and the change from the same project "
    "the year before (paired by code, else by name; empty for a new project). Sort by "
    "budget or change; filter by department, year, stage, unit or text. Prints --limit "
    "rows and, when there are more, the --after cursor of the next page on stderr."
)

SORTS = ("document", "budget", "budget-asc", "change", "change-asc")

_HEADERS = {
    "department": N_("department"),
    "year": N_("year"),
    "unit": N_("unit"),
    "ordinal": N_("no."),
    "name": N_("project"),
    "budget": N_("budget"),
    "change": N_("change"),
    "change_percent": N_("%"),
}
_RIGHT = frozenset({"year", "ordinal", "budget", "change", "change_percent"})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_filter_options(parser)
    parser.add_argument(
        "--sort",
        choices=SORTS,
        default="document",
        help=_(
            "document (import order, default); budget: largest first; budget-asc: smallest "
            "first; change: largest increase first; change-asc: largest cut first (projects with "
            "a year before only)"
        ),
    )
    add_output_options(parser)


def run(args: argparse.Namespace) -> int:
    from jixiao.store import count_projects, project_page

    return run_paged(
        args,
        read_page=project_page,
        count=count_projects,
        to_row=project_row,
        table=(_HEADERS, _RIGHT),
        noun="projects",
    )


def project_row(row: dict[str, Any]) -> dict[str, Any]:
    from jixiao.importers.money import from_fen

    unit = row["money_unit"]
    previous = row["previous_budget_fen"]
    change = row["change_fen"]
    percent = f"{change * 100 / previous:+.1f}" if change is not None and previous else None
    return {
        "document_id": row["document_id"],
        "department": row["department"],
        "year": row["year"],
        "stage": row["stage"],
        "revision": row["revision"],
        "unit": row["unit_code"],
        "unit_name": row["unit_name"],
        "project_id": row["id"],
        "ordinal": row["ordinal"],
        "code": row["code"],
        "name": row["name"],
        "money_unit": unit,
        "budget": str(from_fen(row["budget_fen"], unit)),
        "previous_budget": None if previous is None else str(from_fen(previous, unit)),
        "change": None if change is None else f"{from_fen(change, unit):+}",
        "change_percent": percent,
    }
