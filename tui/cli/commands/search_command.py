"""jixiao search QUERY: find text across the store (or one document)."""

from __future__ import annotations

import argparse

from jixiao.i18n import N_, _, pgettext
from jixiao.tui.cli.argparse_words import whole_number
from jixiao.tui.cli.commands.common import cursor_text, read_store, resolve
from jixiao.tui.cli.output import message, render, terminal_width
from jixiao.tui.cli.output_options import add_output_options

SUMMARY = N_("search project names, purposes, goals and indicators")
DESCRIPTION = N_(
    "Find QUERY, taken literally (any length, one character up), in the projects' names, "
    "purposes and goals, the indicators and the department goals of every document, or of "
    "one with --document. Across the store hits come in import order from the index; "
    "--limit caps them and the --after cursor of the next page is printed on stderr."
)

_HEADERS = {
    "department": N_("department"),
    "year": N_("year"),
    "project_ordinal": N_("no."),
    "project_name": N_("project"),
    "kind": N_("where"),
    "text": N_("text"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY", help=_("the text to find"))
    parser.add_argument("--document", metavar="DOC", help=_("search this document only"))
    parser.add_argument(
        "--limit", type=whole_number, default=50, metavar="N", help=_("at most N hits (default 50)")
    )
    parser.add_argument(
        "--after", type=whole_number, metavar="CURSOR", help=_("start after this hit (store-wide)")
    )
    add_output_options(parser)


def run(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from jixiao.store import Cursor, search_store

    engine = read_store(args)
    document_id = resolve(engine, args.document) if args.document else None
    limit = max(1, args.limit)
    hits = search_store(engine, args.query, document_id, limit=limit + 1, after=args.after or 0)
    more = len(hits) > limit
    rows = [asdict(hit) for hit in hits[:limit]]
    if not rows and args.format == "table":
        message(_("no hits for {query!r}").format(query=args.query))
        return 0
    if args.format == "table":  # JSON and CSV keep the key
        rows = [row | {"kind": _where_found(row["kind"])} for row in rows]
    right = frozenset({"year", "project_ordinal"})
    fit = ("project_name", "text")
    print(render(rows, args.format, _HEADERS, right, fit=fit, width=terminal_width()), end="")
    if more and document_id is None:
        message(
            _("more hits: --after {cursor}").format(
                cursor=cursor_text(Cursor(None, rows[-1]["id"])).lstrip(":")
            )
        )
    elif more:
        message(_("more than {limit} hits; raise --limit to see them").format(limit=limit))
    return 0


def _where_found(kind: str) -> str:
    """Where a hit is, in the documents' words."""
    words = {
        "project": pgettext("search hit", "project"),
        "purpose": pgettext("search hit", "purpose"),
        "goal": pgettext("search hit", "goal"),
        "indicator": pgettext("search hit", "indicator"),
        "department_goal": pgettext("search hit", "department_goal"),
    }
    return words.get(kind, kind)
