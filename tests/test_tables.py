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

from gaudit.document import read_document
from gaudit.extract import document_to_contract
from gaudit.template import spec

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
    line = text.splitlines()[cell.position.line - 1]
    assert line[cell.position.col - 1:].startswith(str(cell.value))


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
    assert [c.position.line for c in licensing.cells.values()] == [45, 46, 47]


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
