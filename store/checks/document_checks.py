"""Checks of the document as a whole."""

from __future__ import annotations

from collections.abc import Iterator

from importers.model import ParsedDocument
from store.checks.model import Finding, check


@check("T001", "warning", "The table of contents and the tables disagree")
def contents(document: ParsedDocument, notes: list[str]) -> Iterator[Finding]:
    """The importer compared them; its warnings say where."""
    for message in notes:
        if "table of contents" in message and "no table of contents" not in message:
            yield Finding("T001", "warning", message)
