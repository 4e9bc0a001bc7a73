"""PDFium's side of reading a PDF: open it, read every page's raw text, or say why not.

:func:`extract_pages` returns one :class:`RawPage` per page: the page's text exactly as
PDFium's text page gives it (``get_text_range()``, content order, ``\\r\\n`` line breaks)
and whether a page with almost no text holds an image.  Every call that can fail on a bad
file stays in this module, and turns into :class:`PdfError`; ``gaudit.sources.pdf`` makes
gaudit's page text from the raw text (lines, letter-spacing, page furniture, verdict).

pypdfium2 is imported inside :func:`extract_pages`: importing gaudit, ``gaudit --version``
and text-only runs load nothing new.  PDFium is not thread-safe: this module starts no
threads, and callers use processes for parallelism.
"""

from __future__ import annotations

import codecs
import ctypes
import importlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, Literal

from gaudit.sources.base import SourceError
from gaudit.sources.pdf_cells import Edges, spread_rows

__all__ = ["PdfError", "RawPage", "extract_pages"]

ErrorKind = Literal["encrypted", "broken", "too-many-pages"]


class PdfError(SourceError):
    """A PDF gaudit cannot read at all; ``zh`` and ``en`` are messages for users.

    ``kind``: ``encrypted`` (a password is needed, or the encryption scheme is
    unknown), ``broken`` (damaged, truncated, not a PDF, no pages, a page that
    does not load) or ``too-many-pages`` (more than ``max_pages``).
    """

    def __init__(self, kind: ErrorKind, zh: str, en: str) -> None:
        super().__init__(kind, zh, en)


@dataclass(frozen=True)
class RawPage:
    """A page's text as PDFium gives it, its rows of cells laid out by position;
    ``has_image``: almost no text, and an image object."""

    text: str
    has_image: bool
    rows: frozenset[int] = frozenset()
    """Lines (0-based, by ``str.splitlines``) laid out by position: their indent counts."""


# PDFium reports these while opening a document (FPDF_ERR_PASSWORD, FPDF_ERR_SECURITY).
_ERR_PASSWORD = 4
_ERR_SECURITY = 5
#: A page with at most this much text (stripped) is checked for images: enough for
#: "第 12 页 共 30 页" stamped on a scan, far below any page of a report's text.
_SCAN_TEXT_LIMIT = 16
#: Nested form objects searched for an image (scans are sometimes wrapped in a form), and
#: how many objects at most: a scan's image comes early, and a textless page of vector art
#: with a hundred thousand paths must not cost seconds.
_IMAGE_DEPTH = 3
_IMAGE_OBJECTS = 2000
#: Pages read before the document is closed and opened again (see :func:`extract_pages`).
_PAGES_PER_OPEN = 100


def extract_pages(data: bytes, max_pages: int) -> list[RawPage]:
    """Every page's raw text, reopening the document every ``_PAGES_PER_OPEN`` pages.

    PDFium keeps what it parsed for a document (fonts above all) until the
    document closes, even when each page is closed: a 500-page, 35 MB file whose
    pages carry their own embedded fonts took the process to 400 MB read in one
    go, and to 133 MB read in blocks, in the same time.
    """
    pdfium: Any = importlib.import_module("pypdfium2")
    pages: list[RawPage] = []
    count: int | None = None
    while count is None or len(pages) < count:
        doc = _open(pdfium, data)
        try:
            if count is None:
                count = _page_count(doc, max_pages)
            for index in range(len(pages), min(count, len(pages) + _PAGES_PER_OPEN)):
                pages.append(_read_page(pdfium, doc, index))
        finally:
            doc.close()
    return pages


def _open(pdfium: Any, data: bytes) -> Any:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _open_error(exc, data) from None


def _page_count(doc: Any, max_pages: int) -> int:
    count: int = len(doc)
    if count == 0:
        raise _no_pages()
    if count > max_pages:
        raise PdfError(
            "too-many-pages", f"PDF 共 {count} 页，超过上限 {max_pages} 页，未读取",
            f"The PDF has {count} pages, more than the limit of {max_pages}: not read")
    return count


def _no_pages() -> PdfError:
    return PdfError("broken", "PDF 没有任何页面（0 页），文件可能已损坏",
                    "The PDF has no pages (0 pages): the file is probably damaged")


# A page tree that says it holds no page, and no page object anywhere in the file.
_ZERO_COUNT_RE = re.compile(rb"/Count\s+0(?![0-9.])")
_PAGE_OBJECT_RE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def _open_error(exc: Any, data: bytes) -> PdfError:
    code = getattr(exc, "err_code", None)
    if code == _ERR_PASSWORD:
        return PdfError("encrypted", "PDF 已加密，需要密码才能读取文本",
                        "The PDF is encrypted: its text cannot be read without the password")
    if code == _ERR_SECURITY:
        return PdfError("encrypted", "PDF 使用了不支持的加密方式，无法读取文本",
                        "The PDF uses an unsupported encryption scheme: its text cannot be read")
    # PDFium refuses to open a document without pages: say so when the bytes show it.
    if b"%PDF" in data[:1024] and _ZERO_COUNT_RE.search(data) and not _PAGE_OBJECT_RE.search(data):
        return _no_pages()
    return PdfError("broken", "PDF 文件已损坏或不完整，无法读取",
                    f"The PDF is damaged or incomplete and cannot be read ({exc})")


def _read_page(pdfium: Any, doc: Any, index: int) -> RawPage:
    # PDFium's own functions, not pypdfium2's page and text-page objects: those register a
    # finaliser and a weak reference each, and their text call asks for more than gaudit
    # needs, which together cost about a tenth of a page's reading.
    raw = pdfium.raw
    page = raw.FPDF_LoadPage(doc.raw, index)
    if not page:
        raise _page_error(index)
    try:
        plain, text, rows = _page_text(raw, page, index)
        # Measured on PDFium's own text: the spaces that lay out rows of cells are not text.
        has_image = len(plain.strip()) <= _SCAN_TEXT_LIMIT and _has_image(raw, page, index)
        return RawPage(text, has_image, rows)
    finally:
        raw.FPDF_ClosePage(page)


def _page_error(index: int) -> PdfError:
    return PdfError("broken", f"PDF 第 {index + 1} 页无法读取，文件可能已损坏",
                    f"Page {index + 1} of the PDF cannot be read: the file is probably damaged")


def _page_text(raw: Any, page: Any, index: int) -> tuple[str, str, frozenset[int]]:
    """The page's text as PDFium gives it, and laid out (see :class:`RawPage`)."""
    textpage = raw.FPDFText_LoadPage(page)
    if not textpage:
        raise _page_error(index)
    try:
        text, first, chars = _text_range(raw, textpage, index)
        if len(text) != chars:
            # A char without its place in the text (or one text character made of two, a
            # character beyond the BMP): offsets are not char indices, and rows stay as read.
            return text, text, frozenset()
        return text, *spread_rows(text, _edges(raw, textpage, first))
    finally:
        raw.FPDFText_ClosePage(textpage)


def _edges(raw: Any, textpage: Any, first: int) -> Edges:
    """Left and right edges of the characters at offsets of the text (offset ``k`` is char
    ``first + k``): their loose boxes, which span each glyph's advance, at one call each."""
    rect = raw.FS_RECTF()
    ref = ctypes.byref(rect)
    get_box = raw.FPDFText_GetLooseCharBox

    def edges(offsets: Sequence[int]) -> list[tuple[float, float]] | None:
        out = []
        for offset in offsets:
            if not get_box(textpage, first + offset, ref):
                return None
            out.append((rect.left, rect.right))
        return out

    return edges


def _text_range(raw: Any, textpage: Any, index: int) -> tuple[str, int, int]:
    """All the text of a text page, exactly as pypdfium2's ``get_text_range()`` returns it,
    the index of its first char and how many chars it spans.

    Characters that have no place in the text (no text index) at either end of the page
    are left out of the range asked for: PDFium would otherwise read past the range
    (pypdfium2 issue 261, crbug.com/pdfium/2079).  The buffer is sized from the text
    indices of the range's ends, plus the terminating NUL.
    """
    count: int = raw.FPDFText_CountChars(textpage)
    if count < 0:
        raise _page_error(index)
    first, last = 0, count - 1
    text_index = raw.FPDFText_GetTextIndexFromCharIndex
    while first <= last:
        start: int = text_index(textpage, first)
        if start == -1:
            first += 1
            continue
        end: int = text_index(textpage, last)
        if end == -1:
            last -= 1
            continue
        size = end + 2 - start
        buffer = (ctypes.c_ushort * size)()
        written: int = raw.FPDFText_GetText(textpage, first, last - first + 1, buffer)
        if written > size:  # cannot happen: PDFium sizes the text by the same indices
            raise _page_error(index)
        return codecs.decode(memoryview(buffer)[:written - 1], "utf-16-le", "ignore"), first, last - first + 1
    return "", 0, 0


def _has_image(raw: Any, page: Any, index: int) -> bool:
    image = raw.FPDF_PAGEOBJ_IMAGE
    get_type = raw.FPDFPageObj_GetType
    return any(get_type(obj) == image for obj in islice(_objects(raw, page, index), _IMAGE_OBJECTS))


def _objects(raw: Any, page: Any, index: int) -> Iterator[Any]:
    """The page's objects depth first, into form objects ``_IMAGE_DEPTH`` levels deep (the
    order and depth of pypdfium2's ``get_objects(max_depth=_IMAGE_DEPTH)``)."""

    def walk(count: Any, get: Any, parent: Any, level: int) -> Iterator[Any]:
        n: int = count(parent)
        if n < 0:
            raise _page_error(index)
        for i in range(n):
            obj = get(parent, i)
            if not obj:
                raise _page_error(index)
            yield obj
            if level < _IMAGE_DEPTH - 1 and raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_FORM:
                yield from walk(raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, obj, level + 1)

    return walk(raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, page, 0)
