"""Walk a token stream for one table's row labels: the *hits* (where a label stands, with the
value tokens after it) and the *orphans* (text that is no label followed by values, or values
on a new line after a complete row; see :mod:`gaudit.tables.loose`).

The walk reads the stream chunk by chunk and keeps what the reader can use, bounded whatever
the stretch holds (a hostile file may hold a million label lines):

* up to ``_MAX_ORDERED_HITS`` hits (and ``_MAX_KEPT`` hits and orphans together) every hit, of
  which the reader orders the longest run; beyond that, the greedy run of increasing rows,
  which is what the reader takes then, built as the hits come (the others are dropped);
* between two hits, only the orphans :func:`gaudit.tables.loose.place_orphans` may look at: the
  first and the last ``_WINDOW`` per missing row;
* the first ``MAX_VALUES`` value tokens of a hit or orphan (a row holds at most 15 cells; the
  rest of a run-on list of values is never read).

A real report holds a few dozen hits and orphans and rows of at most 15 values: nothing is
dropped from it.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable
from typing import Any

from gaudit.tables.labels import LabelMatcher
from gaudit.tables.loose import WINDOW as _WINDOW
from gaudit.tables.tokens import Token

__all__ = ["MAX_VALUES", "Hit", "Walk", "Walked", "in_order"]

#: How many consecutive fragments a label may be broken into (PDF text stacks words).
_MAX_LABEL_TOKENS = 24
#: Longest orphan label kept (a longer text is prose, never a row's label).
_MAX_ORPHAN_LABEL = 80
#: Above this many label hits the ordering falls back to a greedy walk (the search is quadratic).
_MAX_ORDERED_HITS = 1500
#: Above this many hits and orphans kept, too (each may hold ``MAX_VALUES`` tokens).
_MAX_KEPT = 512
#: Value tokens kept per hit or orphan.
MAX_VALUES = 64


class Hit:
    """A row label found (``row`` its index in the table's spec), or an orphan (``row == -1``),
    with the value tokens after it.  (A plain slotted class: a hostile file makes thousands.)"""

    __slots__ = ("cells", "closed", "glued", "label", "last_line", "line", "row", "start", "values")

    def __init__(self, row: int, label: str, start: int, line: int, values: list[Token] | None = None,
                 closed: bool = False, glued: bool = False) -> None:
        self.row = row
        self.label = label
        self.start = start  # normalised offset of the label
        self.line = line
        self.values: list[Token] = [] if values is None else values
        self.closed = closed
        self.glued = glued
        # Values that are not empty lines, and the line of the last (kept as the walk goes:
        # counting them anew is quadratic).
        self.cells = 0
        self.last_line = -1


class _Segment:
    """The orphans between two kept hits: the first ones, and in a deque the last ones.

    The first ones may hold orphans not yet known to be usable (a group's label) after
    ``checked``: asking is put off until the list is full, which a real table's never is."""

    __slots__ = ("checked", "first", "last", "tail")

    def __init__(self, tail: int, first: list[Hit] | None = None) -> None:
        self.first: list[Hit] = first or []
        self.checked = len(self.first)
        self.tail = tail
        self.last: deque[Hit] = _NO_ORPHANS  # made when the first ones are complete

    def usable_first(self, usable: Callable[[str], bool]) -> list[Hit]:
        """The first ones, the unusable ones dropped (each orphan is asked once)."""
        if self.checked < len(self.first):
            self.first[self.checked:] = [o for o in self.first[self.checked:] if usable(o.label)]
            self.checked = len(self.first)
        return self.first

    def add(self, o: Hit, cap: int, usable: Callable[[str], bool]) -> bool:
        """Keep ``o`` if it is among the first ``cap`` usable ones or the last ones; whether
        one more orphan is kept."""
        if len(self.first) < cap or len(self.usable_first(usable)) < cap:
            self.first.append(o)
            return True
        if self.tail and usable(o.label):
            if self.last is _NO_ORPHANS:
                self.last = deque(maxlen=self.tail)
            grew = len(self.last) < self.tail  # a full deque lets its oldest one go
            self.last.append(o)
            return grew
        return False


#: The last orphans of a segment that has none.
_NO_ORPHANS: deque[Hit] = deque(maxlen=0)


class _Kept:
    """The hits and orphans a walk keeps (see the module's notes).

    ``segments[k]`` holds the orphans before ``hits[k]`` (``k == len(hits)``: after every hit),
    made when the first one comes (most hits have none); once greedy, the first ones only.
    While there are fewer orphans than a segment may keep (a real table's), they are only
    listed with the number of hits before them: ``flat``."""

    __slots__ = ("count", "flat", "greedy", "hits", "rows", "segments", "usable", "window")

    def __init__(self, rows: int, usable: Callable[[str], bool]) -> None:
        self.rows = rows
        self.usable = usable
        self.window = _WINDOW * rows
        self.hits: list[Hit] = []
        self.greedy = False
        self.flat: list[tuple[int, Hit]] | None = []
        self.segments: dict[int, _Segment] = {}
        self.count = 0  # hits and orphans kept before the walk turned greedy

    def passed(self, cur: Hit | None) -> None:
        """The walk has left ``cur``: its values are complete (an orphan is kept now, a hit was
        when it was found)."""
        if cur is not None:
            if len(cur.values) > MAX_VALUES:
                del cur.values[MAX_VALUES:]
            if cur.row < 0:
                self.orphan(cur)

    def orphan(self, o: Hit) -> None:
        """An orphan whose values are complete."""
        if not any(v.kind in ("num", "value") for v in o.values):
            return
        if self.flat is not None:
            self.flat.append((len(self.hits), o))
            self.count += 1
            if len(self.flat) > self.window:
                self._segment_flat()
            if self.hits and self.count > _MAX_KEPT:
                self._to_greedy()
            return
        self._add(len(self.hits), o)

    def _add(self, k: int, o: Hit, check: bool = True) -> None:
        """Keep orphan ``o`` (standing after ``k`` hits) if the placing may compare it."""
        # Once greedy, only the first orphans after the run's last hit are ever compared:
        # three per row still missing after it.
        cap = _WINDOW * (self.rows - 1 - self.hits[-1].row) if self.greedy else self.window
        segment = self.segments.get(k)
        if segment is None:
            segment = self.segments[k] = _Segment(0 if self.greedy else self.window)
        if segment.add(o, cap, self.usable) and not self.greedy:
            self.count += 1
            if check and self.hits and self.count > _MAX_KEPT:
                self._to_greedy()

    def _segment_flat(self) -> None:
        """From the listed orphans to segments (as if each had been kept as it came)."""
        flat, self.flat = self.flat or [], None
        self.count -= len(flat)
        for k, o in flat:
            self._add(k, o, check=False)

    def hit(self, cur: Hit | None, h: Hit) -> Hit:
        """The walk leaves ``cur`` (see :meth:`passed`) for the label it found, ``h``."""
        if cur is not None and (cur.row < 0 or len(cur.values) > MAX_VALUES):
            self.passed(cur)
        if not self.greedy:
            self.hits.append(h)
            self.count += 1
            if len(self.hits) > _MAX_ORDERED_HITS or self.count > _MAX_KEPT:
                self._to_greedy()
        elif h.row > self.hits[-1].row:
            # The run goes on: of the orphans since its last hit, three per row between them.
            segment = self.segments.get(len(self.hits))
            if segment is not None:
                del segment.usable_first(self.usable)[_WINDOW * (h.row - self.hits[-1].row - 1):]
            self.hits.append(h)
        return h

    def _to_greedy(self) -> None:
        """Keep only the greedy run of increasing rows, and the orphans it may place."""
        if self.flat is not None:
            self._segment_flat()
        chain: list[int] = []
        for k, h in enumerate(self.hits):
            if not chain or h.row > self.hits[chain[-1]].row:
                chain.append(k)
        hits = [self.hits[k] for k in chain]
        segments: dict[int, _Segment] = {}
        bounds = [-1, *chain, len(self.hits)]
        for n, (lo, hi) in enumerate(itertools.pairwise(bounds)):
            # The orphans between two hits of the run: the segments of the hits dropped between.
            stretch = [o for k in range(lo + 1, hi + 1) if (seg := self.segments.get(k)) is not None
                       for o in (*seg.usable_first(self.usable), *seg.last)]
            if n == 0:
                # Before the run's first hit: the last ones, three per row above it.
                stretch = stretch[max(0, len(stretch) - _WINDOW * hits[0].row):]
            else:
                top = hits[n].row if n < len(hits) else self.rows
                del stretch[_WINDOW * (top - hits[n - 1].row - 1):]
            if stretch:
                segments[n] = _Segment(0, stretch)
        self.hits, self.segments, self.greedy = hits, segments, True

    def orphans(self) -> list[Hit]:
        if self.flat is not None:
            return [o for _, o in self.flat]
        return [o for seg in self.segments.values() for o in (*seg.first, *seg.last)]


def _try_label(tokens: list[Token], folds: list[str], i: int, m: LabelMatcher,
               after: int) -> tuple[int, int, int] | None:
    """(row, first label token, last label token) of a label starting at token ``i``.

    ``folds`` holds each token's folded text (computed once: a token is tried as part of
    every label that may start up to 24 tokens before it)."""
    best: tuple[int, int] | None = None
    folded = ""
    # PDF text interleaves a merged group cell with a wrapped label ("（六）其他 2.申请人…要 / 处理 求缴纳…"):
    # the same words without such group fragments are tried too.
    skipped = ""
    # Every token is tried as the start of a label: the matcher's parts are read into locals.
    match, fragment, longest = m.match, m.is_group_fragment, m.max_len
    for j in range(i, min(len(tokens), i + _MAX_LABEL_TOKENS)):
        kind = tokens[j].kind
        if kind == "blank" or kind == "gap":
            continue
        if kind != "text":
            break
        part = folds[j]
        folded += part
        if j == i or not fragment(part):
            skipped += part
        if len(skipped) > longest:
            break
        row = match(folded, after)
        if row is None and skipped != folded:
            row = match(skipped, after)
        if row is not None:
            best = (row, j)
    if best is None:
        return None
    row, end = best
    # Start the label at its own words, not at a group prefix standing before it.
    for k in range(i, end + 1):
        if tokens[k].kind != "text":
            continue
        part = "".join(folds[x] for x in range(k, end + 1) if tokens[x].kind == "text")
        if part in m.exact and m.exact[part] == row:
            return row, k, end
    return row, i, end


def _unlabelled_row(row: Hit, t: Token) -> Hit:
    """A complete row, then cells on a line of their own (``t`` the first): a row without its
    label, as an orphan (the empty lines or cells opening that line go with it)."""
    row.closed = True
    if len(row.values) > MAX_VALUES:
        del row.values[MAX_VALUES:]
    lead = [v for v in row.values if v.kind == "gap" and v.line == t.line]
    del row.values[len(row.values) - len(lead):]
    return Hit(-1, "", (lead[0] if lead else t).start, t.line, lead)


#: What a walk found: every hit (or their greedy run), the orphans worth placing (with a number
#: or a value, and a label no group's), and whether the hits are that greedy run.
Walked = tuple[list[Hit], list[Hit], bool]


class Walk:
    """Every place a row label stands, in token order, with the value tokens that follow it;
    fed a stream's chunks (with their folded texts) one after the other, so that several walks
    can share one cutting of a long stream.

    Rows are not forced into template order here: a label quoted in the text before
    the table (``…结转下年度继续办理0件``) would otherwise hide every row above it.
    :func:`in_order` picks the hits that make the table.
    """

    __slots__ = ("carry", "carry_folds", "cur", "kept", "m", "pending", "widths")

    def __init__(self, m: LabelMatcher, widths: list[int], usable: Callable[[str], bool]) -> None:
        self.m, self.widths = m, widths
        self.kept = _Kept(len(widths), usable)
        self.cur: Hit | None = None
        # Text that is no label, waiting for values to make it an orphan: [label, start, line].
        self.pending: list[Any] | None = None
        # The tokens a label may still take (a label may take the next 24): read with the next chunk.
        self.carry: list[Token] = []
        self.carry_folds: list[str] = []

    def feed(self, chunk: list[Token], folds: list[str]) -> None:
        tokens = self.carry + chunk if self.carry else chunk
        if self.carry:
            folds = self.carry_folds + folds
        i = self._advance(tokens, folds, len(tokens) - _MAX_LABEL_TOKENS)
        self.carry, self.carry_folds = tokens[i:], folds[i:]

    def walk(self, tokens: list[Token], folds: list[str]) -> Walked:
        """Walk a whole stream of one chunk (a kept one: no tokens to carry over)."""
        self._advance(tokens, folds, len(tokens))
        return self.finish()

    def finish(self) -> Walked:
        if self.carry:
            self._advance(self.carry, self.carry_folds, len(self.carry))
        self.kept.passed(self.cur)
        return self.kept.hits, self.kept.orphans(), self.kept.greedy

    def _advance(self, tokens: list[Token], folds: list[str], limit: int) -> int:
        """Walk ``tokens`` up to ``limit``; the index it stopped at."""
        m, widths, kept = self.m, self.widths, self.kept
        cur, pending = self.cur, self.pending
        i = 0
        while i < limit:
            t = tokens[i]
            if t.kind == "text":
                found = _try_label(tokens, folds, i, m, -1)
                if found is not None:
                    row, k, end = found
                    label = "".join(x.text for x in tokens[k:end + 1] if x.kind == "text")
                    cur = kept.hit(cur, Hit(row, label, tokens[k].start, tokens[end].line))
                    pending = None
                    i = end + 1
                    continue
                if cur is not None and cur.values:
                    cur.closed = True  # text after the values: a header or narrative, not this row
                if pending is not None and t.line == pending[2]:
                    # An orphan's label goes on (on its line: above it stand headers), up to a
                    # label's length: prose on one long line must not be copied over and over.
                    if len(pending[0]) <= _MAX_ORPHAN_LABEL:
                        pending[0] += t.text
                else:
                    pending = [t.text, t.start, t.line]
                i += 1
                continue
            if pending is not None:
                kept.passed(cur)
                cur = Hit(-1, pending[0], pending[1], pending[2])
                pending = None
            elif (cur is not None and cur.row >= 0 and not cur.closed and t.kind != "gap"
                    and cur.cells >= widths[cur.row] and t.line > cur.last_line):
                cur = _unlabelled_row(cur, t)
            if cur is not None and not cur.closed:
                cur.values.append(t)
                if t.kind != "gap":
                    cur.cells += 1
                    cur.last_line = t.line
                if t.glued:
                    cur.glued = True
            i += 1
        # The values are cut to their first ``MAX_VALUES`` when the walk leaves the hit, and
        # here, so that a run-on row grows by at most a chunk.
        if cur is not None and len(cur.values) > MAX_VALUES:
            del cur.values[MAX_VALUES:]
        self.cur, self.pending = cur, pending
        return i


def in_order(hits: list[Hit], greedy: bool = False) -> list[Hit]:
    """The longest sequence of hits whose rows increase in file order: the table as laid out.

    Ties go to the sequence with more rows that hold values, then to later hits (a table
    follows the text that introduces it).  ``greedy``: the hits are already the run taken
    when there are too many to order (see :class:`_Kept`).
    """
    n = len(hits)
    if n <= 1 or greedy:
        return hits
    # score[i] = (hits in the best sequence ending at hit i, of which hold values), as two lists
    # of ints and a row list: the pair loop reads plain locals, not attributes and tuples.
    rows = [h.row for h in hits]
    full = [1 if h.values else 0 for h in hits]
    length: list[int] = []
    valued: list[int] = []
    back: list[int] = []
    for i in range(n):
        row, v = rows[i], full[i]
        best_len, best_valued, link = 1, v, -1
        for j in range(i):
            if rows[j] < row:
                c_len, c_valued = length[j] + 1, valued[j] + v
                if c_len > best_len or (c_len == best_len and c_valued >= best_valued):
                    best_len, best_valued, link = c_len, c_valued, j
        length.append(best_len)
        valued.append(best_valued)
        back.append(link)
    end = max(zip(length, valued, range(n), strict=True))[2]
    chain: list[Hit] = []
    while end >= 0:
        chain.append(hits[end])
        end = back[end]
    return chain[::-1]
