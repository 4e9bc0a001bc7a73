"""``gaudit rules``: the rule catalogue and one rule's full documentation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gaudit.rules import Rule


def print_catalogue(rules: Sequence[Rule], lang: str = "zh") -> None:
    """One line per rule: id, severity, kind and its one-line title; the file it comes from
    when some rules are the user's own."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    own = any(not rule.source.startswith("rules/") for rule in rules)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    heads = ["规则", "级别", "类别", "名称"] if lang == "zh" else ["rule", "severity", "kind", "name"]
    if own:
        heads.append("来源" if lang == "zh" else "source")
    for head in heads:
        # Ids and kinds are what users copy into --select and config files: never cut them.
        is_name = head in ("名称", "name")
        table.add_column(head, no_wrap=not is_name, overflow="fold" if is_name else "ellipsis",
                         min_width=10 if is_name else None)
    for rule in rules:
        cells = [rule.id, rule.severity.value, rule.kind, rule.title(lang)]
        table.add_row(*cells, *([rule.source] if own else []))
    console = Console(highlight=False)
    console.print(table)
    hint = ("gaudit rules ID 显示一条规则的完整说明、参数和示例" if lang == "zh"
            else "gaudit rules ID shows one rule in full: description, parameters, examples")
    console.print(hint, style="dim")


def print_rule(rule: Rule, lang: str = "zh") -> None:
    import yaml
    from rich.console import Console
    from rich.markup import escape

    from gaudit.rules import check_types

    console = Console(highlight=False)
    console.print(f"[bold]{rule.id}[/bold] — {escape(rule.title(lang))}")
    labels = (("类别", "级别", "检查类型", "来源", "消息", "适用格式", "适用年度", "适用机关层级", "适用机关类型")
              if lang == "zh" else
              ("kind", "severity", "check", "source", "message", "formats", "years",
               "organ levels", "organ kinds"))
    console.print(f"{labels[0]}: {rule.kind}    {labels[1]}: {rule.severity.value}    "
                  f"{labels[2]}: {rule.check}    {labels[3]}: {escape(rule.source)}:{rule.line}")
    console.print(f"{labels[4]}: {escape(rule.message.get(lang, rule.message.get('zh', '')))}")
    if rule.formats:
        console.print(f"{labels[5]}: {', '.join(rule.formats)}")
    if rule.years:
        console.print(f"{labels[6]}: {rule.years[0] or ''}–{rule.years[1] or ''}")
    if rule.organ_levels:
        console.print(f"{labels[7]}: {', '.join(rule.organ_levels)}")
    if rule.organ_kinds:
        console.print(f"{labels[8]}: {', '.join(rule.organ_kinds)}")
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
