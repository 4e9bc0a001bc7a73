"""carryover: this year's 上年结转 row equals last year's 结转下年度继续办理 row.

For every audited report of an organ whose report of the year before is also in the run
(audited or given with ``--previous``), each applicant column of this year's
``applications.carried_over`` row (二、上年结转政府信息公开申请数量) must equal the same
column of last year's ``applications.carried_forward`` row (四、结转下年度继续办理).  Both
formats have these rows with the same columns, so the comparison works across the 2020→2021
change of format.  Only adjacent years of the same organ are compared (a report two years
older says nothing about this year's carry-over); a blank or unreadable cell on either side
is skipped.  When the same organ has two reports for last year, the check is satisfied if
either one agrees.  The 总计 column is reported only when no part column already differs.

One hit per differing column, on this year's row; ``related`` names last year's report at
its 结转下年度继续办理 row.

Parameters
----------
columns : list of str, default every applicant column and 总计
    The columns compared.

Placeholders: ``{expected}`` (last year's carried forward), ``{actual}`` (this year's
carried over), ``{column_label}``, ``{row_label}``, ``{previous_year}``, ``{related_path}``.

Examples
--------
1. PASS — 2022: 结转下年度继续办理 自然人 3; 2023: 上年结转 自然人 3.
2. FAIL — 2022: 结转下年度继续办理 自然人 3; 2023: 上年结转 自然人 5: one hit on the 2023
   report, expected 3, actual 5, related the 2022 report's line of 结转下年度继续办理.
3. PASS — 2021 and 2023 reports only: years two apart are not compared.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from gaudit.checks.base import CheckType, Param
from gaudit.cross.checks._base import CrossCheck, CrossHit, hit_at, per_file_nothing
from gaudit.cross.corpus import Corpus, related
from gaudit.template import APPLICANT_COLUMNS, TABLE_SECTION

_TABLE = "applications"
_THIS, _LAST = "carried_over", "carried_forward"
_COLUMNS = tuple(c.key for c in APPLICANT_COLUMNS)


def _differences(this: Mapping[str, float], last: Mapping[str, float],
                 columns: Sequence[str]) -> list[tuple[str, float, float]]:
    out = [(c, last[c], this[c]) for c in columns
           if c != "total" and c in this and c in last and this[c] != last[c]]
    if not out and "total" in columns and "total" in this and "total" in last and this["total"] != last["total"]:
        out.append(("total", last["total"], this["total"]))
    return out


def _tidy(value: float) -> int | float:
    return int(value) if value.is_integer() else value


def compare(corpus: Corpus, params: Mapping[str, Any]) -> Iterator[CrossHit]:
    spec = corpus.spec
    for i in corpus.audited_indices():
        record = corpus.records[i]
        if record.year is None:
            continue
        this = spec.values(record, _TABLE, _THIS)
        if not this:
            continue
        found: list[tuple[int, list[tuple[str, float, float]]]] = []
        for j in corpus.same_organ(i, record.year - 1):
            last = spec.values(corpus.records[j], _TABLE, _LAST)
            if last:
                found.append((j, _differences(this, last, params["columns"])))
        if not found or any(not diffs for _, diffs in found):
            continue
        j, diffs = found[0]
        other = corpus.records[j]
        for column, expected, actual in diffs:
            yield hit_at(i, spec.place(record, _TABLE, _THIS), [related(other, spec.place(other, _TABLE, _LAST))],
                         values={"previous_year": other.year, "related_path": other.path},
                         section=TABLE_SECTION[_TABLE], table=_TABLE, row=_THIS, column=column,
                         expected=_tidy(expected), actual=_tidy(actual))


CHECK = CrossCheck(
    check=CheckType(
        name="carryover",
        doc=__doc__ or "",
        params={"columns": Param("choice-list", "applicant columns compared", list(_COLUMNS), choices=_COLUMNS)},
        placeholders=frozenset({"expected", "actual", "column_label", "row_label", "previous_year",
                                "related_path"}),
        run=per_file_nothing,
    ),
    compare=compare,
    rows=lambda params: ((_TABLE, _THIS), (_TABLE, _LAST)),
)
