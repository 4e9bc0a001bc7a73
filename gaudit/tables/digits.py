"""Split runs of digits that lost their separators back into a row's cells.

Some sites print ``一、本年新收政府信息公开申请数量21710000218``: seven cells
run together.  A row's run is given as *pieces*, the number tokens the text
still separates (a stray space, a sign: ``2648-18538``); a cell never spans two
pieces, a piece's sign opens its first cell and its decimals or unit (``.90元``)
close its last one.  Inside a piece every cut into cells of at most
``max_width`` digits without leading zeros is a *reading*; the row's identities
(``total = sum of the parts`` over groups of cells) keep the readings that fit.

The search is a depth-first walk over cut positions with the identities checked
as soon as a group is complete, bounded twice so that no input can make it
explode: a run longer than ``cells * max_width`` digits has no reading at all
(it is unreadable, not searched), and the walk stops after ``_MAX_STEPS`` steps
(the run is then unreadable too).  Both bounds make the work per row constant,
so a table's reading stays linear in its size.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Group", "Piece", "SplitResult", "piece", "split_pieces"]

#: Steps of the depth-first walk before a run is given up as unreadable.  Real rows need a
#: few hundred at most (an 11-digit applications row has 210 cuts without identities).
_MAX_STEPS = 50_000
#: Readings kept per run: enough to tell one from several and to compare rows' readings
#: against the columns' identities; beyond it the run is ambiguous anyway.
_MAX_READINGS = 64

_PIECE_RE = re.compile(r"([+-]?)(\d+)(\.\d+)?(万元|元)?")


@dataclass(frozen=True)
class Piece:
    """One number token of a run: sign, digits, and the decimals/unit after them."""

    sign: str
    digits: str
    tail: str


def piece(text: str) -> Piece | None:
    """A number token as a :class:`Piece`; ``None`` for anything else (``1,234``, ``无``)."""
    m = _PIECE_RE.fullmatch(text)
    if m is None:
        return None
    return Piece(m.group(1), m.group(2), (m.group(3) or "") + (m.group(4) or ""))


Group = tuple[int, int]
"""Cells ``[a, b)`` of which the last is the sum of the others (a total)."""


@dataclass(frozen=True)
class SplitResult:
    """The readings of a run that fit its identities (at most ``_MAX_READINGS``).

    ``readings`` is empty when none fits; ``unreadable`` when the run could not be
    searched (too long, or the search bound was hit)."""

    readings: tuple[tuple[str, ...], ...]
    unreadable: bool = False


def _value(cell: str) -> float:
    return float(cell.removesuffix("万元").removesuffix("元"))


# Complexity (ruff C901 > 15): one bounded depth-first search; its pruning tests (room left for the
# cells to come, leading zeros, identities, the step and reading caps) belong together in the walk.
def split_pieces(pieces: Sequence[Piece], n: int, groups: Sequence[Group], max_width: int) -> SplitResult:
    """Every reading of ``pieces`` as ``n`` cells that satisfies ``groups`` (see the module doc)."""
    total = sum(len(p.digits) for p in pieces)
    if n <= 0 or len(pieces) > n or total < n:
        return SplitResult(())
    if any(len(p.digits) > max_width * n for p in pieces) or total > max_width * n:
        return SplitResult((), unreadable=True)
    ends = {b - 1: a for a, b in groups}
    # Digits left after each piece: the remaining cells must find room in them.
    left_after = [0] * len(pieces)
    acc = 0
    for k in range(len(pieces) - 1, -1, -1):
        left_after[k] = acc
        acc += len(pieces[k].digits)
    readings: list[tuple[str, ...]] = []
    cells: list[str] = []
    values: list[float] = []
    steps = 0

    def fits(index: int) -> bool:
        start = ends.get(index)
        if start is None:
            return True
        return abs(sum(values[start:index]) - values[index]) < 1e-6

    def walk(k: int, pos: int) -> bool:
        """Cut piece ``k`` from ``pos`` on; False when the search must stop."""
        nonlocal steps
        steps += 1
        if steps > _MAX_STEPS:
            return False
        p = pieces[k]
        rest = len(p.digits) - pos
        cells_left = n - len(cells)
        pieces_left = len(pieces) - k - 1
        for width in range(1, min(max_width, rest) + 1):
            last_of_piece = width == rest
            # Room for the cells still to come (each needs a digit, each piece at least one cell).
            after = (rest - width) + left_after[k]
            need = cells_left - 1
            if need < pieces_left + (0 if last_of_piece else 1) or after < need or after > need * max_width:
                continue
            digits = p.digits[pos:pos + width]
            if width > 1 and digits[0] == "0":
                break
            cell = (p.sign if pos == 0 else "") + digits + (p.tail if last_of_piece else "")
            cells.append(cell)
            values.append(_value(cell))
            ok = True
            if fits(len(cells) - 1):
                if len(cells) == n:
                    if last_of_piece and k == len(pieces) - 1:
                        readings.append(tuple(cells))
                        ok = len(readings) < _MAX_READINGS
                elif last_of_piece:
                    ok = walk(k + 1, 0)
                else:
                    ok = walk(k, pos + width)
            cells.pop()
            values.pop()
            if not ok:
                return False
        return True

    finished = walk(0, 0)
    if not finished and len(readings) < _MAX_READINGS:
        return SplitResult(tuple(readings), unreadable=True)
    return SplitResult(tuple(readings))
