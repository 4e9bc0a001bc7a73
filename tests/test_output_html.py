"""``--format html``: the page read back with html.parser, as a reviewer's browser gets it.

The page must hold the overview's counts, a file table that carries what its filters use,
each report's facts, outline, marked tables and findings (as inert JSON the page's script
draws), make no request of any kind, and never let a report's text become markup or code.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest
from htmlpage import Page, audited, page
from writers import failed_file, finding, ok_file

from gaudit.labels import TABLE_KEYS, row_columns, table_rows
from gaudit.model import Related
from gaudit.output import Format, OutputOptions, make_writer
from gaudit.output import html as html_writer
from gaudit.output.html_data import anchor, json_script
from gaudit.output.html_layout import cell_keys, layout
from gaudit.output.html_text import EN, ZH
from gaudit.summary import Summary

CJK = re.compile("[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def samples_page() -> Page:
    results = (audited("gbk-2021-defects.txt"), audited("pipe-blank-cells.txt"),
               failed_file("reports/broken.pdf", "encrypted", "文件已加密", "the file is encrypted"))
    return Page(page(results))


def _table(detail: dict[str, Any], key: str) -> list[Any]:
    return next(t for t in detail["tables"] if t[0] == key)


def _mark(detail: dict[str, Any], key: str, row: str, column: str) -> list[Any] | None:
    _, fmt, _, marks = _table(detail, key)
    index = cell_keys(key, fmt).index((row, column))
    return next((m for m in marks if m[0] == index), None)


# ------------------------------------------------------------------ the page itself
def test_page_makes_no_request(samples_page: Page) -> None:
    csp = next(a for t, a in samples_page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp["content"] and "connect-src" not in csp["content"]
    for tag, attrs in samples_page.tags:
        assert tag not in ("link", "iframe", "img", "object", "embed", "base"), tag
        assert "src" not in attrs, (tag, attrs)
        if "href" in attrs:
            assert attrs["href"].startswith("#"), attrs["href"]
    raw = page((audited("clean-2021.txt"),))
    assert not re.search(r"url\(|https?:|//[a-z]", raw.replace("default-src", ""), re.I)


def test_overview_counts(samples_page: Page) -> None:
    counts = {a["data-count"]: a for t, a in samples_page.tags if "data-count" in a}
    assert set(counts) == {"files", "read", "failed", "clean", "with-errors", "findings"}
    text = samples_page.text
    # 2 audited (gbk: 4 errors and 1 warning; pipe: 21 blank cells, 1 section-order warning), 1 unreadable.
    assert "3审查文件" in text and "2已读取" in text and "1无法读取" in text and "26发现问题" in text
    assert "文件已加密" in text and "reports/broken.pdf" in text
    assert "东湖区枫林街道办事处 (1)" in text and "2021 (1)" in text


def test_file_table_carries_what_the_filters_use(samples_page: Page) -> None:
    rows = [a for t, a in samples_page.tags if t == "tr" and "data-target" in a]
    assert [r["data-path"] for r in rows] == ["samples/gbk-2021-defects.txt", "samples/pipe-blank-cells.txt",
                                              "reports/broken.pdf"]
    gbk, pipe, broken = rows
    assert (gbk["data-e"], gbk["data-w"], gbk["data-state"]) == ("3", "1", "error")
    assert set(gbk["data-kinds"].split()) == {"total-mismatch", "narrative-mismatch", "missing-fee-statement"}
    assert gbk["data-organ"] == "东湖区枫林街道办事处"
    assert (pipe["data-e"], broken["data-state"]) == ("21", "failed")
    for row in rows:  # each row points at its report's section
        assert samples_page.by_id(row["data-target"])
    kinds = [a.get("value") for t, a in samples_page.tags if t == "option"]
    assert "blank-cell" in kinds and "东湖区枫林街道办事处" in kinds


def test_wrong_cell_marked_with_the_expected_value(samples_page: Page) -> None:
    gbk = samples_page.details()[0]
    # One wrong cell explains the row total and the column total it breaks: it is the one marked.
    assert _mark(gbk, "applications", "disclosed", "commercial") is not None
    assert _mark(gbk, "applications", "disclosed", "commercial")[1:] == ["wrong", "应为 2"]  # type: ignore[index]
    assert _mark(gbk, "applications", "disclosed", "total") is None
    assert _mark(gbk, "reviews", "review", "total")[1:] == ["wrong", "应为 3"]  # type: ignore[index]
    assert _mark(gbk, "applications", "new", "total")[1:] == ["note", "正文 12"]  # type: ignore[index]
    assert _mark(gbk, "applications", "new", "natural_person") is None
    _, fmt, values, _ = _table(gbk, "applications")
    assert values[cell_keys("applications", fmt).index(("disclosed", "total"))] == "8"


def test_blank_rows_are_marked_cell_by_cell(samples_page: Page) -> None:
    pipe = samples_page.details()[1]
    for column in row_columns("applications", "2019", "carried_over"):
        assert _mark(pipe, "applications", "carried_over", column) == [
            cell_keys("applications", "2019").index(("carried_over", column)), "blank", ""]
    assert _mark(pipe, "applications", "new", "total") is None
    outline = {row[0]: row[4] for row in pipe["outline"]}
    assert set(outline.values()) <= {"present", "out_of_order", "duplicate", "missing"}


def test_findings_carry_location_rule_and_original_line(samples_page: Page) -> None:
    gbk = samples_page.details()[0]
    row_total = next(f for f in gbk["findings"] if f[1] == "applications-cell-breaks-totals")
    severity, _, kind, message, where, quote, related = row_total
    assert (severity, kind, where, related) == ("error", "total-mismatch", "第 36 行", [])
    assert "予以公开" in message
    own = [line for line in quote if line[2] is True]  # the finding's line among its context
    assert [line[0] for line in quote] == [34, 35, 36, 37, 38] and own[0][0] == 36 and "予以公开" in own[0][1]
    assert ["报告年度", "2021"] in gbk["facts"]


def test_a_finding_on_a_pdf_page_says_the_page() -> None:
    f = finding("r", "blank-cell", "error", "空", 4, 1, page=3)
    detail = Page(page((ok_file("a.pdf", findings=(f,), quoted_lines={4: "x"}),))).details()[0]
    assert detail["findings"][0][4] == "第 3 页第 4 行"


def test_cross_report_findings_link_to_the_other_report() -> None:
    f = finding("carryover", "carryover-mismatch", "error", "不符", 5, 1)
    f = type(f)(f.rule, f.kind, f.severity, f.message, f.hit, f.position,
                related=(Related("b/2021.txt", line=9),))
    results = (ok_file("b/2022.txt", findings=(f,)), ok_file("b/2021.txt"))
    parsed = Page(page(results))
    related = parsed.details()[0]["findings"][0][6]
    assert related == [["b/2021.txt", anchor("b/2021.txt"), "第 9 行"]]
    assert parsed.by_id(anchor("b/2021.txt"))["class"] == "report"


def test_english_page_has_english_words_only() -> None:
    results = (ok_file("a.txt", findings=(finding("r", "blank-cell", "error", "空白", 3, 1, en="blank"),)),)
    raw = page(results, lang="en")
    parsed = Page(raw)
    assert parsed.by_id("gaudit-words") and parsed.json("gaudit-words") == EN
    assert '<html lang="en">' in raw
    assert not CJK.search(parsed.text), CJK.findall(parsed.text)
    assert not CJK.search(json.dumps(parsed.json("gaudit-layouts"), ensure_ascii=False))
    assert parsed.details()[0]["findings"][0][3] == "blank"
    assert Page(page(results)).json("gaudit-words") == ZH


def test_empty_run_says_so() -> None:
    parsed = Page(page(()))
    assert "本次没有审查任何文件" in parsed.text
    assert not any(a.get("id") == "files" for _, a in parsed.tags)
    assert "No file was audited" in Page(page((), lang="en")).text


# ------------------------------------------------------------------ hostile input
HOSTILE_PATH = "a <b> & \"c\" 'd' e.txt"
HOSTILE_TEXT = "</script><script>alert(1)</script> &amp; <!-- \u202eevil\u2028x\x07"


def test_hostile_text_never_becomes_markup_or_code() -> None:
    f = finding("r<1>", "invalid-value", "error", HOSTILE_TEXT, 2, 1)
    result = ok_file(HOSTILE_PATH, findings=(f,), organ="<img src=x onerror=alert(2)>",
                     quoted_lines={2: HOSTILE_TEXT})
    raw = page((result, failed_file("<script>.txt", "binary", HOSTILE_TEXT)))
    parsed = Page(raw)
    code = [body for attrs, body in parsed.scripts if attrs.get("type") != "application/json"]
    assert len(code) == 1 and "alert" not in code[0]
    assert len(parsed.scripts) == 5  # words, layouts, config, one report's data, the code
    assert not any(t in ("img",) for t, _ in parsed.tags)
    for char in ("\u202e", "\u2028", "\x07"):
        assert char not in raw
    detail = parsed.details()[0]
    assert detail["findings"][0][3] == HOSTILE_TEXT.replace("\u202e", "[U+202E]").replace(
        "\u2028", "[U+2028]").replace("\x07", "[U+0007]")
    assert HOSTILE_PATH in parsed.text and "<script>.txt" in parsed.text
    assert [a["data-path"] for t, a in parsed.tags if t == "tr" and "data-path" in a] == [
        HOSTILE_PATH, "<script>.txt"]


def test_inline_json_cannot_close_its_script() -> None:
    text = json_script({"x": "</script><!--\u2028\u2029&"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"x": "</script><!--\u2028\u2029&"}


def test_a_path_with_lone_surrogates_is_written() -> None:
    parsed = Page(page((ok_file("bad\udcff.txt"),)))
    assert "bad[U+DCFF].txt" in parsed.text


# ------------------------------------------------------------------ scale and streaming
def test_ten_thousand_findings_travel_as_data() -> None:
    many = tuple(finding("r", "blank-cell", "warning", f"第{i}处", i, 1) for i in range(1, 10_001))
    raw = page((ok_file("big.txt", findings=many, quoted_lines={i: f"行{i}" for i in range(1, 10_001)}),))
    detail = Page(raw).details()[0]
    assert len(detail["findings"]) == 10_000 and detail["findings"][-1][5] == [
        [9998, "行9998", False], [9999, "行9999", False], [10000, "行10000", True]]
    assert len(raw) < 2_500_000
    assert raw.count("<tr") < 20  # the findings are drawn by the page on demand, not as markup


def test_writer_streams_through_spools(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_writer, "_SPOOL_IN_MEMORY", 2_000)
    stream = io.StringIO()
    writer = make_writer(Format.HTML, stream, OutputOptions(tool_version="1"))
    summary = Summary()
    writer.start()
    for i in range(30):
        result = ok_file(f"r/{i:02}.txt", organ=f"机关{i % 3}", year=2021)
        summary.add(result)
        writer.add(result)
    assert stream.getvalue() == ""  # nothing kept but spools and counters until the overview is known
    assert writer._reports._rolled  # type: ignore[attr-defined]  # spilled to a temporary file
    writer.finish(summary)
    parsed = Page(stream.getvalue())
    assert len(parsed.details()) == 30 and "机关1 (10)" in parsed.text


# ------------------------------------------------------------------ layouts
@pytest.mark.parametrize("fmt", ["2019", "2021"])
@pytest.mark.parametrize("table", TABLE_KEYS)
def test_layout_places_every_template_cell_once(table: str, fmt: str) -> None:
    expected = [(row, column) for row, _, _ in table_rows(table, fmt) for column in row_columns(table, fmt, row)]
    assert sorted(cell_keys(table, fmt)) == sorted(expected)
    body = layout(table, fmt, "zh")["body"]
    indexes = [entry[1] for row in body for entry in row if entry[0] == "td"]
    assert indexes == list(range(len(expected)))


def test_cli_writes_the_page(tmp_path: Any) -> None:
    import subprocess
    import sys

    out = tmp_path / "r.html"
    proc = subprocess.run([sys.executable, "-m", "gaudit", "check", "samples/clean-2021.txt", "--format", "html",
                           "-o", str(out)], capture_output=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    parsed = Page(out.read_text(encoding="utf-8"))
    assert parsed.details()[0]["findings"] == [] and "1审查文件" in parsed.text
