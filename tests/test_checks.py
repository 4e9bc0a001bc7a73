"""Data-driven cases for every check type: given this report, this rule, these findings.

Each file ``tests/checks/<check-type>.yaml`` holds cases for one check type::

    check: sum
    cases:
      - name: row-total-off-by-one
        base: clean-2021                 # a file of samples/ (without extension) ...
        report: "..."                    # ... or the report's text itself
        replace: [[old, new], ...]       # edits to the base, each old text exactly once
        delete_lines: [first, last]      # 1-based, inclusive
        encoding: gbk                    # bytes written in this codec (default utf-8)
        bad_byte_at: [line, col]         # put one undecodable byte before this character
        params: {...}                    # the check's parameters
        conditions: {formats: [...], years: {...}, organ_levels: [...]}
        findings:                        # every finding, in order; only the keys given are compared
          - {line: 36, row: disclosed, column: total, expected: 23, actual: 24}

Run one check type's cases with ``pytest -k sum``.  The rule is written to a YAML
file and loaded like a user's, so these cases exercise validation too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from gaudit.checks import all_checks
from gaudit.cross.checks import cross_checks
from gaudit.document import read_document
from gaudit.engine import run_rules
from gaudit.rules import load_rule_file

from edits import report_bytes

CASES_DIR = Path(__file__).parent / "checks"


def _load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(data["check"], case, id=f"{data['check']}:{case['name']}"))
    return params


CASES = _load_cases()


def rule_file(tmp_path: Path, check: str, case: dict[str, Any]) -> Path:
    rule: dict[str, Any] = {
        "id": "case",
        "kind": case.get("kind", "total-mismatch"),
        "check": check,
        "severity": "error",
        "message": {"zh": "检查", "en": "check"},
        "params": case.get("params", {}),
    }
    rule.update(case.get("conditions", {}))
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump({"rules": [rule]}, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(("check", "case"), CASES)
def test_check_case(tmp_path: Path, check: str, case: dict[str, Any]) -> None:
    rules = load_rule_file(rule_file(tmp_path, check, case))
    doc = read_document(report_bytes(case), "report.txt")
    findings = run_rules(doc, rules)
    got = [{key: getattr(f, key) for key in want} for f, want in zip(findings, case["findings"], strict=False)]
    assert len(findings) == len(case["findings"]), [(f.line, f.col, f.row, f.column) for f in findings]
    assert got == case["findings"]


def test_every_check_type_has_passing_and_failing_cases() -> None:
    by_check: dict[str, set[bool]] = {}
    for param in CASES:
        check, case = param.values
        by_check.setdefault(check, set()).add(bool(case["findings"]))
    # Cross-report check types compare several reports: tests/test_cross_*.py cover them.
    assert set(by_check) == set(all_checks()) - set(cross_checks())
    assert all(kinds == {True, False} for kinds in by_check.values()), by_check


@pytest.mark.parametrize("name", sorted(all_checks()))
def test_check_docstring_documents_parameters_and_examples(name: str) -> None:
    check = all_checks()[name]
    assert check.doc.startswith(f"{name}:"), "the first line names the check type"
    for section in ("Parameters", "Examples", "PASS", "FAIL"):
        assert section in check.doc, section
    for param in check.params:
        assert f"{param} :" in check.doc, f"parameter {param!r} is not documented"
    for placeholder in check.placeholders:
        assert f"{{{placeholder}}}" in check.doc, f"placeholder {placeholder!r} is not documented"
