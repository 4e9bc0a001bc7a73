"""Read the three statutory tables of a report into the template's keys.

``extract_tables`` finds each table in its section's body (section 2:
``active``, 3: ``applications``, 4: ``reviews``), falling back to the stretch
under the section's title, then to the whole text, when the section was not
found.  The report's format (``"2019"``/``"2021"``) comes from the tables'
header words; when they are silent, the format whose row labels match best.
"""

from __future__ import annotations

import functools
import re

from gaudit.model import NormalizedText, PositionMap, Section, Table, TemplateName
from gaudit.tables.labels import fold_label, matcher
from gaudit.tables.reader import read_table, walk_for
from gaudit.tables.reviews import Finder, Found, find_reviews, read_reviews
from gaudit.tables.stream import TokenStream
from gaudit.tables.walk import Walked
from gaudit.template import HEADER_WORDS, SECTION_HEADINGS, TABLE_SECTION, TEMPLATES, spec

__all__ = ["detect_template", "extract_tables"]

_HEADING_RE = re.compile(r"^[ \t]*[一二三四五六七八九十]+[、.]", re.MULTILINE)


#: What may split a header word in the text: cell separators, line breaks, 本年增/减's slash.
_WORD_SPLITTERS = (" ", "\t", "\n", "|", "/")


def detect_template(text: str, spans: list[tuple[int, int]] | None = None) -> TemplateName | None:
    """``"2021"`` or ``"2019"`` by the header words found in ``text`` (its ``spans`` joined, when
    given); None when neither."""
    spans = [(0, len(text))] if spans is None else spans
    if sum(b - a for a, b in spans) <= _HEADER_CHUNK:
        folded = _fold_splitters("".join(text[a:b] for a, b in spans))
        score21 = sum(w in folded for w in HEADER_WORDS["2021"])
        score19 = sum(w in folded for w in HEADER_WORDS["2019"])
    else:
        found = _header_words(text, spans)
        score21 = sum(w in found for w in HEADER_WORDS["2021"])
        score19 = sum(w in found for w in HEADER_WORDS["2019"])
    if score21 > score19:
        return "2021"
    if score19 > score21:
        return "2019"
    return None


def _fold_splitters(text: str) -> str:
    # str.replace is ten times faster than a translate (a dictionary lookup per character)
    # over a whole section.
    for splitter in _WORD_SPLITTERS:
        text = text.replace(splitter, "")
    return text


#: Characters of text searched for header words at once: a whole text without sections is
#: not copied, folded and searched in one piece (each copy would cost twice its size).
_HEADER_CHUNK = 1 << 16
_HEADER_WORD_LEN = max(len(w) for words in HEADER_WORDS.values() for w in words)


def _header_words(text: str, spans: list[tuple[int, int]]) -> set[str]:
    """The header words found in the spans of ``text`` joined, without the characters that
    may split a word: in chunks that overlap by a word's length."""
    found: set[str] = set()
    words = [w for ws in HEADER_WORDS.values() for w in ws]
    tail = ""
    for a, b in spans:
        for at in range(a, b, _HEADER_CHUNK):
            folded = tail + _fold_splitters(text[at:min(b, at + _HEADER_CHUNK)])
            found.update(w for w in words if w in folded)
            tail = folded[-(_HEADER_WORD_LEN - 1):]
    return found


@functools.lru_cache(maxsize=1)
def _all_labels() -> frozenset[str]:
    forms: set[str] = set()
    for template in TEMPLATES:
        for key in TABLE_SECTION:
            m = matcher(spec(key, template))
            forms.update(m.exact)
            forms.update(m.prefixes)
    return frozenset(forms)


#: The reviews header's last words: numbers glued after them are the table's cells.
_REVIEW_HEADER_END = "尚未审结总计"


class _LabelTest:
    """``is_label`` for the tokenizer: whether a fragment names some row label (or ends the
    reviews header), and through :meth:`exact` whether it is exactly one."""

    def __call__(self, text: str) -> bool:
        folded = fold_label(text)
        if len(folded) < 2:
            return False
        labels = _all_labels()
        if folded in labels or folded.endswith(_REVIEW_HEADER_END):
            return True
        if "(" in text and fold_label(text.split("(", 1)[0]) in labels:
            return True  # the template's instructions after a label: 规章(设区的市…应提供相关数据)
        # A group prefix glued in front ("三本年度办理结果一予以公开") still names a label.
        return any(folded.endswith(x) and len(x) >= 4 for x in labels)

    @staticmethod
    def exact(text: str) -> bool:
        folded = fold_label(text)
        return len(folded) >= 2 and folded in _all_labels() and not text[:1].isspace()


_is_label = _LabelTest()


def _fallback_region(text: str, number: int) -> tuple[int, int]:
    """Without the section: from a heading line naming it to the next later section's heading."""
    start = -1
    title = SECTION_HEADINGS[number]
    key = title[-8:]  # the distinctive tail, e.g. "政府信息公开申请情况"
    for m in _HEADING_RE.finditer(text):
        eol = text.find("\n", m.end())
        line = text[m.end(): len(text) if eol == -1 else eol]
        if start < 0:
            if key in line or title in line:
                start = m.start()
            continue
        if any(SECTION_HEADINGS[n][-6:] in line for n in range(number + 1, 7)) and len(line) < 60:
            return start, m.start()
    if start < 0:
        return 0, len(text)
    return start, len(text)


def _regions(norm: NormalizedText, sections: tuple[Section, ...]) -> dict[str, list[tuple[int, int]]]:
    """Where to look for each table, best first."""
    by_number = {s.number: s for s in sections}
    out: dict[str, list[tuple[int, int]]] = {}
    whole = (0, len(norm.text))
    for key, number in TABLE_SECTION.items():
        section = by_number.get(number)
        if section is not None:
            out[key] = [(section.body_start, section.body_end)]
            continue
        region = _fallback_region(norm.text, number)
        out[key] = [region] if region == whole else [region, whole]
    return out


class _Walks:
    """The stretches' walks, each made once.  A kept stretch is walked when a walk is asked of
    it; a long one (not kept: cut anew at each reading) is cut once for every walk that may be
    asked of it (each format's tables whose stretch it is, and the reviews header)."""

    __slots__ = ("found", "regions", "streams", "templates", "text", "walked")

    def __init__(self, text: str, regions: dict[str, list[tuple[int, int]]],
                 templates: tuple[TemplateName, ...]) -> None:
        self.text, self.regions, self.templates = text, regions, templates
        self.streams: dict[tuple[int, int], TokenStream] = {}
        self.walked: dict[tuple[tuple[int, int], str, TemplateName], Walked] = {}
        self.found: dict[tuple[int, int], Found | None] = {}

    def stream(self, region: tuple[int, int]) -> TokenStream:
        if region not in self.streams:
            self.streams[region] = TokenStream(self.text, region[0], region[1], _is_label)
        return self.streams[region]

    def table(self, region: tuple[int, int], key: str, template: TemplateName) -> Walked:
        """What the walk for ``key`` in ``template`` found in ``region`` (asked once: not kept,
        so that what the reader did not take is let go at once)."""
        walked = self.walked.pop((region, key, template), None)
        if walked is not None:
            return walked
        tokens = self.stream(region)
        if tokens.kept:
            chunk, folds = next(tokens.folded_chunks())
            return walk_for(spec(key, template)).walk(chunk, folds)
        self._all(region)
        return self.walked.pop((region, key, template))

    def reviews(self, region: tuple[int, int]) -> Found | None:
        if region not in self.found:
            tokens = self.stream(region)
            if tokens.kept:
                self.found[region] = find_reviews(tokens)
            else:
                self._all(region)
        return self.found[region]

    def _all(self, region: tuple[int, int]) -> None:
        walks = {(key, template): walk_for(spec(key, template))
                 for key in ("active", "applications") if region in self.regions[key]
                 for template in self.templates}
        reviews = region in self.regions["reviews"] and region not in self.found
        finder = Finder(track_present=True) if reviews else None
        for chunk, folds in self.stream(region).folded_chunks():
            for walk in walks.values():
                walk.feed(chunk, folds)
            if finder is not None and not finder.done:
                finder.feed(chunk, folds)
        for (key, template), walk in walks.items():
            self.walked[(region, key, template)] = walk.finish()
        if finder is not None:
            self.found[region] = finder.finish(lambda: False)  # followed as it was fed


def extract_tables(
    positions: PositionMap, norm: NormalizedText, sections: tuple[Section, ...]
) -> tuple[dict[str, Table], TemplateName | None]:
    """Found tables (key -> Table) and the report's format, None when no table is recognised."""
    regions = _regions(norm, sections)
    detected = detect_template(norm.text, [r for key in ("active", "applications") for r in regions[key][:1]])
    candidates: tuple[TemplateName, ...] = (detected,) if detected else ("2021", "2019")
    walks = _Walks(norm.text, regions, candidates)

    best: tuple[int, TemplateName, dict[str, Table]] | None = None
    for template in candidates:
        tables: dict[str, Table] = {}
        score = 0
        for key in ("active", "applications"):
            for region in regions[key]:
                table, matched = read_table(walks.table(region, key, template), spec(key, template), positions, norm)
                if table is not None:
                    tables[key] = table
                    score += matched
                    break
        for region in regions["reviews"]:
            reviews = read_reviews(walks.reviews(region), walks.stream(region), spec("reviews", template),
                                   positions, norm)
            if reviews is not None:
                tables["reviews"] = reviews
                break
        if best is None or score > best[0]:
            best = (score, template, tables)
    assert best is not None
    _, template, tables = best
    if not tables:
        return {}, None
    return tables, template
