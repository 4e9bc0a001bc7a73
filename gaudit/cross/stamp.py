"""Cross hits into findings: the rule's id, kind and severity, its message in both languages.

The per-file engine words findings from a :class:`~gaudit.model.Document`; a cross hit has
only records, so its placeholders are gathered here from the record (year, organ) and the
template's labels of the row, column, table and section concerned, then worded by the
engine's own message function.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from gaudit.cross.checks import CrossHit, cross_checks
from gaudit.cross.corpus import Corpus
from gaudit.engine import _message  # one wording of messages for both passes
from gaudit.labels import column_label, row_label, section_title, table_title
from gaudit.model import Finding, Position

if TYPE_CHECKING:
    from gaudit.rules import Rule

__all__ = ["cross_findings"]


def _placeholders(hit: CrossHit, corpus: Corpus) -> dict[str, Any]:
    record, h = corpus.records[hit.target], hit.hit
    values: dict[str, Any] = {"year": record.year, "title_year": record.year, "period_year": record.year,
                              "organ": record.organ}
    if h.table is not None:
        values["table_title"] = table_title(h.table)
        if h.row is not None:
            values["row_label"] = row_label(h.table, record.template, h.row)
        if h.column is not None:
            values["column_label"] = column_label(h.table, record.template, h.row, h.column)
    if h.section is not None:
        values["section"] = h.section
        values["section_title"] = section_title(h.section)
    if h.expected is not None:
        values["expected"] = h.expected
    if h.actual is not None:
        values["actual"] = h.actual
    values.update(h.values)
    return values


def _finding(rule: Rule, hit: CrossHit, corpus: Corpus) -> Finding:
    values = _placeholders(hit, corpus)
    return Finding(rule=rule.id, kind=rule.kind, severity=rule.severity, message=_message(rule, values),
                   hit=hit.hit, position=Position(hit.shown_line, hit.hit.col, hit.page),
                   row_label=values.get("row_label"), column_label=values.get("column_label"),
                   related=hit.related)


def cross_findings(corpus: Corpus, rules: Iterable[Rule]) -> dict[int, list[Finding]]:
    """Audited record index -> the cross findings on that report."""
    checks = cross_checks()
    out: dict[int, list[Finding]] = {}
    for rule in rules:
        check = checks.get(rule.check)
        if check is None:
            continue
        for hit in check.compare(corpus, rule.params):
            if hit.target < corpus.audited and corpus.applies(rule, hit.target):
                out.setdefault(hit.target, []).append(_finding(rule, hit, corpus))
    return out
