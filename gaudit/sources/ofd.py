"""Read the text of an OFD document (GB/T 33190, 版式文档), page by page.

An OFD file is a ZIP of XML parts: ``OFD.xml`` names each document's root
(``DocBody/DocRoot``, e.g. ``Doc_0/Document.xml``); the document lists its
pages (``Pages/Page@BaseLoc``, relative to the document's folder), and each
page's ``Content.xml`` holds layers of graphic units.  Text is in
``TextObject`` elements (``Boundary="x y w h"`` in millimetres, optional
``CTM="a b c d e f"``, font ``Size``), whose ``TextCode`` children place their
characters: the first at ``X``/``Y`` (relative to the boundary, ``Y`` the
baseline, growing downwards), each next one ``DeltaX``/``DeltaY`` further
(``g N v`` repeats ``v`` N times); a code without ``X``/``Y`` continues where
the previous one ended.  ``PageBlock`` groups are read through; page templates
(running headers and footers) are not read.

A fixed-layout page has no lines or cells, only placed characters, so lines
are rebuilt: characters whose baselines lie within half a font size of each
other form one line, ordered left to right, and a gap wider than half a
character becomes one space (so table cells on one row come out as a
space-separated row, a layout the table reader reads).  Lines are in reading
order from top to bottom; a page set in two columns would interleave them.

Safety as for DOCX (:mod:`gaudit.sources.zipxml`): input and uncompressed
parts bounded by ``max_size``, XML with a DOCTYPE refused, never a traceback.
Element names are matched without their namespace (producers differ).
"""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from gaudit.sources.zipxml import (
    Budget,
    ContainerError,
    SourceError,
    describe_archive,
    describe_error,
    open_zip,
    parse_xml,
    read_member,
)

__all__ = ["OfdError", "read_ofd"]

_NUMBER_RE = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
#: A matrix that moves nothing.
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_DEFAULT_SIZE = 3.5  # mm, about 10 pt, when a text object names no size


class OfdError(SourceError):
    """An OFD file that cannot be read: ``kind`` ("broken", "not-word", "too-large", "unsafe-xml"),
    ``zh`` and ``en`` messages for the user."""


@dataclass(frozen=True)
class _Glyph:
    x: float
    y: float
    size: float
    char: str


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _numbers(text: str | None) -> list[float]:
    return [float(m) for m in _NUMBER_RE.findall(text or "")]


def _deltas(text: str | None, limit: int) -> list[float]:
    """``DeltaX``/``DeltaY``: numbers, where ``g N v`` stands for N times v; at most ``limit``
    of them (one per character: a hostile ``g 100000000 1`` must not fill the memory)."""
    out: list[float] = []
    words = (text or "").split()
    i = 0
    while i < len(words) and len(out) < limit:
        if words[i] == "g" and i + 2 < len(words):
            count = _numbers(words[i + 1])
            value = _numbers(words[i + 2])
            if count and value and count[0] > 0:
                out.extend(value[:1] * int(min(count[0], limit - len(out))))
            i += 3
            continue
        out.extend(_numbers(words[i])[:1])
        i += 1
    return out[:limit]


def _matrix(text: str | None) -> tuple[float, float, float, float, float, float]:
    values = _numbers(text)
    if len(values) != 6:
        return _IDENTITY
    a, b, c, d, e, f = values
    return a, b, c, d, e, f


def _text_glyphs(obj: ET.Element) -> Iterator[_Glyph]:
    """The characters of one ``TextObject`` in page coordinates."""
    box = _numbers(obj.get("Boundary"))
    left, top = (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)
    a, b, c, d, e, f = _matrix(obj.get("CTM"))
    sizes = _numbers(obj.get("Size"))
    size = (sizes[0] if sizes else _DEFAULT_SIZE) * (math.sqrt(abs(a * d - b * c)) or 1.0)
    x = y = 0.0
    for code in obj:
        if _local(code.tag) != "TextCode":
            continue
        xs, ys = _numbers(code.get("X")), _numbers(code.get("Y"))
        x = xs[0] if xs else x
        y = ys[0] if ys else y
        chars = code.text or ""
        dx, dy = _deltas(code.get("DeltaX"), len(chars)), _deltas(code.get("DeltaY"), len(chars))
        for i, char in enumerate(chars):
            yield _Glyph(left + a * x + c * y + e, top + b * x + d * y + f, size, char)
            if i < len(dx) or not dy:
                x += dx[i] if i < len(dx) else (size if ord(char) > 0x2E7F else size / 2)
            y += dy[i] if i < len(dy) else 0.0


def _page_glyphs(element: ET.Element) -> Iterator[_Glyph]:
    for child in element:
        name = _local(child.tag)
        if name == "TextObject":
            yield from _text_glyphs(child)
        elif name in ("Content", "Layer", "PageBlock", "CompositeObject"):
            yield from _page_glyphs(child)


def _lines(glyphs: list[_Glyph]) -> list[str]:
    """Characters grouped into lines by baseline, each line left to right."""
    rows: list[list[_Glyph]] = []
    for g in sorted(glyphs, key=lambda g: (g.y, g.x)):
        if rows and abs(g.y - rows[-1][0].y) <= rows[-1][0].size / 2:
            rows[-1].append(g)
        else:
            rows.append([g])
    out: list[str] = []
    for row in rows:
        row.sort(key=lambda g: g.x)
        text: list[str] = []
        end = None
        for g in row:
            if end is not None and g.x - end > g.size / 2 and text and not text[-1].isspace():
                text.append(" ")
            text.append(g.char)
            end = g.x + (g.size if ord(g.char) > 0x2E7F else g.size / 2)
        out.append("".join(text).strip())
    return [line for line in out if line]


def _resolve(base: str, target: str) -> str:
    target = target.strip().replace("\\", "/")
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(base, target))


def _pages(root: ET.Element, folder: str) -> Iterator[str]:
    for element in root.iter():
        if _local(element.tag) == "Page" and element.get("BaseLoc"):
            yield _resolve(folder, element.get("BaseLoc", ""))


def _read(data: bytes, max_size: int) -> tuple[str, ...]:
    budget = Budget(max_size)
    with open_zip(data) as archive:
        entry = read_member(archive, "OFD.xml", budget)
        if entry is None:
            zh, en = describe_archive(archive, budget)
            raise OfdError("not-word", f"这不是 OFD 文件，而是{zh}", f"this is not an OFD document but {en}")
        roots = [_resolve("", e.text or "") for e in parse_xml(entry, "OFD.xml").iter()
                 if _local(e.tag) == "DocRoot" and (e.text or "").strip()]
        if not roots:
            raise ContainerError("broken", "OFD.xml names no document (DocBody/DocRoot)")
        pages: list[str] = []
        for doc_path in roots:
            doc_xml = read_member(archive, doc_path, budget)
            if doc_xml is None:
                raise ContainerError("broken", f"{doc_path} is missing")
            doc = parse_xml(doc_xml, doc_path)
            for page_path in _pages(doc, posixpath.dirname(doc_path)):
                content = read_member(archive, page_path, budget)
                if content is None:
                    raise ContainerError("broken", f"{page_path} is missing")
                page = parse_xml(content, page_path)
                pages.append("\n".join(_lines(list(_page_glyphs(page)))))
        return tuple(pages)


def read_ofd(data: bytes, *, max_size: int) -> tuple[str, ...]:
    """The text of each page (lines joined by ``\\n``); raises :class:`OfdError` for unusable input."""
    try:
        if len(data) > max_size:
            raise ContainerError("too-large", f"the file is {len(data)} bytes")
        return _read(data, max_size)
    except ContainerError as exc:
        raise OfdError(exc.kind, *describe_error(exc, "OFD", max_size)) from None
    except (ValueError, OverflowError, RecursionError) as exc:
        raise OfdError("broken", f"OFD 文件内容无法解析：{exc}", f"the OFD file's content cannot be read: {exc}") \
            from None
