"""``gaudit rules``: the rule catalogue and one rule's full documentation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gaudit.rules import Rule


def print_catalogue(rules: Sequence[Rule], lang: str = "zh") -> None:
    """One line per rule (id, severity, kind, one-line title), under the file it comes from."""
    from rich import box
    from rich.cells import cell_len
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    heads = ["规则", "级别", "类别", "名称"] if lang == "zh" else ["rule", "severity", "kind", "name"]
    # The same widths in every file's table, so that the columns line up down the page.
    widths = [max([cell_len(heads[0]), *(len(r.id) for r in rules)]),
              max([cell_len(heads[1]), *(len(r.severity.value) for r in rules)]),
              max([cell_len(heads[2]), *(len(r.kind) for r in rules)])]
    sources = list(dict.fromkeys(rule.source for rule in rules))
    for number, source in enumerate(sources):
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, show_header=number == 0)
        for head, width in zip(heads, [*widths, None], strict=True):
            # Ids and kinds are what users copy into --select and config files: never cut them.
            if width is None:
                table.add_column(head, overflow="fold", min_width=10)
            else:
                table.add_column(head, no_wrap=True, width=width)
        for rule in rules:
            if rule.source == source:
                table.add_row(rule.id, rule.severity.value, rule.kind, rule.title(lang))
        console.print(source, style="bold")
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
