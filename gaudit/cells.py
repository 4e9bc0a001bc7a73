"""Turn one table cell as written into a :data:`~gaudit.model.CellValue`.

A number (``int`` when written without a decimal point, ``float`` with one),
``None`` when the cell is blank, or the stripped raw text when it is not a
number (``无``, ``/``, ``—``, ``若干``, ``l0``…) so that rules can report it.
"""

from __future__ import annotations

import functools
import re

from gaudit.model import CellValue

__all__ = ["is_number_text", "parse_cell"]

# Full-width digits, signs and separators (the normaliser folds these too, but
# parse_cell is also called on text that never went through it).
_WIDTH = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: " ", 0x00A0: " ", 0x2212: "-", 0x2010: "-", 0x2011: "-", 0xFF0C: ","})

#: Units a count or an amount may carry in the cell itself.
_UNIT = r"(?:万元|亿元|元|件次|件|个|条|项|次|份|宗|起|家|人次)"
_NUMBER_RE = re.compile(
    r"([+-]?)"
    r"(\d{1,3}(?:,\d{3})+|\d+)"  # plain digits or thousands-separated groups
    r"(\.\d+)?"
    rf"\s*{_UNIT}?"
)
_SPACE_RE = re.compile(r"\s+")


def _fold(raw: str) -> str:
    return _SPACE_RE.sub(" ", raw.translate(_WIDTH)).strip()


@functools.lru_cache(maxsize=4096)
def parse_cell(raw: str) -> CellValue:
    """The value of a cell: a number, ``None`` when blank, else the stripped text.

    Cached: tables repeat the same few cell texts (``0``, ``1`` …) thousands of times.
    """
    text = _fold(raw)
    if not text:
        return None
    m = _NUMBER_RE.fullmatch(text)
    if m is None:
        return text
    sign, digits, frac = m.groups()
    digits = digits.replace(",", "")
    if frac:
        value = float(digits + frac)
        return -value if sign == "-" else value
    number = int(digits)
    return -number if sign == "-" else number


def is_number_text(raw: str) -> bool:
    """True when ``raw`` reads as a number (the cheap test the table reader uses)."""
    value = parse_cell(raw)
    return isinstance(value, (int, float))
