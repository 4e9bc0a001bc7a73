"""value-range: a cell's value must lie within bounds.

For values that are legal arithmetic but implausible for the organ, such as
规章 made by a township: regulations (规章) can only be made by provincial
governments, governments of cities divided into districts and autonomous
prefectures, and State Council departments, so a township, street office or
county reporting a number above 0 under 本年制发件数 / 本年新制作数量 has
almost certainly filled in the wrong row.  Restrict such a rule with
``organ_levels``.  Cells that are blank, not numbers, or absent from the
document's format are skipped.  One hit per cell out of range, at the cell.

Parameters
----------
cells : list of str
    ``table.row.column`` cells to test (a key absent from the document's format is skipped).
min : number, default null (no lower bound)
    The smallest acceptable value.
max : number, default null (no upper bound)
    The largest acceptable value.

Placeholders: ``{value}`` (the cell as written), ``{actual}`` (its value), ``{expected}`` (the bound it
crosses), ``{min}``, ``{max}``, ``{row_label}``, ``{column_label}``, ``{table_title}``.

Examples
--------
1. PASS (cells [active.regulations.made], max 0) — a township's ``规章 | 0 | 0 | 0``.
2. FAIL — a township's ``规章 | 21 | 21 | 21`` on line 28: one hit at the 21 under
   本年新制作数量, actual 21, expected 0.
3. PASS — the same figure in a city government's report (the rule's ``organ_levels``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from gaudit.checks.base import CheckType, Hit, Param, ParamError, number, parse_ref, validate_cell_refs
from gaudit.i18n import Bilingual
from gaudit.model import Document
from gaudit.template import TABLE_SECTION


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    low, high = params["min"], params["max"]
    for ref in params["cells"]:
        t, r, c = parse_ref(ref)
        table = doc.tables.get(t)
        row = None if table is None else table.rows.get(r)
        if row is None or not row.found or c not in row.cells:
            continue
        cell = row.cells[c]
        value = number(cell)
        if value is None:
            continue
        bound = low if low is not None and value < low else high if high is not None and value > high else None
        if bound is None:
            continue
        pos = doc.position(cell.offset)
        yield Hit(pos.line, pos.col,
                  {"value": cell.raw or value, "min": "" if low is None else low, "max": "" if high is None else high},
                  section=TABLE_SECTION.get(t), table=t, row=r, column=c, expected=bound, actual=value)


def _validate(params: dict[str, Any], formats: Sequence[str]) -> None:
    if params["min"] is None and params["max"] is None:
        raise ParamError("max", Bilingual("请给出 min、max 或两者", "give min, max or both"))
    if not params["cells"]:
        raise ParamError("cells", Bilingual("至少需要一个单元格引用", "at least one cell reference is needed"))
    validate_cell_refs(params, "cells", formats)


CHECK = CheckType(
    name="value-range",
    doc=__doc__ or "",
    params={
        "cells": Param("cells", "cells to test"),
        "min": Param("number", "smallest acceptable value", None),
        "max": Param("number", "largest acceptable value", None),
    },
    placeholders=frozenset({"value", "actual", "expected", "min", "max", "row_label", "column_label",
                            "table_title"}),
    run=run,
    validate=_validate,
)
