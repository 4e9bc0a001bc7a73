"""report-shape: decide whether the file is a statutory annual report at all.

With ``when: no-statutory-content`` (the default) the check fires when the
file has none of the six statutory section headings AND none of the three
statutory tables: a self-inspection report, a news item, a scraped page.
With ``when: year-before`` it fires when the report says it covers a year
before ``year`` (the title's year, else the statistics period's): reports
before 2019 follow older, free formats that gaudit does not audit.  The
engine keeps only this finding for such a file.

Parameters
----------
when : "no-statutory-content" | "year-before", default "no-statutory-content"
    Which test decides that the file is not a report gaudit can audit.
year : int, default 2019
    With ``when: year-before``: the first year of the statutory format.

Placeholders: ``{year}`` (the report's year, when known).

Examples
--------
1. PASS — a file with the heading ``三、收到和处理政府信息公开申请情况`` and no table.
2. PASS — a file with no recognised heading but an applications table.
3. FAIL — a 政务公开工作自查报告 with its own headings 一、…二、… and no table:
   one hit at line 1.
4. PASS (``when: year-before``) — title ``…2019年政府信息公开工作年度报告``.
5. FAIL (``when: year-before``) — title ``…2017年政府信息公开工作年度报告``: one hit at line 1.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks._base import CheckType, Hit, Param
from gaudit.model import Document


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    if params["when"] == "year-before":
        year = doc.facts.title_year or doc.facts.period_year
        if year is not None and year < params["year"]:
            yield Hit(1, 1, {"year": year})
        return
    if not doc.sections and not doc.tables:
        yield Hit(1, 1)


CHECK = CheckType(
    name="report-shape",
    doc=__doc__ or "",
    params={
        "when": Param("choice", "which test decides", "no-statutory-content",
                      ("no-statutory-content", "year-before")),
        "year": Param("int", "first year of the statutory format", 2019),
    },
    placeholders=frozenset({"year"}),
    run=run,
)
