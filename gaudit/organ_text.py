"""Where a report names its organ when no title does: a page header, the subject of its first
sentence; and the name as the report writes it.

:mod:`gaudit.facts` tries the title, the line above it and the preface first; these are its
later fallbacks.  Names are matched on folded (Simplified) text; :func:`as_written` gives the
same characters as they stand in the file (folding maps one character to one).
"""

from __future__ import annotations

import re

from gaudit.normalize import fold

__all__ = ["as_written", "organ_as_subject", "organ_in_page_header"]

#: A crawled PDF page's header: "Page 8 - 威海市文登区信访局2022年政府信息公开工作年度报告".
_PAGE_HEADER_RE = re.compile(r"^[ \t]*(?:Page|P\.)[ \t]*\d+[ \t]*[-–—][ \t]*(\S[^\n]{1,80})$", re.M)
#: A file title naming the organ after the year: "2020年报_审计局".
_TITLE_AFTER_YEAR_RE = re.compile(r"20\d{2}年(?:度)?(?:报|年报|报告)?[_\-—– ]+([\u4e00-\u9fff]{2,20})$")
_YEAR_CUT_RE = re.compile(r"(?<!\d)20\d{2}|二[〇○零][一二三四五六七八九〇○零]{2}|政府信息公开|政务公开|信息公开")

#: The words a department's name ends in.
_DEPARTMENT_END = "局|委员会|办公厅|办公室|服务中心|中心|管理处|管委会"
#: A department as the subject of a clause: "2023年,区投资促进局认真…", "…部署下,区统计局紧紧…",
#: "市政府办公厅代表市政府共受理…".  It opens a clause (start of text, after 。,;: or "YYYY年,").
_SUBJECT_RE = re.compile(
    r"(?:^|(?<=[\n。;;,,:：]))[ \t]*(?:20\d{2}年度?[,,]?)?"
    rf"((?:(?!根据|按照|依据|依照|围绕|在|对|经|由|为|全|各|本|我|与|和|及|向|从|将|把)[\u4e00-\u9fff]){{1,10}}?(?:{_DEPARTMENT_END}))"
)
#: A subject is followed by what it did, not by more of a name.
_AFTER_SUBJECT_RE = re.compile(r"[\u4e00-\u9fff]{1,2}")
_NOT_SUBJECT_STARTS = ("信息", "政府信息", "公开", "依申请", "主动")


def organ_in_page_header(head: str) -> str | None:
    """The organ in a page header line of a crawled PDF page (``head``: the file's start)."""
    for m in _PAGE_HEADER_RE.finditer(head):
        title = m.group(1).replace(" ", "")
        cut = _YEAR_CUT_RE.search(title)
        if cut is not None and cut.start() >= 2:
            return title[:cut.start()]
        after = _TITLE_AFTER_YEAR_RE.search(title)
        if after is not None:
            return after.group(1)
    return None


def organ_as_subject(text: str, start: int, end: int) -> str | None:
    """A department naming itself as the subject of a clause in ``text[start:end]``."""
    for m in _SUBJECT_RE.finditer(text, start, end):
        name = m.group(1)
        if not name.startswith(_NOT_SUBJECT_STARTS) and _AFTER_SUBJECT_RE.match(text, m.end(1)):
            return name
    return None


def as_written(organ: str, written: str) -> str:
    """``organ`` (folded) as the characters of ``written`` that it was folded from."""
    at = fold(written).find(organ)
    return written[at:at + len(organ)] if at >= 0 else organ
