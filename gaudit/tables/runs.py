"""Rows whose cells lost their separators: recognise them, split them, settle them.

A row is a *run* when it holds fewer number tokens than columns and they look
glued (cut out of text with no separator, a number with a leading zero, a
count no organ reaches).  :func:`read_run` splits it under the row's own
identity (:mod:`gaudit.tables.digits`).  A run with several readings keeps
them as candidates; :func:`settle_columns` then tries the combinations of the
applications table's candidates against its column identities (results total,
balance), which often leaves one.  Whatever stays open is reported, never
guessed: cells on which every remaining reading agrees are kept, the others
are left without a value (their ``raw`` holds the run) and the row is listed
in ``Table.ambiguous_rows``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from gaudit.tables.digits import Group, Piece, piece, split_pieces
from gaudit.tables.tokens import Token
from gaudit.template import RESULT_ROWS, TableSpec

__all__ = ["Run", "is_run", "read_run", "settle_columns"]

#: Digits no count of applications, reviews or lawsuits reaches: such a "number" is cells run together.
_IMPLAUSIBLE_COUNT_DIGITS = 7
#: Widest cell of the applications and reviews tables (no organ gets a million applications).
_COUNT_WIDTH = 6
#: Widest cell of the active table (amounts in yuan, decisions of a large city).
_ACTIVE_WIDTH = 12
#: Combinations of candidate readings tried against the column identities.
_MAX_COMBINATIONS = 4096
#: Cells of the reviews table: three groups of five.
_REVIEW_CELLS = 15


@dataclass
class Run:
    """A split run: its tokens' text, the fitting readings, and whether it could not be read."""

    text: str
    start: int
    line: int
    readings: list[tuple[str, ...]]
    unreadable: bool


def _pieces(vals: Sequence[Token]) -> list[Piece] | None:
    out: list[Piece] = []
    for v in vals:
        p = piece(v.text) if v.kind == "num" else None
        if p is None:
            return None
        out.append(p)
    return out


def is_run(vals: Sequence[Token], ncols: int, glued: bool) -> bool:
    """True when a short row looks like cells that lost their separators.

    Glued to its label (``规章000``), a number with a leading zero (``0000121``), or, in
    the applications and reviews tables (five columns and more), a count of seven
    digits or more: no organ receives a million applications.
    """
    if not vals or len(vals) >= ncols:
        return False
    pieces = _pieces(vals)
    if pieces is None:
        return False
    leading_zero = any(len(p.digits) > 1 and p.digits[0] == "0" for p in pieces)
    too_long = ncols >= 5 and any(len(p.digits) >= _IMPLAUSIBLE_COUNT_DIGITS for p in pieces)
    return (glued or leading_zero or too_long) and sum(len(p.digits) for p in pieces) >= ncols


def _groups(table: str, ncols: int) -> list[Group]:
    if table == "applications" and ncols == 7:
        return [(0, 7)]
    if table == "reviews" and ncols == _REVIEW_CELLS:
        return [(0, 5), (5, 10), (10, 15)]
    return []


def read_run(vals: Sequence[Token], ncols: int, table: str) -> Run:
    """The readings of a run (:func:`is_run`) under its row's identity.

    When no reading satisfies the identity, the readings without it stand (the row is
    then wrong as written, which the sum rules report, if it has only one reading)."""
    pieces = _pieces(vals)
    assert pieces is not None
    width = _ACTIVE_WIDTH if table == "active" else _COUNT_WIDTH
    text = " ".join(v.text for v in vals)
    groups = _groups(table, ncols)
    result = split_pieces(pieces, ncols, groups, width)
    if not result.readings and not result.unreadable and groups:
        result = split_pieces(pieces, ncols, [], width)
    return Run(text, vals[0].start, vals[0].line, list(result.readings), result.unreadable)


def _to_int(cell: str) -> float:
    return float(cell.removesuffix("万元").removesuffix("元"))


def settle_columns(spec: TableSpec, known: dict[str, list[float | None]], runs: dict[str, Run]) -> None:
    """Narrow the applications table's open runs by its column identities, in place.

    ``known`` holds each settled row's values by column (None where unknown).  Every
    combination of the open runs' readings is tried (up to ``_MAX_COMBINATIONS``); the
    readings used by at least one combination under which every column's results total
    and balance hold (where all their cells are known) are kept.
    """
    if spec.key != "applications":
        return
    open_rows = [k for k, r in runs.items() if len(r.readings) > 1]
    if not open_rows:
        return
    sizes = [len(runs[k].readings) for k in open_rows]
    count = 1
    for s in sizes:
        count *= s
    if count > _MAX_COMBINATIONS:
        return
    results = RESULT_ROWS[spec.template]
    ncols = 7
    used: list[set[int]] = [set() for _ in open_rows]
    for combo in itertools.product(*(range(s) for s in sizes)):
        values = dict(known)
        for key, pick in zip(open_rows, combo, strict=True):
            values[key] = [_to_int(c) for c in runs[key].readings[pick]]
        if _columns_hold(values, results, ncols):
            for k, pick in enumerate(combo):
                used[k].add(pick)
    if not any(used):
        return  # no combination fits: the table is wrong somewhere, the rows stay open
    for key, picks in zip(open_rows, used, strict=True):
        runs[key].readings = [r for i, r in enumerate(runs[key].readings) if i in picks]


def _columns_hold(values: dict[str, list[float | None]], results: tuple[str, ...], ncols: int) -> bool:
    for c in range(ncols):
        parts = [values.get(r, [None] * ncols)[c] for r in results]
        total = values.get("results_total", [None] * ncols)[c]
        known = total is not None and all(p is not None for p in parts)
        if known and abs(sum(p for p in parts if p is not None) - (total or 0.0)) > 1e-6:
            return False
        side = [values.get(k, [None] * ncols)[c]
                for k in ("new", "carried_over", "results_total", "carried_forward")]
        if all(v is not None for v in side):
            a, b, t, f = (v or 0.0 for v in side)
            if abs(a + b - t - f) > 1e-6:
                return False
    return True
