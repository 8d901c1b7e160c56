"""Cells written for Excel and WPS (CSV, xlsx) that cannot run as formulas.

OWASP's CSV-injection rule: a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
return is read by a spreadsheet as a formula (`=HYPERLINK("http://x","y")`, `@SUM(A1)`,
`-2+3+cmd|' /C calc'!A0`); such a cell gets a leading `'`, which spreadsheets take as "this
is text" and do not show.

Numbers stay numbers. A CSV has no types, so a cell counts as a number by its whole text: an
optional sign, digits, an optional fraction and an optional `%` (`-5.00`, `+12.50`, `95%`).
A spreadsheet reads such a cell as that number, not as a formula, and nothing in it can run.
Amounts, shares and changes are written so; a document's text that is only a number
(`+1`) is left alone by the same rule. Control characters are escaped visibly as everywhere
else (openpyxl refuses most of them in a workbook)."""

from __future__ import annotations

import re
from typing import Any

from jixiao.importers.controls import visible

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?%?")


def is_number_text(text: str) -> bool:
    return _NUMBER.fullmatch(text) is not None


def safe_text(text: str) -> str:
    """A text cell as a spreadsheet may read it: control characters escaped (tab and
    newline kept inside the cell), a formula-like start neutralised with `'`."""
    if text.startswith(_FORMULA_START) and not is_number_text(text):
        text = "'" + text
    return visible(text)


def safe_cell(value: Any) -> Any:
    """A cell value for a workbook or a CSV: numbers (int, float) as they are, None as an
    empty cell, anything else as safe text."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return safe_text(str(value))
