"""culprit-cells: one wrong cell that breaks several of the applications table's identities.

A cell of the applications table stands in up to three identities: its row's
总计, its column's (七)总计 and, for the rows of the balance, its column's
balance.  When every identity a cell stands in is broken, and each of them is
mended by the same value of that cell, the cell is the one cause: it is reported
once, with the value that satisfies them all, and the ``sum`` and ``equation``
checks stay silent about the identities it explains (one cause, one finding).
A negative count is left to ``numeric-cells`` (``invalid-value``) and makes the
identities it stands in unknown, as a blank does.

Parameters
----------
(none)

Placeholders: ``{expected}`` (the value that satisfies every identity), ``{actual}``,
``{count}`` (identities broken), ``{row_label}``, ``{column_label}``, ``{table_title}``.

Examples
--------
1. PASS — a consistent table.
2. FAIL — ``(一)予以公开 | 17 | 4 | 0 | 1 | 1 | 0 | 24`` on line 36 where the row adds up to 23
   and (七)总计 is 47: one hit at the 总计 cell, expected 23, actual 24 (not a row-total
   and a column-total finding).
3. PASS (for this check) — ``(一)予以公开 | 17 | 4 | 0 | 1 | 1 | 0 | 24`` with (七)总计 48: only
   the row total is broken, which ``sum`` reports.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from gaudit.checks.base import CheckType, Hit, same, tidy, usable_rows
from gaudit.model import Cell, Document, Table
from gaudit.template import RESULT_ROWS, TABLE_SECTION

CellKey = tuple[str, str]
"""(row, column) of the applications table."""

_APPLICANTS = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org")


@dataclass(frozen=True)
class Culprit:
    row: str
    column: str
    actual: float
    expected: float
    broken: int


def operand(table: Table, row: str, column: str) -> float | None:
    """A cell's value as an identity's operand: None when blank, text or a negative count."""
    return count(table.cell(row, column))


def count(cell: Cell | None) -> float | None:
    """A cell's value as an identity's operand: None when blank, text or a negative count."""
    if cell is None:
        return None
    value = cell.value
    # type() rather than isinstance: bool is an int and no count (as checks.base.number says).
    if type(value) is int or type(value) is float:
        return value if value >= 0 else None
    return None


_COLUMNS = (*_APPLICANTS, "total")
_BALANCE = ("new", "carried_over", "results_total", "carried_forward")
_BALANCE_SIGNS = (1, 1, -1, -1)


def _residual(values: list[float | None], signs: list[int] | tuple[int, ...]) -> float | None:
    """Signed sum of an identity's values; None when one of them is unknown."""
    if None in values:
        return None
    return float(sum(map(operator.mul, signs, values)))  # no None left: every operand a number


# Complexity (ruff C901 > 15): one pass that evaluates each identity, collects the broken ones
# and tries each of their cells as the culprit; split, the passes would share four dicts.
def _find(table: Table) -> dict[CellKey, Culprit]:
    """Cells every identity of which is broken and mended by one value (see the module doc).

    Identities are evaluated on each row's values read once; cell keys are made only for the
    broken ones (most tables have none)."""
    usable = usable_rows(table)
    values = {key: list(map(count, row.cells.values())) for key, row in table.rows.items() if key in usable}
    # (cells, values, signs) of the broken identities; where the holding ones stand.
    broken_ids: list[tuple[list[CellKey], list[float | None], list[int] | tuple[int, ...], float]] = []
    holding_rows: set[str] = set()
    holding_cols: set[int] = set()
    holding_balance: set[int] = set()
    row_signs = [1] * len(_APPLICANTS) + [-1]
    for key, vals in values.items():
        if len(vals) != len(_COLUMNS):
            continue
        res = _residual(vals, row_signs)
        if res is not None and abs(res) < 1e-6:
            holding_rows.add(key)
        elif res is not None:
            broken_ids.append(([(key, c) for c in _COLUMNS], vals, row_signs, res))
    results = (*RESULT_ROWS.get(table.template, ()), "results_total")
    for rows, signs, holding in ((results, [1] * (len(results) - 1) + [-1], holding_cols),
                                 (_BALANCE, _BALANCE_SIGNS, holding_balance)):
        if not all(r in values for r in rows):
            continue
        # One identity per column over these rows (the results' 总计, or the balance).
        for i, col in enumerate(_COLUMNS):
            col_vals = [values[r][i] for r in rows]
            res = _residual(col_vals, signs)
            if res is not None and abs(res) < 1e-6:
                holding.add(i)
            elif res is not None:
                broken_ids.append(([(r, col) for r in rows], col_vals, signs, res))
    if not broken_ids:
        return {}
    column_of = {c: i for i, c in enumerate(_COLUMNS)}
    broken: dict[CellKey, list[float]] = {}
    actual: dict[CellKey, float] = {}
    for cells, vals, cell_signs, res in broken_ids:
        for cell, sign, v in zip(cells, cell_signs, vals, strict=True):
            broken.setdefault(cell, []).append((v or 0.0) - res / sign)
            actual[cell] = v or 0.0
    out: dict[CellKey, Culprit] = {}
    for cell, fixes in broken.items():
        row, col = cell
        i = column_of[col]
        held = (row in holding_rows or (row in results and i in holding_cols)
                or (row in _BALANCE and i in holding_balance))
        if len(fixes) < 2 or held or fixes[0] < 0 or not all(same(f, fixes[0]) for f in fixes):
            continue
        out[cell] = Culprit(row, col, actual[cell], fixes[0], len(fixes))
    return out


_cache: tuple[object, dict[CellKey, Culprit]] = (None, {})


def culprits(doc: Document) -> dict[CellKey, Culprit]:
    """The applications table's culprit cells (computed once per document)."""
    global _cache
    table = doc.tables.get("applications")
    if table is None:
        return {}
    owner, found = _cache
    if owner is not table:
        found = _find(table)
        _cache = (table, found)
    return found


def explained(doc: Document, table: str, cells: list[CellKey]) -> bool:
    """Whether a broken identity over ``cells`` of ``table`` is explained by a culprit cell."""
    if table != "applications":
        return False
    found = culprits(doc)
    return any(c in found for c in cells)


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    table = doc.tables.get("applications")
    if table is None:
        return
    for culprit in culprits(doc).values():
        cell = table.cell(culprit.row, culprit.column)
        assert cell is not None
        pos = doc.position(cell.offset)
        yield Hit(pos.line, pos.col, {"count": culprit.broken}, section=TABLE_SECTION["applications"],
                  table="applications", row=culprit.row, column=culprit.column,
                  expected=tidy(culprit.expected), actual=tidy(culprit.actual))


CHECK = CheckType(
    name="culprit-cells",
    doc=__doc__ or "",
    params={},
    placeholders=frozenset({"expected", "actual", "count", "row_label", "column_label", "table_title"}),
    run=run,
)
