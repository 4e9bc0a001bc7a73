"""The OFD source: text placed on pages becomes lines in reading order; bad archives are refused.

No real OFD report is at hand, so the files are built here by hand after the
structure of GB/T 33190: OFD.xml -> DocBody/DocRoot -> Document.xml ->
Pages/Page@BaseLoc -> Content.xml with TextObject/TextCode.
"""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from gaudit.document import read_document
from gaudit.sources.ofd import OfdError, read_ofd

MB = 1 << 20
_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def text_object(x: float, y: float, text: str, *, size: float = 4.0, extra: str = "", codes: str = "") -> str:
    """A text object whose box starts at (x, y - size); its baseline is at y on the page."""
    body = codes or f'<ofd:TextCode X="0" Y="{size}">{text}</ofd:TextCode>'
    return (f'<ofd:TextObject ID="1" Boundary="{x} {y - size} 150 {size * 1.5}" Font="1" Size="{size}"{extra}>'
            f"{body}</ofd:TextObject>")


def page(*objects: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {_NS}><ofd:Content><ofd:Layer ID="2">'
            + "".join(objects) + "</ofd:Layer></ofd:Content></ofd:Page>")


def make_ofd(*pages: str, doc_root: str = "Doc_0/Document.xml", extra: dict[str, str] | None = None) -> bytes:
    entries = "".join(f'<ofd:Page ID="{i + 10}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {_NS} Version="1.0" DocType="OFD">'
                              f"<ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo>"
                              f"<ofd:DocRoot>{doc_root}</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        z.writestr("Doc_0/Document.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {_NS}><ofd:CommonData>'
                   "<ofd:MaxUnitID>99</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
                   f"</ofd:PageArea></ofd:CommonData><ofd:Pages>{entries}</ofd:Pages></ofd:Document>")
        for i, content in enumerate(pages):
            z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", content)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return out.getvalue()


def refused(data: bytes, max_size: int = MB) -> OfdError:
    with pytest.raises(OfdError) as info:
        read_ofd(data, max_size=max_size)
    assert info.value.zh and info.value.en
    return info.value


def test_lines_follow_the_baselines_top_to_bottom() -> None:
    first = page(
        text_object(20, 60, "一、总体情况"),
        text_object(20, 40, "柳溪县市场监督管理局2023年政府信息公开工作年度报告", size=6),
        # One line set as two objects, the right one written first in the file.
        text_object(80, 80, "全年共处理。"),
        text_object(20, 80.4, "本机关坚持公开。"),
    )
    second = page(text_object(20, 30, "二、主动公开政府信息情况"))
    assert read_ofd(make_ofd(first, second), max_size=MB) == (
        "柳溪县市场监督管理局2023年政府信息公开工作年度报告\n一、总体情况\n本机关坚持公开。 全年共处理。",
        "二、主动公开政府信息情况",
    )


def test_delta_x_spacing_and_continued_codes() -> None:
    codes = ('<ofd:TextCode X="0" Y="4" DeltaX="g 1 4 20">规章0</ofd:TextCode>'
             '<ofd:TextCode X="60" DeltaX="2">12</ofd:TextCode><ofd:TextCode>3</ofd:TextCode>')
    # 规 at 0, 章 at 4, 0 at 24 (a wide gap: a new cell), 1 at 60, 2 at 62, then 3 where 2 ended.
    assert read_ofd(make_ofd(page(text_object(10, 50, "", codes=codes))), max_size=MB) == ("规章 0 123",)


def test_ctm_and_page_blocks() -> None:
    scaled = text_object(0, 0, "", extra=' CTM="0.5 0 0 0.5 100 100"',
                         codes='<ofd:TextCode X="0" Y="4" DeltaX="g 1 4">右下</ofd:TextCode>')
    block = f"<ofd:PageBlock ID='5'>{text_object(20, 20, '页块中的文字')}</ofd:PageBlock>"
    assert read_ofd(make_ofd(page(scaled, block)), max_size=MB) == ("页块中的文字\n右下",)


def test_absolute_and_backslash_paths() -> None:
    data = make_ofd(page(text_object(20, 20, "文字")), doc_root="/Doc_0\\Document.xml")
    assert read_ofd(data, max_size=MB) == ("文字",)


def test_an_empty_page_is_an_empty_string() -> None:
    assert read_ofd(make_ofd(page(), page(text_object(10, 10, "末页"))), max_size=MB) == ("", "末页")


def test_a_table_set_as_placed_text_reads_as_a_table() -> None:
    rows = [
        ["第二十条第（一）项"],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "3"],
        ["行政规范性文件", "4", "2", "37"],
        ["第二十条第（五）项"],
        ["信息内容", "本年处理决定数量"],
        ["行政许可", "1286"],
    ]
    objects = [text_object(20, 30, "二、主动公开政府信息情况")]
    for r, row in enumerate(rows):
        objects.extend(text_object(20 + 45 * c, 40 + 8 * r, cell) for c, cell in enumerate(row))
    objects.append(text_object(20, 40 + 8 * len(rows), "三、收到和处理政府信息公开申请情况"))
    text = "\n".join(read_ofd(make_ofd(page(*objects)), max_size=MB))
    assert "规章 0 0 3" in text.splitlines()
    doc = read_document(text.encode("utf-8"), "report.ofd")
    cells = doc.tables["active"].rows
    assert [cells["normative_documents"].cells[k].value for k in ("issued", "repealed", "in_force")] == [4, 2, 37]
    assert cells["licensing"].cells["decisions"].value == 1286


# -- refusals -----------------------------------------------------------------------------


def test_doctype_is_refused() -> None:
    laughs = ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
              f'<ofd:Page {_NS}><ofd:Content><ofd:Layer>'
              '<ofd:TextObject Boundary="0 0 10 10" Size="3"><ofd:TextCode X="0" Y="3">&b;</ofd:TextCode>'
              "</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>")
    assert refused(make_ofd(laughs)).kind == "unsafe-xml"


def test_too_large() -> None:
    big = page(*(text_object(10, 10 + i % 250, "文字" * 20) for i in range(3000)))
    data = make_ofd(big)
    assert refused(data, max_size=len(data) - 1).kind == "too-large"
    assert refused(data, max_size=len(data) + 1000).kind == "too-large"  # the page inflates past the bound


def test_a_word_document_is_not_an_ofd() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    error = refused(out.getvalue())
    assert error.kind == "not-word" and "Word" in error.en and "OFD" in error.zh


@pytest.mark.parametrize("data", [
    b"", b"not a zip", make_ofd(page())[:100],
    make_ofd(page(), doc_root="Doc_9/Document.xml"),
    make_ofd("<ofd:Page"),
    make_ofd(page(), doc_root=""),
])
def test_broken(data: bytes) -> None:
    assert refused(data).kind == "broken"


def test_missing_page_is_broken() -> None:
    data = make_ofd(page(text_object(1, 1, "x")))
    damaged = data.replace(b"Pages/Page_0/Content.xml", b"Pages/Page_0/Content.xmX", 1)  # the listing, not the file
    assert refused(damaged).kind == "broken"


def test_odd_numbers_never_crash() -> None:
    odd = ('<ofd:TextObject Boundary="x y" CTM="1 2" Size="big">'
           '<ofd:TextCode X="nan?" Y="" DeltaX="g g 1 2 g 99999999999 1">文字</ofd:TextCode></ofd:TextObject>')
    assert read_ofd(make_ofd(page(odd)), max_size=MB) == ("文字",)


def test_hostile_repeat_counts_stay_small() -> None:
    code = '<ofd:TextCode X="0" Y="3" DeltaX="' + "g 100000000 1 " * 2000 + '">二字</ofd:TextCode>'
    assert read_ofd(make_ofd(page(text_object(0, 10, "", codes=code))), max_size=MB) == ("二字",)


def test_deep_page_blocks_are_refused_not_a_crash() -> None:
    deep = page("<ofd:PageBlock>" * 20_000 + text_object(1, 10, "深") + "</ofd:PageBlock>" * 20_000)
    assert refused(make_ofd(deep)).kind == "broken"


def test_random_damage_is_always_an_ofd_error() -> None:
    good = make_ofd(page(text_object(20, 20, "一、总体情况"), text_object(20, 30, "规章 0 0 3")))
    rng = random.Random(33190)
    for _ in range(300):
        data = bytearray(good)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            read_ofd(bytes(data), max_size=MB)
        except OfdError as exc:
            assert exc.kind in ("broken", "not-word", "too-large", "unsafe-xml")
