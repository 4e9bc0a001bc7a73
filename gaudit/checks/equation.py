"""equation: the sum of some cells equals the sum of others.

Two forms.  With ``table``, ``left`` and ``right`` are row keys and the
equation is checked in every column (``along: column``, the default) — the
balance of the applications table, 本年新收 + 上年结转 = (七)总计 + 结转下年度,
is ``left: [new, carried_over], right: [results_total, carried_forward]`` —
or they are column keys checked in every row (``along: row``).  Without
``table``, ``left`` and ``right`` are full ``table.row.column`` cell
references and the equation is checked once.

As with ``sum``, an equation with a blank or non-numeric operand, or an
operand in a row not found or read ambiguously, is unknown and skipped
silently.  One hit per failed equation, at the first cell of the ``at`` side,
with ``expected`` = the left sum and ``actual`` = the right sum.

Parameters
----------
left : list of str
    Keys (with ``table``) or cell references (without) on the left side.
right : list of str
    The same for the right side.
table : str, default "" (left and right are cell references)
    The table whose rows or columns ``left`` and ``right`` name.
along : "column" | "row", default "column"
    With ``table``: check the equation in every column (keys are rows) or in
    every row (keys are columns).
rows : list of str, default [] (all)
    With ``along: row``: only these rows.
columns : list of str, default [] (all)
    With ``along: column``: only these columns.
at : "left" | "right", default "right"
    Which side's first cell the hit points at.

Placeholders: ``{expected}`` (left sum), ``{actual}`` (right sum), ``{row_label}``,
``{column_label}``, ``{table_title}``.

Examples
--------
1. PASS (the balance) — 自然人: new 10 + carried_over 1 = results_total 10 + carried_forward 1.
2. FAIL — 总计: new 13 + carried_over 1 = 14, results_total 12 + carried_forward 1 = 13:
   one hit at the (七)总计 cell of 总计, expected 14, actual 13.
3. PASS — carried_over left blank in 总计: the equation is unknown for that column.
4. FAIL (cell references) — ``left: [reviews.review.total]``,
   ``right: [reviews.litigation_direct.total]`` with 2 and 1: one hit.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from gaudit.checks.base import (
    CheckType,
    Hit,
    Param,
    ParamError,
    key_problem,
    number,
    parse_ref,
    same,
    tidy,
    usable_rows,
    validate_cell_refs,
    validate_cross_keys,
)
from gaudit.checks.culprit_cells import explained
from gaudit.checks.params import unknown_table
from gaudit.i18n import Bilingual
from gaudit.model import Cell, Document, Table
from gaudit.template import TABLE_KEYS, TABLE_SECTION


def _sides(cells: Sequence[tuple[str, str, str, Cell | None]], n_left: int) -> tuple[float, float] | None:
    # A negative count is invalid-value's, not an operand (one cause, one finding).
    values = [None if (v := number(c)) is None or v < 0 else v for *_, c in cells]
    if any(v is None for v in values):
        return None
    nums = [v for v in values if v is not None]
    return sum(nums[:n_left]), sum(nums[n_left:])


def _check(doc: Document, cells: Sequence[tuple[str, str, str, Cell | None]], n_left: int,
           at: str) -> Iterator[Hit]:
    sums = _sides(cells, n_left)
    if sums is None or same(*sums):
        return
    tables = {t for t, *_ in cells}
    if len(tables) == 1 and explained(doc, cells[0][0], [(r, c) for _, r, c, _ in cells]):
        return
    table, row, col, cell = cells[0 if at == "left" else n_left]
    assert cell is not None
    pos = doc.position(cell.offset)
    yield Hit(pos.line, pos.col, section=TABLE_SECTION.get(table), table=table, row=row,
              column=col, expected=tidy(sums[0]), actual=tidy(sums[1]))


def _in_table(doc: Document, table: Table, params: Mapping[str, Any]) -> Iterator[Hit]:
    left, right = params["left"], params["right"]
    usable = usable_rows(table)
    if params["along"] == "column":
        keys = [*left, *right]
        if any(k not in usable for k in keys):
            return
        first = table.rows[keys[0]]
        for col in params["columns"] or list(first.cells):
            cells = [(table.key, k, col, table.cell(k, col)) for k in keys]
            yield from _check(doc, cells, len(left), params["at"])
    else:
        for key in params["rows"] or list(table.rows):
            row = table.rows.get(key)
            if row is None or key not in usable:
                continue
            if any(c not in row.cells for c in (*left, *right)):
                continue
            cells = [(table.key, key, c, row.cells[c]) for c in (*left, *right)]
            yield from _check(doc, cells, len(left), params["at"])


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    if params["table"]:
        table = doc.tables.get(params["table"])
        if table is not None:
            yield from _in_table(doc, table, params)
        return
    cells: list[tuple[str, str, str, Cell | None]] = []
    for ref in (*params["left"], *params["right"]):
        t, r, c = parse_ref(ref)
        table = doc.tables.get(t)
        if table is None or r not in usable_rows(table):
            return
        cells.append((t, r, c, table.cell(r, c)))
    yield from _check(doc, cells, len(params["left"]), params["at"])


def _validate(params: dict[str, Any], formats: Sequence[str]) -> None:
    for side in ("left", "right"):
        if not params[side]:
            raise ParamError(side, Bilingual("至少需要一个键或单元格引用",
                                             "at least one key or cell reference is needed"))
    table, along = params["table"], params["along"]
    if not table:
        for name in ("left", "right"):
            validate_cell_refs(params, name, formats)
        for name in ("rows", "columns"):
            if params[name]:
                raise ParamError(name, Bilingual(f"{name!r} 只能与 'table' 一起使用",
                                                 f"{name!r} applies only with 'table'"))
        return
    if table not in TABLE_KEYS:
        raise ParamError("table", unknown_table(table))
    for name in ("left", "right"):
        for i, key in enumerate(params[name]):
            problem = key_problem(table, key, along, formats)
            if problem is not None:
                raise ParamError(name, problem, i)
    validate_cross_keys(params, formats)


CHECK = CheckType(
    name="equation",
    doc=__doc__ or "",
    params={
        "left": Param("str-list", "left side"),
        "right": Param("str-list", "right side"),
        "table": Param("str", "table whose rows/columns the sides name", ""),
        "along": Param("choice", "column or row", "column", ("column", "row")),
        "rows": Param("str-list", "only these rows (along: row)", []),
        "columns": Param("str-list", "only these columns (along: column)", []),
        "at": Param("choice", "side the hit points at", "right", ("left", "right")),
    },
    placeholders=frozenset({"expected", "actual", "row_label", "column_label", "table_title"}),
    run=run,
    validate=_validate,
)
