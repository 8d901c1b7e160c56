"""What several commands share: opening the store, naming a document, output options."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tui.errors import UsageError
from tui.output import ROW_FORMATS

if TYPE_CHECKING:
    from sqlalchemy import Engine


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


def open_store(args: argparse.Namespace) -> Engine:
    from store.db import default_path
    from store.db import open_store as open_engine
    from store.errors import StoreError

    path = Path(args.db) if getattr(args, "db", None) else default_path()
    try:
        return open_engine(path)
    except StoreError as error:
        raise UsageError(error.message, error.hint) from None


def resolve(engine: Engine, reference: str) -> int:
    from store.errors import StoreError
    from store.queries import resolve_document

    try:
        return resolve_document(engine, reference)
    except StoreError as error:
        raise UsageError(error.message, error.hint) from None


def write_output(text: str, output: str | None, encoding: str = "utf-8") -> None:
    if output is None or output == "-":
        import sys

        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding=encoding)
    except OSError as error:
        raise UsageError(f"cannot write {output}: {error.strerror}") from None


def output_file(args: argparse.Namespace) -> Path:
    """The --output a binary format (xlsx) needs: it cannot go to the terminal."""
    if args.output in (None, "-"):
        raise UsageError("xlsx is a file, not text for the terminal", "add --output FILE.xlsx")
    return Path(args.output)
