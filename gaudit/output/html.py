"""``--format html -o report.html``: one self-contained page for the people who review reports.

The page holds an overview (files, findings by severity and kind, organs and years found,
files that could not be read and why), a table of files that sorts and filters by
severity, kind and organ, and one section per report.  Each report's details (facts, the
section outline, the three statutory tables laid out as the template lays them out with
blank, invalid and wrong cells marked where they stand, every finding with its line of
original text) travel as inert JSON and are drawn by a small inline script when opened, so
a page of 2,000 reports opens quickly; runs of a few files open every report at once, and
printing opens them all.  Styles and script are inline and a Content-Security-Policy forbids
every request: the file works from a USB stick.

The writer streams: the file table's rows and the report sections are spooled as files
arrive (to a temporary file beyond a few MB, as the JUnit writer does) and only counters
are kept; the overview, known only at the end, is written first at :meth:`finish`.
"""

from __future__ import annotations

import shutil
import tempfile
from typing import IO, TYPE_CHECKING, TextIO

from gaudit.findings import KINDS, kind_title
from gaudit.i18n import as_lang
from gaudit.labels import TABLE_KEYS, table_title
from gaudit.model import AuditedFile, FailedFile, FileResult
from gaudit.output.html_assets import CSP, SCRIPT, STYLE
from gaudit.output.html_data import anchor, esc, file_detail, json_script
from gaudit.output.html_layout import layout
from gaudit.output.html_overview import overview
from gaudit.output.html_text import words

if TYPE_CHECKING:
    from gaudit.output.base import OutputOptions
    from gaudit.summary import Summary

__all__ = ["EAGER_FILES", "HtmlWriter"]

#: Runs of at most this many files open every report's details when the page loads.
EAGER_FILES = 25
_SPOOL_IN_MEMORY = 4 * 1024 * 1024
_SEVERITIES = ("error", "warning", "info")


def _spool() -> IO[str]:
    return tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY, mode="w+", encoding="utf-8")


def _state(counts: dict[str, int]) -> str:
    return next((s for s in _SEVERITIES if counts[s]), "clean")


class HtmlWriter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self._stream = stream
        self._lang = as_lang(options.lang)
        self._w = words(self._lang)
        self._version = options.tool_version
        self._rows = _spool()
        self._reports = _spool()
        self._failed = _spool()
        self._organs: dict[str, int] = {}
        self._years: dict[int, int] = {}

    def start(self) -> None:
        pass

    def add(self, result: FileResult) -> None:
        if isinstance(result, FailedFile):
            self._add_failed(result)
        else:
            self._add_audited(result)

    def _add_failed(self, result: FailedFile) -> None:
        w, target = self._w, anchor(result.path)
        reason = w["unreadable_reason"].format(kind=result.error.kind, message=result.error.message.get(self._lang))
        self._rows.write(
            f'<tr data-target="{target}" data-state="failed" data-e="0" data-w="0" data-kinds="" data-organ=""'
            f' data-path="{esc(result.path)}"><td class="path"><a href="#{target}">{esc(result.path)}</a></td>'
            f'<td></td><td></td><td></td><td class="sev sev-error">{esc(w["unreadable"])}</td>'
            + '<td class="num" data-v="-1"></td>' * 3 + "</tr>\n")
        self._reports.write(
            f'<section class="report failed" id="{target}"><h2 class="path">{esc(result.path)}</h2>'
            f'<p class="failed-reason">{esc(reason)}</p></section>\n')
        self._failed.write(f'<li><a class="path" href="#{target}">{esc(result.path)}</a>: {esc(reason)}</li>\n')

    def _add_audited(self, result: AuditedFile) -> None:
        w, facts, target = self._w, result.facts, anchor(result.path)
        counts = dict.fromkeys(_SEVERITIES, 0)
        kinds: dict[str, None] = {}
        for f in result.findings:
            counts[f.severity.value] += 1
            kinds[f.kind] = None
        organ = facts.organ or ""
        if organ:
            self._organs[organ] = self._organs.get(organ, 0) + 1
        if facts.year is not None:
            self._years[facts.year] = self._years.get(facts.year, 0) + 1
        cells = [f'<td class="path"><a href="#{target}">{esc(result.path)}</a></td>', f"<td>{esc(organ)}</td>",
                 f'<td class="num">{facts.year or ""}</td>', f"<td>{facts.template or ''}</td>",
                 f"<td>{esc(result.format.value)}</td>"]
        cells += [f'<td class="num" data-v="{counts[s]}">{counts[s]}</td>' for s in _SEVERITIES]
        self._rows.write(
            f'<tr data-target="{target}" data-state="{_state(counts)}" data-e="{counts["error"]}" '
            f'data-w="{counts["warning"]}" data-kinds="{esc(" ".join(kinds))}" data-organ="{esc(organ)}" '
            f'data-path="{esc(result.path)}">{"".join(cells)}</tr>\n')
        about = " · ".join(esc(x) for x in (organ, facts.year, facts.template, result.format.value) if x)
        tally = " ".join(f'<span class="sev sev-{s}">{esc(w[s])} {counts[s]}</span>' for s in _SEVERITIES
                         if counts[s]) or esc(w["no_findings"])
        self._reports.write(
            f'<section class="report" id="{target}"><h2 class="path">{esc(result.path)}</h2>'
            f'<p class="summary-line">{about} — {tally}</p>'
            f'<button class="show no-print" type="button">{esc(w["show"])}</button>'
            f'<div class="detail" hidden></div>'
            f'<script type="application/json" class="data">{json_script(file_detail(result, self._lang))}</script>'
            f"</section>\n")

    def finish(self, summary: Summary) -> None:
        out, w = self._stream, self._w
        out.write(f'<!DOCTYPE html>\n<html lang="{w["html_lang"]}"><head><meta charset="utf-8">\n'
                  f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
                  f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                  f'<meta name="referrer" content="no-referrer">\n'
                  f"<title>{esc(w['title'])}</title>\n<style>{STYLE}</style></head>\n<body>\n"
                  f"<header><h1>{esc(w['title'])}</h1>"
                  f'<p class="muted">{esc(w["generated"].format(version=self._version))}</p></header>\n'
                  f'<noscript><p class="failed-reason">{esc(w["noscript"])}</p></noscript>\n')
        self._failed.seek(0)
        out.write(overview(summary, self._organs, self._years, self._failed.read(), self._lang))
        if summary.files:
            self._write_files(summary)
        out.write(self._data(summary))
        out.write(f"<script>{SCRIPT}</script>\n</body></html>\n")
        out.flush()
        for spool in (self._rows, self._reports, self._failed):
            spool.close()

    def _write_files(self, summary: Summary) -> None:
        out, w = self._stream, self._w
        options = "".join(f'<option value="{esc(k)}">{esc(kind_title(k, self._lang))}</option>'
                          for k in sorted(summary.by_kind))
        organs = "".join(f'<option value="{esc(o)}">{esc(o)}</option>' for o in sorted(self._organs))
        severities = "".join(f'<option value="{v}">{esc(w[k])}</option>' for v, k in (
            ("", "all"), ("error", "only_errors"), ("warning", "only_warnings"), ("clean", "only_clean"),
            ("failed", "only_failed")))
        heads = "".join(f"<th{' data-num' if num else ''}>{esc(w[k])}</th>" for k, num in (
            ("col_file", False), ("col_organ", False), ("col_year", True), ("col_template", False),
            ("col_format", False), ("col_errors", True), ("col_warnings", True), ("col_infos", True)))
        out.write(
            f'<section id="file-list"><h2>{esc(w["file_table"])}</h2><div class="controls">'
            f'<label>{esc(w["filter_severity"])}<select id="f-sev">{severities}</select></label>'
            f'<label>{esc(w["filter_kind"])}<select id="f-kind"><option value="">{esc(w["all"])}</option>'
            f"{options}</select></label>"
            f'<label>{esc(w["filter_organ"])}<select id="f-organ"><option value="">{esc(w["all"])}</option>'
            f"{organs}</select></label>"
            f'<label>{esc(w["filter_text"])}<input id="f-text" type="search"></label>'
            f'<span id="shown" class="muted"></span><span class="muted">{esc(w["sort_hint"])}</span></div>\n'
            f'<table id="files"><thead><tr>{heads}</tr></thead><tbody>\n')
        self._rows.seek(0)
        shutil.copyfileobj(self._rows, out)
        out.write(f'</tbody></table></section>\n<main id="reports"><h2>{esc(w["reports"])}</h2>'
                  f'<p class="no-print"><button id="expand-all" type="button">{esc(w["expand_all"])}</button> '
                  f'<button id="print" type="button">{esc(w["print"])}</button></p>\n')
        self._reports.seek(0)
        shutil.copyfileobj(self._reports, out)
        out.write("</main>\n")

    def _data(self, summary: Summary) -> str:
        lang = self._lang
        layouts = {f"{t}/{fmt}": layout(t, fmt, lang) for t in TABLE_KEYS for fmt in ("2019", "2021")}
        config = {
            "eager": summary.files <= EAGER_FILES,
            "kinds": {k: kind_title(k, lang) for k in sorted({*KINDS, *summary.by_kind})},
            "titles": {t: table_title(t).get(lang) for t in TABLE_KEYS},
        }
        return "".join(f'<script type="application/json" id="gaudit-{name}">{json_script(value)}</script>\n'
                       for name, value in (("words", self._w), ("layouts", layouts), ("config", config)))
