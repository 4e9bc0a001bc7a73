"""What the HTML page shows of one report, as text made safe and as inert JSON.

Nothing a report contains is trusted: every string from a file (its name, its text, the
words of a finding) goes through :func:`visible` (control characters, bidirectional
overrides and lone surrogates become visible ``[U+XXXX]`` marks) and then either
:func:`esc` (HTML) or :func:`json_script` (JSON inside ``<script type="application/json">``,
where ``<``, ``>``, ``&`` and U+2028/2029 are written as escapes, so no ``</script>`` can end
the block).  The page's script only ever sets ``textContent``.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from typing import Any

from gaudit.labels import TABLE_KEYS, section_title
from gaudit.model import AuditedFile, Finding, Table
from gaudit.output.html_layout import cell_keys
from gaudit.output.html_text import words

__all__ = ["anchor", "esc", "file_detail", "json_script", "location", "visible"]

# C0 and C1 controls (tab kept), bidirectional controls, zero-width no-break space, surrogates.
_HIDDEN = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_JSON_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                               "\u2028": "\\u2028", "\u2029": "\\u2029"})

#: Finding kinds that say a cell holds a wrong number (the expected one is shown beside it).
_WRONG_KINDS = frozenset({"total-mismatch", "balance-mismatch", "carryover-mismatch", "stock-mismatch",
                          "aggregate-mismatch", "implausible-value", "ambiguous-value"})
_MARKS = {"blank-cell": "blank", "invalid-value": "invalid", "narrative-mismatch": "note"}
#: Lines of original text shown around a finding's line, each side (when the audit kept them).
_CONTEXT = 2


def visible(text: str) -> str:
    """``text`` with every invisible or direction-changing character shown as ``[U+XXXX]``."""
    return _HIDDEN.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def esc(text: object) -> str:
    """Text for HTML content or a quoted attribute."""
    return html.escape(visible(str(text)), quote=True)


def json_script(value: Any) -> str:
    """JSON safe to stand inside ``<script type="application/json">``."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)


def anchor(path: str) -> str:
    """The page id of a report: stable for a path, whatever characters the path holds."""
    digest = hashlib.sha1(path.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()
    return "f-" + digest[:16]


def location(lang: str, line: int | None, page: int | None) -> str:
    w = words(lang)
    if line is None:
        return ""
    if page is not None:
        return w["page_line"].format(page=page, line=line)
    return w["line"].format(line=line)


def _facts(result: AuditedFile, lang: str) -> list[list[str]]:
    w, facts = words(lang), result.facts
    pairs: list[tuple[str, object]] = [
        ("fact_title", facts.title), ("fact_organ", facts.organ),
        ("fact_level", w.get(f"level_{facts.organ_level}") if facts.organ_level else None),
        ("fact_kind", w.get(f"kind_{facts.organ_kind}") if facts.organ_kind else None),
        ("fact_year", facts.year), ("fact_period", facts.period_year), ("fact_template", facts.template),
        ("fact_format", result.format.value), ("fact_encoding", result.encoding),
        ("fact_script", w.get(result.script)),
    ]
    return [[w[key], visible(str(value))] for key, value in pairs if value not in (None, "")]


def _outline(result: AuditedFile, lang: str) -> list[list[Any]]:
    """Sections in file order (present, repeated or out of order), then the missing ones."""
    out: list[list[Any]] = []
    seen: set[int] = set()
    highest = 0
    for s in result.sections:
        state = "duplicate" if s.number in seen else "out_of_order" if s.number < highest else "present"
        seen.add(s.number)
        highest = max(highest, s.number)
        where = location(lang, s.position.line, s.position.page)
        out.append([s.number, section_title(s.number).get(lang), visible(s.heading), where, state])
    out.extend([n, section_title(n).get(lang), "", "", "missing"] for n in range(1, 7) if n not in seen)
    return out


def _value(table: Table, row: str, column: str) -> str:
    cell = table.cell(row, column)
    if cell is None:
        return ""
    if cell.raw:
        return visible(cell.raw)
    return "" if cell.value is None else str(cell.value)


def _blank(table: Table, row: str, column: str) -> bool:
    cell = table.cell(row, column)
    return cell is not None and cell.value is None and not cell.raw


def _cells_hit(f: Finding, table: Table, index: dict[tuple[str, str], int]) -> list[int]:
    """The cells a finding stands for: the one it names; a row's or column's cells when it
    names only one of them; for a blank cell, the blank cells of its row it speaks for."""
    if f.row is not None and f.column is not None:
        if (f.row, f.column) not in index:
            return []
        named = [index[f.row, f.column]]
        if f.kind != "blank-cell":
            return named
        return [i for (row, column), i in index.items() if row == f.row and _blank(table, row, column)] or named
    return [i for (row, column), i in index.items() if f.row in (None, row) and f.column in (None, column)]


def _marks(table: Table, findings: tuple[Finding, ...], lang: str) -> list[list[Any]]:
    """[cell index, mark, note] for each cell a finding points at."""
    key, fmt = table.key, table.template
    w = words(lang)
    index = {rc: i for i, rc in enumerate(cell_keys(key, fmt))}
    marks: dict[int, list[Any]] = {}
    for f in findings:
        if f.table != key or (f.row is None and f.column is None):
            continue
        mark = _MARKS.get(f.kind) or ("wrong" if f.kind in _WRONG_KINDS else None)
        if mark is None:
            continue
        note = ""
        if mark == "wrong" and f.expected is not None:
            note = w["expected"].format(value=f.expected)
        elif mark == "note" and f.actual is not None:
            note = w["text_says"].format(value=visible(str(f.actual)))
        for i in _cells_hit(f, table, index):
            marks.setdefault(i, [i, mark, note])
    return sorted(marks.values())


def _tables(result: AuditedFile, lang: str) -> list[list[Any]]:
    out: list[list[Any]] = []
    for key in TABLE_KEYS:
        table = result.tables.get(key)
        if table is None:
            out.append([key, None, None, []])
            continue
        fmt = table.template
        values = [_value(table, row, column) for row, column in cell_keys(key, fmt)]
        out.append([key, fmt, values, _marks(table, result.findings, lang)])
    return out


def _quote(result: AuditedFile, f: Finding) -> list[list[Any]]:
    """The finding's line of original text, with the lines around it the audit kept."""
    lines = result.quoted_lines
    shift = f.line - f.hit.line
    near = range(f.hit.line - _CONTEXT, f.hit.line + _CONTEXT + 1)
    return [[n + shift, visible(lines[n]), n == f.hit.line] for n in near if n in lines]


def _finding(result: AuditedFile, f: Finding, lang: str) -> list[Any]:
    related = [[visible(r.path), anchor(r.path), location(lang, r.line, r.page)] for r in f.related]
    return [f.severity.value, visible(f.rule), f.kind, visible(f.message.get(lang)),
            location(lang, f.line, f.page), _quote(result, f), related]


def file_detail(result: AuditedFile, lang: str) -> dict[str, Any]:
    """Everything the page draws for one report when its details are opened."""
    return {
        "facts": _facts(result, lang),
        "outline": _outline(result, lang),
        "tables": _tables(result, lang),
        "findings": [_finding(result, f, lang) for f in result.findings],
    }
