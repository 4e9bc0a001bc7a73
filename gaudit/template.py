"""The statutory format as data: sections, tables, rows, columns, labels.

Source: 国办公开办函〔2019〕60号 (format ``2019``) and 国办公开办函〔2021〕30号
(format ``2021``), as summarised in the project's domain reference.  Keys are
part of gaudit's public output; labels are the template's own words in
Simplified script, as the matching code sees text after normalisation.
"""

from __future__ import annotations

from dataclasses import dataclass

TEMPLATES: tuple[str, ...] = ("2019", "2021")
TABLE_KEYS: tuple[str, ...] = ("active", "applications", "reviews")

#: Which section holds which table.
TABLE_SECTION: dict[str, int] = {"active": 2, "applications": 3, "reviews": 4}

SECTION_HEADINGS: dict[int, str] = {
    1: "总体情况",
    2: "主动公开政府信息情况",
    3: "收到和处理政府信息公开申请情况",
    4: "政府信息公开行政复议、行政诉讼情况",
    5: "存在的主要问题及改进情况",
    6: "其他需要报告的事项",
}

TABLE_TITLES: dict[str, str] = {
    "active": "主动公开政府信息情况",
    "applications": "收到和处理政府信息公开申请情况",
    "reviews": "政府信息公开行政复议、行政诉讼情况",
}


#: Words of the tables' headers and rows that only one format has: they tell the formats
#: apart (folded: no spaces, brackets or slashes).
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "2021": ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额",
             "逾期不补正", "逾期未按收费通知"),
    "2019": ("本年新制作数量", "本年新公开数量", "对外公开总数", "上一年项目数量", "本年增减",
             "其他对外管理服务事项", "政府集中采购", "采购总金额", "采购项目数量"),
}


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    label_en: str


@dataclass(frozen=True)
class RowSpec:
    key: str
    label: str
    """The template's label (without group prefix)."""
    columns: tuple[Column, ...]
    group: str = ""
    """The merged group label the row stands under, if any (e.g. ``(三)不予公开``)."""
    label_en: str = ""


# Compared and hashed by identity: there is one spec per table and format, and the
# readers look their matchers up by spec for every table of every report.
@dataclass(frozen=True, eq=False)
class TableSpec:
    key: str
    template: str
    rows: tuple[RowSpec, ...]

    def row(self, key: str) -> RowSpec | None:
        for r in self.rows:
            if r.key == key:
                return r
        return None

    @property
    def column_keys(self) -> tuple[str, ...]:
        """Every column key used by some row, in first-seen order."""
        seen: dict[str, None] = {}
        for r in self.rows:
            for c in r.columns:
                seen.setdefault(c.key, None)
        return tuple(seen)


def _cols(*spec: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(k, zh, en) for k, zh, en in spec)


# ---------------------------------------------------------------- active
_ISSUED_2021 = _cols(
    ("issued", "本年制发件数", "issued this year"),
    ("repealed", "本年废止件数", "repealed this year"),
    ("in_force", "现行有效件数", "in force"),
)
_DECISIONS_2021 = _cols(("decisions", "本年处理决定数量", "decisions this year"))
_FEES_2021 = _cols(("amount", "本年收费金额(单位:万元)", "fees collected (10k yuan)"))

_MADE_2019 = _cols(
    ("made", "本年新制作数量", "made this year"),
    ("published", "本年新公开数量", "published this year"),
    ("total_published", "对外公开总数量", "published in total"),
)
_ITEMS_2019 = _cols(
    ("previous_items", "上一年项目数量", "items last year"),
    ("change", "本年增/减", "change this year"),
    ("decisions", "处理决定数量", "decisions"),
)
_FEES_2019 = _cols(
    ("previous_items", "上一年项目数量", "items last year"),
    ("change", "本年增/减", "change this year"),
)
_PROCUREMENT_2019 = _cols(
    ("projects", "采购项目数量", "procurement projects"),
    ("amount", "采购总金额", "procurement amount"),
)

ACTIVE_2021 = TableSpec("active", "2021", (
    RowSpec("regulations", "规章", _ISSUED_2021, "第二十条第(一)项", "regulations"),
    RowSpec("normative_documents", "行政规范性文件", _ISSUED_2021, "第二十条第(一)项",
            "normative documents"),
    RowSpec("licensing", "行政许可", _DECISIONS_2021, "第二十条第(五)项", "administrative licensing"),
    RowSpec("penalty", "行政处罚", _DECISIONS_2021, "第二十条第(六)项", "administrative penalties"),
    RowSpec("enforcement", "行政强制", _DECISIONS_2021, "第二十条第(六)项",
            "administrative enforcement"),
    RowSpec("fees", "行政事业性收费", _FEES_2021, "第二十条第(八)项", "administrative fees"),
))

ACTIVE_2019 = TableSpec("active", "2019", (
    RowSpec("regulations", "规章", _MADE_2019, "第二十条第(一)项", "regulations"),
    RowSpec("normative_documents", "规范性文件", _MADE_2019, "第二十条第(一)项",
            "normative documents"),
    RowSpec("licensing", "行政许可", _ITEMS_2019, "第二十条第(五)项", "administrative licensing"),
    RowSpec("other_services", "其他对外管理服务事项", _ITEMS_2019, "第二十条第(五)项",
            "other management services"),
    RowSpec("penalty", "行政处罚", _ITEMS_2019, "第二十条第(六)项", "administrative penalties"),
    RowSpec("enforcement", "行政强制", _ITEMS_2019, "第二十条第(六)项",
            "administrative enforcement"),
    RowSpec("fees", "行政事业性收费", _FEES_2019, "第二十条第(八)项", "administrative fees"),
    RowSpec("procurement", "政府集中采购", _PROCUREMENT_2019, "第二十条第(九)项",
            "centralised procurement"),
))

# ---------------------------------------------------------- applications
APPLICANT_COLUMNS = _cols(
    ("natural_person", "自然人", "natural persons"),
    ("commercial", "商业企业", "businesses"),
    ("research", "科研机构", "research institutions"),
    ("nonprofit", "社会公益组织", "public-interest organisations"),
    ("legal_services", "法律服务机构", "legal service providers"),
    ("other_org", "其他", "other organisations"),
    ("total", "总计", "total"),
)


def _app(key: str, label: str, en: str, group: str = "") -> RowSpec:
    return RowSpec(key, label, APPLICANT_COLUMNS, group, en)


_APP_HEAD = (
    _app("new", "一、本年新收政府信息公开申请数量", "new applications this year"),
    _app("carried_over", "二、上年结转政府信息公开申请数量", "carried over from last year"),
    _app("disclosed", "(一)予以公开", "disclosed", "三、本年度办理结果"),
    _app("partly_disclosed", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
         "partly disclosed", "三、本年度办理结果"),
)
_G3 = "(三)不予公开"
_G4 = "(四)无法提供"
_G5 = "(五)不予处理"
_APP_WITHHELD = (
    _app("withheld_state_secret", "1.属于国家秘密", "withheld: state secret", _G3),
    _app("withheld_prohibited_by_law", "2.其他法律行政法规禁止公开",
         "withheld: prohibited by other laws", _G3),
    _app("withheld_security_stability", "3.危及“三安全一稳定”",
         "withheld: endangers security and stability", _G3),
    _app("withheld_third_party", "4.保护第三方合法权益", "withheld: third-party rights", _G3),
    _app("withheld_internal_affairs", "5.属于三类内部事务信息", "withheld: internal affairs", _G3),
    _app("withheld_process_info", "6.属于四类过程性信息", "withheld: process information", _G3),
    _app("withheld_enforcement_file", "7.属于行政执法案卷", "withheld: enforcement files", _G3),
    _app("withheld_query_matter", "8.属于行政查询事项", "withheld: query matters", _G3),
    _app("unavailable_not_held", "1.本机关不掌握相关政府信息", "unavailable: not held", _G4),
    _app("unavailable_needs_creation", "2.没有现成信息需要另行制作",
         "unavailable: would need creating", _G4),
    _app("unavailable_unclear", "3.补正后申请内容仍不明确", "unavailable: still unclear", _G4),
    _app("rejected_petition", "1.信访举报投诉类申请", "not processed: petitions", _G5),
    _app("rejected_duplicate", "2.重复申请", "not processed: duplicates", _G5),
    _app("rejected_publication", "3.要求提供公开出版物", "not processed: publications", _G5),
    _app("rejected_excessive", "4.无正当理由大量反复申请", "not processed: excessive", _G5),
    _app("rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息",
         "not processed: confirmation requests", _G5),
)
_APP_TAIL = (
    _app("results_total", "(七)总计", "results total", "三、本年度办理结果"),
    _app("carried_forward", "四、结转下年度继续办理", "carried forward"),
)
_G6 = "(六)其他处理"

APPLICATIONS_2019 = TableSpec("applications", "2019", (
    *_APP_HEAD, *_APP_WITHHELD,
    _app("other", "(六)其他处理", "other handling", "三、本年度办理结果"),
    *_APP_TAIL,
))
APPLICATIONS_2021 = TableSpec("applications", "2021", (
    *_APP_HEAD, *_APP_WITHHELD,
    _app("other_no_correction",
         "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
         "other: no correction in time", _G6),
    _app("other_no_fee",
         "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
         "other: fee not paid", _G6),
    _app("other_misc", "3.其他", "other: miscellaneous", _G6),
    *_APP_TAIL,
))

#: Rows whose sum is ``results_total`` (every result row), per format.
RESULT_ROWS: dict[str, tuple[str, ...]] = {
    t: tuple(r.key for r in spec.rows if r.key not in ("new", "carried_over", "results_total",
                                                       "carried_forward"))
    for t, spec in (("2019", APPLICATIONS_2019), ("2021", APPLICATIONS_2021))
}

# --------------------------------------------------------------- reviews
REVIEW_COLUMNS = _cols(
    ("upheld", "结果维持", "upheld"),
    ("corrected", "结果纠正", "corrected"),
    ("other", "其他结果", "other outcome"),
    ("pending", "尚未审结", "pending"),
    ("total", "总计", "total"),
)
_REVIEW_ROWS = (
    RowSpec("review", "行政复议", REVIEW_COLUMNS, "", "administrative review"),
    RowSpec("litigation_direct", "未经复议直接起诉", REVIEW_COLUMNS, "行政诉讼",
            "litigation without review"),
    RowSpec("litigation_after_review", "复议后起诉", REVIEW_COLUMNS, "行政诉讼",
            "litigation after review"),
)
REVIEWS_2019 = TableSpec("reviews", "2019", _REVIEW_ROWS)
REVIEWS_2021 = TableSpec("reviews", "2021", _REVIEW_ROWS)

SPECS: dict[tuple[str, str], TableSpec] = {
    ("active", "2019"): ACTIVE_2019,
    ("active", "2021"): ACTIVE_2021,
    ("applications", "2019"): APPLICATIONS_2019,
    ("applications", "2021"): APPLICATIONS_2021,
    ("reviews", "2019"): REVIEWS_2019,
    ("reviews", "2021"): REVIEWS_2021,
}


def spec(table: str, template: str) -> TableSpec:
    """The row/column layout of ``table`` in format ``template``."""
    return SPECS[(table, template)]
