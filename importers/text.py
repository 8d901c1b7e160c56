"""Text clean-up shared by every layout: undo the PDF's cell wrapping, compare labels."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Ideographs (and extension A), CJK punctuation (、。〔〕【】《》), full-width forms (（）：；，)
# and curly quotes: the characters a PDF cell wrap can leave a space between.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\u3001-\u303f\uff00-\uffef“”‘’"
_SPACE_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}])[ \u3000]+(?=[{_CJK}])")
_SPACE_RUN = re.compile("[ \u3000]{2,}")


def join_wraps(text: str) -> str:
    """Remove the spaces a PDF cell wrap leaves between two CJK characters
    ("指标值确定 依据" → "指标值确定依据"), fold other runs of spaces into one, and trim.

    Spaces beside Latin letters or digits stay: the documents write "2024 年" and
    "巨好办 APP" on purpose.
    """
    text = text.strip()
    if " " not in text and "\u3000" not in text:
        return text
    text = _SPACE_BETWEEN_CJK.sub("", text)
    return _SPACE_RUN.sub(" ", text) if "  " in text or "\u3000" in text else text


def squash(text: str) -> str:
    """Drop all whitespace: project codes, and labels split by a wrap anywhere."""
    return "".join(text.split())


@lru_cache(maxsize=4096)  # called on every row's first cell: the template's few labels
def label(text: str) -> str:
    """A cell or heading reduced for comparison with a known label (see reduced)."""
    return reduced(text)


def reduced(text: str) -> str:
    """Text reduced for comparison with a known label: NFKC (full-width colons and brackets
    become ASCII) and no whitespace. Not remembered, unlike label: for a whole text."""
    return squash(unicodedata.normalize("NFKC", text))


def one_line(text: str) -> str:
    """A cell's or a paragraph's text as one line of a tab-separated rendering: its line
    breaks (a wrapped cell) and tabs become spaces, and the ends are trimmed."""
    return " ".join(text.replace("\t", " ").split("\n")).strip()
