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
See :func:`report_facts`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from gaudit.model import (
    Heading,
    NormalizedText,
    OrganKind,
    OrganLevel,
    Position,
    ReportFacts,
    Section,
    SourceText,
)

__all__ = ["find_sections", "organ_kind", "organ_level", "report_facts"]

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "〇": 0, "○": 0, "零": 0}

# A line: leading whitespace/markup, then the numeral and its separator.
_LINE_RE = re.compile(r"[^\n]*")
_MARKUP = " \t*#【[>"
_NUMBERED_RE = re.compile(
    r"(?:第([一二三四五六七八九十]{1,3})部分[ \t]*[、.,:]?[ \t]*"
    r"|([一二三四五六七八九十]{1,3})(?:[ \t]*[、.,:][ \t]*|[ \t]+)"
    r"|(\d{1,2})(?:[ \t]*[、.][ \t]*|[ \t]+)(?!\d))"
)
_SPACES_RE = re.compile(r"[ \t*#【】\[\]]+")
_TRAILER_RE = re.compile(r"(?:\((?:详情|详细情况|具体情况)?(?:请)?(?:见|详见)正文\)|[:。])+$")
_DETAIL_LINE_RE = re.compile(r"\(?(?:详情|详细情况|具体情况)?(?:请)?(?:见|详见)正文\)?")
_SENTENCE_RE = re.compile(r"[。;!?]")
_MAX_HEADING = 40  # characters of heading text (after the numeral), spaces removed
_MAX_WEAK = 32
_MAX_CANDIDATES = 600

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
_WEAK_ORDER = (4, 6, 5, 3, 2, 1)
# Words of sections the 2019 format dropped (never a statutory section).
_OBSOLETE_RE_SRC = r"收费及减免|收费和减免|主动回应社会关切"


@dataclass(frozen=True)
class _Patterns:
    strong: dict[int, re.Pattern[str]]
    weak: dict[int, re.Pattern[str]]
    obsolete: re.Pattern[str]
    table_rows: frozenset[str]


@functools.cache
def _patterns() -> _Patterns:
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
    return _Patterns(strong, weak, re.compile(fold(_OBSOLETE_RE_SRC)), frozenset(rows))


def _cn_number(s: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十 -> 20, 二十三 -> 23."""
    if "十" not in s:
        return _CN_DIGITS.get(s, 0) if len(s) == 1 else 0
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


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


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(first non-space, end of stripped content, start of next line) for each line."""
    out: list[tuple[int, int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        seg = text[pos:end]
        stripped = seg.strip()
        if stripped:
            lead = len(seg) - len(seg.lstrip())
            out.append((pos + lead, pos + lead + len(stripped), end + 1 if nl != -1 else n))
        else:
            out.append((pos, pos, end + 1 if nl != -1 else n))
        if nl == -1:
            break
        pos = nl + 1
    return out


def _parse_line(text: str, start: int, end: int, next_start: int) -> _Line | None:
    """The heading words of a line that could be a heading, else ``None``."""
    if start >= end:
        return None
    raw = text[start:end]
    if "|" in raw or (raw[-1].isdigit() and _TOC_ENTRY_RE.search(raw)):
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
            numeral = _cn_number(m.group(1) or m.group(2))
            comma = "," in m.group()
        body = body[m.end():]
    elif len(raw) > 3 * _MAX_HEADING:
        return None  # a paragraph: only a numbered line may carry its heading inline
    if "\t" in body.strip():
        return None  # a tab-separated table row
    if len(raw) <= 3 * _MAX_HEADING:
        words = _TRAILER_RE.sub("", _SPACES_RE.sub("", body))
        if words and len(words) <= _MAX_HEADING and not _INLINE_CUT_RE.search(words):
            return _Line(start, end, next_start, numeral, arabic, words, comma=comma)
    if numeral is not None:
        # A heading and its section's first sentence on one line: 一、总体情况。2022年…,
        # 五、存在的主要问题及改进情况:主要问题… (only a known heading counts, see find_sections).
        cut = _INLINE_CUT_RE.search(body)
        if cut is not None and 2 <= cut.start() <= _MAX_INLINE_HEADING:
            return _Line(start, end, next_start, numeral, arabic, _SPACES_RE.sub("", body[:cut.start()]), True,
                         comma)
    return None


_CJK_RE = re.compile("[\u4e00-\u9fff]")
#: A table-of-contents entry: leader dots and a page number (``一、总体情况……………1``).
_TOC_ENTRY_RE = re.compile(r"(?:…|\.{3}|·{3}|-{3}|_{3})[ .…·\-_]*\d{1,3}$")
#: Where a heading ends when its section's text follows on the same line.
_INLINE_CUT_RE = re.compile(r"[。:;]| +")
_MAX_INLINE_HEADING = 24

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


def _original_span(source: SourceText, norm: NormalizedText, start: int, end: int) -> str:
    """The original text of normalised ``[start, end)`` (as the user wrote it)."""
    a = norm.original_offset(start)
    b = norm.original_offset(end - 1) + 1 if end > start else a
    return source.text[a:b].strip().rstrip("\r")


def find_sections(source: SourceText, norm: NormalizedText) -> tuple[tuple[Section, ...], tuple[Heading, ...]]:
    """The statutory sections found (file order, each number at most once) and every
    top-level numbered heading line (file order)."""
    pats = _patterns()
    text = norm.text
    raw_lines = _lines(text)
    parsed: list[_Line | None] = [_parse_line(text, a, b, c) for a, b, c in raw_lines]

    matches: dict[int, tuple[int, bool]] = {}
    for i, line in enumerate(parsed):
        if line is None or (line.numeral is not None and _is_table_row(line, pats)):
            continue
        hit = _match(line, pats)
        if hit is not None and (hit[1] or not line.arabic) and (hit[1] or not line.inline):
            matches[i] = hit

    def nonempty(i: int) -> bool:
        # Content follows when the next non-blank line is neither another numbered
        # heading candidate nor a "(详情见正文)" pointer.
        line = parsed[i]
        if line is not None and line.inline:
            return True
        for j in range(i + 1, len(raw_lines)):
            a, b, _ = raw_lines[j]
            if a >= b:
                continue
            other = parsed[j]
            if j in matches and other is not None and (other.numeral is not None or other.arabic):
                return False
            return not _DETAIL_LINE_RE.fullmatch(_SPACES_RE.sub("", text[a:b]))
        return False

    # A heading numbered with its own Chinese numeral (二、主动公开…) outranks a sub-item
    # numbered 2. that names the same section: the sub-item is dropped.
    numbered = {num for i, (num, _) in matches.items() if (line := parsed[i]) is not None and line.numeral == num}
    for i in [i for i, (num, _) in matches.items() if num in numbered and (ln := parsed[i]) is not None and ln.arabic]:
        del matches[i]
    # The chain search is quadratic: a pathological file with thousands of heading-like
    # lines keeps its first ones (real reports have a few dozen at most).
    cands = [_Candidate(i, num, strong, nonempty(i)) for i, (num, strong) in sorted(matches.items())[:_MAX_CANDIDATES]]
    chosen = {cands[k].line_index: cands[k].number for k in _best_chain(cands)}
    have = set(chosen.values())
    # Sections present only out of order: the first heading with content under it, else the last
    # one (a contents list comes first, the body's heading after it).
    astray: dict[int, _Candidate] = {}
    for c in cands:
        line = parsed[c.line_index]
        assert line is not None
        if c.number in have or not (c.strong or line.numeral == c.number):
            continue
        held = astray.get(c.number)
        if held is None or not held.nonempty:
            astray[c.number] = c
    for number, c in astray.items():
        chosen[c.line_index] = number

    order = sorted(chosen)
    last_line = source.position(max(len(source.text) - 1, 0)).line
    sections: list[Section] = []
    for k, i in enumerate(order):
        a, b, nxt = raw_lines[i]
        pos = source.position(norm.original_offset(a))
        if k + 1 < len(order):
            next_start = raw_lines[order[k + 1]][0]
            end_line = max(pos.line, source.position(norm.original_offset(next_start)).line - 1)
            body_end = next_start
        else:
            end_line = max(pos.line, last_line)
            body_end = len(text)
        sections.append(Section(chosen[i], _original_span(source, norm, a, b), pos, end_line,
                                min(nxt, body_end), body_end))

    headings: list[Heading] = []
    for i, line in enumerate(parsed):
        if line is None or line.numeral is None or _is_table_row(line, pats):
            continue
        if line.inline or line.comma:
            if i not in matches:
                # A numbered sentence (一、加强组织领导。局党组…), or the wrapped tail of one
                # (较为单\n一,图解、视频…): headings take 、 or . after their numeral, not a comma.
                continue
        elif _ends_sentence(text, raw_lines[i]):
            continue
        if i in chosen:
            section: int | None = chosen[i]
        elif i in matches and matches[i][1]:
            section = matches[i][0]  # a strong duplicate: a repeated or misplaced heading
        else:
            section = None
        a, b, _ = raw_lines[i]
        headings.append(Heading(line.numeral, _original_span(source, norm, a, b),
                                source.position(norm.original_offset(a)), section))
    return tuple(sections), tuple(headings)


# --------------------------------------------------------------------------
# Report facts
# --------------------------------------------------------------------------

_TITLE_WORDS_RE = re.compile(r"年度报告|工作报告|年报|政府信息公开|政务公开|报告$")
_TITLE_END_RE = re.compile(r"(?:报告|年报)[)\]】]?$")
_YEAR_RE = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
_CN_YEAR_RE = re.compile(r"二[〇○零0O]([一二三四五六七八九〇○零0O])([一二三四五六七八九〇○零0O])")
_PERIOD_RE = re.compile(
    r"统计(?:[^。\n\d]{0,8}?(?:期限|时限|期间|时间|区间|周期|范围)|期限|时限|期间|时间|区间|周期|范围)"
    r"[^。\n\d]{0,6}?(20\d{2})[ ]?年[ ]?(?:1|01|一)[ ]?月"
)
#: A whole year written as a range anywhere: 2022年1月1日(起)至/—2022年12月31日(止), even broken over lines.
_YEAR_RANGE_RE = re.compile(
    r"(20\d{2})\s?年\s?0?1\s?月\s?0?1\s?日\s?起?\s?(?:至|到|—|–|-|~|－)+\s?"
    r"(?:20\d{2})\s?年\s?12\s?月\s?31\s?日"
)
#: The opening words of the preface's first sentence, never of a title (a wrapped line of
#: "根据《中华人民共和国政府信息公开条例》…" has no full stop to give it away).
_PROSE_START_RE = re.compile(r"(?:根据|按照|依据|依照|为了|现将|现公布|本报告|本年度|我(?:局|镇|乡|委|办))")
#: The preface naming the report it introduces: "现公布青河镇人民政府2023年度政府信息公开工作年度报告".
_PREFACE_ORGAN_RE = re.compile(
    r"(?:现公布|现将|公布|发布|编制了?|编制完成)([\u4e00-\u9fff]{2,24}?)"
    r"(?:20\d{2}|二[〇○零][一二三四五六七八九〇○零]{2})年度?(?:政府信息公开|政务公开)"
)
#: Page furniture above a title: 当前位置:首页>信息公开>年度报告, 首页 / 政府信息公开 / 年报.
_BREADCRUMB_RE = re.compile(r"位置[::]|首页|>|»|›| / ")
_FIRST_YEAR_RE = re.compile(r"(?<!\d)(20\d{2})[ ]?年")
_TITLE_ORGAN_CUT_RE = re.compile(r"(?<!\d)20\d{2}|二[〇○零][一二三四五六七八九〇○零]{2}|政府信息公开|政务公开|信息公开")
_ORGAN_IN_TEXT_RE = re.compile(
    r"(?:^|(?<=[\s,,。;:、\d年来]))"
    r"((?:(?![我在的和与及了对按照是为由本该各全今])[\u4e00-\u9fff]){2,6}?"
    r"(?:街道办事处|街道|民族乡|苏木|镇|乡|自治县|县|区|市)(?:人民政府)?)"
)
#: The government an organ is, or belongs to, by the place word its name ends in (after
#: stripping 人民政府 and the department's own words).  Longest words first.
_PLACE_LEVELS: tuple[tuple[str, OrganLevel], ...] = (
    ("街道办事处", "township"), ("民族乡", "township"), ("办事处", "township"), ("街道", "township"),
    ("苏木", "township"), ("镇", "township"), ("乡", "township"),
    ("自治县", "county"), ("自治旗", "county"), ("县级市", "county"), ("县", "county"), ("旗", "county"),
    ("区", "county"),
    ("自治区", "province"), ("省", "province"),
    ("自治州", "city"), ("州", "city"), ("盟", "city"), ("市", "city"),
)
_PLACE_RE = re.compile("(?:" + "|".join(w for w, _ in _PLACE_LEVELS) + ")")
_LEVEL_OF_PLACE: dict[str, OrganLevel] = dict(_PLACE_LEVELS)
_PLACE_LEVELS_LONGEST_FIRST = sorted(_PLACE_LEVELS, key=lambda item: -len(item[0]))
#: 区 after these characters is no district: 社区, 小区, 辖区 (丰林区 and 东矿区 are districts).
_NOT_DISTRICT = "社小辖"
#: Words of department names that hold a place character without naming a place
#: (长宁县住房和城乡建设局 is a county bureau, not a township's).
_NOT_A_PLACE_RE = re.compile(
    "城乡|乡村|城镇|乡镇|镇村|村镇|市场|城市|市政|市民|市容|县域|社区|小区|辖区"
)
_DEPARTMENT_RE = re.compile(r"(?:局|委员会|委|办公室|办公厅|办|厅|中心|部|署|院|所|站|队|馆|会|处|司|公司)$")
_NATIONAL_RE = re.compile(r"^(?:国务院|国家|中华人民共和国|中国)")


def _places(organ: str) -> str:
    """``organ`` with the department words that merely contain a place character blanked out."""
    return _NOT_A_PLACE_RE.sub(lambda m: "〇" * len(m.group()), organ)


def _government_level(name: str) -> OrganLevel | None:
    """Level of a place name (a government is named by its place, whatever the place is
    called: 东城乡 is a 乡), or None when ``name`` does not end in a place word."""
    for word, level in _PLACE_LEVELS_LONGEST_FIRST:
        if name.endswith(word) and (word != "区" or name[-2:-1] not in _NOT_DISTRICT):
            return level
    return None


def organ_kind(organ: str | None) -> OrganKind | None:
    """``government`` (…人民政府, 街道办事处, a bare place name) or ``department`` (…局, …委员会, …办公室 …)."""
    if not organ:
        return None
    if organ.endswith(("人民政府", "办事处")) or _government_level(organ) is not None:
        return "government"
    if _DEPARTMENT_RE.search(organ):
        return "department"
    return None


def organ_level(organ: str | None) -> OrganLevel | None:
    """The level of the government an organ is or belongs to, from its (normalised) name.

    ``township``: 镇, 乡, 民族乡, 苏木, 街道, (街道)办事处; ``county``: 县, 旗, 区 (a city's
    district) and their departments (``长宁县交通运输局``, ``长宁县人民政府办公室``);
    ``city``: 市, 州, 盟 (a county-level 市 cannot be told apart by its name and counts as
    ``city``); ``province``: 省, 自治区; ``national``: State Council departments
    (``国家统计局``, ``教育部``).  A department takes the level of the last place word
    of its name (``江州市东山区教育局`` is county-level); words such as 城乡, 市场, 社区
    inside a department's name are not places.  Anything else: ``None``.
    """
    if not organ:
        return None
    if _NATIONAL_RE.match(organ):
        return "national"
    level = _government_level(organ.removesuffix("人民政府"))
    if level is not None:
        return level
    places = _PLACE_RE.findall(_places(organ))
    if places:
        return _LEVEL_OF_PLACE[places[-1]]
    if _DEPARTMENT_RE.search(organ) and len(organ) <= 8:
        return "national"  # 教育部, 海关总署: a ministry names no place
    return None


def _cn_year(m: re.Match[str]) -> int:
    digits = {**_CN_DIGITS, "0": 0, "O": 0}
    return 2000 + digits[m.group(1)] * 10 + digits[m.group(2)]


def _title_lines(norm: NormalizedText, limit: int) -> tuple[int, int, int] | None:
    """(start, end, lines joined) of the title in normalised offsets, before ``limit``."""
    text = norm.text
    lines = [(a, b) for a, b, _ in _lines(text[:limit]) if a < b]
    for k, (a, b) in enumerate(lines[:5]):
        line = text[a:b]
        if _PROSE_START_RE.match(line):
            break  # the preface has begun: a title stands above it
        if len(line) > 60 or _SENTENCE_RE.search(line) or "|" in line or "\t" in line:
            continue
        if not _TITLE_WORDS_RE.search(line) or _BREADCRUMB_RE.search(line):
            continue
        end, joined = b, 1
        # A title broken over lines: join short continuations until it ends in 报告.
        while not _TITLE_END_RE.search(text[a:end].rstrip()) and k + joined < len(lines) and joined < 3:
            na, nb = lines[k + joined]
            nxt = text[na:nb]
            if len(nxt) > 20 or _SENTENCE_RE.search(nxt) or _NUMBERED_RE.match(nxt) or _BREADCRUMB_RE.search(nxt):
                break
            end, joined = nb, joined + 1
        if joined > 1 and not _TITLE_END_RE.search(text[lines[k + joined - 1][0]:end]):
            end, joined = b, 1  # the continuation did not finish the title: keep one line
        return a, end, joined
    return None


def _organ_from_title(title: str) -> str | None:
    t = _SPACES_RE.sub("", title)
    if t.startswith("关于"):
        t = t[2:]
    m = _TITLE_ORGAN_CUT_RE.search(t)
    if m is None:
        return None
    organ = t[: m.start()]
    if not organ:
        # The year comes first: "2021年XX局政府信息公开工作年度报告".
        rest = re.sub(r"^(?:20\d{2}|二[〇○零][一二三四五六七八九〇○零]{2})年度?", "", t)
        m2 = _TITLE_ORGAN_CUT_RE.search(rest)
        organ = rest[: m2.start()] if m2 else ""
    organ = organ.removesuffix("关于").removesuffix("的")
    return organ or None


def report_facts(source: SourceText, norm: NormalizedText, sections: tuple[Section, ...]) -> ReportFacts:
    """Title, years, statistics period and organ as the report states them.

    * ``title``: the first short line (of the first five, before section 1) with
      年度报告/工作报告/年报/政府信息公开/政务公开, joined with up to two short
      continuation lines when it does not yet end in 报告 (a title broken over lines);
      as written in the original file, the pieces joined without separator.
    * ``title_year``: the first 20xx (or 二〇二一-style) year in the title.
    * ``period_year``/``period_position``: the year of "统计期限(自/为)YYYY年1月…" (or of
      "统计数据的时间范围为…"), else of the first whole-year range "YYYY年1月1日至YYYY年12月31日",
      and where that year stands in the original file.
    * ``year``: title year, else period year, else the year of the report the
      preface names ("现公布…2024年度政府信息公开工作年度报告"), else a "YYYY年" in
      the first sentence of section 1, else of section 3.
    * ``organ``: from the title (the words before the year or 政府信息公开,
      without 关于), else a line of its own just above the title naming an organ,
      else the organ the preface presents the report of ("现公布XX局2023年度…"),
      else the first place name ending 镇/乡/街道/县/区/市… at a clause start in
      section 1 (or section 3, where counts are told); normalised (Simplified) form.
    * ``organ_level``, ``organ_kind``: :func:`organ_level` and :func:`organ_kind` of ``organ``.
    """
    text = norm.text
    first = next((s for s in sections if s.number == 1), None)
    earliest = min((s for s in sections), key=lambda s: s.body_start, default=None)
    limit = len(text)
    if earliest is not None:
        limit = _heading_start(text, earliest.body_start)

    title = title_norm = None
    span = _title_lines(norm, limit)
    if span is not None:
        a, end, joined = span
        title_norm = _SPACES_RE.sub("", text[a:end].replace("\n", ""))
        if joined == 1:
            title = _original_span(source, norm, a, end)
        else:
            parts = [_original_span(source, norm, la, lb) for la, lb, _ in _lines(text[:end]) if la < lb and la >= a]
            title = "".join(parts)

    title_year = None
    if title_norm:
        ym = _YEAR_RE.search(title_norm)
        if ym:
            title_year = int(ym.group(1))
        else:
            cm = _CN_YEAR_RE.search(title_norm)
            if cm:
                title_year = _cn_year(cm)

    period_year = None
    period_position: Position | None = None
    pm = _PERIOD_RE.search(text) or _YEAR_RANGE_RE.search(text)
    if pm:
        period_year = int(pm.group(1))
        period_position = source.position(norm.original_offset(pm.start(1)))

    year = title_year or period_year or _year_in_preface(text, limit)
    if year is None:
        # The first sentence of section 1, else of section 3 ("2019年,柳溪街道共收到…").
        for number in (1, 3):
            section = next((s for s in sections if s.number == number), None)
            if section is None:
                continue
            sentence = text[section.body_start:section.body_end].lstrip()
            sentence = _SENTENCE_RE.split(sentence, maxsplit=1)[0][:200]
            fm = _FIRST_YEAR_RE.search(sentence)
            if fm:
                year = int(fm.group(1))
                break

    organ = _organ_from_title(title_norm) if title_norm else None
    if organ is None and span is not None:
        organ = _organ_above(text, span[0])
    if organ is None:
        organ = _organ_in_preface(text, limit)
    if organ is None and first is not None:
        om = _ORGAN_IN_TEXT_RE.search(text, first.body_start, min(first.body_end, first.body_start + 2000))
        if om is None:
            # Some reports name themselves only where they count: "2019年,柳溪街道共收到…".
            third = next((s for s in sections if s.number == 3), None)
            if third is not None:
                om = _ORGAN_IN_TEXT_RE.search(text, third.body_start, min(third.body_end, third.body_start + 2000))
        if om:
            organ = om.group(1)

    return ReportFacts(
        title=title,
        year=year,
        title_year=title_year,
        period_year=period_year,
        period_position=period_position,
        organ=organ,
        organ_level=organ_level(organ),
        organ_kind=organ_kind(organ),
    )


def _organ_above(text: str, title_start: int) -> str | None:
    """The organ's name on a line of its own just above a title that lacks it
    (``高桥区农业农村局`` / ``2023年政府信息公开工作年度报告``)."""
    lines = [(a, b) for a, b, _ in _lines(text[:title_start]) if a < b]
    if not lines:
        return None
    a, b = lines[-1]
    name = _SPACES_RE.sub("", text[a:b])
    if len(name) <= 24 and not _SENTENCE_RE.search(name) and organ_kind(name) is not None:
        return name
    return None


#: The report named in the preface: "…2024年度政府信息公开工作年度报告".
_PREFACE_REPORT_RE = re.compile(r"(20\d{2})年度?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)")


def _year_in_preface(text: str, limit: int) -> int | None:
    """The year of the report the preface names, when no title or period says it."""
    preface = _SPACES_RE.sub("", text[:min(limit, 3000)].replace("\n", ""))
    m = _PREFACE_REPORT_RE.search(preface)
    return int(m.group(1)) if m else None


def _organ_in_preface(text: str, limit: int) -> str | None:
    """The organ named where the preface presents its report (lines joined: it may wrap)."""
    preface = text[:min(limit, 3000)].replace("\n", "")
    m = _PREFACE_ORGAN_RE.search(_SPACES_RE.sub("", preface))
    if m is None:
        return None
    name = m.group(1).removeprefix("了")
    return name if organ_kind(name) is not None else None


def _heading_start(text: str, body_start: int) -> int:
    """Start of the line holding the heading whose body starts at ``body_start``."""
    if body_start <= 0:
        return 0
    nl = text.rfind("\n", 0, body_start - 1)
    return nl + 1
