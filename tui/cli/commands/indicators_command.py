"""jixiao indicators: every indicator across the store, filtered, a page at a time."""

from __future__ import annotations

import argparse
from typing import Any

from jixiao.i18n import N_, _
from jixiao.tui.cli.commands.common import add_store_filter_options
from jixiao.tui.cli.commands.paged import run_paged
from jixiao.tui.cli.output_options import add_output_options

SUMMARY = N_("list indicators across all documents, filtered")
DESCRIPTION = N_(
    "One row an indicator of every document (the newest revision of each department, year "
    "and stage unless --all-revisions) with its project: levels, description, target value "
    "and its basis. Filter by department, year, stage, unit, indicator level or text; sort "
    "in document order or by the project's budget. Prints --limit rows and, when there are "
    "more, the --after cursor of the next page on stderr."
)

SORTS = ("document", "budget", "budget-asc")

_HEADERS = {
    "department": N_("department"),
    "year": N_("year"),
    "ordinal": N_("no."),
    "project": N_("project"),
    "level2": "二级指标",
    "level3": "三级指标",
    "value": "指标值",
}
_RIGHT = frozenset({"year", "ordinal"})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_filter_options(parser, indicators=True)
    parser.add_argument(
        "--sort",
        choices=SORTS,
        default="document",
        help=_(
            "document (import order, default); budget: by the project's budget, largest "
            "first; budget-asc: smallest first"
        ),
    )
    add_output_options(parser)


def run(args: argparse.Namespace) -> int:
    from jixiao.store import count_indicators, indicator_page

    return run_paged(
        args,
        read_page=indicator_page,
        count=count_indicators,
        to_row=indicator_row,
        table=(_HEADERS, _RIGHT),
        noun="indicators",
    )


def indicator_row(row: dict[str, Any]) -> dict[str, Any]:
    from jixiao.importers.money import from_fen

    return {
        "document_id": row["document_id"],
        "department": row["department"],
        "year": row["year"],
        "stage": row["stage"],
        "revision": row["revision"],
        "unit": row["unit_code"],
        "ordinal": row["ordinal"],
        "project": row["project"],
        "project_budget": str(from_fen(row["budget_fen"], row["money_unit"])),
        "money_unit": row["money_unit"],
        "project_id": row["project_id"],
        "indicator_id": row["id"],
        "level1": row["level1"],
        "level2": row["level2"],
        "level3": row["level3"],
        "description": row["description"],
        "value": row["value"],
        "basis": row["basis"],
        "target_kind": row["target_kind"],
    }
