"""jixiao verify: SQLite's check of the store's file and the store's own invariants."""

from __future__ import annotations

import argparse

from jixiao.i18n import N_, _
from jixiao.tui.cli.commands.common import store_path
from jixiao.tui.cli.errors import UsageError
from jixiao.tui.cli.output import json_text, render, say
from jixiao.tui.cli.output_options import add_output_options

SUMMARY = N_("check that the store is sound (SQLite's integrity check and the store's invariants)")
DESCRIPTION = N_(
    "Run SQLite's integrity check on the store's file (--quick: its quick check), then the "
    "store's own invariants: every key points to a row, every document's stored counts "
    "(units, projects, indicators, budget, lines not understood, warnings) match its rows, "
    "every document's source text reads back whole, and the search index holds exactly the "
    "tokens its texts make. Lists each check with what is wrong. Reads only; safe while "
    "others use the store. Exit 0 when all is well, 2 when anything is wrong."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--quick",
        action="store_true",
        help=_(
            "SQLite's quick_check instead of integrity_check, and skip the source texts "
            "and the search index's contents (seconds instead of minutes on a large store)"
        ),
    )
    add_output_options(parser)


def run(args: argparse.Namespace) -> int:
    from jixiao.store import StoreError, verify_store

    path = store_path(args)
    try:
        results = verify_store(path, quick=args.quick)
    except StoreError as error:
        raise UsageError(error.message, error.hint) from None
    sound = all(result.ok for result in results)
    # A check's name is a key in JSON and CSV, as a finding's code is; the table says it.
    rows = [
        {"check": r.check, "ok": r.ok, "checked": r.checked, "problems": r.problems}
        for r in results
    ]
    if args.format == "json":
        print(json_text({"store": str(path), "ok": sound, "checks": rows}), end="")
    elif args.format == "csv":
        flat = [
            {"check": r["check"], "ok": r["ok"], "checked": r["checked"], "problem": problem}
            for r in rows
            for problem in (r["problems"] or [""])
        ]
        print(render(flat, "csv"), end="")
    else:
        table = [
            {
                "check": _(r["check"]),
                "result": _("ok") if r["ok"] else _("PROBLEM"),
                "checked": r["checked"],
            }
            for r in rows
        ]
        say(render(table, "table").rstrip("\n"))
        for r in rows:
            for problem in r["problems"]:
                say(_("{check}: {problem}").format(check=_(r["check"]), problem=problem))
        say(_("the store {path} is sound").format(path=path) if sound else _advice(path))
    return 0 if sound else 2


def _advice(path: object) -> str:
    return _(
        "the store {path} has problems: copy it first (`jixiao backup COPY.db`); "
        "docs/store.md (Verify, backup and repair) says what to do next"
    ).format(path=path)
