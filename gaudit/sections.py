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
from dataclasses import dataclass

from gaudit.facts import organ_kind, organ_level, report_facts
from gaudit.heading_lines import Line as _Line
from gaudit.heading_lines import ends_sentence as _ends_sentence
from gaudit.heading_lines import is_table_row as _is_table_row
from gaudit.heading_lines import match_section as _match
from gaudit.heading_lines import parse_line as _parse_line
from gaudit.heading_lines import words_end as _words_end
from gaudit.heading_words import MAX_INLINE_SCAN as _MAX_INLINE_SCAN
from gaudit.heading_words import InlineHeading
from gaudit.heading_words import Patterns as _Patterns
from gaudit.heading_words import inline_cuts as _inline_cuts
from gaudit.heading_words import inline_headings as _inline_headings
from gaudit.heading_words import patterns as _patterns
from gaudit.heading_words import split_lines as _split_lines
from gaudit.model import Heading, NormalizedText, PositionMap, Section
from gaudit.textlines import SPACES_RE as _SPACES_RE
from gaudit.textlines import iter_lines as _iter_lines
from gaudit.textlines import original_span as _original_span

__all__ = ["find_sections", "organ_kind", "organ_level", "report_facts"]

_DETAIL_LINE_RE = re.compile(r"\(?(?:详情|详细情况|具体情况)?(?:请)?(?:见|详见)正文\)?")
_MAX_CANDIDATES = 600

@dataclass(frozen=True, slots=True)
class _Candidate:
    line_index: int
    number: int
    strong: bool
    nonempty: bool


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


class _Scan:
    """What one pass over the lines keeps: the numbered lines (headings) and the lines matching
    a section heading, never a record per line of the text.

    A match without a Chinese numeral that comes after ``_MAX_CANDIDATES`` surviving matches
    (or after as many Arabic-numbered ones of its section) can never be a candidate: it is not
    kept; after ``_MAX_CANDIDATES`` sure ones no line is, and a numbered line becomes its heading
    at once.  A file of a million heading-like lines costs no more than its headings."""

    __slots__ = ("arabic", "follow", "headings", "late_numbered", "lines", "matches", "pats", "positions",
                 "sure", "text")

    def __init__(self, positions: PositionMap, text: str, pats: _Patterns) -> None:
        self.positions, self.text, self.pats = positions, text, pats
        # Line index -> (span, parsed line) of every kept line.
        self.lines: dict[int, tuple[tuple[int, int, int], _Line]] = {}
        # Line index -> (section, strong?) of the lines that match a section's heading.
        self.matches: dict[int, tuple[int, bool]] = {}
        # Match's line index -> what its next non-blank line is: (a numbered or Arabic-numbered
        # match?, its Arabic section number or 0, a "(详情见正文)" pointer?).
        self.follow: dict[int, tuple[bool, int, bool]] = {}
        # The numbered lines' headings in file order: made at once where the line can be no
        # chosen section (it matches none, or comes after the candidates), else the line's index.
        self.headings: list[Heading | int] = []
        # Sections the lines after the candidates name with their own Chinese numeral (二、主动公开…).
        self.late_numbered: set[int] = set()
        # Matches no later step removes (numbered with 一, or without any numeral), and the
        # Arabic-numbered ones kept, by section.
        self.sure = 0
        self.arabic: dict[int, int] = {}

    def keep(self, i: int, span: tuple[int, int, int], line: _Line, hit: tuple[int, bool] | None) -> None:
        """Keep line ``i`` when it is a match that may still be a candidate; a numbered line
        that matches no section becomes its heading at once."""
        if hit is None:
            if line.numeral is not None:
                self._heading(span, line, None)
            return
        if line.numeral is not None:
            self.sure += 1
            self.headings.append(i)
        elif line.arabic:
            if self.arabic.get(hit[0], 0) >= _MAX_CANDIDATES:
                return
            self.arabic[hit[0]] = self.arabic.get(hit[0], 0) + 1
        else:
            self.sure += 1
        self.lines[i] = (span, line)
        self.matches[i] = hit

    def late_line(self, span: tuple[int, int, int], line: _Line, hit: tuple[int, bool] | None) -> None:
        """A line after the candidates: its heading, if it makes one, at once."""
        if hit is not None and line.numeral == hit[0]:
            self.late_numbered.add(hit[0])
        if line.numeral is not None:
            self._heading(span, line, hit)

    def _heading(self, span: tuple[int, int, int], line: _Line, hit: tuple[int, bool] | None) -> None:
        if not _is_table_row(line, self.pats):
            section = hit[0] if hit is not None and hit[1] else None  # a strong match: a duplicate
            heading = _heading(self.positions, self.text, span, line, hit, section)
            if heading is not None:
                self.headings.append(heading)


def _follower(text: str, span: tuple[int, int, int], line: _Line | None,
              hit: tuple[int, bool] | None) -> tuple[bool, int, bool]:
    """What a match's next non-blank line is (see :attr:`_Scan.follow`)."""
    numbered = hit if line is not None and (line.numeral is not None or line.arabic) else None
    detail = _DETAIL_LINE_RE.fullmatch(_SPACES_RE.sub("", text[span[0]:span[1]])) is not None
    return numbered is not None, numbered[0] if numbered is not None and line is not None and line.arabic else 0, detail


def _scan(positions: PositionMap, text: str, pats: _Patterns, cuts: dict[int, list[int]] | None = None,
          glued: set[int] | None = None) -> _Scan:
    """The lines :func:`find_sections` needs, in one pass (see :class:`_Scan`)."""
    found = _Scan(positions, text, pats)
    # The lines are read as they stand, looking for headings inside long ones; in the rare text
    # that holds some, read again cut before them (the cuts depend on all that were found).
    inline: dict[int, list[InlineHeading]] | None = {} if cuts is None else None
    lines = _iter_lines(text) if cuts is None else _split_lines(text, cuts)
    waiting: int | None = None  # a match whose next non-blank line is still to come
    for i, span in enumerate(lines):
        a, b, _ = span
        if a >= b:
            continue
        if inline is not None and b - a > _MAX_INLINE_SCAN:
            points = _inline_headings(text, a, b)
            if points:
                inline[a] = points
        line = _parse_line(text, a, b, span[2], glued is not None and a in glued)
        hit = None if line is None else _match(line, pats)
        if waiting is not None:
            found.follow[waiting] = _follower(text, span, line, hit)
            waiting = None
        if line is None:
            continue
        if found.sure >= _MAX_CANDIDATES:  # no line from here on may be a candidate
            found.late_line(span, line, hit)
            continue
        found.keep(i, span, line, hit)
        if i in found.matches:
            waiting = i
    if inline:
        cuts, glued = _inline_cuts(inline)
        if cuts:
            return _scan(positions, text, pats, cuts, glued)
    return found


# Complexity (ruff C901 > 15): stages (candidates, chain, stray sections, headings) that share
# the scanned lines; split up they would pass half a dozen collections around.
def find_sections(positions: PositionMap, norm: NormalizedText) -> tuple[tuple[Section, ...], tuple[Heading, ...]]:
    """The statutory sections found (file order, each number at most once) and every
    top-level numbered heading line (file order)."""
    pats = _patterns()
    text = norm.text
    scan = _scan(positions, text, pats)
    kept, matches = scan.lines, scan.matches

    # A heading numbered with its own Chinese numeral (二、主动公开…) outranks a sub-item
    # numbered 2. that names the same section: the sub-item is dropped.
    numbered = {num for i, (num, _) in matches.items() if kept[i][1].numeral == num} | scan.late_numbered
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
    for entry in scan.headings:
        if isinstance(entry, Heading):
            headings.append(entry)
            continue
        span, line = kept[entry]
        match = matches[entry]
        # A chosen section's heading, or a strong duplicate (a repeated or misplaced heading).
        section = chosen[entry] if entry in chosen else match[0] if match[1] else None
        heading = _heading(positions, text, span, line, match, section)
        if heading is not None:
            headings.append(heading)
    return tuple(sections), tuple(headings)


def _heading(positions: PositionMap, text: str, span: tuple[int, int, int], line: _Line,
             match: tuple[int, bool] | None, section: int | None) -> Heading | None:
    """The heading a numbered line makes (matched: a section heading), or None for a sentence."""
    a, b, _ = span
    if line.inline or line.comma:
        if match is None:
            # A numbered sentence (一、加强组织领导。局党组…), or the wrapped tail of one
            # (较为单\n一,图解、视频…): headings take 、 or . after their numeral, not a comma.
            return None
    elif _ends_sentence(text, span):
        return None
    if line.inline and match is not None:
        b = _words_end(text, a, b, line.text)
    assert line.numeral is not None
    return Heading(line.numeral, _original_span(positions, a, b), positions.at(a), section)
