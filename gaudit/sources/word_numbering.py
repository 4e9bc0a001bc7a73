"""Word's automatic paragraph numbers, rebuilt from ``word/numbering.xml``.

A numbered heading (``一、总体情况``) often holds no ``一、`` in its text: Word draws
the number from the paragraph's ``w:numPr`` (list ``numId`` and level ``ilvl``,
on the paragraph or inherited from its style) and the level's definition
(``w:start``, ``w:numFmt``, ``w:lvlText`` such as ``%1、`` or ``（%1）``).
:class:`Numbering` keeps one counter per list and level in document order and
renders the label.

Supported: decimal (also zero-padded, full-width, circled ①, parenthesised ⑴),
Chinese counting (一 … 九十九, also the "thousand" and legal 壹贰 forms),
甲乙丙 (``ideographTraditional``), letters, Roman numerals, ``%N`` references to
higher levels, ``w:startOverride``, ``w:isLgl``, deeper levels restarting when
a higher level advances (unless ``w:lvlRestart`` is 0), numbering through the
paragraph style's ``basedOn`` chain.  Not supported: bullets (no text), list
style links (``w:numStyleLink``), ``w:lvlOverride`` with a whole new level, and
counters shared between list instances of one abstract list (each ``numId``
counts on its own); such paragraphs simply get no or a plain decimal label.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from xml.etree import ElementTree as ET

__all__ = ["Numbering", "W", "format_number"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = W + "val"
_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_GANS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str
    restart: int | None
    legal: bool


def _chinese(n: int, digits: str, ten: str) -> str:
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else (ten if tens == 1 else digits[tens] + ten)
    return head + (digits[ones] if ones else "")


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz.
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if 0 < n <= 26 * 40 else str(n)


def _circled(n: int, first: int) -> str:
    return chr(first + n - 1) if 0 < n <= 20 else str(n)


_FORMATS: dict[str, Callable[[int], str]] = {
    "chineseCounting": lambda n: _chinese(n, _DIGITS, "十"),
    "chineseCountingThousand": lambda n: _chinese(n, _DIGITS, "十"),
    "japaneseCounting": lambda n: _chinese(n, _DIGITS, "十"),
    "chineseLegalSimplified": lambda n: _chinese(n, _LEGAL, "拾"),
    "ideographTraditional": lambda n: _GANS[n - 1] if 0 < n <= 10 else str(n),
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: "".join(chr(ord(c) + 0xFEE0) for c in str(n)),
    "decimalEnclosedCircle": lambda n: _circled(n, 0x2460),
    "decimalEnclosedCircleChinese": lambda n: _circled(n, 0x2460),
    "decimalEnclosedParen": lambda n: _circled(n, 0x2474),
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerLetter": _letters,
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "none": lambda n: "",
}


def format_number(n: int, fmt: str) -> str:
    """``n`` in Word's number format ``fmt`` (an unknown format is decimal)."""
    render = _FORMATS.get(fmt)
    return render(n) if render else str(n)


def _int(element: ET.Element | None, default: int | None) -> int | None:
    if element is None:
        return default
    try:
        return int(element.get(_VAL, ""))
    except ValueError:
        return default


def _attr(element: ET.Element, name: str) -> int:
    try:
        return int(element.get(W + name, "0"))
    except ValueError:
        return 0


def _level(lvl: ET.Element) -> _Level:
    fmt = lvl.find(W + "numFmt")
    text = lvl.find(W + "lvlText")
    legal = lvl.find(W + "isLgl")
    return _Level(
        start=_int(lvl.find(W + "start"), 1) or 0,
        fmt="decimal" if fmt is None else fmt.get(_VAL, "decimal"),
        text="" if text is None else text.get(_VAL, ""),
        restart=_int(lvl.find(W + "lvlRestart"), None),
        legal=legal is not None and legal.get(_VAL, "true") not in ("0", "false", "off"),
    )


def _num_pr(ppr: ET.Element | None) -> tuple[str | None, int | None]:
    pr = None if ppr is None else ppr.find(W + "numPr")
    if pr is None:
        return None, None
    num = pr.find(W + "numId")
    return (None if num is None else num.get(_VAL)), _int(pr.find(W + "ilvl"), None)


class Numbering:
    """Counters for one document; :meth:`label` is called for each paragraph in order."""

    def __init__(self, numbering: ET.Element | None, styles: ET.Element | None) -> None:
        abstract: dict[str, dict[int, _Level]] = {}
        self._levels: dict[str, dict[int, _Level]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._styles: dict[str, tuple[str | None, int | None, str | None]] = {}
        if numbering is not None:
            for node in numbering.iter(W + "abstractNum"):
                levels: dict[int, _Level] = {}
                for lvl in node.iter(W + "lvl"):
                    levels[_attr(lvl, "ilvl")] = _level(lvl)
                abstract[node.get(W + "abstractNumId", "")] = levels
            for num in numbering.iter(W + "num"):
                ref = num.find(W + "abstractNumId")
                levels = dict(abstract.get("" if ref is None else ref.get(_VAL, ""), {}))
                for override in num.iter(W + "lvlOverride"):
                    ilvl = _attr(override, "ilvl")
                    start = _int(override.find(W + "startOverride"), None)
                    if start is not None and ilvl in levels:
                        levels[ilvl] = _Level(start, levels[ilvl].fmt, levels[ilvl].text,
                                              levels[ilvl].restart, levels[ilvl].legal)
                self._levels[num.get(W + "numId", "")] = levels
        if styles is not None:
            for style in styles.iter(W + "style"):
                based = style.find(W + "basedOn")
                s_num, s_lvl = _num_pr(style.find(W + "pPr"))
                self._styles[style.get(W + "styleId", "")] = (
                    s_num, s_lvl, None if based is None else based.get(_VAL))

    def _from_style(self, style: str | None) -> tuple[str | None, int | None]:
        num_id: str | None = None
        ilvl: int | None = None
        seen: set[str] = set()
        while style and style not in seen and (num_id is None or ilvl is None):
            seen.add(style)
            s_num, s_lvl, based = self._styles.get(style, (None, None, None))
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_lvl
            style = based
        return num_id, ilvl

    def label(self, ppr: ET.Element | None) -> str:
        """The number text Word shows before this paragraph ("" when none); advances the counters."""
        num_id, ilvl = _num_pr(ppr)
        if num_id is None or ilvl is None:
            style = None if ppr is None else ppr.find(W + "pStyle")
            s_num, s_lvl = self._from_style(None if style is None else style.get(_VAL))
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_lvl
        levels = self._levels.get(num_id or "")
        if not levels:
            return ""  # no list, or numId 0 ("numbering removed")
        return self._render(num_id or "", ilvl or 0, levels)

    def _render(self, num_id: str, ilvl: int, levels: dict[int, _Level]) -> str:
        level = levels.get(ilvl)
        if level is None or level.fmt == "bullet":
            return ""
        counters = self._counters.setdefault(num_id, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            if levels.get(deeper) is None or levels[deeper].restart != 0:
                del counters[deeper]
        text = level.text
        for k in range(9):
            mark = f"%{k + 1}"
            if mark in text:
                ref = levels.get(k)
                value = counters.get(k, ref.start if ref else 1)
                fmt = "decimal" if level.legal or ref is None else ref.fmt
                text = text.replace(mark, format_number(value, fmt))
        return text
