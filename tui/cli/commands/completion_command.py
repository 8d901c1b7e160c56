"""jixiao completion bash|zsh|fish: the shell's completion script for jixiao (argcomplete)."""

from __future__ import annotations

import argparse

from jixiao.i18n import N_, _

SUMMARY = N_("print the shell completion script for bash, zsh or fish")
DESCRIPTION = N_(
    "Prints a script that makes the shell complete jixiao's commands, options and their "
    "choices with Tab. Load it from the shell's start-up file, e.g. for bash "
    'eval "$(jixiao completion bash)" in ~/.bashrc, for zsh the same in ~/.zshrc, for fish '
    "jixiao completion fish > ~/.config/fish/completions/jixiao.fish."
)

SHELLS = ("bash", "zsh", "fish")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=SHELLS, help=_("the shell: bash, zsh or fish"))


def run(args: argparse.Namespace) -> int:
    from argcomplete import shellcode

    # The script runs `jixiao` with _ARGCOMPLETE set; main then answers from the parser.
    print(shellcode(["jixiao"], shell=args.shell), end="")
    return 0
