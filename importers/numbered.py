"""Split text written as numbered items ("1.通过… 2.通过… 3.通过…") into the items."""

from __future__ import annotations

import re
from functools import lru_cache

# After the separator, a digit would make it a decimal ("22.5 万件") unless a year follows
# ("1.2024 年度党刊征订费").
_NOT_DECIMAL = r"(?:(?!\d)|(?=\d{4}\s*年))"
_ITEM_NUMBER = r"(?:(?<=^)|(?<=[\s。；;，,]))(N)\s*[.．、]" + _NOT_DECIMAL


_STRIPPED = re.compile(r"^(\d{1,3})\s*[.．、]" + _NOT_DECIMAL + r"\s*(.*)$")


@lru_cache(maxsize=128)  # a project's goals rarely pass ten
def _item_number(number: int) -> re.Pattern[str]:
    return re.compile(_ITEM_NUMBER.replace("(N)", f"({number})"))


def split_numbered(text: str) -> list[str]:
    """Items in order, numbers removed. Only the next number in sequence starts an item, so
    figures inside a sentence ("22.5 万件", "2 次") never split it. Text that does not start
    with "1." is one item."""
    text = text.strip()
    first = _item_number(1).match(text) if text.startswith("1") else None
    if first is None:
        return [text] if text else []
    starts = [(first.start(), first.end())]
    number = 2
    while found := _item_number(number).search(text, starts[-1][1]):
        starts.append((found.start(), found.end()))
        number += 1
    items = []
    for index, (_, body_start) in enumerate(starts):
        body_end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        items.append(text[body_start:body_end].strip())
    return items


def strip_item_number(text: str) -> tuple[int | None, str]:
    """ "3.人才工作及政策落实" → (3, "人才工作及政策落实"); also "1、" and "1．"."""
    match = _STRIPPED.match(text.strip())
    if match is None:
        return None, text.strip()
    return int(match.group(1)), match.group(2)
