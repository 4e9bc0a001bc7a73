"""One line of the normalised text as a possible heading: its numeral, its heading words, and
the statutory section those name (used by :mod:`gaudit.sections`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gaudit.heading_words import MAX_HEADING as _MAX_HEADING
from gaudit.heading_words import MAX_WEAK as _MAX_WEAK
from gaudit.heading_words import WEAK_ORDER as _WEAK_ORDER
from gaudit.heading_words import Patterns as _Patterns
from gaudit.heading_words import patterns as _patterns
from gaudit.heading_words import strong_prefix as _strong_prefix
from gaudit.textlines import NUMBERED_RE as _NUMBERED_RE
from gaudit.textlines import SENTENCE_RE as _SENTENCE_RE
from gaudit.textlines import SPACES_RE as _SPACES_RE
from gaudit.textlines import cn_number

__all__ = ["Line", "ends_sentence", "is_table_row", "match_section", "parse_line", "words_end"]

# A line: leading whitespace/markup, then the numeral and its separator.
_MARKUP = " \t*#【[>"
_TRAILER_RE = re.compile(r"(?:\((?:详情|详细情况|具体情况)?(?:请)?(?:见|详见)正文\)|[:。])+$")


@dataclass(frozen=True, slots=True)
class Line:
    """A line that could be a heading, as :func:`parse_line` read it."""

    start: int
    """Normalised offset of the first non-space character."""
    end: int
    """Normalised offset just after the last non-space character."""
    next_start: int
    """Normalised offset where the next line begins (``len(text)`` at the end)."""
    numeral: int | None
    """Chinese numeral value for a top-level numbered line."""
    arabic: bool
    text: str
    """Heading words: numeral, markup, spaces and trailers removed."""
    inline: bool = False
    """The heading's section text goes on after it on the same line (``一、总体情况。2022年…``)."""
    comma: bool = False
    """The numeral is followed by a comma (``一,``), as in a sentence, not by 、 or ``.``."""


def parse_line(text: str, start: int, end: int, next_start: int, glued: bool = False) -> Line | None:
    """The heading words of a line that could be a heading, else ``None``."""
    if start >= end:
        return None
    raw = text[start:end]
    if "|" in raw or (raw[-1].isdigit() and _TOC_ENTRY_RE.search(raw)):
        return None
    if not _CJK_RE.search(raw):
        # No ideograph, so no heading words and no Chinese numeral: a cell or a row of them
        # ("0", "12.5", "0 0 3"), a page number (what _match would turn away, found sooner).
        return None
    body = raw.lstrip(_MARKUP)
    numeral: int | None = None
    arabic = False
    m = _NUMBERED_RE.match(body)
    comma = False
    if m:
        if m.group(3):
            arabic = True
        else:
            numeral = cn_number(m.group(1) or m.group(2))
            comma = "," in m.group()
        body = body[m.end():]
    elif len(raw) > 3 * _MAX_HEADING:
        return None  # a paragraph: only a numbered line may carry its heading inline
    if "\t" in body.strip():
        return None  # a tab-separated table row
    if len(raw) <= 3 * _MAX_HEADING:
        words = _TRAILER_RE.sub("", _SPACES_RE.sub("", body))
        if words and len(words) <= _MAX_HEADING and not _INLINE_CUT_RE.search(words):
            head = _short_inline_head(body, words, glued) if numeral is not None else ""
            if head:
                return Line(start, end, next_start, numeral, arabic, head, True, comma)
            return Line(start, end, next_start, numeral, arabic, words, comma=comma)
    if numeral is not None:
        # A heading and its section's first sentence on one line: 一、总体情况。2022年…,
        # 五、存在的主要问题及改进情况:主要问题… (only a known heading counts, see find_sections).
        cut = _INLINE_CUT_RE.search(body)
        if cut is not None and 2 <= cut.start() <= _MAX_INLINE_HEADING:
            words = _SPACES_RE.sub("", body[:cut.start()])
            if not _patterns().strong_any.fullmatch(words):
                # 五、存在的主要问题及改进情况(一)存在的主要问题:…: the known heading, not up to the colon.
                words = _strong_prefix(body, glued) or words
            return Line(start, end, next_start, numeral, arabic, words, True, comma)
        # Nothing marks where the heading ends (一、总体情况2022年,…; a table right after it):
        # a known heading's words at the start of the line.
        words = _strong_prefix(body, glued)
        if words:
            return Line(start, end, next_start, numeral, arabic, words, True, comma)
    return None


def _short_inline_head(body: str, words: str, glued: bool) -> str:
    """A known heading at the start of a short numbered line whose text runs on after it, else ``""``."""
    cut = _SPACE_CUT_RE.search(body.strip())
    if cut is not None and 2 <= cut.start() <= _MAX_INLINE_HEADING:
        # 六、其他需要报告的事项 黄岭街道未依据…: a known heading, a space, its text.
        head = _SPACES_RE.sub("", body.strip()[:cut.start()])
        if _patterns().strong_any.fullmatch(head):
            return head
    if _SENTENCE_RE.search(words) or "," in words or _DIGIT_RE.search(words):
        # 六、其他需要报告的事项2024年,无收取…: a known heading running into its text.
        head = _strong_prefix(body, glued)
        if head and len(head) < len(words):
            return head
    return ""


def words_end(text: str, start: int, end: int, words: str) -> int:
    """Offset just after the heading ``words`` in the line ``text[start:end]``: past the markup
    and numeral, then past as many characters as the words have (spaces and markup skipped)."""
    body = start + len(text[start:end]) - len(text[start:end].lstrip(_MARKUP))
    m = _NUMBERED_RE.match(text, body, end)
    at = m.end() if m else body
    left = len(words)
    while at < end and left > 0:
        if not _SPACES_RE.match(text[at]):
            left -= 1
        at += 1
    return at


_CJK_RE = re.compile("[\u4e00-\u9fff]")
_DIGIT_RE = re.compile(r"\d")
#: A table-of-contents entry: leader dots and a page number (``一、总体情况……………1``).
_TOC_ENTRY_RE = re.compile(r"(?:…|\.{3}|·{3}|-{3}|_{3})[ .…·\-_]*\d{1,3}$")
#: Where a heading ends when its section's text follows on the same line.
_INLINE_CUT_RE = re.compile(r"[。:;]| +")
_MAX_INLINE_HEADING = 24
#: A space between a heading and its text on the same line (short lines).
_SPACE_CUT_RE = re.compile(r" +(?=\S)")

#: The cells a table row carries after its label on the same line (PDF text: ``… 6 3 0 0 0 0 9``).
_TRAILING_CELLS_RE = re.compile(r"[\d.,+\-/|]+$")


def is_table_row(line: Line, pats: _Patterns) -> bool:
    """A numbered row of the applications table (``一、本年新收…数量``), with or without its cells."""
    return line.text in pats.table_rows or _TRAILING_CELLS_RE.sub("", line.text) in pats.table_rows


def ends_sentence(text: str, span: tuple[int, int, int]) -> bool:
    """A line that ends a sentence or a clause (``…原创信息较少。``, ``…发布不够及时,``) is
    prose, e.g. the wrapped tail of a paragraph that happens to begin with 一, not a heading."""
    a, b, _ = span
    return b > a and text[b - 1] in "。;!?,"


def match_section(line: Line, pats: _Patterns) -> tuple[int, bool] | None:
    """(section, strong?) for a heading line, or ``None``: never for a numbered row of the
    applications table; a weak match (key words) only for a line numbered with a Chinese
    numeral that holds nothing after its heading."""
    if line.numeral is not None and is_table_row(line, pats):
        return None
    words = line.text
    if not _CJK_RE.search(words):
        return None  # a cell of a table written one per line ("0", "12.5"), a page number
    if pats.strong_any.fullmatch(words):
        for number, pat in pats.strong.items():
            if pat.fullmatch(words):
                return number, True
    if line.numeral is None or line.inline or len(words) > _MAX_WEAK or _SENTENCE_RE.search(words) or "," in words:
        return None
    if pats.obsolete.search(words):
        return None
    for number in _WEAK_ORDER:
        if pats.weak[number].search(words):
            return number, False
    return None
