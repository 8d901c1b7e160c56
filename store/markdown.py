"""Markdown for the store's reports (a document's export, a comparison, the review report):
text from documents put in as inert text, and tables from headers and rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from jixiao.importers.controls import visible


def cell(text: str) -> str:
    """Escape what Markdown would read as markup, and show control characters escaped
    (importers/controls.py); keep the text otherwise as written. Newlines become spaces, so
    the text stays in its line, list item or table cell."""
    return (
        visible(text)
        .replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("[", "\\[")
        .replace("`", "\\`")
        .replace("\n", " ")
    )


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A pipe table's lines; every cell (headers too) goes through `cell`."""
    lines = [_row(headers), "|" + "---|" * len(headers)]
    return lines + [_row(row) for row in rows]


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell(text) for text in cells) + " |"
