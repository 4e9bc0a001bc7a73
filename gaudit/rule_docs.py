"""``gaudit rules``: the rule catalogue and one rule's full documentation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gaudit.rules import Rule


def _first_line(text: str) -> str:
    for line in text.strip().splitlines():
        if line.strip():
            return line.strip()
    return ""


def print_catalogue(rules: Sequence[Rule], lang: str = "zh") -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="gaudit 规则" if lang == "zh" else "gaudit rules", show_lines=False)
    heads = (("规则", "类别", "级别", "说明", "来源") if lang == "zh"
             else ("rule", "kind", "severity", "description", "source"))
    for head in heads:
        table.add_column(head, overflow="fold")
    for rule in rules:
        table.add_row(rule.id, rule.kind, rule.severity.value,
                      _first_line(rule.description) or rule.name, rule.source)
    Console(highlight=False).print(table)


def print_rule(rule: Rule, lang: str = "zh") -> None:
    import yaml
    from rich.console import Console
    from rich.markup import escape

    from gaudit.rules import check_types

    console = Console(highlight=False)
    console.print(f"[bold]{rule.id}[/bold] — {escape(rule.name)}")
    labels = (("类别", "级别", "检查类型", "来源", "消息", "适用格式", "适用年度", "适用机关层级")
              if lang == "zh" else
              ("kind", "severity", "check", "source", "message", "formats", "years",
               "organ levels"))
    console.print(f"{labels[0]}: {rule.kind}    {labels[1]}: {rule.severity.value}    "
                  f"{labels[2]}: {rule.check}    {labels[3]}: {escape(rule.source)}:{rule.line}")
    console.print(f"{labels[4]}: {escape(rule.message.get(lang, rule.message.get('zh', '')))}")
    if rule.formats:
        console.print(f"{labels[5]}: {', '.join(rule.formats)}")
    if rule.years:
        console.print(f"{labels[6]}: {rule.years[0] or ''}–{rule.years[1] or ''}")
    if rule.organ_levels:
        console.print(f"{labels[7]}: {', '.join(rule.organ_levels)}")
    console.print()
    console.print(escape(rule.description.strip()))
    if rule.params:
        console.print()
        console.print("[bold]parameters[/bold]")
        console.print(escape(yaml.safe_dump(dict(rule.params), allow_unicode=True,
                                            sort_keys=False).rstrip()))
    for example in rule.examples:
        console.print()
        console.print("[bold]example[/bold]")
        console.print(escape(example.rstrip()))
    check = check_types().get(rule.check)
    if check is not None and check.doc:
        console.print()
        console.print(f"[bold]check type {rule.check}[/bold]")
        console.print(escape(check.doc.strip()))
