"""argparse's own words (usage, the headings of the help, its errors) in the interface's
language.

argparse translates through the module-level `_` it imported from gettext, which reads the
process's locale and the default text domain: not the language jixiao chose (--lang,
$JIXIAO_LANG, the config file), and a server reached over SSH has no catalog for it anyway.
So that name is pointed at jixiao's catalog, which holds the words listed here."""

from __future__ import annotations

import argparse
import re
from typing import Any

from jixiao.i18n import N_, N_plural, _, ngettext

WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
    N_("can't open '%(filename)s': %(error)s"),
    N_plural("expected %s argument", "expected %s arguments"),  # an option of nargs=N
)
"""What argparse says to a user of jixiao's commands (its programming errors stay English)."""


def whole_number(text: str) -> int:
    """The type of a count, a year or a number given on the command line: its mistake is
    worded for a person ("'x' is not a whole number"), where argparse's names Python's type
    ("invalid int value: 'x'")."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a whole number").format(value=text)
        ) from None


def speak_argparse() -> None:
    """From now on argparse speaks the chosen language (each string is looked up when shown)."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


_CJK_HEADING = re.compile(r"^([^\s\n][^\n]*[^\x00-\x7f]):$", re.MULTILINE)
"""A help section's heading line (no indent) in Chinese, with argparse's ASCII colon."""


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, wrapped by terminal cells rather than characters: it counts a CJK
    character as one column, so Chinese help ran to twice the terminal's width. Text in
    Chinese is broken as every wrapped text on screen is (tui/linebreak.py: no line starts
    with closing punctuation, a number stays with its unit); ASCII text as before."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        if text.isascii():
            return super()._split_lines(text, width)
        from jixiao.tui.linebreak import wrap

        return wrap(" ".join(text.split()), width)

    def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None) -> str:
        """Usage's later lines line up under the first's arguments, whose indent argparse
        counted in characters: `用法：` is three and takes six columns."""
        text = super()._format_usage(usage, actions, groups, prefix)
        shown = _("usage: ") if prefix is None else prefix
        if shown.isascii():
            return text
        from wcwidth import wcswidth

        extra = " " * (wcswidth(shown) - len(shown))
        first, *rest = text.split("\n")
        return "\n".join([first, *(extra + line if line.strip() else line for line in rest)])

    def format_help(self) -> str:
        """A Chinese section heading ends with a full-width colon (位置参数：), as every
        Chinese label does; argparse writes an ASCII one after any heading."""
        return _CJK_HEADING.sub(r"\1：", super().format_help())

    def _format_action(self, action: argparse.Action) -> str:
        """An option whose invocation has CJK in it (`--grade {优,良,中,差}`): argparse padded
        it to the help's column by characters, so its help starts that many columns too far
        right; the padding is taken back, or the help goes under it when too little is left."""
        text = super()._format_action(action)
        invocation = self._format_action_invocation(action)
        from wcwidth import wcswidth

        extra = wcswidth(invocation) - len(invocation)
        first, newline, rest = text.partition("\n")
        head, found, after = first.partition(invocation)
        help_text = after.lstrip(" ")
        if extra <= 0 or not found or not help_text:
            return text
        padding = len(after) - len(help_text)
        if padding - extra >= 2:
            first = head + invocation + " " * (padding - extra) + help_text
        else:
            help_position = len(head) + len(invocation) + padding
            first = head + invocation + "\n" + " " * help_position + help_text
        return first + newline + rest

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.isascii():
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))
