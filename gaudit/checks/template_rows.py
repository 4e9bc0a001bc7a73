"""template-rows: a table's rows follow the other format in a known way.

The 2021 format splits the 2019 format's single ``(六)其他处理`` row of the
applications table into three (逾期不补正, 逾期未缴费, 其他).  A 2021 table that
still has the single row where the three belong (and none of the three) deviates
from its template; so does a 2019 table holding the three 2021 rows instead of its
one.  One hit per table, at the deviating row, naming what stands and what the
template wants; the rows concerned are not reported again as absent
(``complete-table``).

Parameters
----------
tables : list of str, default [applications]
    The tables to look at.

Placeholders: ``{found}`` (the row as the other format has it), ``{expected}`` (the
template's rows in words), ``{template}``, ``{table_title}``.

Examples
--------
1. PASS — a 2021 table with the three (六) rows.
2. FAIL — a 2021 table whose line 40 reads ``(六)其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0`` and no
   逾期不补正 row: one hit at line 40.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks.base import CheckType, Hit, Param, Text
from gaudit.model import Document, Table
from gaudit.template import TABLE_SECTION

#: The rows each format has in place of the other's, and how the other's stand in the text.
_ROWS_2021 = ("other_no_correction", "other_no_fee", "other_misc")
#: ``(六)其他处理`` followed by its cells (a number, a dash, a blank pipe cell), not by 1. (a group).
_SINGLE_ROW_RE = re.compile(r"\(?六[)、.]?[ \t]*其他处理[ \t|]*(?:[0-9]|无|/|—|-)")
#: The 2021 format's first (六) row.
_SPLIT_ROWS_RE = re.compile(r"逾期[ \t\n|]*不补正")


def _match(doc: Document, table: Table) -> re.Match[str] | None:
    section = doc.section(TABLE_SECTION[table.key])
    text = doc.normalized.text
    start, end = (section.body_start, section.body_end) if section is not None else (0, len(text))
    if table.template == "2021":
        if any(table.rows[k].found for k in _ROWS_2021 if k in table.rows):
            return None
        return _SINGLE_ROW_RE.search(text, start, end)
    if "other" in table.rows and not table.rows["other"].found:
        return _SPLIT_ROWS_RE.search(text, start, end)
    return None


def deviating_rows(doc: Document, table: Table) -> frozenset[str]:
    """Rows of ``table`` absent because the other format's rows stand in their place."""
    if table.key != "applications" or _match(doc, table) is None:
        return frozenset()
    return frozenset(_ROWS_2021) if table.template == "2021" else frozenset({"other"})


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    for key in params["tables"]:
        table = doc.tables.get(key)
        if table is None or key != "applications":
            continue
        m = _match(doc, table)
        if m is None:
            continue
        pos = doc.position(m.start())
        if table.template == "2021":
            found = Text("(六)其他处理(2019年格式的单行)", "a single (六)其他处理 row (2019 format)")
            expected = Text("「1.申请人无正当理由逾期不补正…」「2.申请人逾期未按收费通知要求缴纳费用…」「3.其他」三行",
                            "three rows: no correction in time, fee not paid, other")
            row = _ROWS_2021[0]
        else:
            found = Text("「申请人无正当理由逾期不补正…」等2021年格式的分行", "the 2021 format's split (六) rows")
            expected = Text("「(六)其他处理」一行", "one (六)其他处理 row")
            row = "other"
        yield Hit(pos.line, pos.col, {"found": found, "expected": expected, "template": table.template},
                  section=TABLE_SECTION[key], table=key, row=row)


CHECK = CheckType(
    name="template-rows",
    doc=__doc__ or "",
    params={"tables": Param("tables", "tables to look at", ["applications"])},
    placeholders=frozenset({"found", "expected", "template", "table_title"}),
    run=run,
)
