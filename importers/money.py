"""Money units, how an amount is written, and exact conversion to 分 (fen, 0.01 元), the
store's integer unit."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from jixiao.i18n import _

if TYPE_CHECKING:
    from decimal import Decimal

# decimal is imported where an amount is read or made (≈ 2 ms): `jixiao ls` writes its
# budgets with fen_text alone.

YUAN_PER_UNIT: dict[str, int] = {"元": 1, "千元": 1_000, "万元": 10_000, "亿元": 100_000_000}
_DIGITS_PER_UNIT = {unit: len(str(yuan)) - 1 for unit, yuan in YUAN_PER_UNIT.items()}

MAX_FEN = 10**14
"""The largest amount read, in 分: 1 万亿元 (10^12 元), more than any department's budget. The
store holds 分 in SQLite's 64-bit integers (up to about 9.2 × 10^18): under this bound a sum
of 92,000 amounts (a document's budget, a total over a whole store) is still exact."""

# Full-width digits, point and comma (an input method's ９９．５０, １，０００) read as the
# ASCII ones they stand for; any other script's digits are refused, not guessed at.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_AMOUNT = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?", re.ASCII)


def parse_amount(text: str) -> Decimal:
    """An amount as a document writes it, exactly, or ValueError saying what was expected.

    Read: "16.80", "-3", full-width "９９．５"; a comma only as a thousands separator, between
    groups of three digits ("1,000.00" is one thousand; "1,00" is refused: a decimal comma or
    a typo). Refused: exponents ("1e30"), "NaN", "Infinity", other scripts' digits."""
    written = "".join(text.split()).translate(_FULL_WIDTH)
    if not _AMOUNT.fullmatch(written):
        raise ValueError(
            _(
                "'{text}' is not an amount; expected a number such as 16.80 or 1,000.00 "
                "(digits, a decimal point, commas only between thousands)"
            ).format(text=text)
        )
    from decimal import Decimal

    return Decimal(written.replace(",", ""))


def to_fen(amount: Decimal, unit: str) -> int:
    """Exact, or ValueError: 16.80 万元 → 16800000 分; 0.001 元 cannot be held, nor more than
    MAX_FEN."""
    if unit not in YUAN_PER_UNIT:
        raise ValueError(
            _("unknown money unit '{unit}'; expected one of {units}").format(
                unit=unit, units=", ".join(YUAN_PER_UNIT)
            )
        )
    if not amount.is_finite():
        raise ValueError(_("'{amount}' is not an amount").format(amount=amount))
    digits = _DIGITS_PER_UNIT[unit] + 2
    # adjusted() is the power of ten of the leading digit: a cheap test that keeps 1e309
    # away from arithmetic that would raise or build a huge integer.
    if amount and amount.adjusted() + digits > len(str(MAX_FEN)) - 1:
        raise ValueError(_too_large(amount, unit))
    fen = amount.scaleb(digits)
    if fen != fen.to_integral_value():
        raise ValueError(
            _("{amount} {unit} is not a whole number of 分").format(amount=amount, unit=unit)
        )
    if abs(fen) > MAX_FEN:
        raise ValueError(_too_large(amount, unit))
    return int(fen)


def _too_large(amount: Decimal, unit: str) -> str:
    return _(
        "{amount} {unit} is more than the store holds; amounts up to 1 万亿元 ({most:,} 元) "
        "are read"
    ).format(amount=amount, unit=unit, most=MAX_FEN // 100)


def from_fen(fen: int, unit: str) -> Decimal:
    """Back to the document's unit, written with at least two decimal places ("16.80")."""
    from decimal import Decimal

    return at_least_cents(Decimal(fen).scaleb(-(_DIGITS_PER_UNIT[unit] + 2)))


def fen_text(fen: int, unit: str) -> str:
    """`str(from_fen(fen, unit))` from the digits, in less than half its time: `jixiao ls`
    writes a budget for each of a province's ten thousand documents."""
    digits = _DIGITS_PER_UNIT[unit] + 2
    if digits > 6:  # 亿元: Decimal writes less than 10^-6 with an exponent (3 分 is "3E-10")
        return str(from_fen(fen, unit))
    text = str(abs(fen)).rjust(digits + 1, "0")  # a digit at least before the point
    point = len(text) - digits
    sign = "-" if fen < 0 else ""
    # the cents always, the digits after them where they are not zeros, as at_least_cents
    return f"{sign}{text[:point]}.{text[point : point + 2]}{text[point + 2 :].rstrip('0')}"


def at_least_cents(amount: Decimal) -> Decimal:
    """16.8 → 16.80; 0.123456 stays as it is; 16.800000 → 16.80."""
    trimmed = amount.normalize()
    exponent = trimmed.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent < -2:
        return trimmed
    from decimal import Decimal

    return amount.quantize(Decimal("0.01"))


def money_text(amount: Decimal | None) -> str | None:
    """Money as the export contract writes it: a decimal string such as "16.80", or None."""
    return None if amount is None else str(at_least_cents(amount))
