"""text-layer: the file has no text gaudit can read, although it is a document.

A PDF whose pages are only images (a scan) has no text at all; one whose fonts carry no
usable Unicode map gives a text layer of mojibake.  Either way the report's tables cannot be
read, so this is said once for the whole file, and no other check runs on it (it would only
report the tables as missing or the file as not a report).  Optical character recognition
is not attempted: its errors would turn into false arithmetic findings.

Parameters
----------
condition : str
    ``scanned`` (pages that are only images) or ``garbled`` (a text layer without a usable
    Unicode map).

Placeholders: ``{pages}`` (pages that are only images, for ``scanned``).

Examples
--------
1. PASS — a PDF with a text layer, a Word file, any text or HTML file.
2. FAIL (``condition: scanned``) — a PDF of two page images and no text: one hit at 1:1.
3. FAIL (``condition: garbled``) — a PDF whose text reads ``¿”¿¡fl…``: one hit at 1:1.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks.base import CheckType, Hit, Param
from gaudit.model import Document


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    if doc.condition == params["condition"]:
        yield Hit(1, 1, {"pages": doc.image_pages})


CHECK = CheckType(
    name="text-layer",
    doc=__doc__ or "",
    params={"condition": Param("choice", "scanned or garbled", choices=("scanned", "garbled"))},
    placeholders=frozenset({"pages"}),
    run=run,
)
