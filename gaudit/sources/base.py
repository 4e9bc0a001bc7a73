"""What every input source gives the reading stages: text, and where each part of it came from.

A source turns the bytes of one file format into :class:`Extracted`: the text gaudit reads,
the text positions are reported in (the file's own text for plain text and HTML, the text
gaudit drew from the file for PDF and Word), an offset map between the two, and for paged
formats the line at which each page begins.  Sources know nothing of reports: sections,
tables and rules come later.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from gaudit.i18n import Bilingual, UserError
from gaudit.model import InputFormat

__all__ = ["Condition", "Extracted", "InputFormat", "SourceError"]

#: Whether the text a source drew is usable: ``scanned`` (pages that are only images) and
#: ``garbled`` (a text layer without a usable Unicode map) have no readable report text.
Condition = Literal["text", "scanned", "garbled"]


@dataclass(frozen=True)
class Extracted:
    """One file as a source read it."""

    format: InputFormat
    display: str
    """The text positions refer to: the file's own text (TXT, HTML) or the text drawn from it."""
    text: str
    """The text the reading stages read (HTML already turned into lines and pipe rows)."""
    offsets: Sequence[int] | None = None
    """``offsets[i]`` is the offset in ``display`` of ``text[i]`` (``len(text) + 1`` entries);
    ``None`` when ``text`` is ``display``."""
    page_starts: tuple[int, ...] = ()
    """0-based line numbers of ``display`` at which each page begins (paged formats only)."""
    encoding: str | None = None
    """The text codec used (text formats), or ``None`` where the format fixes it."""
    confidence: float | None = None
    bad_byte_offset: int | None = None
    """Offset in ``display`` of the first character that replaced undecodable bytes."""
    html_table: bool = False
    """The HTML held a ``<table>`` (its rows are pipe rows in ``text``)."""
    condition: Condition = "text"
    image_pages: int = 0
    """Pages that are only images (paged formats)."""


class SourceError(UserError):
    """A file its source cannot read; ``kind`` is the stable key of the JSON ``error``
    (``encrypted``, ``broken``, ``not-word``, ``too-large``, ``unsafe-xml`` …)."""

    def __init__(self, kind: str, zh: str, en: str) -> None:
        super().__init__(Bilingual(zh, en))
        self.kind = kind

    @property
    def zh(self) -> str:
        return self.message.zh

    @property
    def en(self) -> str:
        return self.message.en

    def __reduce__(self) -> tuple[type[SourceError], tuple[str, str, str]]:
        # Pickled whole, so that the error crosses a process pool intact.
        return (type(self), (self.kind, self.zh, self.en))
