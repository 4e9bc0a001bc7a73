"""period: the statistics period must cover the year in the title.

The preface states the statistics period, normally 统计期限自YYYY年1月1日起至
YYYY年12月31日止.  When both the title's year and the period's year are known
and differ, the report contradicts itself (usually last year's preface left in
place).  Silent when either is unknown.  The hit stands at the period.

Parameters
----------
(none)

Placeholders: ``{title_year}``, ``{period_year}``.

Examples
--------
1. PASS — title ``…2022年政府信息公开工作年度报告``, period 自2022年1月1日起至2022年12月31日止.
2. FAIL — the same title with 统计期限自2021年1月1日起… on line 3: one hit at line 3.
3. PASS — no statistics period stated.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks.base import CheckType, Hit
from gaudit.model import Document


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    facts = doc.facts
    if facts.title_year is None or facts.period_year is None or facts.title_year == facts.period_year:
        return
    pos = facts.period_position
    line, col = (pos.line, pos.col) if pos is not None else (1, 1)
    yield Hit(line, col, expected=facts.title_year, actual=facts.period_year)


CHECK = CheckType(
    name="period",
    doc=__doc__ or "",
    params={},
    placeholders=frozenset({"title_year", "period_year"}),
    run=run,
)
