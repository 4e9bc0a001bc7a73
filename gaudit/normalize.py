"""Fold a decoded report into the text every matching stage reads, with a map back to the original.

``normalize`` folds characters
(Traditional -> Simplified, full-width -> half-width, radicals -> ideographs),
drops pinyin glosses and page furniture, and collapses horizontal whitespace.
Every step keeps ``offsets`` (normalised index -> original index) exact, so that
positions found in the folded text are reported in the user's file.  The
original text is never modified.

``fold`` applies the same character folding (always including T->S) to short
strings such as label patterns; it removes nothing and is idempotent.

Speed matters (hundreds of reports per second): each step is a compiled regex
or ``str.translate``; Python-level work is per match, never per character.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal, TypeAlias

from gaudit.model import NormalizedText, offset_array, offset_range

__all__ = ["detect_script", "fold", "normalize"]

# --------------------------------------------------------------------------
# Character tables (built lazily, once per process)
# --------------------------------------------------------------------------

#: Supplement radicals PDF extractors emit in place of ordinary ideographs.
#: NFKC leaves these alone (it maps only U+2E9F and U+2EF3).  Each was checked
#: against its Unicode name (e.g. U+2ED3 CJK RADICAL C-SIMPLIFIED LONG -> 长).
_RADICAL_SUPPLEMENT = {
    "⺁": "厂", "⺠": "民", "⺩": "王", "⺮": "竹", "⻄": "西", "⻅": "见", "⻆": "角",
    "⻉": "贝", "⻋": "车", "⻑": "長", "⻓": "长", "⻔": "门", "⻘": "青", "⻙": "韦",
    "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻡": "首", "⻢": "马", "⻣": "骨",
    "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾",
    "⻬": "齐", "⻮": "齿", "⻰": "龙", "⻱": "龜",
}

#: Where the first candidate of TSCharacters is wrong for this domain.
#: 瞭解 (Traditional) is 了解; 瞭望 is rare in these reports.
_TS_OVERRIDES = {"瞭": "了", "祇": "只", "衹": "只"}

_base_table: dict[int, str] | None = None
_full_table: dict[int, str] | None = None
_trad_only_re: re.Pattern[str] | None = None


def _build_base() -> dict[int, str]:
    """Full-width ASCII, ideographic space, radicals and compatibility ideographs."""
    table = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
    table[0x3000] = " "
    # Minus signs and non-breaking hyphens from word processors, e.g. in the 本年增/减 column.
    table.update({0x2010: "-", 0x2011: "-", 0x2212: "-"})
    for lo, hi in ((0x2F00, 0x2FE0), (0x2E80, 0x2F00), (0xF900, 0xFB00)):
        for cp in range(lo, hi):
            mapped = unicodedata.normalize("NFKC", chr(cp))
            if len(mapped) == 1 and mapped != chr(cp) and _is_ideograph(mapped):
                table[cp] = mapped
    for radical, ideograph in _RADICAL_SUPPLEMENT.items():
        table[ord(radical)] = ideograph
    return table


def _is_ideograph(ch: str) -> bool:
    cp = ord(ch)
    return 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0x20000 <= cp <= 0x3FFFF


def _base() -> dict[int, str]:
    global _base_table
    if _base_table is None:
        _base_table = _build_base()
    return _base_table


def _dictionary_path() -> Path | None:
    """TSCharacters.txt of the installed ``opencc`` package, found without importing it."""
    try:
        spec = importlib.util.find_spec("opencc")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        path = Path(location) / "dictionary" / "TSCharacters.txt"
        if path.is_file():
            return path
    return None


def _read_ts_characters() -> dict[str, list[str]]:
    """Traditional character -> Simplified candidates (first is the usual one)."""
    path = _dictionary_path()
    entries: dict[str, list[str]] = {}
    if path is not None:
        with open(path, encoding="utf-8") as f:
            for line in f:
                key, _, value = line.rstrip("\n").partition("\t")
                candidates = value.split()
                if len(key) == 1 and candidates:
                    entries[key] = candidates
        return entries
    return _ts_from_converter()


def _ts_from_converter() -> dict[str, list[str]]:
    """Fallback when the package ships no text dictionary (e.g. the official binding):
    convert every BMP ideograph once, one per line, and keep single-char changes."""
    try:
        import opencc
    except ImportError:
        return {}
    converter = None
    for config in ("t2s", "t2s.json"):
        try:
            converter = opencc.OpenCC(config)
            break
        except Exception:  # the two bindings raise different errors for an unknown config
            continue
    if converter is None:
        return {}
    chars = [chr(cp) for cp in range(0x4E00, 0xA000)]
    lines = str(converter.convert("\n".join(chars))).split("\n")
    if len(lines) != len(chars):
        return {}
    return {t: [s] for t, s in zip(chars, lines, strict=True) if len(s) == 1 and s != t}


def _load_full() -> None:
    """Build the T->S fold table and the Traditional-only detector, once."""
    global _full_table, _trad_only_re
    if _full_table is not None:
        return
    ts = _read_ts_characters()
    mapping: dict[str, str] = {k: v[0] for k, v in ts.items() if len(v[0]) == 1}
    mapping.update(_TS_OVERRIDES)
    table = dict(_base())
    for key, value in mapping.items():
        table.setdefault(ord(key), value)
    # Close the table under itself (radical -> 長 -> 长) so that fold is idempotent.
    for cp, value in list(table.items()):
        seen = {cp}
        while ord(value) in table and ord(value) not in seen:
            seen.add(ord(value))
            value = table[ord(value)]
        table[cp] = value
    table = {cp: v for cp, v in table.items() if v != chr(cp)}
    # Traditional-only: characters converted by the dictionary that never appear
    # as a Simplified candidate (乾, 於, 徵 … are also Simplified, so they are out).
    candidates = {c for v in ts.values() for c in v}
    trad_only = sorted(k for k, v in mapping.items() if v != k and k not in candidates and ord(k) < 0x10000)
    _trad_only_re = re.compile("[" + "".join(trad_only) + "]") if trad_only else re.compile(r"(?!x)x")
    _full_table = table


def _full() -> dict[int, str]:
    _load_full()
    assert _full_table is not None
    return _full_table


# Characters the cheap (always applied) folding touches.
_BASE_FOLDED = "[\uff01-\uff5e\u3000\u2010\u2011\u2212\u2e80-\u2fdf\uf900-\ufaff]"
# Patterns here open with one character class (``[x][x]*``, not ``[x]+`` or ``a|[x]``): only
# then does the regex engine skip non-candidate characters in its C loop, about three times
# faster over a report than trying the whole pattern at every offset.
_BASE_FOLD_RE = re.compile(f"{_BASE_FOLDED}{_BASE_FOLDED}*")
# Nothing below U+2010 (the first hyphen) is folded: such strings need no table.
_FIRST_FOLDED = "\u2010"


def fold(text: str) -> str:
    """Character-level folding for patterns and short strings (no removals, idempotent).

    Always includes Traditional -> Simplified, full-width -> half-width and
    radicals -> ideographs; loads the character dictionary on first use.
    ``normalize`` applies T->S only to Traditional reports, so fold literal
    labels (then ``re.escape`` them): full-width ``（）`` become regex-special.
    """
    if not text or max(text) < _FIRST_FOLDED:
        return text
    return text.translate(_full())


def _trad_count(text: str) -> int:
    _load_full()
    assert _trad_only_re is not None
    return len(_trad_only_re.findall(text))


def detect_script(text: str) -> Literal["simplified", "traditional"]:
    """``traditional`` when Traditional-only characters are a meaningful share of the CJK text.

    At least 3 % of the CJK characters (and at least one): a Simplified report
    quoting a name in Traditional characters stays Simplified, while a short
    heading such as 一、總體情況 is recognised.
    """
    if text.isascii():
        return "simplified"
    trad = _trad_count(text)
    if trad == 0:
        return "simplified"
    # Every character outside ASCII, counted without listing them (a findall of the CJK
    # characters of a report costs more than the rest of this function): CJK text and
    # its punctuation, close enough for a 3 % share.
    wide = len(text) - len(text.encode("ascii", "ignore"))
    return "traditional" if trad >= max(1.0, 0.03 * wide) else "simplified"


# --------------------------------------------------------------------------
# The offset-preserving rewrite machinery
# --------------------------------------------------------------------------

# ``None`` means the identity map (nothing changed yet): slices are ranges.  Offsets are kept
# in a machine-integer array (8 bytes each), not a list of Python ints (~36 bytes each): a
# report's offset map stays a small multiple of its size.
_Offsets: TypeAlias = "array[int] | None"


def _rewrite(
    text: str, offs: _Offsets, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str | None]
) -> tuple[str, _Offsets]:
    """Replace each match of ``pattern`` by ``repl(match)`` (``None`` keeps it).

    Replacement characters all map to the original offset of the match's start;
    kept characters keep theirs.  ``offs`` has ``len(text) + 1`` entries.
    """
    parts: list[str] = []
    new = offset_array()
    pos = 0
    for m in pattern.finditer(text):
        r = repl(m)
        start, end = m.span()
        if r is None or r == text[start:end]:
            continue
        parts.append(text[pos:start])
        new.extend(offset_range(pos, start) if offs is None else offs[pos:start])
        if len(r) == 1:
            new.append(start if offs is None else offs[start])
        elif r:
            new.extend([start if offs is None else offs[start]] * len(r))
        parts.append(r)
        pos = end
    if not parts:
        return text, offs
    parts.append(text[pos:])
    new.extend(offset_range(pos, len(text) + 1) if offs is None else offs[pos:])
    return "".join(parts), new


# --------------------------------------------------------------------------
# Steps 2-5: line endings, folding, pinyin, page furniture, whitespace
# --------------------------------------------------------------------------

_ZW = "[\u200b-\u200d\u2060\ufeff]"
_CR_ZW_RE = re.compile(f"[\r\u200b-\u200d\u2060\ufeff](?:(?<=\r)\n|(?<={_ZW}){_ZW}*)?")
_CR_ZW = ("\r", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PY_LETTERS = "a-zü" + _TONED

# Starts with a literal "(" so that the regex engine skips ahead quickly; the
# character before the gloss must be an ideograph (checked in _pinyin).
_PINYIN_RE = re.compile(rf"\(([{_PY_LETTERS}]{{1,6}}(?:[ '][{_PY_LETTERS}]{{1,6}})?)\)")
_UNTONE = str.maketrans(
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ",
    "aaaaeeeeiiiioooouuuuvvvvvnnnm",
)
_SYLLABLE_RE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ong|ing|ian|iao|uai|uan|van|ai|an|ao|ei|en|er|ia|ie|in|iu|ou|ua|ue|ui|un|uo"
    r"|ve|vn|a|e|i|o|u|v)"
    r"|ng|n|m"
)


def _pinyin(m: re.Match[str]) -> str | None:
    start = m.start()
    if start == 0 or not ("\u3400" <= m.string[start - 1] <= "\u9fff"):
        return None
    gloss = m.group(1)
    syllables = gloss.replace("'", " ").split()
    plain = [s.translate(_UNTONE) for s in syllables]
    if not all(_SYLLABLE_RE.fullmatch(s) for s in plain):
        return None
    toned = any(ch in _TONED for ch in gloss)
    if not toned and (len(gloss) < 2 or any(s in ("n", "ng", "m") for s in plain)):
        return None  # (a), (n): too likely to be list markers or abbreviations
    return ""


_H = r"[^\S\n]*"  # horizontal whitespace
_PAGE_SUFFIX_RE = re.compile(rf"_第{_H}\d+{_H}[页頁](?={_H}$)", re.M)
_PAGE_LINE_RE = re.compile(
    rf"^{_H}(?:"
    rf"[-—–─]+{_H}\d+{_H}[-—–─]+"
    rf"|第{_H}\d+{_H}[页頁](?:{_H}[,，/、]?{_H}共{_H}\d+{_H}[页頁])?"
    rf"|共{_H}\d+{_H}[页頁]{_H}[,，/、]?{_H}第{_H}\d+{_H}[页頁]"
    rf"|[Pp]\.?{_H}\d+"
    rf"|[Pp]age{_H}\d+(?:{_H}(?:of|/){_H}\d+)?(?:{_H}[-—–|:][^\n]*)?"
    rf"){_H}(?:\n|\Z)",
    re.M,
)
# The same lines found from the line break before them: a pattern that opens with a literal
# lets the regex engine jump from line break to line break instead of trying every offset.
_PAGE_LINE_HINT_RE = re.compile(rf"\n{_H}(?:[-—–─]+{_H}\d|第{_H}\d|共{_H}\d|[Pp]\.?{_H}\d|[Pp]age{_H}\d)")

_WS_CHARS = "[ \t\u00a0\u2002-\u200a\u202f\u205f\u3000\f\v]"
# A run of two or more, or a single space that is not a plain space or tab.
_WS_RUN_RE = re.compile(f"{_WS_CHARS}(?:{_WS_CHARS}+|(?<=[\u00a0\u2002-\u200a\u202f\u205f\u3000\f\v]))")
_PIPE_PAD_RE = re.compile(r"[ \t][ \t]*")


def _drop(_: re.Match[str]) -> str:
    return ""


def _newline_or_drop(m: re.Match[str]) -> str:
    return "\n" if m.group()[0] == "\r" else ""


def _drop_beside_pipe(m: re.Match[str]) -> str | None:
    # Padding inside a cell's pipes goes; spaces within the cell's text stay.
    text, start, end = m.string, m.start(), m.end()
    return "" if (end < len(text) and text[end] == "|") or (start > 0 and text[start - 1] == "|") else None


def _collapse(m: re.Match[str]) -> str:
    # Tabs separate cells (two in a row hold an empty one): keep each; spaces become one.
    tabs = m.group().count("\t")
    return "\t" * tabs if tabs else " "


def _fold_runs(text: str, pattern: re.Pattern[str], table: dict[int, str]) -> str:
    """Fold the characters ``pattern`` finds (one character to one: offsets are unchanged).

    A report uses a handful of distinct foldable characters (，：（） …) thousands of times:
    replacing each distinct one over the whole text is far cheaper than a callback per run.
    """
    for ch in set("".join(pattern.findall(text))):
        folded = table.get(ord(ch))
        if folded is not None:
            text = text.replace(ch, folded)
    return text


def normalize(text: str, offsets: Sequence[int] | None = None, pipe_rows: bool = False) -> NormalizedText:
    """The matching text of a report, with ``offsets`` back into the original.

    ``offsets`` maps ``text`` into an earlier text (a source's own offset map, such as an HTML
    page's): the result then maps into that text.  ``pipe_rows``: the text holds table rows a
    source wrote as ``|cell|cell|``, whose padding beside the pipes goes.
    """
    offs: _Offsets = None if offsets is None else (
        offsets if isinstance(offsets, array) else offset_array(offsets))
    work = text
    if any(ch in work for ch in _CR_ZW):  # a substring test is far cheaper than a regex scan
        work, offs = _rewrite(work, offs, _CR_ZW_RE, _newline_or_drop)
    script = detect_script(work)
    # Traditional: most characters change, so one translate beats a regex over thousands of runs.
    work = work.translate(_full()) if script == "traditional" else _fold_runs(work, _BASE_FOLD_RE, _base())
    if "(" in work:
        work, offs = _rewrite(work, offs, _PINYIN_RE, _pinyin)
    if "页" in work or "頁" in work:
        work, offs = _rewrite(work, offs, _PAGE_SUFFIX_RE, _drop)
    if _PAGE_LINE_HINT_RE.search(work) or _PAGE_LINE_RE.match(work):
        work, offs = _rewrite(work, offs, _PAGE_LINE_RE, _drop)
    work, offs = _rewrite(work, offs, _WS_RUN_RE, _collapse)
    if pipe_rows:
        work, offs = _rewrite(work, offs, _PIPE_PAD_RE, _drop_beside_pipe)
    # Unchanged text maps to itself: a range, not a list of every offset.
    mapped: Sequence[int] = range(len(text) + 1) if offs is None else offs
    return NormalizedText(work, mapped, script)
