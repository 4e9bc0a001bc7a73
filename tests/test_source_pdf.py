"""The PDF source: these PDF bytes -> this page text, this verdict, or this error.

The PDFs are written here by hand (a small writer below): ASCII in the standard
Helvetica font, Chinese in a Type3 font whose glyphs are squares and whose
ToUnicode map gives each one its character, so PDFium extracts the text with
real glyph boxes and no font file.  The shared format samples beside the
repository add the real cases (skipped when absent).
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pdfmake import PdfWriter, image_behind, lines, make_pdf

from gaudit.document import read_document
from gaudit.engine import run_rules
from gaudit.model import Document
from gaudit.rules import load_rules
from gaudit.sources.pdf import PdfError, PdfText, read_pdf

pdfium = pytest.importorskip("pypdfium2")

SHARED = Path(__file__).resolve().parents[2] / "shared"

def empty_pdf() -> bytes:
    """A well-formed PDF whose page tree has no pages."""
    w = PdfWriter()
    catalog = w.add(b"<< /Type /Catalog /Pages 2 0 R >>")
    w.add(b"<< /Type /Pages /Kids [] /Count 0 >>")
    return w.finish(catalog)


def shared_pdf(name: str) -> bytes:
    path = SHARED / name
    if not path.is_file():
        pytest.skip(f"shared sample not found: {path}")
    return path.read_bytes()


def page_lines(result: PdfText, index: int) -> list[str]:
    return result.pages[index].split("\n")


# --------------------------------------------------------------------------
# The writer itself
# --------------------------------------------------------------------------


def test_writer_pdfs_are_read_by_pdfium_as_written() -> None:
    doc = pdfium.PdfDocument(make_pdf([lines("政府信息公开", "Page text 12")]))
    try:
        assert doc[0].get_textpage().get_text_range().split("\r\n") == ["政府信息公开", "Page text 12"]
    finally:
        doc.close()


def test_writer_encryption_is_real_the_password_opens_it() -> None:
    data = make_pdf([lines("加密的报告")], encrypt=("secret", "owner"))
    doc = pdfium.PdfDocument(data, password="secret")
    try:
        assert doc[0].get_textpage().get_text_range() == "加密的报告"
    finally:
        doc.close()


# --------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------


def test_pages_and_lines_in_order() -> None:
    result = read_pdf(make_pdf([lines("一、总体情况", "本年度共收到申请 12 件。"), lines("二、主动公开政府信息情况")]))
    assert result.pages == ("一、总体情况\n本年度共收到申请 12 件。", "二、主动公开政府信息情况")
    assert result.verdict == "text"
    assert result.image_only_pages == 0


def test_spaces_between_cjk_characters_are_closed() -> None:
    result = read_pdf(make_pdf([lines("总计 商 业 企", "结 果", "尚 未 审 结", "（三） 不予公开")]))
    assert page_lines(result, 0) == ["总计商业企", "结果", "尚未审结", "（三）不予公开"]


def test_a_heading_numbered_with_a_space_keeps_it() -> None:
    # "一 总体情况" is a heading; closed up, "一总体情况" would be none (sections lost).
    result = read_pdf(make_pdf([lines("一 总体情况", "二 主动公开 政府信息情况", "十一 其他")]))
    assert page_lines(result, 0) == ["一 总体情况", "二 主动公开政府信息情况", "十一 其他"]


def test_numbers_in_separate_cells_stay_separate() -> None:
    row = [(72, 700, "行政复议"), (200, 700, "3"), (260, 700, "0"), (320, 700, "5"), (380, 700, "2024")]
    result = read_pdf(make_pdf([[*row, *lines("规章 3 0 12", "2024 年 1 月", top=600)]]))
    assert [" ".join(line.split()) for line in page_lines(result, 0)] == [
        "行政复议 3 0 5 2024", "规章 3 0 12", "2024 年 1 月"]


def _cell_row(y: float, label: str, cells: list[str]) -> list[tuple[float, float, str]]:
    """A table row: the label at the left margin, each cell in its column ("" left empty)."""
    return [(72, y, label), *((200 + 60 * c, y, cell) for c, cell in enumerate(cells) if cell)]


def _table_page(*rows: list[tuple[float, float, str]]) -> list[tuple[float, float, str]]:
    """A line of prose above the rows: a page of sparse cells alone is read as vertical text."""
    prose = lines("二、主动公开政府信息情况，本年度制发规章和行政规范性文件的情况如下表所示。")
    return [*prose, *(run for row in rows for run in row)]


def test_rows_of_cells_are_laid_out_by_where_each_cell_stands() -> None:
    page = _table_page(_cell_row(700, "规章", ["3", "0", "5"]), _cell_row(680, "行政规范性文件", ["3", "", "5"]),
                       _cell_row(660, "合计", ["", "12", "0"]))
    rows = page_lines(read_pdf(make_pdf([page])), 0)[1:]
    # Read with the spaces collapsed, each row is what PDFium's text says ...
    assert [" ".join(line.split()) for line in rows] == ["规章 3 0 5", "行政规范性文件 3 5", "合计 12 0"]
    # ... and each cell stands in its column's place on the line, the empty one left as spaces.
    full, short, last = rows
    assert short.index("5") == full.index("5") and short.index("3") == full.index("3")
    assert last.index("12") in (full.index("0"), full.index("0") - 1)
    assert full.index("规章") == short.index("行政规范性文件") > 0


def test_prose_and_single_spaced_rows_are_left_as_they_were() -> None:
    # Numbers in a sentence, and cells one space apart: nothing to place, the line unchanged.
    result = read_pdf(make_pdf([[(72, 700, "本年度共收到申请 12 件，办结 10 件。"), (72, 680, "规章 3 0 12"),
                                 (72, 660, "2024 年 1 月 20 日")]]))
    assert page_lines(result, 0) == ["本年度共收到申请 12 件，办结 10 件。", "规章 3 0 12", "2024 年 1 月 20 日"]


def test_letter_spaced_label_of_a_row_of_cells_is_closed() -> None:
    page = _table_page(_cell_row(700, "规 章", ["3", "0", "5"]), _cell_row(680, "行政规范性文件", ["3", "", "5"]))
    full, short = page_lines(read_pdf(make_pdf([page])), 0)[1:]
    assert full.split() == ["规章", "3", "0", "5"]
    assert short.index("5") == full.index("5")


@pytest.mark.parametrize("row", ["规章 ３ ０ １", "规章 ／ ／ ／", "规章 － － －", "规章 〇 〇 〇"])
def test_full_width_digits_and_blank_marks_are_not_glued(row: str) -> None:
    assert page_lines(read_pdf(make_pdf([lines(row)])), 0) == [row]


def test_one_character_lines_stay_lines() -> None:
    # The reader copes with a row header written one character per line; joining them could glue cells.
    result = read_pdf(make_pdf([lines("三、", "本", "年", "度", "（一）予以公开 1288 21 0 0 50 3 1362")]))
    assert page_lines(result, 0) == ["三、", "本", "年", "度", "（一）予以公开 1288 21 0 0 50 3 1362"]


# --------------------------------------------------------------------------
# Page furniture
# --------------------------------------------------------------------------


def _body(page: int) -> list[str]:
    # Different words on each page: a line repeated at the edge of most pages is a running header.
    return [f"正文{'一二三'[page - 1]}", f"{'甲乙丙'[page - 1]}类 {page} 件"]


@pytest.mark.parametrize("number", ["- {n} -", "— {n} —", "第 {n} 页", "第{n}页 共3页", "{n}/3", "Page {n}", "{n}"])
@pytest.mark.parametrize("at_top", [True, False])
def test_page_numbers_are_dropped(number: str, at_top: bool) -> None:
    pages = []
    for n in (1, 2, 3):
        body = lines(*_body(n), top=700)
        mark = (300, 800 if at_top else 40, number.format(n=n))
        pages.append([mark, *body] if at_top else [*body, mark])
    result = read_pdf(make_pdf(pages))
    assert [page.split("\n") for page in result.pages] == [_body(1), _body(2), _body(3)]


def test_a_lone_number_that_is_not_the_page_number_stays() -> None:
    # Bare numbers count as page numbers only when two pages agree with their index.
    pages = [lines("申请人情况", "总计", "54"), lines("申请人情况", "总计", "7")]
    result = read_pdf(make_pdf(pages))
    assert [page.split("\n")[-1] for page in result.pages] == ["54", "7"]


def test_a_number_line_inside_the_page_stays() -> None:
    pages = [lines("表格", "2", "说明", "- 1 -"), lines("表格", "3", "说明", "- 2 -")]
    result = read_pdf(make_pdf(pages))
    assert [page.split("\n") for page in result.pages] == [["表格", "2", "说明"], ["表格", "3", "说明"]]


def test_running_header_is_dropped_but_the_title_on_page_one_stays() -> None:
    title = "柳溪县市场监督管理局2023年政府信息公开工作年度报告"
    pages = [lines(title, "一、总体情况", "- 1 -")]
    pages += [lines(title, f"{word}正文", f"- {n} -") for n, word in zip((2, 3, 4), "乙丙丁", strict=True)]
    result = read_pdf(make_pdf(pages))
    assert page_lines(result, 0) == [title, "一、总体情况"]
    assert result.pages[1:] == ("乙正文", "丙正文", "丁正文")


def test_running_footer_with_page_number_in_it_is_dropped() -> None:
    pages = [lines(f"{word}正文", f"{word}更多", f"淮安市人民政府办公室 第{n}页") for n, word in enumerate("甲乙丙", 1)]
    assert read_pdf(make_pdf(pages)).pages[1:] == ("乙正文\n乙更多", "丙正文\n丙更多")


def test_repeated_rows_of_numbers_are_not_furniture() -> None:
    pages = [lines("0 0 0 0 0 0 0", f"第{n}行", "0 0 0 0 0 0 0") for n in (1, 2, 3, 4)]
    assert all(page.count("0 0 0 0 0 0 0") == 2 for page in read_pdf(make_pdf(pages)).pages)


def test_a_table_split_by_a_page_break_reads_as_one_table() -> None:
    page1 = lines("三、收到和处理政府信息公开申请情况", "（一）予以公开 34 8 0 1 3 2 48",
                  "（二）部分公开 6 2 0 0 1 0 9")
    page2 = lines("（三）不予公开", "1.属于国家秘密 0 0 0 0 0 0 0")
    pdf = make_pdf([[*page1, (280, 40, "- 8 -")], [(280, 810, "- 9 -"), *page2]])
    joined = "\n".join(read_pdf(pdf).pages)
    assert "（二）部分公开 6 2 0 0 1 0 9\n（三）不予公开\n1.属于国家秘密 0 0 0 0 0 0 0" in joined


# --------------------------------------------------------------------------
# Verdicts
# --------------------------------------------------------------------------


def test_image_only_pages_are_scanned() -> None:
    result = read_pdf(make_pdf([[], []], images=[0, 1]))
    assert (result.verdict, result.image_only_pages, result.pages) == ("scanned", 2, ("", ""))


def test_a_scan_with_stamped_page_numbers_is_scanned() -> None:
    result = read_pdf(make_pdf([[(300, 30, "- 1 -")], [(300, 30, "- 2 -")]], images=[0, 1]))
    assert (result.verdict, result.image_only_pages) == ("scanned", 2)


def test_an_image_inside_a_form_counts() -> None:
    result = read_pdf(make_pdf([[]], form_images=[0]))
    assert (result.verdict, result.image_only_pages) == ("scanned", 1)


@pytest.mark.parametrize(("paths", "forms", "seen"), [
    (1999, 0, True), (2000, 0, False),  # the image must be among the page's first 2000 objects
    (0, 2, True), (0, 3, False),  # and at most two forms deep (a form in a form on the page)
    (1998, 1, True), (1999, 1, False),  # a form counts as an object, and so do the ones inside
])
def test_where_an_image_is_still_looked_for(paths: int, forms: int, seen: bool) -> None:
    result = read_pdf(image_behind(paths, forms))
    assert (result.verdict, result.image_only_pages) == (("scanned", 1) if seen else ("text", 0))


def test_one_scanned_page_in_a_text_report_is_counted_not_fatal() -> None:
    result = read_pdf(make_pdf([lines("一、总体情况"), [], lines("二、主动公开")], images=[1]))
    assert (result.verdict, result.image_only_pages) == ("text", 1)


def test_an_empty_page_without_image_is_not_image_only() -> None:
    result = read_pdf(make_pdf([lines("一、总体情况"), []]))
    assert (result.verdict, result.image_only_pages) == ("text", 0)


def test_utf8_bytes_in_a_latin_font_are_garbled() -> None:
    # What a PDF maker without a CJK font writes: each UTF-8 byte drawn as a WinAnsi character.
    mojibake = "政府信息公开工作年度报告 一、总体情况".encode().decode("cp1252", errors="replace")
    result = read_pdf(make_pdf([lines(mojibake, "2023 10 20%")]))
    assert result.verdict == "garbled"


def test_english_and_digits_only_are_text() -> None:
    english = lines("Annual report on government information disclosure", "Table 3: 112 received, 110 handled")
    digits = lines("3 0 5", "2023 12 31", "1 2 3 4 5 6 7")
    accented = lines("Rapport annuel: données publiées, décisions prises à Genève en été")
    for runs in (english, digits, accented):
        assert read_pdf(make_pdf([runs])).verdict == "text"


def test_a_few_replacement_characters_do_not_make_a_report_garbled() -> None:
    result = read_pdf(make_pdf([lines("一、总体情况" * 10, "本年度收到申请\ufffd件" * 3)]))
    assert result.verdict == "text"


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------


def test_password_protected_pdf_is_encrypted() -> None:
    with pytest.raises(PdfError) as caught:
        read_pdf(make_pdf([lines("加密的报告")], encrypt=("secret", "owner")))
    error = caught.value
    assert error.kind == "encrypted"
    assert "加密" in error.zh
    assert "encrypted" in error.en


def test_error_survives_pickling_across_processes() -> None:
    error = PdfError("too-many-pages", "PDF 共 6 页，超过上限 5 页", "The PDF has 6 pages, more than the limit of 5")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.kind, copy.zh, copy.en, str(copy)) == (error.kind, error.zh, error.en, error.zh)


def test_unknown_security_handler_is_encrypted() -> None:
    data = make_pdf([lines("加密的报告")], encrypt=("secret", "owner"))
    data = data.replace(b"/Filter /Standard", b"/Filter /Unknown0")  # same length: offsets stay right
    with pytest.raises(PdfError) as caught:
        read_pdf(data)
    assert caught.value.kind == "encrypted"
    assert "unsupported" in caught.value.en


def test_owner_password_only_pdf_is_read() -> None:
    # Copy and print restrictions without a password to open: the text is there for every reader.
    assert read_pdf(make_pdf([lines("限制复制的报告")], encrypt=("", "owner"))).pages == ("限制复制的报告",)


@pytest.mark.parametrize("cut", [0, 10, 100, 0.5])
def test_truncated_pdf_is_broken(cut: float) -> None:
    data = make_pdf([lines("一、总体情况")] * 3)
    with pytest.raises(PdfError) as caught:
        read_pdf(data[: int(cut * len(data)) if isinstance(cut, float) else cut])
    assert caught.value.kind == "broken"
    assert caught.value.zh
    assert caught.value.en


def test_not_a_pdf_is_broken() -> None:
    with pytest.raises(PdfError) as caught:
        read_pdf("一、总体情况\n".encode())
    assert caught.value.kind == "broken"


def test_pdf_without_pages_is_broken_and_says_so() -> None:
    with pytest.raises(PdfError) as caught:
        read_pdf(empty_pdf())
    assert caught.value.kind == "broken"
    assert "0 页" in caught.value.zh
    assert "no pages" in caught.value.en


def test_unreadable_page_is_broken_and_names_the_page() -> None:
    data = make_pdf([lines("一、总体情况"), lines("二、主动公开")])
    # The second page's object is no longer a page: the document opens, that page does not load.
    second = data.rindex(b"<< /Type /Page ")
    damaged = data[:second] + b"<< /Type /Xage " + data[second + len(b"<< /Type /Page "):]
    with pytest.raises(PdfError) as caught:
        read_pdf(damaged)
    assert caught.value.kind == "broken"
    assert "第 2 页" in caught.value.zh
    assert "Page 2" in caught.value.en


def test_more_pages_than_the_limit() -> None:
    data = make_pdf([lines("正文")] * 6)
    assert len(read_pdf(data, max_pages=6).pages) == 6
    with pytest.raises(PdfError) as caught:
        read_pdf(data, max_pages=5)
    error = caught.value
    assert error.kind == "too-many-pages"
    assert "5" in error.zh
    assert "5" in error.en
    assert "6" in error.en


def _words(n: int) -> str:
    """A different word of letters for each ``n`` (digits would look alike to the running-line test)."""
    return "".join(chr(ord("a") + int(d)) for d in str(n))


def test_many_pages_within_the_default_limit() -> None:
    result = read_pdf(make_pdf([lines(f"body {_words(n)}", f"- {n} -") for n in range(1, 301)]))
    assert result.pages == tuple(f"body {_words(n)}" for n in range(1, 301))
    assert result.verdict == "text"


# --------------------------------------------------------------------------
# Import cost
# --------------------------------------------------------------------------


def test_pdfium_is_imported_only_when_a_pdf_is_read() -> None:
    code = "import sys, gaudit.sources.pdf, gaudit.cli; print('pypdfium2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------
# The shared samples, through the reader
# --------------------------------------------------------------------------


def _audit(name: str) -> tuple[Document, list[str], dict[str, Any]]:
    """Read a shared PDF as gaudit reads any file, run the built-in rules; expected cells from
    expect.json."""
    doc = read_document(shared_pdf(name), Path(name).name)
    assert doc.format.value == "pdf" and doc.condition == "text"
    kinds = [finding.kind for finding in run_rules(doc, load_rules())]
    key = name.removeprefix("real/") if name.startswith("real/") else "../" + name
    expected = json.loads((SHARED / "real" / "expect.json").read_text(encoding="utf-8"))[key]
    return doc, kinds, expected


def _wrong_cells(doc: Document, cells: dict[str, object]) -> list[str]:
    wrong = []
    for key, value in cells.items():
        table, row, column = key.split(".")
        cell = doc.tables[table].cell(row, column) if table in doc.tables else None
        got = None if cell is None else cell.value
        if not (got == value or (isinstance(value, float) and isinstance(got, float) and abs(got - value) < 1e-6)):
            wrong.append(f"{key}: {got!r} != {value!r}")
    return wrong


def test_report10_all_200_cells_across_its_page_break_and_no_finding() -> None:
    doc, kinds, expected = _audit("formats/report10.pdf")
    assert len(expected["cells"]) == 200
    assert _wrong_cells(doc, expected["cells"]) == []
    assert kinds == []


def test_huaian_letter_spacing_vertical_header_and_footers() -> None:
    doc, kinds, expected = _audit("real/huaian-2024.pdf")
    assert _wrong_cells(doc, expected["cells"]) == []
    assert kinds == []
    text = doc.source.text
    assert "- 4 -" not in text
    assert "总计商业企" in text
    assert "三、\n本\n年\n度" in text  # vertical header kept one character per line


def test_rl_cid_non_embedded_cjk_font_three_missing_sections() -> None:
    doc, kinds, expected = _audit("formats/rl_cid.pdf")
    assert _wrong_cells(doc, expected["cells"]) == []
    assert kinds == ["missing-section"] * 3


def test_blank_template_blank_cells_and_nothing_derived() -> None:
    doc, kinds, expected = _audit("formats/official-template-2021_blank.pdf")
    assert _wrong_cells(doc, expected["cells"]) == []
    assert "blank-cell" in kinds
    assert not {"total-mismatch", "balance-mismatch"} & set(kinds)


def test_scanned_sample_is_scanned() -> None:
    result = read_pdf(shared_pdf("formats/scanned_p8-9.pdf"))
    assert (result.verdict, result.image_only_pages) == ("scanned", 2)


def test_garbled_sample_with_broken_xref_is_read_and_garbled() -> None:
    result = read_pdf(shared_pdf("formats/garbled-fonts.pdf"))
    assert result.verdict == "garbled"
    assert "2023" in result.pages[0]
