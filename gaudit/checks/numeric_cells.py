"""numeric-cells: every filled cell of a statutory table must be a count (or an amount).

Reports write 无, —, /, 若干 or a letter l for a one where the template asks
for a number; a count cannot be negative nor a fraction.  Three tests, each
enabled in ``reject``:

* ``text`` — the cell holds text that does not read as a number;
* ``negative`` — a number below zero, except in the ``signed`` columns (the
  2019 format's 本年增/减 may go down);
* ``fraction`` — a number with a fractional part, except in the ``decimal``
  columns (amounts in yuan or 万元).

Blank cells are left to ``no-blank-cells``.  One hit per cell, at the cell.

Parameters
----------
tables : list of str, default [active, applications, reviews]
    The tables to look at.
reject : list of "text" | "negative" | "fraction", default [text, negative, fraction]
    The tests to apply.
signed : list of str, default ["active.change"]
    ``table.column`` keys whose values may be negative.
decimal : list of str, default ["active.amount"]
    ``table.column`` keys whose values may have decimals.

Placeholders: ``{value}`` (the cell as written), ``{reason}``, ``{row_label}``,
``{column_label}``, ``{table_title}``.

Examples
--------
1. PASS — ``行政许可 | 12 | -3 | 40`` (2019 format: 本年增/减 may be -3).
2. PASS — ``政府集中采购 | 4 | 316720.50元`` (an amount).
3. FAIL (text) — ``(一)予以公开 | 无 | 0 | …`` on line 40: one hit at the cell 无.
4. FAIL (negative) — ``二、上年结转政府信息公开申请数量 | -1 | …``: one hit.
5. FAIL (fraction) — ``行政复议 | 1.5 | …``: one hit.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from gaudit import template
from gaudit.checks.base import CheckType, Hit, Param, ParamError, Text
from gaudit.i18n import Bilingual
from gaudit.model import Document
from gaudit.template import TABLE_KEYS, TABLE_SECTION

_REASONS = {
    "text": Text("不是数字", "is not a number"),
    "negative": Text("为负数", "is negative"),
    "fraction": Text("不是整数", "is not a whole number"),
}


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    reject = set(params["reject"])
    signed = set(params["signed"])
    decimal = set(params["decimal"])
    for key in params["tables"]:
        table = doc.tables.get(key)
        if table is None:
            continue
        for row in table.rows.values():
            if not row.found:
                continue
            for col, cell in row.cells.items():
                value = cell.value
                reason = None
                if value is None:
                    continue
                if isinstance(value, str):
                    reason = "text"
                elif value < 0 and f"{key}.{col}" not in signed:
                    reason = "negative"
                elif isinstance(value, float) and not value.is_integer() and f"{key}.{col}" not in decimal:
                    reason = "fraction"
                if reason is None or reason not in reject:
                    continue
                shown = cell.raw or str(value)
                pos = doc.position(cell.offset)
                yield Hit(pos.line, pos.col, {"value": shown, "reason": _REASONS[reason]},
                          section=TABLE_SECTION[key], table=key, row=row.key, column=col, actual=value)


def _validate(params: dict[str, Any], formats: Sequence[str]) -> None:
    # These are lists of exceptions: a key of either format is fine whatever the rule's formats.
    formats = template.TEMPLATES
    for name in ("signed", "decimal"):
        for i, ref in enumerate(params[name]):
            table, _, column = ref.partition(".")
            if table not in TABLE_KEYS:
                raise ParamError(name, Bilingual(f"{ref!r} 中的表格 {table!r} 未知: 应写作 表.列",
                                                 f"unknown table {table!r} in {ref!r}: write table.column"), i)
            if not any(column in template.spec(table, f).column_keys for f in formats):
                fmt = "/".join(formats)
                raise ParamError(name, Bilingual(f"{ref!r} 中的列 {column!r} 不是表格 {table} 的列 (格式 {fmt})",
                                                 f"unknown column {column!r} of table {table} in {ref!r} "
                                                 f"(format {fmt})"), i)


CHECK = CheckType(
    name="numeric-cells",
    doc=__doc__ or "",
    params={
        "tables": Param("tables", "tables to look at", list(TABLE_KEYS)),
        "reject": Param("choice-list", "tests to apply", ["text", "negative", "fraction"],
                        ("text", "negative", "fraction")),
        "signed": Param("str-list", "table.column keys that may be negative", ["active.change"]),
        "decimal": Param("str-list", "table.column keys that may have decimals", ["active.amount"]),
    },
    placeholders=frozenset({"value", "reason", "row_label", "column_label", "table_title"}),
    run=run,
    validate=_validate,
)
