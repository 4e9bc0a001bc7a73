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

Placeholders: ``{template}`` (the outdated format found), ``{table_title}``.

Examples
--------
1. PASS — a 2022 report whose tables have 本年制发件数 / 本年废止件数 / 现行有效件数.
2. FAIL — a 2021 report whose active table starts with 第二十条第(一)项 on line 19 and has
   本年新制作数量 on line 20: one hit at line 19.
3. PASS — a 2020 report with 2019 tables (the rule's ``years`` condition excludes it).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks._base import CheckType, Hit, Param, ParamError
from gaudit.model import Document, Position
from gaudit.template import HEADER_WORDS, TEMPLATES


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
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
            raise ParamError("outdated", f"unknown format {name!r} (formats: {', '.join(TEMPLATES)})", i)


CHECK = CheckType(
    name="template-version",
    doc=__doc__ or "",
    params={"outdated": Param("str-list", "formats that are outdated", ["2019"])},
    placeholders=frozenset({"template", "table_title"}),
    run=run,
    validate=_validate,
)
