"""Input sources: one module per file format, each turning bytes into :class:`Extracted` text.

:func:`read_source` sniffs the bytes once and hands them to the source for their format;
the file's name is only a hint where the bytes do not say (a ``.doc`` that is really HTML,
as government sites often serve, is read as HTML; LibreOffice is told a legacy file's
extension).  A new input format is a new module here and one branch in :func:`read_source`.

Heavy readers are imported only when a file of their format is met: a text-only run never
loads PDFium, and ``gaudit --version`` loads none of them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from gaudit.model import InputFormat
from gaudit.sources.base import Condition, Extracted, SourceError
from gaudit.sources.sniff import sniff
from gaudit.sources.text import read_text

__all__ = ["DEFAULT_LIMITS", "Condition", "Extracted", "Limits", "SourceError", "read_source", "sniff"]


@dataclass(frozen=True)
class Limits:
    """Bounds on what one file may cost to read."""

    max_size: int = 20 * 1024 * 1024
    """Bytes a file, or an archive's unpacked parts (DOCX, OFD), may hold."""
    max_pages: int = 1000
    """Pages of a PDF read at most; a longer one is refused (its text would take too long)."""
    convert_timeout: float = 60.0
    """Seconds LibreOffice may take to convert a legacy Word file."""


DEFAULT_LIMITS = Limits()


def read_source(data: bytes, encoding: str | None = None, *, name: str = "",
                limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """The text of one file, whatever its format.

    Raises :class:`SourceError` when its source cannot read it, and
    :class:`gaudit.decode.BinaryFileError` for bytes that are no report format at all.
    """
    fmt = sniff(data)
    if fmt is InputFormat.PDF:
        return _pdf(data, limits)
    if fmt is InputFormat.DOCX:
        return _word(data, limits, InputFormat.DOCX)
    if fmt is InputFormat.OFD:
        return _ofd(data, limits)
    if fmt is InputFormat.DOC:
        from gaudit.sources.legacy_word import convert_to_docx  # subprocess and tempfile: only for .doc

        suffix = os.path.splitext(name)[1] or ".doc"
        return _word(convert_to_docx(data, suffix, timeout=limits.convert_timeout), limits, InputFormat.DOC)
    return read_text(data, encoding)


def _paged(fmt: InputFormat, pages: tuple[str, ...], condition: Condition = "text",
           image_pages: int = 0) -> Extracted:
    """Pages joined by line breaks; each page's first line noted for page-and-line positions."""
    starts: list[int] = []
    line = 0
    for page in pages:
        starts.append(line)
        line += page.count("\n") + 1
    text = "\n".join(pages)
    return Extracted(fmt, text, text, page_starts=tuple(starts), condition=condition,
                     image_pages=image_pages)


def _pdf(data: bytes, limits: Limits) -> Extracted:
    from gaudit.sources.pdf import read_pdf  # loads PDFium (~40 ms): only when a PDF is met

    read = read_pdf(data, max_pages=limits.max_pages)
    return _paged(InputFormat.PDF, read.pages, read.verdict, read.image_only_pages)


def _ofd(data: bytes, limits: Limits) -> Extracted:
    from gaudit.sources.ofd import read_ofd  # zipfile and xml.etree: only for OFD files

    return _paged(InputFormat.OFD, read_ofd(data, max_size=limits.max_size))


def _word(data: bytes, limits: Limits, fmt: InputFormat) -> Extracted:
    from gaudit.sources.docx import read_docx  # zipfile and xml.etree: only for Word files

    text = read_docx(data, max_size=limits.max_size).text
    # Table rows arrive as "| a | b |" lines: their padding beside the pipes goes.
    return Extracted(fmt, text, text, html_table=True)
