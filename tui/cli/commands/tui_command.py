"""jixiao tui [DOC]: the interactive review screen (also what `jixiao` alone opens)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from jixiao.i18n import N_, _
from jixiao.tui.cli.commands.common import open_for_session, resolve
from jixiao.tui.cli.errors import UsageError

if TYPE_CHECKING:
    from jixiao.store import StoreHandle
    from jixiao.tui.cli.config import Settings

SUMMARY = N_("open the review TUI (the default when no command is given)")
DESCRIPTION = N_(
    "Browse the store's documents keyboard-only: the tree of departments, documents, units and "
    "projects; search (/), filter (f), sort (s); marks r / q / p and notes (e); ? for the keys."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "document", metavar="DOC", nargs="?",
        help=_("open at this document (id or DEPARTMENT:YEAR[:STAGE])"),
    )  # fmt: skip
    add_tui_options(parser)


def add_tui_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reviewer", metavar="NAME",
                        help=_("the name put on marks and notes (default: the config file's "
                             "reviewer, else $USER)"))  # fmt: skip
    parser.add_argument(
        "--keymap", metavar="FILE",
        help=_("key remapping (default: $XDG_CONFIG_HOME/jixiao/keymap.toml)"),
    )  # fmt: skip


def run(args: argparse.Namespace) -> int:
    store = open_for_session(args)
    reference = getattr(args, "document", None)
    document_id = resolve(store.reader, reference) if reference else None
    run_app(args, store, document_id=document_id)
    return 0


def run_app(
    args: argparse.Namespace,
    store: StoreHandle,
    *,
    document_id: int | None = None,
    compare: tuple[int, int] | None = None,
) -> None:
    """The TUI on `store`, with the user's reviewer name, theme and keymap."""
    from jixiao.tui.cli.config import check_theme, settings
    from jixiao.tui.keymap import KeymapError, default_keymap_path, load_keymap

    found = settings(args)
    check_theme(found)
    reviewer = found.reviewer.value
    if found.reviewer.source == "default" and sys.stdin.isatty() and sys.stdout.isatty():
        reviewer = ask_reviewer(found) or reviewer
    keymap_path = Path(args.keymap) if getattr(args, "keymap", None) else default_keymap_path()
    try:
        keymap = load_keymap(keymap_path)
    except KeymapError as error:
        raise UsageError(str(error), _("`jixiao keys` lists the binding ids")) from None

    from jixiao.tui.app import JixiaoApp

    app = JixiaoApp(store, reviewer, document_id=document_id,
                    keymap=keymap, compare=compare, theme=found.theme.value)  # fmt: skip
    try:
        app.run()
    finally:
        writer = getattr(app, "store_writer", None)
        if writer is not None:
            writer.finish()  # marks still waiting for a busy store are saved before exit


def ask_reviewer(found: Settings) -> str | None:
    """Asked once: the name marks and notes are signed with, kept in the config file so that
    the login name (often root, or a shared account) is not what the department reads."""
    from jixiao.tui.cli.config import remember_reviewer

    prompt = _("Your name, to sign marks and notes (Enter keeps {login}): ").format(
        login=found.reviewer.value
    )
    try:
        name = input(prompt).strip()
    except EOFError:
        return None
    if not name:
        return None
    path = Path(found.file.value)
    if remember_reviewer(path, name):
        print(_("saved in {path}").format(path=path))
    return name
