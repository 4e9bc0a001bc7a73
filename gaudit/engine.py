"""Run rules over a document: filter by conditions, run checks, stamp and word the findings.

The engine is the only place that knows a rule's id, kind and severity: checks
yield :class:`~gaudit.model.Hit` objects and the engine turns each into a
:class:`~gaudit.model.Finding`, filling the message's placeholders in both
languages (template labels of the row, column, table and section, the numbers
compared, the report's years) and stamping the row and column labels, so that
no writer needs the template.

Two file-level rules of precedence keep the output about causes, not symptoms:
when a rule of a gate kind fires (``scanned``, ``garbled-text``, then
``not-a-report``: :data:`~gaudit.findings.GATE_KINDS`), no other rule runs on the
file; and a check never sees a table that is absent, so a missing table gives
``missing-table`` only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from gaudit.checks import CheckType, all_checks
from gaudit.findings import GATE_KINDS
from gaudit.i18n import Bilingual
from gaudit.labels import column_label, row_label, section_title, table_title
from gaudit.model import Document, Finding, Hit, Position, Related
from gaudit.rules import Rule

__all__ = ["applies", "run_rules", "stamp"]

_UNKNOWN = {"zh": "未知", "en": "unknown"}


def applies(rule: Rule, doc: Document) -> bool:
    """Whether the rule's conditions (formats, years, organ levels and kinds) hold for ``doc``."""
    facts = doc.facts
    if rule.formats is not None and facts.template not in rule.formats:
        return False
    if rule.years is not None:
        if facts.year is None:
            return False
        low, high = rule.years
        if (low is not None and facts.year < low) or (high is not None and facts.year > high):
            return False
    if rule.organ_levels is not None and facts.organ_level not in rule.organ_levels:
        return False
    return rule.organ_kinds is None or facts.organ_kind in rule.organ_kinds


def _show(value: object, lang: str) -> str:
    if value is None:
        return _UNKNOWN["en" if lang == "en" else "zh"]
    if isinstance(value, Bilingual):
        return value.get(lang)
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


class _Values(dict[str, str]):
    """Placeholder values; a name the hit did not provide reads as an empty string."""

    def __missing__(self, key: str) -> str:
        return ""


def _placeholders(hit: Hit, template: str | None, context: Mapping[str, Any]) -> dict[str, Any]:
    """The message's values: ``context`` (the report's years, organ …), the template's words
    for the table, row, column and section concerned, the numbers compared, the hit's own."""
    values: dict[str, Any] = dict(context)
    if hit.table is not None:
        values["table_title"] = table_title(hit.table)
        if hit.row is not None:
            values["row_label"] = row_label(hit.table, template, hit.row)
        if hit.column is not None:
            values["column_label"] = column_label(hit.table, template, hit.row, hit.column)
    if hit.section is not None:
        values["section"] = hit.section
        values["section_title"] = section_title(hit.section)
    if hit.expected is not None:
        values["expected"] = hit.expected
    if hit.actual is not None:
        values["actual"] = hit.actual
    values.update(hit.values)
    return values


def _message(rule: Rule, values: dict[str, Any]) -> Bilingual:
    zh = rule.message.get("zh") or rule.message.get("en") or rule.id
    en = rule.message.get("en") or zh
    return Bilingual(zh.format_map(_Values({k: _show(v, "zh") for k, v in values.items()})),
                     en.format_map(_Values({k: _show(v, "en") for k, v in values.items()})))


def stamp(rule: Rule, hit: Hit, position: Position, template: str | None, context: Mapping[str, Any],
          related: tuple[Related, ...] = ()) -> Finding:
    """A check's hit as a finding of ``rule``: worded in both languages (``context`` holds the
    report's own placeholders; ``template`` chooses the labels), at ``position`` in the file.
    Both passes word their findings here: per file and across reports."""
    values = _placeholders(hit, template, context)
    return Finding(rule=rule.id, kind=rule.kind, severity=rule.severity, message=_message(rule, values),
                   hit=hit, position=position, row_label=values.get("row_label"),
                   column_label=values.get("column_label"), related=related)


def _finding(rule: Rule, hit: Hit, doc: Document) -> Finding:
    facts = doc.facts
    table = doc.tables.get(hit.table) if hit.table is not None else None
    template = table.template if table is not None else facts.template
    context = {"year": facts.year, "title_year": facts.title_year, "period_year": facts.period_year}
    return stamp(rule, hit, doc.source.on_page(Position(hit.line, hit.col)), template, context)


def _run(rule: Rule, check: CheckType, doc: Document) -> list[Finding]:
    return [_finding(rule, hit, doc) for hit in check.run(doc, rule.params)]


def run_rules(doc: Document, rules: Sequence[Rule]) -> list[Finding]:
    """Every finding of ``rules`` on ``doc``, sorted by place in the file and rule; messages
    are worded in both languages (a writer shows the user's)."""
    checks = all_checks()
    active = [r for r in rules if applies(r, doc)]
    findings: list[Finding] = []
    for kind in GATE_KINDS:
        for rule in active:
            if rule.kind == kind:
                findings.extend(_run(rule, checks[rule.check], doc))
        if findings:
            break
    else:
        for rule in active:
            if rule.kind not in GATE_KINDS:
                findings.extend(_run(rule, checks[rule.check], doc))
    findings.sort(key=lambda f: (f.hit.line, f.hit.col, f.rule))
    return findings
