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
    old_keys = Counter(key(row) for row in old)
    new_keys = Counter(key(row) for row in new)
    new_by_key = {key(row): row for row in new if new_keys[key(row)] == 1}
    return [
        (row, new_by_key[key(row)])
        for row in old
        if key(row) and old_keys[key(row)] == 1 and key(row) in new_by_key
    ]
