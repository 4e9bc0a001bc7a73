"""``--format json``: the ``gaudit.check/1`` document, written file by file.

Each file's object is written as soon as it is audited (files arrive in path
order), so memory does not grow with the number of files; the summary closes
the document.  The document is indented, keeps Chinese as is and carries no
timestamp, so the same input always gives the same bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from gaudit.output.contract import SCHEMA, file_to_contract, tool_object
from gaudit.output.json_stream import ArrayStream, dumps, key_prefix

if TYPE_CHECKING:
    from gaudit.model import FileResult
    from gaudit.output.base import OutputOptions
    from gaudit.summary import Summary


class JsonWriter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self._stream = stream
        self._options = options
        self._files = ArrayStream(stream, depth=1)

    def start(self) -> None:
        self._stream.write("{")
        self._stream.write(key_prefix("schema", 0, first=True) + dumps(SCHEMA, 1))
        self._stream.write(key_prefix("tool", 0) + dumps(tool_object(self._options.tool_version), 1))
        self._stream.write(key_prefix("files", 0))
        self._files.open()

    def add(self, result: FileResult) -> None:
        self._files.add(file_to_contract(result, self._options.lang))

    def finish(self, summary: Summary) -> None:
        self._files.close()
        self._stream.write(key_prefix("summary", 0) + dumps(summary.to_contract(), 1))
        self._stream.write("\n}\n")
        self._stream.flush()
