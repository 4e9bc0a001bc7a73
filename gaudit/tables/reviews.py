"""Read the ``reviews`` table: it has no row labels, only one header block and one row of
fifteen numbers (three groups of five) under it."""

from __future__ import annotations

from gaudit.cells import parse_cell
from gaudit.model import Cell, NormalizedText, PositionMap, Row, Table, TemplateName
from gaudit.tables.geometry import Locator, place, place_on_grid
from gaudit.tables.labels import fold_label
from gaudit.tables.reader import _REVIEW_CELLS, _cells, _Ctx, _fill_gaps, _run_tokens, _trim, _unplaced
from gaudit.tables.runs import Run, is_run, read_run
from gaudit.tables.tokens import Token
from gaudit.template import RowSpec, TableSpec

__all__ = ["read_reviews"]

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


def _header_cells_present(tokens: list[Token]) -> bool:
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


def _header_line_words(tokens: list[Token], first: int, count: int) -> list[Token] | None:
    """The last line before the values holding exactly ``count`` short text tokens."""
    lines: dict[int, list[Token]] = {}
    for t in tokens[:first]:
        if t.kind == "text" and len(t.text) <= _MAX_HEADER_CELL:
            lines.setdefault(t.line, []).append(t)
    for line in sorted(lines, reverse=True):
        if len(lines[line]) == count:
            return lines[line]
    return None


def _spread_short(vals: list[Token], tokens: list[Token], first: int, positions: PositionMap) -> list[Token] | None:
    """The cells of a row short of cells where they belong, or None when nothing tells.

    The header's fifteen column words on one line show where the cells belong; without them
    (a PDF's header wraps over several lines), the row's own evenly spaced columns may."""
    header_words = _header_line_words(tokens, first, _REVIEW_CELLS)
    if header_words:
        return place(vals, [header_words], _REVIEW_CELLS, Locator(positions))
    return place_on_grid(vals, _REVIEW_CELLS, Locator(positions))


def _with_span_fillers(vals: list[Token], tokens: list[Token], after: int) -> list[Token]:
    """The values of a pipe row with more cells than the table's fifteen, less the empty cells
    that only fill a spanning cell's columns (``| 3 | | 0 |``: 总计 spanning two grid columns in
    every row of a Word or HTML table); the row as taken otherwise."""
    if not vals or not vals[-1].piped:
        return vals
    line = vals[-1].line
    extra = []
    for t in tokens[after:]:
        if t.kind == "text" or t.line != line or not t.piped:
            break
        extra.append(t)
    if not any(t.kind != "blank" for t in extra):
        return vals
    return _trim(vals + extra, _REVIEW_CELLS, -1, True)


def _header_block_start(tokens: list[Token], first: int) -> int | None:
    """Start of the short header cells right before the values (not the heading or prose above)."""
    start = None
    for t in reversed(tokens[:first]):
        if t.kind == "text":
            if len(fold_label(t.text)) > _MAX_HEADER_CELL:
                break
            start = t.start
    return start


# Complexity (ruff C901 > 15): header search, value collection and the three ways of placing
# the cells (as written, a glued digit run, spread by the header) are one sequence over the tokens.
def read_reviews(
    tokens: list[Token], spec: TableSpec, positions: PositionMap, norm: NormalizedText
) -> Table | None:
    """The reviews table: the fifteen value tokens after its header words."""
    ctx = _Ctx(positions)
    header = ""
    header_start: int | None = None
    last_text_line = -1
    first = -1
    for i, t in enumerate(tokens):
        if t.kind == "text":
            if not header:
                header_start = t.start
            header = (header + fold_label(t.text))[-_HEADER_SPAN:]
            last_text_line = t.line
        elif t.kind in ("num", "value"):
            if sum(w in header for w in _REVIEW_HEADER_WORDS) >= 3:
                first = i
                break
            header = ""
    if first < 0 and header_start is not None and _header_cells_present(tokens):
        first = len(tokens)  # the header is there and every cell under it was left empty
    if first < 0 or header_start is None:
        return None
    header_start = _header_block_start(tokens, first) or header_start
    # Blank cells just before the numbers count when they stand on the numbers' own row.
    while first > 0 and tokens[first - 1].kind in ("blank", "gap") and tokens[first - 1].line > last_text_line:
        first -= 1
    vals: list[Token] = []
    taken = 0
    end = first
    while end < len(tokens):
        t = tokens[end]
        end += 1
        if t.kind == "text":
            if vals:
                break
            continue
        vals.append(t)
        taken += t.kind != "gap"
        if taken == _REVIEW_CELLS:
            break
    vals = _fill_gaps(_with_span_fillers(vals, tokens, end), _REVIEW_CELLS)
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
