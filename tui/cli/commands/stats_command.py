"""jixiao stats: the store's size and counts."""

from __future__ import annotations

import argparse

from jixiao.i18n import N_, _, pgettext
from jixiao.tui.cli.commands.common import open_store, store_path
from jixiao.tui.cli.output import json_text
from jixiao.tui.cli.output_options import add_output_options

SUMMARY = N_("show the store's size and what it holds")
DESCRIPTION = N_(
    "The store's file, schema version and size on disk (with its write-ahead log), and how "
    "many departments, documents, units, projects, indicators, goals, search rows, review "
    "marks, dismissed findings and pairing decisions it holds, with documents by year."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_output_options(parser, ("table", "json"))


def run(args: argparse.Namespace) -> int:
    from jixiao.store import stage_word, store_stats

    stats = store_stats(open_store(args), store_path(args))
    if args.format == "json":
        print(json_text(stats), end="")
        return 0
    size = stats["bytes"]
    print(
        _("store      {path} (schema version {schema_version})").format(
            path=stats["path"], schema_version=stats["schema_version"]
        )
    )
    print(
        _("size       {store} + {wal} write-ahead log ({free:,} of {count:,} pages free)").format(
            store=_megabytes(size["store"]),
            wal=_megabytes(size["wal"]),
            free=stats["pages"]["free"],
            count=stats["pages"]["count"],
        )
    )
    from jixiao.tui.cli.output import _width

    names = {name: _counted(name) for name in stats["counts"]}
    width = max(_width(name) for name in names.values())
    for name, count in stats["counts"].items():
        print(names[name] + " " * (width - _width(names[name])) + f" {count:>12,}")
    if stats["documents_by_year"]:
        by_year = _(", ").join(
            f"{row['year']} {stage_word(row['stage'])}" + _(": ") + f"{row['documents']:,}"
            for row in stats["documents_by_year"]
        )
        print(_("by year    {by_year}").format(by_year=by_year))
    return 0


def _megabytes(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def _counted(name: str) -> str:
    """What the store counts, as a person reads it (JSON keeps the key)."""
    words = {
        "departments": pgettext("store count", "departments"),
        "documents": pgettext("store count", "documents"),
        "units": pgettext("store count", "units"),
        "projects": pgettext("store count", "projects"),
        "indicators": pgettext("store count", "indicators"),
        "goals": pgettext("store count", "goals"),
        "search_rows": pgettext("store count", "search rows"),
        "review_marks": pgettext("store count", "review marks"),
        "dismissed_findings": pgettext("store count", "dismissed findings"),
        "pairing_decisions": pgettext("store count", "pairing decisions"),
    }
    return words.get(name, name.replace("_", " "))
