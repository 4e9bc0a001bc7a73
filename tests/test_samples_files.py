"""The files in samples/ themselves: encodings, layouts, and that the clean ones really are clean.

These tests read the samples with a tiny reader of their known layouts, independent of
gaudit's own table reader, so that a clean sample cannot silently carry an arithmetic slip
(which would make gaudit look wrong) and the defective samples carry exactly the defects
samples/README.md promises.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

ENCODINGS: dict[str, str] = {
    "traditional-headings-no-tables.txt": "utf-8",
    "headings-without-tables.txt": "utf-8",
    "one-cell-per-line.txt": "utf-8",
    "self-inspection-pinyin.txt": "utf-8",
    "pipe-blank-cells.txt": "utf-8",
    "clean-2021.txt": "utf-8",
    "clean-2019.txt": "utf-8",
    "gbk-2021-defects.txt": "gbk",
    "big5-traditional-2021.txt": "big5",
    "html-2021.html": "utf-8",
}

APPLICANT_COLS = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org",
                  "total")
_RESULTS_COMMON = (
    "disclosed", "partly_disclosed",
    "withheld_state_secret", "withheld_prohibited_by_law", "withheld_security_stability",
    "withheld_third_party", "withheld_internal_affairs", "withheld_process_info",
    "withheld_enforcement_file", "withheld_query_matter",
    "unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear",
    "rejected_petition", "rejected_duplicate", "rejected_publication", "rejected_excessive",
    "rejected_confirmation",
)
RESULT_ROWS = {
    "2019": (*_RESULTS_COMMON, "other"),
    "2021": (*_RESULTS_COMMON, "other_no_correction", "other_no_fee", "other_misc"),
}
REVIEW_GROUPS = ("review", "litigation_direct", "litigation_after_review")

Cell = int | None  # None: a blank cell
Table = dict[str, list[Cell]]

_NUM = re.compile(r"^\d+$")
_SEC3 = re.compile(r"^三、收到和(?:处|處)理")
_SEC4 = re.compile(r"^四、政府信息公(?:开|開)行政")
_SEC5 = re.compile(r"^五、存在的主要")
_SEC6 = re.compile(r"^六、其他需要")
_PERIOD = re.compile(r"(?:统|統)(?:计|計)期限自(\d{4})年1月1日起至(\d{4})年12月31日止")
_NARRATIVE = {
    "new": re.compile(r"收到政府信息公(?:开|開)申(?:请|請)(\d+)件"),
    "carried_over": re.compile(r"上年(?:结|結)(?:转|轉)(\d+)件"),
    "carried_forward": re.compile(r"(?:结|結)(?:转|轉)下年度(?:继|繼)(?:续|續)(?:办|辦)理(\d+)件"),
    "review": re.compile(r"被申(?:请|請)行政(?:复|複|復)(?:议|議)(\d+)件"),
    "litigation": re.compile(r"提起行政(?:诉|訴)(?:讼|訟)(\d+)件"),
}


def read(name: str) -> str:
    return (SAMPLES / name).read_bytes().decode(ENCODINGS[name])


# --- a tiny reader of the samples' own layouts -----------------------------------------------

def split_cells(line: str, layout: str) -> list[str]:
    if layout == "pipe":
        return [c.strip() for c in line.split("|")]
    if layout == "markdown":
        return [c.strip() for c in line.strip().strip("|").split("|")]
    if layout == "tab":
        return [c.strip() for c in line.split("\t")]
    return line.split()  # runs of spaces


def trailing_numbers(cells: list[str]) -> list[int]:
    while cells and cells[-1] == "":
        cells = cells[:-1]
    out: list[int] = []
    for c in reversed(cells):
        if not _NUM.match(c):
            break
        out.append(int(c))
    return out[::-1]


def section(lines: list[str], start: re.Pattern[str], end: re.Pattern[str]) -> list[str]:
    i = next(n for n, line in enumerate(lines) if start.match(line))
    j = next(n for n in range(i + 1, len(lines)) if end.match(lines[n]))
    return lines[i + 1:j]


def text_tables(text: str, layout: str, fmt: str) -> tuple[Table, list[int]]:
    lines = text.splitlines()
    keys = ("new", "carried_over", *RESULT_ROWS[fmt], "results_total", "carried_forward")
    rows = [nums[-7:] for line in section(lines, _SEC3, _SEC4)
            if len(nums := trailing_numbers(split_cells(line, layout))) >= 7]
    assert len(rows) == len(keys)
    reviews = [nums for line in section(lines, _SEC4, _SEC5)
               if len(nums := trailing_numbers(split_cells(line, layout))) >= 15]
    assert len(reviews) == 1
    return {k: list[Cell](r) for k, r in zip(keys, rows, strict=True)}, reviews[0]


class _Cells(HTMLParser):
    """Collect the text of every cell, per row, per table."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag == "td":
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())  # &nbsp; strips to ""
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_tables(text: str) -> tuple[Table, list[int]]:
    parser = _Cells()
    parser.feed(text)
    assert len(parser.tables) == 3
    _, apps, reviews = parser.tables
    keys = ("new", "carried_over", *RESULT_ROWS["2021"], "results_total", "carried_forward")
    rows = [[int(c) if c else None for c in tr[-7:]] for tr in apps
            if len(tr) >= 8 and all(re.match(r"^\d*$", c) for c in tr[-7:])]
    assert len(rows) == len(keys)
    numeric = [[int(c) for c in tr] for tr in reviews if len(tr) == 15 and all(_NUM.match(c) for c in tr)]
    assert len(numeric) == 1
    return dict(zip(keys, rows, strict=True)), numeric[0]


# --- the identities, with blanks making an identity unknown ------------------------------------

def violations(table: Table, reviews: list[int], fmt: str) -> list[str]:
    found: list[str] = []
    for key, row in table.items():
        if all(v is not None for v in row) and sum(v for v in row[:6] if v is not None) != row[6]:
            found.append(f"row {key}")
    for c, col in enumerate(APPLICANT_COLS):
        parts = [table[k][c] for k in RESULT_ROWS[fmt]]
        results = table["results_total"][c]
        if results is not None and all(v is not None for v in parts):
            if sum(v for v in parts if v is not None) != results:
                found.append(f"column {col}")
            new, carried, forward = (table[k][c] for k in ("new", "carried_over", "carried_forward"))
            if new is not None and carried is not None and forward is not None \
                    and new + carried != results + forward:
                found.append(f"balance {col}")
    for g, group in enumerate(REVIEW_GROUPS):
        cells = reviews[5 * g:5 * g + 5]
        if sum(cells[:4]) != cells[4]:
            found.append(f"reviews {group}")
    return found


def narrative(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, pattern in _NARRATIVE.items():
        values = {int(m) for m in pattern.findall(text)}
        assert len(values) <= 1, (key, values)
        if values:
            out[key] = values.pop()
    return out


def section6(text: str) -> str:
    lines = [re.sub(r"<[^>]+>", "", line) for line in text.splitlines()]
    start = next(n for n, line in enumerate(lines) if _SEC6.match(line))
    return "\n".join(lines[start + 1:])


# --- tests -------------------------------------------------------------------------------------

#: Samples in containers other than text (their text is checked through gaudit's sources).
CONTAINERS = {"pdf-2022-review-total.pdf", "word-2022-narrative.docx"}


def test_every_sample_and_the_readme_exist() -> None:
    present = {p.name for p in SAMPLES.iterdir()}
    # The README shows the PNG: the HTML report of these samples.
    assert set(ENCODINGS) | CONTAINERS | {"README.md", "report-screenshot.png"} == present
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    for name in set(ENCODINGS) | CONTAINERS:
        assert f"`{name}`" in readme


@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_declared_encoding_decodes_strictly(name: str) -> None:
    data = (SAMPLES / name).read_bytes()
    text = data.decode(ENCODINGS[name])  # strict: raises on any bad byte
    assert not text.startswith("\ufeff")
    assert "\ufffd" not in text
    if ENCODINGS[name] != "utf-8":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")


def test_big5_sample_reads_the_same_under_every_big5_codec() -> None:
    data = (SAMPLES / "big5-traditional-2021.txt").read_bytes()
    assert data.decode("big5") == data.decode("cp950") == data.decode("big5hkscs")


def test_gbk_sample_is_gbk_not_merely_gb2312_or_utf8() -> None:
    text = read("gbk-2021-defects.txt")
    assert "东湖区枫林街道办事处" in text
    assert text.encode("gbk") == (SAMPLES / "gbk-2021-defects.txt").read_bytes()


CLEAN = [
    ("clean-2021.txt", "pipe", "2021"),
    ("clean-2019.txt", "tab", "2019"),
    ("big5-traditional-2021.txt", "markdown", "2021"),
]


@pytest.mark.parametrize(("name", "layout", "fmt"), CLEAN)
def test_clean_tables_satisfy_every_identity(name: str, layout: str, fmt: str) -> None:
    table, reviews = text_tables(read(name), layout, fmt)
    assert violations(table, reviews, fmt) == []
    assert table["new"][6] and table["results_total"][6], "clean samples use non-zero numbers"


@pytest.mark.parametrize(("name", "layout", "fmt"), CLEAN)
def test_clean_narrative_agrees_with_the_tables(name: str, layout: str, fmt: str) -> None:
    text = read(name)
    table, reviews = text_tables(text, layout, fmt)
    said = narrative(text)
    assert said == {
        "new": table["new"][6],
        "carried_over": table["carried_over"][6],
        "carried_forward": table["carried_forward"][6],
        "review": reviews[4],
        "litigation": reviews[9] + reviews[14],
    }


@pytest.mark.parametrize("name", ["clean-2021.txt", "clean-2019.txt", "html-2021.html"])
def test_clean_samples_state_the_period_of_their_title_year(name: str) -> None:
    text = read(name)
    title_year = re.search(r"(\d{4})年", text)
    period = _PERIOD.findall(text)
    assert title_year is not None
    assert period == [(title_year.group(1), title_year.group(1))]


@pytest.mark.parametrize("name", ["clean-2021.txt", "big5-traditional-2021.txt", "html-2021.html",
                                  "headings-without-tables.txt"])
def test_2021_format_samples_state_the_processing_fees(name: str) -> None:
    assert re.search("信息(?:处理费|處理費)", section6(read(name)))


def test_clean_2021_is_a_county_department_with_no_regulations() -> None:
    text = read("clean-2021.txt")
    assert text.splitlines()[0].startswith("云岭县自然资源局2022年")
    assert "规章 | 0 | 0 | 0" in text.splitlines()


def test_gbk_sample_carries_exactly_the_documented_defects() -> None:
    text = read("gbk-2021-defects.txt")
    lines = text.splitlines()
    table, reviews = text_tables(text, "spaces", "2021")
    assert violations(table, reviews, "2021") == ["row disclosed", "column commercial", "reviews review"]
    # line numbers promised in samples/README.md
    assert lines[36 - 1].split()[:2] == ["三、本年度办理结果", "（一）予以公开"]
    assert table["disclosed"] == [6, 1, 0, 0, 0, 0, 8]
    assert lines[57 - 1].startswith("（七）总计") and table["results_total"][1] == 2
    assert [table[k][1] for k in RESULT_ROWS["2021"] if table[k][1]] == [1]
    assert lines[65 - 1].split()[:5] == ["1", "1", "0", "1", "2"]
    said = narrative(text)
    assert lines[30 - 1].find("收到政府信息公开申请12件") > 0
    assert said == {"new": 12, "carried_over": 1, "carried_forward": 0}
    assert table["new"][6] == 13
    assert lines[70 - 1] == "六、其他需要报告的事项"
    assert "信息处理费" not in section6(text) and "收费" not in section6(text)
    assert _PERIOD.findall(text) == [("2021", "2021")] and lines[0].startswith("东湖区枫林街道办事处2021年")


def test_big5_sample_states_last_years_period() -> None:
    text = read("big5-traditional-2021.txt")
    assert text.splitlines()[0] == "雲嶺縣教育局2022年政府信息公開工作年度報告"
    assert _PERIOD.findall(text) == [("2021", "2021")]
    assert "| 規章 | 0 | 0 | 0 |" in text.splitlines()
    assert "本年制發件數" in text  # the 2021 tables, not the outdated 2019 ones


def test_html_sample_has_exactly_one_blank_cell_and_is_otherwise_consistent() -> None:
    text = read("html-2021.html")
    assert '<meta charset="utf-8">' in text
    assert text.count("&nbsp;") == 1
    table, reviews = html_tables(text)
    blanks = [(k, APPLICANT_COLS[c]) for k, row in table.items() for c, v in enumerate(row) if v is None]
    assert blanks == [("rejected_publication", "research")]
    assert "&nbsp;" in text.splitlines()[62 - 1] and "3.要求提供公开出版物" in text.splitlines()[62 - 1]
    assert violations(table, reviews, "2021") == []
    # with the blank read as the 0 it stands for, every identity holds as well
    table["rejected_publication"][2] = 0
    assert violations(table, reviews, "2021") == []
    assert narrative(text) == {"new": 16, "carried_over": 1, "carried_forward": 0, "review": 1, "litigation": 0}
    assert table["new"][6] == 16 and reviews[4] == 1
    assert re.search(r'rowspan="\d+"', text) and re.search(r'colspan="\d+"', text)


def test_one_cell_per_line_keeps_the_seed_layout() -> None:
    text = read("one-cell-per-line.txt")
    lines = text.split("\n")
    assert lines[0].endswith("2020年政府信息公开工作") and lines[2] == "年度报告"  # title on two lines
    i = lines.index("\t其他对外管理")
    assert lines[i + 1:i + 3] == ["", "服务事项"]
    j = lines.index("\t（三）")
    assert lines[j + 1] == "不予公开"
    k = lines.index("\t规章")
    assert int(lines[k + 1].strip()) > 0  # a township "making" 规章: the implausible value
    assert "\t+64" in lines and "\t316720.50元" in lines
    assert "\t\u00a00" in lines and "\t0\u00a0" in lines and "\t 0" in lines and "\t0 " in lines
    values = [line.strip() for line in section(lines, _SEC3, _SEC4) if line.startswith("\t")
              and re.fullmatch(r"\d+", line.strip().replace("\u00a0", ""))]
    assert len(values) == 23 * 7 and set(values) == {"0"}
    assert section(lines, _SEC4, _SEC5)[-3].strip() == "0"
    assert section6(text).strip() == "无"
    assert "，" in text and "（" in text and "：" in text


def test_pipe_blank_cells_leaves_most_application_rows_blank() -> None:
    text = read("pipe-blank-cells.txt")
    lines = text.splitlines()
    assert lines[0] == "一、总体情况" and lines[2].startswith("一、")  # no title; numbering restarts
    filled = [line.split(" | ")[0] for line in section(lines, _SEC3, _SEC4)
              if len(trailing_numbers(split_cells(line, "pipe"))) >= 7]
    assert filled == ["一、本年新收政府信息公开申请数量", "三、本年度办理结果",
                      "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"]
    assert "政府集中采购 | 0 |" in lines
    assert "| ||||" in text
    assert text.endswith("六、其他需要报告的事项\n无")


def test_headings_without_tables_has_nothing_under_sections_2_to_4() -> None:
    lines = read("headings-without-tables.txt").splitlines()
    i = lines.index("二、主动公开政府信息情况")
    assert lines[i + 1:i + 4] == ["三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
                                  "五、存在的主要问题及改进情况"]
    assert lines[0] == "一、总体情况"
    assert "本年度未发出收费通知,未收取信息处理费" in lines[-1]


def test_traditional_headings_sample_has_no_tables() -> None:
    text = read("traditional-headings-no-tables.txt")
    assert "|" not in text and "\t" not in text
    assert _PERIOD.findall(text) == [("2020", "2020")]
    assert "四、政府信息公開的收費及減免情況" in text.splitlines()
    assert text.count("(詳情見正文)") == 2
    assert text.splitlines()[-1] == "(詳情見正文)"


def test_self_inspection_sample_is_a_scraped_page_with_pinyin() -> None:
    text = read("self-inspection-pinyin.txt")
    lines = text.splitlines()
    assert lines[0] == "XX鎮(zhèn)2021年度政務(wù)公開工作自查報告_第1頁"
    assert all(f"_第{n}頁" in lines[n - 1] for n in range(1, 5))
    for gloss in ("鎮(zhèn)", "務(wù)", "報(bào)"):
        assert gloss in text
    assert "全文預(yù)覽已結(jié)束" in text and "下載本文檔" in text and "溫馨提示" in text
    assert "行政復議" not in text and "|" not in text  # no statutory tables at all
