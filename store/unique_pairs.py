"""Pair two lists by a key, only where the key names exactly one row on each side: the rule
for carrying review marks to a new revision and for compare's exact keys."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from typing import Protocol, TypeVar


class HasId(Protocol):
    @property
    def id(self) -> int: ...


Row = TypeVar("Row", bound=HasId)


def unique_pairs(old: Sequence[Row], new: Sequence[Row],
                 key: Callable[[Row], Hashable]) -> list[tuple[Row, Row]]:  # fmt: skip
    """(old row, new row) pairs whose key is shared by exactly one row on each side. An empty
    key pairs nothing."""
    # Each row's key made once (every import links each document's projects by two keys).
    old_keyed = [(key(row), row) for row in old]
    new_keyed = [(key(row), row) for row in new]
    old_counts = Counter(k for k, _row in old_keyed)
    new_counts = Counter(k for k, _row in new_keyed)
    new_by_key = {k: row for k, row in new_keyed if new_counts[k] == 1}
    return [
        (row, new_by_key[k]) for k, row in old_keyed if k and old_counts[k] == 1 and k in new_by_key
    ]
