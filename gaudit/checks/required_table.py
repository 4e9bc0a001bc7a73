"""required-table: a statutory section that is present must hold its table.

Section 2 holds the ``active`` table, section 3 ``applications`` and
section 4 ``reviews``.  One hit per table that was not found although its
section heading was, at that heading.  When the section itself is missing the
``required-section`` rules report it and this check stays silent (one cause,
one finding).  The engine runs no cell rule on a table that is absent.

Parameters
----------
tables : list of str, default [active, applications, reviews]
    The tables that must be present.

Placeholders: ``{table_title}``, ``{section}``, ``{section_title}``, ``{heading}`` (the
section's heading as the report writes it, the place the finding points at).

Examples
--------
1. PASS — section 3 followed by the applications table.
2. FAIL — ``三、收到和处理政府信息公开申请情况`` on line 18 followed only by prose:
   one hit at 18:1 with ``table: applications``.
3. PASS — no heading of section 4 and no reviews table (``required-section`` reports it).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks._base import CheckType, Hit, Param
from gaudit.model import Document
from gaudit.template import TABLE_KEYS, TABLE_SECTION


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    for key in params["tables"]:
        if key in doc.tables:
            continue
        sec = doc.section(TABLE_SECTION[key])
        if sec is not None:
            yield Hit(sec.position.line, sec.position.col, {"heading": sec.heading},
                      section=sec.number, table=key)


CHECK = CheckType(
    name="required-table",
    doc=__doc__ or "",
    params={"tables": Param("tables", "tables that must be present", list(TABLE_KEYS))},
    placeholders=frozenset({"table_title", "section", "section_title", "heading"}),
    run=run,
)
