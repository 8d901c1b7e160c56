"""Text clean-up shared by every layout: undo the PDF's cell wrapping, compare labels."""

from __future__ import annotations

import re
import unicodedata


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= code <= 0x4DBF  # extension A
        or 0x3000 <= code <= 0x303F  # CJK punctuation: 、。〔〕【】《》
        or 0xFF00 <= code <= 0xFFEF  # full-width forms: （）：；，
        or ch in "“”‘’"
    )


_SPACES_BETWEEN = re.compile(r"(?<=\S)[ \u3000]+(?=\S)")


def join_wraps(text: str) -> str:
    """Remove the spaces a PDF cell wrap leaves between two CJK characters
    ("指标值确定 依据" → "指标值确定依据") and trim the ends.

    Spaces beside Latin letters or digits stay: the documents write "2024 年" and
    "巨好办 APP" on purpose.
    """
    text = text.strip()
    if " " not in text and "\u3000" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        before = text[match.start() - 1]
        after = text[match.end()]
        return "" if _is_cjk(before) and _is_cjk(after) else " "

    return _SPACES_BETWEEN.sub(replace, text)


def squash(text: str) -> str:
    """Drop all whitespace: project codes, and labels split by a wrap anywhere."""
    return "".join(text.split())


def label(text: str) -> str:
    """A cell or heading reduced for comparison with a known label: NFKC (full-width
    colons and brackets become ASCII) and no whitespace."""
    return squash(unicodedata.normalize("NFKC", text))
