"""Build a test report from a sample and a few edits, described as data.

A case (a mapping, as written in YAML or Python) names its ``base`` sample (a
file of ``samples/`` without extension) or gives the ``report`` text itself, then
optionally ``replace`` ([old, new] pairs, each old text exactly once),
``delete_lines`` ([first, last], 1-based, inclusive), ``encoding`` (the codec of
the bytes, default utf-8) and ``bad_byte_at`` ([line, col]: one undecodable byte
inserted before that character).

A case may instead describe a PDF: ``pdf_pages`` (a list of pages, each a list of text
lines), with ``pdf_images`` (0-based pages that also carry a picture) and ``pdf_latin``
(draw the text's UTF-8 bytes in a Latin font, as PDF makers without a CJK font do).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _base_text(case: dict[str, Any]) -> str:
    if "report" in case:
        text: str = case["report"]
        return text
    path = next(SAMPLES.glob(f"{case['base']}.*"))
    data = path.read_bytes()
    for codec in ("utf-8", "gbk", "big5"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    raise AssertionError(f"cannot read {path}")


def _pdf_bytes(case: dict[str, Any]) -> bytes:
    from pdfmake import lines, make_pdf

    pages = [[row.encode().decode("cp1252", errors="replace") if case.get("pdf_latin") else row
              for row in page] for page in case["pdf_pages"]]
    return make_pdf([lines(*page) for page in pages], images=case.get("pdf_images", ()))


def report_bytes(case: dict[str, Any]) -> bytes:
    if "pdf_pages" in case:
        return _pdf_bytes(case)
    text = _base_text(case)
    for old, new in case.get("replace", []):
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in the base"
        text = text.replace(old, new)
    if "delete_lines" in case:
        first, last = case["delete_lines"]
        lines = text.split("\n")
        text = "\n".join(lines[:first - 1] + lines[last:])
    codec = case.get("encoding", "utf-8")
    if "bad_byte_at" not in case:
        return text.encode(codec)
    line, col = case["bad_byte_at"]
    lines = text.split("\n")
    before = "\n".join(lines[:line - 1]) + ("\n" if line > 1 else "") + lines[line - 1][:col - 1]
    return before.encode(codec) + b"\xff" + text[len(before):].encode(codec)
