"""aggregate: a parent organ's figures are the sums of its children's.

Where the configuration names a hierarchy (``hierarchy:`` in ``.gaudit.yaml``, or a YAML
file given with ``--hierarchy FILE``: each parent organ's name mapped to the list of its
children's names), every cell of the rows listed in ``rows`` of an audited parent report
must equal the sum of the same cell in its children's reports of the same year (audited or
``--previous``).  Names are matched like every organ name (full and short forms, either
script).  A year for which a child has no report is skipped (the sum would be partial), as
are cells blank in any report and columns not in every report's format; a name of the
hierarchy that no report carries is a warning.

One hit per differing cell, at the parent's row; ``related`` names every child's report at
that row.

Parameters
----------
rows : list of ``table.row``
    The rows summed, e.g. ``applications.new`` or ``reviews.review``.

Placeholders: ``{expected}`` (children's sum), ``{actual}`` (the parent's), ``{row_label}``,
``{column_label}``, ``{table_title}``, ``{children}`` (how many).

Examples
--------
1. PASS — 县 applications.new 总计 30; its towns 12 + 18.
2. FAIL — 县 30; its towns 12 + 17: one hit on the county's row, expected 29, actual 30,
   related both towns' reports.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from gaudit.checks.base import CheckType, Param, ParamError, key_problem
from gaudit.cross.checks._base import CrossCheck, CrossHit, hit_at, per_file_nothing
from gaudit.cross.corpus import Corpus, related
from gaudit.i18n import Bilingual
from gaudit.template import TABLE_KEYS, TABLE_SECTION


def _split(ref: str) -> tuple[str, str]:
    table, _, row = ref.partition(".")
    return table, row


def _tidy(value: float) -> int | float:
    return int(value) if value.is_integer() else round(value, 6)


def _children(corpus: Corpus) -> dict[str, list[str]]:
    """Parent key -> children keys; names no report carries become warnings."""
    out: dict[str, list[str]] = {}
    missing: list[str] = []
    for parent, children in corpus.hierarchy.items():
        keys = []
        for name in (parent, *children):
            key = corpus.key_of_name(name)
            if key is None or key not in corpus.by_organ:
                missing.append(name)
            keys.append(key or name)
        out[keys[0]] = keys[1:]
    if missing:
        names = "、".join(dict.fromkeys(missing))
        corpus.warnings.append(Bilingual(f"组织层级中的机关没有对应的报告: {names}",
                                         f"organs of the hierarchy with no report: {names}"))
    return out


def compare(corpus: Corpus, params: Mapping[str, Any]) -> Iterator[CrossHit]:
    spec = corpus.spec
    for parent, children in _children(corpus).items():
        for i in corpus.by_organ.get(parent, ()):
            record = corpus.records[i]
            if i >= corpus.audited or record.year is None:
                continue
            kids = [corpus.same_organ(corpus.by_organ[c][0], record.year) if c in corpus.by_organ else []
                    for c in children]
            if not kids or any(not k for k in kids):
                continue
            reports = [corpus.records[k[0]] for k in kids]
            for ref in params["rows"]:
                table, row = _split(ref)
                own = spec.values(record, table, row)
                theirs = [spec.values(r, table, row) for r in reports]
                if not own or any(not t for t in theirs):
                    continue
                for column, actual in own.items():
                    parts = [t.get(column) for t in theirs if t]
                    if any(p is None for p in parts):
                        continue
                    expected = sum(p for p in parts if p is not None)
                    if abs(expected - actual) < 1e-6:
                        continue
                    yield hit_at(i, spec.place(record, table, row),
                                 [related(r, spec.place(r, table, row)) for r in reports],
                                 values={"children": len(reports)}, section=TABLE_SECTION[table],
                                 table=table, row=row, column=column, expected=_tidy(expected),
                                 actual=_tidy(actual))


def _validate(params: dict[str, Any], formats: Sequence[str]) -> None:
    if not params["rows"]:
        raise ParamError("rows", Bilingual("请至少指定一个要相加的行, 如 applications.new",
                                           "name at least one row to sum, e.g. applications.new"))
    for k, ref in enumerate(params["rows"]):
        table, row = _split(ref)
        if table not in TABLE_KEYS:
            tables = ", ".join(TABLE_KEYS)
            raise ParamError("rows", Bilingual(f"应写作 表.行, 如 applications.new (表格: {tables})",
                                               f"write table.row, e.g. applications.new (tables: {tables})"), k)
        problem = key_problem(table, row, "column", formats)
        if problem is not None:
            raise ParamError("rows", problem, k)


CHECK = CrossCheck(
    check=CheckType(
        name="aggregate",
        doc=__doc__ or "",
        params={"rows": Param("str-list", "table.row references of the rows summed")},
        placeholders=frozenset({"expected", "actual", "row_label", "column_label", "table_title", "children"}),
        run=per_file_nothing,
        validate=_validate,
    ),
    compare=compare,
    rows=lambda params: tuple(_split(ref) for ref in params["rows"]),
)
