"""narrative-number: a number stated in the text must agree with the table.

``pattern`` is a regular expression whose capturing group holds the number (when
it has several, as alternatives for different word orders such as ``上年结转(\\d+)件``
and ``(\\d+)件为上年结转``, the first group that matched does); it is searched in the
folded text of the ``sections`` named (Simplified script, half-width digits and
punctuation: write patterns that way).  The
captured number (digits, or a small Chinese numeral such as 十二) is compared
with the sum of the ``cells``.

Lines that wrap a paragraph (PDF text, narrow web pages) are joined before the
search, so a statement broken after 申请 still reads as one.

Reports compare with last year, break totals down, or speak of two things at
once; to stay silent rather than wrong, a match is skipped when its clause —
the text between the nearest ``,`` ``。`` ``;`` or line break on either side, or
a ``、`` that closes a counted item (``行政复议10件、行政诉讼0件``) —
matches ``exclude`` (e.g. ``上年|同比|含``), or (``other_years: true``) names a
year other than the report's.  With ``match: first`` only the first match of
each section is compared.  ``zero`` is a second, optional pattern (no group)
for sentences that state "none" without a number (``未收到政府信息公开申请``):
its match counts as a stated 0, under the same exclusions.  When a cell is blank, not a number, or its table or
row is missing, nothing is compared.  The hit stands at the number in the
text, with ``expected`` = the table's value and ``actual`` = the stated number.

Parameters
----------
pattern : str
    A regular expression with a capturing group around the number (or one per
    alternative: the first that matched is used).
cells : list of str
    ``table.row.column`` cells whose sum the number must equal.
sections : "any" | int | list of int, default "any"
    Where to search: section numbers, or the whole text.
match : "first" | "all", default "first"
    Compare the first match in each section, or every match.
exclude : str, default ""
    A regular expression; a match whose clause contains it is skipped.
other_years : bool, default true
    Skip a match whose clause names a year other than the report's.
zero : str, default ""
    A regular expression without groups whose match states the number 0.
lower_bound : bool, default false
    A blank ``total`` cell counts as the sum of its row's other cells; when some of those
    are blank too, that sum is only a floor, and a stated number is wrong only below it
    (``予以公开及部分公开258件`` where the rows' filled cells add up to 275).
anchor : str, default ""
    Words every statement holds (``结转``, ``行政复议``): when given, the patterns are
    tried only on the sentences that contain them, which is much faster on long
    reports (a pattern that starts with the number is tried at every digit).

Placeholders: ``{expected}``, ``{actual}``, ``{text}`` (the matched text as written),
``{row_label}``, ``{column_label}`` (of the first cell), ``{table_title}``.

Examples
--------
1. PASS (pattern ``收到政府信息公开申请(\\d+)件``, cells [applications.new.total]) —
   text ``全年共收到政府信息公开申请13件`` and 总计 13.
2. FAIL — text ``全年共收到政府信息公开申请12件`` on line 30 and 总计 13: one hit at 30,
   expected 13, actual 12.
3. PASS (exclude ``结转``) — ``共收到政府信息公开申请15件(含上年结转2件)`` with 13 new:
   the clause is skipped.
4. PASS — ``较2021年收到政府信息公开申请20件有所下降`` in a 2022 report: another year.
5. FAIL (zero ``未收到政府信息公开申请``) — text ``本年度未收到政府信息公开申请`` and 总计 2:
   one hit, expected 2, actual 0.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from gaudit.checks.base import (
    CheckType,
    Hit,
    Param,
    ParamError,
    compiled,
    number,
    parse_ref,
    same,
    sections_text,
    tidy,
    usable_rows,
    validate_cell_refs,
)
from gaudit.i18n import Bilingual
from gaudit.model import Document
from gaudit.template import TABLE_SECTION

_DELIMS = ",，。;；!！?？\n"
_DELIM_RE = re.compile(f"[{_DELIMS}]")
_SENTENCE_DELIM_RE = re.compile("[。;；!！?？\n]")
#: A counted item closed by 、: ``…行政复议10件、`` (the 、 is where the clause ends).
_COUNTED_ITEM_RE = re.compile(r"(?:\d|[零〇一二两三四五六七八九十百])(?:件|起|宗|个|份|条|次)、")
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2}) ?年")  # a year is written with 年: 2053件 is a count
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def parse_number(text: str) -> int | None:
    """``"12"`` -> 12, ``"十二"`` -> 12, ``"一百零五"`` -> 105; ``None`` when not a count."""
    text = text.strip().replace(",", "")
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        return None
    if not any(u in text for u in _UNITS):
        return _DIGITS[text] if len(text) == 1 else None  # 一二 is not a number word
    total, digit = 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
    return total + (digit or 0)


def _span(stops: list[int], start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """``start:end`` widened to the nearest stop (sorted delimiter offsets) on either side."""
    k = bisect_left(stops, start)
    a = stops[k - 1] + 1 if k > 0 else lo
    k = bisect_left(stops, end)
    b = stops[k] if k < len(stops) else hi
    return max(a, lo), min(b, hi)


def _clause(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """The clause a statement stands in, for the ``exclude`` and year tests.

    Clauses end at commas and sentence ends, and at a 、 that closes a counted item
    (``被申请行政复议10件、被提起行政诉讼0件``), not at one that joins two names
    (``行政复议、行政诉讼案件共3件`` is one clause about both).
    """
    a, b = _span([m.start() for m in _DELIM_RE.finditer(text, lo, hi)], start, end, lo, hi)
    cuts = [m.end() - 1 for m in _COUNTED_ITEM_RE.finditer(text, a, b)]  # where each such 、 stands
    left = max((c + 1 for c in cuts if c < start), default=a)
    right = min((c for c in cuts if c >= end), default=b)
    return text[left:right]


def _anchored_spans(joined: _Unwrapped, anchor: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """Where to try the patterns: the sentences holding the anchor (rows of pipe or tab
    tables, whose labels say 申请 and 结转 too, are no statements), or the whole text."""
    text = joined.text
    if anchor is None:
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    seen_to = -1  # end of the last sentence looked at: later anchors inside it add nothing
    for m in anchor.finditer(text):
        if m.end() <= seen_to:
            continue
        a, b = joined.sentence_around(m.start(), m.end())
        seen_to = b
        if text.find("|", a, b) == -1 and text.find("\t", a, b) == -1:  # not a row of a table
            spans.append((a, b))
    return spans


def _parts_sum(doc: Document, t: str, r: str, c: str) -> tuple[float, bool] | None:
    """A blank ``total`` cell's row read as its parts: their sum (blanks as 0) and whether
    every part is a number (then the sum is the total; else only a floor under it)."""
    table = doc.tables.get(t)
    if c != "total" or table is None or r not in table.rows:
        return None
    row = table.rows[r]
    total, exact = 0.0, True
    for key, cell in row.cells.items():
        if key == c:
            continue
        value = number(cell)
        if value is None:
            if cell.raw:
                return None  # text in a part: nothing can be said
            exact = False
            continue
        total += value
    return total, exact


def _table_value(doc: Document, refs: Sequence[str],
                 lower_bound: bool = False) -> tuple[int | float, str, str, str, bool] | None:
    """The sum of ``refs``, the first ref's keys, and whether the sum is exact (with
    ``lower_bound``, a blank total counts as the sum of its row's parts, a floor when some
    of those are blank too)."""
    total: float = 0
    exact = True
    usable: dict[str, frozenset[str]] = {}
    for ref in refs:
        t, r, c = parse_ref(ref)
        table = doc.tables.get(t)
        if table is None:
            return None
        if t not in usable:
            usable[t] = usable_rows(table)
        if r not in usable[t]:
            return None
        value = number(table.cell(r, c))
        if value is None:
            parts = _parts_sum(doc, t, r, c) if lower_bound else None
            if parts is None:
                return None
            value, part_exact = parts
            exact = exact and part_exact
        total += value
    t, r, c = parse_ref(refs[0])
    return tidy(total), t, r, c, exact


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    table_value = _table_value(doc, params["cells"], params["lower_bound"])
    if table_value is None:
        return
    expected, table, row, column, exact = table_value
    pattern = compiled(params["pattern"])
    exclude = compiled(params["exclude"]) if params["exclude"] else None
    year = doc.facts.year
    zero = compiled(params["zero"]) if params["zero"] else None
    anchor = compiled(params["anchor"]) if params["anchor"] else None
    seen: set[int] = set()
    for _section, lo, hi in sections_text(doc, params["sections"]):
        # Search the paragraphs with their wrapped lines joined, then map back to the text.
        joined = _unwrapped(doc.normalized.text, lo, hi)
        text = joined.text
        statements = [(a, b, st) for a, b in _anchored_spans(joined, anchor)
                      for st in _statements(text, a, b, pattern, zero)]
        for lo_, hi_, (m, stated, at_joined) in statements:
            clause = _clause(text, m.start(), m.end(), lo_, hi_)
            if exclude is not None and exclude.search(clause):
                continue
            if params["other_years"] and year is not None and any(
                    int(y) != year for y in _YEAR_RE.findall(clause)):
                continue
            if stated is None:
                continue
            at = joined.offset(at_joined)
            wrong = not same(stated, expected) if exact else stated < expected
            if wrong and at not in seen:
                seen.add(at)
                pos = doc.position(at)
                a = doc.normalized.original_offset(joined.offset(m.start()))
                b = doc.normalized.original_offset(joined.offset(m.end() - 1)) + 1
                yield Hit(pos.line, pos.col, {"text": doc.source.text[a:b]}, section=TABLE_SECTION.get(table),
                          table=table, row=row, column=column, expected=expected, actual=stated)
            if params["match"] == "first":
                break


#: Characters that end a line of prose for good: a break after them is a paragraph's end.
_HARD_ENDS = frozenset(" \t。;:!?")
#: A count set off by spaces between an ideograph and its unit: 申请 17 件.
_NUMBER_SPACE_RE = re.compile(r"(?<=[\u4e00-\u9fff]) \d+ (?=[件份条宗个起次项])")
#: A wrapped paragraph line is at least this long (headings and table rows are shorter).
_WRAPPED_LINE = 20
#: Longest word of a row of cells laid out with spaces (a label such as 行政事业性收费).
_MAX_CELL_WORD = 8


class _Unwrapped:
    """A stretch of the text with soft line breaks removed, mapping back to the text.

    A soft break ends a line of some length that does not end a sentence and is followed
    by more text: PDF text and narrow web pages wrap "…上年结转政府信息公开申请\n1件".
    """

    __slots__ = ("_reversed", "lo", "removed", "spaced", "text")

    def __init__(self, text: str, lo: int, hi: int) -> None:
        pieces: list[str] = []
        removed: list[int] = []  # joined offsets at which a break was taken out
        pos = lo
        for nl in _soft_breaks(text, lo, hi):
            pieces.append(text[pos:nl])
            pos = nl + 1
            removed.append(nl - lo - len(removed))
        pieces.append(text[pos:hi])
        joined = "".join(pieces)
        # PDF and WPS text set numbers off with spaces (受理政府信息公开申请 17 件): the spaces on
        # both sides of a count before its unit go (a second map, applied first).  A row of cells
        # writes its unit against the number (结转下年度继续办理 3件 1 0 …) and keeps its spaces.
        spaced: list[int] = []
        if " " in joined:
            kept: list[str] = []
            at = 0
            for m in _NUMBER_SPACE_RE.finditer(joined):
                for gap in (m.start(), m.end() - 1):
                    kept.append(joined[at:gap])
                    spaced.append(gap - len(spaced))
                    at = gap + 1
            if spaced:
                kept.append(joined[at:])
                joined = "".join(kept)
        self.text = joined
        self.lo = lo
        self.removed = removed
        self.spaced = spaced
        self._reversed: str | None = None

    def sentence_around(self, start: int, end: int) -> tuple[int, int]:
        """The sentence holding ``text[start:end]``: from just after the last sentence end
        before it to the first one at or after its end (or the text's bounds).

        Found by searching from the statement outwards (backwards in the reversed text), not
        from a list of every sentence end: a report's tables end a "sentence" at each line."""
        text = self.text
        n = len(text)
        after = _SENTENCE_DELIM_RE.search(text, end)
        if self._reversed is None:
            self._reversed = text[::-1]
        before = _SENTENCE_DELIM_RE.search(self._reversed, n - start)
        return (n - before.start() if before is not None else 0), (after.start() if after is not None else n)

    def offset(self, joined: int) -> int:
        """The offset in the whole text of ``self.text[joined]``."""
        joined += bisect_right(self.spaced, joined)
        return self.lo + joined + bisect_right(self.removed, joined)


#: A line long enough to have been wrapped (the regex finds them from line starts only).
_LONG_LINE_RE = re.compile(rf"^[^\n]{{{_WRAPPED_LINE + 1},}}$", re.M)


def _soft_breaks(text: str, lo: int, hi: int) -> list[int]:
    """Offsets of the line breaks in ``text[lo:hi]`` that only wrap a paragraph: after a line
    of some length that does not end a sentence, before more text, in no row of a table.
    Only long lines are looked at (one regex pass): most lines of a report are short."""
    first = text.find("\n", lo, hi)
    if first == -1:
        return []
    starts_ends = [(lo, first)]  # the stretch may open inside a line: its first line by hand
    starts_ends += [m.span() for m in _LONG_LINE_RE.finditer(text, first + 1, hi)]
    return [nl for start, nl in starts_ends
            if (nl - start > _WRAPPED_LINE and nl + 1 < hi and text[nl] == "\n" and text[nl - 1] not in _HARD_ENDS
                and not text[nl + 1].isspace() and not _is_row(text, start, nl))]


def _is_row(text: str, start: int, end: int) -> bool:
    """A row of cells, which no sentence continues: separated by tabs or pipes, or (PDF text)
    short words separated by spaces, some of them numbers (``0 0 0 0 0 …``, ``规章 3 0 12``)."""
    if text.find("\t", start, end) != -1 or text.find("|", start, end) != -1:
        return True
    if text.count(" ", start, end) < 2:
        return False
    words = text[start:end].split()
    return (len(words) >= 3 and all(len(w) <= _MAX_CELL_WORD for w in words)
            and any(w.isdigit() for w in words))


_unwrapped_cache: tuple[object, dict[tuple[int, int], _Unwrapped]] = (None, {})


def _unwrapped(text: str, lo: int, hi: int) -> _Unwrapped:
    """``text[lo:hi]`` unwrapped, computed once per document: several rules read the same text."""
    global _unwrapped_cache
    owner, spans = _unwrapped_cache
    if owner is not text:
        spans = {}
        _unwrapped_cache = (text, spans)
    if (lo, hi) not in spans:
        spans[(lo, hi)] = _Unwrapped(text, lo, hi)
    return spans[(lo, hi)]


def _statements(text: str, lo: int, hi: int, pattern: re.Pattern[str],
                zero: re.Pattern[str] | None) -> list[tuple[re.Match[str], int | None, int]]:
    """(match, stated number, offset to point at) of every statement in ``text[lo:hi]``, in text order."""
    found: list[tuple[re.Match[str], int | None, int]] = []
    for m in pattern.finditer(text, lo, hi):
        group = next((g for g in range(1, pattern.groups + 1) if m.group(g) is not None), None)
        if group is not None:
            found.append((m, parse_number(m.group(group)), m.start(group)))
    if zero is not None:
        found.extend((m, 0, m.start()) for m in zero.finditer(text, lo, hi))
        found.sort(key=lambda item: item[0].start())
    return found


def _validate(params: dict[str, Any], formats: Sequence[str]) -> None:
    if params["zero"] and re.compile(params["zero"]).groups:
        raise ParamError("zero", Bilingual("zero 模式表示不写数字的 0: 不能有捕获分组; 请写 (?:...)",
                                           "the zero pattern states 0 without a number: it must have no capturing "
                                           "group; write (?:...)"))
    if not re.compile(params["pattern"]).groups:
        raise ParamError("pattern", Bilingual("pattern 须用捕获分组括住数字, 如 '申请(\\d+)件'",
                                              "the pattern needs a capturing group around the number, "
                                              "e.g. '申请(\\d+)件'"))
    if not params["cells"]:
        raise ParamError("cells", Bilingual("至少需要一个单元格引用", "at least one cell reference is needed"))
    validate_cell_refs(params, "cells", formats)


CHECK = CheckType(
    name="narrative-number",
    doc=__doc__ or "",
    params={
        "pattern": Param("regex", "regex with one group around the number"),
        "cells": Param("cells", "cells whose sum the number must equal"),
        "sections": Param("sections", "where to search", "any"),
        "match": Param("choice", "first match per section or all", "first", ("first", "all")),
        "exclude": Param("regex", "skip a match whose clause contains this", ""),
        "other_years": Param("bool", "skip clauses naming another year", True),
        "zero": Param("regex", "regex (no group) whose match states 0", ""),
        "anchor": Param("regex", "words every statement holds; only their clauses are searched", ""),
        "lower_bound": Param("bool", "a blank total counts as the sum of its row's parts", False),
    },
    placeholders=frozenset({"expected", "actual", "text", "row_label", "column_label", "table_title"}),
    run=run,
    validate=_validate,
)
