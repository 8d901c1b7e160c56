"""jixiao compare A B: what changed between two documents (last year's and this year's draft,
or a draft and its final version)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from jixiao.i18n import N_, _
from jixiao.tui.cli.commands.common import open_for_session, open_store, read_store, resolve
from jixiao.tui.cli.errors import UsageError
from jixiao.tui.cli.output import csv_text, json_text, render
from jixiao.tui.cli.output_options import add_output_options, write_output

if TYPE_CHECKING:
    from sqlalchemy import Engine

SUMMARY = N_("compare two documents: new, dropped and changed projects")
DESCRIPTION = N_(
    "Pairs the projects of A (the older) and B (the newer) — by the user's earlier decisions, "
    "the code without its year digits, the name without years and document numbers, then "
    "fuzzily, leaving unrelated projects unpaired — and reports the summary (totals per unit, "
    "counts, new and dropped sums) and every change, old → new. Uncertain pairings are "
    "'to_confirm': confirm or reject them with --confirm / --reject, which are remembered."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", metavar="A", help=_("the older document (id or DEPT:YEAR[:STAGE])"))
    parser.add_argument("b", metavar="B", help=_("the newer document"))
    add_output_options(parser, ("table", "json", "md", "csv"))
    parser.add_argument("--confirm", metavar="N:M", action="append", default=[],
                        help=_("pair project N of A with project M of B (their numbers in the "
                             "documents), and remember it; may be repeated"))  # fmt: skip
    parser.add_argument("--reject", metavar="N:M", action="append", default=[],
                        help=_("never pair project N of A with M of B (repeatable)"))  # fmt: skip
    parser.add_argument(
        "--reviewer",
        metavar="NAME",
        help=_("who decided (default: the configured reviewer, else $USER)"),
    )
    parser.add_argument(
        "--tui",
        action="store_true",
        help=_("open the comparison in the TUI instead of printing it"),
    )


def run(args: argparse.Namespace) -> int:
    from jixiao.store import (
        COMPARISON_CSV_COLUMNS,
        compare_documents,
        comparison_change_lines,
        comparison_csv_rows,
        comparison_json,
        comparison_markdown,
        comparison_match_word,
        comparison_project_rows,
        comparison_status_word,
        comparison_summary_lines,
        comparison_title,
        decide,
    )

    # only a decision writes here (the TUI, at its first write): the rest reads with sqlite3
    writes = args.confirm or args.reject
    engine = open_store(args) if writes else read_store(args)
    a_id, b_id = resolve(engine, args.a), resolve(engine, args.b)
    if a_id == b_id:
        raise UsageError(_("A and B are the same document"), _("name two documents, e.g. 1 2"))
    from jixiao.tui.cli.config import settings

    reviewer = settings(args).reviewer.value  # --reviewer, the config file's, or $USER
    for decision, pairs in (("confirmed", args.confirm), ("rejected", args.reject)):
        for pair in pairs:
            a_project, b_project = _project_pair(engine, a_id, b_id, pair)
            decide(engine, a_project, b_project, decision, reviewer)
    if args.tui:
        from jixiao.tui.cli.commands.tui_command import run_app

        run_app(args, open_for_session(args), document_id=b_id, compare=(a_id, b_id))
        return 0
    comparison = compare_documents(engine, a_id, b_id)
    if args.format == "json":
        text = json_text(comparison_json(comparison))
    elif args.format == "md":
        text = comparison_markdown(comparison)
    elif args.format == "csv":
        text = csv_text(comparison_csv_rows(comparison), COMPARISON_CSV_COLUMNS)
    else:
        lines = [comparison_title(comparison), *comparison_summary_lines(comparison), ""]
        text = "\n".join(lines) + "\n" + render(comparison_project_rows(comparison), "table")
        for p in comparison.projects:
            details = comparison_change_lines(p)
            if details and p.status in ("changed", "to_confirm"):
                name = f"{p.b.ordinal}. {p.b.name}" if p.b else ""
                how = _(", ").join(
                    word for word in (comparison_status_word(p.status),
                                      comparison_match_word(p.match)) if word
                )  # fmt: skip
                heading = _("{name}  [{how}]").format(name=name, how=how)
                text += f"\n{heading}\n" + "\n".join(details) + "\n"
    write_output(text)
    return 0


def _project_pair(engine: Engine, a_id: int, b_id: int, pair: str) -> tuple[int, int]:
    from jixiao.store import project_id

    try:
        a_ordinal, b_ordinal = (int(part) for part in pair.split(":"))
    except ValueError:
        raise UsageError(
            _("'{pair}' is not N:M").format(pair=pair), _("give the projects' numbers, e.g. 12:12")
        ) from None
    ids = []
    for document_id, ordinal, side in ((a_id, a_ordinal, "A"), (b_id, b_ordinal, "B")):
        found = project_id(engine, document_id, ordinal)
        if found is None:
            raise UsageError(
                _("{side} has no project number {ordinal}").format(side=side, ordinal=ordinal),
                _("`jixiao show {id}` lists its projects").format(id=document_id),
            )
        ids.append(found)
    return ids[0], ids[1]
