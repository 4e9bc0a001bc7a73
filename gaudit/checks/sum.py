"""sum: a total cell equals the sum of its parts, for every row or every column of a table.

``along: row`` checks, in every row (or the rows listed in ``rows``), that the
``total`` column equals the sum of the ``parts`` columns — e.g. 总计 = 自然人 +
商业企业 + … .  ``along: column`` checks, in every column (or those listed in
``columns``), that the ``total`` row equals the sum of the ``parts`` rows —
e.g. (七)总计 = every result row; ``parts: "@result_rows"`` names the result
rows of the table's own format (2019: one (六)其他处理 row; 2021: three).

An identity with a blank, non-numeric or negative operand, or with a row whose label was
not found or whose digits could be split more than one way, is unknown and
skipped silently: ``no-blank-cells`` and ``numeric-cells`` report the cause,
never a second, derived mismatch.  A row or column that lacks one of the keys
in the table's format is skipped too.  One hit per failed identity, at the
total cell, with ``expected`` = the sum of the parts and ``actual`` = the total.  An
identity broken by a cell that breaks all its identities alike is ``culprit-cells``'s.

Parameters
----------
table : str
    The table (``active``, ``applications``, ``reviews``).
along : "row" | "column"
    Sum across the columns of each row, or down the rows of each column.
parts : list of str, or "@result_rows"
    Column keys (``along: row``) or row keys (``along: column``) to add up.
total : str
    The column key (``along: row``) or row key (``along: column``) of the total.
rows : list of str, default [] (every row having the columns)
    With ``along: row``: only these rows.
columns : list of str, default [] (every column of the total row)
    With ``along: column``: only these columns.

Placeholders: ``{expected}``, ``{actual}``, ``{row_label}``, ``{column_label}``, ``{table_title}``.

Examples
--------
1. PASS (``along: row``, parts natural_person … other_org, total total) —
   ``(一)予以公开 | 6 | 1 | 0 | 0 | 0 | 0 | 7``.
2. FAIL — ``(一)予以公开 | 6 | 1 | 0 | 0 | 0 | 0 | 8`` on line 36: one hit at the 总计
   cell, expected 7, actual 8.
3. PASS — ``(一)予以公开 | 6 | | 0 | 0 | 0 | 0 | 8``: the blank makes the identity unknown.
4. FAIL (``along: column``, parts "@result_rows", total results_total) — 商业企业 results
   add up to 1 but (七)总计 says 2: one hit at that cell, expected 1, actual 2.
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
    same,
    tidy,
    usable_rows,
    validate_cross_keys,
)
from gaudit.checks.culprit_cells import count, explained
from gaudit.i18n import Bilingual
from gaudit.model import Document, Table
from gaudit.template import RESULT_ROWS, TABLE_SECTION

RESULT_ROWS_TOKEN = "@result_rows"


def part_keys(table: Table, parts: list[str] | str) -> tuple[str, ...]:
    """The parts' keys in this table's format (``@result_rows`` resolved)."""
    if parts == RESULT_ROWS_TOKEN or parts == [RESULT_ROWS_TOKEN]:
        return RESULT_ROWS.get(table.template, ())
    return tuple(parts)


def _along_row(doc: Document, table: Table, params: Mapping[str, Any]) -> Iterator[Hit]:
    parts = part_keys(table, params["parts"])
    total = params["total"]
    usable = usable_rows(table)
    for key in params["rows"] or list(table.rows):
        row = table.rows.get(key)
        if row is None or key not in usable or total not in row.cells:
            continue
        if any(p not in row.cells for p in parts):
            continue
        values = [count(row.cells[p]) for p in parts]
        actual = count(row.cells[total])
        if actual is None or any(v is None for v in values):
            continue
        expected = sum(v for v in values if v is not None)
        if not same(expected, actual) and not explained(doc, table.key, [(key, c) for c in (*parts, total)]):
            pos = doc.position(row.cells[total].offset)
            yield Hit(pos.line, pos.col, section=TABLE_SECTION[table.key], table=table.key, row=key,
                      column=total, expected=tidy(expected), actual=actual)


def _along_column(doc: Document, table: Table, params: Mapping[str, Any]) -> Iterator[Hit]:
    parts = part_keys(table, params["parts"])
    total = params["total"]
    usable = usable_rows(table)
    total_row = table.rows.get(total)
    if total_row is None or not parts or any(p not in table.rows for p in parts):
        return
    if total not in usable or any(p not in usable for p in parts):
        return
    for col in params["columns"] or list(total_row.cells):
        values = [count(table.cell(p, col)) for p in parts]
        actual = count(total_row.cells.get(col))
        if actual is None or any(v is None for v in values):
            continue
        expected = sum(v for v in values if v is not None)
        if not same(expected, actual) and not explained(doc, table.key, [(k, col) for k in (*parts, total)]):
            pos = doc.position(total_row.cells[col].offset)
            yield Hit(pos.line, pos.col, section=TABLE_SECTION[table.key], table=table.key, row=total,
                      column=col, expected=tidy(expected), actual=actual)


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    table = doc.tables.get(params["table"])
    if table is None:
        return
    if params["along"] == "row":
        yield from _along_row(doc, table, params)
    else:
        yield from _along_column(doc, table, params)


def validate_keys(params: dict[str, Any], formats: Sequence[str], names: Sequence[str]) -> None:
    """Check row/column keys of ``names`` params against the table's spec in ``formats``."""
    table, along = params["table"], params["along"]
    for name in names:
        value = params[name]
        keys = [value] if isinstance(value, str) else value
        for i, key in enumerate(keys):
            if key == RESULT_ROWS_TOKEN:
                if along != "column" or table != "applications":
                    raise ParamError(name, Bilingual(f"{RESULT_ROWS_TOKEN} 指申请表的行: "
                                                     "须与 table: applications, along: column 一起使用",
                                                     f"{RESULT_ROWS_TOKEN} names rows of the applications table: "
                                                     "use it with table: applications, along: column"), i)
                continue
            problem = key_problem(table, key, along, formats)
            if problem is not None:
                raise ParamError(name, problem, i if not isinstance(value, str) else None)
    validate_cross_keys(params, formats)


def _validate(params: dict[str, Any], formats: Sequence[str]) -> None:
    if isinstance(params["parts"], list) and RESULT_ROWS_TOKEN in params["parts"] and len(params["parts"]) > 1:
        raise ParamError("parts", Bilingual(f"{RESULT_ROWS_TOKEN} 须单独使用, 不能与其他键写在同一列表中",
                                            f"{RESULT_ROWS_TOKEN} stands alone, not in a list with other keys"))
    if not params["parts"]:
        raise ParamError("parts", Bilingual("至少需要一个加数", "at least one part is needed"))
    validate_keys(params, formats, ("parts", "total"))


CHECK = CheckType(
    name="sum",
    doc=__doc__ or "",
    params={
        "table": Param("table", "the table"),
        "along": Param("choice", "row or column", choices=("row", "column")),
        "parts": Param("str-list", "keys to add up, or @result_rows"),
        "total": Param("str", "key of the total"),
        "rows": Param("str-list", "only these rows (along: row)", []),
        "columns": Param("str-list", "only these columns (along: column)", []),
    },
    placeholders=frozenset({"expected", "actual", "row_label", "column_label", "table_title"}),
    run=run,
    validate=_validate,
)
