"""``--format jsonl``: one record per line, each a JSON object with a ``type``.

File records are ``gaudit.check/1`` file objects with ``"type": "file"``; the last line is
the summary record ``{"type": "summary", "summary": {…}}``.  Both are objects told apart
by ``type``.  Backward compatibility: earlier versions wrote ``{"summary": {…}}`` and file
objects without ``type``; a reader that tells them apart by the ``summary`` key, or by
``path`` (which only file records have), keeps working, and every key added is new.

Each line is written and flushed as soon as its file is audited, so a consumer
reading the pipe sees the first file before the last one is read.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, TextIO

from gaudit.output.contract import file_to_contract

if TYPE_CHECKING:
    from gaudit.model import FileResult
    from gaudit.output.base import OutputOptions
    from gaudit.summary import Summary

# Characters json.dumps(ensure_ascii=False) leaves raw but str.splitlines() and many
# line readers treat as line breaks; escaped, each object stays on one line.
_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")


def _escape_break(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


class JsonlWriter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self._options = options
        self._stream = stream

    def start(self) -> None:
        pass

    def _line(self, obj: object) -> None:
        # No indent: json.dumps escapes \n and other C0 controls inside strings.
        text = _LINE_BREAKS.sub(_escape_break, json.dumps(obj, ensure_ascii=False))
        self._stream.write(text + "\n")
        self._stream.flush()

    def add(self, result: FileResult) -> None:
        self._line({"type": "file", **file_to_contract(result, self._options.lang)})

    def finish(self, summary: Summary) -> None:
        self._line({"type": "summary", "summary": summary.to_contract()})
