"""Rule files and the built-in rule set: validation with file and line, users' control, every rule firing.

Each built-in rule has a case below: a sample with the edit that makes the rule
fire, and every finding the whole built-in set then reports (rule id and line),
so a case also shows that nothing fires besides what the edit explains.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from gaudit.document import read_document
from gaudit.engine import run_rules
from gaudit.findings import KINDS, Severity
from gaudit.rule_config import RuleChoiceError, configure
from gaudit.rules import Rule, RuleFileError, load_rule_file, load_rules

from edits import SAMPLES, report_bytes

REPO = Path(__file__).resolve().parents[1]

_MESSAGE = "    message: {zh: 空白, en: blank}\n"
_HEAD = "rules:\n  - id: my-rule\n"


def write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- validation: the file, the line, the problem -----------------------------------------------

BAD_FILES = [
    # (rule file text, line reported, words of the problem)
    (_HEAD + "    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n" + _MESSAGE
     + "    colour: red\n", 7, "unknown key 'colour'"),
    (_HEAD + "    kind: blank-cell\n    check: no-such-check\n    severity: error\n" + _MESSAGE,
     4, "unknown check type 'no-such-check'"),
    (_HEAD + "    kind: blank-cells\n    check: no-blank-cells\n    severity: error\n" + _MESSAGE,
     3, "unknown kind 'blank-cells'"),
    (_HEAD + "    kind: blank-cell\n    check: no-blank-cells\n    severity: fatal\n" + _MESSAGE,
     5, "bad severity 'fatal'"),
    (_HEAD + "    kind: implausible-value\n    check: value-range\n    severity: warning\n" + _MESSAGE
     + "    params:\n      cells: [active.fees.amount, active.no_such_row.amount]\n      max: 50\n",
     8, "unknown row 'no_such_row'"),
    (_HEAD + "    kind: implausible-value\n    check: value-range\n    severity: warning\n" + _MESSAGE
     + "    params:\n      cells:\n        - active.fees.amount\n        - active.fees.amonut\n      max: 50\n",
     10, "unknown column 'amonut'"),
    (_HEAD + "    kind: narrative-mismatch\n    check: narrative-number\n    severity: warning\n" + _MESSAGE
     + "    params:\n      pattern: \"收到申请(\\\\d+件\"\n      cells: [applications.new.total]\n",
     8, "bad regular expression"),
    (_HEAD + "    kind: implausible-value\n    check: value-range\n    severity: warning\n" + _MESSAGE
     + "    params:\n      cells: [active.fees.amount]\n      max: fifty\n", 9, "expected a number"),
    (_HEAD + "    kind: total-mismatch\n    check: sum\n    severity: error\n" + _MESSAGE
     + "    params: {table: applicatons, along: row, parts: [total], total: total}\n", 7, "unknown table"),
    (_HEAD + "    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n"
     + "    message: {zh: \"{nothing}\", en: blank}\n", 6, "placeholder {nothing}"),
    (_HEAD + "    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n"
     + "    message: {zh: 空白}\n", 6, "no 'en' text"),
    (_HEAD + "    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n" + _MESSAGE
     + "  - id: my-rule\n    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n" + _MESSAGE,
     7, "duplicate rule id 'my-rule'"),
    ("- id: my-rule\n  kind: blank-cell\n", 1, "must be a mapping with a 'rules:' list"),
    ("rules:\n  - id: my-rule\n    kind: [blank-cell\n", 4, "YAML syntax error"),
    ("rules: {id: x}\n", 1, "'rules' must be a list"),
    (_HEAD + "    kind: blank-cell\n", 2, "missing the key 'check'"),
    (_HEAD + "    name: {zh: 空白, fr: vide}\n    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n"
     + _MESSAGE, 3, "unknown language 'fr' in 'name'"),
    (_HEAD + "    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n" + _MESSAGE
     + "    description: {fr: vide}\n", 7, "unknown language 'fr' in 'description'"),
    (_HEAD + "    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n" + _MESSAGE
     + "    description: [why]\n", 7, "'description' must be a string or a mapping"),
]


@pytest.mark.parametrize(("text", "line", "problem"), BAD_FILES)
def test_bad_rule_file_names_the_file_the_line_and_the_problem(
        tmp_path: Path, text: str, line: int, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RuleFileError) as err:
        load_rules([path])
    assert err.value.path == str(path)
    assert err.value.line == line, str(err.value)
    assert problem in err.value.problem
    assert str(err.value).startswith(f"{path}:{line}: ")


def test_rule_title_in_one_or_both_languages(tmp_path: Path) -> None:
    body = "    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n" + _MESSAGE
    both = load_rule_file(write(tmp_path, _HEAD + "    name: {zh: 空白单元格, en: Blank cells}\n" + body))[0]
    assert (both.title("zh"), both.title("en"), both.name) == ("空白单元格", "Blank cells", "Blank cells")
    one = load_rule_file(write(tmp_path, _HEAD + "    name: Blank cells\n" + body))[0]
    assert one.title("zh") == one.title("en") == "Blank cells"
    bare = load_rule_file(write(tmp_path, _HEAD + body))[0]
    assert bare.title("zh") == "my-rule"


def test_rule_description_in_one_or_both_languages(tmp_path: Path) -> None:
    body = "    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n" + _MESSAGE
    both_text = _HEAD + body + "    description: {zh: 空白不是零, en: A blank is no zero}\n"
    both = load_rule_file(write(tmp_path, both_text))[0]
    assert (both.description, both.description_zh) == ("A blank is no zero", "空白不是零")
    english = load_rule_file(write(tmp_path, _HEAD + body + "    description: A blank is no zero\n"))[0]
    assert (english.description, english.description_zh) == ("A blank is no zero", "")
    chinese = load_rule_file(write(tmp_path, _HEAD + body + "    description:\n      zh: |\n        空白不是零\n"))[0]
    assert (chinese.description, chinese.description_zh) == ("", "空白不是零\n")
    path = write(tmp_path, _HEAD + body + "    description:\n      zh: 空白不是零\n      fr: vide\n")
    with pytest.raises(RuleFileError) as err:
        load_rule_file(path)
    assert str(err.value).startswith(f"{path}:9: ")
    assert "'fr'" in err.value.problem and "'description'" in err.value.problem


_CJK = re.compile(r"[\u4e00-\u9fff]")


def test_builtin_rules_say_why_in_chinese_and_in_english() -> None:
    rules = load_rules()
    assert len(rules) >= 40
    for rule in rules:
        assert _CJK.search(rule.description_zh), f"{rule.id}: no Chinese description"
        english = rule.description.strip()
        # English prose quoting Chinese terms: opens with an ASCII letter, digit or quote; mostly English words.
        assert english[:1].isascii() and (english[:1].isalnum() or english[:1] in "\"'"), rule.id
        assert len(re.findall(r"[A-Za-z]+", english)) > len(_CJK.findall(english)) / 4, rule.id


def test_rule_that_could_never_match_is_an_error_not_silence(tmp_path: Path) -> None:
    # procurement is a row of the 2019 format only: a rule restricted to 2021 can never see it.
    path = write(tmp_path, _HEAD + "    kind: implausible-value\n    check: value-range\n    severity: info\n"
                 + _MESSAGE + "    formats: [2021]\n    params: {cells: [active.procurement.amount], max: 1}\n")
    with pytest.raises(RuleFileError) as err:
        load_rule_file(path)
    assert "unknown row 'procurement'" in err.value.render("en") and "行 'procurement'" in str(err.value)


def test_folder_of_rules_and_missing_path(tmp_path: Path) -> None:
    folder = tmp_path / "local"
    folder.mkdir()
    with pytest.raises(RuleFileError) as err:
        load_rules([folder])
    assert "no *.yaml" in err.value.render("en") and "没有 *.yaml" in str(err.value)
    with pytest.raises(RuleFileError) as err:
        load_rules([tmp_path / "absent.yaml"])
    assert "no such rule file" in err.value.render("en") and "没有这个规则文件" in str(err.value)


# --- the built-in set ---------------------------------------------------------------------------

def test_builtin_rules_are_complete_and_self_describing() -> None:
    rules = load_rules()
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    assert {r.kind for r in rules} == set(KINDS), "every kind of the spec has a built-in rule"
    for rule in rules:
        assert rule.name and rule.name != rule.id and rule.name_zh, rule.id
        assert len(rule.description) > 60, rule.id
        assert rule.message["zh"] and rule.message["en"], rule.id
        assert rule.source.startswith("rules/"), rule.source


# rule id -> (case, every (rule, line) the built-in set reports on it)
#: A 2022 report in the pre-2019 layout: seven parts, 收费及减免, no statutory table.
OLD_FREE_LAYOUT = """\
某县民政局2022年政府信息公开工作年度报告
本报告根据《中华人民共和国政府信息公开条例》编制。统计期限自2022年1月1日起至2022年12月31日止。
一、概述
2022年,我局认真贯彻落实《条例》,扎实推进政府信息公开工作。
二、主动公开政府信息情况
全年主动公开政府信息120条,其中规范性文件3件。
三、依申请公开政府信息情况
全年共收到政府信息公开申请5件,均已按时答复。
四、政府信息公开的收费及减免情况
本年度未收取任何费用。
五、因政府信息公开申请提起行政复议、行政诉讼的情况
本年度未发生因政府信息公开申请提起行政复议、行政诉讼的情况。
六、政府信息公开工作存在的主要问题及改进情况
主要问题是公开内容不够丰富。下一步将加强培训。
七、其他需要报告的事项
无。
"""

FIRES: dict[str, tuple[dict[str, Any], list[tuple[str, int]]]] = {
    "not-a-report": ({"base": "self-inspection-pinyin"}, [("not-a-report", 1)]),
    "report-before-2019": (
        {"base": "clean-2021", "replace": [["自然资源局2022年政府", "自然资源局2017年政府"],
                                           ["统计期限自2022年1月1日起至2022年", "统计期限自2017年1月1日起至2017年"]]},
        [("report-before-2019", 1)]),
    "encoding-damaged": ({"base": "clean-2021", "bad_byte_at": [30, 12]}, [("encoding-damaged", 30)]),
    "scanned-pdf": ({"pdf_pages": [[], [], []], "pdf_images": [0, 1, 2]}, [("scanned-pdf", 1)]),
    "garbled-text-layer": ({"pdf_pages": [["政府信息公开工作年度报告", "一、总体情况 二、主动公开", "2023 10 20%"]],
                            "pdf_latin": True}, [("garbled-text-layer", 1)]),
    "period-mismatch": ({"base": "big5-traditional-2021"}, [("period-mismatch", 3)]),
    "outdated-template": (
        {"base": "clean-2019", "replace": [["办事处2020年政府", "办事处2021年政府"],
                                           ["统计期限自2020年1月1日起至2020年", "统计期限自2021年1月1日起至2021年"],
                                           ["2020年,街道全年共收到", "2021年,街道全年共收到"],
                                           ["2020年,街道因政府信息公开", "2021年,街道因政府信息公开"],
                                           ["本年度无其他需要报告的事项。", "本年度未收取信息处理费。"]]},
        [("outdated-template", 14)]),
    "fee-statement-missing": (
        {"base": "clean-2021", "delete_lines": [72, 73],
         "replace": [["六、其他需要报告的事项\n", "六、其他需要报告的事项\n无"]]},
        [("fee-statement-missing", 71)]),
    "section-missing": (
        {"base": "clean-2021", "replace": [["五、存在的主要问题及改进情况\n", "\n"]]}, [("section-missing", 71)]),
    "section-order": (
        {"base": "clean-2021", "replace": [["(一)主动公开。全年", "一、主要工作\n(一)主动公开。全年"]]},
        [("section-order", 7)]),
    "table-missing": ({"base": "clean-2021", "delete_lines": [31, 58]}, [("table-missing", 29)]),
    "cell-blank": ({"base": "html-2021"}, [("cell-blank", 62)]),
    "format-notice": (
        {"base": "clean-2021", "replace": [["云岭县自然资源局2022年政府信息公开工作年度报告",
                                            "国务院办公厅政府信息与政务公开办公室关于印发"
                                            "《中华人民共和国政府信息公开工作年度报告格式》的通知"]]},
        [("format-notice", 1)]),
    "outdated-free-layout": ({"report": OLD_FREE_LAYOUT}, [("outdated-free-layout", 9), ("fee-statement-missing", 15)]),
    "cell-ambiguous": ({"base": "clean-2021", "replace": [["行政规范性文件 | 3 | 1 | 12", "行政规范性文件31112"]]},
                       [("cell-ambiguous", 17)]),
    "table-rows-absent": ({"base": "clean-2021", "delete_lines": [24, 24]}, [("table-rows-absent", 16)]),
    "table-rows-other-format": (
        {"base": "clean-2021", "replace": [
            ["(六)其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 1 |",
             "(六)其他处理 | 1 |"],
            ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n",
             ""],
            ["3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n", ""]]},
        [("table-rows-other-format", 54)]),
    "cell-not-a-number": ({"base": "clean-2021", "replace": [["行政强制 | 6", "行政强制 | 无"]]},
                          [("cell-not-a-number", 24)]),
    "cell-negative": ({"base": "clean-2021", "replace": [["行政处罚 | 41", "行政处罚 | -41"]]},
                      [("cell-negative", 23)]),
    "cell-not-whole": ({"base": "clean-2021", "replace": [["行政处罚 | 41", "行政处罚 | 4.5"]]},
                       [("cell-not-whole", 23)]),
    # One wrong number breaking two identities is one finding (below); here the 总计 column's
    # identity is unknown (a blank), so only the row total is broken.
    "applications-row-total": (
        {"base": "clean-2021", "replace": [["(一)予以公开 | 17 | 4 | 0 | 1 | 1 | 0 | 23",
                                            "(一)予以公开 | 17 | 4 | 0 | 1 | 1 | 0 | 24"],
                                           ["3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0", "3.其他 | 0 | 0 | 0 | 0 | 0 | 0 |"]]},
        [("applications-row-total", 36), ("cell-blank", 56)]),
    "applications-cell-breaks-totals": (
        {"base": "clean-2021", "replace": [["(一)予以公开 | 17 | 4 | 0 | 1 | 1 | 0 | 23",
                                            "(一)予以公开 | 17 | 4 | 0 | 1 | 1 | 0 | 24"]]},
        [("applications-cell-breaks-totals", 36)]),
    "applications-column-total": (
        {"base": "clean-2021", "replace": [["(七)总计 | 36 | 7 |", "(七)总计 | 35 | 8 |"]]},
        [("applications-column-total", 57), ("applications-column-total", 57),
         ("applications-balance", 57), ("applications-balance", 57)]),
    "applications-balance": (
        {"base": "clean-2021", "replace": [["四、结转下年度继续办理 | 2 | 1 | 0 | 0 | 0 | 0 | 3",
                                            "四、结转下年度继续办理 | 3 | 0 | 0 | 0 | 0 | 0 | 3"]]},
        [("applications-balance", 57), ("applications-balance", 57)]),
    "regulations-below-city-level": (
        {"base": "clean-2019", "replace": [["规章\t0\t0\t0", "规章\t2\t0\t0"]]},
        [("regulations-below-city-level", 16)]),
    "reviews-group-total": (
        {"base": "clean-2021", "replace": [["2 | 1 | 0 | 1 | 4 |", "2 | 1 | 0 | 1 | 5 |"]]},
        [("narrative-reviews", 61), ("reviews-group-total", 65)]),
    "narrative-new-applications": (
        {"base": "clean-2021", "replace": [["共收到政府信息公开申请47件", "共收到政府信息公开申请45件"]]},
        [("narrative-new-applications", 30)]),
    "narrative-carried-over": (
        {"base": "clean-2021", "replace": [["申请47件,上年结转3件", "申请47件,上年结转2件"]]},
        [("narrative-carried-over", 30)]),
    "narrative-carried-forward": (
        {"base": "clean-2019", "replace": [["不予公开1件", "不予公开1件;结转下年度继续办理2件"]]},
        [("narrative-carried-forward", 34)]),
    "narrative-natural-persons": (
        {"base": "clean-2021", "replace": [["本局全年共收到政府信息公开申请47件,",
                                            "本局全年共收到政府信息公开申请47件,其中自然人申请30件,"]]},
        [("narrative-natural-persons", 30)]),
    "narrative-results": (
        {"base": "clean-2021", "replace": [["上年结转3件。", "上年结转3件,办结45件。"]]},
        [("narrative-results", 30)]),
    "narrative-disclosed": (
        {"base": "clean-2021", "replace": [["予以公开23件,部分公开6件", "予以公开及部分公开28件"]]},
        [("narrative-disclosed", 30)]),
    "narrative-withheld": ({"base": "clean-2021", "replace": [["不予公开6件", "不予公开5件"]]},
                           [("narrative-withheld", 30)]),
    "narrative-unavailable": ({"base": "clean-2021", "replace": [["无法提供9件", "无法提供8件"]]},
                              [("narrative-unavailable", 30)]),
    "narrative-rejected": ({"base": "clean-2021", "replace": [["不予处理2件", "不予处理3件"]]},
                           [("narrative-rejected", 30)]),
    "narrative-reviews": (
        {"base": "clean-2021", "replace": [["被申请行政复议4件", "被申请行政复议5件"]]},
        [("narrative-reviews", 61)]),
    "narrative-lawsuits": (
        {"base": "clean-2021", "replace": [["提起行政诉讼3件", "提起行政诉讼1件"]]},
        [("narrative-lawsuits", 61)]),
}


def audit(case: dict[str, Any], rules: list[Rule] | None = None, lang: str = "zh") -> list[tuple[str, int]]:
    doc = read_document(report_bytes(case), "report.txt")
    return [(f.rule, f.line) for f in run_rules(doc, rules if rules is not None else load_rules())]


def test_every_builtin_rule_has_a_case() -> None:
    # Cross-report rules compare several reports: tests/test_cross_*.py give their cases.
    assert set(FIRES) == {r.id for r in load_rules() if not r.source.endswith("cross.yaml")}


@pytest.mark.parametrize("rule_id", sorted(FIRES))
def test_builtin_rule_fires_on_its_case(rule_id: str) -> None:
    case, expected = FIRES[rule_id]
    found = audit(case)
    assert rule_id in {r for r, _ in found}
    assert sorted(found, key=lambda x: (x[1], x[0])) == sorted(expected, key=lambda x: (x[1], x[0]))


@pytest.mark.parametrize("name", ["clean-2021", "clean-2019"])
def test_builtin_rules_are_silent_on_clean_reports(name: str) -> None:
    assert audit({"base": name}) == []


def test_builtin_messages_read_in_both_languages() -> None:
    case, _ = FIRES["applications-row-total"]
    doc = read_document(report_bytes(case), "report.txt")
    findings = run_rules(doc, load_rules())
    assert findings[0].message.zh == "「(一)予以公开」总计为24,但各类申请人之和为23"
    assert findings[0].message.en == "disclosed: the total is 24 but the applicant columns add up to 23"
    case, _ = FIRES["applications-cell-breaks-totals"]
    doc = read_document(report_bytes(case), "report.txt")
    culprit = run_rules(doc, load_rules())[0].message
    assert culprit.zh == "「(一)予以公开」总计栏为24,使所在的2处合计关系均不成立;若为23则全部成立"
    assert culprit.en == "disclosed, total: 24 breaks all 2 identities it stands in; 23 would satisfy them all"


# --- users' control -----------------------------------------------------------------------------

def test_user_rule_with_a_builtin_id_replaces_it_in_place(tmp_path: Path) -> None:
    path = write(tmp_path, "rules:\n  - id: regulations-below-city-level\n    kind: implausible-value\n"
                 "    check: value-range\n    severity: info\n"
                 "    message: {zh: \"规章{value}\", en: \"regs {value}\"}\n"
                 "    params: {cells: [active.regulations.made, active.regulations.issued], max: 5}\n")
    builtin = [r.id for r in load_rules()]
    rules = load_rules([path])
    assert [r.id for r in rules] == builtin
    mine = next(r for r in rules if r.id == "regulations-below-city-level")
    assert mine.severity is Severity.INFO and mine.source == str(path) and mine.organ_levels is None
    case = {"base": "clean-2019", "replace": [["规章\t0\t0\t0", "规章\t7\t0\t0"]]}
    assert audit(case, rules) == [("regulations-below-city-level", 16)]
    case = {"base": "clean-2019", "replace": [["规章\t0\t0\t0", "规章\t2\t0\t0"]]}
    assert audit(case, rules) == []


def test_user_rule_is_added_after_the_builtins(tmp_path: Path) -> None:
    path = write(tmp_path, "rules:\n  - id: county-fee-amount-cap\n    kind: implausible-value\n"
                 "    check: value-range\n    severity: warning\n"
                 "    message: {zh: \"收费{actual}万元过高\", en: \"fees of {actual} too high\"}\n"
                 "    formats: [2021]\n    params: {cells: [active.fees.amount], max: 10}\n")
    rules = load_rules([path])
    assert rules[-1].id == "county-fee-amount-cap"
    doc = read_document(report_bytes({"base": "clean-2021"}), "report.txt")
    findings = run_rules(doc, rules)
    assert [(f.rule, f.line, f.message.zh) for f in findings] == [("county-fee-amount-cap", 27, "收费12.35万元过高")]


def test_select_ignore_and_severity() -> None:
    rules = load_rules()
    ids = {r.id for r in configure(rules, select=["blank-cell", "applications-row-total"])}
    assert ids == {"cell-blank", "applications-row-total"}
    ids = {r.id for r in configure(rules, ignore=["narrative-mismatch", "section-order"])}
    assert not ids & {"narrative-reviews", "section-order"} and "cell-blank" in ids
    out = {r.id: r.severity for r in configure(rules, severities={"total-mismatch": "info",
                                                                  "reviews-group-total": "warning",
                                                                  "section-order": "off"})}
    assert out["applications-row-total"] is Severity.INFO  # by kind
    assert out["reviews-group-total"] is Severity.WARNING  # the id beats the kind
    assert "section-order" not in out
    with pytest.raises(RuleChoiceError, match="未知的规则 id 或类别 'blank-cells'") as caught:
        configure(rules, ignore=["blank-cells"])
    assert "unknown rule id or kind 'blank-cells'" in caught.value.render("en")


def gaudit(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    env.pop("GAUDIT_LANG", None)
    return subprocess.run([sys.executable, "-m", "gaudit", *args], cwd=cwd, capture_output=True, env=env,
                          check=False)


def severities(proc: subprocess.CompletedProcess[bytes]) -> dict[str, str]:
    doc = json.loads(proc.stdout)
    return {f["rule"]: f["severity"] for f in doc["files"][0]["findings"]}


def test_command_line_beats_config_file_beats_builtin(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes((SAMPLES / "pipe-blank-cells.txt").read_bytes())
    args = ("check", "report.txt", "--format", "json", "--fail-on", "never")
    assert severities(gaudit(*args, cwd=tmp_path))["section-order"] == "warning"  # built-in
    (tmp_path / ".gaudit.yaml").write_text("severity: {section-order: error, blank-cell: info}\n",
                                           encoding="utf-8")
    got = severities(gaudit(*args, cwd=tmp_path))
    assert got["section-order"] == "error" and got["cell-blank"] == "info"  # config file
    got = severities(gaudit(*args, "--severity", "section-order=info", cwd=tmp_path))
    assert got["section-order"] == "info" and got["cell-blank"] == "info"  # command line, per key
    got = severities(gaudit(*args, "--severity", "section-order=off", cwd=tmp_path))
    assert "section-order" not in got


def test_config_file_rules_and_ignore(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes((SAMPLES / "clean-2021.txt").read_bytes())
    (tmp_path / "local").mkdir()
    write(tmp_path / "local", "rules:\n  - id: county-fee-amount-cap\n    kind: implausible-value\n"
          "    check: value-range\n    severity: warning\n    message: {zh: 收费过高, en: fees too high}\n"
          "    params: {cells: [active.fees.amount], max: 10}\n")
    (tmp_path / ".gaudit.yaml").write_text("rules: [local]\nfail-on: warning\n", encoding="utf-8")
    proc = gaudit("check", "report.txt", "--format", "json", cwd=tmp_path)
    assert severities(proc) == {"county-fee-amount-cap": "warning"}
    assert proc.returncode == 1  # fail-on: warning from the config file
    proc = gaudit("check", "report.txt", "--format", "json", "--ignore", "implausible-value", cwd=tmp_path)
    assert severities(proc) == {} and proc.returncode == 0


def test_broken_rule_file_from_config_stops_before_any_audit(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_bytes((SAMPLES / "clean-2021.txt").read_bytes())
    write(tmp_path, "rules:\n  - id: x\n    kind: nope\n    check: sum\n    severity: error\n" + _MESSAGE,
          name="bad.yaml")
    (tmp_path / ".gaudit.yaml").write_text("rules: [bad.yaml]\n", encoding="utf-8")
    proc = gaudit("check", "report.txt", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == b""
    assert "bad.yaml:3" in proc.stderr.decode("utf-8") and b"Traceback" not in proc.stderr


def test_readme_rule_example_loads_and_fires(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in readme.split("```yaml\n")[1:]]
    example = next(b for b in blocks if b.startswith("rules:"))
    rules = load_rules([write(tmp_path, example)])
    assert rules[-1].id == "county-fee-amount-cap"
    case = {"base": "clean-2021", "replace": [["行政事业性收费 | 12.35", "行政事业性收费 | 62.35"]]}
    assert ("county-fee-amount-cap", 27) in audit(case, rules)


def test_regulations_rule_judges_a_county_department_but_not_a_city_one() -> None:
    county = {"base": "clean-2021", "replace": [["规章 | 0 | 0 | 0", "规章 | 2 | 0 | 2"]]}
    assert audit(county) == [("regulations-below-city-level", 16)]  # 云岭县自然资源局
    city = {"base": "clean-2021", "replace": [["规章 | 0 | 0 | 0", "规章 | 2 | 0 | 2"],
                                              ["云岭县自然资源局2022年", "云州市自然资源局2022年"]]}
    assert audit(city) == []


def test_organ_kinds_condition(tmp_path: Path) -> None:
    path = write(tmp_path, _HEAD + "    kind: implausible-value\n    check: value-range\n    severity: info\n"
                 + _MESSAGE + "    organ_kinds: [government]\n    params: {cells: [active.fees.amount], max: 1}\n")
    rules = load_rules([path])[-1:]
    assert audit({"base": "clean-2021"}, rules) == []  # a bureau, not a government
    government = {"base": "clean-2021", "replace": [["云岭县自然资源局2022年", "云岭县人民政府2022年"]]}
    assert audit(government, rules) == [("my-rule", 27)]
    bad = write(tmp_path, _HEAD + "    kind: implausible-value\n    check: value-range\n    severity: info\n"
                + _MESSAGE + "    organ_kinds: [bureau]\n    params: {cells: [active.fees.amount], max: 1}\n",
                name="bad.yaml")
    with pytest.raises(RuleFileError) as err:
        load_rules([bad])
    assert "unknown organ kind 'bureau'" in err.value.problem and "未知的机关类型 'bureau'" in str(err.value)


# What reports write, and what the narrative rules make of it (clean-2021: 47 new, 36 of them from
# natural persons, 3 carried over, 47 handled, 3 carried forward, 4 reviews, 2 + 1 lawsuits).
NARRATIVE = [
    ("全年共受理政府信息公开申请47件。", []),
    ("全年共受理政府信息公开申请四十五件。", ["narrative-new-applications"]),
    ("本年度新收政府信息公开申请47件,其中自然人申请36件,法人或其他组织申请11件。", []),
    ("本年度新收政府信息公开申请47件,其中自然人申请35件,法人或其他组织申请12件。", ["narrative-natural-persons"]),
    ("上年结转3件,其中自然人申请2件。", []),  # a breakdown of the carried-over ones
    ("共收到申请50件(含上年结转3件)。", []),
    ("较上年的15件有所增加。", []),
    ("其中网上申请8件。", []),
    ("办结47件,按时办结率100%。", []),
    ("办结46件。", ["narrative-results"]),
    ("另有2件结转至下年度继续办理。", ["narrative-carried-forward"]),
    ("因政府信息公开被申请行政复议4件、被提起行政诉讼3件。", []),
    ("因政府信息公开被申请行政复议10件、被提起行政诉讼3件。", ["narrative-reviews"]),
    ("因政府信息公开被申请行政复议4件、被提起行政诉讼0件。", ["narrative-lawsuits"]),
    ("全年共发生政府信息公开行政复议案件4件、行政诉讼案件3件(其中未经复议直接起诉2件、复议后起诉1件)。", []),
    ("行政复议、行政诉讼案件共7件。", []),
    ("行政复议和行政诉讼案件共7件。", []),
    ("全年未发生政府信息公开行政复议案件。", ["narrative-reviews"]),
    ("本年度未发生行政复议和行政诉讼案件。", ["narrative-reviews", "narrative-lawsuits"]),
]


@pytest.mark.parametrize(("sentence", "rules"), NARRATIVE)
def test_narrative_phrasings(sentence: str, rules: list[str]) -> None:
    case = {"base": "clean-2021",
            "replace": [["本局将丰富政策解读形式", sentence + "本局将丰富政策解读形式"]]}
    found = sorted(r for r, _ in audit(case) if r.startswith("narrative-"))
    assert found == sorted(rules)


@pytest.mark.parametrize("pattern", [r"(\d+)+元", r"(a*)*b", r"(?:收到\s*\d+\s*件)+。"])
def test_a_pattern_that_can_run_away_is_refused_at_load_with_file_and_line(tmp_path: Path, pattern: str) -> None:
    path = tmp_path / "mine.yaml"
    rule = {"id": "my-fee", "kind": "narrative-mismatch", "check": "text-required", "severity": "warning",
            "message": {"zh": "缺少", "en": "missing"}, "params": {"pattern": pattern, "sections": [6]}}
    path.write_text(yaml.safe_dump({"rules": [rule]}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path)
    assert caught.value.line > 1 and str(path) in caught.value.render("en")
    assert "exponential" in caught.value.render("en")


@pytest.mark.parametrize("pattern", [r"收到\d+件", r"(?:收到|受理)\s*(\d+)\s*件", r"([一二三])、\S+"])
def test_ordinary_patterns_are_accepted(tmp_path: Path, pattern: str) -> None:
    path = tmp_path / "mine.yaml"
    rule = {"id": "my-fee", "kind": "narrative-mismatch", "check": "text-required", "severity": "warning",
            "message": {"zh": "缺少", "en": "missing"}, "params": {"pattern": pattern, "sections": [6]}}
    path.write_text(yaml.safe_dump({"rules": [rule]}, allow_unicode=True), encoding="utf-8")
    assert [r.id for r in load_rule_file(path)] == ["my-fee"]
