"""`jixiao`: the command line. Subcommands serve scripts (stdout carries data, stderr
messages; exit 0 on success, 2 on bad usage or unreadable input).

Imports nothing heavy at start: each command loads the store or Textual only when it runs,
so `jixiao --help` stays fast and never imports Textual.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from jixiao.i18n import (
    LANGUAGES,
    UnknownLanguage,
    _,
    choose_language,
    locale_language,
    use_language,
)
from jixiao.tui.cli.argparse_words import HelpFormatter, speak_argparse
from jixiao.tui.cli.errors import UsageError
from jixiao.tui.cli.output_options import print_to_output

COMMANDS = (
    "import", "ls", "show", "export", "check", "report", "review", "compare", "projects",
    "indicators",
    "search", "stats", "verify", "backup", "keys", "tui", "config", "completion",
)  # fmt: skip
"""Module jixiao.tui.cli.commands.<name>_command (import → import_command) for each subcommand."""

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser; given `argv` that names a command and asks no help, only the commands
    named in it are built (their modules imported, their options declared), since declaring
    some of them loads modules (import's layouts load every reader) and building all of them
    takes ≈ 5 ms, which another command's start should not pay for. The others are names
    only, never chosen, that keep argparse's "invalid choice" list whole."""
    named = None if argv is None else set(argv)
    speak_argparse()
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=_(
            "the store to use (default: $JIXIAO_DB, else the config file's store, else "
            "$XDG_DATA_HOME/jixiao/jixiao.db)"
        ),
    )
    common.add_argument(
        "--config",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help=_(
            "the config file (default: $JIXIAO_CONFIG, else $XDG_CONFIG_HOME/jixiao/config.toml)"
        ),
    )
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=_(
            "the interface's language (default: $JIXIAO_LANG, else the locale; zh when it "
            "names none, as LANG=C does)"
        ),
    )
    parser = argparse.ArgumentParser(
        prog="jixiao",
        parents=[common],
        formatter_class=HelpFormatter,
        description=_(
            "Review 部门预算绩效文本 (budget performance documents): import text dumps "
            "into a local store, then browse, mark and annotate them in the TUI (`jixiao` alone), "
            "or list, show, export and report from the command line."
        ),
        epilog=_(
            "Run `jixiao COMMAND --help` for a command's options. Documents are named by "
            "id or as DEPARTMENT:YEAR[:STAGE], e.g. 中共巨鹿县委组织部:2024:draft."
        ),
    )
    parser.add_argument("--version", action=_PrintVersion, help=_("print the version and exit"))
    from jixiao.tui.cli.commands.tui_command import add_tui_options

    add_tui_options(parser)  # `jixiao` alone opens the TUI
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    # help lists every command with its summary, so it builds them all
    everything = named is None or not named & {*COMMANDS} or bool(named & {"-h", "--help"})
    for name in COMMANDS:
        if not everything and name not in named:
            subparsers.add_parser(name)
            continue
        module = import_module(f"jixiao.tui.cli.commands.{name}_command")
        command = subparsers.add_parser(
            name,
            parents=[common],
            help=_(module.SUMMARY),
            description=_(module.DESCRIPTION),
            formatter_class=HelpFormatter,
        )
        if named is None or name in named:
            module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def _language(argv: Sequence[str] | None) -> str:
    """The language, chosen before the parser is built (its help is in that language): --lang,
    $JIXIAO_LANG, the config file (--config or its usual place), then the locale."""
    from jixiao.tui.cli.config import settings

    return settings(_early_options(argv)).language.value


def _language_despite_the_config(argv: Sequence[str] | None) -> str:
    """The language to say that the config file (or a language setting) is wrong in: the
    flag or $JIXIAO_LANG where they name one, else the locale's."""
    try:
        return choose_language(_early_options(argv).lang, None)
    except UnknownLanguage:
        return locale_language()


def _early_options(argv: Sequence[str] | None) -> argparse.Namespace:
    """--lang and --config, read before the parser is built. A mistake in them (`--lang` with
    no value) is left to the whole parser, which says so in the language chosen without them."""
    early = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    early.add_argument("--lang")
    early.add_argument("--config")
    try:
        known, _rest = early.parse_known_args(argv)
    except argparse.ArgumentError:
        return argparse.Namespace(lang=None, config=None)
    return known


class _PrintVersion(argparse.Action):
    """`jixiao --version`, from the installed distribution's metadata: read only when asked,
    since importlib.metadata would slow every start."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest=argparse.SUPPRESS, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from importlib.metadata import version

        print(f"jixiao {version('jixiao')}")
        parser.exit()


def main(argv: Sequence[str] | None = None) -> int:
    # First the language a mistake in the settings is reported in, then the settings'.
    use_language(_language_despite_the_config(argv))
    try:
        use_language(_language(argv))
    except UsageError as error:  # a bad --lang, $JIXIAO_LANG or config file
        return _fail(error.message, error.hint)
    if "_ARGCOMPLETE" in os.environ:  # the shell asks for completions (`jixiao completion`)
        from argcomplete import autocomplete

        autocomplete(build_parser())  # answers and exits
    parser = build_parser(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if args.command is None:
        from jixiao.tui.cli.commands import tui_command

        args.run = tui_command.run
    try:
        with print_to_output(args):
            return int(args.run(args))
    except UsageError as error:
        return _fail(error.message, error.hint)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `jixiao export … | head`
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:  # an unexpected failure is a bug: one line, unless debugging
        fault = _environment_fault(error, args)
        if fault is not None:
            return _fail(fault.message, fault.hint)
        if os.environ.get("JIXIAO_DEBUG"):
            raise
        return _fail(
            _("internal error: {kind}: {error}").format(kind=type(error).__name__, error=error),
            _("this is a bug in jixiao; run again with JIXIAO_DEBUG=1 for details"),
            EXIT_FAILURE,
        )


def _environment_fault(error: Exception, args: argparse.Namespace) -> UsageError | None:
    """A full disk, a read-only, damaged or busy store met anywhere in a command: the
    machine's fault, not a bug, and the message names the fix."""
    from jixiao.store import StoreError, store_fault
    from jixiao.tui.cli.commands.common import store_path

    fault = error if isinstance(error, StoreError) else store_fault(error, store_path(args))
    return None if fault is None else UsageError(fault.message, fault.hint)


def _fail(message: str, hint: str = "", code: int = EXIT_USAGE) -> int:
    from jixiao.tui.cli.output import message as say_on_stderr  # shows document text escaped

    say_on_stderr(_("jixiao: error: {message}").format(message=message))
    if hint:
        say_on_stderr(_("hint: {hint}").format(hint=hint))
    return code
