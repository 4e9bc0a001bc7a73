"""What ``gaudit check samples/`` reports: exactly the findings samples/README.md documents.

A user's first command is ``gaudit check samples/``; these are the findings they see,
rule by rule and line by line, with the built-in rules and default settings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gaudit.document import read_document
from gaudit.engine import run_rules
from gaudit.rules import load_rules

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

_BLANK_APPLICATION_ROWS = [37, *range(40, 59)]

EXPECTED: dict[str, list[tuple[str, int]]] = {
    "clean-2021.txt": [],
    "clean-2019.txt": [],
    "big5-traditional-2021.txt": [("period-mismatch", 3)],
    "gbk-2021-defects.txt": [
        ("narrative-new-applications", 30),
        ("applications-cell-breaks-totals", 36),
        ("reviews-group-total", 65),
        ("fee-statement-missing", 70),
    ],
    "headings-without-tables.txt": [("table-missing", 13), ("table-missing", 14), ("table-missing", 15)],
    "html-2021.html": [("cell-blank", 62)],
    "one-cell-per-line.txt": [("regulations-below-city-level", 28)],
    "pipe-blank-cells.txt": [("section-order", 3), ("cell-blank", 31),
                             *(("cell-blank", line) for line in _BLANK_APPLICATION_ROWS)],
    "self-inspection-pinyin.txt": [("not-a-report", 1)],
    "traditional-headings-no-tables.txt": [("table-missing", 12), ("table-missing", 18), ("table-missing", 22),
                                           ("section-order", 27)],
}


def test_every_sample_has_its_expectation() -> None:
    assert set(EXPECTED) == {p.name for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html")}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_findings(name: str) -> None:
    doc = read_document((SAMPLES / name).read_bytes(), f"samples/{name}")
    found = [(f.rule, f.line) for f in run_rules(doc, load_rules(), "zh")]
    assert found == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_samples_readme_names_each_documented_rule(name: str) -> None:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith(f"| `{name}`"))
    for rule, _ in EXPECTED[name]:
        assert f"`{rule}`" in row or rule in readme.split("## Defects in", 1)[-1], (name, rule)
