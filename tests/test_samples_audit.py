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
    # Line numbers of a PDF count lines of the text read from the finding's page (page 3 here).
    "pdf-2022-review-total.pdf": [("narrative-reviews", 31), ("reviews-group-total", 64)],
    "word-2022-narrative.docx": [("narrative-new-applications", 25)],
    "pipe-blank-cells.txt": [("section-order", 3), ("cell-blank", 31),
                             *(("cell-blank", line) for line in _BLANK_APPLICATION_ROWS)],
    "self-inspection-pinyin.txt": [("not-a-report", 1)],
    "traditional-headings-no-tables.txt": [("table-missing", 12), ("table-missing", 18), ("table-missing", 22),
                                           ("section-order", 27)],
}


def test_every_sample_has_its_expectation() -> None:
    assert set(EXPECTED) == {p.name for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html", ".pdf", ".docx")}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_findings(name: str) -> None:
    doc = read_document((SAMPLES / name).read_bytes(), f"samples/{name}")
    found = [(f.rule, f.line) for f in run_rules(doc, load_rules())]
    assert found == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_samples_readme_names_each_documented_rule(name: str) -> None:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith(f"| `{name}`"))
    for rule, _ in EXPECTED[name]:
        assert f"`{rule}`" in row or rule in readme.split("## Defects in", 1)[-1], (name, rule)


def test_pdf_sample_points_at_page_and_line_and_the_docx_at_its_line() -> None:
    pdf = read_document((SAMPLES / "pdf-2022-review-total.pdf").read_bytes(), "samples/pdf-2022-review-total.pdf")
    narrative, finding = run_rules(pdf, load_rules())
    # The text on page 3 says one review was filed; the table's total says 0.
    assert (narrative.rule, narrative.page, narrative.line, narrative.actual) == ("narrative-reviews", 3, 31, 1)
    assert (pdf.format.value, finding.page, finding.line, finding.actual, finding.expected) == ("pdf", 3, 64, 0, 1)
    assert pdf.source.line_at(finding.position).split()[:5] == ["0", "0", "0", "1", "0"]
    docx = read_document((SAMPLES / "word-2022-narrative.docx").read_bytes(), "samples/word-2022-narrative.docx")
    (finding,) = run_rules(docx, load_rules())
    assert (docx.format.value, finding.page, finding.line) == ("docx", None, 25)
    assert "15件" in docx.source.line_at(finding.position)
