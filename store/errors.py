"""Errors the store raises for the user to read: what went wrong, and how to fix it."""

from __future__ import annotations


class StoreError(Exception):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
