"""Reading the three statutory tables: golden extractions per layout, encodings, samples, seeds.

The inputs under ``tests/data/layouts`` were written for these tests, one per layout
family (both formats); each has an ``.expected.json`` holding every cell as the
``gaudit.extract/1`` contract writes it.  The same expectations must hold when the
file is saved in a legacy encoding or in Traditional script.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gaudit.audit import AuditOptions, audit_document
from gaudit.document import read_document
from gaudit.model import Document
from gaudit.output.extract_data import extract_to_contract
from gaudit.template import spec


def document_to_contract(doc: Document) -> dict[str, Any]:
    """The ``gaudit.extract/1`` object of one read document."""
    return extract_to_contract(audit_document(doc, AuditOptions()))

DATA = Path(__file__).parent / "data" / "layouts"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"

LAYOUTS = sorted(p.name.removesuffix(".expected.json") for p in DATA.glob("*.expected.json"))


def source_of(name: str, suffix: str = "") -> Path:
    for ext in (".txt", ".html"):
        path = DATA / f"{name}{suffix}{ext}"
        if path.exists():
            return path
    raise FileNotFoundError(name)


def expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))
    return data


def extract(data: bytes, path: str = "report.txt") -> dict[str, Any]:
    return document_to_contract(read_document(data, path))


def wrong_cells(want: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Every cell whose value differs, as ``table.row.column: want != got``."""
    out = []
    for table, rows in want.items():
        for row, cols in rows.items():
            for col, value in cols.items():
                value_got = got.get(table, {}).get(row, {}).get(col, "<absent>")
                if value_got != value or type(value_got) is not type(value):
                    out.append(f"{table}.{row}.{col}: {value!r} != {value_got!r}")
    return out


def test_every_layout_family_has_a_golden_file() -> None:
    families = {name.split("_")[0] for name in LAYOUTS}
    assert families == {"pipe", "lines", "tabs", "spaces", "markdown", "html", "pdf"}
    assert {expected(n)["template"] for n in LAYOUTS} == {"2019", "2021"}


@pytest.mark.parametrize("name", LAYOUTS)
def test_golden_extraction(name: str) -> None:
    path = source_of(name)
    got = extract(path.read_bytes(), path.name)
    want = expected(name)
    assert got["template"] == want["template"]
    assert set(got["tables"]) == {"active", "applications", "reviews"}
    assert wrong_cells(want["tables"], got["tables"]) == []


@pytest.mark.parametrize("name", LAYOUTS)
def test_golden_extraction_has_every_row_and_column_of_the_format(name: str) -> None:
    path = source_of(name)
    got = extract(path.read_bytes(), path.name)
    for table, rows in got["tables"].items():
        layout = spec(table, got["template"])
        assert list(rows) == [r.key for r in layout.rows]
        for r in layout.rows:
            assert list(rows[r.key]) == [c.key for c in r.columns]


@pytest.mark.parametrize(("name", "codec"), [
    ("pipe_2021", "gbk"),
    ("tabs_2021", "gb18030"),
    ("pdf_2021", "gb18030"),
    ("spaces_2019", "utf-16"),
    ("markdown_2021", "utf-8-sig"),
])
def test_golden_extraction_in_a_legacy_encoding(name: str, codec: str) -> None:
    text = source_of(name).read_text(encoding="utf-8")
    got = extract(text.encode(codec))
    assert wrong_cells(expected(name)["tables"], got["tables"]) == []


@pytest.mark.parametrize("name", ["pipe_2021", "lines_2019"])
@pytest.mark.parametrize("codec", ["utf-8", "big5hkscs"])
def test_traditional_variant_reads_the_same_cells(name: str, codec: str) -> None:
    text = source_of(name, ".trad").read_text(encoding="utf-8")
    assert "統計" in text or "總計" in text  # really Traditional
    doc = read_document(text.encode(codec), "report.txt")
    assert doc.script == "traditional"
    assert wrong_cells(expected(name)["tables"], document_to_contract(doc)["tables"]) == []


def test_cell_positions_point_into_the_original_file() -> None:
    path = source_of("pipe_2021")
    text = path.read_text(encoding="utf-8")
    doc = read_document(path.read_bytes(), path.name)
    cell = doc.tables["applications"].cell("new", "total")
    assert cell is not None
    position = doc.position(cell.offset)
    line = text.splitlines()[position.line - 1]
    assert line[position.col - 1:].startswith(str(cell.value))


# --- stretch: rows whose separators were lost --------------------------------------------------

_GLUED = """\
某县司法局2022年政府信息公开工作年度报告
一、总体情况
全年依法公开政府信息。
二、主动公开政府信息情况
第二十条第(一)项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章000
行政规范性文件6233440
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量200000121
二、上年结转政府信息公开申请数量1000001
四、结转下年度继续办理0000000
四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
结果维持 结果纠正 其他结果 尚未审结 总计
000000000000000
五、存在的主要问题及改进情况
无。
六、其他需要报告的事项
本年度未收取信息处理费。
"""


def test_glued_runs_are_split_by_the_row_identity() -> None:
    got = extract(_GLUED.encode("utf-8"))
    apps = got["tables"]["applications"]
    # 200000121: 20 + 0 + 0 + 0 + 0 + 1 = 21 is the only cut whose total adds up.
    assert apps["new"] == {"natural_person": 20, "commercial": 0, "research": 0, "nonprofit": 0,
                           "legal_services": 0, "other_org": 1, "total": 21}
    assert apps["carried_over"] == {"natural_person": 1, "commercial": 0, "research": 0, "nonprofit": 0,
                                    "legal_services": 0, "other_org": 0, "total": 1}
    assert set(apps["carried_forward"].values()) == {0}
    assert got["tables"]["active"]["regulations"] == {"issued": 0, "repealed": 0, "in_force": 0}
    assert set(got["tables"]["reviews"]["review"].values()) == {0}
    assert "applications" not in got.get("ambiguous", {})


def test_glued_run_without_an_identity_is_reported_ambiguous() -> None:
    got = extract(_GLUED.encode("utf-8"))
    # 6233440 into issued / repealed / in_force has many cuts and no identity to choose.
    assert "normative_documents" in got["ambiguous"]["active"]


# --- samples ------------------------------------------------------------------------------------

def sample(name: str) -> dict[str, Any]:
    path = SAMPLES / name
    return extract(path.read_bytes(), path.name)


def test_every_sample_reads_into_the_contract() -> None:
    for path in sorted(SAMPLES.glob("*.*")):
        if path.suffix not in (".txt", ".html"):
            continue
        got = extract(path.read_bytes(), path.name)
        if path.name in ("self-inspection-pinyin.txt", "headings-without-tables.txt",
                         "traditional-headings-no-tables.txt"):
            assert got["tables"] == {} and got["template"] is None, path.name
        else:
            assert set(got["tables"]) == {"active", "applications", "reviews"}, path.name


def test_sample_one_cell_per_line() -> None:
    got = sample("one-cell-per-line.txt")
    active = got["tables"]["active"]
    assert got["template"] == "2019" and got["year"] == 2020
    assert active == {
        "regulations": {"made": 17, "published": 0, "total_published": 0},
        "normative_documents": {"made": 46, "published": 0, "total_published": 0},
        "licensing": {"previous_items": 15, "change": 64, "decisions": 1320},
        # The label is broken over two lines with a blank line between: 其他对外管理 / 服务事项.
        "other_services": {"previous_items": 72, "change": 25, "decisions": 1466},
        "penalty": {"previous_items": 0, "change": 0, "decisions": 0},
        "enforcement": {"previous_items": 0, "change": 0, "decisions": 0},
        "fees": {"previous_items": 0, "change": 0},
        "procurement": {"projects": 11, "amount": 316720.5},
    }


def test_sample_pipe_blank_cells_blank_exactly_where_the_file_is_empty() -> None:
    apps = sample("pipe-blank-cells.txt")["tables"]["applications"]
    filled = {"new", "disclosed", "partly_disclosed"}
    for row, cells in apps.items():
        if row in filled:
            assert set(cells.values()) == {0}, row
        else:
            assert set(cells.values()) == {None}, row


def test_sample_html_has_one_blank_cell() -> None:
    tables = sample("html-2021.html")["tables"]
    blanks = [(t, r, c) for t, rows in tables.items() for r, cols in rows.items()
              for c, v in cols.items() if v is None]
    assert blanks == [("applications", "rejected_publication", "research")]


# --- seeds ---------------------------------------------------------------------------------------

def seed(seeds_dir: Path, prefix: str) -> tuple[dict[str, Any], Any]:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    doc = read_document(path.read_bytes(), path.name)
    return document_to_contract(doc), doc


def test_seed_002_cell_for_cell(seeds_dir: Path) -> None:
    got, doc = seed(seeds_dir, "002")
    assert got["template"] == "2019"
    active = got["tables"]["active"]
    assert active == {
        "regulations": {"made": 21, "published": 0, "total_published": 0},
        "normative_documents": {"made": 85, "published": 0, "total_published": 0},
        "licensing": {"previous_items": 21, "change": 98, "decisions": 1780},
        "other_services": {"previous_items": 85, "change": 37, "decisions": 1852},
        "penalty": {"previous_items": 0, "change": 0, "decisions": 0},
        "enforcement": {"previous_items": 0, "change": 0, "decisions": 0},
        "fees": {"previous_items": 0, "change": 0},
        "procurement": {"projects": 18, "amount": 258463.87},
    }
    for table in ("applications", "reviews"):
        values = {v for cols in got["tables"][table].values() for v in cols.values()}
        assert values == {0}, table
    # Positions are lines of the seed as saved: 行政许可 on line 44, its three cells below it.
    licensing = doc.tables["active"].rows["licensing"]
    assert licensing.position.line == 44
    assert [doc.position(c.offset).line for c in licensing.cells.values()] == [45, 46, 47]


def test_seed_004_blank_cells_are_null_exactly_where_the_file_has_none(seeds_dir: Path) -> None:
    got, _ = seed(seeds_dir, "004")
    tables = got["tables"]
    assert got["template"] == "2019"
    assert tables["active"]["procurement"] == {"projects": 0, "amount": None}
    assert all(v == 0 for r, cols in tables["active"].items() if r != "procurement" for v in cols.values())
    filled = {"new", "disclosed", "partly_disclosed"}
    for row, cells in tables["applications"].items():
        assert set(cells.values()) == ({0} if row in filled else {None}), row
    assert {v for cols in tables["reviews"].values() for v in cols.values()} == {0}


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_seeds_with_headings_but_no_tables(seeds_dir: Path, prefix: str) -> None:
    got, doc = seed(seeds_dir, prefix)
    assert got["tables"] == {} and got["template"] is None
    assert {s.number for s in doc.sections} >= {2, 3, 4}


def test_seed_003_has_no_sections_and_no_tables(seeds_dir: Path) -> None:
    got, doc = seed(seeds_dir, "003")
    assert doc.sections == ()
    assert got["tables"] == {}


# --- layouts met in the evaluation corpus ------------------------------------------------------

def _report(active: str, applications: str, reviews: str, prose3: str = "") -> bytes:
    return ("长宁县民政局2022年政府信息公开工作年度报告\n一、总体情况\n略。\n二、主动公开政府信息情况\n"
            f"{active}\n三、收到和处理政府信息公开申请情况\n{prose3}{applications}\n"
            f"四、政府信息公开行政复议、行政诉讼情况\n{reviews}\n五、存在的主要问题及改进情况\n略。\n"
            "六、其他需要报告的事项\n本年度未收取信息处理费。\n").encode()


_ACTIVE = "信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 0\n行政规范性文件 1 0 4\n"
_APPS_ROWS = [
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "(一)予以公开",
    "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
    "7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
    "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "(七)总计",
    "四、结转下年度继续办理",
]


def _apps(sep: str = " ", wrap: int = 0) -> str:
    """Every applications row, its seven cells 1 0 0 0 0 0 1; labels longer than ``wrap`` cut there."""
    lines = []
    for label in _APPS_ROWS:
        cells = sep.join(["1", "0", "0", "0", "0", "0", "1"])
        if wrap and len(label) > wrap:
            lines += [f"{label[:wrap]}{sep}{cells}", label[wrap:]]
        else:
            lines.append(f"{label}{sep}{cells}")
    return "\n".join(lines)


def test_pdf_labels_cut_short_with_cells_on_the_first_line() -> None:
    got = extract(_report(_ACTIVE, _apps(wrap=16), "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n"
                                                  + " ".join(["0"] * 15)))
    apps = got["tables"]["applications"]
    assert all(row == {"natural_person": 1, "commercial": 0, "research": 0, "nonprofit": 0,
                       "legal_services": 0, "other_org": 0, "total": 1} for row in apps.values()), apps


def test_reviews_header_stacked_one_character_per_line() -> None:
    header = "\n".join("行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉")
    got = extract(_report(_ACTIVE, _apps(), header + "\n" + " ".join(["1", "0", "0", "0", "1"] * 3)))
    assert got["tables"]["reviews"]["review"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}


def test_two_tabs_hold_an_empty_cell() -> None:
    reviews = "行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n" \
              "1\t\t0\t0\t2\t" + "\t".join(["0"] * 10)
    got = extract(_report(_ACTIVE, _apps("\t"), reviews))
    assert got["tables"]["reviews"]["review"] == {"upheld": 1, "corrected": None, "other": 0, "pending": 0,
                                                  "total": 2}


def test_empty_line_among_one_cell_per_line_values_is_a_blank_cell() -> None:
    reviews = "行政复议\n行政诉讼\n结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n1\n0\n\n1\n2\n" + "\n".join(["0"] * 10)
    got = extract(_report(_ACTIVE, _apps(), reviews))
    assert got["tables"]["reviews"]["review"] == {"upheld": 1, "corrected": 0, "other": None, "pending": 1,
                                                  "total": 2}
    assert set(got["tables"]["reviews"]["litigation_after_review"].values()) == {0}
    # The blank cell stands on its own empty line: that is where a finding points.
    data = _report(_ACTIVE, _apps(), reviews)
    lines = data.decode("utf-8").split("\n")
    doc = read_document(data, "r.txt")
    blank = doc.tables["reviews"].cell("review", "other")
    assert blank is not None
    line = doc.position(blank.offset).line
    assert lines[line - 1] == "" and lines[line - 2] == "0" and lines[line] == "1"


def test_reviews_row_of_fifteen_cells_run_together_is_split() -> None:
    reviews = "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n71201000000524011"
    got = extract(_report(_ACTIVE, _apps(), reviews))
    rows = got["tables"]["reviews"]
    assert rows["review"] == {"upheld": 7, "corrected": 1, "other": 2, "pending": 0, "total": 10}
    assert rows["litigation_after_review"] == {"upheld": 5, "corrected": 2, "other": 4, "pending": 0, "total": 11}


def test_a_label_quoted_in_the_text_before_the_table_does_not_hide_it() -> None:
    prose = "全年新收政府信息公开申请25件,\n结转下年度继续办理1件。\n"
    got = extract(_report(_ACTIVE, _apps(), "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n"
                          + " ".join(["0"] * 15), prose3=prose))
    assert {row["total"] for row in got["tables"]["applications"].values()} == {1}


def test_row_short_of_cells_with_no_separator_to_say_which_is_not_trusted_for_arithmetic() -> None:
    # Space-aligned text lost the empty cell's place: the 14 values fill the first columns.
    reviews = "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n0 0 0 0 0 0 0 0 1 0 0 0 0 1"
    doc = read_document(_report(_ACTIVE, _apps(), reviews), "r.txt")
    table = doc.tables["reviews"]
    assert set(table.ambiguous_rows) == {"review", "litigation_direct", "litigation_after_review"}
    assert table.cell("litigation_after_review", "total") is not None
    assert table.cell("litigation_after_review", "total").value is None  # type: ignore[union-attr]
    from gaudit.engine import run_rules
    from gaudit.rules import load_rules

    found = {(f.rule, f.row) for f in run_rules(doc, load_rules())}
    assert ("reviews-group-total", "litigation_direct") not in {(r, w) for r, w in found}
    assert any(rule == "cell-blank" for rule, _ in found)


def test_html_row_with_label_fillers_keeps_its_blank_last_cell() -> None:
    cells = "".join(f"<td>{v}</td>" for v in [1, 0, 0, 0, 0, 0, 1])
    rows = []
    for label in _APPS_ROWS[:-1]:
        rows.append(f"<tr><td>&nbsp;</td><td>{label}</td><td>&nbsp;</td>{cells}</tr>")
    # The last row spans the label columns with filler cells and leaves 总计 empty.
    rows.append("<tr><td>四、结转下年度继续办理</td><td>&nbsp;</td><td>&nbsp;</td>"
                + "".join(f"<td>{v}</td>" for v in [1, 0, 0, 0, 0, 0]) + "<td>&nbsp;</td></tr>")
    html = "<table>" + "\n".join(rows) + "</table>"
    got = extract(_report(_ACTIVE, html, "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n"
                          + " ".join(["0"] * 15)))
    apps = got["tables"]["applications"]
    assert apps["carried_forward"] == {"natural_person": 1, "commercial": 0, "research": 0, "nonprofit": 0,
                                       "legal_services": 0, "other_org": 0, "total": None}
    assert apps["results_total"]["total"] == 1


def test_pipe_rows_with_trailing_merge_marks_lose_only_the_marks() -> None:
    active = ("第二十条第(一)项 | ||||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 | |\n"
              "规章 | 0 | 0 | 0 | |\n行政规范性文件 | 1 | 0 | | |\n")
    got = extract(_report(active, _apps(" | "), "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n"
                          + " ".join(["0"] * 15)))
    assert got["tables"]["active"]["regulations"] == {"issued": 0, "repealed": 0, "in_force": 0}
    assert got["tables"]["active"]["normative_documents"] == {"issued": 1, "repealed": 0, "in_force": None}


def test_a_bracket_left_over_from_a_wrapped_header_is_not_a_cell() -> None:
    active = ("信息内容 本年处理决定数量\n行政许可 5\n行政处罚 2\n行政强制\n第二十条第(八)项\n信息内容\n"
              "本年收费金额(单\n位:万元\n)\n行政事业性收费 0.00\n")
    got = extract(_report(active, _apps(), "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n"
                          + " ".join(["0"] * 15)))
    assert got["tables"]["active"]["enforcement"] == {"decisions": None}
    assert got["tables"]["active"]["fees"] == {"amount": 0.0}


def test_reviews_table_with_every_cell_blank_is_a_blank_table_not_a_missing_one() -> None:
    doc = read_document(_report(_ACTIVE, _apps(), "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n"),
                        "r.txt")
    reviews = doc.tables["reviews"]
    assert {c.value for r in reviews.rows.values() for c in r.cells.values()} == {None}
    # Prose about reviews is no table.
    prose = "本年度被申请行政复议1件,结果维持1件,未被提起行政诉讼,无尚未审结案件。"
    assert "reviews" not in read_document(_report(_ACTIVE, _apps(), prose), "r.txt").tables


def test_blank_reviews_table_under_a_header_wrapped_over_two_lines() -> None:
    header = ("行政复议 行政诉讼\n"
              "结果  结果  其他  尚未  总计  结果  结果  其他  尚未  总计  结果  结果  其他  尚未  总计\n"
              "维持  纠正  结果  审结        维持  纠正  结果  审结        维持  纠正  结果  审结\n")
    reviews = read_document(_report(_ACTIVE, _apps(), header), "r.txt").tables["reviews"]
    assert {c.value for r in reviews.rows.values() for c in r.cells.values()} == {None}


def test_tab_row_opening_with_an_empty_cell() -> None:
    reviews = "行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n" \
              "\t0\t0\t0\t0\t" + "\t".join(["0"] * 10)
    got = extract(_report(_ACTIVE, _apps("\t"), reviews))
    assert got["tables"]["reviews"]["review"] == {"upheld": None, "corrected": 0, "other": 0, "pending": 0,
                                                  "total": 0}


def test_empty_lines_after_a_label_are_no_cell() -> None:
    # Found by fuzzing: a row label followed by nothing but line ends has no cells to place.
    doc = read_document("行政事业性收费\r\r".encode(), "r.txt")
    fees = doc.tables["active"].rows["fees"]
    assert fees.cells["amount"].value is None
    assert doc.position(fees.cells["amount"].offset).line == 1


def _spaced(label: str, cells: list[str], width: int = 80) -> str:
    """A row of a space-aligned table: the label padded, then each cell right-aligned in 8."""
    pad = width - sum(2 if ord(ch) > 0x2E80 else 1 for ch in label)
    return label + " " * pad + "".join(c.rjust(8) for c in cells)


def test_space_aligned_row_missing_a_middle_cell_keeps_its_columns() -> None:
    rows = [_spaced(label, ["1", "0", "0", "0", "0", "0", "1"]) for label in _APPS_ROWS]
    # (二)部分公开 leaves 商业企业 empty: its cells after the gap stay under their columns.
    rows[3] = _spaced(_APPS_ROWS[3][:12], ["1", "", "0", "0", "0", "0", "1"])
    header = ("行政复议 行政诉讼\n" + _spaced("", ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3, 0)
              + "\n" + _spaced("", ["0", "0", "", "0", "0", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"], 0))
    got = extract(_report(_ACTIVE, "\n".join(rows), header))
    apps = got["tables"]["applications"]
    assert apps["partly_disclosed"] == {"natural_person": 1, "commercial": None, "research": 0, "nonprofit": 0,
                                        "legal_services": 0, "other_org": 0, "total": 1}
    reviews = got["tables"]["reviews"]
    assert reviews["review"] == {"upheld": 0, "corrected": 0, "other": None, "pending": 0, "total": 0}
    assert reviews["litigation_direct"]["total"] == 1


_REVIEWS_ROW = ["0", "0", "0", "0", "0", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"]


def _pdf_report(apps: dict[str, list[str]], reviews: list[str] = _REVIEWS_ROW) -> bytes:
    """``_report`` drawn as a PDF whose tables put each cell at its column's place on the page,
    as published PDFs do; ``apps``: the cells of applications rows (by label) that differ from
    1 0 0 0 0 0 1, "" for a cell left empty.  Labels longer than 16 wrap onto a second line.
    The reviews header has its five words under each group only once, as a wrapped header
    reads: no line of fifteen words to place the values by."""
    from pdfmake import make_pdf

    def row(label: str, cells: list[str], x0: float = 250, step: float = 40) -> list[list[tuple[float, str]]]:
        first = [(60.0, label[:16])] if label else []
        drawn = [[*first, *((x0 + step * c, cell) for c, cell in enumerate(cells) if cell)]]
        return drawn + ([[(60.0, label[16:])]] if len(label) > 16 else [])

    lines: list[list[tuple[float, str]]] = [[(60, text)] for text in (
        "长宁县民政局2022年政府信息公开工作年度报告", "一、总体情况", "略。", "二、主动公开政府信息情况")]
    lines += row("信息内容", ["本年制发件数", "本年废止件数", "现行有效件数"], 150, 120)
    lines += row("规章", ["0", "0", "0"], 150, 120) + row("行政规范性文件", ["1", "0", "4"], 150, 120)
    lines.append([(60, "三、收到和处理政府信息公开申请情况")])
    for label in _APPS_ROWS:
        lines += row(label, apps.get(label, ["1", "0", "0", "0", "0", "0", "1"]))
    lines += [[(60, "四、政府信息公开行政复议、行政诉讼情况")], [(60, "行政复议 行政诉讼")],
              [(60, "结果维持 结果纠正 其他结果 尚未审结 总计")]]
    lines += row("", reviews, 60, 34)
    # A line of prose across the page: PDFium reads a page of sparse cells alone as vertical text.
    lines += [[(60, text)] for text in (
        "五、存在的主要问题及改进情况", "公开内容还不够全面，更新还不够及时，下一步将加强培训和督促检查，提高质量。",
        "六、其他需要报告的事项", "本年度未收取信息处理费。")]
    per_page = 40
    pages = [[(x, 800 - 18 * (i % per_page), text) for i, line in enumerate(lines) if i // per_page == p
              for x, text in line] for p in range((len(lines) + per_page - 1) // per_page)]
    return make_pdf(pages)


def test_pdf_row_missing_a_middle_cell_keeps_its_columns() -> None:
    pytest.importorskip("pypdfium2")
    # (二)部分公开 leaves 商业企业 empty, 8.属于行政查询事项 its total: PDF text reads "1 0 0 0 0 1",
    # and the cells' places on the page put the gap where it is.
    partly, query = _APPS_ROWS[3], _APPS_ROWS[11]
    got = extract(_pdf_report({partly: ["1", "", "0", "0", "0", "0", "1"],
                               query: ["1", "0", "0", "0", "0", "0", ""]}), "report.pdf")
    apps = got["tables"]["applications"]
    assert apps["partly_disclosed"] == {"natural_person": 1, "commercial": None, "research": 0, "nonprofit": 0,
                                        "legal_services": 0, "other_org": 0, "total": 1}
    assert apps["withheld_query_matter"]["total"] is None
    assert apps["withheld_query_matter"]["other_org"] == 0
    # Every other row, complete, reads as it always did.
    whole = {"natural_person": 1, "commercial": 0, "research": 0, "nonprofit": 0, "legal_services": 0,
             "other_org": 0, "total": 1}
    assert all(cells == whole for key, cells in apps.items() if key not in ("partly_disclosed",
                                                                            "withheld_query_matter")), apps
    assert got["tables"]["active"]["normative_documents"] == {"issued": 1, "repealed": 0, "in_force": 4}
    assert got["tables"]["reviews"]["litigation_direct"]["total"] == 1


@pytest.mark.parametrize(("blank", "placed"), [(2, True), (13, True), (0, False), (14, False)])
def test_pdf_reviews_row_missing_a_cell_is_placed_by_its_own_even_columns(blank: int, placed: bool) -> None:
    pytest.importorskip("pypdfium2")
    cells = ["1", "2", "3", "4", "10", "0", "1", "0", "0", "1", "2", "0", "0", "0", "2"]
    cells[blank] = ""
    read = extract(_pdf_report({}, cells), "report.pdf")
    groups = ("review", "litigation_direct", "litigation_after_review")
    got = [read["tables"]["reviews"][group][col] for group in groups
           for col in ("upheld", "corrected", "other", "pending", "total")]
    if placed:
        assert got == [None if c == blank else int(cell) for c, cell in enumerate(cells)]
        assert "ambiguous" not in read
    else:  # an empty first or last cell leaves no gap: which one is empty cannot be told
        assert read["ambiguous"] == {"reviews": list(groups)}


def test_space_aligned_reviews_row_without_a_header_line_is_placed_by_its_even_columns() -> None:
    # The header stacked one character per line gives no column words; the row's own columns
    # (one every 6 characters) show the gap of 复议后起诉's 结果维持.
    header = "\n".join("行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计")
    cells = ["1", "0", "0", "0", "1", "0", "0", "2", "0", "2", "", "1", "0", "0", "1"]
    got = extract(_report(_ACTIVE, _apps(), header + "\n" + "".join(c.rjust(6) for c in cells)))
    assert got["tables"]["reviews"]["litigation_after_review"] == {"upheld": None, "corrected": 1, "other": 0,
                                                                   "pending": 0, "total": 1}
    assert "ambiguous" not in got
    # Unevenly spaced, the row tells nothing: its values are not trusted, as before.
    uneven = "".join(c.rjust(4 if k % 2 else 9) for k, c in enumerate(cells))
    assert extract(_report(_ACTIVE, _apps(), header + "\n" + uneven))["ambiguous"] == {
        "reviews": ["review", "litigation_direct", "litigation_after_review"]}


def test_pipe_row_opening_with_a_pipe_in_a_table_without_borders_opens_with_an_empty_cell() -> None:
    five = " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
    reviews = ("行政复议 ||||| 行政诉讼 |||||||||\n"
               f"{five} | 未经复议直接起诉 ||||| 复议后起诉 ||||\n"
               f" ||||| {five} | {five}\n"
               " | 0 | 0 | 0 | 0 | 4 | 0 | 0 | 2 | 6 | 0 | 0 | 0 | 0 | 0\n")
    rows = extract(_report(_ACTIVE, _apps(" | "), reviews))["tables"]["reviews"]
    assert rows["review"] == {"upheld": None, "corrected": 0, "other": 0, "pending": 0, "total": 0}
    assert rows["litigation_direct"] == {"upheld": 4, "corrected": 0, "other": 0, "pending": 2, "total": 6}
    # With a border pipe opening every row, the first pipe is a border.
    bordered = "| 行政复议 | 行政诉讼\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n| " + " | ".join(["1"] * 15)
    rows = extract(_report(_ACTIVE, _apps(" | "), bordered))["tables"]["reviews"]
    assert rows["review"]["upheld"] == 1


def test_one_cell_per_line_row_whose_first_cell_is_an_empty_line() -> None:
    lines = []
    for label in _APPS_ROWS:
        lines += [label, *["1", "0", "0", "0", "0", "0", "1"]]
    at = lines.index("(一)予以公开") + 1
    lines[at] = ""  # 自然人 left empty: no blank lines between rows, so the empty line is the cell
    got = extract(_report(_ACTIVE, "\n".join(lines), "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n"
                          + " ".join(["0"] * 15)))
    assert got["tables"]["applications"]["disclosed"] == {"natural_person": None, "commercial": 0, "research": 0,
                                                          "nonprofit": 0, "legal_services": 0, "other_org": 0,
                                                          "total": 1}


def test_reviews_total_spanning_two_grid_columns_in_every_row() -> None:
    """Word and HTML tables whose 行政复议 总计 spans two grid columns in every row (a column no
    cell starts in) give each row one empty filler cell after it: not a cell of the template."""
    reviews = ("| 行政复议 |  |  |  |  |  | 行政诉讼 |  |  |  |  |  |  |  |  |  |\n"
               "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |  "
               "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 "
               "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
               "| 1 | 1 | 1 | 0 | 3 |  | 0 | 2 | 0 | 0 | 2 | 2 | 0 | 0 | 2 | 4 |")
    got = extract(_report(_ACTIVE, _apps(), reviews))["tables"]["reviews"]
    assert got["review"] == {"upheld": 1, "corrected": 1, "other": 1, "pending": 0, "total": 3}
    assert got["litigation_direct"] == {"upheld": 0, "corrected": 2, "other": 0, "pending": 0, "total": 2}
    assert got["litigation_after_review"] == {"upheld": 2, "corrected": 0, "other": 0, "pending": 2, "total": 4}


def test_a_word_cell_glued_to_its_row_label_is_that_cell() -> None:
    """PDF text closes the space between a label and a word in the row's first cell
    (``(一)予以公开若干 0 0 1 0 0 2``): the word is the cell, the numbers keep their columns."""
    apps = _apps().replace("(一)予以公开 1 0 0 0 0 0 1", "(一)予以公开若干 0 0 1 0 0 2")
    got = extract(_report(_ACTIVE, apps, " ".join(["0"] * 15)))["tables"]["applications"]
    assert got["disclosed"] == {"natural_person": "若干", "commercial": 0, "research": 0, "nonprofit": 1,
                              "legal_services": 0, "other_org": 0, "total": 2}
