"""``check --format xlsx -o findings.xlsx``: findings, files and organs as three sheets.

For the reviewers who work in Excel: a sheet of findings (one row per finding, and one per
file that could not be read), a sheet of files (organ, year, template, counts) and a sheet
of organs (their files, years and counts).  Headers are frozen and filtered, widths fit
what was written, and no cell is ever a formula.  Rows are written as files arrive; only
the per-organ counters are kept until the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from gaudit.findings import kind_title
from gaudit.labels import section_title, table_title
from gaudit.model import AuditedFile, FailedFile, FileResult, Finding
from gaudit.output.base import OutputOptions
from gaudit.output.xlsx_book import Sheet, binary_target, open_workbook

if TYPE_CHECKING:
    from gaudit.summary import Summary

__all__ = ["SHEETS", "XlsxCheckWriter"]

#: Sheet names by language: findings, files, organs.
SHEETS = {"zh": ("问题", "文件", "机关"), "en": ("findings", "files", "organs")}

_HEADERS = {
    "zh": (
        ("文件", "页", "行", "列", "严重程度", "规则", "类别", "类别说明", "章节", "表格", "行项目", "栏目",
         "应为", "实为", "说明"),
        ("文件", "状态", "机关", "层级", "年度", "模板", "格式", "编码", "错误", "警告", "提示", "无法读取的原因"),
        ("机关", "层级", "文件数", "年度", "错误", "警告", "提示"),
    ),
    "en": (
        ("file", "page", "line", "col", "severity", "rule", "kind", "kind title", "section", "table", "row",
         "column", "expected", "found", "message"),
        ("file", "status", "organ", "level", "year", "template", "format", "encoding", "errors", "warnings",
         "infos", "why unreadable"),
        ("organ", "level", "files", "years", "errors", "warnings", "infos"),
    ),
}
_WORDS = {
    "zh": {"ok": "已审查", "error": "无法读取", "unreadable": "无法读取", "severity_error": "错误",
           "severity_warning": "警告", "severity_info": "提示", "no_organ": "(未识别)",
           "township": "乡镇级", "county": "县级", "city": "市级", "province": "省级", "national": "国家级"},
    "en": {"ok": "audited", "error": "unreadable", "unreadable": "unreadable", "severity_error": "error",
           "severity_warning": "warning", "severity_info": "info", "no_organ": "(not found)",
           "township": "township", "county": "county", "city": "city", "province": "province",
           "national": "national"},
}


@dataclass
class _Organ:
    level: str = ""
    files: int = 0
    years: set[int] = field(default_factory=set)
    counts: list[int] = field(default_factory=lambda: [0, 0, 0])


def _counts(result: AuditedFile) -> list[int]:
    counts = [0, 0, 0]
    for f in result.findings:
        counts[("error", "warning", "info").index(f.severity.value)] += 1
    return counts


class XlsxCheckWriter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self._lang = "en" if options.lang == "en" else "zh"
        self._words = _WORDS[self._lang]
        self._book = open_workbook(binary_target(stream, options))
        bold = self._book.add_format({"bold": True, "bg_color": "#DDDDDD", "border": 1, "text_wrap": True})
        names, headers = SHEETS[self._lang], _HEADERS[self._lang]
        self._findings = Sheet(self._book, names[0], headers[0], bold=bold, freeze_cols=1)
        self._files = Sheet(self._book, names[1], headers[1], bold=bold, freeze_cols=1)
        self._organs_sheet = Sheet(self._book, names[2], headers[2], bold=bold, freeze_cols=1)
        self._organs: dict[str, _Organ] = {}

    def start(self) -> None:
        pass

    def add(self, result: FileResult) -> None:
        w = self._words
        if isinstance(result, FailedFile):
            message = result.error.message.get(self._lang)
            self._findings.append((result.path, None, None, None, w["severity_error"], "gaudit", "unreadable",
                                   w["unreadable"], None, None, None, None, None, None, message))
            self._files.append((result.path, w["error"], None, None, None, None, None, None, None, None, None,
                                message))
            return
        for f in result.findings:
            self._findings.append(self._finding_row(result.path, f))
        facts = result.facts
        counts = _counts(result)
        level = w.get(facts.organ_level or "", "")
        self._files.append((result.path, w["ok"], facts.organ, level, facts.year, facts.template,
                            result.format.value, result.encoding, *counts, None))
        organ = self._organs.setdefault(facts.organ or w["no_organ"], _Organ(level))
        organ.files += 1
        if facts.year is not None:
            organ.years.add(facts.year)
        organ.counts = [a + b for a, b in zip(organ.counts, counts, strict=True)]

    def _finding_row(self, path: str, f: Finding) -> tuple[object, ...]:
        lang = self._lang
        section = section_title(f.section).get(lang) if f.section else None
        table = table_title(f.table).get(lang) if f.table else None
        row = f.row_label.get(lang) if f.row_label else f.row
        column = f.column_label.get(lang) if f.column_label else f.column
        return (path, f.page, f.line, f.col, self._words[f"severity_{f.severity.value}"], f.rule, f.kind,
                kind_title(f.kind, lang), section, table, row, column, f.expected, f.actual, f.message.get(lang))

    def finish(self, summary: Summary) -> None:
        for name in sorted(self._organs):
            organ = self._organs[name]
            years = ", ".join(str(y) for y in sorted(organ.years))
            self._organs_sheet.append((name, organ.level, organ.files, years, *organ.counts))
        for sheet in (self._findings, self._files, self._organs_sheet):
            sheet.close()
        self._book.close()
