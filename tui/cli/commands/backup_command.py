"""jixiao backup DEST: a copy of the store, safe while others use it."""

from __future__ import annotations

import argparse
from pathlib import Path

from jixiao.i18n import N_, _, ngettext
from jixiao.tui.cli.commands.common import store_path
from jixiao.tui.cli.errors import UsageError
from jixiao.tui.cli.output import json_text, say

SUMMARY = N_("copy the store to DEST, safely while others read and write it")
DESCRIPTION = N_(
    "Copy the store to the file DEST with SQLite's online backup API: the copy is one "
    "moment of the store, whole and consistent even while an import or a reviewer writes. "
    "The copy is written under a temporary name and renamed when complete, so a failed or "
    "interrupted backup leaves no partial file. An existing DEST is refused unless --force "
    "is given. Prints the copy's size and the documents it holds. A damaged store is copied "
    "as it is: take a backup before trying to repair one."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("destination", metavar="DEST", help=_("the file to write the copy to"))
    parser.add_argument("--force", action="store_true", help=_("replace DEST if it exists"))
    parser.add_argument("--json", action="store_true", help=_("print the result as JSON"))


def run(args: argparse.Namespace) -> int:
    from jixiao.store import StoreError, backup_store

    source = store_path(args)
    try:
        done = backup_store(source, Path(args.destination).expanduser(), force=args.force)
    except StoreError as error:
        raise UsageError(error.message, error.hint) from None
    if args.json:
        print(json_text({"store": str(source), "copy": str(done.path), "bytes": done.size,
                         "documents": done.documents}), end="")  # fmt: skip
        return 0
    holds = (
        ngettext("{count} document", "{count} documents", done.documents).format(
            count=f"{done.documents:,}"
        )
        if done.documents is not None
        else _("documents not countable: the copy is as damaged as the store")
    )  # fmt: skip
    say(
        _("copied {source} to {path}: {megabytes:,.1f} MB, {holds}").format(
            source=source, path=done.path, megabytes=done.size / 1e6, holds=holds
        )
    )
    return 0
