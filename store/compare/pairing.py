"""Pair the projects of two documents (DESIGN.md, "Compare"): units first; then exact keys,
each accepted only where it is unique on both sides — a pairing the user confirmed, the code
with its year digits masked, the normalised name; then an optimal fuzzy assignment over what
is left, with the option to leave a project unpaired, so that unrelated projects are never
forced together. Spending plans are never evidence of identity."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from jixiao.store.name_keys import mask_code, normalize_name
from jixiao.store.unique_pairs import unique_pairs

AUTO = 80.0
"""A fuzzy score at least this high, with a clear lead, pairs without asking."""
ASK = 55.0
"""From this score up to AUTO (or without a clear lead) the pairing is offered to confirm."""
LEAD = 5.0
"""How far a fuzzy pairing must beat every other candidate of either project."""
_FORBIDDEN = 1e6


@dataclass(frozen=True)
class Item:
    """What pairing needs to know of a project (or a unit)."""

    id: int
    code: str
    name: str


@dataclass(frozen=True)
class Pair:
    a: Item | None
    b: Item | None
    match: str | None
    """"confirmed", "code", "name", "fuzzy", or None for an added or removed project."""
    score: float | None
    certain: bool
    """False for a fuzzy pairing the user should confirm."""


def similarity(a: str, b: str) -> float:
    """S = max(ratio, 0.9 × partial_ratio) on normalised names, 0–100. (rapidfuzz's
    token-based scorers split on spaces and do nothing for Chinese.)"""
    left, right = normalize_name(a), normalize_name(b)
    return max(fuzz.ratio(left, right), 0.9 * fuzz.partial_ratio(left, right))


def pair_items(
    a: Sequence[Item],
    b: Sequence[Item],
    confirmed: set[tuple[int, int]] = frozenset(),  # type: ignore[assignment]
    rejected: set[tuple[int, int]] = frozenset(),  # type: ignore[assignment]
    fuzzy: bool = True,
) -> list[Pair]:
    """Pairs, in the order of `b` then the unpaired of `a`."""
    pairs: list[Pair] = []
    left, right = list(a), list(b)

    def take(matched: list[tuple[Item, Item]], match: str) -> None:
        nonlocal left, right
        for x, y in matched:
            pairs.append(Pair(x, y, match, None, True))
        used_a = {x.id for x, _ in matched}
        used_b = {y.id for _, y in matched}
        left = [x for x in left if x.id not in used_a]
        right = [y for y in right if y.id not in used_b]

    take([(x, y) for x in left for y in right if (x.id, y.id) in confirmed], "confirmed")
    for match, key in (("code", lambda item: mask_code(item.code)),
                       ("name", lambda item: normalize_name(item.name))):  # fmt: skip
        found = unique_pairs(left, right, key)
        take([(x, y) for x, y in found if (x.id, y.id) not in rejected], match)
    if fuzzy and left and right:
        take_fuzzy = _fuzzy_pairs(left, right, rejected)
        for x, y, score, certain in take_fuzzy:
            pairs.append(Pair(x, y, "fuzzy", score, certain))
        used_a = {x.id for x, *_ in take_fuzzy}
        used_b = {y.id for _, y, *_ in take_fuzzy}
        left = [x for x in left if x.id not in used_a]
        right = [y for y in right if y.id not in used_b]
    pairs += [Pair(None, y, None, None, True) for y in right]
    pairs += [Pair(x, None, None, None, True) for x in left]
    order = {item.id: position for position, item in enumerate(b)}
    later = len(order)
    return sorted(pairs, key=lambda p: order[p.b.id] if p.b else later)


def _fuzzy_pairs(
    a: Sequence[Item], b: Sequence[Item], rejected: set[tuple[int, int]]
) -> list[tuple[Item, Item, float, bool]]:
    """The optimal assignment, where leaving a project unpaired costs as much as pairing it at
    the ASK score: a pairing below ASK can never be chosen."""
    # numpy and scipy take ≈ 350 ms to load: only a comparison with unpaired names pays it
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    scores = np.array([[0.0 if (x.id, y.id) in rejected else similarity(x.name, y.name)
                        for y in b] for x in a])  # fmt: skip
    n, m = scores.shape
    cost = np.full((n + m, m + n), 0.0)
    cost[:n, :m] = np.where(scores >= ASK, 100.0 - scores, _FORBIDDEN)
    cost[:n, m:] = _FORBIDDEN
    cost[np.arange(n), m + np.arange(n)] = 100.0 - ASK  # a leaves unpaired
    cost[n:, :m] = _FORBIDDEN
    cost[n + np.arange(m), np.arange(m)] = 100.0 - ASK  # b stays unpaired
    rows, columns = linear_sum_assignment(cost)
    chosen = []
    for row, column in zip(rows, columns, strict=True):
        if row < n and column < m and scores[row, column] >= ASK:
            score = float(scores[row, column])
            rivals = [*np.delete(scores[row, :], column), *np.delete(scores[:, column], row)]
            lead = score - max(rivals, default=0.0)
            chosen.append(
                (a[row], b[column], round(score, 1), bool(score >= AUTO and lead >= LEAD))
            )
    return chosen
