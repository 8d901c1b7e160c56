"""jixiao config: the settings in effect and where each came from."""

from __future__ import annotations

import argparse

from jixiao.i18n import N_, _, pgettext
from jixiao.tui.cli.output import json_text, render
from jixiao.tui.cli.output_options import add_output_options

SUMMARY = N_("show the settings in effect and where each came from")
DESCRIPTION = N_(
    "The config file looked at, then reviewer, store, language and theme: each one's value and "
    "where it came from: a flag, the environment, the config file (with its line) or the "
    "default. A mistake in the config file is reported with its file and line (exit 2)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_output_options(parser, ("table", "json"))


def run(args: argparse.Namespace) -> int:
    from jixiao.tui.cli.config import check_theme, settings

    found = settings(args)
    check_theme(found)
    rows = found.rows()
    if args.format == "json":
        print(json_text({row.pop("setting"): row for row in rows}), end="")
    else:  # in the table, the sources in the chosen language (JSON keeps them as keys)
        for row in rows:
            row["source"] = _source(row["source"])
            row["from"] = _(row["from"]) if row["from"] else row["from"]
        print(render(rows, "table"), end="")
    return 0


def _source(source: str) -> str:
    words = {
        "flag": pgettext("setting source", "flag"),
        "environment": pgettext("setting source", "environment"),
        "file": pgettext("setting source", "file"),
        "default": pgettext("setting source", "default"),
    }
    return words.get(source, source)
