"""Plain text and HTML files: detect the encoding, then read HTML markup as lines and rows.

Encoding detection is :mod:`gaudit.decode`'s job; this source only decides, from the decoded
text, whether the file is a web page (or an HTML fragment pasted into a ``.txt``) and, if so,
hands it to :mod:`gaudit.sources.html`.  Positions stay in the decoded file either way.
"""

from __future__ import annotations

import re

from gaudit.decode import decode
from gaudit.model import DecodedText, InputFormat
from gaudit.sources.base import Extracted

__all__ = ["HTML_HINT_RE", "from_decoded", "read_text"]

#: A file holding one of these tags is read as HTML, whatever its extension.
HTML_HINT_RE = re.compile(r"<(?:table|tr|td|th|p|div|br|html|body|span|h[1-6])\b", re.I)


def read_text(data: bytes, encoding: str | None = None) -> Extracted:
    """A text or HTML file; raises :class:`gaudit.decode.BinaryFileError` for binary bytes."""
    return from_decoded(decode(data, encoding))


def from_decoded(decoded: DecodedText) -> Extracted:
    """Text already decoded, as a plain-text or an HTML source."""
    if not HTML_HINT_RE.search(decoded.text):
        return Extracted(InputFormat.TEXT, decoded.text, decoded.text, encoding=decoded.encoding,
                         confidence=decoded.confidence, bad_byte_offset=decoded.bad_byte_offset)
    from gaudit.sources.html import html_to_text  # the HTML parser only when a page is met

    text, offsets, saw_table = html_to_text(decoded.text)
    return Extracted(InputFormat.HTML, decoded.text, text, offsets, encoding=decoded.encoding,
                     confidence=decoded.confidence, bad_byte_offset=decoded.bad_byte_offset,
                     html_table=saw_table)
