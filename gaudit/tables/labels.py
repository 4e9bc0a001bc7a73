"""Recognise the template's row labels in the words a report actually wrote.

Labels are compared in a folded form: whitespace, pipes, punctuation and
quotes removed, so ``(1)``/``1.``/``1、`` numbering variants and full-/half-width
brackets compare equal.  A label may carry group prefixes glued in front
(``三、本年度办理结果(一)予以公开``, ``(三)不予公开1.属于国家秘密``), may drop
its numbering when the rest is distinctive, and may be cut short when a PDF
wrapped it (a long enough prefix of the template label is accepted).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from gaudit.memo import Memo
from gaudit.template import TableSpec

__all__ = ["LabelMatcher", "fold_label", "matcher"]

_PUNCT = (
    " \t\n\r|,.、:;;()()“”\"'‘’「」『』《》【】[]{}<>〈〉-—–_/\\…·•・!?!?*#+=~`"
    "\u00a0\u3000"
)
_CIRCLED = {chr(0x2460 + i): str(i + 1) for i in range(10)}
_FOLD_TABLE: dict[int, str | None] = {ord(c): None for c in _PUNCT}
_FOLD_TABLE.update({ord(k): v for k, v in _CIRCLED.items()})
# One-to-many Traditional -> Simplified pairs the normaliser cannot decide (反覆 is 反复 here).
_FOLD_TABLE[ord("覆")] = "复"

_NUMERALS = "一二三四五六七八九十0123456789"
_LEADING_NUMBER_RE = re.compile(f"^[{_NUMERALS}]+")
_BLOCK_RE = re.compile("^第二十条第[一二三四五六七八九十]+项")

#: Words that may stand glued in front of a row label in the same cell.
_EXTRA_PREFIXES = ("三本年度办理结果", "本年度办理结果", "行政诉讼", "信息内容", "申请人情况")

#: Other spellings of a row label, by row key (folded before use).
_ALIASES: dict[str, tuple[str, ...]] = {
    "normative_documents": ("规范性文件", "行政规范性文件"),
    "partly_disclosed": ("(二)部分公开",),
    "other_services": ("其他对外管理服务事项", "其他对外管理服务"),
    "procurement": ("政府集中采购",),
}

#: A folded text shorter than this is never accepted as a prefix of a label.
_MIN_PREFIX = 5
#: A prefix this long names its label whatever the label's length (``1申请人无正当理由逾期不补正``).
_LONG_PREFIX = 8
#: Entries of a matcher's memo before it is emptied.
_MEMO_LIMIT = 50_000


#: Folded forms of recent texts: the same label words come back in every report.
_FOLDED: Memo[str, str] = Memo(_MEMO_LIMIT)


def fold_label(text: str) -> str:
    """``text`` without whitespace and punctuation (numbering digits and ideographs kept)."""
    folded = _FOLDED.get(text)
    return folded if folded is not None else _FOLDED.keep(text, text.translate(_FOLD_TABLE))


@dataclass(frozen=True)
class LabelMatcher:
    """Folded label forms of one table spec, for lookups while walking tokens."""

    exact: dict[str, int]
    """Folded label (full, numbering-less core, alias) -> row index."""
    full: tuple[str, ...]
    """Folded full label of each row (for the prefix rule)."""
    prefixes: tuple[str, ...]
    """Folded group words that may be glued in front of a label, longest first."""
    max_len: int
    """Longest folded text worth trying (label plus prefixes)."""
    fragments: frozenset[str]
    """Short pieces of group labels a PDF line may interleave with a wrapped label."""

    def is_group_fragment(self, folded: str) -> bool:
        return folded in self.fragments

    prefix_re: re.Pattern[str]
    """The article citation or one of ``prefixes`` at the start of a folded text."""
    _stripped: Memo[str, str] = field(default_factory=lambda: Memo(_MEMO_LIMIT), compare=False, hash=False,
                                      repr=False)
    """Memo of :meth:`strip_prefixes`: the same few hundred label texts recur in every report."""
    _prefix_rows: Memo[str, tuple[int, ...]] = field(default_factory=lambda: Memo(_MEMO_LIMIT), compare=False,
                                                     hash=False, repr=False)
    """Memo of :meth:`_cut_short`."""
    _first: Memo[str, int | None] = field(default_factory=lambda: Memo(_MEMO_LIMIT), compare=False, hash=False,
                                          repr=False)
    """Memo of :meth:`match` from the first row on."""

    def strip_prefixes(self, folded: str) -> str:
        """``folded`` without the group words and article citations glued in front of it."""
        done = self._stripped.get(folded)
        if done is not None:
            return done
        rest = folded
        while rest:
            m = self.prefix_re.match(rest)
            if m is None:
                break
            rest = rest[m.end():]
        return self._stripped.keep(folded, rest)

    def match(self, folded: str, after: int) -> int | None:
        """Index of the first row after ``after`` whose label ``folded`` is, else None."""
        if not folded or len(folded) > self.max_len:
            return None
        if after >= 0:
            return self._match(folded, after)
        # Walking a table tries every label from the first row on: the same texts again and again.
        if folded in self._first:
            return self._first[folded]
        return self._first.keep(folded, self._match(folded, after))

    def _match(self, folded: str, after: int) -> int | None:
        row = self.exact.get(folded)
        if row is not None and row > after:
            return row
        rest = self.strip_prefixes(folded)
        if rest != folded:
            row = self.exact.get(rest)
            if row is not None and row > after:
                return row
        if len(rest) >= _MIN_PREFIX:
            for i in self._cut_short(rest):
                if i > after:
                    return i
        return None

    def _cut_short(self, rest: str) -> tuple[int, ...]:
        """Rows whose label ``rest`` begins (a PDF or a narrow column cut it short): ``rest`` must
        cover three fifths of the label, or be long enough to name it on its own."""
        rows = self._prefix_rows.get(rest)
        if rows is None:
            rows = tuple(i for i, label in enumerate(self.full)
                         if label.startswith(rest) and (len(rest) * 5 >= len(label) * 3 or len(rest) >= _LONG_PREFIX))
            self._prefix_rows.keep(rest, rows)
        return rows


@functools.lru_cache(maxsize=16)
def matcher(spec: TableSpec) -> LabelMatcher:
    exact: dict[str, int] = {}
    full: list[str] = []
    prefixes: set[str] = {fold_label(p) for p in _EXTRA_PREFIXES}
    for i, row in enumerate(spec.rows):
        f = fold_label(row.label)
        full.append(f)
        forms = [f, *(fold_label(a) for a in _ALIASES.get(row.key, ()))]
        core = _LEADING_NUMBER_RE.sub("", f)
        if core != f and len(core) >= 4:
            forms.append(core)
        for form in forms:
            exact.setdefault(form, i)
        if row.group:
            g = fold_label(row.group)
            prefixes.add(g)
            gcore = _LEADING_NUMBER_RE.sub("", g)
            if len(gcore) >= 4:
                prefixes.add(gcore)
    # A 2019 "(六)其他处理" row is a group label in 2021 and vice versa: never strip a row's own label.
    prefixes -= set(exact)
    ordered = tuple(sorted(prefixes, key=len, reverse=True))
    longest = max(len(x) for x in exact) + sum(len(p) for p in ordered[:3])
    fragments = {
        g[a:b]
        for g in ordered
        for a in range(len(g))
        for b in range(a + 2, min(len(g), a + 5) + 1)
    } - set(exact)
    # The citation (group 1) may stand alone; a group word must be followed by more text.
    prefix_re = re.compile(f"({_BLOCK_RE.pattern[1:]})|(?:{'|'.join(map(re.escape, ordered))})(?=.)")
    return LabelMatcher(exact, tuple(full), ordered, longest, frozenset(fragments), prefix_re)
