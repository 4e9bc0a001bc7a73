"""The DOCX source: what text a Word document becomes, and how bad archives are refused.

Small documents are built here with zipfile; the report made from the official
template (``../shared/formats/report10.docx``) is read when it exists.
"""

from __future__ import annotations

import io
import json
import random
import struct
import zipfile
from pathlib import Path

import pytest

from gaudit.document import read_document
from gaudit.engine import run_rules
from gaudit.rules import load_rules
from gaudit.sources.docx import LineOrigin, WordError, read_docx
from gaudit.sources.word_numbering import format_number

FORMATS = Path(__file__).resolve().parents[2] / "shared" / "formats"
EXPECT = Path(__file__).resolve().parents[2] / "shared" / "real" / "expect.json"
MB = 1 << 20

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def p(text: str, ppr: str = "") -> str:
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def tc(*paragraphs: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{''.join(p(x) for x in paragraphs) or '<w:p/>'}</w:tc>"


def document(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {_NS}><w:body>{body}</w:body></w:document>'


def make_docx(body: str, parts: dict[str, str | bytes] | None = None) -> bytes:
    return _zip({"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS, "word/document.xml": document(body),
                 **(parts or {})})


def _zip(members: dict[str, bytes | str], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def lines(body: str, **parts: str) -> list[str]:
    files = {f"word/{k}.xml": v for k, v in parts.items()}
    return list(read_docx(make_docx(body, files), max_size=MB).lines)


def refused(data: bytes, max_size: int = MB) -> WordError:
    with pytest.raises(WordError) as info:
        read_docx(data, max_size=max_size)
    assert info.value.zh and info.value.en
    return info.value


# -- text -------------------------------------------------------------------------------------


def test_paragraphs_in_body_order_with_their_numbers() -> None:
    text = read_docx(make_docx(p("标题") + "<w:p/>" + p("一、总体情况")), max_size=MB)
    assert text.lines == ("标题", "", "一、总体情况")
    assert text.origins == (LineOrigin(1), LineOrigin(2), LineOrigin(3))
    assert text.text == "标题\n\n一、总体情况"


def test_table_rows_are_pipe_rows_with_merges_on_the_grid() -> None:
    span3 = '<w:gridSpan w:val="3"/>'
    restart, cont = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    table = (
        "<w:tbl><w:tblPr/>"
        f"<w:tr>{tc('申请人情况', props=span3)}{tc('总计')}</w:tr>"
        f"<w:tr>{tc('三、本年度办理结果', props=restart)}{tc('（一）予以公开')}{tc('34')}{tc('48')}</w:tr>"
        f"<w:tr>{tc(props=cont)}{tc('（二）部分公开')}{tc()}{tc('9')}</w:tr>"
        "</w:tbl>"
    )
    text = read_docx(make_docx(p("前") + table + p("后")), max_size=MB)
    assert text.lines == (
        "前",
        "| 申请人情况 |  |  | 总计 |",
        "| 三、本年度办理结果 | （一）予以公开 | 34 | 48 |",
        "|  | （二）部分公开 |  | 9 |",
        "后",
    )
    # Each row carries its first paragraph's number (every w:p counts, in cells too) and its row.
    assert text.origins[1:] == (LineOrigin(2, 1), LineOrigin(4, 2), LineOrigin(8, 3), LineOrigin(12))


def test_span_fillers_can_be_left_out() -> None:
    span3 = '<w:gridSpan w:val="3"/>'
    row = f"<w:tbl><w:tr>{tc('一、本年新收', props=span3)}{tc('78')}</w:tr></w:tbl>"
    assert read_docx(make_docx(row), max_size=MB).lines == ("| 一、本年新收 |  |  | 78 |",)
    assert read_docx(make_docx(row), max_size=MB, span_fillers=False).lines == ("| 一、本年新收 | 78 |",)


def test_a_sliver_grid_column_a_converter_left_is_no_column() -> None:
    """LibreOffice's DOC to DOCX conversion adds a 1-twip grid column that each 总计 cell spans:
    it must not become an empty cell between 总计 and the next column."""
    grid = ('<w:tblGrid><w:gridCol w:w="900"/><w:gridCol w:w="900"/><w:gridCol w:w="1"/>'
            '<w:gridCol w:w="900"/></w:tblGrid>')
    span2 = '<w:gridSpan w:val="2"/>'
    table = (f"<w:tbl><w:tblPr/>{grid}"
             f"<w:tr>{tc('尚未审结')}{tc('总计', props=span2)}{tc('结果维持')}</w:tr>"
             f"<w:tr>{tc('0')}{tc('3', props=span2)}{tc('1')}</w:tr></w:tbl>")
    assert read_docx(make_docx(table), max_size=MB).lines == ("| 尚未审结 | 总计 | 结果维持 |", "| 0 | 3 | 1 |")
    # A real column spanned stays an empty cell, as the template's grid has it.
    wide = grid.replace('w:w="1"', 'w:w="900"')
    assert read_docx(make_docx(table.replace(grid, wide)), max_size=MB).lines == (
        "| 尚未审结 | 总计 |  | 结果维持 |", "| 0 | 3 |  | 1 |")


def test_a_cell_keeps_a_wrapped_label_whole() -> None:
    row = (f"<w:tbl><w:tr>{tc('商业', '企业')}"
           '<w:tc><w:p><w:r><w:t>结果</w:t><w:br/><w:t>纠正</w:t></w:r></w:p></w:tc>'
           f"{tc('Word', '2023')}{tc('a|b')}</w:tr></w:tbl>")
    assert lines(row) == ["| 商业企业 | 结果纠正 | Word 2023 | a/b |"]


def test_grid_before_and_after_are_empty_cells() -> None:
    row = ('<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="2"/></w:trPr>'
           f"{tc('规章')}{tc('0')}</w:tr><w:tr>{tc('a')}{tc('b')}</w:tr></w:tbl>")
    assert lines(row) == ["|  | 规章 | 0 |  |  |", "| a | b |"]
    negative = '<w:gridSpan w:val="-5"/>'
    hostile = ('<w:tbl><w:tr><w:trPr><w:gridBefore w:val="2000000000"/></w:trPr>'
               f"{tc('x', props=negative)}{tc('1')}</w:tr></w:tbl>")
    assert lines(hostile) == ["| " + " | ".join([""] * 64 + ["x", "1"]) + " |"]


def test_deleted_revisions_are_not_text_inserted_ones_are() -> None:
    body = ('<w:p><w:r><w:t>共</w:t></w:r><w:del w:id="1"><w:r><w:delText>12</w:delText></w:r></w:del>'
            '<w:ins w:id="2"><w:r><w:t>15</w:t></w:r></w:ins><w:r><w:t>件</w:t></w:r>'
            '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>')
    assert lines(body) == ["共15件"]


def test_tabs_and_breaks() -> None:
    body = '<w:p><w:r><w:t>规章</w:t><w:tab/><w:t>0</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>'
    text = read_docx(make_docx(body), max_size=MB)
    assert text.lines == ("规章\t0", "第二行")
    assert text.origins == (LineOrigin(1), LineOrigin(1))


def test_text_box_follows_its_paragraph_once() -> None:
    box = '<w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent>'
    body = (
        '<w:p><w:r><w:t>锚点</w:t></w:r><w:r><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r></w:p>' + p("下一段")
    )
    text = read_docx(make_docx(body), max_size=MB)
    assert text.lines == ("锚点", "框内文字", "下一段")
    assert [o.paragraph for o in text.origins] == [1, 2, 3]


def test_vml_only_text_box_is_read() -> None:
    body = ('<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>'
            f'{p("旧式文本框")}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>')
    assert lines(body) == ["旧式文本框"]


def test_content_controls_block_and_inline() -> None:
    body = (
        '<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>'
        f'{p("控件中的段落")}</w:sdtContent></w:sdt>'
        '<w:p><w:r><w:t>机关：</w:t></w:r><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>柳溪县</w:t></w:r>'
        '</w:sdtContent></w:sdt></w:p>'
    )
    assert lines(body) == ["控件中的段落", "机关：柳溪县"]


def test_layout_table_is_read_as_its_blocks() -> None:
    inner = f"<w:tbl><w:tr>{tc('规章')}{tc('0')}{tc('3')}</w:tr></w:tbl>"
    body = f"<w:tbl><w:tr><w:tc>{p('二、主动公开政府信息情况')}{inner}{p('说明')}</w:tc></w:tr></w:tbl>"
    text = read_docx(make_docx(body), max_size=MB)
    assert text.lines == ("二、主动公开政府信息情况", "| 规章 | 0 | 3 |", "说明")
    assert text.origins[0] == LineOrigin(1, 1, 1)


def test_main_part_found_through_the_package_relationships() -> None:
    rels = _RELS.replace('Target="word/document.xml"', 'Target="/doc/./main.xml"')
    data = _zip({"_rels/.rels": rels, "doc/main.xml": document(p("别处的正文"))})
    assert read_docx(data, max_size=MB).lines == ("别处的正文",)


# -- automatic numbering -------------------------------------------------------------------

_NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {_NS}>'
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
    '</w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
    '</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>'
    '</w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/>'
    '</w:lvlOverride></w:num>'
    '</w:numbering>'
)
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:styles {_NS}>'
    '<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
    '</w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="H1x"><w:basedOn w:val="H1"/></w:style>'
    '</w:styles>'
)


def numbered(text: str, level: int, num: int = 1) -> str:
    return p(text, f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>')


def test_numbered_headings_get_their_chinese_numbers() -> None:
    body = (numbered("总体情况", 0) + numbered("主动公开", 1) + numbered("依申请公开", 1)
            + numbered("要点", 2) + numbered("主动公开政府信息情况", 0) + numbered("第一项", 1)
            + numbered("不是编号", 0, num=2) + p("无编号") + numbered("第十项", 0, num=3))
    assert lines(body, numbering=_NUMBERING) == [
        "一、总体情况", "（一）主动公开", "（二）依申请公开", "1.要点", "二、主动公开政府信息情况",
        "（一）第一项", "不是编号", "无编号", "十、第十项",
    ]


def test_numbering_through_the_paragraph_style() -> None:
    body = p("总体情况", '<w:pPr><w:pStyle w:val="H1"/></w:pPr>') + p("其他", '<w:pPr><w:pStyle w:val="H1x"/></w:pPr>')
    assert lines(body, numbering=_NUMBERING, styles=_STYLES) == ["一、总体情况", "二、其他"]


def test_strict_open_xml_namespace() -> None:
    def strict(xml: str) -> str:
        return xml.replace("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                           "http://purl.oclc.org/ooxml/wordprocessingml/main")

    data = _zip({"word/document.xml": strict(document(numbered("严格格式", 0) + p("第二段"))),
                 "word/numbering.xml": strict(_NUMBERING)})
    assert b"purl.oclc.org" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    assert read_docx(data, max_size=MB).lines == ("一、严格格式", "第二段")


@pytest.mark.parametrize(("n", "fmt", "text"), [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCountingThousand", "二十"), (99, "chineseCounting", "九十九"), (100, "chineseCounting", "100"),
    (2, "chineseLegalSimplified", "贰"), (3, "ideographTraditional", "丙"), (3, "decimalEnclosedCircle", "③"),
    (12, "decimalFullWidth", "１２"), (28, "lowerLetter", "bb"), (14, "upperRoman", "XIV"), (5, "none", ""),
    (7, "somethingNew", "7"), (10**9, "lowerLetter", "1000000000"), (10**9, "upperRoman", "1000000000"),
])
def test_number_formats(n: int, fmt: str, text: str) -> None:
    assert format_number(n, fmt) == text


def test_numbering_without_definitions_adds_nothing() -> None:
    assert lines(numbered("总体情况", 0)) == ["总体情况"]


# -- refusals -----------------------------------------------------------------------------


def _declare_size(data: bytes, name: str, size: int) -> bytes:
    """The archive with ``name``'s declared uncompressed size rewritten in both headers."""
    raw, encoded = bytearray(data), name.encode()
    for signature, name_at, size_at in ((b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)):
        at = raw.find(signature)
        while at != -1:
            if raw[at + name_at: at + name_at + len(encoded)] == encoded:
                struct.pack_into("<I", raw, at + size_at, size)
            at = raw.find(signature, at + 4)
    return bytes(raw)


def test_member_declaring_a_huge_size_is_refused_unread() -> None:
    bomb = make_docx(p("x") + "<w:p/>" * 200_000)  # ~1 MB of XML, deflated to a few KB
    assert len(bomb) < 20_000
    assert refused(bomb, max_size=500_000).kind == "too-large"


def test_member_lying_about_a_small_size_stops_at_the_bound() -> None:
    bomb = _declare_size(make_docx(p("x") + "<w:p/>" * 200_000), "word/document.xml", 1000)
    # Inflating stops at the declared 1000 bytes (zipfile's own bound; the reader also counts
    # what it inflates against the limit): the truncated member then fails its check sum.
    error = refused(bomb, max_size=500_000)
    assert error.kind == "broken"
    assert "CRC" in error.en


def test_input_larger_than_the_limit() -> None:
    assert refused(make_docx(p("x")), max_size=100).kind == "too-large"


@pytest.mark.parametrize("where", ["word/document.xml", "word/numbering.xml", "_rels/.rels"])
def test_billion_laughs_is_refused_before_parsing(where: str) -> None:
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
              f'<w:document {_NS}><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
    members: dict[str, bytes | str] = {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS,
                                       "word/document.xml": document(p("x")), "word/numbering.xml": _NUMBERING}
    members[where] = laughs
    error = refused(_zip(members))
    assert error.kind == "unsafe-xml"
    assert "DOCTYPE" in error.en and "DOCTYPE" in error.zh


def test_external_entity_is_refused() -> None:
    xxe = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           f'<w:document {_NS}><w:body>{p("&x;")}</w:body></w:document>')
    assert refused(_zip({"word/document.xml": xxe})).kind == "unsafe-xml"


@pytest.mark.parametrize(("members", "named"), [
    ({"xl/workbook.xml": "<workbook/>", "[Content_Types].xml": _CONTENT_TYPES}, "XLSX"),
    ({"ppt/presentation.xml": "<p/>"}, "PPTX"),
    ({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<d/>"}, "ODT"),
    ({"OFD.xml": "<ofd:OFD/>"}, "OFD"),
    ({"readme.txt": "hello"}, "ZIP"),
])
def test_other_zip_formats_are_not_word(members: dict[str, str | bytes], named: str) -> None:
    error = refused(_zip(members))
    assert error.kind == "not-word"
    assert named in error.en and named in error.zh


def test_renamed_xlsx_whose_rels_name_a_workbook() -> None:
    rels = _RELS.replace("word/document.xml", "xl/workbook.xml")
    error = refused(_zip({"_rels/.rels": rels, "xl/workbook.xml": "<workbook/>"}))
    assert error.kind == "not-word" and "Excel" in error.en


@pytest.mark.parametrize(("data", "named"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "DOC"),
    (b"{\\rtf1\\ansi hello}", "RTF"),
    (b"%PDF-1.7\n", "PDF"),
])
def test_other_files_are_not_word(data: bytes, named: str) -> None:
    error = refused(data)
    assert error.kind == "not-word" and named in error.en


@pytest.mark.parametrize("data", [
    b"", b"PK\x03\x04 truncated", b"plain text, not a zip",
    make_docx(p("x"))[:200],
    _zip({"word/document.xml": "<w:document><w:body><w:p>"}),
    _zip({"word/document.xml": f"<w:document {_NS}/>"}),
])
def test_broken_archives_and_xml(data: bytes) -> None:
    assert refused(data).kind == "broken"


def test_deep_nesting_is_read_or_refused_never_a_crash() -> None:
    depth = 20_000
    in_cell = ("<w:tbl><w:tr><w:tc>" + "<w:sdt><w:sdtContent>" * depth + p("深") + "</w:sdtContent></w:sdt>" * depth
               + f"</w:tc>{tc('1')}</w:tr></w:tbl>")
    assert lines(in_cell) == ["| 深 | 1 |"]
    in_body = "<w:customXml>" * depth + p("深") + "</w:customXml>" * depth
    assert refused(make_docx(in_body)).kind == "broken"


def test_corrupted_member_fails_its_check_sum() -> None:
    data = _zip({"word/document.xml": document(p("原文内容"))}, zipfile.ZIP_STORED)
    data = data.replace("原文".encode(), "改动".encode())
    assert refused(data).kind == "broken"


def test_random_damage_is_always_a_word_error() -> None:
    good = make_docx(numbered("总体情况", 0) + p("正文") + "<w:tbl><w:tr>" + tc("a") + tc("1") + "</w:tr></w:tbl>",
                     {"word/numbering.xml": _NUMBERING})
    rng = random.Random(20261206)
    for _ in range(300):
        data = bytearray(good)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            read_docx(bytes(data), max_size=MB)
        except WordError as exc:
            assert exc.kind in ("broken", "not-word", "too-large", "unsafe-xml")


# -- the report made from the official template -----------------------------------------------


def _report(name: str) -> bytes:
    path = FORMATS / name
    if not path.is_file():
        pytest.skip(f"{path} not found")
    return path.read_bytes()


def test_report10_docx_reads_every_cell_and_no_finding() -> None:
    text = read_docx(_report("report10.docx"), max_size=50 * MB)
    assert "| 规章 | 0 | 0 | 3 |" in text.lines
    assert "|  |  | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |" in text.lines
    assert "| 3 | 1 | 0 | 1 | 5 | 1 | 0 | 0 | 1 | 2 | 0 | 0 | 1 | 0 | 1 |" in text.lines
    assert len(text.lines) == len(text.origins)
    expected = json.loads(EXPECT.read_text(encoding="utf-8"))["../formats/report10.docx"]["cells"]
    doc = read_document(_report("report10.docx"), "report10.docx")  # as gaudit reads the file
    assert doc.format.value == "docx" and doc.source.text == text.text
    cells = {f"{t}.{r}.{c}": cell.value for t, table in doc.tables.items()
             for r, row in table.rows.items() for c, cell in row.cells.items()}
    assert len(expected) == 200 and {k: cells.get(k, "absent") for k in expected} == expected
    assert [f.kind for f in run_rules(doc, load_rules())] == []


def test_blank_official_template_is_recognised_with_blank_cells_only() -> None:
    text = read_docx(_report("official-template-2021_blank.docx"), max_size=50 * MB)
    doc = read_document(_report("official-template-2021_blank.docx"), "blank.docx")
    assert doc.source.text == text.text
    assert doc.facts.template == "2021"
    assert set(doc.tables) == {"active", "applications", "reviews"}
    kinds = {f.kind for f in run_rules(doc, load_rules())}
    assert "blank-cell" in kinds
    assert not kinds & {"total-mismatch", "balance-mismatch", "missing-table", "missing-section"}


def _blank_total_column(lines: tuple[str, ...]) -> str:
    """report10 with the 总计 cell of every applications row left empty (a common omission)."""
    out: list[str] = []
    inside = False
    for line in lines:
        inside = (inside or "三、收到和处理" in line) and "四、政府信息公开行政复议" not in line
        cells = line[2:-2].split(" | ")
        if inside and line.startswith("| ") and cells[-1].strip().isdigit():
            line = "| " + " | ".join([*cells[:-1], ""]) + " |"
        out.append(line)
    return "\n".join(out)


def _shifted_rows(text: str) -> list[str]:
    doc = read_document(text.encode("utf-8"), "report10.docx")
    return [key for key, row in doc.tables["applications"].rows.items() if row.cells["natural_person"].value is None]


def test_report10_with_blank_totals_reads_right_without_span_fillers() -> None:
    text = read_docx(_report("report10.docx"), max_size=50 * MB, span_fillers=False)
    assert _shifted_rows(_blank_total_column(text.lines)) == []


# A table with no full row (every 总计 left blank): the empty cells after a merged label are
# the merge's, not blanks, and no row shifts.
def test_report10_with_blank_totals_reads_right_with_span_fillers() -> None:
    text = read_docx(_report("report10.docx"), max_size=50 * MB)
    assert _shifted_rows(_blank_total_column(text.lines)) == []
