"""Which source reads a file: decided from its first bytes (and a ZIP's table of contents)."""

from __future__ import annotations

import io

from gaudit.model import InputFormat

__all__ = ["sniff"]

#: PDF readers accept a header anywhere in the first kilobyte (some servers prepend junk).
_PDF_WINDOW = 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _zip_format(data: bytes) -> InputFormat | None:
    import zipfile  # only for bytes that open as a ZIP: a text-only run never loads it

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    if "word/document.xml" in names:
        return InputFormat.DOCX
    if "OFD.xml" in names or any(n.lower() == "ofd.xml" for n in names):
        return InputFormat.OFD
    return None


def sniff(data: bytes) -> InputFormat | None:
    """The container format of ``data`` (PDF, DOCX, DOC, OFD), or ``None`` for text and HTML
    (and for binary data no source reads, which the text source refuses)."""
    if b"%PDF-" in data[:_PDF_WINDOW]:
        return InputFormat.PDF
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if data.startswith(_OLE) or data.lstrip()[:5] == b"{\\rtf":
        return InputFormat.DOC
    return None
