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

from gaudit.sources.base import SourceError

__all__ = [
    "Budget", "ContainerError", "ErrorKind", "SourceError", "describe_archive", "describe_error", "open_zip",
    "parse_xml", "read_member",
]

ErrorKind = Literal["broken", "not-word", "too-large", "unsafe-xml"]

_CHUNK = 64 * 1024
#: What a damaged archive raises from zipfile, zlib or lzma/bz2 while reading.
_ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError,
)


_KNOWN_ARCHIVES = (  # member name -> (zh, en) of what the archive is
    ("word/document.xml", "Word 文档（DOCX）", "a Word document (DOCX)"),
    ("xl/workbook.xml", "Excel 电子表格（XLSX）", "an Excel workbook (XLSX)"),
    ("ppt/presentation.xml", "PowerPoint 演示文稿（PPTX）", "a PowerPoint presentation (PPTX)"),
    ("OFD.xml", "OFD 版式文件", "an OFD document"),
    ("content.xml", "OpenDocument 文件（ODT/ODS/ODP）", "an OpenDocument file (ODT/ODS/ODP)"),
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


def describe_archive(archive: zipfile.ZipFile, budget: Budget) -> tuple[str, str]:
    """What a ZIP archive holds, in Chinese and English (for a "not this format" message)."""
    names = set(archive.namelist())
    mimetype = read_member(archive, "mimetype", budget) if "mimetype" in names else None
    if mimetype and mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return "OpenDocument 文本（ODT）", "an OpenDocument text (ODT)"
    for member, zh, en in _KNOWN_ARCHIVES:
        if member in names:
            return zh, en
    return "其他内容的 ZIP 压缩包", "a ZIP archive of some other kind"


def describe_error(exc: ContainerError, label: str, max_size: int) -> tuple[str, str]:
    """The Chinese and English user messages for ``exc`` about a ``label`` ("Word", "OFD") file."""
    d = exc.detail
    if exc.kind == "too-large":
        return (f"{label} 文件（或其解压后的内容）超过大小上限（{max_size} 字节），已停止读取：{d}",
                f"the {label} file or its uncompressed content exceeds the size limit ({max_size} bytes): {d}")
    if exc.kind == "unsafe-xml":
        return (f"{label} 文件含有文档类型声明（DOCTYPE），可能是实体扩展攻击，已拒绝读取：{d}",
                f"the {label} file holds a document type declaration (DOCTYPE), refused as unsafe: {d}")
    return f"{label} 文件已损坏，无法读取：{d}", f"the {label} file is damaged and cannot be read: {d}"
