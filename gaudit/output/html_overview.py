"""The overview at the top of the HTML report: what was audited and what was found.

Written at the end of the run from counters (the summary, the organs and years seen) and
the spooled list of files that could not be read; an empty run says so plainly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gaudit.findings import kind_title
from gaudit.output.html_data import esc
from gaudit.output.html_text import words

if TYPE_CHECKING:
    from gaudit.summary import Summary

__all__ = ["overview"]

#: Organs listed openly; beyond this many the list is folded.
_OPEN_ORGANS = 40


def _card(label: str, value: int, cls: str = "") -> str:
    return f'<div class="card {cls}" data-count="{cls or "files"}"><b>{value}</b>{esc(label)}</div>'


def _chips(counts: dict[str, int] | dict[int, int], fold: str | None = None) -> str:
    items = "".join(f"<li>{esc(name)} <span class=\"muted\">({n})</span></li>" for name, n in sorted(counts.items()))
    chips = f'<ul class="chips">{items}</ul>'
    if fold is not None and len(counts) > _OPEN_ORGANS:
        return f"<details><summary>{esc(fold)}</summary>{chips}</details>"
    return chips


def _kinds(summary: Summary, lang: str) -> str:
    w = words(lang)
    if not summary.by_kind:
        return f"<p>{esc(w['no_findings'])}</p>"
    rows = "".join(
        f'<tr data-kind="{esc(kind)}"><td>{esc(kind_title(kind, lang))}</td><td class="rule">{esc(kind)}</td>'
        f'<td class="num">{n}</td></tr>'
        for kind, n in sorted(summary.by_kind.items(), key=lambda kv: (-kv[1], kv[0])))
    return (f'<table id="by-kind"><thead><tr><th colspan="2">{esc(w["kind"])}</th><th>{esc(w["count"])}</th>'
            f"</tr></thead><tbody>{rows}</tbody></table>")


def overview(summary: Summary, organs: dict[str, int], years: dict[int, int], failed_html: str,
             lang: str) -> str:
    """The overview section's HTML."""
    w = words(lang)
    if not summary.files:
        return f'<section id="overview"><h2>{esc(w["overview"])}</h2><p id="empty-run">{esc(w["no_files"])}</p>' \
               "</section>\n"
    cards = "".join((
        _card(w["files_audited"], summary.files),
        _card(w["files_read"], summary.files - summary.failed, "read"),
        _card(w["files_failed"], summary.failed, "failed"),
        _card(w["files_clean"], summary.clean, "clean"),
        _card(w["files_with_errors"], summary.with_errors, "with-errors"),
        _card(w["findings"], summary.findings, "findings"),
    ))
    severity = "".join(
        f'<tr><td class="sev sev-{s}">{esc(w[s])}</td><td class="num" data-severity="{s}">{n}</td></tr>'
        for s, n in (("error", summary.errors), ("warning", summary.warnings), ("info", summary.infos)))
    failed = (f"<h3>{esc(w['failed_files'])}</h3><ul id=\"failed\">{failed_html}</ul>" if summary.failed else "")
    return (
        f'<section id="overview"><h2>{esc(w["overview"])}</h2><div class="cards">{cards}</div>'
        f'<div class="lists"><div class="narrow"><h3>{esc(w["by_severity"])}</h3><table id="by-severity"><tbody>'
        f'{severity}</tbody></table><h3>{esc(w["years_found"])}</h3>{_chips(years) if years else esc(w["none"])}'
        f'</div><div><h3>{esc(w["by_kind"])}</h3>{_kinds(summary, lang)}</div>'
        f'<div><h3>{esc(w["organs_found"])}</h3>{_chips(organs, w["organs_found"]) if organs else esc(w["none"])}'
        f"</div></div>{failed}</section>\n")
