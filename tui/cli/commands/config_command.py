"""jixiao config: the settings in effect and where each came from."""

from __future__ import annotations

import argparse

from jixiao.i18n import N_
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
    else:
        print(render(rows, "table"), end="")
    return 0
