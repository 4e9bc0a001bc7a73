"""``--format csv``: one row per finding, for spreadsheets.

Files that could not be read get one row with severity ``error``, rule
``gaudit`` and kind ``unreadable``, so a sheet of findings also shows them.
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, TextIO

from gaudit.model import FailedFile, FileResult

if TYPE_CHECKING:
    from gaudit.output.base import OutputOptions
    from gaudit.summary import Summary

HEADER = ("path", "line", "col", "severity", "rule", "kind", "section", "table", "row", "column",
          "expected", "actual", "message")


def _cell(value: object) -> object:
    return "" if value is None else value


class CsvWriter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self._stream = stream
        self._csv = csv.writer(stream, lineterminator="\n")
        self._lang = options.lang

    def start(self) -> None:
        self._csv.writerow(HEADER)

    def add(self, result: FileResult) -> None:
        if isinstance(result, FailedFile):
            message = result.error.message.get(self._lang)
            self._csv.writerow((result.path, "", "", "error", "gaudit", "unreadable",
                                "", "", "", "", "", "", message))
            return
        self._csv.writerows(
            (result.path, f.line, f.col, f.severity.value, f.rule, f.kind, _cell(f.section), _cell(f.table),
             _cell(f.row), _cell(f.column), _cell(f.expected), _cell(f.actual),
             f.message.get(self._lang))
            for f in result.findings
        )

    def finish(self, summary: Summary) -> None:
        self._stream.flush()
