"""Legacy Word through LibreOffice: sniffing, the missing converter, failures, timeouts, report10.doc.

The real conversion runs when ``soffice`` (or ``libreoffice``) is on PATH; the
error paths use an empty PATH or small stand-in scripts, so they run everywhere
a POSIX shell does.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from gaudit.document import read_document
from gaudit.engine import run_rules
from gaudit.rules import load_rules
from gaudit.sources.docx import read_docx
from gaudit.sources.legacy_word import ConversionError, convert_to_docx, find_converter, sniff_legacy

FORMATS = Path(__file__).resolve().parents[2] / "shared" / "formats"
EXPECT = Path(__file__).resolve().parents[2] / "shared" / "real" / "expect.json"
posix_only = pytest.mark.skipif(os.name != "posix", reason="stand-in converters are shell scripts")
needs_libreoffice = pytest.mark.skipif(find_converter() is None,
                                       reason="LibreOffice (soffice) is not installed: conversion not tested")


@pytest.mark.parametrize(("data", "kind"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "ole"),
    (b"{\\rtf1\\ansi\\ansicpg936 hello}", "rtf"),
    (b"\xef\xbb\xbf  {\\rtf1 hello}", "rtf"),
    (b"PK\x03\x04rest of a zip", "docx"),
    (b"<html><body><table></table></body></html>", "html"),
    (b"\n<!DOCTYPE html>\n<html>", "html"),
    (b'<meta charset="gbk"><HTML><BODY>', "html"),
    ("<html>".encode("utf-16"), "html"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related", "unknown"),
    (b"", "unknown"),
])
def test_sniff(data: bytes, kind: str) -> None:
    assert sniff_legacy(data) == kind


def test_no_converter_says_how_to_convert(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ConversionError) as info:
        convert_to_docx(b"\xd0\xcf\x11\xe0", ".doc", timeout=5)
    error = info.value
    assert error.kind == "no-converter"
    assert "LibreOffice" in error.zh and "DOCX" in error.zh and "WPS" in error.zh
    assert "LibreOffice" in error.en and "save it as DOCX" in error.en


def _stand_in(folder: Path, script: str) -> None:
    exe = folder / "soffice"
    exe.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)


@posix_only
def test_converter_that_writes_nothing_failed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _stand_in(tmp_path, 'echo "Error: source file could not be loaded"; exit 1')
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ConversionError) as info:
        convert_to_docx(b"junk", ".doc", timeout=10)
    assert info.value.kind == "failed"
    assert "could not be loaded" in info.value.en and info.value.zh


@posix_only
def test_converter_runs_in_a_private_folder_with_its_own_profile(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    record = tmp_path / "argv.txt"
    # Records its arguments and HOME, then writes the output file where --outdir says.
    _stand_in(tmp_path, f'echo "$HOME" "$@" > "{record}"\n'
                        'while [ "$1" != "--outdir" ]; do shift; done; printf PK > "$2/report.docx"')
    monkeypatch.setenv("PATH", str(tmp_path))
    assert convert_to_docx(b"data", "../../evil name", timeout=10) == b"PK"
    home, *argv = record.read_text(encoding="utf-8").split()
    profile = next(a for a in argv if a.startswith("-env:UserInstallation=file:///"))
    assert profile.endswith("/profile") and home in profile
    assert argv[-1].endswith("/in/report.doc")  # an odd suffix falls back to .doc
    assert not Path(home).exists()  # the folder is gone afterwards


@posix_only
def test_timeout_kills_the_process_group(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pid_file = tmp_path / "child.pid"
    # Like soffice starting soffice.bin: the child must die with the group.
    sleep = shutil.which("sleep")
    assert sleep is not None
    _stand_in(tmp_path, f'"{sleep}" 30 & echo $! > "{pid_file}"; wait')
    monkeypatch.setenv("PATH", str(tmp_path))
    started = time.monotonic()
    with pytest.raises(ConversionError) as info:
        convert_to_docx(b"data", ".doc", timeout=0.5)
    assert info.value.kind == "timeout"
    assert time.monotonic() - started < 10
    child = int(pid_file.read_text(encoding="utf-8"))
    time.sleep(0.2)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    """Whether ``pid`` still runs (a killed orphan may linger as a zombie until it is reaped)."""
    stat_file = Path(f"/proc/{pid}/stat")
    if stat_file.parent.parent.is_dir() and Path("/proc/self").exists():
        try:
            return stat_file.read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0] not in ("Z", "X")
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _report10_doc() -> bytes:
    path = FORMATS / "report10.doc"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    return path.read_bytes()


@needs_libreoffice
def test_report10_doc_converts_and_reads_every_cell() -> None:
    data = _report10_doc()
    assert sniff_legacy(data) == "ole"
    text = read_docx(convert_to_docx(data, ".doc", timeout=120), max_size=50 << 20)
    doc = read_document(data, "report10.doc")  # as gaudit reads the file: converted, then read
    assert doc.format.value == "doc" and doc.source.text == text.text
    cells = {f"{t}.{r}.{c}": cell.value for t, table in doc.tables.items()
             for r, row in table.rows.items() for c, cell in row.cells.items()}
    expected = json.loads(EXPECT.read_text(encoding="utf-8"))["../formats/report10.doc"]["cells"]
    assert {k: cells.get(k, "absent") for k in expected} == expected
    assert [f.kind for f in run_rules(doc, load_rules())] == []


@needs_libreoffice
@pytest.mark.skipif(sys.platform == "win32", reason="parallel soffice instances are a POSIX concern here")
def test_parallel_conversions_do_not_collide() -> None:
    rtf = b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl{\\f0 SimSun;}} \\f0 \\u19968?\\u12289?\\u24635?\\u20307?\\par}"
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda _: convert_to_docx(rtf, ".rtf", timeout=120), range(3)))
    assert all(read_docx(r, max_size=1 << 20).lines[0].strip() == "一、总体" for r in results)
