"""The one error type commands raise for the user: printed as a message and an optional
hint, exit code 2, never a traceback."""

from __future__ import annotations


class UsageError(Exception):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
