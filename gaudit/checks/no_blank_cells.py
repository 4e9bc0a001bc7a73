"""no-blank-cells: every cell of a statutory table must hold a value (0 is written as 0).

A blank cell is not a zero: the template requires every figure, and a blank
leaves the table's identities unknown.  To keep an empty table readable the
check reports ONE hit per run of consecutive blank cells in a row, naming the
row and the first and last column of the run, at the first blank cell: where the reader
left it empty (the gap after the row's label or after the last filled cell), so that the
quoted line shows the gap, never the label alone.  A row whose label was not found at all
is left to ``complete-table`` (one finding per table), and a cell left open because its
row's run of digits has several readings to ``ambiguous-cells``.  Tables that were not
found are left to ``required-table``.

Parameters
----------
tables : list of str, default [active, applications, reviews]
    The tables to look at.

Placeholders: ``{row_label}``, ``{column_label}`` (first blank column),
``{last_column_label}``, ``{count}`` (cells in the run), ``{cells}`` (the run in
words: ``自然人至总计共7个单元格`` / ``采购总金额栏``), ``{table_title}``.

Examples
--------
1. PASS — ``一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0``.
2. FAIL — ``二、上年结转政府信息公开申请数量 | | | | | | |`` on line 37: one hit at
   line 37 naming 自然人 … 总计, ``count`` 7.
3. FAIL — ``政府集中采购 | 0 |`` on line 31 (2019 format): one hit for 采购总金额.
4. FAIL — ``自然人 3, 商业企业 blank, 科研机构 0, 社会公益组织 blank`` : two hits (two runs).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks.ambiguous_cells import is_open
from gaudit.checks.base import CheckType, Hit, Param, Text, column_label
from gaudit.model import Cell, Document, Position, Row, Table
from gaudit.template import TABLE_KEYS, TABLE_SECTION


def _runs(row: Row) -> Iterator[list[tuple[str, Cell]]]:
    run: list[tuple[str, Cell]] = []
    for key, cell in row.cells.items():
        if cell.value is None and not is_open(cell):
            run.append((key, cell))
        elif run:
            yield run
            run = []
    if run:
        yield run


_SEPARATORS = "|\uff5c\u2502\u2503\t"


def _gap(doc: Document, offset: int, row: Row, index: int) -> Position:
    """Where the ``index``-th cell of ``row`` (blank) stands.  A blank cell with no place of its
    own carries its row's label offset: count ``index + 1`` separators past the label and point
    at the gap just after the last one (or at that separator when the line ends there)."""
    pos = doc.position(offset)
    if pos != row.position:
        return pos
    text = doc.normalized.text
    end = text.find("\n", offset)
    line = text[offset:len(text) if end < 0 else end]
    separators = [i for i, c in enumerate(line) if c in _SEPARATORS]
    if not separators:  # cells set apart by runs of spaces
        separators = [i for i in range(1, len(line)) if line[i] == " " and line[i - 1] != " "]
    if len(separators) <= index:
        return pos
    return doc.position(offset + min(separators[index] + 1, len(line) - 1))


def _hit(doc: Document, table: Table, row: Row, run: list[tuple[str, Cell]]) -> Hit:
    first_key, first = run[0]
    last_key = run[-1][0]
    first_label = column_label(table.key, table.template, row.key, first_key)
    last_label = column_label(table.key, table.template, row.key, last_key)
    n = len(run)
    if n == 1:
        cells = Text(f"{first_label.zh}栏", f"the {first_label.en} cell")
    else:
        cells = Text(f"{first_label.zh}至{last_label.zh}共{n}个单元格",
                     f"{n} cells from {first_label.en} to {last_label.en}")
    index = list(row.cells).index(first_key)
    pos = _gap(doc, first.offset, row, index) if row.found else row.position
    return Hit(pos.line, pos.col, {"last_column_label": last_label, "count": n, "cells": cells},
               section=TABLE_SECTION[table.key], table=table.key, row=row.key, column=first_key)


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    for key in params["tables"]:
        table = doc.tables.get(key)
        if table is None:
            continue
        for row in table.rows.values():
            if not row.found:
                continue  # an absent row is complete-table's (one finding per table)
            for blank in _runs(row):
                yield _hit(doc, table, row, blank)


CHECK = CheckType(
    name="no-blank-cells",
    doc=__doc__ or "",
    params={"tables": Param("tables", "tables to look at", list(TABLE_KEYS))},
    placeholders=frozenset({"row_label", "column_label", "last_column_label", "count", "cells",
                            "table_title"}),
    run=run,
)
