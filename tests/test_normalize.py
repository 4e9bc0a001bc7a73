"""The normalisation stage: folded matching text and its exact map back to the original."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gaudit.model import DecodedText, NormalizedText, Position, SourceText
from gaudit.normalize import detect_script, fold, normalize
from gaudit.sources.text import from_decoded

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
REPO = Path(__file__).resolve().parents[1]


def seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip("seed reports not available")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def where(original: str, norm_text: str, offsets: tuple[int, ...], needle: str) -> Position:
    """Original line/column of ``needle`` found in the normalised text."""
    i = norm_text.index(needle)
    return SourceText.of(original).position(offsets[i])


def check_offsets(original: str) -> None:
    norm = normalize(original)
    assert len(norm.offsets) == len(norm.text) + 1
    assert norm.offsets[-1] == len(original)
    assert all(0 <= o <= len(original) for o in norm.offsets)
    assert all(a <= b for a, b in zip(norm.offsets, norm.offsets[1:], strict=False))


# --- Traditional script, radicals, full-width -------------------------------------------


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("一、總體情況", "一、总体情况"),
        ("四、政府信息公開行政復議、行政訴訟情況", "四、政府信息公开行政复议、行政诉讼情况"),
        ("三、收到和處理政府信息公開申請情況", "三、收到和处理政府信息公开申请情况"),
        ("二、上年結轉政府信息公開申請數量", "二、上年结转政府信息公开申请数量"),
        ("(詳情見正文)", "(详情见正文)"),
        ("本報告所列數據的統計期限自2020年1月1日起", "本报告所列数据的统计期限自2020年1月1日起"),
        ("規章", "规章"),
        ("我們瞭解到", "我们了解到"),
    ],
)
def test_traditional_text_folds_to_the_simplified_words_patterns_use(traditional: str, simplified: str) -> None:
    norm = normalize(traditional)
    assert norm.text == simplified
    assert norm.script == "traditional"
    assert fold(traditional) == simplified


def test_simplified_report_is_not_converted_character_by_character() -> None:
    # 乾 and 於 are also Simplified characters: in a Simplified report they stay.
    text = "一、总体情况\n乾隆年间的档案，於某某同志负责。" * 3
    norm = normalize(text)
    assert norm.script == "simplified"
    assert "乾隆" in norm.text
    assert "於某某" in norm.text


def test_kangxi_and_supplement_radicals_become_ideographs() -> None:
    assert normalize("⼀、总体情况").text == "一、总体情况"
    assert normalize("⼆、主动公开政府信息情况").text == "二、主动公开政府信息情况"
    assert fold("⼈⺠政府") == "人民政府"
    assert fold("⻓期") == "长期"
    assert fold("⻚码⻔户⻅⻋⻢⻜⻩⻬⻮") == "页码门户见车马飞黄齐齿"


def test_full_width_forms_become_half_width() -> None:
    assert normalize("（一）１２３，").text == "(一)123,"
    assert normalize("第二十条第（一）项：规章；＋５－３").text == "第二十条第(一)项:规章;+5-3"
    # A typographic minus sign reads as a hyphen-minus (本年增/减 cells).
    assert normalize("行政许可\t3\t\u22122\t1").text == "行政许可\t3\t-2\t1"
    # 【】, 〇 and the ideographic comma are kept.
    assert normalize("【二〇二一】一、二").text == "【二〇二一】一、二"


def test_fold_is_idempotent_and_keeps_length() -> None:
    for text in ("一、總體情況（１）", "⼀、⻓期", "ＡＢＣ　ｄ", "乾隆於是", "plain ascii"):
        once = fold(text)
        assert fold(once) == once
        assert len(once) == len(text)


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_fold_is_idempotent_on_any_text(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert len(once) == len(text)


# --- script detection ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "script"),
    [("000", "traditional"), ("001", "simplified"), ("002", "simplified"), ("003", "traditional"),
     ("004", "simplified")],
)
def test_script_of_each_seed(prefix: str, script: str) -> None:
    text = seed(prefix)
    assert detect_script(text) == script
    assert normalize(text).script == script


def test_script_detection_on_short_and_mixed_texts() -> None:
    assert detect_script("") == "simplified"
    assert detect_script("Page 1 of 2") == "simplified"
    assert detect_script("總體情況") == "traditional"
    assert detect_script("总体情况") == "simplified"
    # One Traditional character in a long Simplified paragraph (a quoted name) is not enough.
    assert detect_script("本机关全年主动公开政府信息共计一百二十条。" * 10 + "鄭") == "simplified"


# --- pinyin glosses and page furniture -------------------------------------------------


def test_pinyin_glosses_after_ideographs_are_removed() -> None:
    original = "某鄉(xiāng)2022年度政務(wù)公開報告\n全文預(yù)覽已結(jié)束（shù）\n"
    assert normalize(original).text == "某乡2022年度政务公开报告\n全文预览已结束\n"


@pytest.mark.parametrize(
    "kept",
    ["(一)", "(1)", "(http://gov.cn)", "(PDF)", "(附截图)", "(2021)", "(doc)", "(a)", "(word)", "(GB)"],
)
def test_parentheses_that_are_not_pinyin_stay(kept: str) -> None:
    text = f"详见附件{kept}说明"
    assert normalize(text).text == text


def test_page_suffix_at_line_end_is_removed() -> None:
    original = "某鎮2021年度報告_第1頁\n某鎮2021年度報告_第12頁 \n正文_第3页不在行尾\n"
    norm = normalize(original)
    assert norm.text == "某镇2021年度报告\n某镇2021年度报告 \n正文_第3页不在行尾\n"


@pytest.mark.parametrize(
    "marker",
    ["- 5 -", "—5—", "-5-", "－ 5 －", "第 3 页", "第3页 共10页", "第3頁/共10頁", "共10页 第3页", "P. 8", "P8",
     "Page 9", "Page 9 of 12", "Page 9 - 某县政府信息公开年报", "  - 12 -  "],
)
def test_page_marker_lines_are_removed_and_rows_stay_contiguous(marker: str) -> None:
    original = f"规章\t0\t0\n{marker}\n规范性文件\t1\t2\n"
    assert normalize(original).text == "规章\t0\t0\n规范性文件\t1\t2\n"


def test_bare_numbers_and_dashes_are_table_data_not_page_furniture() -> None:
    original = "\t规章\n\t5\n5\n-5\n—\n第3条\n"
    assert normalize(original).text == original


def test_seed_003_glosses_and_page_furniture() -> None:
    text = seed("003")
    norm = normalize(text)
    assert norm.script == "traditional"
    assert "(zhèn)" not in norm.text
    assert "(wù)" not in norm.text
    assert "_第1頁" not in norm.text and "_第1页" not in norm.text
    assert norm.text.startswith("XX镇2021年度政务公开工作自查报告\n" * 4)
    assert "全文预览已结束" in norm.text
    assert "版权说明" in norm.text


# --- whitespace --------------------------------------------------------------------------


def test_whitespace_runs_collapse_but_lines_stay() -> None:
    original = "一、总体情况\r\n规章 \u3000 0\u00a0\u00a00\t \t0\r\n\t\u00a00\n\t\n\n  \nend\u200b\ufeff!\r"
    norm = normalize(original)
    # Spaces collapse to one; every tab stays (two tabs hold an empty cell between them).
    assert norm.text == "一、总体情况\n规章 0 0\t\t0\n\t0\n\t\n\n \nend!\n"


def test_seed_002_one_cell_per_line_layout_survives() -> None:
    norm = normalize(seed("002"))
    lines = norm.text.split("\n")
    # Cells written as a tab and a no-break space before the digit keep one tab.
    assert lines.count("\t0") >= 20
    # Blank cells (a lone tab) stay distinguishable from the empty lines between rows.
    assert "\t" in lines and "" in lines
    assert "\u00a0" not in norm.text


# --- HTML (read by the HTML source, then normalised: offsets map into the page) ---------------


def read(original: str) -> NormalizedText:
    extracted = from_decoded(DecodedText(original, "utf-8", None))
    return normalize(extracted.text, extracted.offsets, pipe_rows=extracted.html_table)


def test_html_table_becomes_pipe_rows() -> None:
    original = (
        "<table border=\"1\">\n"
        "  <tr><td colspan=\"2\">第二十条第（一）项</td></tr>\n"
        "  <tr>\n    <th>信息内容</th><th>本年制发件数</th>\n  </tr>\n"
        "  <tr><td rowspan=\"2\">规章</td><td>0</td><td>&nbsp;</td></tr>\n"
        "  <tr><td><p>1</p></td><td>2<br>件</td></tr>\n"
        "</table>\n"
    )
    lines = [line for line in read(original).text.split("\n") if line]
    assert lines == [
        "|第二十条第(一)项||",
        "|信息内容|本年制发件数|",
        "|规章|0||",
        "|1|2 件|",
    ]


def test_html_paragraphs_and_headings_become_lines_and_entities_decode() -> None:
    original = (
        "<html><head><style>p { color: red; }</style><script>if (a < b) x();</script></head><body>"
        "<!-- 一、不是标题 --><p>一、总体情况</p><h2>二、主动公开政府信息情况</h2>"
        "<div>A&amp;B &lt;c&gt; &quot;d&quot; &#19968;&#x4e8c;&nbsp;完</div></body></html>"
    )
    lines = [line for line in read(original).text.split("\n") if line]
    assert lines == ["一、总体情况", "二、主动公开政府信息情况", 'A&B <c> "d" 一二 完']


def test_unterminated_comment_in_a_text_file_does_not_swallow_the_rest() -> None:
    original = "<p>一、总体情况</p>\n<!-- 未闭合\n二、主动公开政府信息情况\n"
    lines = [line for line in read(original).text.split("\n") if line]
    assert lines == ["一、总体情况", "<!-- 未闭合", "二、主动公开政府信息情况"]


def test_plain_text_without_markup_keeps_angle_brackets_and_ampersands() -> None:
    original = "数量<5且>3 &nbsp; A&B"
    assert read(original).text == original


# --- positions -------------------------------------------------------------------------------


def test_positions_map_back_through_every_step() -> None:
    original = (
        "某鎮(zhèn)政務(wù)公開報告_第1頁\n"  # line 1: glosses, page suffix, Traditional
        "- 2 -\n"  # line 2: page marker line, removed
        "<p>一、總體情況</p>\r\n"  # line 3: HTML tags, CRLF
        "規章&nbsp;&nbsp;數量：\u3000\u3000１２件\n"  # line 4: entities, full-width, spaces
        "<table><tr><td>行政許可</td><td>７</td></tr></table>\n"  # line 5: a table row
    )
    norm = read(original)
    assert norm.script == "traditional"
    lines = [line for line in norm.text.split("\n") if line]
    assert lines == ["某镇政务公开报告", "一、总体情况", "规章 数量: 12件", "|行政许可|7|"]

    def pos(needle: str) -> tuple[int, int]:
        p = where(original, norm.text, norm.offsets, needle)
        return p.line, p.col

    assert pos("政务") == (1, 9)  # after 某鎮(zhèn)
    assert pos("报告") == (1, 17)
    assert pos("一、总体情况") == (3, 4)  # after <p>
    assert pos("规章") == (4, 1)
    assert pos("数量") == (4, 15)  # after two &nbsp; entities
    assert pos(" 数量") == (4, 3)  # the collapsed space maps to the first entity
    assert pos("12件") == (4, 20)  # after : and two ideographic spaces
    assert pos("件") == (4, 22)
    assert pos("行政许可") == (5, 16)
    assert pos("|7|") == (5, 25)  # the <td> opening the cell
    assert pos("7") == (5, 29)
    # The end of the text maps to the end of the file.
    assert norm.original_offset(len(norm.text)) == len(original)


def test_unchanged_text_maps_to_itself() -> None:
    original = "一、总体情况\n规章\t0\t0\n"
    norm = normalize(original)
    assert norm.text == original
    assert list(norm.offsets) == list(range(len(original) + 1))


# --- invariants --------------------------------------------------------------------------------

FRAGMENTS = [
    "<tr>", "</tr>", "<td colspan=\"3\">", "</td>", "<br>", "<p>", "</table>", "<table>", "&nbsp;", "&amp;",
    "&#x4e00;", "&#99999999;", "<!--", "-->", "<script>", "鎮(zhèn)", "(一)", "_第1頁", "\n- 5 -\n", "\nPage 2\n",
    "\r\n", "\r", "\t", " ", "\u3000", "\u00a0", "\u200b", "（", "）", "１", "⼀", "⻓", "總體", "情况", "|", "\n",
]


@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map("".join))
@settings(max_examples=400, deadline=None)
def test_offsets_invariants_on_report_like_text(text: str) -> None:
    check_offsets(text)


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_offsets_invariants_on_any_text(text: str) -> None:
    check_offsets(text)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_offsets_invariants_on_seeds(prefix: str) -> None:
    check_offsets(seed(prefix))


def test_importing_and_normalising_simplified_text_does_not_import_opencc() -> None:
    code = (
        "import sys\n"
        "import gaudit.normalize as n\n"
        "assert 'opencc' not in sys.modules\n"
        "assert n.normalize('一、总体情况（一）').script == 'simplified'\n"
        "print('opencc' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, encoding="utf-8", check=True
    )
    assert out.stdout.strip() == "False"


def test_a_lone_carriage_return_ends_a_line_in_positions_as_in_the_text() -> None:
    # Old Mac files end lines with \r alone: line numbers count them as the reader sees them.
    original = "一、总体情况\r全年主动公开信息12条。\r\r二、主动公开政府信息情况\r"
    norm = normalize(original)
    assert norm.text.split("\n")[:4] == ["一、总体情况", "全年主动公开信息12条。", "", "二、主动公开政府信息情况"]
    source = SourceText.of(original)
    assert source.line(2) == "全年主动公开信息12条。" and source.line(4) == "二、主动公开政府信息情况"
    p = where(original, norm.text, norm.offsets, "二、主动")
    assert (p.line, p.col) == (4, 1)


def test_offset_maps_are_the_same_when_the_kept_identity_map_is_outgrown(monkeypatch: pytest.MonkeyPatch) -> None:
    import gaudit.model.text as text_model

    text = "一、总体情况\r\n" + "规章  |  3 |\u30000\r\n" * 300
    kept = list(normalize(text).offsets)
    assert text_model.offset_range(5, 40).tolist() == list(range(5, 40))
    monkeypatch.setattr(text_model, "IDENTITY_KEPT", 64)
    monkeypatch.setattr(text_model, "_identity", text_model.offset_array())
    assert list(normalize(text).offsets) == kept
    assert text_model.offset_range(5, 400).tolist() == list(range(5, 400))
