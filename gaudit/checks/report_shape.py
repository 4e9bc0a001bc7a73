"""report-shape: decide whether the file is a statutory annual report at all.

With ``when: no-statutory-content`` (the default) the check fires when the file
holds none of the three statutory tables and either

* its title names another kind of document (``other_titles``: a 自查报告, a work
  plan, a notice), or
* fewer than ``min_sections`` of the six statutory sections were found and its
  title does not call it an annual report (``report_titles``): a news item, a
  scraped page, a self-inspection whose 二、存在问题 looks like a section heading.

A report that names itself an annual report but lost most of its sections is a
report with missing sections, not a non-report.  With ``when: year-before`` the
check fires when the report says it covers a year before ``year`` (the title's
year, else the statistics period's): reports before 2019 follow older, free
formats that gaudit does not audit.  The engine keeps only this finding for such
a file.

Parameters
----------
when : "no-statutory-content" | "year-before" | "format-notice", default "no-statutory-content"
    Which test decides that the file is not a report gaudit can audit (``format-notice``:
    the file is the notice issuing the format, see ``format_notice``).
year : int, default 2019
    With ``when: year-before``: the first year of the statutory format.
min_sections : int, default 3
    With ``when: no-statutory-content``: fewer sections than this (and no table)
    is not a report, unless the title says it is one.
report_titles : str, default "(?:20\\d{2}|二[〇○零]).*(?:年度报告|年报)$"
    A regular expression: a title matching it names an annual report (a year, and the
    words 年度报告 or 年报 at its end; a list page headed 政府信息公开年报 names none).
other_titles : str, default "自查|工作要点|工作计划|实施方案|工作方案|考核|评估|简报|(?:通知|公告|公示|通报)$"
    A regular expression: a title matching it names another kind of document, e.g. the
    notice ``关于公布…年度报告的公告`` that links to a report but is not one.

format_notice : str, default "关于印发.{0,40}年度报告格式"
    With ``when: format-notice``: a regular expression; a title matching it names the State Council office's notice that
    issues the format; republished with its blank template (sections and tables), it is
    still no report.  A file opening with the notice's salutation (各省、自治区、直辖市人民
    政府办公厅) and naming the 年度报告格式 counts the same.

A file with a statutory section holding only a table's caption (its table published as a
picture) is a report too: ``required-table`` says its table cannot be read.  A file
without a title whose preface presents a report (``现公布辽阳市2023年政府信息公开
工作年度报告``) is a report, however few of its sections were found.

Titles are matched in Simplified script.  Placeholders: ``{year}`` (the report's
year, when known); with ``no-statutory-content``, ``{reason}``: which test applied, in
words (the title naming another document, quoted as written; or how many statutory
sections were found).

Examples
--------
1. PASS — title ``某县民政局2022年政府信息公开工作年度报告`` and the heading
   ``三、收到和处理政府信息公开申请情况`` with no table under it.
2. PASS — a file with no recognised heading but an applications table.
3. FAIL — ``XX镇2021年度政务公开工作自查报告`` with its own headings 一、自查情况,
   二、存在问题, 三、下一步措施 and no table: one hit at line 1.
4. FAIL — a news item with no statutory heading and no table: one hit at line 1.
5. FAIL — ``关于公布明沟县人民政府2023年政府信息公开工作年度报告的公告``, a notice with a
   link to the report: one hit at line 1.
8. FAIL (``when: format-notice``) — ``国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度
   报告格式》的通知`` followed by the blank template's sections and tables: one hit at line 1.
6. PASS (``when: year-before``) — title ``…2019年政府信息公开工作年度报告``.
7. FAIL (``when: year-before``) — title ``…2017年政府信息公开工作年度报告``: one hit at line 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks.base import CheckType, Hit, Param, Text, compiled
from gaudit.checks.required_table import pictured
from gaudit.model import Document
from gaudit.normalize import fold
from gaudit.template import TABLE_SECTION

#: Characters at the start of a file searched for how it opens.
_OPENING = 600
#: The State Council office's notice as republished: addressed to the provincial offices.
_NOTICE_SALUTATION_RE = re.compile(r"各省、?自治区、?直辖市人民政府办公厅")
#: A preface presenting its report: 现公布辽阳市2023年政府信息公开工作年度报告.
_PREFACE_NAMES_REPORT_RE = re.compile(
    r"(?:现公布|现予公布|现将|特此公布|予以公布|现发布)[^。\n]{0,40}?(?:20\d{2}|二[〇○零]..)年度?"
    r"(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)")


def _notice_opening(doc: Document) -> bool:
    """The file opens as the format notice: addressed to the provincial offices, about the format."""
    head = doc.normalized.text[:_OPENING]
    return bool(_NOTICE_SALUTATION_RE.search(head)) and "年度报告格式" in head


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    if params["when"] == "year-before":
        year = doc.facts.title_year or doc.facts.period_year
        if year is not None and year < params["year"]:
            yield Hit(1, 1, {"year": year})
        return
    title = fold(doc.facts.title or "")
    if params["when"] == "format-notice":
        if compiled(params["format_notice"]).search(title) or _notice_opening(doc):
            yield Hit(1, 1)  # the format notice with its blank template: a template, no report
        return
    if doc.tables:
        return
    if any(pictured(doc, n) for n in TABLE_SECTION.values()):
        return  # a report whose tables are pictures: required-table says so
    if not title and _PREFACE_NAMES_REPORT_RE.search(doc.normalized.text, 0, _OPENING):
        return  # a report opening with its preface (…现公布XX市2023年政府信息公开工作年度报告。)
    if title and compiled(params["other_titles"]).search(title):
        written = doc.facts.title or ""
        yield Hit(1, 1, {"reason": Text(f"标题「{written}」表明是其他文件",
                                        f"the title 「{written}」 names another kind of document")})
        return
    found = len(doc.sections)
    if found < params["min_sections"] and not (
            title and compiled(params["report_titles"]).search(title)):
        yield Hit(1, 1, {"reason": Text(
            f"六个法定章节只找到 {found} 个(至少应有 {params['min_sections']} 个)",
            f"only {found} of the six statutory sections found (at least {params['min_sections']} needed)")})


CHECK = CheckType(
    name="report-shape",
    doc=__doc__ or "",
    params={
        "when": Param("choice", "which test decides", "no-statutory-content",
                      ("no-statutory-content", "year-before", "format-notice")),
        "year": Param("int", "first year of the statutory format", 2019),
        "min_sections": Param("int", "fewer sections (and no table) is no report", 3),
        "report_titles": Param("regex", "a title naming an annual report",
                               r"(?:20\d{2}|二[〇○零]).*(?:年度报告|年报)$"),
        "other_titles": Param("regex", "a title naming another kind of document",
                              "自查|工作要点|工作计划|实施方案|工作方案|考核|评估|简报|(?:通知|公告|公示|通报)$"),
        "format_notice": Param("regex", "a title naming the format notice (tables or not)",
                               r"关于印发.{0,40}年度报告格式"),
    },
    placeholders=frozenset({"year", "reason"}),
    run=run,
)
