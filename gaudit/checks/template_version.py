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

The hit stands where the table begins: its first 第二十条 block line before the first
header word only that format has (本年新制作数量, 上一年项目数量, 政府集中采购 …), else
that word, else the first row.

free_layout : bool, default false
    Instead, fire when the report has no statutory table at all and is written in the
    pre-2019 free layout (a heading such as 四、政府信息公开的收费及减免情况 or
    五、因政府信息公开申请提起行政复议、行政诉讼的情况), at that heading; ``required-table``
    then leaves the missing tables unreported (one cause, one finding).

Placeholders: ``{template}`` (the outdated format found), ``{table_title}``.

Examples
--------
1. PASS — a 2022 report whose tables have 本年制发件数 / 本年废止件数 / 现行有效件数.
2. FAIL — a 2021 report whose active table starts with 第二十条第(一)项 on line 19 and has
   本年新制作数量 on line 20: one hit at line 19.
3. PASS — a 2020 report with 2019 tables (the rule's ``years`` condition excludes it).
4. FAIL (``free_layout: true``) — a 2022 report without tables whose line 9 reads
   四、政府信息公开的收费及减免情况: one hit at line 9.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks.base import CheckType, Hit, Param, ParamError
from gaudit.i18n import Bilingual
from gaudit.model import Document, Position
from gaudit.template import HEADER_WORDS, TEMPLATES

#: Section headings only the pre-2019 free layout has (收费及减免, a seventh part).
_FREE_LAYOUT_RE = re.compile(r"收费(?:及|和|与)减免|因政府信息公开申请(?:提起)?行政复议")


def free_layout_heading(doc: Document) -> Position | None:
    """Where a report without any statutory table shows the pre-2019 free layout: its first
    heading that only that layout has (四、政府信息公开的收费及减免情况), else ``None``."""
    if doc.tables:
        return None
    for heading in doc.headings:
        if _FREE_LAYOUT_RE.search(heading.text):
            return heading.position
    return None


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    if params["free_layout"]:
        pos = free_layout_heading(doc)
        if pos is not None:
            yield Hit(pos.line, pos.col, {"template": "2008"})
        return
    old = [t for t in doc.tables.values() if t.template in params["outdated"]]
    if old:
        first = min(old, key=lambda t: (t.position.line, t.position.col))
        pos = _table_start(doc, first.template) or first.position
        yield Hit(pos.line, pos.col, {"template": first.template}, table=first.key)


@functools.cache
def _header_words_re(template: str) -> re.Pattern[str]:
    # The words may be split by spaces, pipes or line breaks (stacked PDF headers).
    words = (r"[\s|]*".join(re.escape(ch) for ch in word[:5]) for word in HEADER_WORDS[template])
    return re.compile("|".join(words))


_BLOCK_RE = re.compile(r"第[\s|]*二[\s|]*十[\s|]*条")


def _table_start(doc: Document, template: str) -> Position | None:
    """The first line of the table in ``template``'s format: its 第二十条第(一)项 block line,
    else the first header word only that format has (本年新制作数量, not 本年制发件数)."""
    section = doc.section(2)
    start = section.body_start if section is not None else 0
    text = doc.normalized.text
    word = _header_words_re(template).search(text, start)
    if word is None:
        return None
    block = _BLOCK_RE.search(text, start, word.start())
    return doc.position((block or word).start())


def _validate(params: dict[str, Any], formats: object) -> None:
    for i, name in enumerate(params["outdated"]):
        if name not in TEMPLATES:
            known = ", ".join(TEMPLATES)
            raise ParamError("outdated", Bilingual(f"未知的格式 {name!r} (格式: {known})",
                                                   f"unknown format {name!r} (formats: {known})"), i)


CHECK = CheckType(
    name="template-version",
    doc=__doc__ or "",
    params={"outdated": Param("str-list", "formats that are outdated", ["2019"]),
            "free_layout": Param("bool", "fire on the pre-2019 free layout instead", False)},
    placeholders=frozenset({"template", "table_title"}),
    run=run,
    validate=_validate,
)
