"""What several commands share: opening the store, naming a document, filtering and paging
the store-wide views. The output options are output_options.py's."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from jixiao.i18n import N_, _
from jixiao.tui.cli.argparse_words import whole_number
from jixiao.tui.cli.errors import UsageError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from jixiao.store import Cursor, StoreFilter, StoreHandle, StoreSource, WritingConnection


NOTE_WORDS = {"warning": N_("warning"), "unread": N_("unread")}
"""An import note's severity as a person reads it (--json keeps the key)."""


def note_line(line: int | None, severity: str, message: str) -> str:
    """One note of an import's report, as import and `show --notes` print it."""
    where = _("line {line}").format(line=line) if line else _("document")
    kind = _(NOTE_WORDS[severity]) if severity in NOTE_WORDS else severity
    return _("{where}: {severity}: {message}").format(where=where, severity=kind, message=message)


def add_document_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "document",
        metavar="DOC",
        help=_(
            "a document id, or DEPARTMENT:YEAR[:STAGE] (a unique prefix of the "
            "department's name is enough)"
        ),
    )


def add_reviewer_option(parser: argparse.ArgumentParser, who: str) -> None:
    """`--reviewer NAME` after the command, as `jixiao --reviewer NAME` before it: left unset
    when not given, so that it does not hide the one given before the command."""
    parser.add_argument("--reviewer", metavar="NAME", default=argparse.SUPPRESS,
                        help=_("{who} (default: the configured reviewer, else $USER)").format(
                            who=who))  # fmt: skip


def store_path(args: argparse.Namespace) -> Path:
    """--db, else $JIXIAO_DB, else the config file's store, else the default (config.py)."""
    from jixiao.tui.cli.config import settings

    return Path(settings(args).store.value).expanduser()


def open_store(args: argparse.Namespace) -> Engine:
    from jixiao.store import StoreError
    from jixiao.store import open_store as open_engine

    path = store_path(args)
    try:
        engine = open_engine(
            path, create_folder=_default_location(args), on_busy=_busy_notice(path)
        )
    except StoreError as error:
        raise UsageError(error.message, error.hint) from None
    return engine


def open_writer(args: argparse.Namespace) -> WritingConnection:
    """The store for a bulk import: written with sqlite3 alone (store/writer.py), made or
    upgraded first when it is new or older."""
    from jixiao.store import StoreError
    from jixiao.store import open_writer as open_store_writer

    path = store_path(args)
    try:
        return open_store_writer(
            path, create_folder=_default_location(args), on_busy=_busy_notice(path)
        )
    except StoreError as error:
        raise UsageError(error.message, error.hint) from None


def open_for_session(args: argparse.Namespace) -> StoreHandle:
    """The store for the TUI: read with sqlite3 from the first screen on, SQLAlchemy loaded at
    the first write (store/handle.py); a new or older store is made or upgraded at once."""
    from jixiao.store import StoreError, open_handle

    try:
        return open_handle(store_path(args), create_folder=_default_location(args))
    except StoreError as error:
        raise UsageError(error.message, error.hint) from None


def read_store(args: argparse.Namespace) -> StoreSource:
    """The store for a command that only reads: opened with sqlite3 alone when it is there and
    current (no SQLAlchemy to load), else as `open_store` opens it (made, upgraded, or refused
    with the reason)."""
    from jixiao.store import read_only

    return read_only(store_path(args)) or open_store(args)


def _default_location(args: argparse.Namespace) -> bool:
    """The store is where jixiao keeps it by default (its folder is made if need be), not
    a path the user named."""
    from jixiao.tui.cli.config import settings

    return settings(args).store.source == "default"


def _busy_notice(path: Path) -> Callable[[], None]:
    """Say once on stderr that a write waits for another writer (store.connection)."""
    told = False

    def notice() -> None:
        nonlocal told
        if not told:
            told = True
            from jixiao.tui.cli.output import message

            message(
                _(
                    "jixiao: the store {path} is busy (another jixiao is writing); waiting… "
                    "(Ctrl+C stops, leaving every document whole)"
                ).format(path=path)
            )

    return notice


def resolve(engine: StoreSource, reference: str) -> int:
    from jixiao.store import StoreError, resolve_document

    try:
        return resolve_document(engine, reference)
    except StoreError as error:
        raise UsageError(error.message, error.hint) from None


def add_store_filter_options(parser: argparse.ArgumentParser, indicators: bool = False) -> None:
    """The filters of the store-wide views (projects, indicators)."""
    parser.add_argument("--department", metavar="TEXT", help=_("part of the department's name"))
    parser.add_argument("--year", type=whole_number, help=_("the budget year"))
    parser.add_argument("--stage", choices=("draft", "final"), help=_("draft (草案) or final"))
    parser.add_argument(
        "--unit", metavar="CODE_OR_TEXT", help=_("a unit's code or part of its name")
    )
    if indicators:
        parser.add_argument(
            "--level", metavar="TEXT", help=_("part of the 一级 or 二级指标, e.g. 成本 or 满意度")
        )
    parser.add_argument(
        "--text",
        metavar="TEXT",
        help=_("text in the name, purpose, goals or indicators")
        if not indicators
        else _("text in the indicator"),
    )
    parser.add_argument(
        "--all-revisions",
        action="store_true",
        help=_(
            "include superseded revisions (default: the newest of each department, year and stage)"
        ),
    )
    parser.add_argument(
        "--limit",
        type=whole_number,
        default=50,
        metavar="N",
        help=_("at most N rows (default 50; 0 for all)"),
    )
    parser.add_argument(
        "--after",
        metavar="CURSOR",
        help=_("start after this point: the cursor the previous page printed"),
    )


def store_filter(args: argparse.Namespace) -> StoreFilter:
    from jixiao.store import StoreFilter

    if args.limit < 0:
        raise UsageError(_("--limit must be 0 (all) or more"))
    return StoreFilter(
        department=args.department,
        year=args.year,
        stage=args.stage,
        unit=args.unit,
        level=getattr(args, "level", None),
        text=args.text,
        all_revisions=args.all_revisions,
    )


def parse_cursor(value: str | None) -> Cursor | None:
    from jixiao.store import Cursor

    if value is None:
        return None
    key, _colon, row_id = value.rpartition(":")
    try:
        return Cursor(int(key) if key not in ("", "-") else None, int(row_id))
    except ValueError:
        raise UsageError(
            _("'{value}' is not a cursor").format(value=value),
            _("pass the --after value the previous page printed"),
        ) from None


def cursor_text(cursor: Cursor) -> str:
    return f"{'' if cursor.key is None else cursor.key}:{cursor.id}"
