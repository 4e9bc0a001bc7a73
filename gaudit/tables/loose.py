"""Rows whose labels differ from the template's: placed by their place in template order.

Real tables carry the template's instructions in a label (``规章(设区的市、自治州人民
政府应提供相关数据)``), Traditional variants (``規範性檔案``), typos (``其他法律行政止
公开``), the pre-2021 label (``规范性文件``) or no label at all.  The reader keeps
such rows as *orphans*: text that matched no label, followed by cells, or cells on a
line of their own after a complete row.  Between two rows that were found, the
template says which rows are missing; the orphans found between them fill them:

* as many orphans as missing rows: in order, one to one (the place is certain);
* otherwise: each labelled orphan goes to the missing row whose label is closest to
  its words (at least ``_MIN_CLOSENESS``), keeping template order.

Before the first and after the last row found only labelled orphans that are close
are placed.  A label of the template's groups (``(六)其他处理`` in a 2021 table) is
never a row's.  Every row placed so is listed in ``Table.loose_rows``.
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Protocol

from gaudit.tables.labels import fold_label
from gaudit.template import TableSpec

__all__ = ["WINDOW", "place_orphans", "usable"]

#: How close (difflib ratio of the folded words) an orphan's label must be to a row's.
_MIN_CLOSENESS = 0.6
#: Longest label text compared (longer text is prose, not a label).
_MAX_LABEL = 60
#: Orphans per missing row compared with the template's labels, nearest the rows found first.
WINDOW = 3
#: Words a label may start with before the row's own words (its numbering).
_NUMBERING = "一二三四五六七八九十0123456789"


class _Orphan(Protocol):
    label: str
    start: int


def _fold(text: str) -> str:
    from gaudit.normalize import fold

    return fold_label(fold(text)).lstrip(_NUMBERING)


@functools.lru_cache(maxsize=256)
def _forms(spec: TableSpec, row: int) -> tuple[tuple[str, Counter[str]], ...]:
    from gaudit.tables.labels import _ALIASES

    spec_row = spec.rows[row]
    forms = [_fold(spec_row.label), *(_fold(a) for a in _ALIASES.get(spec_row.key, ()))]
    return tuple((f, Counter(f)) for f in forms if f)


def closeness(spec: TableSpec, row: int, label: str) -> float:
    """How close ``label`` is to row ``row``'s label (1.0: it starts with the row's words)."""
    if len(label) > 2 * _MAX_LABEL:
        return 0.0
    words = _fold(label)
    if not words or len(words) > _MAX_LABEL:
        return 0.0
    chars = Counter(words)
    best = 0.0
    for form, form_chars in _forms(spec, row):
        if len(form) >= 2 and words.startswith(form):
            return 1.0  # the template's instructions carried after the label
        # The ratio is 2 * matched / (len + len), and no more characters match than the two
        # share: skip what cannot reach the bar.
        if 2 * sum((chars & form_chars).values()) < _MIN_CLOSENESS * (len(words) + len(form)):
            continue
        best = max(best, SequenceMatcher(None, words, form).ratio())
    return best


@functools.lru_cache(maxsize=16)
def _groups(spec: TableSpec) -> frozenset[str]:
    return frozenset(_fold(r.group) for r in spec.rows if r.group)


def usable(spec: TableSpec, label: str) -> bool:
    """Whether an orphan with this label may be placed: a label of the template's groups
    (``(六)其他处理`` in a 2021 table) is never a row's."""
    return not label or _fold(label) not in _groups(spec)


def place_orphans(spec: TableSpec, found: Sequence[tuple[int, int]],
                  orphans: Sequence[_Orphan]) -> dict[int, int]:
    """Row index -> orphan index for the rows missing between the rows ``found``
    (``(row index, start offset)`` in file order) that orphans fill."""
    if not orphans or len(found) == len(spec.rows):
        return {}
    kept = [k for k, o in enumerate(orphans) if usable(spec, o.label)]
    out: dict[int, int] = {}
    bounds = [(-1, -1), *found, (len(spec.rows), 1 << 62)]
    for (lo_row, lo_at), (hi_row, hi_at) in itertools.pairwise(bounds):
        missing = list(range(lo_row + 1, hi_row))
        if not missing:
            continue
        inside = [k for k in kept if lo_at < orphans[k].start < hi_at]
        if not inside:
            continue
        # Rows stand next to the rows around them: only the orphans nearest the gap's ends
        # are worth comparing (prose before or after a table may hold hundreds).
        window = WINDOW * len(missing)
        if lo_row < 0:
            inside = inside[-window:]
        elif hi_row >= len(spec.rows) or len(inside) > len(missing):
            inside = inside[:window]
        inner = lo_row >= 0 and hi_row < len(spec.rows)
        if inner and len(inside) == len(missing):
            out.update(zip(missing, inside, strict=True))
            continue
        at = 0
        for k in inside:
            if not orphans[k].label:
                continue
            scored = [(closeness(spec, r, orphans[k].label), r) for r in missing[at:]]
            if not scored:
                break
            score, row = max(scored, key=lambda x: (x[0], -x[1]))
            if score >= _MIN_CLOSENESS:
                out[row] = k
                at = missing.index(row) + 1
    return out
