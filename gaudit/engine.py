"""Run rules over a document: filter by conditions, run checks, stamp and word the findings.

The engine is the only place that knows a rule's id, kind and severity and the
user's language: checks yield :class:`~gaudit.checks.Hit` objects and the
engine turns each into a :class:`~gaudit.model.Finding`, filling the message's
placeholders (template labels of the row, column, table and section in the
chosen language, the numbers compared, the report's years).

Two file-level rules of precedence keep the output about causes, not symptoms:
when a ``not-a-report`` rule fires, every other finding for the file is
dropped (the ``not-a-report`` rules run first, and the rest do not run at
all); and a check never sees a table that is absent, so a missing table gives
``missing-table`` only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gaudit.checks import CheckType, Hit, Text, all_checks
from gaudit.labels import column_label, row_label, section_title, table_title
from gaudit.model import Document, Finding
from gaudit.rules import Rule

__all__ = ["applies", "run_rules"]

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
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


class _Values(dict[str, str]):
    """Placeholder values; a name the hit did not provide reads as an empty string."""

    def __missing__(self, key: str) -> str:
        return ""


def _message(rule: Rule, hit: Hit, doc: Document, lang: str) -> str:
    lang = "en" if lang == "en" else "zh"
    facts = doc.facts
    values: dict[str, Any] = {"year": facts.year, "title_year": facts.title_year,
                              "period_year": facts.period_year}
    section = hit.section
    if hit.table is not None:
        table = doc.tables.get(hit.table)
        fmt = table.template if table is not None else facts.template
        values["table_title"] = table_title(hit.table)
        if hit.row is not None:
            values["row_label"] = row_label(hit.table, fmt, hit.row)
        if hit.column is not None:
            values["column_label"] = column_label(hit.table, fmt, hit.row, hit.column)
    if section is not None:
        values["section"] = section
        values["section_title"] = section_title(section)
    if hit.expected is not None:
        values["expected"] = hit.expected
    if hit.actual is not None:
        values["actual"] = hit.actual
    values.update(hit.values)
    template = rule.message.get(lang) or rule.message.get("zh", rule.id)
    return template.format_map(_Values({k: _show(v, lang) for k, v in values.items()}))


def _finding(rule: Rule, hit: Hit, doc: Document, lang: str) -> Finding:
    return Finding(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.severity.value,
        message=_message(rule, hit, doc, lang),
        line=hit.line,
        col=hit.col,
        section=hit.section,
        table=hit.table,
        row=hit.row,
        column=hit.column,
        expected=hit.expected,
        actual=hit.actual,
    )


def _run(rule: Rule, check: CheckType, doc: Document, lang: str) -> list[Finding]:
    return [_finding(rule, hit, doc, lang) for hit in check.run(doc, rule.params)]


def run_rules(doc: Document, rules: Sequence[Rule], lang: str = "zh") -> list[Finding]:
    """Every finding of ``rules`` on ``doc``, sorted by (line, col, rule)."""
    checks = all_checks()
    active = [r for r in rules if applies(r, doc)]
    gate = [r for r in active if r.kind == "not-a-report"]
    findings: list[Finding] = []
    for rule in gate:
        findings.extend(_run(rule, checks[rule.check], doc, lang))
    if not findings:
        for rule in active:
            if rule.kind != "not-a-report":
                findings.extend(_run(rule, checks[rule.check], doc, lang))
    findings.sort(key=lambda f: (f.line, f.col, f.rule))
    return findings
