"""The words of the six section headings: patterns for strong and weak matches, the
known heading a line starts with, and the lines of a text cut before headings that stand
inside them (used by :mod:`gaudit.sections`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from gaudit.textlines import NUMBERED_RE as _NUMBERED_RE
from gaudit.textlines import SPACES_RE as _SPACES_RE
from gaudit.textlines import cn_number, iter_lines

__all__ = ["MAX_HEADING", "MAX_INLINE_SCAN", "MAX_WEAK", "WEAK_ORDER", "InlineHeading", "Patterns", "inline_cuts",
           "inline_headings", "patterns", "split_lines", "strong_prefix"]

#: Characters of heading text (after the numeral), spaces removed.
MAX_HEADING = 40
#: Longest heading text a weak (key-word) match is tried on.
MAX_WEAK = 32
#: Characters after a numeral searched for a heading that runs into its text.
MAX_INLINE_SCAN = 3 * MAX_HEADING
_CJK_RE = re.compile("[\u4e00-\u9fff]")

# Optional words before/after a heading's own words in a strong match.
_PRE = (r"(?:20\d{2}年度?)?(?:本(?:机关|单位)|我(?:镇|乡|街道|县|区|市|局|委|办))?"
        r"(?:政府信息公开|政务公开)?(?:工作)?(?:的)?")
_POST = r"(?:等)?"

_STRONG: dict[int, str] = {
    1: r"总体(?:工作)?(?:情况|概况)|概述|概况|基本情况|工作概况|总体工作|工作总体情况",
    2: r"主动公开(?:政府)?信息(?:的)?(?:工作)?情况|主动公开(?:工作)?(?:情况)?",
    3: r"收到和处理政府信息公开申请(?:的)?情况|(?:收到|受理)和?(?:处理|办理)(?:政府信息)?(?:公开)?申请(?:的)?情况"
       r"|依申请公开(?:政府)?信息(?:的)?(?:办理|处理)?(?:工作)?情况",
    4: r"(?:政府信息公开)?(?:的)?行政复议[、,和及与]?行政诉讼(?:的)?情况"
       r"|因政府信息公开(?:工作|申请)?(?:被)?(?:申请)?行政复议[、,和及与]?(?:提起)?行政诉讼(?:的)?情况",
    5: r"(?:存在的?)?(?:主要)?(?:问题|不足)(?:及|和|与)(?:其)?改进(?:情况|措施)",
    6: r"其他需要报告的事项|其他需要报告事项|其他需报告的事项|其他事项",
}
_WEAK: dict[int, str] = {
    1: r"总体情况|总体工作情况|概述|基本情况|概况",
    2: r"主动公开",
    3: r"依申请公开|(?:收到|受理|处理|办理).{0,8}申请|申请.{0,10}(?:办理|处理)",
    4: r"行政复议|行政诉讼",
    5: r"(?:问题|不足|困难).{0,10}(?:改进|整改|措施|打算)|存在(?:的)?(?:主要)?(?:问题|不足)",
    6: r"其他需要报告|需要报告的事项|其他事项",
}
# Weak matches are tried from the most specific section down: 行政复议 wins over 申请.
WEAK_ORDER = (4, 6, 5, 3, 2, 1)
# Words of sections the 2019 format dropped (never a statutory section).
_OBSOLETE_RE_SRC = r"收费及减免|收费和减免|主动回应社会关切"


@dataclass(frozen=True)
class Patterns:
    strong: dict[int, re.Pattern[str]]
    strong_any: re.Pattern[str]
    """Every strong form in one pattern: a quick test before trying each (most lines match none)."""
    weak: dict[int, re.Pattern[str]]
    obsolete: re.Pattern[str]
    table_rows: frozenset[str]


@functools.cache
def patterns() -> Patterns:
    """Compile the heading patterns once (folded like the text they match)."""
    from gaudit.normalize import fold
    from gaudit.template import SPECS

    strong = {n: re.compile(fold(f"{_PRE}(?:{p}){_POST}")) for n, p in _STRONG.items()}
    weak = {n: re.compile(fold(p)) for n, p in _WEAK.items()}
    rows: set[str] = set()
    for (table, _template), spec in SPECS.items():
        if table != "applications":
            continue
        for row in spec.rows:
            for label in (row.label, row.group):
                m = _NUMBERED_RE.match(fold(label))
                if label and m and m.group(2):
                    rows.add(_SPACES_RE.sub("", fold(label)[m.end():]))
    strong_any = re.compile("|".join(f"(?:{p.pattern})" for p in strong.values()))
    return Patterns(strong, strong_any, weak, re.compile(fold(_OBSOLETE_RE_SRC)), frozenset(rows))



def strong_prefix(body: str, glued: bool = False) -> str:
    """The longest known heading (a strong form) that ``body`` starts with, else ``""``.

    The words after it must not go on in ideographs (``总体情况良好,…`` is a sentence)
    unless ``glued``: in a text whose line breaks were lost a table's header words follow
    the heading directly (``主动公开政府信息情况第二十条…``)."""
    head = _SPACES_RE.sub("", body[:MAX_INLINE_SCAN])
    pats = patterns()
    if pats.strong_any.match(head) is None:
        return ""
    best = ""
    for pat in pats.strong.values():
        m = pat.match(head)
        if m is None or m.end() <= len(best) or not _CJK_RE.search(m.group()):
            continue
        if glued or not _CJK_RE.match(head[m.end():m.end() + 1]):
            best = m.group()
    return best


#: A numbered heading inside a line: 一、 … 六、 (found only where a known heading follows).
_INLINE_NUMERAL_RE = re.compile(r"[一二三四五六](?=[、. ])")
#: What may stand right before a heading inside a line: the end of a sentence or clause, a cell
#: (a digit), a bracket, a space.
_BEFORE_INLINE = frozenset("。:;!?)]】 \t0123456789")
#: Distinct sections found inside lines that show a text whose line breaks were lost: then a
#: heading may also follow a word directly.
_COLLAPSED_SECTIONS = 3


#: A heading inside a line: its offset, whether it starts clean (after a sentence, a cell,
#: a bracket or a space), and its number.
InlineHeading = tuple[int, bool, int]


def inline_headings(text: str, a: int, b: int) -> list[InlineHeading]:
    """The known section headings that stand inside the line ``text[a:b]`` (after its start):
    a web page saved as one long line, ``…特编制此报告:一、总体情况2022年,…二、主动公开…``.
    Only lines longer than ``MAX_INLINE_SCAN`` are worth asking (shorter ones are headings)."""
    found: list[InlineHeading] = []
    for m in _INLINE_NUMERAL_RE.finditer(text, a + 1, b):
        p = m.start()
        if strong_prefix(text[p + 2:p + 2 + MAX_INLINE_SCAN], True):
            found.append((p, text[p - 1] in _BEFORE_INLINE, cn_number(m.group())))
    return found


def inline_cuts(found: dict[int, list[InlineHeading]]) -> tuple[dict[int, list[int]], set[int]]:
    """Where lines are cut before the headings inside them (``found``, by the line's start),
    by the line's start; and, in a text whose line breaks were lost (headings of three sections
    inside lines), where the cut lines start (headings there may run straight into a table's
    words; a heading may also follow a word directly)."""
    collapsed = len({number for points in found.values() for _, _, number in points}) >= _COLLAPSED_SECTIONS
    cuts: dict[int, list[int]] = {}
    for a, points in found.items():
        kept = [p for p, clean, _ in points if clean or collapsed]
        if kept:
            cuts[a] = kept
    return cuts, ({p for points in cuts.values() for p in points} if collapsed else set())


def split_lines(text: str, cuts: dict[int, list[int]]) -> Iterator[tuple[int, int, int]]:
    """The lines of ``text`` (:func:`gaudit.textlines.iter_lines`), cut at ``cuts``."""
    for a, b, c in iter_lines(text):
        points = cuts.get(a) if cuts else None
        if not points:
            yield a, b, c
            continue
        begin = a
        for p in points:
            yield begin, begin + len(text[begin:p].rstrip()), p
            begin = p
        yield begin, b, c
