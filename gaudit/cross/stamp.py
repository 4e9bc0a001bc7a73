"""Cross hits into findings: the rule's id, kind and severity, its message in both languages.

A cross hit has only records, not documents: its report's own placeholders (year, organ)
come from the record, and the engine's :func:`~gaudit.engine.stamp` words it as it words a
per-file hit.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from gaudit.cross.checks import CrossHit, cross_checks
from gaudit.cross.corpus import Corpus
from gaudit.engine import stamp  # one wording of findings for both passes
from gaudit.model import Finding, Position

if TYPE_CHECKING:
    from gaudit.rules import Rule

__all__ = ["cross_findings"]


def _finding(rule: Rule, hit: CrossHit, corpus: Corpus) -> Finding:
    record = corpus.records[hit.target]
    context = {"year": record.year, "title_year": record.year, "period_year": record.year,
               "organ": record.organ}
    return stamp(rule, hit.hit, Position(hit.shown_line, hit.hit.col, hit.page), record.template, context,
                 hit.related)


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
