"""Plain text and HTML files: detect the encoding, then read HTML markup as lines and rows.

Encoding detection is :mod:`gaudit.decode`'s job; this source only decides, from the decoded
text, whether the file is a web page (or an HTML fragment pasted into a ``.txt``) and, if so,
hands it to :mod:`gaudit.sources.html`.  Positions stay in the decoded file either way.
"""

from __future__ import annotations

from gaudit.decode import decode
from gaudit.model import DecodedText, InputFormat
from gaudit.sources.base import Extracted
from gaudit.sources.html import HTML_HINT_RE, html_to_text

__all__ = ["from_decoded", "read_text"]


def read_text(data: bytes, encoding: str | None = None) -> Extracted:
    """A text or HTML file; raises :class:`gaudit.decode.BinaryFileError` for binary bytes."""
    return from_decoded(decode(data, encoding))


def from_decoded(decoded: DecodedText) -> Extracted:
    """Text already decoded, as a plain-text or an HTML source."""
    if not HTML_HINT_RE.search(decoded.text):
        return Extracted(InputFormat.TEXT, decoded.text, decoded.text, encoding=decoded.encoding,
                         confidence=decoded.confidence, bad_byte_offset=decoded.bad_byte_offset)
    text, offsets, saw_table = html_to_text(decoded.text)
    return Extracted(InputFormat.HTML, decoded.text, text, offsets, encoding=decoded.encoding,
                     confidence=decoded.confidence, bad_byte_offset=decoded.bad_byte_offset,
                     html_table=saw_table)
