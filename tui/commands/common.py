"""What several commands share: opening the store, naming a document, output options."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from jixiao.tui.errors import UsageError
from jixiao.tui.output import ROW_FORMATS

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from jixiao.store import Cursor, Sheet, StoreFilter


def add_format_option(
    parser: argparse.ArgumentParser, choices: tuple[str, ...] = ROW_FORMATS, default: str = "table"
) -> None:
    parser.add_argument(
        "--format", choices=choices, default=default, help=f"output format (default: {default})"
    )


def add_document_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "document",
        metavar="DOC",
        help="a document id, or DEPARTMENT:YEAR[:STAGE] (a unique prefix of the "
        "department's name is enough)",
    )


def store_path(args: argparse.Namespace) -> Path:
    from jixiao.store import default_path

    return Path(args.db).expanduser() if getattr(args, "db", None) else default_path()


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


def _default_location(args: argparse.Namespace) -> bool:
    """The store is where jixiao keeps it by default (its folder is made if need be), not
    a path the user named."""
    import os

    from jixiao.store import ENV_VAR

    return not getattr(args, "db", None) and not os.environ.get(ENV_VAR)


def _busy_notice(path: Path) -> Callable[[], None]:
    """Say once on stderr that a write waits for another writer (store.connection)."""
    told = False

    def notice() -> None:
        nonlocal told
        if not told:
            told = True
            from jixiao.tui.output import message

            message(
                f"jixiao: the store {path} is busy (another jixiao is writing); waiting… "
                "(Ctrl+C stops, leaving every document whole)"
            )

    return notice


def resolve(engine: Engine, reference: str) -> int:
    from jixiao.store import StoreError, resolve_document

    try:
        return resolve_document(engine, reference)
    except StoreError as error:
        raise UsageError(error.message, error.hint) from None


def write_output(text: str, output: str | None, encoding: str = "utf-8") -> None:
    """`text` to stdout, or to the file --output names. Control characters from document
    text are shown escaped either way (JSON and CSV come here already safe)."""
    from jixiao.importers.controls import visible

    text = visible(text)
    if output is None or output == "-":
        import sys

        sys.stdout.write(text)
        return
    path = checked_output(output)
    try:
        path.write_text(text, encoding=encoding)
    except OSError as error:
        raise output_error(output, error) from None


def output_file(args: argparse.Namespace) -> Path:
    """The --output a binary format (xlsx) needs: it cannot go to the terminal."""
    if args.output in (None, "-"):
        raise UsageError("xlsx is a file, not text for the terminal", "add --output FILE.xlsx")
    return checked_output(args.output)


def checked_output(output: str) -> Path:
    """The file --output names, refused (exit 2, with what to do) when it is a folder or
    its folder does not exist, before anything is written."""
    path = Path(output).expanduser()
    if path.is_dir():
        raise UsageError(f"cannot write {output}: it is a folder",
                         f"name a file in it, e.g. {path / 'out'}")  # fmt: skip
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(
            f"cannot write {output}: the folder {folder} does not exist",
            f"create it first (mkdir -p {folder}) or choose another place",
        )
    return path


def output_error(output: str, error: OSError) -> UsageError:
    """A failed write of --output, as a message saying what to do."""
    import errno

    hint = {errno.EACCES: "you may not write there: choose another place",
            errno.EPERM: "you may not write there: choose another place",
            errno.EROFS: "that file system is read-only: choose another place",
            errno.ENOSPC: "the disk is full: free some space or write elsewhere",
            errno.EDQUOT: "your disk quota is used up: free some space or write elsewhere",
            }.get(error.errno or 0, "")  # fmt: skip
    return UsageError(f"cannot write {output}: {error.strerror or error}", hint)


def save_workbook(args: argparse.Namespace, sheets: list[Sheet]) -> None:
    """An xlsx workbook to --output, every failure to write it a message and exit 2."""
    from jixiao.store import write_workbook

    path = output_file(args)
    try:
        write_workbook(path, sheets)
    except OSError as error:
        raise output_error(args.output, error) from None


def add_store_filter_options(parser: argparse.ArgumentParser, indicators: bool = False) -> None:
    """The filters of the store-wide views (projects, indicators)."""
    parser.add_argument("--department", metavar="TEXT", help="part of the department's name")
    parser.add_argument("--year", type=int, help="the budget year")
    parser.add_argument("--stage", choices=("draft", "final"), help="draft (草案) or final")
    parser.add_argument("--unit", metavar="CODE_OR_TEXT", help="a unit's code or part of its name")
    if indicators:
        parser.add_argument(
            "--level", metavar="TEXT", help="part of the 一级 or 二级指标, e.g. 成本 or 满意度"
        )
    parser.add_argument(
        "--text",
        metavar="TEXT",
        help="text in the name, purpose, goals or indicators"
        if not indicators
        else "text in the indicator",
    )
    parser.add_argument(
        "--all-revisions",
        action="store_true",
        help="include superseded revisions (default: the newest of each department, year "
        "and stage)",
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=50,
        metavar="N",
        help="at most N rows (default 50; 0 for all)",
    )
    parser.add_argument(
        "--after",
        metavar="CURSOR",
        help="start after this point: the cursor the previous page printed",
    )


def store_filter(args: argparse.Namespace) -> StoreFilter:
    from jixiao.store import StoreFilter

    if args.limit < 0:
        raise UsageError("--limit must be 0 (all) or more")
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
    key, _, row_id = value.rpartition(":")
    try:
        return Cursor(int(key) if key not in ("", "-") else None, int(row_id))
    except ValueError:
        raise UsageError(
            f"'{value}' is not a cursor", "pass the --after value the previous page printed"
        ) from None


def cursor_text(cursor: Cursor) -> str:
    return f"{'' if cursor.key is None else cursor.key}:{cursor.id}"
