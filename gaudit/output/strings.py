"""The words the human formats add around findings, one small dict per language.

Findings carry their own (already localised) messages; these are only the
labels, headers and summary sentences of the terminal and concise writers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gaudit.summary import Summary

ZH: dict[str, str] = {
    "error": "错误",
    "warning": "警告",
    "info": "提示",
    "simplified": "简体",
    "traditional": "繁体",
    "year": "{year}年度",
    "template": "{template}版模板",
    "page_position": "第{page}页 {line}:{col}",
    "level_township": "(乡镇级)",
    "level_county": "(县级)",
    "level_city": "(市级)",
    "level_province": "(省级)",
    "level_national": "(国家级)",
    "format_text": "文本",
    "format_html": "网页",
    "format_pdf": "PDF",
    "format_docx": "Word",
    "format_doc": "Word 97-2003",
    "format_ofd": "OFD",
    "row": "行",
    "column": "列",
    "expected_actual": "应为 {expected},实为 {actual}",
    "expected_only": "应为 {expected}",
    "actual_only": "实为 {actual}",
    "unreadable": "无法读取:{message}",
    "unreadable_kind": "无法读取({kind}):{message}",
    "files_line": "审查文件 {files} 个:无问题 {clean} 个,有错误 {with_errors} 个,仅有警告 {with_warnings} 个"
                  "{infos_part},无法读取 {failed} 个",
    "infos_part": ",仅有提示 {with_infos} 个",
    "listing_hidden": "(列表中未显示警告和提示 {hidden} 个)",
    "findings_line": "发现问题 {total} 个:错误 {errors} 个,警告 {warnings} 个,提示 {infos} 个",
    "no_findings": "未发现问题",
    "by_kind": "按类别:",
    "statistics": "按规则统计:",
    "col_count": "次数",
    "col_rule": "规则",
    "col_kind": "类别",
    "concise_found": "在 {files} 个文件中发现 {problems} 个问题(错误 {errors} 个,警告 {warnings} 个,"
                     "提示 {infos} 个{failed_part})。",
    "concise_failed_part": ",无法读取 {failed} 个",
    "concise_none": "已审查 {files} 个文件,未发现问题。",
}

EN: dict[str, str] = {
    "error": "error",
    "warning": "warning",
    "info": "info",
    "simplified": "Simplified",
    "traditional": "Traditional",
    "year": "year {year}",
    "template": "{template} template",
    "page_position": "p.{page} {line}:{col}",
    "level_township": "(township)",
    "level_county": "(county)",
    "level_city": "(city)",
    "level_province": "(province)",
    "level_national": "(national)",
    "format_text": "text",
    "format_html": "web page",
    "format_pdf": "PDF",
    "format_docx": "Word",
    "format_doc": "Word 97-2003",
    "format_ofd": "OFD",
    "row": "row",
    "column": "column",
    "expected_actual": "expected {expected}, found {actual}",
    "expected_only": "expected {expected}",
    "actual_only": "found {actual}",
    "unreadable": "unreadable: {message}",
    "unreadable_kind": "unreadable ({kind}): {message}",
    "files_line": "{files} files audited: {clean} clean, {with_errors} with errors, {with_warnings} with "
                  "warnings only{infos_part}, {failed} unreadable",
    "infos_part": ", {with_infos} with infos only",
    "listing_hidden": "({hidden} warnings and infos not listed)",
    "findings_line": "{total} problems: {errors} errors, {warnings} warnings, {infos} infos",
    "no_findings": "No problems found",
    "by_kind": "By kind:",
    "statistics": "By rule:",
    "col_count": "count",
    "col_rule": "rule",
    "col_kind": "kind",
    "concise_found": "Found {problems} problems in {files} files ({errors} errors, {warnings} warnings, "
                     "{infos} infos{failed_part}).",
    "concise_failed_part": ", {failed} unreadable",
    "concise_none": "No problems found in {files} files.",
}


def strings(lang: str) -> dict[str, str]:
    """The label dict for ``lang`` (anything but ``en`` is Chinese)."""
    return EN if lang == "en" else ZH


# "1 problems" -> "1 problem": English sentences are built from plural templates.
_ONE_PLURAL = re.compile(r"(?<![\d.])1 (problem|file|error|warning|info)s\b")


def files_line(summary: Summary, lang: str) -> str:
    """``10 files audited: 2 clean, …``: every file in exactly one bucket."""
    s = strings(lang)
    infos = s["infos_part"].format(with_infos=summary.with_infos) if summary.with_infos else ""
    return fix_plurals(s["files_line"].format(
        files=summary.files, clean=summary.clean, with_errors=summary.with_errors,
        with_warnings=summary.with_warnings, infos_part=infos, failed=summary.failed), lang)


def fix_plurals(text: str, lang: str) -> str:
    """Singular nouns after the number 1 in English; Chinese has no plural."""
    return _ONE_PLURAL.sub(r"1 \1", text) if lang == "en" else text
