"""What a report says about itself: title, year, statistics period, organ and its level.

Works on the normalised text like :mod:`gaudit.sections`, whose sections it takes to know
where the preface ends.  Entry point: :func:`report_facts`.
"""

from __future__ import annotations

import re
from itertools import islice

from gaudit.model import NormalizedText, OrganKind, OrganLevel, Position, PositionMap, ReportFacts, Section
from gaudit.organ_text import as_written, organ_as_subject, organ_in_page_header
from gaudit.textlines import CN_DIGITS as _CN_DIGITS
from gaudit.textlines import NUMBERED_RE as _NUMBERED_RE
from gaudit.textlines import SENTENCE_RE as _SENTENCE_RE
from gaudit.textlines import SPACES_RE as _SPACES_RE
from gaudit.textlines import iter_lines as _iter_lines
from gaudit.textlines import original_span as _original_span

__all__ = ["organ_kind", "organ_level", "report_facts"]

#: A title stands among the first lines of a report (above the preface).
_TITLE_SEARCH_LINES = 5
#: A title line is short; a longer line is a sentence of the preface.
_MAX_TITLE_LINE = 60
#: A continuation of a title broken over lines is shorter still.
_MAX_TITLE_CONTINUATION = 20
#: A title broken over lines takes at most this many lines.
_MAX_TITLE_LINES = 3
#: Characters of section 1's (or 3's) first sentence searched for a year.
_FIRST_SENTENCE_CHARS = 200
#: Characters of a section's body searched for the organ's name.
_ORGAN_SEARCH_CHARS = 2000
#: Characters of section 1 (or of the text) searched for a department naming itself.
_SUBJECT_SEARCH_CHARS = 300
#: Characters at the start of the report searched as its preface.
_PREFACE_CHARS = 3000
#: An organ named on a line of its own above the title is at most this long.
_MAX_ORGAN_LINE = 24
#: A department whose name holds no place and is this short is a ministry (教育部, 海关总署).
_MAX_MINISTRY_NAME = 8


_TITLE_WORDS_RE = re.compile(r"年度报告|工作报告|年报|政府信息公开|政务公开|报告$")
_TITLE_END_RE = re.compile(r"(?:报告|年报)[)\]】]?$")
#: How a notice about a report ends its title (关于公布…年度报告的公告).
_NOTICE_END_RE = re.compile(r"的(?:通知|公告|公示|通报)$")
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
    if _DEPARTMENT_RE.search(organ) and len(organ) <= _MAX_MINISTRY_NAME:
        return "national"  # 教育部, 海关总署: a ministry names no place
    return None


def _cn_year(m: re.Match[str]) -> int:
    digits = {**_CN_DIGITS, "0": 0, "O": 0}
    return 2000 + digits[m.group(1)] * 10 + digits[m.group(2)]


def _title_lines(norm: NormalizedText, limit: int) -> tuple[int, int, int] | None:
    """(start, end, lines joined) of the title in normalised offsets, before ``limit``."""
    text = norm.text
    # The lines a title may take (its first line among the first five, then continuations):
    # only those are cut out, not every line of a text that has no section to stop at.
    lines = list(islice(((a, b) for a, b, _ in _iter_lines(text, limit) if a < b),
                        _TITLE_SEARCH_LINES + _MAX_TITLE_LINES - 1))
    for k, (a, b) in enumerate(lines[:_TITLE_SEARCH_LINES]):
        if _PROSE_START_RE.match(text, a, b):
            break  # the preface has begun: a title stands above it
        if b - a > _MAX_TITLE_LINE:
            continue
        line = text[a:b]
        if _SENTENCE_RE.search(line) or "|" in line or "\t" in line:
            continue
        if not _TITLE_WORDS_RE.search(line) or _BREADCRUMB_RE.search(line):
            continue
        end, joined = b, 1
        notice = line.startswith("关于")
        # A title broken over lines: join short continuations until it ends in 报告 (or, for a
        # notice about a report, in 的公告: 关于公布…年度报告 / 的公告).
        while k + joined < len(lines) and joined < _MAX_TITLE_LINES:
            na, nb = lines[k + joined]
            nxt = text[na:nb]
            if _title_ended(text[a:end].rstrip(), notice) and not (notice and _NOTICE_END_RE.search(nxt)):
                break
            if (len(nxt) > _MAX_TITLE_CONTINUATION or _SENTENCE_RE.search(nxt) or _NUMBERED_RE.match(nxt)
                or _BREADCRUMB_RE.search(nxt)):
                break
            end, joined = nb, joined + 1
        if joined > 1 and not _title_ended(text[lines[k + joined - 1][0]:end], notice):
            end, joined = b, 1  # the continuation did not finish the title: keep one line
        return a, end, joined
    return None


def _title_ended(title: str, notice: bool) -> bool:
    return bool(_TITLE_END_RE.search(title) or (notice and _NOTICE_END_RE.search(title)))


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


# Complexity (ruff C901 > 15): a cascade of fallbacks per fact (title, year, period, organ), each
# a few lines; the order of the fallbacks is the documented behaviour and reads best in one place.
def report_facts(positions: PositionMap, norm: NormalizedText, sections: tuple[Section, ...]) -> ReportFacts:
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
      section 1 (or section 3, where counts are told); as the title writes it (Traditional
      script stays Traditional), judged on its Simplified form.
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
            title = _original_span(positions, a, end)
        else:
            parts = [_original_span(positions, la, lb) for la, lb, _ in _iter_lines(text, end) if la < lb and la >= a]
            title = "".join(parts)
        # A saved page's field name before its title: "标题: XX局2024年度…年度报告".
        title_norm = _TITLE_FIELD_RE.sub("", title_norm)
        title = _TITLE_FIELD_RE.sub("", title)

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
        period_position = positions.at(pm.start(1))
        # A typo in the period's end (至202020年12月31日) is no year at all: it is reported
        # as the period's year, which no title matches.
        em = _PERIOD_END_RE.search(text, pm.start(1), pm.start(1) + _PERIOD_END_SPAN)
        if em is not None and len(em.group(1)) != 4:
            period_year = int(em.group(1))
            period_position = positions.at(em.start(1))

    plausible_period = period_year if period_year is not None and _FIRST_YEAR <= period_year <= _LAST_YEAR else None
    year = title_year or plausible_period or _year_in_preface(text, limit)
    if year is None:
        # A page header the normaliser dropped as furniture ("Page 8 - XX局2022年政府信息公开
        # 工作年度报告"), or the cut-off date of the counts ("截止2023年12月31日").
        source = positions.source
        head = source.text[:min(positions.offset(limit), _PREFACE_CHARS) if limit < len(text) else _PREFACE_CHARS]
        hm = _PREFACE_REPORT_RE.search(_SPACES_RE.sub("", head))
        cm = hm or _CUTOFF_RE.search(text)
        year = int(cm.group(1)) if cm else None
    if year is None:
        # The first sentence of section 1, else of section 3 ("2019年,柳溪街道共收到…"), else
        # of any section (an excerpt that starts at section 4).
        for number in (1, 3, *sorted({s.number for s in sections} - {1, 3})):
            section = next((s for s in sections if s.number == number), None)
            if section is None:
                continue
            sentence = text[section.body_start:section.body_end].lstrip()
            sentence = _SENTENCE_RE.split(sentence, maxsplit=1)[0][:_FIRST_SENTENCE_CHARS]
            fm = _FIRST_YEAR_RE.search(sentence)
            if fm:
                year = int(fm.group(1))
                break

    organ = _organ_from_title(title_norm) if title_norm else None
    if organ is None and span is not None:
        organ = _organ_above(text, span[0])
    if organ is None:
        organ = _organ_in_preface(text, limit)
    if organ is None:
        organ = organ_in_page_header(positions.source.text[:_PREFACE_CHARS])
    if organ is None:
        # A department naming itself in its first sentence: "2023年,区投资促进局认真贯彻…".
        begin = first.body_start if first is not None else 0
        organ = organ_as_subject(text, begin, min(len(text), begin + _SUBJECT_SEARCH_CHARS))
    if organ is None and first is not None:
        om = _ORGAN_IN_TEXT_RE.search(text, first.body_start,
                                      min(first.body_end, first.body_start + _ORGAN_SEARCH_CHARS))
        if om is None:
            # Some reports name themselves only where they count: "2019年,柳溪街道共收到…".
            third = next((s for s in sections if s.number == 3), None)
            if third is not None:
                om = _ORGAN_IN_TEXT_RE.search(text, third.body_start,
                                              min(third.body_end, third.body_start + _ORGAN_SEARCH_CHARS))
        if om:
            organ = om.group(1)

    level, kind = organ_level(organ), organ_kind(organ)  # judged on the folded (Simplified) name
    if organ is not None and title:
        organ = as_written(organ, _SPACES_RE.sub("", title))  # shown as the report writes it
    return ReportFacts(
        title=title,
        year=year,
        title_year=title_year,
        period_year=period_year,
        period_position=period_position,
        organ=organ,
        organ_level=level,
        organ_kind=kind,
    )


def _organ_above(text: str, title_start: int) -> str | None:
    """The organ's name on a line of its own just above a title that lacks it
    (``高桥区农业农村局`` / ``2023年政府信息公开工作年度报告``)."""
    last = None
    for a, b, _ in _iter_lines(text, title_start):
        if a < b:
            last = a, b
    if last is None:
        return None
    a, b = last
    name = _SPACES_RE.sub("", text[a:b])
    if len(name) <= _MAX_ORGAN_LINE and not _SENTENCE_RE.search(name) and organ_kind(name) is not None:
        return name
    return None


#: The report named in the preface: "…2024年度政府信息公开工作年度报告".
_PREFACE_REPORT_RE = re.compile(r"(20\d{2})年度?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)")


#: The end of a statistics period, whatever its year's digits: 至2022年12月31日, 至202020年12月31日.
_PERIOD_END_RE = re.compile(r"(?:至|到|—|–|~|－)[ ]?(\d{3,8})[ ]?年[ ]?12[ ]?月[ ]?31[ ]?日")
#: Years a report can be about (a period year outside them is a typo, never the report's year).
_FIRST_YEAR, _LAST_YEAR = 2000, 2099
#: Characters after a period's first year searched for its end.
_PERIOD_END_SPAN = 40
#: The date the counts run to: "截止2023年12月31日", "截至2023年底".
_CUTOFF_RE = re.compile(r"截[至止](?:到)?[ ]?(20\d{2})[ ]?年[ ]?(?:12[ ]?月[ ]?31[ ]?日|底|末)")


def _year_in_preface(text: str, limit: int) -> int | None:
    """The year of the report the preface names, when no title or period says it."""
    preface = _SPACES_RE.sub("", text[:min(limit, _PREFACE_CHARS)].replace("\n", ""))
    m = _PREFACE_REPORT_RE.search(preface)
    return int(m.group(1)) if m else None


def _organ_in_preface(text: str, limit: int) -> str | None:
    """The organ named where the preface presents its report (lines joined: it may wrap)."""
    preface = text[:min(limit, _PREFACE_CHARS)].replace("\n", "")
    m = _PREFACE_ORGAN_RE.search(_SPACES_RE.sub("", preface))
    if m is None:
        return None
    name = m.group(1).removeprefix("了")
    return name if organ_kind(name) is not None else None


def _heading_start(text: str, body_start: int) -> int:
    """Start of the line holding the heading whose body starts at ``body_start``; in a line
    that lost its breaks (the heading stands inside it), where the heading's numeral stands."""
    if body_start <= 0:
        return 0
    nl = text.rfind("\n", 0, body_start - 1)
    if body_start - nl > _LONG_HEADING_LINE:
        lo = max(nl + 1, body_start - _LONG_HEADING_LINE)
        numerals = list(_NUMERAL_RE.finditer(text, lo, body_start))
        if numerals:
            return numerals[-1].start()
    return nl + 1


_TITLE_FIELD_RE = re.compile(r"^(?:标题|題目|题目|標題)[:：][ \t]*")
#: A heading's line longer than this before its body is a text that lost its line breaks.
_LONG_HEADING_LINE = 80
_NUMERAL_RE = re.compile(r"[一二三四五六](?=[、.． ])")
