"""Lines and numerals shared by the section finder and the report facts (normalised text)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gaudit.model import PositionMap

__all__ = ["CN_DIGITS", "NUMBERED_RE", "SENTENCE_RE", "SPACES_RE", "cn_number", "iter_lines", "original_span"]

CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "〇": 0, "○": 0, "零": 0}

# A line: leading whitespace/markup, then the numeral and its separator.
NUMBERED_RE = re.compile(
    r"(?:第([一二三四五六七八九十]{1,3})部分[ \t]*[、.,:]?[ \t]*"
    r"|([一二三四五六七八九十]{1,3})(?:[ \t]*[、.,:][ \t]*|[ \t]+)"
    r"|(\d{1,2})(?:[ \t]*[、.][ \t]*|[ \t]+)(?!\d))"
)
SPACES_RE = re.compile(r"[ \t*#【】\[\]]+")
SENTENCE_RE = re.compile(r"[。;!?]")


def cn_number(s: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十 -> 20, 二十三 -> 23."""
    if "十" not in s:
        return CN_DIGITS.get(s, 0) if len(s) == 1 else 0
    tens, _, ones = s.partition("十")
    return (CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)


def iter_lines(text: str, end: int | None = None) -> Iterator[tuple[int, int, int]]:
    """(first non-space, end of stripped content, start of next line) for each line of
    ``text[:end]``, one at a time: a stage that keeps only the lines it wants never holds a
    tuple per line of a line-heavy file (some 150 bytes for a line of a few characters)."""
    n = len(text) if end is None else end
    find = text.find
    pos = 0
    while True:
        nl = find("\n", pos, n)
        stop = n if nl == -1 else nl
        seg = text[pos:stop]
        stripped = seg.strip()
        if stripped:
            lead = len(seg) - len(seg.lstrip())
            yield pos + lead, pos + lead + len(stripped), stop + 1 if nl != -1 else n
        else:
            yield pos, pos, stop + 1 if nl != -1 else n
        if nl == -1:
            return
        pos = nl + 1


def original_span(positions: PositionMap, start: int, end: int) -> str:
    """The original text of normalised ``[start, end)`` (as the user wrote it)."""
    return positions.original(start, end)
