"""Legacy Word (DOC), WPS and RTF files: converted to DOCX by LibreOffice, then read as DOCX.

No Python library reads the Word 97–2003 binary format well enough for
tables (antiword draws them as box art, catdoc loses one), so gaudit runs
LibreOffice, when installed, as an external tool: ``soffice --headless
--convert-to docx``.  Each conversion happens in its own
:class:`tempfile.TemporaryDirectory`: the report's bytes are copied in (gaudit
never writes next to a report), LibreOffice gets a throw-away user profile
inside it (``-env:UserInstallation=file:///…``: two conversions sharing a
profile block each other, so parallel workers would collide), and ``HOME``
points there too.  The process runs in its own session; on timeout the whole
process group is killed (``soffice`` starts a child ``soffice.bin``).

:func:`sniff_legacy` tells what a ``.doc``/``.wps`` file really holds, for the
caller to route it: ``"ole"`` (the binary format; convert), ``"rtf"`` (Word
saves RTF under ``.doc`` — LibreOffice converts RTF as well, so the decision
here is to convert it the same way, with ``suffix=".rtf"``), ``"docx"`` (a
renamed DOCX: read it directly), ``"html"`` (a web page saved as ``.doc``: the
text pipeline reads HTML tables), ``"unknown"`` (anything else, MHTML and Word
2003 XML included: conversion may still work).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Literal

from gaudit.sources.base import SourceError

__all__ = ["ConversionError", "convert_to_docx", "find_converter", "sniff_legacy"]

ConversionKind = Literal["no-converter", "failed", "timeout"]
_SUFFIX_RE = re.compile(r"^\.[A-Za-z0-9]{1,5}$")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class ConversionError(SourceError):
    """A legacy document that could not be converted, with a user message in Chinese and English."""

    def __init__(self, kind: ConversionKind, zh: str, en: str) -> None:
        super().__init__(kind, zh, en)


def sniff_legacy(data: bytes) -> Literal["ole", "rtf", "html", "docx", "unknown"]:
    """What a ``.doc``/``.wps`` file's bytes really are (see the module docstring for routing)."""
    if data.startswith(_OLE):
        return "ole"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    head = data[:2048]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="replace")
    else:
        text = head.decode("utf-8", errors="replace")
    text = text.lstrip("\ufeff \t\r\n").lower()
    if text.startswith("{\\rtf"):
        return "rtf"
    if text.startswith(("<!doctype html", "<html")) or "<html" in text[:1024]:
        return "html"
    return "unknown"


def find_converter() -> str | None:
    """The LibreOffice executable on PATH (``soffice``, else ``libreoffice``), or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _no_converter() -> ConversionError:
    return ConversionError(
        "no-converter",
        "无法读取旧版 Word/WPS 文件：未找到 LibreOffice（soffice）。请安装 LibreOffice，"
        "或在 Word/WPS 中将文件“另存为”DOCX 格式后再检查。",
        "cannot read a legacy Word/WPS file: LibreOffice (soffice) was not found. Install LibreOffice, "
        "or open the file in Word/WPS and save it as DOCX, then check that file.",
    )


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except OSError:
        pass  # already gone
    proc.communicate()


def _run(argv: list[str], home: Path, timeout: float) -> tuple[int, str]:
    env = {**os.environ, "HOME": str(home)}
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                env=env, start_new_session=os.name == "posix")
    except OSError as exc:
        raise ConversionError("failed", f"无法启动 LibreOffice：{exc}", f"LibreOffice could not be started: {exc}") \
            from None
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc)
        raise ConversionError(
            "timeout", f"LibreOffice 转换超时（{timeout:g} 秒），已终止。可在 Word/WPS 中另存为 DOCX 后再检查。",
            f"LibreOffice conversion timed out after {timeout:g} s and was stopped; "
            "saving the file as DOCX in Word/WPS avoids the conversion.") from None
    return proc.returncode, out.decode("utf-8", errors="replace")


def convert_to_docx(data: bytes, suffix: str, *, timeout: float) -> bytes:
    """The DOCX bytes LibreOffice makes of ``data`` (a ``.doc``, ``.wps``, ``.rtf`` … file).

    ``suffix`` is the original file's extension (it helps LibreOffice pick its import filter;
    anything odd becomes ``.doc``).  Raises :class:`ConversionError`."""
    exe = find_converter()
    if exe is None:
        raise _no_converter()
    suffix = suffix.lower() if _SUFFIX_RE.match(suffix) else ".doc"
    with tempfile.TemporaryDirectory(prefix="gaudit-convert-") as tmp:
        root = Path(tmp)
        source = root / "in" / f"report{suffix}"
        outdir = root / "out"
        profile = root / "profile"
        for folder in (source.parent, outdir, profile):
            folder.mkdir()
        source.write_bytes(data)
        argv = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--nologo",
                "--norestore", "--nolockcheck", "--nodefault", "--convert-to", "docx:MS Word 2007 XML",
                "--outdir", str(outdir), str(source)]
        code, log = _run(argv, root, timeout)
        result = outdir / "report.docx"
        if not result.is_file() or result.stat().st_size == 0:
            detail = " ".join(log.split())[-300:] or f"exit code {code}"
            raise ConversionError(
                "failed", f"LibreOffice 未能转换该文件（文件可能已损坏、加密或并非 Word/WPS 文档）：{detail}",
                f"LibreOffice could not convert the file (damaged, encrypted or not a Word/WPS document): {detail}")
        return result.read_bytes()
