"""Split a run of digits that lost its separators back into a row's cells.

Some sites print ``一、本年新收政府信息公开申请数量200000121``: seven cells
run together.  Every way of cutting the run into ``n`` numbers without
leading zeros is tried; the table's identity for the row (e.g. total = sum of
the applicant columns) picks the cut.  When several cuts fit (or, with no
identity, when more than one cut exists at all) the row is ambiguous: the
caller records it and keeps the best guess.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

__all__ = ["Split", "split_digits"]

#: Above this many candidate cuts the run is not worth searching (and cannot be trusted).
_MAX_CUTS = 200_000

Check = Callable[[tuple[int, ...]], bool]


class Split:
    """The outcome: the chosen cells and whether another cut fitted as well."""

    __slots__ = ("ambiguous", "parts")

    def __init__(self, parts: tuple[str, ...], ambiguous: bool) -> None:
        self.parts = parts
        self.ambiguous = ambiguous


def _cuts(digits: str, n: int) -> Iterator[tuple[str, ...]]:
    """Every split of ``digits`` into ``n`` parts, each ``0`` or without a leading zero."""
    if n == 1:
        if digits and (digits == "0" or digits[0] != "0"):
            yield (digits,)
        return
    if not digits:
        return
    if digits[0] == "0":
        for rest in _cuts(digits[1:], n - 1):
            yield ("0", *rest)
        return
    # Leave at least one digit for each remaining part.
    for k in range(1, len(digits) - n + 2):
        for rest in _cuts(digits[k:], n - 1):
            yield (digits[:k], *rest)


def _balance(parts: tuple[str, ...]) -> tuple[int, int]:
    # Best guess without an identity: the most even lengths, then the longest last cell
    # (totals and "in force" counts tend to be the largest numbers of a row).
    lengths = [len(p) for p in parts]
    return (max(lengths) - min(lengths), -lengths[-1])


def split_digits(digits: str, n: int, check: Check | None) -> Split | None:
    """Cut ``digits`` into ``n`` cells; ``None`` when no cut exists at all."""
    if n <= 0 or len(digits) < n or not digits.isdigit():
        return None
    if len(digits) == n:
        return Split(tuple(digits), False)  # one digit per cell: the only possible cut
    fitting: list[tuple[str, ...]] = []
    every: list[tuple[str, ...]] = []
    for count, parts in enumerate(_cuts(digits, n)):
        if count >= _MAX_CUTS:
            break
        every.append(parts)
        if check is not None and check(tuple(int(p) for p in parts)):
            fitting.append(parts)
            if len(fitting) > 1 and len(every) > 1000:
                break
    if not every:
        return None
    if check is None:
        return Split(min(every, key=_balance), len(every) > 1)
    if fitting:
        return Split(min(fitting, key=_balance), len(fitting) > 1)
    return Split(min(every, key=_balance), True)
