"""complete-table: a statutory table holds every row of its template.

A table cut off (a page ends, an excerpt stops) or a publisher leaving rows out
gives ONE hit per table naming the rows that are absent, at the table, instead of
a blank-cell finding for every cell that is not there (``no-blank-cells`` looks
only at rows that are present).  Rows the template's other format has in their
place (a 2019-style single ``(六)其他处理`` row in a 2021 table) are reported by
``template-rows`` and not again here.

Parameters
----------
tables : list of str, default [active, applications]
    The tables to look at (the reviews table has no row labels).

Placeholders: ``{rows}`` (the absent rows in words), ``{count}``, ``{table_title}``.

Examples
--------
1. PASS — an applications table with all its rows, some cells blank.
2. FAIL — an applications table that stops after ``(二)部分公开``: one hit at the table
   naming the 23 rows after it.
3. FAIL — an active table without its ``行政强制`` row: one hit naming 行政强制.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks.base import CheckType, Hit, Param, Text, row_label
from gaudit.checks.template_rows import deviating_rows
from gaudit.model import Document
from gaudit.template import TABLE_SECTION

#: Absent rows named in full in a message; more are counted.
_NAMED_ROWS = 6


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    for key in params["tables"]:
        table = doc.tables.get(key)
        if table is None:
            continue
        skip = deviating_rows(doc, table)
        missing = [k for k, r in table.rows.items() if not r.found and k not in skip]
        if not missing:
            continue
        labels = [row_label(key, table.template, k) for k in missing]
        zh = "、".join(f"「{t.zh}」" for t in labels[:_NAMED_ROWS])
        en = ", ".join(t.en for t in labels[:_NAMED_ROWS])
        if len(labels) > _NAMED_ROWS:
            zh += f"等{len(labels)}行"
            en += f" and {len(labels) - _NAMED_ROWS} more"
        pos = table.position
        yield Hit(pos.line, pos.col, {"rows": Text(zh, en), "count": len(missing)},
                  section=TABLE_SECTION[key], table=key, row=missing[0])


CHECK = CheckType(
    name="complete-table",
    doc=__doc__ or "",
    params={"tables": Param("tables", "tables to look at", ["active", "applications"])},
    placeholders=frozenset({"rows", "count", "table_title"}),
    run=run,
)
