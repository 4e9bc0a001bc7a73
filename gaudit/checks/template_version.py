"""template-version: the report's tables follow an outdated format.

Reports on 2021 and later years must use the tables of 国办公开办函〔2021〕30号;
the 2019 tables (本年新制作数量, 其他对外管理服务事项, 政府集中采购, one
(六)其他处理 row) are outdated for them.  The check itself only asks whether
a table of the document is in one of the ``outdated`` formats; the rule
states the years it applies to (``years: {from: 2021}``), so a report whose
year is unknown is not judged.  One hit per document, at the first such table.

Parameters
----------
outdated : list of str, default ["2019"]
    Formats (``2019``, ``2021``) that count as outdated for the documents the rule applies to.

Placeholders: ``{template}`` (the outdated format found), ``{table_title}``.

Examples
--------
1. PASS — a 2022 report whose tables have 本年制发件数 / 本年废止件数 / 现行有效件数.
2. FAIL — a 2021 report whose active table has 本年新制作数量 (line 20): one hit at line 20.
3. PASS — a 2020 report with 2019 tables (the rule's ``years`` condition excludes it).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks._base import CheckType, Hit, Param, ParamError
from gaudit.model import Document
from gaudit.template import TEMPLATES


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    old = [t for t in doc.tables.values() if t.template in params["outdated"]]
    if old:
        first = min(old, key=lambda t: (t.position.line, t.position.col))
        yield Hit(first.position.line, first.position.col, {"template": first.template}, table=first.key)


def _validate(params: dict[str, Any], formats: object) -> None:
    for i, name in enumerate(params["outdated"]):
        if name not in TEMPLATES:
            raise ParamError("outdated", f"unknown format {name!r} (formats: {', '.join(TEMPLATES)})", i)


CHECK = CheckType(
    name="template-version",
    doc=__doc__ or "",
    params={"outdated": Param("str-list", "formats that are outdated", ["2019"])},
    placeholders=frozenset({"template", "table_title"}),
    run=run,
    validate=_validate,
)
