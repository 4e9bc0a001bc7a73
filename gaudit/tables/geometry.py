"""Place the values of a row that lost an empty cell by where they stand on the line.

Text laid out in columns of spaces (``行政复议 … 0     0          0    0``) loses an empty
cell's place once the spaces are read as separators: the row's values fill its first
columns.  When the other rows of the table (or the table's header words) show where each
column stands, each value goes to the nearest column, in order, and the empty ones stay
blank.  The layout may have been aligned by characters or by display width (a CJK
character taking two cells); both are tried and the closer fit wins.  When no fit is
clear (a value halfway between two columns), the row is left as it was.

A row with no reference at all (the reviews table of a PDF, whose header words wrap over
several lines) can still show its own columns when they are evenly spaced, as the
template draws that table: :func:`place_on_grid`.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate, pairwise
from statistics import median

from gaudit.model import PositionMap
from gaudit.tables.tokens import Token

__all__ = ["Locator", "place", "place_on_grid"]

#: A value may stand at most this share of the gap between two columns off its column.
_TOLERANCE = 0.45
#: On an even grid, a gap between two values may be at most this share of the columns'
#: pitch off a whole number of columns.
_GRID_TOLERANCE = 0.3


def _width(text: str) -> int:
    """Display cells: wide and full-width characters take two (nothing below U+1100 is wide)."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ch >= "\u1100" and unicodedata.east_asian_width(ch) in "WF")


class Locator:
    """Where a token stands on its line of the original file, in characters and in cells."""

    def __init__(self, positions: PositionMap) -> None:
        self._text = positions.source.text
        self._starts = positions.source.line_starts
        self._offsets = positions.offsets
        # Each reference token is measured for every short row and both metrics: once is enough.
        self._centres: dict[tuple[int, str], tuple[float, float]] = {}

    def line(self, token: Token) -> int:
        return bisect_right(self._starts, self._offsets[token.start]) - 1

    def centres(self, token: Token) -> tuple[float, float]:
        """(character column, display column) of the token's middle."""
        key = (token.start, token.text)
        known = self._centres.get(key)
        if known is not None:
            return known
        offset = self._offsets[token.start]
        start = self._starts[bisect_right(self._starts, offset) - 1]
        chars = offset - start
        cells = _width(self._text[start:offset])
        known = self._centres[key] = (chars + len(token.text) / 2, cells + _width(token.text) / 2)
        return known


def place(values: Sequence[Token], references: Sequence[Sequence[Token]], ncols: int,
          where: Locator) -> list[Token] | None:
    """``values`` (fewer than ``ncols``, on one line) spread over the columns, blanks between.

    ``references`` are token lists of ``ncols`` each whose positions mark the columns
    (the table's complete rows, or its header words).  None when no placement is clear.
    """
    if not values or len(values) >= ncols or not references:
        return None
    if any(t.piped for t in values) or len({where.line(v) for v in values}) != 1:
        return None  # pipes (or tabs) say where cells are; geometry is for columns of spaces
    best: tuple[float, list[int]] | None = None
    for metric in (0, 1):
        spread = [[where.centres(ref[c])[metric] for ref in references] for c in range(ncols)]
        columns = [median(column) for column in spread]
        gaps = [b - a for a, b in pairwise(columns)]
        if min(gaps, default=0) <= 0:
            continue  # references out of order under this metric: not how the page was laid out
        allowed = _TOLERANCE * min(gaps)
        if any(max(column) - min(column) > allowed for column in spread):
            continue  # the reference rows themselves are not aligned: no columns to go by
        spots = [where.centres(v)[metric] for v in values]
        fit = _assign(spots, columns)
        if fit is None:
            continue
        cost, chosen = fit
        if any(abs(spots[i] - columns[c]) > allowed for i, c in enumerate(chosen)):
            continue
        if best is None or cost < best[0]:
            best = (cost, chosen)
    if best is None:
        return None
    return _spread(values, best[1], ncols)


def place_on_grid(values: Sequence[Token], ncols: int, where: Locator) -> list[Token] | None:
    """``values`` (fewer than ``ncols``, on one line) spread over ``ncols`` evenly spaced
    columns, by the row's own gaps: most are one column's pitch, and a gap of two pitches
    holds an empty cell.  Only when the values span the whole row (the first in the first
    column, the last in the last: an empty cell at either end shows no gap) and every gap
    is a whole number of pitches; None otherwise."""
    if len(values) < max(4, ncols // 2) or len(values) >= ncols:
        return None  # too few gaps to tell a pitch
    if any(t.piped for t in values) or len({where.line(v) for v in values}) != 1:
        return None
    fits: set[tuple[int, ...]] = set()
    for metric in (0, 1):
        spots = [where.centres(v)[metric] for v in values]
        gaps = [b - a for a, b in pairwise(spots)]
        pitch = median(gaps)
        if min(gaps) <= 0:
            continue
        steps = [round(gap / pitch) for gap in gaps]
        if min(steps) < 1 or sum(steps) != ncols - 1 or any(abs(gap / pitch - step) > _GRID_TOLERANCE
                                          for gap, step in zip(gaps, steps, strict=True)):
            continue
        fits.add(tuple(accumulate(steps, initial=0)))
    if len(fits) != 1:
        return None  # no even grid, or the two metrics disagree
    return _spread(values, list(fits.pop()), ncols)


def _spread(values: Sequence[Token], chosen: list[int], ncols: int) -> list[Token]:
    """The row's cells: value i in column ``chosen[i]``, blanks in the others."""
    placed: list[Token] = []
    by_column = dict(zip(chosen, values, strict=True))
    for c in range(ncols):
        token = by_column.get(c)
        placed.append(token if token is not None else Token("", values[0].start, values[0].line, "blank"))
    return placed


def _assign(spots: Sequence[float], columns: Sequence[float]) -> tuple[float, list[int]] | None:
    """The increasing choice of columns for the spots with the least total distance."""
    k, n = len(spots), len(columns)
    inf = float("inf")
    # cost[i][c]: best total for the first i+1 spots with spot i in column c.
    cost = [[inf] * n for _ in range(k)]
    back = [[-1] * n for _ in range(k)]
    for c in range(n):
        cost[0][c] = abs(spots[0] - columns[c])
    for i in range(1, k):
        best_prev, best_at = inf, -1
        for c in range(n):
            if c > 0 and cost[i - 1][c - 1] < best_prev:
                best_prev, best_at = cost[i - 1][c - 1], c - 1
            if best_at >= 0:
                cost[i][c] = best_prev + abs(spots[i] - columns[c])
                back[i][c] = best_at
    end = min(range(n), key=lambda c: cost[k - 1][c])
    if cost[k - 1][end] == inf:
        return None
    chosen = [end]
    for i in range(k - 1, 0, -1):
        chosen.append(back[i][chosen[-1]])
    return cost[k - 1][end], chosen[::-1]
