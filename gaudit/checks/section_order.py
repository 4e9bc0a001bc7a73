"""section-order: statutory sections duplicated or out of order, top-level numbering that restarts.

The six sections must stand once each, in the order 一 … 六, and the
top-level numbering (``一、`` ``二、`` … at the start of a line) must run
forward.  A report that repeats ``一、二、`` inside section 1 as a sub-list,
or lists the section headings a second time, breaks the outline readers and
machines rely on.  The check reports ONE hit per file, at the first place the
order breaks: a section number not greater than the one before it, or a
top-level numeral not greater than the previous one.

Numbered lines inside a statutory table (its rows ``一、本年新收…``,
``四、结转下年度继续办理``) are not headings and are ignored, as are the
numbered lines before the first statutory section (a preface listing the
outline).

Parameters
----------
numbering : bool, default true
    Also flag top-level numbering that restarts or goes backwards, not only
    statutory sections out of order or repeated.

Placeholders: ``{heading}`` (the heading where the order breaks, as written),
``{previous}`` (the top-level heading before it).

Examples
--------
1. PASS — 一、总体情况 (1) … 六、其他需要报告的事项, each once, sub-items as (一)(二).
2. FAIL — 一、总体情况 on line 1, then 一、基本情况 on line 3 and 二、经验做法 on line 7
   inside section 1: one hit at line 3.
3. FAIL — 一 … 六, then 二、主动公开政府信息情况 again on line 27: one hit at line 27.
4. PASS (``numbering: false``) — example 2: the statutory sections themselves are in order.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks.base import CheckType, Hit, Param
from gaudit.model import Document, Heading


def _table_spans(doc: Document) -> list[tuple[int, int]]:
    spans = []
    for table in doc.tables.values():
        lines = [r.position.line for r in table.rows.values() if r.found]
        lines.append(table.position.line)
        spans.append((min(lines), max(lines)))
    return spans


def _first_break(headings: list[Heading], numbering: bool) -> tuple[Heading, Heading] | None:
    prev: Heading | None = None
    prev_section: Heading | None = None
    for h in headings:
        if prev_section is not None and h.section is not None and h.section <= (prev_section.section or 0):
            return h, prev if prev is not None else prev_section
        if numbering and prev is not None and h.numeral <= prev.numeral:
            return h, prev
        prev = h
        if h.section is not None:
            prev_section = h
    return None


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    if not doc.sections:
        return
    first = min(s.position.line for s in doc.sections)
    spans = _table_spans(doc)
    headings = [h for h in doc.headings
                if h.position.line >= first and not any(a <= h.position.line <= b for a, b in spans)]
    found = _first_break(headings, params["numbering"])
    if found is None:
        # The section list itself may be out of order even when headings were not all kept.
        numbers = [s.number for s in doc.sections]
        for i in range(1, len(doc.sections)):
            if numbers[i] <= numbers[i - 1]:
                s, p = doc.sections[i], doc.sections[i - 1]
                yield Hit(s.position.line, s.position.col, {"heading": s.heading, "previous": p.heading},
                          section=s.number)
                return
        return
    here, before = found
    yield Hit(here.position.line, here.position.col, {"heading": here.text, "previous": before.text},
              section=here.section)


CHECK = CheckType(
    name="section-order",
    doc=__doc__ or "",
    params={"numbering": Param("bool", "also flag restarting top-level numbering", True)},
    placeholders=frozenset({"heading", "previous"}),
    run=run,
)
