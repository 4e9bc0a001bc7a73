"""encoding: the file's bytes could not all be decoded in its encoding.

The reading stage replaces undecodable bytes and records where the first one
was (``Document.bad_byte``); this check reports that place, so that a damaged
file is audited as far as possible and the damage is still visible.

Parameters
----------
(none)

Placeholders: ``{encoding}`` (the codec used).

Examples
--------
1. PASS — a file that decodes strictly as UTF-8, GB18030 or Big5.
2. FAIL — a GBK file with one truncated two-byte character on line 12, column 7:
   one hit at 12:7.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks.base import CheckType, Hit
from gaudit.model import Document


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    if doc.bad_byte is not None:
        yield Hit(doc.bad_byte.line, doc.bad_byte.col, {"encoding": doc.encoding})


CHECK = CheckType(
    name="encoding",
    doc=__doc__ or "",
    params={},
    placeholders=frozenset({"encoding"}),
    run=run,
)
