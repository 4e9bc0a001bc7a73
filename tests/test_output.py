"""The machine output formats: given these FileResults, exactly this report.

The same four results feed every writer: a file with findings of three kinds
and severities (one message holding ``%``, ``,``, ``:`` and a newline), a clean
file, an unreadable file and a file whose name has Chinese and a space.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import writers
from writers import failed_file, finding, ok_file

from gaudit.findings import Severity
from gaudit.model import FileResult
from gaudit.output import BINARY_FORMATS, Format, OutputOptions, file_to_contract, make_writer
from gaudit.output.github import escape_data, escape_property
from gaudit.output.sarif import FINGERPRINT_KEY, artifact_location
from gaudit.summary import Summary

SCHEMAS = Path(__file__).resolve().parent / "schemas"
TRICKY = "收费: 10%,\n见附注"  # '%', ',', ':' and a newline


@dataclass(frozen=True)
class FakeRule:
    """Rule metadata as gaudit.rules provides it (the writers' RuleInfo protocol)."""

    id: str
    name: str
    kind: str
    severity: Severity
    message: dict[str, str] = field(default_factory=dict)
    description: str = ""
    source: str = ""


RULES = (
    FakeRule("applications-column-total", "ApplicationsColumnTotal", "total-mismatch", Severity.ERROR,
             {"zh": "{row} {column} 为 {actual}", "en": "{row} {column} is {actual}"},
             "(七)总计等于各办理结果之和。\n按列核对。", "国办公开办函〔2021〕30号"),
    FakeRule("applications-blank-cell", "ApplicationsBlankCell", "blank-cell", Severity.WARNING,
             {"zh": "空白", "en": "blank"}, "申请情况表不应有空白单元格。"),
    FakeRule("fee-statement", "FeeStatement", "missing-fee-statement", Severity.INFO,
             {"zh": "未说明", "en": "missing"}),
    FakeRule("section-order", "SectionOrder", "section-order", Severity.ERROR, {"zh": "顺序", "en": "order"},
             "六个部分按顺序出现。"),
)

A = ok_file(
    "reports/a.txt", "utf-8", 0.99, "traditional", 2022, "2021",
    (
        finding("fee-statement", "missing-fee-statement", "info", TRICKY, 1, 1, section=6),
        finding("applications-column-total", "total-mismatch", "error",
                "(七)总计 自然人 为 5,但各办理结果之和为 4", 42, 1, 3, "applications", "results_total",
                "natural_person", 4, 5),
        finding("applications-blank-cell", "blank-cell", "warning", "「商业企业」栏为空", 30, 9, 3,
                "applications", "new", "commercial"),
    ),
    quoted_lines={1: "某县2022年政府信息公开工作年度报告", 30: "一、本年新收政府信息公开申请数量 | 3 |  | 0",
                  42: "(七)总计\t5\t0\t0"},
)
B = ok_file("reports/b.txt", "gb18030", None, "simplified", 2021, "2019")
C = failed_file("reports/c.pdf", "binary", "不是文本: 含 NUL 字节, 50%\n第二行")
D = ok_file("reports/柳溪镇 2022.txt", "utf-8", None, "simplified", None, None,
               (finding("section-5", "missing-section", "error", "缺少第五部分", 1, 1, section=5),),
               quoted_lines={1: "柳溪镇2022年报告"})
RESULTS = (A, B, C, D)

EXPECTED_FILES: list[dict[str, Any]] = [
    {
        "path": "reports/a.txt", "status": "ok", "encoding": "utf-8", "confidence": 0.99,
        "script": "traditional", "year": 2022, "template": "2021",
        "format": "text", "organ": None, "organ_level": None,
        "findings": [
            {"rule": "fee-statement", "kind": "missing-fee-statement", "severity": "info",
             "message": TRICKY, "line": 1, "col": 1, "section": 6},
            {"rule": "applications-column-total", "kind": "total-mismatch", "severity": "error",
             "message": "(七)总计 自然人 为 5,但各办理结果之和为 4", "line": 42, "col": 1, "section": 3,
             "table": "applications", "row": "results_total", "column": "natural_person",
             "expected": 4, "actual": 5},
            {"rule": "applications-blank-cell", "kind": "blank-cell", "severity": "warning",
             "message": "「商业企业」栏为空", "line": 30, "col": 9, "section": 3, "table": "applications",
             "row": "new", "column": "commercial"},
        ],
    },
    {"path": "reports/b.txt", "status": "ok", "encoding": "gb18030", "script": "simplified",
     "year": 2021, "template": "2019", "format": "text", "organ": None, "organ_level": None, "findings": []},
    {"path": "reports/c.pdf", "status": "error",
     "error": {"kind": "binary", "message": "不是文本: 含 NUL 字节, 50%\n第二行"}, "findings": []},
    {"path": "reports/柳溪镇 2022.txt", "status": "ok", "encoding": "utf-8", "script": "simplified",
     "year": None, "template": None, "format": "text", "organ": None, "organ_level": None,
     "findings": [{"rule": "section-5", "kind": "missing-section", "severity": "error",
                   "message": "缺少第五部分", "line": 1, "col": 1, "section": 5}]},
]
EXPECTED_SUMMARY = {"files": 4, "failed": 1, "errors": 2, "warnings": 1, "infos": 1,
                    "by_kind": {"blank-cell": 1, "missing-fee-statement": 1, "missing-section": 1,
                                "total-mismatch": 1},
                    "clean": 1, "with_errors": 2, "with_warnings": 0, "with_infos": 0}


def options(**changes: Any) -> OutputOptions:
    return OutputOptions(**{"tool_version": "9.8.7", "rules": RULES, **changes})


def render(fmt: Format, results: tuple[FileResult, ...] = RESULTS, **changes: Any) -> str:
    return writers.render(fmt, results, options(**changes))


def load_schema(name: str) -> dict[str, Any]:
    with open(SCHEMAS / name, encoding="utf-8") as fh:
        schema: dict[str, Any] = json.load(fh)
    return schema


# ---------------------------------------------------------------- summary
def test_summary_counts_files_and_findings() -> None:
    summary = Summary()
    for result in RESULTS:
        summary.add(result)
    assert (summary.files, summary.failed, summary.clean, summary.with_errors) == (4, 1, 1, 2)
    assert (summary.errors, summary.warnings, summary.infos, summary.findings) == (2, 1, 1, 4)
    assert summary.by_rule == {"fee-statement": 1, "applications-column-total": 1,
                               "applications-blank-cell": 1, "section-5": 1}
    contract = summary.to_contract()
    assert contract == EXPECTED_SUMMARY
    assert list(contract["by_kind"]) == sorted(contract["by_kind"])


def test_summary_file_with_only_warnings_is_neither_clean_nor_with_errors() -> None:
    summary = Summary()
    summary.add(ok_file("w.txt", "utf-8", findings=(
        finding("r", "blank-cell", "warning", "m", 3, 1), finding("r", "blank-cell", "warning", "m", 4, 1))))
    assert (summary.clean, summary.with_errors, summary.warnings, summary.by_kind) == (0, 0, 2, {"blank-cell": 2})


# ------------------------------------------------------------------- json
def test_file_to_contract_keeps_optional_keys_only_where_set() -> None:
    assert [file_to_contract(r) for r in RESULTS] == EXPECTED_FILES
    keys = list(file_to_contract(A)["findings"][1])
    assert keys == ["rule", "kind", "severity", "message", "line", "col", "section", "table", "row",
                    "column", "expected", "actual"]


def test_json_is_the_contract_and_valid_against_its_schema() -> None:
    text = render(Format.JSON)
    doc = json.loads(text)
    jsonschema.Draft202012Validator(load_schema("check.schema.json")).validate(doc)
    assert doc == {"schema": "gaudit.check/1", "tool": {"name": "gaudit", "version": "9.8.7"},
                   "files": EXPECTED_FILES, "summary": EXPECTED_SUMMARY}
    assert list(doc) == ["schema", "tool", "files", "summary"]
    # Chinese is written as is, indented by two, one trailing newline.
    assert "柳溪镇" in text and "\\u" not in text
    assert text.startswith('{\n  "schema": "gaudit.check/1",') and text.endswith("}\n")


def test_json_is_written_file_by_file_exactly_as_one_document_would_be() -> None:
    # Files are written as they arrive (in path order from the CLI) rather than kept to the
    # end, and the bytes are those of json.dumps over the whole document.
    text = render(Format.JSON)
    doc = json.loads(text)
    assert text == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    assert [f["path"] for f in doc["files"]] == [r.path for r in RESULTS]
    assert render(Format.JSON) == text
    empty = render(Format.JSON, ())
    assert json.loads(empty)["files"] == [] and '"files": [],' in empty
    assert empty == json.dumps(json.loads(empty), ensure_ascii=False, indent=2) + "\n"


def test_json_writer_keeps_no_file_once_it_is_written() -> None:
    stream = io.StringIO()
    writer = make_writer(Format.JSON, stream, OutputOptions(tool_version="9.8.7"))
    writer.start()
    writer.add(A)
    assert "reports/a.txt" in stream.getvalue()  # out before the run ends


def test_json_schema_rejects_a_wrong_document() -> None:
    validator = jsonschema.Draft202012Validator(load_schema("check.schema.json"))
    doc = json.loads(render(Format.JSON))
    doc["files"][0]["findings"][0]["severity"] = "fatal"
    assert not validator.is_valid(doc)
    doc = json.loads(render(Format.JSON))
    del doc["files"][1]["template"]
    assert not validator.is_valid(doc)


def test_json_with_no_files_is_still_a_valid_document() -> None:
    doc = json.loads(render(Format.JSON, ()))
    jsonschema.Draft202012Validator(load_schema("check.schema.json")).validate(doc)
    assert doc["files"] == [] and doc["summary"]["files"] == 0


# ------------------------------------------------------------------ jsonl
def test_jsonl_one_object_per_line_then_summary() -> None:
    lines = render(Format.JSONL).splitlines()
    assert len(lines) == 5
    assert [json.loads(line) for line in lines[:4]] == [{"type": "file", **f} for f in EXPECTED_FILES]
    assert json.loads(lines[4]) == {"type": "summary", "summary": EXPECTED_SUMMARY}


def test_jsonl_streams_each_file_as_it_is_added() -> None:
    stream = io.StringIO()
    writer = make_writer(Format.JSONL, stream, options())
    writer.start()
    writer.add(A)
    first = stream.getvalue()
    assert first.endswith("\n") and first.count("\n") == 1
    assert json.loads(first)["path"] == "reports/a.txt"
    writer.add(B)
    assert stream.getvalue().count("\n") == 2


def test_jsonl_escapes_unicode_line_separators() -> None:
    odd = ok_file("x.txt", "utf-8", None, "simplified", None, None,
                     (finding("r", "blank-cell", "info", "a\u2028b\x85c\u2029d", 2, 3),))
    lines = render(Format.JSONL, (odd,)).splitlines()  # splitlines breaks on U+2028, U+0085 …
    assert len(lines) == 2
    assert json.loads(lines[0])["findings"][0]["message"] == "a\u2028b\x85c\u2029d"


# ----------------------------------------------------------------- github
def test_github_one_command_per_finding_exactly() -> None:
    assert render(Format.GITHUB).splitlines() == [
        "::notice file=reports/a.txt,line=1,col=1,title=fee-statement (missing-fee-statement)"
        "::收费: 10%25,%0A见附注",
        "::error file=reports/a.txt,line=42,col=1,title=applications-column-total (total-mismatch)"
        "::(七)总计 自然人 为 5,但各办理结果之和为 4",
        "::warning file=reports/a.txt,line=30,col=9,title=applications-blank-cell (blank-cell)"
        "::「商业企业」栏为空",
        "::error file=reports/c.pdf,title=gaudit::不是文本: 含 NUL 字节, 50%25%0A第二行",
        "::error file=reports/柳溪镇 2022.txt,line=1,col=1,title=section-5 (missing-section)::缺少第五部分",
    ]


def test_github_escaping_of_data_and_properties() -> None:
    assert escape_data("a%b\r\nc: d, e") == "a%25b%0D%0Ac: d, e"
    assert escape_property("a%b\r\nc: d, e") == "a%25b%0D%0Ac%3A d%2C e"
    weird = ok_file("dir,1/a:b.txt", "utf-8", None, "simplified", None, None,
                       (finding("r:1", "blank-cell", "warning", "50%\nnext", 7, 2),))
    assert render(Format.GITHUB, (weird,)) == (
        "::warning file=dir%2C1/a%3Ab.txt,line=7,col=2,title=r%3A1 (blank-cell)::50%25%0Anext\n")


# -------------------------------------------------------------------- csv
def test_csv_reads_back_one_row_per_finding() -> None:
    text = render(Format.CSV)
    assert text.startswith("path,line,col,severity,rule,kind,section,table,row,column,expected,actual,message\n")
    assert "\r" not in text
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [(r["path"], r["line"], r["col"], r["severity"], r["rule"], r["kind"]) for r in rows] == [
        ("reports/a.txt", "1", "1", "info", "fee-statement", "missing-fee-statement"),
        ("reports/a.txt", "42", "1", "error", "applications-column-total", "total-mismatch"),
        ("reports/a.txt", "30", "9", "warning", "applications-blank-cell", "blank-cell"),
        ("reports/c.pdf", "", "", "error", "gaudit", "unreadable"),
        ("reports/柳溪镇 2022.txt", "1", "1", "error", "section-5", "missing-section"),
    ]
    assert rows[0]["message"] == TRICKY and rows[0]["section"] == "6" and rows[0]["table"] == ""
    total = rows[1]
    assert (total["table"], total["row"], total["column"], total["expected"], total["actual"]) == (
        "applications", "results_total", "natural_person", "4", "5")
    assert rows[3]["message"] == "不是文本: 含 NUL 字节, 50%\n第二行"


# ---------------------------------------------------------------- concise
def test_concise_lines_sorted_by_line_and_summary_in_chinese() -> None:
    assert render(Format.CONCISE).splitlines() == [
        "reports/a.txt:1:1: info fee-statement 收费: 10%, 见附注",
        "reports/a.txt:30:9: warning applications-blank-cell 「商业企业」栏为空",
        "reports/a.txt:42:1: error applications-column-total (七)总计 自然人 为 5,但各办理结果之和为 4",
        "reports/c.pdf:1:1: error unreadable 不是文本: 含 NUL 字节, 50% 第二行",
        "reports/柳溪镇 2022.txt:1:1: error section-5 缺少第五部分",
        "在 3 个文件中发现 5 个问题(错误 2 个,警告 1 个,提示 1 个,无法读取 1 个)。",
    ]


def test_concise_summary_in_english_quiet_and_statistics() -> None:
    lines = render(Format.CONCISE, lang="en", quiet=True, statistics=True).splitlines()
    assert lines == [
        "1  applications-blank-cell",
        "1  applications-column-total",
        "1  fee-statement",
        "1  section-5",
        "By organ and year:",
        "  (organ unknown) 2022: 1 errors, 1 warnings, 1 infos",
        "  (organ unknown) ?: 1 errors, 0 warnings, 0 infos",
        "Found 5 problems in 3 files (2 errors, 1 warning, 1 info, 1 unreadable).",
    ]
    assert render(Format.CONCISE, (B,), lang="en") == "No problems found in 1 file.\n"
    assert render(Format.CONCISE, (B,)) == "已审查 1 个文件,未发现问题。\n"


# ------------------------------------------------------------------ junit
def test_junit_counts_and_failure_messages() -> None:
    text = render(Format.JUNIT, fail_on="info")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(text.split("\n", 1)[1])
    assert root.tag == "testsuites"
    (suite,) = root
    assert (suite.get("name"), suite.get("tests"), suite.get("failures"), suite.get("errors")) == (
        "gaudit", "4", "2", "1")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [
        "reports/a.txt", "reports/b.txt", "reports/c.pdf", "reports/柳溪镇 2022.txt"]
    assert {c.get("classname") for c in cases} == {"gaudit"}
    failures = cases[0].findall("failure")
    assert [(f.get("type"), f.get("message")) for f in failures] == [
        ("missing-fee-statement", f"fee-statement: {TRICKY}"),
        ("total-mismatch", "applications-column-total: (七)总计 自然人 为 5,但各办理结果之和为 4"),
        ("blank-cell", "applications-blank-cell: 「商业企业」栏为空"),
    ]
    assert failures[2].text is not None and failures[2].text.startswith("reports/a.txt:30:9:")
    assert list(cases[1]) == []
    (error,) = cases[2]
    assert error.tag == "error" and error.get("type") == "binary"
    assert error.get("message") == "不是文本: 含 NUL 字节, 50%\n第二行"


def test_junit_findings_below_fail_on_are_not_failures() -> None:
    # --fail-on error (the default): the warning and the info of a.txt do not fail its case;
    # they are counted in its properties and listed in its system-out.
    root = ET.fromstring(render(Format.JUNIT).split("\n", 1)[1])
    (suite,) = root
    case = suite.findall("testcase")[0]
    assert [f.get("type") for f in case.findall("failure")] == ["total-mismatch"]
    properties = {p.get("name"): p.get("value") for p in case.findall("properties/property")}
    assert properties == {"gaudit.warnings": "1", "gaudit.infos": "1"}
    out = case.find("system-out")
    assert out is not None and out.text is not None
    assert "warning applications-blank-cell" in out.text and "info fee-statement" in out.text
    # --fail-on never: nothing fails, the suite counts no failure.
    never = ET.fromstring(render(Format.JUNIT, fail_on=None).split("\n", 1)[1])
    assert never[0].get("failures") == "0" and never.find(".//failure") is None


def test_junit_survives_control_characters_in_messages() -> None:
    odd = ok_file("x.txt", "utf-8", None, "simplified", None, None,
                     (finding("r", "blank-cell", "info", "bad\x00byte\x1b", 2, 3),))
    root = ET.fromstring(render(Format.JUNIT, (odd,), fail_on="info").split("\n", 1)[1])
    failure = root.find("testsuite/testcase/failure")
    # Characters XML cannot carry are removed.
    assert failure is not None and failure.get("message") == "r: badbyte"


def test_junit_spooled_to_disk_gives_the_same_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import gaudit.output.junit as junit

    in_memory = render(Format.JUNIT)
    monkeypatch.setattr(junit, "_SPOOL_IN_MEMORY", 16)  # every case past the first goes to disk
    assert render(Format.JUNIT) == in_memory
    # The layout is ElementTree's own indentation of the whole document.
    root = ET.fromstring(in_memory.split("\n", 1)[1])
    ET.indent(root)
    assert in_memory.split("\n", 1)[1] == ET.tostring(root, encoding="unicode") + "\n"
    empty = render(Format.JUNIT, ())
    assert '<testsuite name="gaudit" tests="0" failures="0" errors="0" />' in empty


# ------------------------------------------------------------------ sarif
def test_sarif_is_streamed_in_json_dumps_layout() -> None:
    text = render(Format.SARIF)
    log = json.loads(text)
    assert text == json.dumps(log, ensure_ascii=False, indent=2) + "\n"
    assert len(log["runs"]) == 1 and len(log["runs"][0]["results"]) == 4  # 3 in a.txt, 1 in 柳溪镇
    empty = render(Format.SARIF, ())
    assert json.loads(empty)["runs"][0]["results"] == []
    assert empty == json.dumps(json.loads(empty), ensure_ascii=False, indent=2) + "\n"


def sarif(results: tuple[FileResult, ...] = RESULTS, **changes: Any) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(render(Format.SARIF, results, **changes))
    return log


def test_sarif_is_valid_against_the_official_schema() -> None:
    schema = load_schema("sarif-schema-2.1.0.json")
    validator_class = jsonschema.validators.validator_for(schema)
    # No check_schema(): the official file itself fails its metaschema (an "anyOf" placed inside
    # region.properties, and "^(?i)…" patterns Python's re rejects); neither touches our logs.
    log = sarif()
    validator_class(schema, format_checker=validator_class.FORMAT_CHECKER).validate(log)
    assert log["$schema"] == schema["$id"]
    assert log["version"] == "2.1.0"
    # The schema is strict enough to catch a misplaced property.
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator_class(schema).is_valid(log)


def test_sarif_driver_describes_every_rule() -> None:
    driver = sarif()["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"], driver["informationUri"]) == (
        "gaudit", "9.8.7", "https://pypi.org/project/gaudit/")
    ids = [r["id"] for r in driver["rules"]]
    # Every rule in force, then a minimal entry for a rule nobody described (section-5).
    assert ids == ["applications-column-total", "applications-blank-cell", "fee-statement", "section-order",
                   "section-5"]
    total = driver["rules"][0]
    assert total["name"] == "ApplicationsColumnTotal"
    assert total["shortDescription"]["text"] == "(七)总计等于各办理结果之和。"
    assert total["fullDescription"]["text"] == "(七)总计等于各办理结果之和。\n按列核对。"
    assert "国办公开办函〔2021〕30号" in total["help"]["text"] and "**" in total["help"]["markdown"]
    assert [r.get("defaultConfiguration", {}).get("level") for r in driver["rules"]] == [
        "error", "warning", "note", "error", None]
    assert [r["properties"]["kind"] for r in driver["rules"]] == [
        "total-mismatch", "blank-cell", "missing-fee-statement", "section-order", "missing-section"]


def test_sarif_results_levels_locations_and_rule_index() -> None:
    run = sarif()["runs"][0]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("fee-statement", "note"), ("applications-column-total", "error"),
        ("applications-blank-cell", "warning"), ("section-5", "error")]
    for r in results:
        assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    assert results[0]["message"]["text"] == TRICKY
    location = results[2]["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "reports/a.txt", "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": 30, "startColumn": 9}}
    # Non-ASCII and spaces are percent-encoded (UTF-8), the separator stays '/'.
    assert results[3]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "reports/%E6%9F%B3%E6%BA%AA%E9%95%87%202022.txt")
    assert results[1]["properties"] == {"kind": "total-mismatch", "section": 3, "table": "applications",
                                        "row": "results_total", "column": "natural_person",
                                        "expected": 4, "actual": 5}


def test_sarif_unreadable_files_are_error_notifications() -> None:
    invocation = sarif()["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert "50%" in note["message"]["text"] and note["message"]["text"].startswith("reports/c.pdf")
    assert note["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "reports/c.pdf", "uriBaseId": "%SRCROOT%"}
    clean = sarif((B,))["runs"][0]
    assert clean["invocations"] == [{"executionSuccessful": True}] and clean["results"] == []


def _hash_of(result: FileResult) -> list[str]:
    return [r["partialFingerprints"][FINGERPRINT_KEY] for r in sarif((result,))["runs"][0]["results"]]


def test_sarif_fingerprint_survives_moved_lines_but_not_changed_ones() -> None:
    def at(line: int, text: str, message: str = "m") -> FileResult:
        made = finding("applications-column-total", "total-mismatch", "error", message, line, 1, 3,
                          "applications", "results_total", "natural_person", 4, 5)
        return ok_file("r.txt", "utf-8", None, "simplified", None, "2021", (made,),
                          quoted_lines={line: text})

    original = _hash_of(at(42, "(七)总计 | 5 | 0"))
    assert _hash_of(at(57, "(七)总计 | 5 | 0")) == original  # ten lines inserted above
    assert _hash_of(at(42, "  (七)总计 | 5 | 0  ", message="other words")) == original
    assert _hash_of(at(42, "(七)总计 | 6 | 0")) != original
    expected = hashlib.sha256("\0".join(
        ("r.txt", "applications-column-total", "results_total", "natural_person", "(七)总计 | 5 | 0")
    ).encode("utf-8")).hexdigest()[:32]
    assert original == [f"{expected}:1"]


def test_sarif_identical_findings_get_distinct_fingerprints() -> None:
    twice = ok_file("r.txt", "utf-8", None, "simplified", None, None, (
        finding("x", "blank-cell", "warning", "m", 3, 1), finding("x", "blank-cell", "warning", "m", 9, 1)),
        quoted_lines={3: "同一行", 9: "同一行"})
    first, second = _hash_of(twice)
    assert first.endswith(":1") and second.endswith(":2") and first[:-2] == second[:-2]


def test_sarif_uri_relative_to_base_dir_or_absolute_outside(tmp_path: Path) -> None:
    inside = tmp_path / "repo" / "年报" / "a b.txt"
    assert artifact_location(str(inside), str(tmp_path / "repo")) == {
        "uri": "%E5%B9%B4%E6%8A%A5/a%20b.txt", "uriBaseId": "%SRCROOT%"}
    outside = artifact_location(str(tmp_path / "other.txt"), str(tmp_path / "repo"))
    assert set(outside) == {"uri"} and outside["uri"].startswith("file:///")
    assert outside["uri"].endswith("/other.txt")
    doc = sarif((ok_file(str(inside), "utf-8", None, "simplified", None, None,
                            (finding("x", "blank-cell", "warning", "m", 1, 1),)),),
                base_dir=str(tmp_path / "repo"))
    uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "%E5%B9%B4%E6%8A%A5/a%20b.txt"


# -------------------------------------------------------------- dispatch
@pytest.mark.parametrize("fmt", [f for f in Format if f not in BINARY_FORMATS])  # xlsx: test_output_xlsx.py
def test_every_format_has_a_writer_that_handles_every_kind_of_result(fmt: Format) -> None:
    text = render(fmt, width=100, color=False)
    assert text.endswith("\n")
    assert "reports/c.pdf" in text  # every format reports the unreadable file


def test_machine_formats_do_not_import_rich() -> None:
    code = (
        "import io, sys\n"
        "from gaudit.output import Format, OutputOptions, make_writer\n"
        "from gaudit.summary import Summary\n"
        "for fmt in Format:\n"
        "    if fmt not in (Format.TERMINAL, Format.XLSX):  # xlsx needs a file: test_output_xlsx.py\n"
        "        w = make_writer(fmt, io.StringIO(), OutputOptions(tool_version='1'))\n"
        "        w.start(); w.finish(Summary())\n"
        "print('rich' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          timeout=60, check=True)
    assert proc.stdout.strip() == "False"


def test_formats_are_the_ones_the_command_line_offers() -> None:
    from gaudit.cli import FORMATS

    assert tuple(f.value for f in Format) == FORMATS


def test_jsonl_writes_each_file_as_it_arrives() -> None:
    """A file's line is out before the next file is audited: memory stays flat, pipes see progress."""
    stream = io.StringIO()
    writer = make_writer(Format.JSONL, stream, options())
    writer.start()
    writer.add(A)
    first = stream.getvalue().splitlines()
    assert len(first) == 1 and json.loads(first[0])["path"] == "reports/a.txt"
    writer.add(B)
    assert json.loads(stream.getvalue().splitlines()[1])["path"] == "reports/b.txt"
