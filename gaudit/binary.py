"""Bytes that are no text report: known binary formats and NUL- or control-heavy data.

The text source refuses them before any encoding is guessed, so that an image or an
executable is reported as what it is instead of decoded into noise.  (PDF, Word and OFD
files never get here: their own sources read them.)
"""

from __future__ import annotations

__all__ = ["BinaryFileError", "binary_bytes", "binary_format"]


class BinaryFileError(Exception):
    """The input is a binary file, not a text report.

    ``str(exc)`` is the Simplified Chinese message, ``message_en`` the English
    one, and ``what`` a stable key for what was seen (``pdf``, ``zip``, ``ole``,
    ``png``, ``jpeg``, ``gif``, ``gzip``, ``rar``, ``7z``, ``elf``,
    ``nul-bytes``, ``control-bytes``).
    """

    def __init__(self, what: str) -> None:
        zh, en = _BINARY_LABELS[what]
        self.what = what
        self.message_en = f"binary file ({en}), not a text report"
        super().__init__(f"二进制文件({zh}),不是文本报告")


#: what -> (Chinese label, English label) for the user-facing message.
_BINARY_LABELS: dict[str, tuple[str, str]] = {
    "pdf": ("PDF", "PDF"),
    "zip": ("ZIP 压缩包或 DOCX/XLSX 文档", "ZIP archive or DOCX/XLSX document"),
    "ole": ("DOC/XLS 旧版 Office 文档", "legacy Office DOC/XLS document"),
    "png": ("PNG 图片", "PNG image"),
    "jpeg": ("JPEG 图片", "JPEG image"),
    "gif": ("GIF 图片", "GIF image"),
    "gzip": ("gzip 压缩包", "gzip archive"),
    "rar": ("RAR 压缩包", "RAR archive"),
    "7z": ("7z 压缩包", "7z archive"),
    "elf": ("ELF 可执行程序", "ELF executable"),
    "nul-bytes": ("含大量 NUL 字节", "many NUL bytes"),
    "control-bytes": ("含大量控制字节", "many control bytes"),
}

#: Leading bytes of formats that are never a text report.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),  # an empty archive
    (b"PK\x07\x08", "zip"),  # a spanned archive
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!\x1a\x07", "rar"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x7fELF", "elf"),
)

#: C0 control bytes that never occur in UTF-8, GB or Big5 text (all their trail
#: bytes are >= 0x30), so a file full of them is binary.  Tab, LF, VT, FF, CR,
#: SUB (the DOS end-of-file mark) and ESC are tolerated.
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\x0b\x0c\r\x1a\x1b") + b"\x7f"

#: Share of the sample above which NUL/control bytes mean binary.
_BINARY_SHARE = 0.01


def binary_format(data: bytes) -> str | None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None


def binary_bytes(sample: bytes) -> str | None:
    """``nul-bytes``/``control-bytes`` when NUL or other control bytes are frequent."""
    if not sample:
        return None
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _BINARY_SHARE * len(sample):
        return "nul-bytes" if sample.count(0) * 2 >= controls else "control-bytes"
    return None


# --- byte-order marks and UTF-16 ------------------------------------------------------------

