"""Real reports whose structure was lost or bent: what gaudit reads and reports.

Short synthetic texts modelled on each class met in published files: a web page saved
as one long line (headings inline, every cell separator gone), labels that differ from
the template, tables cut off or deviating, text in a cell's place.  When the real
excerpts of ``../shared/real`` are present, a few of their settled cells are checked too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gaudit.audit import AuditOptions, audit_document
from gaudit.document import read_document
from gaudit.engine import run_rules
from gaudit.model import Document
from gaudit.output.extract_data import extract_to_contract
from gaudit.rules import load_rules
from gaudit.tables.digits import piece, split_pieces


def document_to_contract(doc: Document) -> dict[str, Any]:
    """The ``gaudit.extract/1`` object of one read document."""
    return extract_to_contract(audit_document(doc, AuditOptions()))

REAL = Path(__file__).resolve().parents[2] / "shared" / "real"


def read(text: str) -> Document:
    return read_document(text.encode("utf-8"), "report.txt")


def findings(text: str) -> list[tuple[str, int]]:
    return [(f.kind, f.line) for f in run_rules(read(text), load_rules())]


def kinds(text: str) -> set[str]:
    return {k for k, _ in findings(text)}


def cells(text: str) -> dict[str, Any]:
    tables: dict[str, Any] = document_to_contract(read(text))["tables"]
    return tables


#: A 2021 report saved from a web page as one line: headings inline, every separator gone.
#: 申请 rows split one way only under their totals; 规章000 has one reading; 行政规范性文件
#: 6233440 has many (no identity); the reviews run has one.
COLLAPSED = (
    "平潭某局2024年度政府信息公开工作年度报告\n"
    "本报告根据《条例》编制。本报告所列数据统计期限为2024年1月1日至2024年12月31日。"
    "一、总体情况 2024年,本局全年办理政府信息公开申请218件。"
    "二、主动公开政府信息情况第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数"
    "规章000行政规范性文件6233440第二十条第(五)项信息内容本年处理决定数量行政许可4529"
    "第二十条第(六)项信息内容本年处理决定数量行政处罚1100行政强制65"
    "第二十条第(八)项信息内容本年收费金额(单位:万元)行政事业性收费18651.06"
    "三、收到和处理政府信息公开申请情况(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"
    "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
    "一、本年新收政府信息公开申请数量21710000218二、上年结转政府信息公开申请数量0000000"
    "三、本年度办理结果(一)予以公开710000071(二)部分公开(区分处理的,只计这一情形,不计其他情形)290000029"
    "(三)不予公开1.属于国家秘密40000042.其他法律行政法规禁止公开00000003.危及“三安全一稳定”0000000"
    "4.保护第三方合法权益30000035.属于三类内部事务信息3200000326.属于四类过程性信息0000000"
    "7.属于行政执法案卷00000008.属于行政查询事项0000000"
    "(四)无法提供1.本机关不掌握相关政府信息7500000752.没有现成信息需要另行制作0000000"
    "3.补正后申请内容仍不明确0000000(五)不予处理1.信访举报投诉类申请00000002.重复申请1000001"
    "3.要求提供公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000"
    "(六)其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请1000001"
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他1100002"
    "(七)总计21710000218四、结转下年度继续办理0000000"
    "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
    "未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
    "21317000001324019"
    "五、存在的主要问题及改进情况2024年,政策解读形式仍需创新。"
    "六、其他需要报告的事项2024年,本局未收取信息处理费。\n"
)


def test_collapsed_page_finds_every_section_inside_the_line() -> None:
    doc = read(COLLAPSED)
    assert [s.number for s in doc.sections] == [1, 2, 3, 4, 5, 6]
    assert [s.heading for s in doc.sections] == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    assert all(s.position.line == 2 for s in doc.sections)


def test_collapsed_page_reads_glued_rows_by_their_identities() -> None:
    got = cells(COLLAPSED)
    assert got["applications"]["new"] == {"natural_person": 217, "commercial": 1, "research": 0,
                                          "nonprofit": 0, "legal_services": 0, "other_org": 0, "total": 218}
    assert got["applications"]["withheld_state_secret"]["total"] == 4
    assert got["applications"]["other_misc"]["commercial"] == 1
    assert got["active"]["regulations"] == {"issued": 0, "repealed": 0, "in_force": 0}
    assert got["active"]["fees"]["amount"] == 18651.06
    assert got["reviews"]["review"] == {"upheld": 2, "corrected": 1, "other": 3, "pending": 1, "total": 7}
    assert got["reviews"]["litigation_after_review"]["total"] == 19


def test_collapsed_page_names_the_run_it_cannot_settle_and_guesses_nothing() -> None:
    doc = read(COLLAPSED)
    active = doc.tables["active"]
    assert active.ambiguous_rows == ("normative_documents",)
    assert all(c.value is None and c.raw == "6233440" for c in active.rows["normative_documents"].cells.values())
    assert findings(COLLAPSED) == [("ambiguous-value", 2)]


def test_column_identities_settle_rows_their_own_total_cannot() -> None:
    # 予以公开 270020130 reads 27,0,0,2,0,1,30 or 2,7,0,0,20,1,30 (each adds up); only the
    # first makes the columns add up to (七)总计.
    text = COLLAPSED.replace("(一)予以公开710000071", "(一)予以公开270020130").replace(
        "(七)总计21710000218", "(七)总计17310201177").replace(
        "一、本年新收政府信息公开申请数量21710000218", "一、本年新收政府信息公开申请数量17310201177")
    got = cells(text)
    assert got["applications"]["disclosed"] == {"natural_person": 27, "commercial": 0, "research": 0,
                                                "nonprofit": 2, "legal_services": 0, "other_org": 1, "total": 30}
    assert "disclosed" not in read(text).tables["applications"].ambiguous_rows


def test_an_over_long_run_is_unreadable_not_searched() -> None:
    text = COLLAPSED.replace("2.重复申请1000001", "2.重复申请" + "1" * 4000)
    doc = read(text)
    assert "rejected_duplicate" in doc.tables["applications"].ambiguous_rows
    assert ("ambiguous-value", 2) in findings(text)


def test_digit_split_is_bounded_and_reports_every_fitting_reading() -> None:
    pieces = [p for p in (piece("21710000218"),) if p is not None]
    assert split_pieces(pieces, 7, [(0, 7)], 6).readings == (("217", "1", "0", "0", "0", "0", "218"),)
    assert len(split_pieces([p for p in (piece("6233440"),) if p], 3, [], 12).readings) > 1
    long = split_pieces([p for p in (piece("9" * 4000),) if p], 7, [(0, 7)], 6)
    assert long.unreadable and not long.readings
    signed = split_pieces([p for p in (piece("35"), piece("-15")) if p], 2, [], 12)
    assert signed.readings == (("35", "-15"),)


def test_cells_separated_by_single_spaces_on_one_line() -> None:
    text = COLLAPSED.replace("规章000", "规章 0 0 0 ").replace("行政规范性文件6233440", "行政规范性文件 62 33 440 ")
    got = cells(text)
    assert got["active"]["normative_documents"] == {"issued": 62, "repealed": 33, "in_force": 440}
    assert "ambiguous-value" not in kinds(text)


def _clean() -> str:
    return (Path(__file__).resolve().parents[1] / "samples" / "clean-2021.txt").read_text(encoding="utf-8")


def test_labels_that_differ_from_the_template_are_placed_and_flagged_loose() -> None:
    text = (_clean()
            .replace("规章 | 0 | 0 | 0", "规章(设区的市、自治州人民政府应提供相关数据) | 0 | 0 | 0")
            .replace("行政规范性文件 | 3 | 1 | 12", "規範性檔案 | 3 | 1 | 12")
            .replace("2.其他法律行政法规禁止公开 | 1", "2.其他法律行政止公开 | 1")
            .replace("4.保护第三方合法权益 | 1 | 1", "| 1 | 1"))
    doc = read(text)
    assert doc.tables["active"].loose_rows == ("regulations", "normative_documents")
    assert doc.tables["applications"].loose_rows == ("withheld_prohibited_by_law", "withheld_third_party")
    got = cells(text)
    assert got["active"]["normative_documents"] == {"issued": 3, "repealed": 1, "in_force": 12}
    assert got["applications"]["withheld_third_party"]["total"] == 2
    assert findings(text) == []


def test_old_label_in_a_2021_table_is_read() -> None:
    text = _clean().replace("行政规范性文件 | 3 | 1 | 12", "规范性文件 | 3 | 1 | 12")
    assert cells(text)["active"]["normative_documents"]["in_force"] == 12
    assert findings(text) == []


def test_cut_off_table_is_one_finding_not_a_wall_of_blank_cells() -> None:
    lines = _clean().split("\n")
    text = "\n".join(lines[:49])  # stops after 1.信访举报投诉类申请 (line 49)
    got = findings(text)
    assert ("incomplete-table", 34) in got
    assert "blank-cell" not in {k for k, _ in got}


def test_2019_other_row_in_a_2021_table_is_a_template_deviation() -> None:
    text = (_clean()
            .replace("(六)其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 1 |",
                     "(六)其他处理 | 1 |")
            .replace("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
                     " | 0 | 0 | 0 | 0 | 0 | 0 | 0\n", "")
            .replace("3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n", ""))
    got = findings(text)
    assert ("template-deviation", 54) in got
    assert not {"incomplete-table", "blank-cell"} & {k for k, _ in got}


def test_one_wrong_cell_is_one_finding() -> None:
    text = _clean().replace("(一)予以公开 | 17 | 4 | 0 | 1 | 1 | 0 | 23", "(一)予以公开 | 17 | 4 | 0 | 1 | 1 | 0 | 24")
    assert findings(text) == [("total-mismatch", 36)]


@pytest.mark.parametrize(("cell", "written"), [("4", "-4"), ("4", "三件"), ("4", "若干"), ("4", "/")])
def test_a_negative_or_text_cell_is_one_invalid_value_and_keeps_its_place(cell: str, written: str) -> None:
    row = "(一)予以公开 17 {} 0 1 1 0 23"
    text = _clean().replace("(一)予以公开 | 17 | 4 | 0 | 1 | 1 | 0 | 23", row.format(written))
    assert findings(text) == [("invalid-value", 36)]
    assert cells(text)["applications"]["disclosed"]["total"] == 23


def test_numbers_set_off_by_spaces_in_the_narrative() -> None:
    text = _clean().replace("共收到政府信息公开申请47件", "共收到政府信息公开申请 17 件")
    assert ("narrative-mismatch", 30) in findings(text)


def test_typo_in_the_period_is_a_period_finding() -> None:
    text = _clean().replace("起至2022年12月31日止", "起至202022年12月31日止")
    assert ("period-mismatch", 3) in findings(text)


def _real(name: str) -> str:
    path = REAL / name
    if not path.exists():
        pytest.skip("real excerpts not available")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["002.txt", "003.txt", "004.txt"])
def test_real_collapsed_pages_meet_their_hand_checked_cells(name: str) -> None:
    text = _real(name)
    expect = json.loads((REAL / "expect.json").read_text(encoding="utf-8"))[name]
    got = cells(text)
    wrong = []
    for key, value in expect["cells"].items():
        table, row, col = key.split(".")
        have = got.get(table, {}).get(row, {}).get(col, "<absent>")
        if not (have == value or (isinstance(value, float) and isinstance(have, float) and abs(have - value) < 1e-6)):
            wrong.append((key, value, have))
    assert wrong == []
    assert set(expect["must"]) <= kinds(text)
    assert not set(expect["must_not"]) & kinds(text)


def test_picture_tables_are_said_so_and_the_file_is_a_report() -> None:
    text = ("某县局政务公开情况\n三、收到和处理政府信息公开申请情况\n收到和处理政府信息公开申请情况统计表\n"
            "四、政府信息公开行政复议、行政诉讼情况\n(见下图)\n")
    messages = [f.message.en for f in run_rules(read(text), load_rules())]
    assert "not-a-report" not in kinds(text)
    assert sum("published as a picture" in m for m in messages) == 2


def test_the_format_notice_with_its_blank_template_is_no_report() -> None:
    text = ("国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知\n"
            "国办公开办函〔2021〕30号\n各省、自治区、直辖市人民政府办公厅:\n"
            + "\n".join(_clean().split("\n")[4:]).replace("| 0 ", "| "))
    assert findings(text) == [("not-a-report", 1)]
