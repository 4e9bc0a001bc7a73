"""A memo for the hot path that stays small over thousands of files."""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """A dict of results that is emptied when it reaches ``limit`` entries.

    Label texts, words and numbers recur from report to report, so memos of them
    pay; but a run over ten thousand reports also meets texts seen once. Emptying
    a full memo keeps memory flat and lookups at plain ``dict`` speed (an LRU
    cache would cost more per lookup than most of these results cost to compute).
    """

    __slots__ = ("limit",)

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def keep(self, key: K, value: V) -> V:
        """Store ``value`` under ``key`` and return it."""
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value
