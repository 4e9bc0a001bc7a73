"""``--format json``: the whole ``gaudit.check/1`` document, written at the end.

Only the small contract dicts are held until :meth:`JsonWriter.finish`; the
document is indented, keeps Chinese as is and carries no timestamp, so the
same input always gives the same bytes.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from gaudit.output.contract import SCHEMA, file_to_contract, tool_object

if TYPE_CHECKING:
    from gaudit.model import FileResult
    from gaudit.output.base import OutputOptions
    from gaudit.summary import Summary


class JsonWriter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self._stream = stream
        self._options = options
        self._files: list[dict[str, Any]] = []

    def start(self) -> None:
        pass

    def add(self, result: FileResult) -> None:
        self._files.append(file_to_contract(result))

    def finish(self, summary: Summary) -> None:
        # Results arrive in path order; sorting again keeps the contract even if a caller does not.
        self._files.sort(key=lambda f: f["path"])
        document = {
            "schema": SCHEMA,
            "tool": tool_object(self._options.tool_version),
            "files": self._files,
            "summary": summary.to_contract(),
        }
        self._stream.write(json.dumps(document, ensure_ascii=False, indent=2))
        self._stream.write("\n")
        self._stream.flush()
