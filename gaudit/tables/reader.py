"""Read one statutory table from a token stream by its fixed row labels, in order.

The walk looks for the template's row labels in template order (a row may be
missing; a later row never matches before an earlier one was passed); the value
tokens after a label, up to the next label or the next stretch of text, are
that row's cells in column order.  The ``reviews`` table, which has no row labels,
is read by :mod:`gaudit.tables.reviews`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from gaudit.cells import parse_cell
from gaudit.model import Cell, NormalizedText, Position, PositionMap, Row, Table, TableKey, TemplateName
from gaudit.tables.geometry import Locator, place
from gaudit.tables.labels import LabelMatcher, matcher
from gaudit.tables.loose import place_orphans, usable
from gaudit.tables.runs import Run, is_run, read_run, settle_columns
from gaudit.tables.tokens import Token
from gaudit.tables.walk import Hit, Walk, Walked, in_order
from gaudit.template import RowSpec, TableSpec

__all__ = ["read_table", "walk_for"]

#: Cells of the reviews table: three groups of five.
_REVIEW_CELLS = 15


class _Ctx:
    """What the builders share: the document's position map."""

    def __init__(self, positions: PositionMap) -> None:
        self.pos = positions.at


def _fill_gaps(values: list[Token], ncols: int) -> list[Token]:
    """Empty lines among a row's values are blank cells only when the row is short without them.

    With one cell per line and no blank line between rows, an empty line is an empty
    cell; with blank lines between rows it separates them.  Empty tab cells opening the
    first value's line count the same way; other gaps before the first and after the
    last value never do.
    """
    cells = [i for i, v in enumerate(values) if v.kind != "gap"]
    if not cells:
        return []  # nothing but empty lines: the row has no cells at all
    if len(cells) == len(values):
        return values
    # Gaps that open the first value's line (a tab row starting with empty cells) may count
    # too, and then those before it (one cell per line: the first cell left as an empty line).
    first = cells[0]
    while first > 0 and values[first - 1].kind == "gap" and values[first - 1].line == values[cells[0]].line:
        first -= 1
    for start in (cells[0], first, 0):
        inner = values[start:cells[-1] + 1]
        if len(cells) < ncols and len(inner) == ncols:
            return [Token("", v.start, v.line, "blank") if v.kind == "gap" else v for v in inner]
    return [v for v in values[cells[0]:cells[-1] + 1] if v.kind != "gap"]


def _trim(values: list[Token], ncols: int, label_line: int, trailing_marks: bool) -> list[Token]:
    """Drop empty cells beyond the row's columns.

    Two kinds stand there: merge marks after the data (``| 0 | 0 | 0 | |``) and fillers
    for merged label columns before it (``四、结转… | | | 1 | 0 …`` in an HTML table).
    ``trailing_marks`` says which the table has (see :func:`_has_trailing_marks`); those
    go first, so that a blank last cell of a table without marks stays a blank cell.
    """
    vals = _own_line_blanks(values)

    def drop_trailing() -> None:
        while len(vals) > ncols and vals[-1].kind == "blank":
            vals.pop()

    def drop_leading() -> None:
        while len(vals) > ncols and vals[0].kind == "blank" and vals[0].line == label_line:
            vals.pop(0)

    for drop in ((drop_trailing, drop_leading) if trailing_marks else (drop_leading, drop_trailing)):
        drop()
    # Still too many: an HTML cell spanning two columns leaves its filler right after it
    # (规章 | 13 | 13 | | 524, the second 13 spanning two columns).
    k = 1
    while len(vals) > ncols and k < len(vals):
        if vals[k].kind == "blank" and vals[k - 1].kind != "blank":
            del vals[k]
        else:
            k += 1
    return vals[:ncols]


def _own_line_blanks(values: list[Token]) -> list[Token]:
    """Without the empty pipe cells that open the next line: they are the next row's fillers
    for its merged group column (``||(七)总计|…``), not this row's cells."""
    vals = list(values)
    last = max((i for i, v in enumerate(vals) if v.kind != "blank"), default=None)
    if last is not None:
        while len(vals) > last + 1 and vals[-1].piped and vals[-1].line > vals[last].line:
            vals.pop()
    return vals


def _has_trailing_marks(hits: list[Hit], ncols: int) -> bool:
    """Whether the table's full rows end in empty cells after their data (merge marks).

    Rows holding at least ``ncols`` values are looked at; when most of those end with a
    value, the table has no trailing marks.  Without such rows, marks are assumed.
    """
    rows = [_own_line_blanks(h.values) for h in hits]
    ends = [vals[-1].kind == "blank" for vals in rows
            if sum(1 for v in vals if v.kind in ("num", "value")) >= ncols]
    if not ends:
        # No full row: rows longer than the table show where their extra empty cells stand,
        # before the data (a label spanning columns) or after it.
        leading = trailing = 0
        for vals in rows:
            if len(vals) > ncols and (vals[0].kind == "blank") != (vals[-1].kind == "blank"):
                leading += vals[0].kind == "blank"
                trailing += vals[-1].kind == "blank"
        return trailing >= leading
    return sum(ends) * 2 >= len(ends)


def _run_tokens(vals: list[Token], reading: tuple[str, ...]) -> list[Token]:
    """The cells of one reading of a run, each at its first digit in the text."""
    where = [v.start + k for v in vals for k, ch in enumerate(v.text) if ch.isdigit()]
    out: list[Token] = []
    at = 0
    first = vals[0]
    for cell in reading:
        out.append(Token(cell, where[min(at, len(where) - 1)], first.line, "num", first.piped, True))
        at += sum(ch.isdigit() for ch in cell.split(".")[0])
        if "." in cell:
            at += sum(ch.isdigit() for ch in cell.split(".", 1)[1])
    return out


def _unplaced(vals: list[Token], ncols: int) -> bool:
    """Some cells of the row are missing, and nothing says which: values separated by
    spaces or lines only (no empty pipe or tab cell) fill the first columns, but the empty
    cell may be any of them, so the row's arithmetic cannot be trusted."""
    filled = sum(1 for v in vals if v.kind != "blank")
    return 0 < filled < ncols and filled == len(vals)


def _open_cells(spec_row: RowSpec, run: Run, vals: list[Token]) -> dict[str, Cell]:
    """Cells of a run with several readings (or none): those every reading agrees on, the
    others without a value, their raw text the run (never a guess presented as fact)."""
    cells: dict[str, Cell] = {}
    first = _run_tokens(vals, run.readings[0]) if run.readings else []
    for c, col in enumerate(spec_row.columns):
        agreed = {r[c] for r in run.readings}
        if run.readings and len(agreed) == 1:
            tok = first[c]
            cells[col.key] = Cell(parse_cell(tok.text), tok.text, tok.start)
        else:
            cells[col.key] = Cell(None, run.text, run.start)
    return cells


def _cells(spec_row: RowSpec, vals: list[Token], row_at: int) -> dict[str, Cell]:
    cells: dict[str, Cell] = {}
    for c, col in enumerate(spec_row.columns):
        if c < len(vals) and vals[c].kind != "blank":
            tok = vals[c]
            cells[col.key] = Cell(parse_cell(tok.text), tok.text, tok.start)
        else:
            cells[col.key] = Cell(None, "", row_at)
    return cells


def _blank_row(spec_row: RowSpec, pos: Position, at: int) -> Row:
    cells = {col.key: Cell(None, "", at) for col in spec_row.columns}
    return Row(spec_row.key, spec_row.label, pos, False, cells)


def walk_for(spec: TableSpec) -> Walk:
    """A walk of a token stream for the row labels of ``spec``."""
    return Walk(*_walk_args(spec))


@functools.lru_cache(maxsize=16)
def _walk_args(spec: TableSpec) -> tuple[LabelMatcher, list[int], Callable[[str], bool]]:
    return matcher(spec), [len(r.columns) for r in spec.rows], functools.partial(usable, spec)


def read_table(
    walked: Walked, spec: TableSpec, positions: PositionMap, norm: NormalizedText
) -> tuple[Table | None, int]:
    """The table read with ``spec`` from what a walk for it found (None when no row label
    is found) and how many rows matched."""
    ctx = _Ctx(positions)
    found, orphans, greedy = walked
    hits = in_order(found, greedy)
    if not hits:
        return None, 0
    by_row = {h.row: h for h in hits}
    loose: list[str] = []
    for r, k in sorted(place_orphans(spec, [(h.row, h.start) for h in hits], orphans).items()):
        orphan = orphans[k]
        by_row[r] = Hit(r, orphan.label, orphan.start, orphan.line, orphan.values, True, orphan.glued)
        loose.append(spec.rows[r].key)
    hits = sorted(by_row.values(), key=lambda h: h.row)
    table_pos = ctx.pos(hits[0].start)
    rows: dict[str, Row] = {}
    ambiguous: list[str] = []
    marks: dict[int, bool] = {}  # per row width: does the table end its rows with merge marks?
    placed: dict[str, list[Token]] = {}  # each found row's cells, in column order
    unplaced: list[tuple[RowSpec, Hit, list[Token]]] = []
    runs: dict[str, tuple[Run, list[Token], Hit]] = {}  # rows whose digit runs stay open
    for r, spec_row in enumerate(spec.rows):
        hit = by_row.get(r)
        if hit is None:
            rows[spec_row.key] = _blank_row(spec_row, table_pos, hits[0].start)
            continue
        ncols = len(spec_row.columns)
        if ncols not in marks:
            marks[ncols] = _has_trailing_marks([h for h in hits if len(spec.rows[h.row].columns) == ncols], ncols)
        vals = _trim(_fill_gaps(hit.values, ncols), ncols, hit.line, marks[ncols])
        if is_run(vals, ncols, hit.glued):
            run = read_run(vals, ncols, spec.key)
            if len(run.readings) != 1:
                runs[spec_row.key] = (run, vals, hit)
                continue
            vals = _run_tokens(vals, run.readings[0])
        elif _unplaced(vals, ncols):
            unplaced.append((spec_row, hit, vals))
        placed[spec_row.key] = vals
        rows[spec_row.key] = Row(spec_row.key, hit.label, ctx.pos(hit.start), True,
                                 _cells(spec_row, vals, hit.start))
    for spec_row, hit, vals in unplaced:
        # A row short of cells: the complete rows of the same width show where columns stand.
        ncols = len(spec_row.columns)
        refs = [v for k, v in placed.items() if len(v) == ncols and all(t.kind in ("num", "value") for t in v)
                and len({t.line for t in v}) == 1 and len(spec.row(k).columns) == ncols]  # type: ignore[union-attr]
        spread = place(vals, refs, ncols, Locator(positions))
        if spread is None:
            ambiguous.append(spec_row.key)
        else:
            rows[spec_row.key] = Row(spec_row.key, hit.label, ctx.pos(hit.start), True,
                                     _cells(spec_row, spread, hit.start))
    if runs:
        _settle(spec, rows, runs, ctx, ambiguous)
    key: TableKey = spec.key  # type: ignore[assignment]
    template: TemplateName = spec.template  # type: ignore[assignment]
    order = {r.key: i for i, r in enumerate(spec.rows)}
    return Table(key, template, table_pos, rows, tuple(sorted(set(ambiguous), key=order.__getitem__)),
                 tuple(loose)), len(hits) - len(loose)


def _settle(spec: TableSpec, rows: dict[str, Row], runs: dict[str, tuple[Run, list[Token], Hit]],
            ctx: _Ctx, ambiguous: list[str]) -> None:
    """Rows left open by their own identity: narrowed by the columns', then made."""
    known: dict[str, list[float | None]] = {}
    for k, row in rows.items():
        if row.found and k not in ambiguous:
            known[k] = [_number(c.value) for c in row.cells.values()]
    settle_columns(spec, known, {k: r for k, (r, _, _) in runs.items()})
    for k, (run, vals, hit) in runs.items():
        spec_row = spec.row(k)
        assert spec_row is not None
        if len(run.readings) == 1:
            cells = _cells(spec_row, _run_tokens(vals, run.readings[0]), hit.start)
        else:
            cells = _open_cells(spec_row, run, vals)
            ambiguous.append(k)
        rows[k] = Row(k, hit.label, ctx.pos(hit.start), True, cells)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)
