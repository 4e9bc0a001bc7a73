"""stock: documents in force follow from last year's count, this year's issues and repeals.

In the 2021 format, the 规章 and 行政规范性文件 rows of the active-disclosure table count
documents 本年制发 (issued), 本年废止 (repealed) and 现行有效 (in force).  For every audited
2021-format report of an organ whose 2021-format report of the year before is in the run,
this year's in-force count must equal last year's in-force count plus this year's issued
minus this year's repealed.  Years that are not adjacent, a 2019-format report on either side
(it has no in-force column) and blank cells are skipped; with two reports for last year, the
check is satisfied if either one agrees.

One hit per row, at this year's row; ``related`` names last year's report at the same row.

Parameters
----------
rows : list of str, default [regulations, normative_documents]
    Rows of the active table compared.

Placeholders: ``{expected}`` (last year's in force + issued − repealed), ``{actual}`` (this
year's in force), ``{previous}`` (last year's in force), ``{issued}``, ``{repealed}``,
``{row_label}``, ``{column_label}``, ``{previous_year}``, ``{related_path}``.

Examples
--------
1. PASS — 2022 规章 现行有效 10; 2023 本年制发 2, 本年废止 1, 现行有效 11.
2. FAIL — the same with 2023 现行有效 14: one hit on 2023's 规章 row, expected 11, actual 14.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks.base import CheckType, Param
from gaudit.cross.checks._base import CrossCheck, CrossHit, hit_at, per_file_nothing
from gaudit.cross.corpus import Corpus, related
from gaudit.template import TABLE_SECTION

_TABLE = "active"
_ROWS = ("regulations", "normative_documents")


def _tidy(value: float) -> int | float:
    return int(value) if value.is_integer() else round(value, 6)


def _expected(this: Mapping[str, float], last: Mapping[str, float] | None) -> float | None:
    if not last or "in_force" not in last or not all(k in this for k in ("issued", "repealed", "in_force")):
        return None
    return last["in_force"] + this["issued"] - this["repealed"]


def compare(corpus: Corpus, params: Mapping[str, Any]) -> Iterator[CrossHit]:
    spec = corpus.spec
    for i in corpus.audited_indices():
        record = corpus.records[i]
        if record.year is None or record.template != "2021":
            continue
        previous = [j for j in corpus.same_organ(i, record.year - 1) if corpus.records[j].template == "2021"]
        for row in params["rows"]:
            this = spec.values(record, _TABLE, row)
            if not this:
                continue
            checked = [(j, _expected(this, spec.values(corpus.records[j], _TABLE, row))) for j in previous]
            checked = [(j, e) for j, e in checked if e is not None]
            if not checked or any(abs(e - this["in_force"]) < 1e-6 for _, e in checked if e is not None):
                continue
            j, expected = checked[0]
            assert expected is not None
            other = corpus.records[j]
            last = spec.values(other, _TABLE, row) or {}
            yield hit_at(i, spec.place(record, _TABLE, row), [related(other, spec.place(other, _TABLE, row))],
                         values={"previous_year": other.year, "related_path": other.path,
                                 "previous": _tidy(last["in_force"]), "issued": _tidy(this["issued"]),
                                 "repealed": _tidy(this["repealed"])},
                         section=TABLE_SECTION[_TABLE], table=_TABLE, row=row, column="in_force",
                         expected=_tidy(expected), actual=_tidy(this["in_force"]))


CHECK = CrossCheck(
    check=CheckType(
        name="stock",
        doc=__doc__ or "",
        params={"rows": Param("choice-list", "rows of the active table", list(_ROWS), choices=_ROWS)},
        placeholders=frozenset({"expected", "actual", "previous", "issued", "repealed", "row_label",
                                "column_label", "previous_year", "related_path"}),
        run=per_file_nothing,
    ),
    compare=compare,
    rows=lambda params: tuple((_TABLE, r) for r in params["rows"]),
)
