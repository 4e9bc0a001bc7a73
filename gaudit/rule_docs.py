"""``gaudit rules``: the rule catalogue, and one rule explained for a reviewer.

``gaudit rules ID`` says what the rule checks, why, shows an example from a report and how
to silence it, in the chosen language.  Nothing here is read as rich markup: rule names,
messages and paths come from rule files and are printed as plain text (``[/]`` included).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from gaudit.output.safe_text import escape_controls

if TYPE_CHECKING:
    from gaudit.rules import Rule

_LABELS: dict[str, dict[str, Any]] = {
    "zh": {"heads": ("规则", "级别", "类别", "名称"),
           "hint": "gaudit rules ID 显示一条规则的说明:检查什么、为什么、示例、如何关闭",
           "what": "检查什么", "why": "为什么", "example": "报告中的例子", "silence": "如何关闭",
           "applies": "适用范围", "kind": "类别", "severity": "级别", "source": "定义于",
           "formats": "格式", "years": "年度", "levels": "机关层级", "organ_kinds": "机关类型",
           "reports": "发现问题时的提示:", "more": "英文详细说明: gaudit rules {id} --lang en",
           "pass": "通过", "fail": "不通过",
           "silence_text": ("本次运行: gaudit check --ignore {id} …\n"
                            "配置文件 .gaudit.yaml: ignore: [{id}]\n"
                            "只对某些文件: per-file-ignores: {{\"2023/某镇*.txt\": [{id}]}}\n"
                            "改变级别: --severity {id}=warning\n"
                            "接受已有问题: gaudit check --write-baseline accepted.json,"
                            "之后 --baseline accepted.json")},
    "en": {"heads": ("rule", "severity", "kind", "name"),
           "hint": "gaudit rules ID explains one rule: what it checks, why, an example, how to silence it",
           "what": "What it checks", "why": "Why", "example": "Example from a report",
           "silence": "How to silence it", "applies": "Applies to", "kind": "kind",
           "severity": "severity", "source": "defined in", "formats": "formats", "years": "years",
           "levels": "organ levels", "organ_kinds": "organ kinds", "reports": "It reports:",
           "more": "", "pass": "PASS", "fail": "FAIL",
           "silence_text": ("this run: gaudit check --ignore {id} …\n"
                            "in .gaudit.yaml: ignore: [{id}]\n"
                            "for some files: per-file-ignores: {{\"2023/town*.txt\": [{id}]}}\n"
                            "another severity: --severity {id}=warning\n"
                            "accept what is there now: gaudit check --write-baseline accepted.json, "
                            "then --baseline accepted.json")},
}


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False, markup=False, emoji=False)


def print_catalogue(rules: Sequence[Rule], lang: str = "zh") -> None:
    """One line per rule (id, severity, kind, one-line title), under the file it comes from."""
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table

    labels = _LABELS["en" if lang == "en" else "zh"]
    console = _console()
    heads = labels["heads"]
    # The same widths in every file's table, so that the columns line up down the page.
    widths = [max([cell_len(heads[0]), *(cell_len(r.id) for r in rules)]),
              max([cell_len(heads[1]), *(len(r.severity.value) for r in rules)]),
              max([cell_len(heads[2]), *(cell_len(r.kind) for r in rules)])]
    # Under 100 columns the kind column goes (gaudit rules ID names it), so titles stay readable.
    narrow = console.width < 100
    if narrow:
        heads, widths = (heads[0], heads[1], heads[3]), widths[:2]
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
                cells = [escape_controls(rule.id), rule.severity.value, escape_controls(rule.kind),
                         escape_controls(rule.title(lang))]
                table.add_row(*(cells[:2] + cells[3:] if narrow else cells))
        console.print(escape_controls(source), style="bold")
        console.print(table)
    console.print(labels["hint"], style="dim")


_QUOTE = re.compile(r"``([^`]+)``")
_EXAMPLE = re.compile(r"^\s*\d+\.\s*(PASS|FAIL)\b[^—]*—\s*(.*)$")


def report_examples(doc: str, limit: int = 2) -> list[tuple[str, str]]:
    """``(PASS|FAIL, quoted report text)`` from a check's ``Examples`` section, failing
    ones first: the words of a report as a reviewer would see them."""
    if "Examples" not in doc:
        return []
    found: list[tuple[str, str]] = []
    for line in doc.split("Examples", 1)[1].splitlines():
        m = _EXAMPLE.match(line)
        quote = _QUOTE.search(m.group(2)) if m else None
        if m and quote:
            found.append((m.group(1), quote.group(1)))
    found.sort(key=lambda item: item[0] != "FAIL")
    return found[:limit]


def _applies(rule: Rule, labels: dict[str, Any]) -> list[str]:
    lines = []
    if rule.formats:
        lines.append(f"{labels['formats']}: {', '.join(rule.formats)}")
    if rule.years:
        lines.append(f"{labels['years']}: {rule.years[0] or ''}–{rule.years[1] or ''}")
    if rule.organ_levels:
        lines.append(f"{labels['levels']}: {', '.join(rule.organ_levels)}")
    if rule.organ_kinds:
        lines.append(f"{labels['organ_kinds']}: {', '.join(rule.organ_kinds)}")
    return lines


def _join_zh(paragraph: str) -> str:
    """One Chinese paragraph's lines joined: a space only between two ASCII letters or digits
    (``2021`` then ``format``), none where Chinese text or its punctuation meets the break."""
    out = ""
    for line in paragraph.split("\n"):
        line = line.strip()
        if not line:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalnum():
            out += " "
        out += line
    return out


def print_rule(rule: Rule, lang: str = "zh") -> None:
    """One rule for a reviewer, in ``lang``: what, why, an example, how to silence it."""
    from rich.text import Text

    from gaudit.findings import kind_title
    from gaudit.output.terminal import fold_cells
    from gaudit.rules import check_types

    en = lang == "en"
    labels = _LABELS["en" if en else "zh"]
    console = _console()

    def section(title: str, body: str) -> None:
        console.print()
        console.print(title, style="bold")
        room = max(console.width - 4, 20)
        for line in escape_controls(body).split("\n"):
            lead = len(line) - len(line.lstrip(" "))
            # Folded here (Chinese never broken before ,。」), under the section's indent.
            for piece in fold_cells(line.strip(), room - lead, en) or [""]:
                console.print(Text(" " * (2 + lead) + piece), no_wrap=True, overflow="crop")

    console.print(Text.assemble((escape_controls(rule.id), "bold"), " — ", escape_controls(rule.title(lang))))
    console.print(f"{labels['kind']}: {kind_title(rule.kind, lang)} ({rule.kind})    "
                  f"{labels['severity']}: {rule.severity.value}    "
                  f"{labels['source']}: {escape_controls(rule.source)}:{rule.line}", style="dim")
    message = rule.message.get("en" if en else "zh") or rule.message.get("zh", "")
    what = rule.description.strip().split("\n\n")[0] if en else rule.title(lang)
    # Placeholders are filled from the report: a reviewer sees where the words go.
    message = re.sub(r"\{[a-z_]+\}", "…", message)
    section(labels["what"], "\n".join([" ".join(what.split()), labels["reports"], "  " + message,
                                       *_applies(rule, labels)]))
    if en and rule.description.strip():
        rest = rule.description.strip().split("\n\n")[1:]
        if rest:
            section(labels["why"], "\n\n".join(" ".join(p.split()) for p in rest))
    zh_why = "" if en else rule.description_zh.strip()
    if zh_why:
        # Chinese lines are joined without spaces: a space inside Chinese text is a stray gap.
        section(labels["why"], "\n\n".join(_join_zh(p) for p in zh_why.split("\n\n")))
    check = check_types().get(rule.check)
    examples = [(verdict, text) for verdict, text in report_examples(check.doc if check else "")]
    shown = [f"{labels['pass' if v == 'PASS' else 'fail']}: {text}" for v, text in examples]
    shown += [e.rstrip() for e in rule.examples]
    if shown:
        section(labels["example"], "\n".join(shown))
    section(labels["silence"], labels["silence_text"].format(id=rule.id))
    if labels["more"] and not zh_why:
        console.print()
        console.print(labels["more"].format(id=rule.id), style="dim")
