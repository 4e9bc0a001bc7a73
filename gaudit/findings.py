"""The catalogue of finding kinds and severities.

Rules are many; kinds are few and stable, so scripts can count them (the
frictionless-py idea of an error catalogue kept apart from the checks that
raise it).  Each kind carries a short title in Chinese and English.
"""

from __future__ import annotations

from enum import Enum


class Severity(str, Enum):
    """How serious a finding is; ordered ``info < warning < error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls(text.strip().lower())


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}

#: kind -> (Chinese title, English title)
KINDS: dict[str, tuple[str, str]] = {
    "not-a-report": ("不是政府信息公开工作年度报告", "not a statutory annual report"),
    "scanned": ("扫描件:表格是图片,无法读取", "scanned: the tables are images gaudit cannot read"),
    "garbled-text": ("文字层乱码,无法读取", "garbled text layer: the text cannot be read"),
    "missing-section": ("缺少法定章节", "statutory section missing"),
    "section-order": ("章节重复或顺序错误", "sections duplicated or out of order"),
    "missing-table": ("缺少法定统计表", "statutory table missing"),
    "blank-cell": ("表格空白单元格", "blank table cell"),
    "invalid-value": ("单元格数值无效", "invalid cell value"),
    "total-mismatch": ("合计与分项之和不符", "total does not equal the sum of its parts"),
    "balance-mismatch": ("申请办理勾稽关系不平", "applications do not balance"),
    "narrative-mismatch": ("正文数字与表格不符", "text contradicts the table"),
    "outdated-template": ("使用了过时的表格模板", "outdated template"),
    "missing-fee-statement": ("未说明信息处理费收取情况", "no statement on processing fees"),
    "period-mismatch": ("统计期限与报告年度不符", "statistics period does not match the year"),
    "implausible-value": ("数值不合常理", "implausible value"),
    "encoding": ("文件编码错误", "file could not be decoded cleanly"),
    # Across reports (gaudit.cross): attached to the later (or the parent) report.
    "carryover-mismatch": ("上年结转与上年报告的结转下年度不符",
                           "carried over differs from last year's carried forward"),
    "stock-mismatch": ("现行有效件数与上年报告不衔接", "documents in force do not follow from last year's"),
    "copied-text": ("正文与另一份报告雷同", "text copied from another report"),
    "duplicate-report": ("同一机关同一年度的重复报告", "two reports of the same organ and year"),
    "aggregate-mismatch": ("上级数据与下级报告之和不符", "parent's figures differ from the sum of its children's"),
    "ambiguous-value": ("单元格数值无法唯一确定", "cell value admits more than one reading"),
    "incomplete-table": ("统计表缺少行", "rows of a statutory table are absent"),
    "template-deviation": ("表格行与模板不符", "table rows deviate from the template"),
}


def kind_title(kind: str, lang: str = "zh") -> str:
    zh, en = KINDS.get(kind, (kind, kind))
    return en if lang == "en" else zh


#: Kinds that speak for the whole file: when one fires, no other rule runs on it (their
#: findings would be symptoms of it), in this order.
GATE_KINDS: tuple[str, ...] = ("scanned", "garbled-text", "not-a-report")
