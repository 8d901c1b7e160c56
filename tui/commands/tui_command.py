"""jixiao tui [DOC]: the interactive review screen (also what `jixiao` alone opens)."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from jixiao.tui.commands.common import open_store, resolve
from jixiao.tui.errors import UsageError

SUMMARY = "open the review TUI (the default when no command is given)"
DESCRIPTION = (
    "Browse the store's documents keyboard-only: the tree of departments, documents, units and "
    "projects; search (/), filter (f), sort (s); marks r / q / p and notes (e); ? for the keys."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("document", metavar="DOC", nargs="?",
                        help="open at this document (id or DEPARTMENT:YEAR[:STAGE])")  # fmt: skip
    add_tui_options(parser)


def add_tui_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reviewer", metavar="NAME",
                        help="the name put on marks and notes (default: $USER)")  # fmt: skip
    parser.add_argument(
        "--keymap", metavar="FILE",
        help="key remapping (default: $XDG_CONFIG_HOME/jixiao/keymap.toml)",
    )  # fmt: skip


def run(args: argparse.Namespace) -> int:
    from jixiao.store import default_path
    from jixiao.tui.keymap import KeymapError, default_keymap_path, load_keymap

    engine = open_store(args)
    reference = getattr(args, "document", None)
    document_id = resolve(engine, reference) if reference else None
    keymap_path = Path(args.keymap) if getattr(args, "keymap", None) else default_keymap_path()
    try:
        keymap = load_keymap(keymap_path)
    except KeymapError as error:
        raise UsageError(str(error), "`jixiao keys` lists the binding ids") from None
    reviewer = getattr(args, "reviewer", None) or os.environ.get("USER") or getpass.getuser()
    store_path = Path(args.db) if getattr(args, "db", None) else default_path()

    from jixiao.tui.app import JixiaoApp

    app = JixiaoApp(engine, store_path, reviewer, document_id=document_id, keymap=keymap)
    try:
        app.run()
    finally:
        writer = getattr(app, "store_writer", None)
        if writer is not None:
            writer.finish()  # marks still waiting for a busy store are saved before exit
    return 0
