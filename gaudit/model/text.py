"""Texts and positions: what a source read, what the normaliser made of it, and the one map
from the reading stages' text back to places in the user's file (a line and column, or a
page and a line)."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Literal

__all__ = ["DecodedText", "InputFormat", "NormalizedText", "Position", "PositionMap", "Script", "SourceText",
           "offset_array", "offset_range"]

_LINE_END_RE = re.compile(r"\r\n?|\n")
Script = Literal["simplified", "traditional"]


class InputFormat(str, Enum):
    """The container a report arrived in (the ``format`` field of the JSON contract)."""

    TEXT = "text"
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"
    DOC = "doc"
    OFD = "ofd"

    @property
    def paged(self) -> bool:
        """Positions in this format are a page and a line within the page."""
        return self in (InputFormat.PDF, InputFormat.OFD)


@dataclass(frozen=True, slots=True)
class Position:
    """A place in the original file (slotted: a report of many headings or findings holds
    one per line, and an instance dictionary would double its cost)."""

    line: int
    """1-based line number (lines end at ``\\n``; ``\\r\\n`` counts once); in a paged format
    (PDF), the line within ``page`` of the text gaudit read from that page."""
    col: int
    """1-based column, in characters of the decoded line."""
    page: int | None = None
    """1-based page number in paged formats, else ``None``."""


def offset_array(values: Iterable[int] = ()) -> array[int]:
    """Offsets into a text as machine integers (8 bytes each, not ~36 for a list of Python
    ints): a report's offset maps stay a small multiple of its size."""
    return array("q", values)


#: Most entries of the identity map :func:`offset_range` keeps between calls (1 MB): it stays
#: with the process, so it covers a report, not the largest file a run ever met (a few MB of
#: HTML would keep 8 bytes per character of its page).
IDENTITY_KEPT = 1 << 17
_identity = array("q")


def offset_range(start: int, end: int) -> array[int]:
    """``offset_array(range(start, end))``, copied from a kept identity map.

    Filling an array from Python ints costs some 25 ns an entry, copying a slice of one almost
    nothing; the offset maps of every report are mostly such runs of kept characters.  Past
    ``IDENTITY_KEPT`` the entries are filled."""
    global _identity
    if end > len(_identity):
        if end > IDENTITY_KEPT:
            if start >= IDENTITY_KEPT:
                return array("q", range(start, end))
            head = offset_range(start, IDENTITY_KEPT)
            head.extend(range(IDENTITY_KEPT, end))
            return head
        _identity = array("q", range(min(max(end, 2 * len(_identity), 1 << 14), IDENTITY_KEPT)))
    return _identity[start:end]


@dataclass(frozen=True)
class SourceText:
    """The text positions refer to, exactly as in the user's file (or as gaudit drew it from a
    PDF or Word file), with a line index and, for paged formats, a page index."""

    text: str
    line_starts: Sequence[int]
    """Offset in ``text`` where each line begins; ``line_starts[0] == 0``.  Lines end at
    ``\n``, ``\r\n`` or a lone ``\r``.  (An array of machine integers: a line-heavy file's
    index stays small.)"""
    page_starts: tuple[int, ...] = ()
    """0-based line numbers at which each page begins (``page_starts[0] == 0``); empty when
    the format has no pages."""

    @classmethod
    def of(cls, text: str, page_starts: tuple[int, ...] = ()) -> SourceText:
        starts = offset_array((0,))
        if "\r" in text:
            # \r\n, \n and a lone \r (old Mac files) each end a line, as the normaliser reads them.
            starts.extend(m.end() for m in _LINE_END_RE.finditer(text))
            return cls(text, starts, page_starts)
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return cls(text, starts, page_starts)

    def position(self, offset: int) -> Position:
        """Line and column of character ``offset`` in the whole text (clamped)."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect_right(self.line_starts, offset) - 1
        return Position(index + 1, offset - self.line_starts[index] + 1)

    def on_page(self, position: Position) -> Position:
        """``position`` (a line of the whole text) as the user finds it: in a paged format, a
        page and a line within that page; otherwise unchanged."""
        if not self.page_starts or position.page is not None:
            return position
        page = bisect_right(self.page_starts, position.line - 1)
        return Position(position.line - self.page_starts[page - 1], position.col, page)

    def line_number(self, position: Position) -> int:
        """The 1-based line of the whole text that ``position`` stands on."""
        if position.page is None or not self.page_starts:
            return position.line
        page = min(max(position.page, 1), len(self.page_starts))
        return self.page_starts[page - 1] + position.line

    def line(self, number: int) -> str:
        """The text of 1-based line ``number`` (of the whole text) without its line ending."""
        if not 1 <= number <= len(self.line_starts):
            return ""
        start = self.line_starts[number - 1]
        end = self.line_starts[number] if number < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def line_at(self, position: Position) -> str:
        """The text of the line ``position`` stands on."""
        return self.line(self.line_number(position))


@dataclass(frozen=True)
class DecodedText:
    """The result of the decoding stage."""

    text: str
    encoding: str
    """Python's codec name actually used, e.g. ``utf-8``, ``gb18030``, ``big5hkscs``."""
    confidence: float | None
    """chardet's confidence when it was asked, else ``None``."""
    bad_byte_offset: int | None = None
    """Character offset in ``text`` of the first replacement made for undecodable bytes."""


@dataclass(frozen=True)
class NormalizedText:
    """Text folded for matching, with a map back to the original.

    ``offsets[i]`` is the offset in the original text of normalised character
    ``i``; ``offsets[len(text)]`` is ``len(original)`` so that end positions map
    too.  Matching code works on ``text`` and reports positions through
    :meth:`original_offset`.
    """

    text: str
    offsets: Sequence[int]
    script: Script

    def original_offset(self, index: int) -> int:
        index = max(0, min(index, len(self.offsets) - 1))
        return self.offsets[index]


@dataclass(frozen=True)
class PositionMap:
    """The one map from the text the reading stages see to places in the user's file.

    Built once per document from the source's text (with its line and page index) and the
    normaliser's offsets; sections, report facts, tables and checks all ask it.
    """

    source: SourceText
    offsets: Sequence[int]
    """Normalised index -> offset in ``source.text`` (one more entry than characters)."""

    def offset(self, index: int) -> int:
        """Offset in the source text of normalised character ``index`` (clamped)."""
        return self.offsets[max(0, min(index, len(self.offsets) - 1))]

    def at(self, index: int) -> Position:
        """Line and column (and page) in the user's file of normalised character ``index``."""
        return self.source.position(self.offset(index))

    def original(self, start: int, end: int) -> str:
        """The source text behind normalised ``[start, end)`` (as the user wrote it, without the
        white space around it)."""
        a = self.offset(start)
        b = self.offset(end - 1) + 1 if end > start else a
        return self.source.text[a:b].strip().rstrip("\r")
