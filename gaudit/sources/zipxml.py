"""Bounded reading of XML parts out of a ZIP container (DOCX and OFD share it).

A ZIP member declares its uncompressed size in a header the archive's author
wrote, so the declared size is checked first (cheap refusal of an honest huge
member) and the bytes actually inflated are counted while reading in chunks
(a zip bomb may declare 1 KB and inflate to gigabytes): reading stops at the
bound.  The bound is shared by every member read from one archive
(:class:`Budget`), so a document cannot spread a bomb over many parts.  Members
never read (images, fonts) cost nothing and are not counted.

XML is refused before parsing when it holds a document type declaration:
``<!DOCTYPE`` is how entity expansion (billion laughs) and external entities
(XXE) enter, and no WordprocessingML or OFD part needs one.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from typing import Literal
from xml.etree import ElementTree as ET

__all__ = ["Budget", "ContainerError", "ErrorKind", "open_zip", "parse_xml", "read_member"]

ErrorKind = Literal["broken", "not-word", "too-large", "unsafe-xml"]

_CHUNK = 64 * 1024
#: What a damaged archive raises from zipfile, zlib or lzma/bz2 while reading.
_ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError,
)


class ContainerError(Exception):
    """A container problem, before it is phrased for the format (Word or OFD)."""

    def __init__(self, kind: ErrorKind, detail: str) -> None:
        super().__init__(detail)
        self.kind: ErrorKind = kind
        self.detail = detail


@dataclass
class Budget:
    """Uncompressed bytes still allowed for one archive."""

    left: int

    def take(self, amount: int, name: str) -> None:
        self.left -= amount
        if self.left < 0:
            raise ContainerError("too-large", f"{name}: uncompressed content exceeds the size limit")


def open_zip(data: bytes) -> zipfile.ZipFile:
    """The archive, or ContainerError("broken") when it is not a readable ZIP."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as exc:
        raise ContainerError("broken", f"not a readable ZIP archive ({exc})") from None


def read_member(archive: zipfile.ZipFile, name: str, budget: Budget) -> bytes | None:
    """The member's bytes (None when absent), inflated in chunks within ``budget``."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > budget.left:
        raise ContainerError("too-large", f"{name} declares {info.file_size} bytes, over the size limit")
    parts: list[bytes] = []
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                budget.take(len(chunk), name)
                parts.append(chunk)
    except ContainerError:
        raise
    except _ZIP_ERRORS as exc:
        raise ContainerError("broken", f"{name} cannot be read ({exc})") from None
    return b"".join(parts)


def _has_doctype(data: bytes) -> bool:
    head = data[:4]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head:
        text = data.decode("utf-16", errors="replace")
        return "<!doctype" in text.lower() or "<!entity" in text.lower()
    lowered = data.lower()
    return b"<!doctype" in lowered or b"<!entity" in lowered


def parse_xml(data: bytes, name: str) -> ET.Element:
    """The root element; refuses a DOCTYPE ("unsafe-xml") and bad XML ("broken")."""
    if _has_doctype(data):
        raise ContainerError("unsafe-xml", f"{name} holds a document type declaration (DOCTYPE)")
    try:
        return ET.fromstring(data)
    except (ET.ParseError, ValueError) as exc:
        raise ContainerError("broken", f"{name} is not well-formed XML ({exc})") from None
