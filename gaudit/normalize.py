"""PLACEHOLDER (to be replaced by the normalisation module): full-width ASCII folding only."""

from __future__ import annotations

from gaudit.model import NormalizedText

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def fold(text: str) -> str:
    return text.translate(_FULLWIDTH)


def normalize(text: str) -> NormalizedText:
    return NormalizedText(fold(text), tuple(range(len(text) + 1)), "simplified")
