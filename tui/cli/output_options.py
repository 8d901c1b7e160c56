"""The output options every command that prints results shares: `--format` and `-o/--output`,
declared here once so that the flags, their help and their behaviour are the same
everywhere (docs/cli.md, "Output options").

A command prints to stdout as if there were no --output; `print_to_output` (wrapped round
every command by `main`) catches what it prints and writes the file once the command has
finished, so a command that fails leaves no half-written file, and each command needs no
file handling of its own. Binary formats (xlsx, docx) are written by the command itself
(`save_workbook`): they cannot pass through stdout.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from pathlib import Path
from typing import TYPE_CHECKING

from jixiao.i18n import N_, _, os_reason, pgettext
from jixiao.tui.cli.errors import UsageError
from jixiao.tui.cli.output import ROW_FORMATS

if TYPE_CHECKING:
    from jixiao.store import Sheet

BINARY_FORMATS = frozenset({"xlsx", "docx"})
"""Formats that are files, not text: they need --output."""


def add_output_options(
    parser: argparse.ArgumentParser,
    formats: tuple[str, ...] = ROW_FORMATS,
    default: str = "table",
) -> None:
    """`--format` with the formats this command can write (the first shown is not always the
    default: each command keeps the default its users have), and `-o/--output`."""
    files = sorted(BINARY_FORMATS.intersection(formats))
    listed = pgettext("a list of names", ", ")  # Chinese enumerates with 、
    needs_file = _("; {formats} needs --output").format(formats=listed.join(files)) if files else ""
    parser.add_argument(
        "--format",
        choices=formats,
        default=default,
        help=_("output format: {formats} (default: {default})").format(
            formats=listed.join(formats), default=default
        )
        + needs_file,
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=_("write to FILE instead of stdout (CSV then starts with a UTF-8 BOM, for Excel)"),
    )


@contextmanager
def print_to_output(args: argparse.Namespace) -> Iterator[None]:
    """With `-o FILE` (and a text format), what the command prints goes to FILE, written
    when the command returns; the file is checked first, so a bad --output is refused
    before any work is done."""
    output = getattr(args, "output", None)
    if output in (None, "-") or getattr(args, "format", None) in BINARY_FORMATS:
        yield
        return
    path = checked_output(output)
    printed = io.StringIO()
    with redirect_stdout(printed):
        yield
    # Excel reads a CSV file as the local code page unless it starts with a BOM.
    encoding = "utf-8-sig" if args.format == "csv" else "utf-8"
    try:
        path.write_text(printed.getvalue(), encoding=encoding)
    except OSError as error:
        raise output_error(output, error) from None


def write_output(text: str) -> None:
    """`text` to stdout (which `print_to_output` may send to a file). Control characters
    from document text are shown escaped (JSON and CSV come here already safe)."""
    from jixiao.importers.controls import visible

    sys.stdout.write(visible(text))


def output_file(args: argparse.Namespace) -> Path:
    """The --output a binary format (xlsx, docx) needs: it cannot go to the terminal."""
    if args.output in (None, "-"):
        raise UsageError(
            _("{format} is a file, not text for the terminal").format(format=args.format),
            _("add --output FILE.{format}").format(format=args.format),
        )
    return checked_output(args.output)


def checked_output(output: str) -> Path:
    """The file --output names, refused (exit 2, with what to do) when it is a folder or
    its folder does not exist, before anything is written."""
    path = Path(output).expanduser()
    if path.is_dir():
        raise UsageError(
            _("cannot write {output}: it is a folder").format(output=output),
            _("name a file in it, e.g. {example}").format(example=path / "out"),
        )
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(
            _("cannot write {output}: the folder {folder} does not exist").format(
                output=output, folder=folder
            ),
            _("create it first (mkdir -p {folder}) or choose another place").format(folder=folder),
        )
    return path


def output_error(output: str, error: OSError) -> UsageError:
    """A failed write of --output, as a message saying what to do."""
    import errno

    hint = {errno.EACCES: N_("you may not write there: choose another place"),
            errno.EPERM: N_("you may not write there: choose another place"),
            errno.EROFS: N_("that file system is read-only: choose another place"),
            errno.ENOSPC: N_("the disk is full: free some space or write elsewhere"),
            errno.EDQUOT: N_("your disk quota is used up: free some space or write elsewhere"),
            }.get(error.errno or 0)  # fmt: skip
    return UsageError(
        _("cannot write {output}: {error}").format(output=output, error=os_reason(error)),
        _(hint) if hint else "",
    )


def save_workbook(args: argparse.Namespace, sheets: list[Sheet]) -> None:
    """An xlsx workbook to --output, every failure to write it a message and exit 2."""
    from jixiao.store import write_workbook

    path = output_file(args)
    try:
        write_workbook(path, sheets)
    except OSError as error:
        raise output_error(args.output, error) from None
