"""jixiao stats: the store's size and counts."""

from __future__ import annotations

import argparse

from jixiao.i18n import N_
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
    from jixiao.store import store_stats

    stats = store_stats(open_store(args), store_path(args))
    if args.format == "json":
        print(json_text(stats), end="")
        return 0
    size = stats["bytes"]
    print(f"store      {stats['path']} (schema version {stats['schema_version']})")
    print(
        f"size       {_megabytes(size['store'])} + {_megabytes(size['wal'])} write-ahead log"
        f" ({stats['pages']['free']:,} of {stats['pages']['count']:,} pages free)"
    )
    width = max(len(name) for name in stats["counts"])
    for name, count in stats["counts"].items():
        print(f"{name.replace('_', ' '):{width}} {count:>12,}")
    if stats["documents_by_year"]:
        by_year = ", ".join(
            f"{row['year']} {row['stage']}: {row['documents']:,}"
            for row in stats["documents_by_year"]
        )
        print(f"by year    {by_year}")
    return 0


def _megabytes(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"
