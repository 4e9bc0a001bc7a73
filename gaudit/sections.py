"""Find the six statutory sections, the numbered headings and what the report says about itself.

Works on the normalised text (Simplified script, half-width ``(),:;``, one
space or tab per whitespace run, HTML already turned into lines) and reports
every position in the original file through ``NormalizedText.offsets``.

Sections
--------
A line is a *section candidate* when it stands on its own (short, no sentence
punctuation, not a table row) and its words name one of the six sections:

* a **strong** match: the heading text (after the numeral, bold markers, a
  trailing colon or "(详情见正文)") is exactly a known form of the heading,
  e.g. ``总体情况``, ``概述``, ``依申请公开政府信息办理情况``, optionally after a
  year or ``政府信息公开工作``;
* a **weak** match: a numbered line whose text contains a section's key words
  (``行政复议``, ``主动公开``, ``存在…不足…改进``…), e.g. the pre-2019
  ``五、因政府信息公开申请行政复议、提起行政诉讼和行政申诉的情况等``.

Lines without a numeral need a strong match; Arabic numbering (``1.``) too.
Among the candidates the accepted sections are the chain in increasing section
number that weighs most, a heading with content after it counting nearly twice
as much as an empty one (so a table of contents or headings repeated at the end
with "详情见正文" lose against the body, even when the body has one heading out
of place), then the earliest lines.  A section absent
from that chain but present elsewhere (out of order) is accepted at its first
strong (or correctly numbered) candidate, so that a ``section-order`` rule sees
it out of place instead of a ``missing-section`` rule calling it absent.

Headings
--------
Every short line of its own starting with a Chinese numeral and ``、``/``.``/
``,``/``:``/a space (or ``第N部分``) is returned as a :class:`Heading`, in file
order, with ``section`` set when it is an accepted section heading or a strong
duplicate of one (a sub-list item such as ``一、水泊街道政务公开工作基本情况``
keeps ``None``).  Table rows that carry numerals (``一、本年新收政府信息公开申请
数量``, pipe or tab rows) are not headings.

Report facts
------------
Title, year, organ and period live in :mod:`gaudit.facts`; :func:`report_facts`,
:func:`organ_kind` and :func:`organ_level` are re-exported here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gaudit.facts import organ_kind, organ_level, report_facts
from gaudit.heading_words import MAX_HEADING as _MAX_HEADING
from gaudit.heading_words import MAX_WEAK as _MAX_WEAK
from gaudit.heading_words import WEAK_ORDER as _WEAK_ORDER
from gaudit.heading_words import Patterns as _Patterns
from gaudit.heading_words import inline_cuts as _inline_cuts
from gaudit.heading_words import patterns as _patterns
from gaudit.heading_words import split_lines as _split_lines
from gaudit.heading_words import strong_prefix as _strong_prefix
from gaudit.model import Heading, NormalizedText, PositionMap, Section
from gaudit.textlines import NUMBERED_RE as _NUMBERED_RE
from gaudit.textlines import SENTENCE_RE as _SENTENCE_RE
from gaudit.textlines import SPACES_RE as _SPACES_RE
from gaudit.textlines import cn_number
from gaudit.textlines import original_span as _original_span

__all__ = ["find_sections", "organ_kind", "organ_level", "report_facts"]

# A line: leading whitespace/markup, then the numeral and its separator.
_MARKUP = " \t*#【[>"
_TRAILER_RE = re.compile(r"(?:\((?:详情|详细情况|具体情况)?(?:请)?(?:见|详见)正文\)|[:。])+$")
_DETAIL_LINE_RE = re.compile(r"\(?(?:详情|详细情况|具体情况)?(?:请)?(?:见|详见)正文\)?")
_MAX_CANDIDATES = 600

@dataclass(frozen=True)
class _Line:
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


@dataclass(frozen=True)
class _Candidate:
    line_index: int
    number: int
    strong: bool
    nonempty: bool


def _parse_line(text: str, start: int, end: int, next_start: int, glued: bool = False) -> _Line | None:
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
                return _Line(start, end, next_start, numeral, arabic, head, True, comma)
            return _Line(start, end, next_start, numeral, arabic, words, comma=comma)
    if numeral is not None:
        # A heading and its section's first sentence on one line: 一、总体情况。2022年…,
        # 五、存在的主要问题及改进情况:主要问题… (only a known heading counts, see find_sections).
        cut = _INLINE_CUT_RE.search(body)
        if cut is not None and 2 <= cut.start() <= _MAX_INLINE_HEADING:
            words = _SPACES_RE.sub("", body[:cut.start()])
            if not _patterns().strong_any.fullmatch(words):
                # 五、存在的主要问题及改进情况(一)存在的主要问题:…: the known heading, not up to the colon.
                words = _strong_prefix(body, glued) or words
            return _Line(start, end, next_start, numeral, arabic, words, True, comma)
        # Nothing marks where the heading ends (一、总体情况2022年,…; a table right after it):
        # a known heading's words at the start of the line.
        words = _strong_prefix(body, glued)
        if words:
            return _Line(start, end, next_start, numeral, arabic, words, True, comma)
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


def _words_end(text: str, start: int, end: int, words: str) -> int:
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


def _is_table_row(line: _Line, pats: _Patterns) -> bool:
    """A numbered row of the applications table (``一、本年新收…数量``), with or without its cells."""
    return line.text in pats.table_rows or _TRAILING_CELLS_RE.sub("", line.text) in pats.table_rows


def _ends_sentence(text: str, span: tuple[int, int, int]) -> bool:
    """A line that ends a sentence or a clause (``…原创信息较少。``, ``…发布不够及时,``) is
    prose, e.g. the wrapped tail of a paragraph that happens to begin with 一, not a heading."""
    a, b, _ = span
    return b > a and text[b - 1] in "。;!?,"


def _match(line: _Line, pats: _Patterns) -> tuple[int, bool] | None:
    """(section, strong?) for a heading line, or ``None``."""
    words = line.text
    if not _CJK_RE.search(words):
        return None  # a cell of a table written one per line ("0", "12.5"), a page number
    if pats.strong_any.fullmatch(words):
        for number, pat in pats.strong.items():
            if pat.fullmatch(words):
                return number, True
    if line.numeral is None or len(words) > _MAX_WEAK or _SENTENCE_RE.search(words) or "," in words:
        return None
    if pats.obsolete.search(words):
        return None
    for number in _WEAK_ORDER:
        if pats.weak[number].search(words):
            return number, False
    return None


#: What a candidate heading adds to a chain: an empty one (a contents list, headings repeated
#: at the end) a little over half of one with content under it, so that a list of all six
#: loses against a body in which one heading went astray, but a body whose sections 2-4
#: stand empty keeps them.
_EMPTY_WEIGHT, _FULL_WEIGHT = 550, 1000


def _weight(cand: _Candidate) -> int:
    return _FULL_WEIGHT if cand.nonempty else _EMPTY_WEIGHT


def _best_chain(cands: list[_Candidate]) -> list[int]:
    """Indexes into ``cands`` of the chain with increasing section numbers that weighs most
    (sections with content count nearly twice as much as empty ones), then the earliest lines."""
    n = len(cands)
    best = [0] * n
    for i in range(n - 1, -1, -1):
        tail = 0
        for j in range(i + 1, n):
            if cands[j].number > cands[i].number and best[j] > tail:
                tail = best[j]
        best[i] = _weight(cands[i]) + tail
    chain: list[int] = []
    want = max(best, default=0)
    last_number = 0
    for i in range(n):
        if want <= 0:
            break
        if cands[i].number > last_number and best[i] == want:
            chain.append(i)
            want -= _weight(cands[i])
            last_number = cands[i].number
    return chain


@dataclass
class _Scan:
    """What one pass over the lines keeps: the numbered lines (headings) and the lines matching
    a section heading, never a record per line of the text."""

    lines: dict[int, tuple[tuple[int, int, int], _Line]] = field(default_factory=dict)
    """Line index -> (span, parsed line) of every kept line."""
    matches: dict[int, tuple[int, bool]] = field(default_factory=dict)
    """Line index -> (section, strong?) of the lines that match a section's heading."""
    follow: dict[int, tuple[bool, int, bool]] = field(default_factory=dict)
    """Match's line index -> what its next non-blank line is: (a numbered or Arabic-numbered
    match?, its Arabic section number or 0, a "(详情见正文)" pointer?)."""


def _scan(text: str, pats: _Patterns) -> _Scan:
    """The lines :func:`find_sections` needs, in one pass.

    A match without a Chinese numeral that comes after ``_MAX_CANDIDATES`` surviving matches
    (or after as many Arabic-numbered ones of its section) can never be a candidate: it is not
    kept, so that a file of a million heading-like lines costs no more than its headings."""
    cuts, glued = _inline_cuts(text)
    found = _Scan()
    sure = 0  # matches no later step removes (numbered with 一, or without any numeral)
    arabic: dict[int, int] = {}  # Arabic-numbered matches kept, by section
    waiting: int | None = None  # a match whose next non-blank line is still to come
    for i, span in enumerate(_split_lines(text, cuts)):
        a, b, c = span
        if a >= b:
            continue
        line = _parse_line(text, a, b, c, a in glued)
        hit = None
        if line is not None and not (line.numeral is not None and _is_table_row(line, pats)):
            hit = _match(line, pats)
            if hit is not None and not ((hit[1] or not line.arabic) and (hit[1] or not line.inline)):
                hit = None
        if waiting is not None:
            numbered = hit if line is not None and (line.numeral is not None or line.arabic) else None
            detail = _DETAIL_LINE_RE.fullmatch(_SPACES_RE.sub("", text[a:b])) is not None
            arabic_number = numbered[0] if numbered is not None and line is not None and line.arabic else 0
            found.follow[waiting] = (numbered is not None, arabic_number, detail)
            waiting = None
        if line is None:
            continue
        if hit is not None and line.numeral is None:
            if sure >= _MAX_CANDIDATES or (line.arabic and arabic.get(hit[0], 0) >= _MAX_CANDIDATES):
                continue
            if line.arabic:
                arabic[hit[0]] = arabic.get(hit[0], 0) + 1
            else:
                sure += 1
        elif hit is not None:
            sure += 1
        elif line.numeral is None:
            continue
        found.lines[i] = (span, line)
        if hit is not None:
            found.matches[i] = hit
            waiting = i
    return found


# Complexity (ruff C901 > 15): stages (candidates, chain, stray sections, headings) that share
# the scanned lines; split up they would pass half a dozen collections around.
def find_sections(positions: PositionMap, norm: NormalizedText) -> tuple[tuple[Section, ...], tuple[Heading, ...]]:
    """The statutory sections found (file order, each number at most once) and every
    top-level numbered heading line (file order)."""
    pats = _patterns()
    text = norm.text
    scan = _scan(text, pats)
    kept, matches = scan.lines, scan.matches

    # A heading numbered with its own Chinese numeral (二、主动公开…) outranks a sub-item
    # numbered 2. that names the same section: the sub-item is dropped.
    numbered = {num for i, (num, _) in matches.items() if kept[i][1].numeral == num}
    for i in [i for i, (num, _) in matches.items() if num in numbered and kept[i][1].arabic]:
        del matches[i]

    def nonempty(i: int) -> bool:
        # Content follows when the next non-blank line is neither another numbered
        # heading candidate nor a "(详情见正文)" pointer.
        if kept[i][1].inline:
            return True
        after = scan.follow.get(i)
        if after is None:
            return False
        heading, arabic_number, detail = after
        if heading and arabic_number not in numbered:
            return False
        return not detail

    # The chain search is quadratic: a pathological file with thousands of heading-like
    # lines keeps its first ones (real reports have a few dozen at most).
    cands = [_Candidate(i, num, strong, nonempty(i)) for i, (num, strong) in sorted(matches.items())[:_MAX_CANDIDATES]]
    chosen = {cands[k].line_index: cands[k].number for k in _best_chain(cands)}
    have = set(chosen.values())
    # Sections present only out of order: the first heading with content under it, else the last
    # one (a contents list comes first, the body's heading after it).
    astray: dict[int, _Candidate] = {}
    for c in cands:
        line = kept[c.line_index][1]
        if c.number in have or not (c.strong or line.numeral == c.number):
            continue
        held = astray.get(c.number)
        if held is None or not held.nonempty:
            astray[c.number] = c
    for number, c in astray.items():
        chosen[c.line_index] = number

    order = sorted(chosen)
    source = positions.source
    last_line = source.position(max(len(source.text) - 1, 0)).line
    sections: list[Section] = []
    for k, i in enumerate(order):
        (a, b, nxt), line = kept[i]
        pos = positions.at(a)
        if k + 1 < len(order):
            next_start = kept[order[k + 1]][0][0]
            end_line = max(pos.line, positions.at(next_start).line - 1)
            body_end = next_start
        else:
            end_line = max(pos.line, last_line)
            body_end = len(text)
        if line.inline:
            # The body starts right after the heading's words (its text runs on in the line).
            b = _words_end(text, a, b, line.text)
            nxt = b
        sections.append(Section(chosen[i], _original_span(positions, a, b), pos, end_line,
                                min(nxt, body_end), body_end))

    headings: list[Heading] = []
    for i, ((a, b, _), line) in kept.items():
        if line.numeral is None or _is_table_row(line, pats):
            continue
        if line.inline or line.comma:
            if i not in matches:
                # A numbered sentence (一、加强组织领导。局党组…), or the wrapped tail of one
                # (较为单\n一,图解、视频…): headings take 、 or . after their numeral, not a comma.
                continue
        elif _ends_sentence(text, (a, b, 0)):
            continue
        if i in chosen:
            section: int | None = chosen[i]
        elif i in matches and matches[i][1]:
            section = matches[i][0]  # a strong duplicate: a repeated or misplaced heading
        else:
            section = None
        if line.inline and i in matches:
            b = _words_end(text, a, b, line.text)
        headings.append(Heading(line.numeral, _original_span(positions, a, b),
                                positions.at(a), section))
    return tuple(sections), tuple(headings)
