"""ambiguous-cells: a row whose cells lost their separators admits more than one reading.

Some pages print a row's cells run together (``行政规范性文件6233440``).  The reader
splits such a run under the table's identities (row total, column totals, the
balance, the reviews' group totals); when more than one split satisfies them all,
or the run cannot be split at all (longer than its cells can hold), the cells the
readings disagree on are left without a value and the row is reported here, once,
instead of a guess presented as fact.  Cells every reading agrees on are kept and
checked as usual; the open ones are neither blank nor invalid.

Parameters
----------
tables : list of str, default [active, applications, reviews]
    The tables to look at.

Placeholders: ``{row_label}``, ``{run}`` (the digits as written), ``{columns}`` (the
open columns in words), ``{table_title}``.

Examples
--------
1. PASS — ``一、本年新收政府信息公开申请数量21710000218``: only 217/1/0/0/0/0/218 adds up.
2. FAIL — ``行政规范性文件6233440`` (three columns, no identity): one hit naming the row
   and the run ``6233440``.
3. PASS — ``规章000``: three cells, one reading.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks.base import CheckType, Hit, Param, Text, column_label
from gaudit.model import Cell, Document
from gaudit.template import TABLE_KEYS, TABLE_SECTION


def is_open(cell: Cell) -> bool:
    """A cell left without a value because its row's run of digits has no single reading."""
    return cell.value is None and cell.raw != ""


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    for key in params["tables"]:
        table = doc.tables.get(key)
        if table is None:
            continue
        for row_key in table.ambiguous_rows:
            row = table.rows.get(row_key)
            if row is None:
                continue
            open_cells = [(k, c) for k, c in row.cells.items() if is_open(c)]
            if not open_cells:
                continue
            labels = [column_label(key, table.template, row_key, k) for k, _ in open_cells]
            columns = Text("、".join(t.zh for t in labels), ", ".join(t.en for t in labels))
            first_key, first = open_cells[0]
            pos = doc.position(first.offset)
            yield Hit(pos.line, pos.col, {"run": first.raw, "columns": columns},
                      section=TABLE_SECTION[key], table=key, row=row_key, column=first_key,
                      actual=first.raw)


CHECK = CheckType(
    name="ambiguous-cells",
    doc=__doc__ or "",
    params={"tables": Param("tables", "tables to look at", list(TABLE_KEYS))},
    placeholders=frozenset({"row_label", "run", "columns", "table_title"}),
    run=run,
)
