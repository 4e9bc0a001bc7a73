"""Input sources: one module per file format, each turning bytes into :class:`Extracted` text.

:func:`read_source` sniffs the bytes once and hands them to the source for their format;
the file's extension is only a hint where the bytes do not say (a ``.doc`` that is really
HTML, as government sites often serve, is read as HTML).  A new input format is a new module
here and one line in :func:`sniff`.
"""

from __future__ import annotations

from gaudit.sources.base import Condition, Extracted, SourceError
from gaudit.sources.sniff import sniff
from gaudit.sources.text import read_text

__all__ = ["Condition", "Extracted", "SourceError", "read_source", "sniff"]


def read_source(data: bytes, encoding: str | None = None) -> Extracted:
    """The text of one file, whatever its format.

    Raises :class:`SourceError` when no source can read it, and
    :class:`gaudit.decode.BinaryFileError` for bytes that are no report format at all.
    """
    sniff(data)
    return read_text(data, encoding)
