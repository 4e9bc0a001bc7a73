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
    "ambiguous-value": ("单元格数值无法唯一确定", "cell value admits more than one reading"),
    "incomplete-table": ("统计表缺少行", "rows of a statutory table are absent"),
    "template-deviation": ("表格行与模板不符", "table rows deviate from the template"),
}


def kind_title(kind: str, lang: str = "zh") -> str:
    zh, en = KINDS.get(kind, (kind, kind))
    return en if lang == "en" else zh
