"""Read a PDF's text layer into per-page text that gaudit's reader understands.

``read_pdf(data)`` returns :class:`PdfText`: one string per page (lines joined
by ``\\n``), a verdict (``text``, ``scanned`` or ``garbled``) and the number of
image-only pages.  A PDF that cannot be read at all raises :class:`PdfError`
(``encrypted``, ``broken`` or ``too-many-pages``) with a message in Chinese and
English; PDFium's own exceptions never escape.

Design choices (measurements in ``../shared/spec/dependencies.md``):

- **pypdfium2 5 or later, imported only when a PDF is read** (by
  ``gaudit.sources.pdfium_pages``, which holds every PDFium call): importing gaudit,
  ``gaudit --version`` and text-only runs load nothing new.  PDFium is not
  thread-safe: neither module starts threads, and callers use processes for
  parallelism.  pypdfium2 4.x is not enough: its ``get_text_range()`` silently
  returns the position-bounded text instead (rl_cid.pdf lost 18 cells), and its
  errors carry no PDFium error code (an encrypted file looked merely broken).
- **Plain text in content order** (``get_text_range()``), not a layout mode.
  gaudit's reader follows labels in order; layout modes put a wrapped label's
  second line or a value on a line of its own and caused false blank-cell and
  row-total findings.  Content order keeps each table row's label and values
  together, and a table split across pages needs nothing special: the pages
  simply follow each other once page furniture is gone.
- **Single spaces between CJK characters are removed**: PDF text puts a space
  between letter-spaced glyphs (``结 果``, ``商 业 企``); without the fix the
  real 淮安 2024 PDF lost 9 of its 39 checked cells to the reviews header.  Only
  a space with a CJK character on *both* sides goes, so ``3 0 5`` (separate
  cells) and ``2024 年`` keep theirs.
- **Rows of table cells keep where each cell stands** (``gaudit.sources.pdf_cells``):
  PDF text puts one space between cells, so a row with an empty cell (``规章 3 [ ] 5``)
  read ``规章 3 5`` and its values filled the first columns.  Each token of a line that
  looks like a row of cells now starts at the column of its left edge on the page (one
  per 4 points), as in a text file laid out with spaces, and ``gaudit.tables.geometry``
  places the values of a short row against the table's complete rows.  Reading is
  unchanged (normalisation collapses the spaces); only findings' columns on such lines
  move.  Measured on the PDF accuracy benchmark: 4 of its 39 wrong cells right, no other
  change (and 8 more with ``gaudit.tables.geometry.place_on_grid``); under 1 ms of CPU
  per 10-page report (PDFium's loose char box of the first character of each token of
  about 30 lines, ~9 calls a line).
- **Vertical text is left as it is** (a row header drawn one character per
  line, ``三、/本/年/度…``): the reader already reads such pages (淮安 2024:
  every checked cell), and joining one-character lines could glue a lone
  character of one cell to the next.
- **Page furniture** is dropped at the top and bottom of each page's text
  (content order: WPS draws the footer first, so a footer can open a page):
  page numbers (``- 4 -``, ``第4页``, ``第4页 共10页``, ``4/10``, ``Page 4``, and
  a bare ``4`` when the bare numbers of at least two pages agree with their page
  index), and a line repeated at an edge of more than half of the pages (three
  at least).  Page 1 keeps repeated lines, where a running header is often the
  report's title.  Lines are kept otherwise: findings will point at (page, line).
- **Verdicts**, from counts that cost nothing next to text extraction:
  ``scanned`` when at least half of the pages are image-only (no text left once
  page numbers are gone, and at least one image object; checked only on pages
  with almost no text, ~1 ms a page); ``garbled`` when mojibake characters
  (U+FFFD, control characters, private-use code points, Latin-1 and Latin
  Extended letters, ``ﬁ``/``ﬂ`` ligatures) make up at least a quarter of the
  letters (mojibake + CJK + ASCII letters), counting at least 10 of them.
  Measured: the garbled sample has 724 such characters out of 800 letters
  (90 %); the four sample PDFs with a real text layer have none, two English
  manuals 0 and 2 in 26 000-51 000.  Accented European text stays at a few per
  cent.  So an English or digits-only PDF is ``text`` and goes to the reader
  like any other (which then finds no report in it): "garbled" means mojibake,
  never "not Chinese".  A text layer with no text and no image stays ``text``
  with empty pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from gaudit.sources.pdf_cells import CJK
from gaudit.sources.pdfium_pages import PdfError, RawPage, extract_pages

__all__ = ["PdfError", "PdfText", "read_pdf"]

Verdict = Literal["text", "scanned", "garbled"]


@dataclass(frozen=True)
class PdfText:
    """The text of a PDF as gaudit reads it."""

    pages: tuple[str, ...]
    """One string per page (lines joined by ``\\n``), in reading order, furniture dropped.

    Lines are stripped and never blank, but for the indent of rows of table cells laid out
    by position; a page without text is ``""``.  Joined by
    ``\\n`` the pages are the text the reader reads: line ``n`` of page ``p`` is
    line ``n`` plus the line counts of the pages before it (an empty page counts one)."""
    verdict: Verdict
    """``text``; ``scanned`` (mostly page images); ``garbled`` (text layer is mojibake)."""
    image_only_pages: int
    """Pages with no text and at least one image object."""


def read_pdf(data: bytes, *, max_pages: int = 1000) -> PdfText:
    """The text of PDF ``data``; raises :class:`PdfError` when it cannot be read."""
    return _assemble(extract_pages(data, max_pages))


# --------------------------------------------------------------------------
# Text: lines, CJK spacing, furniture, verdict (plain Python, no PDFium)
# --------------------------------------------------------------------------

# Control characters (tab kept), and the non-characters PDFium uses for unmapped glyphs.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_CJK_SPACE_RE = re.compile(f"([{CJK}]) (?=[{CJK}])")
_IDEOGRAPH_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ASCII_LETTER_RE = re.compile("[A-Za-z]")
_MOJIBAKE_RE = re.compile("[\ufffd\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\u00a1-\u02ff\ufb00-\ufb06]")
#: Share of the letters that are mojibake from which a text layer is garbled, and the
#: least count (a stray symbol or two in a short page is not a verdict).
_GARBLED_SHARE = 0.25
_GARBLED_MIN = 10


def _assemble(raw: Sequence[RawPage]) -> PdfText:
    pages = _drop_furniture([_lines(page.text, page.rows) for page in raw])
    image_only = sum(1 for page, lines in zip(raw, pages, strict=True) if page.has_image and not lines)
    verdict: Verdict = "text"
    if image_only and 2 * image_only >= len(raw):
        verdict = "scanned"
    elif _garbled("".join(page.text for page in raw)):
        verdict = "garbled"
    return PdfText(tuple("\n".join(lines) for lines in pages), verdict, image_only)


def _lines(text: str, rows: frozenset[int] = frozenset()) -> list[str]:
    """The page's non-blank lines, stripped, controls dropped, CJK letter-spacing closed.

    Lines ``rows`` (rows of cells laid out by position, see ``gaudit.sources.pdf_cells``)
    keep their indent: it is where their first cell stands on the page."""
    if _CONTROL_RE.search(text):
        text = _CONTROL_RE.sub("", text)
    # str.splitlines breaks at exactly the line breaks a PDF's text can hold (\r\n, \r, \n,
    # \v, \f, \x1c-\x1e, \x85, \u2028, \u2029), at a third of a regular expression's cost.
    split = text.splitlines()
    if rows:
        split = [line.rstrip() if i in rows else line.strip() for i, line in enumerate(split)]
    else:
        split = [line.strip() for line in split]
    return [_close_letter_spacing(line) if " " in line else line for line in split if line]


#: A heading numbered with a space instead of 、 ("一 总体情况"): that space is the heading's
#: separator, not letter-spacing, and stays.
_NUMERAL_HEADING_RE = re.compile("^[一二三四五六七八九十]{1,3} (?=[\u4e00-\u9fff])")


def _close_letter_spacing(line: str) -> str:
    if not _CJK_SPACE_RE.search(line):  # most lines with a space: cells, "2024 年" (3 in 4)
        return line
    head = _NUMERAL_HEADING_RE.match(line)
    at = head.end() if head else 0
    return line[:at] + _CJK_SPACE_RE.sub(r"\1", line[at:])


def _garbled(text: str) -> bool:
    bad = len(_MOJIBAKE_RE.findall(text))
    if bad < _GARBLED_MIN:
        return False
    letters = bad + len(_IDEOGRAPH_RE.findall(text)) + len(_ASCII_LETTER_RE.findall(text))
    return bad >= _GARBLED_SHARE * letters


# --------------------------------------------------------------------------
# Page furniture
# --------------------------------------------------------------------------

_DASH = "[-—–―─_~·•]"
_PAGE = "[页頁]"
_SEP = r"\s*[,，/、|]?\s*"
# Decorated page numbers: the number is in group "n", a stated page total in "total".
_PAGE_NUMBER_RES = (
    re.compile(rf"{_DASH}+\s*(?P<n>\d{{1,4}})\s*{_DASH}+"),
    re.compile(rf"第\s*(?P<n>\d{{1,4}})\s*{_PAGE}(?:{_SEP}共\s*(?P<total>\d{{1,4}})\s*{_PAGE})?"),
    re.compile(rf"共\s*(?P<total>\d{{1,4}})\s*{_PAGE}{_SEP}第\s*(?P<n>\d{{1,4}})\s*{_PAGE}"),
    re.compile(r"(?:[Pp]age|[Pp]\.)\s*(?P<n>\d{1,4})(?:\s*(?:of|/)\s*(?P<total>\d{1,4}))?"),
)
_FRACTION_RE = re.compile(r"(?P<n>\d{1,4})\s*/\s*(?P<total>\d{1,4})")
_BARE_RE = re.compile(r"\d{1,4}")
#: Two letters (not digits, not "_") anywhere in a line: searched for, not counted with
#: findall, which cost a third of the furniture pass.
_TWO_LETTERS_RE = re.compile(r"[^\W\d_].*?[^\W\d_]", re.DOTALL)
_DIGITS_RE = re.compile(r"\d+")
#: Lines looked at on each edge of a page (a header and a page number, say).
_EDGE = 2
#: A repeated line longer than this is text, not a running header or footer.
_HEADER_MAX = 80


@dataclass(frozen=True)
class _Furniture:
    pages: int
    repeated: frozenset[str]
    """Signatures of lines repeated at the edges of most pages."""
    bare_offset: int | None
    """``number - page index`` of bare page numbers, when at least two pages agree."""


def _drop_furniture(pages: list[list[str]]) -> list[list[str]]:
    furniture = _Furniture(len(pages), _repeated_lines(pages), _bare_offset(pages))
    return [_strip_edges(lines, index, furniture) for index, lines in enumerate(pages)]


def _signature(line: str) -> str | None:
    """A line's form with its numbers blanked, if it could be a running header or footer."""
    if len(line) > _HEADER_MAX or not _TWO_LETTERS_RE.search(line):
        return None  # lines of numbers alone are table rows far more often than furniture
    return _DIGITS_RE.sub("#", line.replace(" ", ""))


def _edges(lines: list[str]) -> list[str]:
    return lines[:_EDGE] + lines[max(_EDGE, len(lines) - _EDGE):]


def _repeated_lines(pages: list[list[str]]) -> frozenset[str]:
    if len(pages) < 3:
        return frozenset()
    seen: Counter[str] = Counter()
    for lines in pages:
        seen.update({sig for line in _edges(lines) if (sig := _signature(line)) is not None})
    need = max(3, len(pages) // 2 + 1)
    return frozenset(sig for sig, n in seen.items() if n >= need)


def _bare_offset(pages: list[list[str]]) -> int | None:
    offsets: Counter[int] = Counter()
    for index, lines in enumerate(pages):
        found = {int(line) - index for line in {lines[0], lines[-1]} if _BARE_RE.fullmatch(line)} if lines else set()
        offsets.update(found)
    if not offsets:
        return None
    offset, n = offsets.most_common(1)[0]
    return offset if n >= 2 else None


def _page_number(line: str, index: int, furniture: _Furniture) -> bool:
    """Whether ``line`` is the page number of page ``index`` (0-based)."""
    for pattern in _PAGE_NUMBER_RES:
        if pattern.fullmatch(line):
            return True
    m = _FRACTION_RE.fullmatch(line)
    if m:
        return int(m["total"]) == furniture.pages or int(m["n"]) == index + 1
    if _BARE_RE.fullmatch(line):
        return furniture.bare_offset is not None and int(line) - index == furniture.bare_offset
    return False


def _strip_edges(lines: list[str], index: int, furniture: _Furniture) -> list[str]:
    """``lines`` without the page number and running lines at the top and bottom."""
    start, end = 0, len(lines)
    for top in (True, False):
        numbered = False
        for _ in range(_EDGE):
            if start >= end:
                break
            line = lines[start] if top else lines[end - 1]
            if not numbered and _page_number(line, index, furniture):
                numbered = True
            elif index == 0 or not furniture.repeated or _signature(line) not in furniture.repeated:
                break
            if top:
                start += 1
            else:
                end -= 1
    return lines[start:end]
