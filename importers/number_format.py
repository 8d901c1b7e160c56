"""A spreadsheet cell's number as its number format shows it: `0.00` → two decimals,
`0%` → the fraction ×100 with a `%`, `#,##0.00` with thousands separators, quoted text
(`0"份"`) kept. Exact: the float a workbook stores goes through its repr to a Decimal and
is rounded half up to the format's decimals, as Excel shows it — never float arithmetic,
so 7157.01 stays 7157.01 and 0.1+0.2 with `0.00` is 0.30.

Formats it cannot show (scientific, fractions, dates on a number) fall back to General: the
number's shortest exact decimal, at most 15 significant digits (a float holds no more).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Context, Decimal

_PLACEHOLDERS = "0#?"
_GENERAL_DIGITS = Context(prec=15, rounding=ROUND_HALF_UP)


def shown(value: object, number_format: str | None) -> str:
    """The text a spreadsheet shows for a cell value that is not a string."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes" if not value.second else "seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes" if not value.second else "seconds")
    if isinstance(value, int | float):
        return _number(exact(value), number_format or "General")
    return str(value)


def exact(value: int | float) -> Decimal:
    """The number as typed: a float's repr is the shortest decimal that reads back as the
    same float (7157.01, not 7157.0100000000002183…)."""
    return Decimal(value) if isinstance(value, int) else Decimal(repr(value))


def general(number: Decimal) -> str:
    if not number.is_finite():
        return str(number)
    rounded = _GENERAL_DIGITS.plus(number)
    text = format(rounded.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _number(number: Decimal, number_format: str) -> str:
    sections = _sections(number_format)
    sign = ""
    if number < 0 and len(sections) >= 2:
        section, number = sections[1], -number  # the section writes its own sign, if any
    elif number == 0 and len(sections) >= 3:
        section = sections[2]
    else:
        section = sections[0]
        if number < 0:
            sign, number = "-", -number
    parsed = _parse_section(section)
    if parsed is None:
        return sign + general(number)
    prefix, pattern, suffix, percent = parsed
    if not pattern:  # a section of text alone: `0.00;-0.00;"-"` shows a zero as "-"
        return prefix + suffix
    if not number.is_finite():
        return sign + str(number)
    if percent:
        number = number.scaleb(2)
    return prefix + sign + _digits(number, pattern) + suffix


def _sections(number_format: str) -> list[str]:
    """The format's `;`-separated sections (positive; negative; zero; text), quotes kept."""
    sections, current, quoted = [], [], False
    for char in number_format:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            sections.append("".join(current))
            current = []
        else:
            current.append(char)
    sections.append("".join(current))
    return sections


def _parse_section(section: str) -> tuple[str, str, str, bool] | None:
    """(text before the number, the number's placeholders, text after it, percent), or
    None for a section shown as General (General, `@`, scientific, fractions, dates)."""
    if section.strip().lower() in ("", "general", "@"):
        return None
    before: list[str] = []
    after: list[str] = []
    pattern: list[str] = []
    percent = False
    position = 0
    while position < len(section):
        char = section[position]
        target = after if pattern else before
        if char == '"':
            end = section.find('"', position + 1)
            end = len(section) if end < 0 else end
            target.append(section[position + 1 : end])
            position = end + 1
            continue
        if char == "\\" and position + 1 < len(section):
            target.append(section[position + 1])
            position += 2
            continue
        if char in "_*":  # a space as wide as the next character; a fill: not text
            position += 2
            continue
        if char == "[":
            end = section.find("]", position)
            end = len(section) if end < 0 else end
            inside = section[position + 1 : end]
            if inside.startswith("$"):  # [$¥-804]: a currency symbol and a locale
                target.append(inside[1:].split("-", 1)[0])
            position = end + 1
            continue
        if char in _PLACEHOLDERS or (char in ".," and not after):
            if after:  # placeholders after text that followed the number: not ours
                return None
            pattern.append(char)
        elif char == "%":
            percent = True
            target.append(char)
        elif char in "Ee/" or char.lower() in "ymdhs":
            return None  # scientific, a fraction, a date or a time on a number
        else:
            target.append(char)
        position += 1
    if not any(char in _PLACEHOLDERS for char in pattern):
        return ("".join(before), "", "", percent) if before and not pattern else None
    return "".join(before), "".join(pattern), "".join(after), percent


def _digits(number: Decimal, pattern: str) -> str:
    scale = len(pattern) - len(pattern.rstrip(","))  # a trailing comma shows thousands
    whole, _, fraction = pattern.rstrip(",").partition(".")
    decimals = sum(char in _PLACEHOLDERS for char in fraction)
    grouped = "," in whole
    number = number.scaleb(-3 * scale)
    rounded = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:,f}" if grouped else f"{rounded:f}"
    if text.startswith("0") and "0" not in whole and decimals:
        text = text[1:]  # "#.00" shows .30, not 0.30
    return text
