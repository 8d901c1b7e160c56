"""Read a target value (指标值) into comparator, number and unit, or say that it has none."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from jixiao.importers.model import Target

# Longest first, so that "<=" is not read as "<".
_OPERATORS: tuple[tuple[str, str], ...] = (
    (">=", "≥"),
    ("<=", "≤"),
    ("≥", "≥"),
    ("≧", "≥"),
    ("⩾", "≥"),
    ("≤", "≤"),
    ("≦", "≤"),
    ("⩽", "≤"),
    (">", ">"),
    ("<", "<"),
    ("=", "="),
    ("不低于", "≥"),
    ("不少于", "≥"),
    ("大于等于", "≥"),
    ("不高于", "≤"),
    ("不超过", "≤"),
    ("不多于", "≤"),
    ("小于等于", "≤"),
    ("大于", ">"),
    ("高于", ">"),
    ("小于", "<"),
    ("低于", "<"),
)
_NUMBER_THEN_UNIT = re.compile(r"([+-]?\d+(?:\.\d+)?)\s*([^\d]*)")


@lru_cache(maxsize=4096)  # the same few dozen values (100%, ≥95%, 12 月底) fill most tables
def parse_target(value: str) -> tuple[str, Target | None]:
    """Return (kind, target): kind is "numeric" with a Target, "qualitative" when the value
    holds no number ("提升", "长期", "每月"), or "other" when it holds numbers that are not one
    comparator-number-unit ("1-2 次", "2024 年 6 月") and so are left for a person to read."""
    text = "".join(unicodedata.normalize("NFKC", value).split())
    if not any(ch.isdigit() for ch in text):
        return "qualitative", None
    op = "="
    for written, meaning in _OPERATORS:
        if text.startswith(written):
            op, text = meaning, text[len(written) :]
            break
    match = _NUMBER_THEN_UNIT.fullmatch(text)
    if match is None:
        return "other", None
    number, unit = match.groups()
    return "numeric", Target(op=op, number=Decimal(number), unit=unit)
