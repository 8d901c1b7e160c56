"""Money units and exact conversion to 分 (fen, 0.01 元), the store's integer unit."""

from __future__ import annotations

from decimal import Decimal

YUAN_PER_UNIT: dict[str, int] = {"元": 1, "千元": 1_000, "万元": 10_000, "亿元": 100_000_000}
_DIGITS_PER_UNIT = {unit: len(str(yuan)) - 1 for unit, yuan in YUAN_PER_UNIT.items()}


def to_fen(amount: Decimal, unit: str) -> int:
    """Exact, or ValueError: 16.80 万元 → 16800000 分; 0.001 元 cannot be held."""
    if unit not in YUAN_PER_UNIT:
        raise ValueError(f"unknown money unit '{unit}'; expected one of {', '.join(YUAN_PER_UNIT)}")
    fen = amount.scaleb(_DIGITS_PER_UNIT[unit] + 2)
    if fen != fen.to_integral_value():
        raise ValueError(f"{amount} {unit} is not a whole number of 分")
    return int(fen)


def from_fen(fen: int, unit: str) -> Decimal:
    """Back to the document's unit, written with at least two decimal places ("16.80")."""
    return at_least_cents(Decimal(fen).scaleb(-(_DIGITS_PER_UNIT[unit] + 2)))


def at_least_cents(amount: Decimal) -> Decimal:
    """16.8 → 16.80; 0.123456 stays as it is; 16.800000 → 16.80."""
    trimmed = amount.normalize()
    exponent = trimmed.as_tuple().exponent
    assert isinstance(exponent, int)
    return trimmed if exponent < -2 else amount.quantize(Decimal("0.01"))


def money_text(amount: Decimal | None) -> str | None:
    """Money as the export contract writes it: a decimal string such as "16.80", or None."""
    return None if amount is None else str(at_least_cents(amount))
