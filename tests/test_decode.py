"""The decoding stage: these bytes -> this encoding and exactly this text.

Every input is built here from short report snippets written for these tests
(and, when ``../shared/seeds`` is present, from the seed reports re-encoded).
"""

from __future__ import annotations

import codecs
import random
import subprocess
import sys
from pathlib import Path

import pytest

from gaudit.decode import BinaryFileError, UnknownEncodingError, check_encoding_name, decode
from gaudit.model import DecodedText, Position, SourceText

REPO = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

SIMPLIFIED = """某某镇人民政府2022年政府信息公开工作年度报告

本报告根据《中华人民共和国政府信息公开条例》要求编制。统计期限自2022年1月1日起至2022年12月31日止。

一、总体情况
2022年,某某镇人民政府坚持以公开为常态、不公开为例外,主动公开政府信息,依法办理依申请公开。

二、主动公开政府信息情况
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 2 | 0 | 5 |

三、收到和处理政府信息公开申请情况
| 本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |

四、政府信息公开行政复议、行政诉讼情况
本年度未发生行政复议、行政诉讼案件。

五、存在的主要问题及改进情况
公开内容不够全面,下一步将加强培训。

六、其他需要报告的事项
本机关2022年度未收取信息处理费。
"""

TRADITIONAL = """某某鎮人民政府2022年政府信息公開工作年度報告

本報告根據《中華人民共和國政府信息公開條例》要求編制。統計期限自2022年1月1日起至2022年12月31日止。

一、總體情況
2022年,某某鎮人民政府堅持以公開為常態、不公開為例外,主動公開政府信息,依法辦理依申請公開。

二、主動公開政府信息情況
| 信息內容 | 本年制發件數 | 本年廢止件數 | 現行有效件數 |
| 規章 | 0 | 0 | 0 |
| 行政規範性文件 | 2 | 0 | 5 |

三、收到和處理政府信息公開申請情況
| 本年新收政府信息公開申請數量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |

四、政府信息公開行政復議、行政訴訟情況
本年度未發生行政復議、行政訴訟案件。

五、存在的主要問題及改進情況
公開內容不夠全面,下一步將加強培訓。

六、其他需要報告的事項
本機關2022年度未收取信息處理費。
"""

#: Mostly digits and pipes with a few row labels: GB and Big5 both decode these
#: bytes strictly and chardet's confidences are a near tie (~0.03 against ~0.03).
DIGITS_SIMPLIFIED = "| 总计 | 12 | 3 | 0 | 15 |\n" * 3 + "| 1 | 2 | 3 | 4 |\n" * 20
DIGITS_TRADITIONAL = "| 總計 | 12 | 3 | 0 | 15 |\n" * 3 + "| 1 | 2 | 3 | 4 |\n" * 20
#: One label after many ASCII lines: here chardet prefers Big5 for the GBK bytes.
LITTLE_SIMPLIFIED = "Report 2022\n" + "| 1 | 2 | 3 |\n" * 30 + "总计\n"
LITTLE_TRADITIONAL = "Report 2022\n" + "| 1 | 2 | 3 |\n" * 30 + "總計\n"

#: Outside GBK (checked in test_gb18030_only_characters_are_outside_gbk).
BEYOND_GBK = "𠀀䶮"


def prefix_of(text: str, codec: str, limit: int = 200) -> str:
    """The longest prefix of ``text`` whose encoding fits in ``limit`` bytes."""
    size = 0
    for i, ch in enumerate(text):
        size += len(ch.encode(codec))
        if size > limit:
            return text[:i]
    return text




# name, text, codec the bytes are made with, encoding decode() must report
ROUNDTRIPS = [
    ("utf-8", SIMPLIFIED, "utf-8", "utf-8"),
    ("utf-8-traditional", TRADITIONAL, "utf-8", "utf-8"),
    ("ascii-only", "Annual report 2022\n| 1 | 2 | 3 |\n", "utf-8", "utf-8"),
    ("utf-8-bom", SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
    ("gbk", SIMPLIFIED, "gbk", "gb18030"),
    ("gbk-traditional-text", TRADITIONAL, "gbk", "gb18030"),
    ("gb18030-beyond-gbk", SIMPLIFIED.replace("某某镇", "某" + BEYOND_GBK + "镇"), "gb18030", "gb18030"),
    ("big5", TRADITIONAL, "big5", "big5hkscs"),
    ("big5hkscs", TRADITIONAL, "big5hkscs", "big5hkscs"),
    ("utf-16-le-bom", SIMPLIFIED, "utf-16", "utf-16"),  # Python writes the native (LE) BOM
    ("utf-16-be-bom", SIMPLIFIED, "utf-16-be-bom", "utf-16"),
    ("utf-16-le", SIMPLIFIED, "utf-16-le", "utf-16-le"),
    ("utf-16-be", SIMPLIFIED, "utf-16-be", "utf-16-be"),
    ("utf-16-le-traditional", TRADITIONAL, "utf-16-le", "utf-16-le"),
    # No ASCII at all, so no NULs: the control-range bytes must not make it "binary".
    ("utf-16-le-pure-cjk", "政府信息公开工作年度报告总体情况", "utf-16-le", "utf-16-le"),
    ("utf-16-be-pure-cjk", "政府信息公开工作年度报告总体情况", "utf-16-be", "utf-16-be"),
    ("utf-32-bom", SIMPLIFIED, "utf-32", "utf-32"),
    ("200-bytes-gbk", prefix_of(SIMPLIFIED, "gbk"), "gbk", "gb18030"),
    ("200-bytes-big5", prefix_of(TRADITIONAL, "big5"), "big5", "big5hkscs"),
    ("200-bytes-utf-16-le", prefix_of(SIMPLIFIED, "utf-16-le"), "utf-16-le", "utf-16-le"),
    ("digits-gbk", DIGITS_SIMPLIFIED, "gbk", "gb18030"),
    ("digits-big5", DIGITS_TRADITIONAL, "big5", "big5hkscs"),
    ("digits-200-bytes-gbk", prefix_of(DIGITS_SIMPLIFIED, "gbk"), "gbk", "gb18030"),
    ("digits-200-bytes-big5", prefix_of(DIGITS_TRADITIONAL, "big5"), "big5", "big5hkscs"),
    ("one-label-gbk", LITTLE_SIMPLIFIED, "gbk", "gb18030"),
    ("one-label-big5", LITTLE_TRADITIONAL, "big5", "big5hkscs"),
]


def encode(text: str, codec: str) -> bytes:
    if codec == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(codec)


@pytest.mark.parametrize(("name", "text", "codec", "expected"), ROUNDTRIPS, ids=[c[0] for c in ROUNDTRIPS])
def test_detects_encoding_and_text_round_trips(name: str, text: str, codec: str, expected: str) -> None:
    data = encode(text, codec)
    decoded = decode(data)
    assert decoded.encoding == expected
    assert decoded.text == text
    assert decoded.bad_byte_offset is None


def test_prefixes_are_really_short_and_chinese() -> None:
    # Guards the 200-byte cases against a prefix that lost its Chinese text.
    for text, codec in ((SIMPLIFIED, "gbk"), (TRADITIONAL, "big5"), (DIGITS_TRADITIONAL, "big5")):
        short = prefix_of(text, codec)
        assert 190 <= len(short.encode(codec)) <= 200
        assert "政府" in short or "總計" in short


@pytest.mark.parametrize(
    ("text", "codec"),
    [(DIGITS_SIMPLIFIED, "gbk"), (DIGITS_TRADITIONAL, "big5"), (LITTLE_SIMPLIFIED, "gbk"),
     (LITTLE_TRADITIONAL, "big5")],
    ids=["digits-gbk", "digits-big5", "one-label-gbk", "one-label-big5"],
)
def test_near_tie_inputs_really_decode_both_ways(text: str, codec: str) -> None:
    # Guards the tie-break cases: if only one reading decoded, they would test nothing.
    data = text.encode(codec)
    assert data.decode("gb18030") and data.decode("big5hkscs")


def test_gb18030_only_characters_are_outside_gbk() -> None:
    for ch in BEYOND_GBK:
        with pytest.raises(UnicodeEncodeError):
            ch.encode("gbk")


def test_utf8_is_decided_without_chardet_confidence() -> None:
    assert decode(SIMPLIFIED.encode("utf-8")) == DecodedText(SIMPLIFIED, "utf-8", None)


def test_legacy_report_is_decided_by_its_words_without_chardet() -> None:
    # GBK bytes of a report: only the GB18030 reading holds the statutory vocabulary.
    assert decode(SIMPLIFIED.encode("gbk")) == DecodedText(SIMPLIFIED, "gb18030", None)
    big5 = decode(TRADITIONAL.encode("big5"))
    assert (big5.text, big5.confidence) == (TRADITIONAL, None)


def test_chardet_confidence_recorded_where_it_was_asked() -> None:
    # Chinese text with none of the statutory words: a tie in words, so chardet decides.
    plain = "会议纪要\n" + "今天天气很好,我们去公园散步,看见许多孩子在放风筝。\n" * 5
    decoded = decode(plain.encode("gbk"))
    assert decoded.text == plain
    assert decoded.confidence is not None
    assert 0.0 < decoded.confidence <= 1.0


def test_empty_input() -> None:
    assert decode(b"") == DecodedText("", "utf-8", None, None)


# --- damaged files: the first bad byte's line and column ----------------------------------


def offset_of(text: str, line: int, col: int) -> int:
    return SourceText.of(text).line_starts[line - 1] + col - 1


def insert_bad_byte(text: str, codec: str, line: int, col: int, bad: bytes = b"\xff") -> tuple[bytes, int]:
    offset = offset_of(text, line, col)
    before = text[:offset].encode(codec)
    return before + bad + text[offset:].encode(codec), offset


@pytest.mark.parametrize(
    ("codec", "expected", "text"),
    [
        ("utf-8", "utf-8", SIMPLIFIED),
        ("utf-8", "utf-8", TRADITIONAL),
        ("gbk", "gb18030", SIMPLIFIED),
    ],
    ids=["utf-8-simplified", "utf-8-traditional", "gbk"],
)
def test_one_invalid_byte_in_the_middle(codec: str, expected: str, text: str) -> None:
    line, col = 9, 4  # inside "| 信息内容 |", a table row in the middle of the file
    data, offset = insert_bad_byte(text, codec, line, col)
    decoded = decode(data)
    assert decoded.encoding == expected
    assert decoded.bad_byte_offset == offset
    assert SourceText.of(decoded.text).position(decoded.bad_byte_offset) == Position(line, col)
    assert decoded.text == text[:offset] + "\ufffd" + text[offset:]


def test_bad_byte_offset_is_not_a_search_for_the_replacement_character() -> None:
    # A genuine U+FFFD earlier in the text must not be taken for the damage.
    text = SIMPLIFIED.replace("一、总体情况", "一、总体情况\ufffd")
    data, offset = insert_bad_byte(text, "utf-8", 20, 2)
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert SourceText.of(decoded.text).position(decoded.bad_byte_offset or 0) == Position(20, 2)
    assert decoded.text.index("\ufffd") < offset == decoded.bad_byte_offset


def test_utf8_cut_in_the_middle_of_the_last_character() -> None:
    data = SIMPLIFIED.rstrip("\n").encode("utf-8")[:-1]
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    lines = SIMPLIFIED.rstrip("\n").split("\n")
    assert SourceText.of(decoded.text).position(decoded.bad_byte_offset or 0) == Position(
        len(lines), len(lines[-1])
    )


def test_short_utf8_with_a_bad_byte_stays_utf8() -> None:
    # Too few characters to vouch for damaged UTF-8 up front; the readings are compared.
    text = "一、总体情况\n| 总计 | 12 |\n"
    data = text.encode("utf-8") + b"\xff" + "二、主动公开\n".encode()
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text == text + "\ufffd二、主动公开\n"
    assert SourceText.of(decoded.text).position(decoded.bad_byte_offset or 0) == Position(3, 1)


def test_gbk_with_a_little_chinese_is_not_damaged_utf8() -> None:
    # Two invalid UTF-8 sequences only, but no valid multi-byte character at all.
    decoded = decode(LITTLE_SIMPLIFIED.encode("gbk"))
    assert (decoded.encoding, decoded.text, decoded.bad_byte_offset) == ("gb18030", LITTLE_SIMPLIFIED, None)


# --- binary files ------------------------------------------------------------------------


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"


@pytest.mark.parametrize(
    ("data", "what", "label"),
    [
        (PNG, "png", "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "pdf", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml", "zip", "ZIP"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "ole", "DOC"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "jpeg", "JPEG"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip", "gzip"),
        (b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8, "elf", "ELF"),
    ],
    ids=["png", "pdf", "zip-docx", "ole-doc", "jpeg", "gzip", "elf"],
)
def test_binary_formats_are_refused(data: bytes, what: str, label: str) -> None:
    with pytest.raises(BinaryFileError) as info:
        decode(data + SIMPLIFIED.encode("utf-8"))
    assert info.value.what == what
    assert "二进制文件" in str(info.value) and label in str(info.value)
    assert "binary file" in info.value.message_en and label in info.value.message_en


def test_binary_refused_even_with_an_encoding_override() -> None:
    with pytest.raises(BinaryFileError) as info:
        decode(PNG, "gb18030")
    assert info.value.what == "png"


def test_random_nul_heavy_binary_is_refused() -> None:
    rng = random.Random(20221231)
    data = bytes(0 if rng.random() < 0.3 else rng.randrange(256) for _ in range(4096))
    with pytest.raises(BinaryFileError) as info:
        decode(data)
    assert info.value.what == "nul-bytes"
    assert "NUL" in str(info.value)


def test_random_control_heavy_binary_is_refused() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(4096))
    with pytest.raises(BinaryFileError) as info:
        decode(data)
    assert info.value.what == "control-bytes"


def test_gbk_text_with_a_stray_nul_is_still_text() -> None:
    text = SIMPLIFIED.replace("一、总体情况", "一、总体情况\x00")
    decoded = decode(text.encode("gbk"))
    assert (decoded.encoding, decoded.text) == ("gb18030", text)


# --- the --encoding override --------------------------------------------------------------


def test_override_forces_the_codec_without_detection() -> None:
    data = SIMPLIFIED.encode("gbk")
    assert decode(data, "gb18030") == DecodedText(SIMPLIFIED, "gb18030", None)
    assert decode(data, "GBK") == DecodedText(SIMPLIFIED, "gbk", None)


def test_override_with_the_wrong_codec_replaces_and_records_the_first_bad_byte() -> None:
    data = "Report\n政府信息公开".encode("gbk")  # 政 is D5 FE: D5 needs a continuation byte
    decoded = decode(data, "utf-8")
    assert decoded.encoding == "utf-8"
    assert decoded.bad_byte_offset == 7
    assert SourceText.of(decoded.text).position(decoded.bad_byte_offset) == Position(2, 1)
    assert decoded.text.startswith("Report\n\ufffd")


def test_override_keeps_utf16_nuls() -> None:
    decoded = decode(SIMPLIFIED.encode("utf-16-le"), "utf_16_le")
    assert decoded == DecodedText(SIMPLIFIED, "utf-16-le", None)


@pytest.mark.parametrize("name", ["no-such-encoding", "base64", "zlib", ""])
def test_unknown_encoding_is_refused(name: str) -> None:
    with pytest.raises(UnknownEncodingError) as info:
        decode(b"abc", name)
    assert repr(name) in str(info.value)
    with pytest.raises(UnknownEncodingError):
        check_encoding_name(name)


@pytest.mark.parametrize(
    ("name", "canonical"),
    [("UTF8", "utf-8"), ("utf_8_sig", "utf-8-sig"), ("GB2312", "gb2312"), ("cp936", "gbk"),
     ("Big5-HKSCS", "big5hkscs"), ("ms950", "cp950"), ("UTF-16LE", "utf-16-le")],
)
def test_check_encoding_name_returns_the_canonical_name(name: str, canonical: str) -> None:
    assert check_encoding_name(name) == canonical


# --- start-up -------------------------------------------------------------------------------


def test_importing_and_decoding_utf8_does_not_import_chardet() -> None:
    code = (
        "import sys\n"
        "import gaudit.decode as d\n"
        "assert 'chardet' not in sys.modules, 'imported by import'\n"
        "d.decode('政府信息公开'.encode('utf-8'))\n"
        "assert 'chardet' not in sys.modules, 'imported by a UTF-8 decode'\n"
        "d.decode('政府信息公开工作年度报告'.encode('gbk'))\n"
        "assert 'chardet' not in sys.modules, 'imported for a GBK report'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                            encoding="utf-8", check=False)
    assert result.returncode == 0, result.stderr


# --- the seed reports, re-encoded ------------------------------------------------------------

SEED_CASES = [
    ("001", "gbk", "gb18030"),
    ("004", "gbk", "gb18030"),
    ("001", "gb18030", "gb18030"),
    ("002", "gb18030", "gb18030"),  # holds U+00A0, outside GBK
    ("004", "gb18030", "gb18030"),
    ("000", "big5hkscs", "big5hkscs"),
    ("003", "big5hkscs", "big5hkscs"),  # pinyin tone letters: in HKSCS, not in plain Big5
    ("000", "big5", "big5hkscs"),
    *((seed, "utf-16", "utf-16") for seed in ("000", "001", "002", "003", "004")),
    *((seed, "utf-16-le", "utf-16-le") for seed in ("000", "001", "002", "003", "004")),
    *((seed, "utf-8-sig", "utf-8-sig") for seed in ("000", "001", "002", "003", "004")),
]


def seed_text(number: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("seed", "codec", "expected"), SEED_CASES,
                         ids=[f"{s}-{c}" for s, c, _ in SEED_CASES])
def test_seed_reencoded_round_trips(seed: str, codec: str, expected: str) -> None:
    text = seed_text(seed)
    decoded = decode(text.encode(codec))
    assert decoded.encoding == expected
    assert decoded.text == text
    assert decoded.bad_byte_offset is None


@pytest.mark.parametrize(("seed", "codec"), [("000", "gbk"), ("001", "gbk"), ("000", "big5")],
                         ids=["000-gbk", "001-gbk", "000-big5"])
def test_seed_200_byte_prefix_round_trips(seed: str, codec: str) -> None:
    text = prefix_of(seed_text(seed), codec)
    decoded = decode(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding == ("gb18030" if codec == "gbk" else "big5hkscs")
