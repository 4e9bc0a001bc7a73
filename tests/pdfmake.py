"""A minimal PDF writer for tests: text in a CJK font with a Unicode map, images, encryption.

PDFs made here stand alone (no font file, no other package): a Type3 font draws each CJK
character as a square and its ToUnicode map gives the characters back, as embedded subsets
in published reports do.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

# --------------------------------------------------------------------------
# A minimal PDF writer
# --------------------------------------------------------------------------

#: (x, y, text) drawn at that point of an A4 page (595 x 842 points, origin at the bottom left).
Run = tuple[float, float, str]


@dataclass
class _Stream:
    data: bytes
    entries: str = ""


class PdfWriter:
    """Numbered objects, a cross-reference table; optional RC4 encryption of the streams."""

    def __init__(self) -> None:
        self.objects: list[bytes | _Stream] = []

    def add(self, body: bytes | _Stream) -> int:
        self.objects.append(body)
        return len(self.objects)

    def reserve(self) -> int:
        return self.add(b"null")

    def put(self, ref: int, body: bytes) -> None:
        self.objects[ref - 1] = body

    def finish(self, root: int, key: bytes | None = None, trailer: str = "") -> bytes:
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(self.objects, 1):
            offsets.append(len(out))
            if isinstance(body, _Stream):
                data = body.data if key is None else _rc4(_object_key(key, number), body.data)
                body = f"<< /Length {len(data)} {body.entries}>>\nstream\n".encode() + data + b"\nendstream"
            out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(self.objects) + 1}\n0000000000 65535 f \n".encode()
        out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
        out += f"trailer\n<< /Size {len(self.objects) + 1} /Root {root} 0 R {trailer}>>\n".encode()
        out += f"startxref\n{xref}\n%%EOF\n".encode()
        return bytes(out)


def _cjk_font(w: PdfWriter, chars: str) -> tuple[int, dict[str, int]]:
    """A Type3 font drawing every character as a square; ToUnicode gives the characters back."""
    codes = {ch: i + 1 for i, ch in enumerate(dict.fromkeys(chars))}
    assert len(codes) < 255
    pairs = "".join(f"<{code:02x}> <{ord(ch):04x}>\n" for ch, code in codes.items())
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T3 def /CMapType 2 def\n"
        "1 begincodespacerange <00> <ff> endcodespacerange\n"
        f"{len(codes)} beginbfchar\n{pairs}endbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    to_unicode = w.add(_Stream(cmap.encode()))
    glyph = w.add(_Stream(b"1000 0 0 0 900 900 d1 50 0 800 800 re f"))
    n = max(1, len(codes))
    font = (
        "<< /Type /Font /Subtype /Type3 /FontMatrix [0.001 0 0 0.001 0 0] /FontBBox [0 0 1000 1000]"
        f" /CharProcs << /g {glyph} 0 R >> /Encoding << /Type /Encoding /Differences [1{' /g' * n}] >>"
        f" /FirstChar 1 /LastChar {n} /Widths [{' 1000' * n}] /ToUnicode {to_unicode} 0 R /Resources << >> >>"
    )
    return w.add(font.encode()), codes


def _show(text: str, codes: dict[str, int], size: float) -> str:
    if text.isascii():
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return f"/F1 {size} Tf ({escaped}) Tj"
    # A space inside Chinese text: a gap of half a glyph, as letter-spaced PDF text has.
    glyphs = " ".join("-500" if ch == " " else f"<{codes[ch]:02x}>" for ch in text)
    return f"/F2 {size} Tf [{glyphs}] TJ"


def make_pdf(
    pages: Sequence[Sequence[Run]],
    *,
    images: Sequence[int] = (),
    form_images: Sequence[int] = (),
    size: float = 10,
    encrypt: tuple[str, str] | None = None,
) -> bytes:
    """A PDF drawing ``pages``; pages listed in ``images`` (0-based) also draw a small image,
    those in ``form_images`` the same image inside a form XObject.

    ``encrypt=(user, owner)`` encrypts it with the standard security handler
    (revision 2, 40-bit RC4): opening needs ``user`` unless it is empty.
    """
    w = PdfWriter()
    catalog, tree = w.reserve(), w.reserve()
    chars = "".join(text for page in pages for _, _, text in page if not text.isascii()).replace(" ", "")
    f2, codes = _cjk_font(w, chars)
    f1 = w.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    image = w.add(_Stream(b"\x80\x40\x40\x80", "/Type /XObject /Subtype /Image /Width 2 /Height 2"
                          " /ColorSpace /DeviceGray /BitsPerComponent 8 "))
    form = w.add(_Stream(b"q 500 0 0 700 50 70 cm /Im1 Do Q", "/Type /XObject /Subtype /Form /BBox [0 0 595 842]"
                         f" /Resources << /XObject << /Im1 {image} 0 R >> >> "))
    kids = []
    for index, runs in enumerate(pages):
        ops = ["BT", *(f"1 0 0 1 {x} {y} Tm {_show(text, codes, size)}" for x, y, text in runs), "ET"]
        if index in images:
            ops.append("q 500 0 0 700 50 70 cm /Im1 Do Q")
        if index in form_images:
            ops.append("/Fm1 Do")
        content = w.add(_Stream("\n".join(ops).encode()))
        resources = f"<< /Font << /F1 {f1} 0 R /F2 {f2} 0 R >> /XObject << /Im1 {image} 0 R /Fm1 {form} 0 R >> >>"
        kids.append(w.add(f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R"
                          f" /Resources {resources} >>".encode()))
    w.put(catalog, f"<< /Type /Catalog /Pages {tree} 0 R >>".encode())
    w.put(tree, f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode())
    if encrypt is None:
        return w.finish(catalog)
    return _encrypted(w, catalog, *encrypt)


def image_behind(paths: int, forms: int) -> bytes:
    """A one-page PDF without text: ``paths`` small filled rectangles (one page object each),
    then an image drawn inside ``forms`` nested form XObjects (``0``: on the page itself)."""
    w = PdfWriter()
    catalog, tree = w.reserve(), w.reserve()
    inner = w.add(_Stream(b"\x80\x40\x40\x80", "/Type /XObject /Subtype /Image /Width 2 /Height 2"
                          " /ColorSpace /DeviceGray /BitsPerComponent 8 "))
    draw = b"q 500 0 0 700 50 70 cm /X Do Q"
    for _ in range(forms):
        inner = w.add(_Stream(draw, "/Type /XObject /Subtype /Form /BBox [0 0 595 842]"
                              f" /Resources << /XObject << /X {inner} 0 R >> >> "))
        draw = b"/X Do"
    content = w.add(_Stream(b"0 0 1 1 re f\n" * paths + draw))
    page = w.add(f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R"
                 f" /Resources << /XObject << /X {inner} 0 R >> >> >>".encode())
    w.put(catalog, f"<< /Type /Catalog /Pages {tree} 0 R >>".encode())
    w.put(tree, f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>".encode())
    return w.finish(catalog)


def lines(*rows: str, top: float = 780, step: float = 20) -> list[Run]:
    """One run per row, top to bottom at the left margin."""
    return [(72, top - step * i, row) for i, row in enumerate(rows)]


# The standard security handler, revision 2 (PDF 1.7, 7.6.3): enough to make a PDF that needs a password.
_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_FILE_ID = bytes(range(16))
_PERMISSIONS = -4


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _padded(password: str) -> bytes:
    return (password.encode("latin-1") + _PAD)[:32]


def _object_key(key: bytes, number: int) -> bytes:
    return hashlib.md5(key + number.to_bytes(3, "little") + b"\0\0").digest()[:10]


def _encrypted(w: PdfWriter, catalog: int, user: str, owner: str) -> bytes:
    o_value = _rc4(hashlib.md5(_padded(owner)).digest()[:5], _padded(user))
    permissions = _PERMISSIONS.to_bytes(4, "little", signed=True)
    key = hashlib.md5(_padded(user) + o_value + permissions + _FILE_ID).digest()[:5]
    u_value = _rc4(key, _PAD)
    encrypt = w.add(f"<< /Filter /Standard /V 1 /R 2 /O <{o_value.hex()}> /U <{u_value.hex()}>"
                    f" /P {_PERMISSIONS} >>".encode())
    file_id = _FILE_ID.hex()
    return w.finish(catalog, key, f"/Encrypt {encrypt} 0 R /ID [<{file_id}> <{file_id}>] ")


