"""Read the ``reviews`` table: it has no row labels, only one header block and one row of
fifteen numbers (three groups of five) under it."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

from gaudit.cells import parse_cell
from gaudit.model import Cell, NormalizedText, PositionMap, Row, Table, TemplateName
from gaudit.tables.geometry import Locator, place, place_on_grid
from gaudit.tables.labels import fold_label
from gaudit.tables.reader import _REVIEW_CELLS, _cells, _Ctx, _fill_gaps, _run_tokens, _trim, _unplaced
from gaudit.tables.runs import Run, is_run, read_run
from gaudit.tables.stream import TokenStream
from gaudit.tables.tokens import Token
from gaudit.tables.walk import MAX_VALUES as _MAX_VALUES
from gaudit.template import RowSpec, TableSpec

__all__ = ["Finder", "Found", "find_reviews", "read_reviews"]

#: Words of the reviews header; three of them (in any order: PDF text stacks "结果/维持") mark it.
_REVIEW_HEADER_WORDS = ("维持", "纠正", "审结", "复议", "诉讼", "总计")

#: Longest header cell of the reviews table (未经复议直接起诉); longer text is a heading or prose.
_MAX_HEADER_CELL = 10


#: Words of the reviews table's column labels (wrapped headers split 结果/维持); three of
#: them, in short cells, make its header.
_REVIEW_COLUMN_LABELS = ("维持", "纠正", "尚未", "审结")
#: Characters of header words kept while looking for the header (its words stand together;
#: keeping all the text before the numbers would make the search quadratic).
_HEADER_SPAN = 400


def _header_cells_present(tokens: Iterable[Token]) -> bool:
    """The reviews table's header stands in short cells (or one character per line), not in
    prose that merely mentions 复议 and 诉讼: a table whose every cell is blank is still there."""
    run = ""
    for t in tokens:
        if t.kind == "text" and len(fold_label(t.text)) <= _MAX_HEADER_CELL:
            run = (run + fold_label(t.text))[-_HEADER_SPAN:]
            if sum(label in run for label in _REVIEW_COLUMN_LABELS) >= 3:
                return True
        elif t.kind == "text":
            run = ""
    return False


def _header_line_words(tokens: Iterable[Token], first: int, count: int) -> list[Token] | None:
    """The last line among the first ``first`` tokens holding exactly ``count`` short text
    tokens (tokens come line by line: only the line being read and the last match are kept)."""
    best: list[Token] | None = None
    line: list[Token] = []
    for t in itertools.islice(tokens, first):
        if t.kind != "text" or len(t.text) > _MAX_HEADER_CELL:
            continue
        if line and t.line != line[0].line:
            if len(line) == count:
                best = line
            line = []
        if len(line) <= count:  # one more than ``count`` says the line holds too many
            line.append(t)
    return line if len(line) == count else best


def _spread_short(vals: list[Token], tokens: Iterable[Token], first: int, positions: PositionMap) -> list[Token] | None:
    """The cells of a row short of cells where they belong, or None when nothing tells.

    The header's fifteen column words on one line show where the cells belong; without them
    (a PDF's header wraps over several lines), the row's own evenly spaced columns may."""
    header_words = _header_line_words(tokens, first, _REVIEW_CELLS)
    if header_words:
        return place(vals, [header_words], _REVIEW_CELLS, Locator(positions))
    return place_on_grid(vals, _REVIEW_CELLS, Locator(positions))


def _with_span_fillers(vals: list[Token], extra: list[Token]) -> list[Token]:
    """The values of a pipe row with more cells than the table's fifteen (``extra``: the piped
    cells on its line after them), less the empty cells that only fill a spanning cell's
    columns (``| 3 | | 0 |``: 总计 spanning two grid columns in every row of a Word or HTML
    table); the row as taken otherwise."""
    if not vals or not vals[-1].piped:
        return vals
    if not any(t.kind != "blank" for t in extra):
        return vals
    return _trim(vals + extra, _REVIEW_CELLS, -1, True)


class Found:
    """Where the reviews table's header starts, how many tokens stand before its first value
    (all of them when every cell was left empty), the tokens of its cells, and the piped cells
    on the last one's line after them."""

    __slots__ = ("extra", "first", "header_start", "vals")

    def __init__(self, header_start: int, first: int, vals: list[Token], extra: list[Token]) -> None:
        self.header_start, self.first, self.vals, self.extra = header_start, first, vals, extra


class Finder:
    """The reviews table's header and the cells under it, fed a stream's chunks (with their
    folded texts) one after the other, so that it can share one cutting of a long stream with
    the walks for the other tables; :attr:`done` once the cells are complete (and the piped
    cells after them on their line, which may be a spanning cell's fillers).

    Keeps what the header search needs, not the tokens: the header's last words, where its
    short cells start, the empty cells since the last text (they open the values' row: the
    first ``_MAX_VALUES``, as many as the cells kept).  ``track_present``: also follow whether
    the header stands in short cells (else :meth:`finish` is told, when it needs to know)."""

    __slots__ = ("before", "block", "cells_done", "done", "extra", "first", "found", "header", "header_start",
                 "last_text_line", "present", "run", "taken", "vals")

    def __init__(self, track_present: bool = False) -> None:
        self.header = ""
        self.header_start: int | None = None
        self.block: int | None = None  # where the header's short cells start (after any longer text)
        self.last_text_line = -1
        self.before: list[Token] = []
        self.first = 0  # tokens before the first value
        self.found = False
        self.vals: list[Token] = []
        self.taken = 0
        self.cells_done = False
        self.extra: list[Token] = []
        self.done = False
        self.present: bool | None = False if track_present else None
        self.run = ""

    def feed(self, chunk: list[Token], folds: list[str] | None = None) -> None:
        """The next chunk, with its folded texts when they were made for a walk (else the
        text tokens before the values are folded here: the values come early in a section)."""
        i = 0 if self.found else self._search(chunk, folds)
        while not self.done and i < len(chunk):
            self._take(chunk[i])
            i += 1

    def _search(self, chunk: list[Token], folds: list[str] | None) -> int:
        """Look for the first value under the header; the index after it (or the chunk's end).
        (The state is read into locals for the loop: it runs over every token of a section.)"""
        header, header_start, block, last_text_line = self.header, self.header_start, self.block, self.last_text_line
        before = self.before
        follow = self.present is False
        at = len(chunk)
        for i, t in enumerate(chunk):
            kind = t.kind
            if kind == "text":
                folded = fold_label(t.text) if folds is None else folds[i]
                if not header:
                    header_start = t.start
                header = (header + folded)[-_HEADER_SPAN:]
                last_text_line = t.line
                if len(folded) > _MAX_HEADER_CELL:
                    block = None
                elif block is None:
                    block = t.start
                before.clear()
                if follow:
                    follow = not self._follow_header_cells(folded)
            elif kind == "num" or kind == "value":
                if sum(w in header for w in _REVIEW_HEADER_WORDS) >= 3:
                    at = i
                    break
                header = ""
                before.clear()
            elif t.line > last_text_line and len(before) < _MAX_VALUES:
                before.append(t)
        self.header, self.header_start, self.block, self.last_text_line = header, header_start, block, last_text_line
        self.first += at
        if at == len(chunk):
            return at
        self._begin(chunk[at])
        return at + 1

    def _begin(self, t: Token) -> None:
        """The first value under the header: the empty cells before it on its row, then it."""
        self.found = True
        for b in self.before:
            self._take(b)
        self._take(t)

    def _take(self, t: Token) -> None:
        """One more token after the header: a cell, the text that ends them, or after them a
        piped cell on the last one's line."""
        if self.done:
            return
        if self.cells_done:
            last = self.vals[-1]
            if t.kind == "text" or t.line != last.line or not t.piped or len(self.extra) >= _MAX_VALUES:
                self.done = True
            else:
                self.extra.append(t)
            return
        if t.kind == "text":
            if self.vals:
                self._cells_done()
            return
        if len(self.vals) < _MAX_VALUES:
            self.vals.append(t)
        self.taken += t.kind != "gap"
        if self.taken == _REVIEW_CELLS:
            self._cells_done()

    def _cells_done(self) -> None:
        self.cells_done = True
        # Only a pipe row's cells may be followed by a spanning cell's fillers.
        self.done = not self.vals[-1].piped

    def _follow_header_cells(self, folded: str) -> bool:
        """:func:`_header_cells_present`, a text token at a time; whether it is."""
        if len(folded) <= _MAX_HEADER_CELL:
            self.run = (self.run + folded)[-_HEADER_SPAN:]
            if sum(label in self.run for label in _REVIEW_COLUMN_LABELS) >= 3:
                self.present = True
        else:
            self.run = ""
        return bool(self.present)

    def finish(self, present: Callable[[], bool]) -> Found | None:
        """The header and its cells; None when there is no header, or no value under it and no
        header in short cells either.  ``present`` says whether there is such a header (when
        the finder did not follow it)."""
        if not self.found:
            if self.header_start is None or not (self.present if self.present is not None else present()):
                return None
            for b in self.before:  # every cell was left empty
                self._take(b)
        assert self.header_start is not None
        return Found(self.block or self.header_start, self.first, self.vals, self.extra)


def find_reviews(tokens: TokenStream) -> Found | None:
    """The reviews table's header and cells in ``tokens`` (one :class:`Finder` fed the stream)."""
    finder = Finder()
    for chunk in tokens.chunks():
        finder.feed(chunk)
        if finder.done:
            break
    return finder.finish(lambda: _header_cells_present(tokens))


def read_reviews(
    where: Found | None, tokens: TokenStream, spec: TableSpec, positions: PositionMap, norm: NormalizedText
) -> Table | None:
    """The reviews table: the fifteen value tokens after its header words (``where``, found by
    :func:`find_reviews` or a :class:`Finder` over ``tokens``)."""
    ctx = _Ctx(positions)
    if where is None:
        return None
    header_start, first = where.header_start, where.first
    vals = _fill_gaps(_with_span_fillers(where.vals, where.extra), _REVIEW_CELLS)
    ambiguous: tuple[str, ...] = ()
    open_run: Run | None = None
    run_vals = vals
    if is_run(vals, _REVIEW_CELLS, False):
        run = read_run(vals, _REVIEW_CELLS, "reviews")
        if len(run.readings) == 1:
            vals = _run_tokens(vals, run.readings[0])
        else:
            open_run = run
    elif _unplaced(vals, _REVIEW_CELLS):
        spread = _spread_short(vals, tokens, first, positions)
        if spread is None:
            ambiguous = tuple(r.key for r in spec.rows)
        else:
            vals = spread
    table_pos = ctx.pos(header_start)
    rows: dict[str, Row] = {}
    for g, spec_row in enumerate(spec.rows):
        chunk = vals[g * 5:(g + 1) * 5]
        # The table has no row labels: a group stands where its cells do, and a blank cell
        # where it was left empty (or, missing altogether, by the group's first cell).
        group_at = chunk[0].start if chunk else header_start
        cells = _cells(spec_row, chunk, group_at)
        for c, col in enumerate(spec_row.columns):
            if c < len(chunk) and chunk[c].kind == "blank":
                cells[col.key] = Cell(None, "", chunk[c].start)
        if open_run is not None:
            cells, group_open = _open_group(spec_row, open_run, run_vals, g)
            group_at = open_run.start
            if group_open:
                ambiguous = (*ambiguous, spec_row.key)
        rows[spec_row.key] = Row(spec_row.key, spec_row.label, ctx.pos(group_at), True, cells)
    template: TemplateName = spec.template  # type: ignore[assignment]
    return Table("reviews", template, table_pos, rows, ambiguous)


def _open_group(spec_row: RowSpec, run: Run, vals: list[Token], g: int) -> tuple[dict[str, Cell], bool]:
    """Cells of group ``g`` of a run with several readings (or none): the cells every reading
    agrees on, the others without a value; and whether any was left open."""
    first = _run_tokens(vals, run.readings[0]) if run.readings else []
    cells: dict[str, Cell] = {}
    left_open = False
    for c, col in enumerate(spec_row.columns):
        i = g * 5 + c
        agreed = {r[i] for r in run.readings}
        if run.readings and len(agreed) == 1:
            cells[col.key] = Cell(parse_cell(first[i].text), first[i].text, first[i].start)
        else:
            cells[col.key] = Cell(None, run.text, run.start)
            left_open = True
    return cells, left_open
