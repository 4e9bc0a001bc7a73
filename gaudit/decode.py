"""Turn a report's bytes into text: find the encoding, refuse binary files.

One job: ``bytes -> DecodedText``.  The order of the checks matters and is
deliberate:

1. a byte-order mark settles the encoding;
2. known binary formats (PDF, Office, images, archives, executables) and
   NUL/control-heavy data are refused before anything is guessed, except that
   UTF-16 text without a BOM (which is full of NULs) is recognised first: its
   NULs make it a candidate, the byte order that reads as report text wins;
3. strict UTF-8 over the whole file (fast, and by far the common case);
4. a UTF-8 file damaged by a few bad bytes stays UTF-8, with the first bad
   byte's position recorded;
5. the GB18030 and Big5 readings of the WHOLE file: of those that decode cleanly,
   the one holding more of the statutory vocabulary wins (most legacy files end here);
6. otherwise chardet, restricted to the Chinese candidates, on a bounded sample;
   every candidate is verified by strictly decoding the whole file, and when both a
   GB and a Big5 reading decode, the one holding more statutory vocabulary wins
   (chardet breaks a tie);
7. GB18030 as the fallback, and if nothing decodes cleanly, the best candidate
   with replacement characters and ``bad_byte_offset`` set.

chardet costs ~0.1 s to import and as much again to load its models, and ~3 ms a
report, so it is imported inside :func:`_ask_chardet` and asked only when the bytes
do not speak for themselves.
"""

from __future__ import annotations

import codecs
import re

from gaudit.binary import BinaryFileError, binary_bytes, binary_format
from gaudit.model import DecodedText

__all__ = ["BinaryFileError", "UnknownEncodingError", "check_encoding_name", "decode"]


class UnknownEncodingError(ValueError):
    """``--encoding NAME`` names no text codec Python knows."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.message_en = f"unknown text encoding: {name!r}"
        super().__init__(f"未知的文本编码: {name!r}")


def check_encoding_name(name: str) -> str:
    """Python's canonical codec name for ``name``; :class:`UnknownEncodingError` if none.

    Codecs that are not text encodings (``base64``, ``zlib``, ``rot13`` …) are
    refused too: ``bytes.decode`` cannot use them.
    """
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        raise UnknownEncodingError(name) from None
    if not getattr(info, "_is_text_encoding", True):
        raise UnknownEncodingError(name)
    return info.name


#: How much of a file the statistical checks (NUL pattern, chardet) look at.
_SAMPLE = 64 * 1024


#: Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _bom_codec(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


#: Characters a Chinese report is made of: ASCII, Latin with pinyin tones, general
#: punctuation, symbols, box drawing, CJK punctuation, CJK ideographs, full-width forms.
#: Compiled on first use (~3 ms): only files holding NULs need it.
_NOT_REPORT_TEXT_PATTERN = (
    "[^\t\n\r\x0c\x20-\x7e\u00a0-\u036f\u2000-\u206f\u2100-\u23ff\u2460-\u27bf"
    "\u3000-\u303f\u3200-\u33ff\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)
_not_report_text: re.Pattern[str] | None = None

#: Share of report characters a UTF-16 reading needs.  The right byte order of
#: a real report scores ~1.0; the wrong one, UTF-8 bytes or random bytes read as
#: UTF-16 score 0.3-0.5.
_UTF16_MIN_SHARE = 0.9


def _report_text_share(text: str) -> float:
    global _not_report_text
    if _not_report_text is None:
        _not_report_text = re.compile(_NOT_REPORT_TEXT_PATTERN)
    sample = text[: _SAMPLE // 2]
    if not sample:
        return 1.0
    return 1.0 - len(_not_report_text.findall(sample)) / len(sample)


def _has_utf16_nuls(sample: bytes) -> bool:
    """True when at least ~1 % of the sample's code units hold a NUL byte.

    Every ASCII character (digits, ``|``, line ends) in UTF-16 has a NUL byte,
    and so do common ideographs such as 开 (U+5F00), so a UTF-16 report always
    holds NULs.  Which side of the code unit they stand on is not a reliable
    guide (开 puts its NUL on the opposite side from ASCII), so the byte order
    is settled by :func:`_utf16_reading`.
    """
    return sample.count(0) >= max(2, len(sample) // 200)


def _utf16_reading(data: bytes) -> DecodedText | None:
    """UTF-16 without a BOM: the byte order whose text reads as a report, if any."""
    best: DecodedText | None = None
    best_share = 0.0
    for codec in ("utf-16-le", "utf-16-be"):
        decoded = _decode_or_replace(data, codec, None)
        share = _report_text_share(decoded.text)
        if share >= _UTF16_MIN_SHARE and share > best_share:
            best, best_share = decoded, share
    return best


# --- decoding with an exact record of the first bad byte ------------------------------------


def _decode_or_replace(data: bytes, codec: str, confidence: float | None) -> DecodedText:
    """Strict decode; on failure decode with U+FFFD and record where the first one went."""
    try:
        return DecodedText(data.decode(codec), codec, confidence)
    except UnicodeDecodeError as err:
        return _replaced(data, codec, confidence, err)


def _replaced(data: bytes, codec: str, confidence: float | None, err: UnicodeDecodeError) -> DecodedText:
    # The offset is counted from the bytes before the error, not by searching for
    # U+FFFD: the text may legitimately contain that character already.
    offset = len(data[: err.start].decode(codec, "replace"))
    return DecodedText(data.decode(codec, "replace"), codec, confidence, offset)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


# --- UTF-8 with a few bad bytes -------------------------------------------------------------

#: At most this many invalid sequences for a file to still count as damaged UTF-8 ...
_UTF8_MAX_ERRORS = 8
#: ... and at least this many valid multi-byte characters per invalid sequence.
_UTF8_MIN_CHARS_PER_ERROR = 20


def _mostly_utf8(data: bytes, first: UnicodeDecodeError) -> bool:
    """True when ``data`` is UTF-8 with a handful of bad bytes.

    GBK and Big5 text breaks UTF-8 at nearly every Chinese character, so a file
    with only a few invalid sequences among many valid multi-byte characters is
    damaged UTF-8, not a legacy encoding.
    """
    errors = 0
    pos = 0
    err: UnicodeDecodeError | None = first
    valid_multibyte = 0
    while err is not None:
        errors += 1
        if errors > _UTF8_MAX_ERRORS:
            return False
        # Error positions are relative to the slice that was decoded, which starts at pos.
        valid_multibyte += _count_multibyte(data[pos : pos + err.start])
        pos += err.end
        try:
            rest = data[pos:].decode("utf-8")
        except UnicodeDecodeError as e:
            err = e
        else:
            valid_multibyte += len(rest) - _count_ascii(rest)
            err = None
    return valid_multibyte >= _UTF8_MIN_CHARS_PER_ERROR * errors


def _count_multibyte(chunk: bytes) -> int:
    # ``chunk`` is valid UTF-8 (it ends where the decoder first failed).
    text = chunk.decode("utf-8")
    return len(text) - _count_ascii(text)


def _count_ascii(text: str) -> int:
    return len(text.encode("ascii", "ignore"))


# --- statutory vocabulary: settles GB against Big5 ------------------------------------------

#: Words of section headings and row labels, in both scripts.  A wrong reading
#: of GB bytes as Big5 (or the reverse) is mojibake that contains none of them.
_VOCABULARY: tuple[str, ...] = (
    "政府信息公开", "政府信息公開", "年度报告", "年度報告", "主动公开", "主動公開",
    "依申请公开", "依申請公開", "申请", "申請", "行政复议", "行政復議", "行政诉讼", "行政訴訟",
    "总体情况", "總體情況", "规章", "規章", "规范性文件", "規範性文件", "自然人", "法人",
    "总计", "總計", "其他需要报告", "其他需要報告", "存在的主要问题", "存在的主要問題",
    "改进情况", "改進情況", "予以公开", "予以公開", "不予公开", "不予公開",
    "行政许可", "行政許可", "行政处罚", "行政處罰", "信息处理费", "信息處理費",
    "人民政府", "工作", "情况", "情況", "信息", "公开", "公開", "部门", "部門", "本年",
)


def _vocabulary_hits(text: str) -> int:
    sample = text[:_SAMPLE]
    return sum(sample.count(word) for word in _VOCABULARY)


# --- chardet ---------------------------------------------------------------------------------

#: The only answers chardet may give (Python codec names).
_CHARDET_CANDIDATES = ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "big5", "big5hkscs", "ascii")

#: chardet label -> the family we decode it with.  Anything else (single-byte
#: code pages decode any bytes into mojibake) is ignored.
_FAMILY = {
    "gb2312": "gb", "gbk": "gb", "gb18030": "gb",
    "big5": "big5", "big5hkscs": "big5", "cp950": "big5",
    "utf-16": "utf-16", "utf-16-le": "utf-16", "utf-16-be": "utf-16",
}


class _Verdict:
    """chardet's best confidence per family, and its preferred family.

    A plain class, not a dataclass: creating a dataclass costs ~1 ms at import.
    """

    __slots__ = ("confidence", "utf16")

    def __init__(self, confidence: dict[str, float], utf16: tuple[str, ...]) -> None:
        self.confidence = confidence
        self.utf16 = utf16
        """UTF-16 codecs chardet named, best first."""

    @property
    def best(self) -> str | None:
        gb, big5 = self.confidence.get("gb", 0.0), self.confidence.get("big5", 0.0)
        if gb == big5 == 0.0:
            return None
        return "gb" if gb >= big5 else "big5"


#: How much chardet reads: its verdict on 16 KiB of a report is as good as on the whole
#: (it reads 5 KB reports right), and costs a quarter of 64 KiB.
_DETECT_SAMPLE = 16 * 1024


def _sample_for_detection(data: bytes) -> bytes:
    """The first 16 KiB, cut after a line feed so no multi-byte character is split.

    0x0A is never a trail byte in GB or Big5, so cutting after it is safe.
    """
    if len(data) <= _DETECT_SAMPLE:
        return data
    cut = data.rfind(b"\n", 0, _DETECT_SAMPLE)
    return data[: cut + 1] if cut > 0 else data[:_DETECT_SAMPLE]


def _ask_chardet(data: bytes) -> _Verdict:
    import chardet  # lazy: ~0.1 s to import, only for files that are not UTF-8

    results = chardet.detect_all(
        _sample_for_detection(data),
        ignore_threshold=True,
        compat_names=False,
        include_encodings=_CHARDET_CANDIDATES,
        # "ascii" cannot be right once strict UTF-8 has failed: it marks "no match".
        no_match_encoding="ascii",
    )
    confidence: dict[str, float] = {}
    utf16: list[str] = []
    for result in results:
        label = result.get("encoding")
        if not label:
            continue
        name = codecs.lookup(label).name
        family = _FAMILY.get(name)
        if family is None:
            continue
        conf = float(result.get("confidence") or 0.0)
        confidence[family] = max(conf, confidence.get(family, 0.0))
        if family == "utf-16" and name not in utf16:
            utf16.append(name)
    return _Verdict(confidence, tuple(utf16))


# --- the stage -------------------------------------------------------------------------------


def decode(data: bytes, encoding: str | None = None) -> DecodedText:
    """Decode a report's bytes.

    With ``encoding`` the named codec is used as is (strict, else with
    replacement characters and ``bad_byte_offset``); only the binary-format
    magic numbers are still checked.  Without it the encoding is detected.

    Raises :class:`BinaryFileError` for binary input and
    :class:`UnknownEncodingError` for an unknown ``encoding``.
    """
    if encoding is not None:
        codec = check_encoding_name(encoding)
        what = binary_format(data)
        if what is not None:
            raise BinaryFileError(what)
        return _decode_or_replace(data, codec, None)
    if not data:
        return DecodedText("", "utf-8", None)

    bom = _bom_codec(data)
    if bom is not None:
        return _decode_or_replace(data, bom, None)

    what = binary_format(data)
    if what is not None:
        raise BinaryFileError(what)

    sample = data[:_SAMPLE]
    # UTF-16 before the binary check (its text is full of NULs, and pure CJK
    # text in UTF-16 of control-range bytes) and before strict UTF-8 (UTF-16 of
    # ASCII text is valid UTF-8, NULs and all).
    binary = binary_bytes(sample)
    if binary is not None or _has_utf16_nuls(sample):
        utf16 = _utf16_reading(data)
        if utf16 is not None:
            return utf16
    if binary is not None:
        raise BinaryFileError(binary)

    try:
        return DecodedText(data.decode("utf-8"), "utf-8", None)
    except UnicodeDecodeError as err:
        return _legacy(data, err)


def _legacy(data: bytes, utf8_error: UnicodeDecodeError) -> DecodedText:
    """Bytes that are not clean UTF-8: damaged UTF-8, GB18030 or Big5 (steps 4-7)."""
    gb = _strict(data, "gb18030")
    big5, big5_codec = _strict_big5(data)

    if _mostly_utf8(data, utf8_error):
        # Damaged UTF-8 stays UTF-8 unless a clean GB/Big5 reading is clearly a report.
        damaged = _replaced(data, "utf-8", None, utf8_error)
        hits = _vocabulary_hits(damaged.text)
        for text, codec in ((gb, "gb18030"), (big5, big5_codec)):
            if text is not None and _vocabulary_hits(text) > hits:
                return DecodedText(text, codec, None)
        return damaged

    decided = _by_vocabulary(gb, big5, big5_codec)
    if decided is not None:
        return decided

    verdict = _ask_chardet(data)
    for codec in verdict.utf16:
        text = _strict(data, codec)
        if text is not None and _report_text_share(text) >= _UTF16_MIN_SHARE:
            return DecodedText(text, codec, verdict.confidence["utf-16"])

    def confidence(family: str) -> float:
        return verdict.confidence.get(family, 0.0)

    if gb is not None and big5 is not None:
        # Both read cleanly (GB18030 accepts nearly any byte pair): the reading
        # that holds the statutory vocabulary wins, chardet breaks a tie.
        gb_hits, big5_hits = _vocabulary_hits(gb), _vocabulary_hits(big5)
        if big5_hits > gb_hits or (big5_hits == gb_hits and verdict.best == "big5"):
            return DecodedText(big5, big5_codec, confidence("big5"))
        return DecodedText(gb, "gb18030", confidence("gb"))
    if gb is not None:
        return DecodedText(gb, "gb18030", confidence("gb"))
    if big5 is not None:
        return DecodedText(big5, big5_codec, confidence("big5"))
    return _best_damaged(data, verdict)


def _by_vocabulary(gb: str | None, big5: str | None, big5_codec: str) -> DecodedText | None:
    """The clean GB or Big5 reading that alone holds the statutory vocabulary, if one does.

    Most legacy files settle here without chardet (~3 ms a file): GBK text rarely reads
    as Big5 at all, and Big5 text read as GB18030 is mojibake with none of the words.
    A tie, or no vocabulary in either reading, is left to chardet.
    """
    gb_hits = _vocabulary_hits(gb) if gb is not None else -1
    big5_hits = _vocabulary_hits(big5) if big5 is not None else -1
    if max(gb_hits, big5_hits) <= 0 or gb_hits == big5_hits:
        return None
    if gb_hits > big5_hits:
        assert gb is not None
        return DecodedText(gb, "gb18030", None)
    assert big5 is not None
    return DecodedText(big5, big5_codec, None)


def _strict_big5(data: bytes) -> tuple[str | None, str]:
    """Big5 read strictly: HKSCS (a superset) first, then Microsoft's cp950."""
    for codec in ("big5hkscs", "cp950"):
        text = _strict(data, codec)
        if text is not None:
            return text, codec
    return None, "big5hkscs"


def _best_damaged(data: bytes, verdict: _Verdict) -> DecodedText:
    """Nothing decodes cleanly: read with replacement characters in the likeliest codec.

    The likeliest is the reading with the most statutory vocabulary, then the
    fewest replacements; GB18030 (the Chinese superset) wins an exact tie.
    UTF-8 is a candidate too: a short UTF-8 file with one bad byte has too few
    characters for :func:`_mostly_utf8` to vouch for it.
    """
    best: DecodedText | None = None
    best_key = (-1, 0)
    for codec, family in (("gb18030", "gb"), ("big5hkscs", "big5"), ("cp950", "big5"), ("utf-8", None)):
        confidence = verdict.confidence.get(family, 0.0) if family else None
        decoded = _decode_or_replace(data, codec, confidence)
        key = (_vocabulary_hits(decoded.text), -decoded.text.count("\ufffd"))
        if best is None or key > best_key:
            best, best_key = decoded, key
    assert best is not None
    return best
