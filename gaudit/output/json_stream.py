"""Write one JSON document whose big array arrives an element at a time.

The ``json`` and ``sarif`` documents hold one entry per audited file.  Kept in
a list until the end, they made memory grow with the number of files; written
as they come, memory stays flat whatever the folder's size.  The bytes are
those ``json.dumps(document, ensure_ascii=False, indent=2)`` would give for the
whole document, so streaming changes nothing a reader of the output can see.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

_INDENT = 2


def dumps(value: Any, depth: int = 0) -> str:
    """``value`` as indented JSON that stands ``depth`` levels deep in a document.

    ``json.dumps`` escapes line breaks inside strings, so every raw ``\\n`` in its output
    starts a line of the layout and can take the extra indentation.
    """
    text = json.dumps(value, ensure_ascii=False, indent=_INDENT)
    return text.replace("\n", "\n" + " " * (_INDENT * depth)) if depth else text


class ArrayStream:
    """The elements of one JSON array ``depth`` levels deep, written as they are added.

    The caller writes the text before the array's ``[`` and after its ``]``; ``open``
    and ``close`` write the brackets with the layout ``json.dumps`` uses.
    """

    def __init__(self, stream: TextIO, depth: int) -> None:
        self._stream = stream
        self._depth = depth
        self._count = 0

    def open(self) -> None:
        self._stream.write("[")

    def add(self, value: Any) -> None:
        pad = " " * (_INDENT * (self._depth + 1))
        self._stream.write(("," if self._count else "") + "\n" + pad + dumps(value, self._depth + 1))
        self._count += 1

    def close(self) -> None:
        # An empty array is "[]" on one line; otherwise the "]" stands on its own line.
        self._stream.write("\n" + " " * (_INDENT * self._depth) + "]" if self._count else "]")


def key_prefix(key: str, depth: int, first: bool = False) -> str:
    """The text that opens member ``key`` of an object ``depth`` levels deep (``"key": ``)."""
    return ("" if first else ",") + "\n" + " " * (_INDENT * (depth + 1)) + json.dumps(key) + ": "
