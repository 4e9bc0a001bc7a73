"""required-table: a statutory section that is present must hold its table.

Section 2 holds the ``active`` table, section 3 ``applications`` and
section 4 ``reviews``.  One hit per table that was not found although its
section heading was, at that heading.  When the section itself is missing the
``required-section`` rules report it and this check stays silent (one cause,
one finding); so does a report in the pre-2019 free layout, which ``template-version``
reports.  The engine runs no cell rule on a table that is absent.

Parameters
----------
tables : list of str, default [active, applications, reviews]
    The tables that must be present.

Placeholders: ``{table_title}``, ``{section}``, ``{section_title}``, ``{heading}`` (the
section's heading as the report writes it, the place the finding points at), ``{note}``
(empty, or a remark that the table looks published as a picture: the section holds only a
caption such as ``收到和处理政府信息公开申请情况统计表`` or ``(见下图)``).

Examples
--------
1. PASS — section 3 followed by the applications table.
2. FAIL — ``三、收到和处理政府信息公开申请情况`` on line 18 followed only by prose:
   one hit at 18:1 with ``table: applications``.
3. PASS — no heading of section 4 and no reviews table (``required-section`` reports it).
5. FAIL — ``三、收到和处理政府信息公开申请情况`` on line 18 followed only by the caption
   ``收到和处理政府信息公开申请情况统计表``: one hit at 18:1 whose ``note`` says the table may
   be a picture.
4. PASS — a report without tables whose headings include 四、政府信息公开的收费及减免情况.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks.base import CheckType, Hit, Param, Text
from gaudit.checks.template_version import free_layout_heading
from gaudit.model import Document
from gaudit.template import TABLE_KEYS, TABLE_SECTION


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    if free_layout_heading(doc) is not None:
        return  # the pre-2019 free layout: template-version reports the one cause
    for key in params["tables"]:
        if key in doc.tables:
            continue
        sec = doc.section(TABLE_SECTION[key])
        if sec is not None:
            note = _PICTURE_NOTE if pictured(doc, sec.number) else Text("", "")
            yield Hit(sec.position.line, sec.position.col, {"heading": sec.heading, "note": note},
                      section=sec.number, table=key)


#: What stands where a table was published as a picture: its caption, a pointer to it.
_CAPTION_RE = re.compile(r"统计表|如下表|见下表|见附表|下表|如下图|见下图|见附图|图片|附图|截图|\[图\]|表格")
#: A section holding only a caption is short; one with prose is no picture's.
_MAX_CAPTION_BODY = 120
_PICTURE_NOTE = Text(";表格可能以图片形式发布,文本中没有表格内容",
                     "; the table may have been published as a picture: the text holds none of it")


def pictured(doc: Document, number: int) -> bool:
    """Section ``number`` holds a table caption (or a pointer to a picture) and little else:
    its table was published as a picture."""
    sec = doc.section(number)
    if sec is None:
        return False
    body = doc.normalized.text[sec.body_start:sec.body_end].strip()
    return len(body) <= _MAX_CAPTION_BODY and bool(_CAPTION_RE.search(body))


CHECK = CheckType(
    name="required-table",
    doc=__doc__ or "",
    params={"tables": Param("tables", "tables that must be present", list(TABLE_KEYS))},
    placeholders=frozenset({"table_title", "section", "section_title", "heading", "note"}),
    run=run,
)
