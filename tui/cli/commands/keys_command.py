"""jixiao keys: every key binding of the TUI with its id, for writing a keymap."""

from __future__ import annotations

import argparse

from jixiao.i18n import N_, _
from jixiao.tui.cli.output import render
from jixiao.tui.cli.output_options import add_output_options

SUMMARY = N_("list the TUI's key bindings and their ids")
DESCRIPTION = N_(
    "Every binding of the TUI: its id, its keys and what it does. To use other keys, put "
    '[keymap] "ID" = "KEYS" lines in $XDG_CONFIG_HOME/jixiao/keymap.toml '
    '(e.g. "browse.question" = "w").'
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_output_options(parser)


def run(args: argparse.Namespace) -> int:
    from jixiao.tui.actions import ALL

    rows = [{"id": a.id, "keys": a.keys, "description": _(a.description)} for a in ALL]
    print(render(rows, args.format), end="")
    return 0
