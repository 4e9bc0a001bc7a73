"""``--format csv``: one row per finding, for spreadsheets.

Files that could not be read get one row with severity ``error``, rule
``gaudit`` and kind ``unreadable``, so a sheet of findings also shows them.

Written for Excel as much as for scripts: a file named by ``-o`` starts with a UTF-8
byte-order mark (Excel otherwise reads it in the local code page; stdout and pipes get none,
so scripts see plain UTF-8); a text cell that a spreadsheet would take for a formula
(``=``, ``+``, ``-``, ``@`` … and not a number) is prefixed with ``'``; a line break inside a
cell is written ``\n`` and the cell quoted, so it stays one cell of one row for Excel and any
CSV reader.
"""

from __future__ import annotations

import csv
import sys
from typing import TYPE_CHECKING, TextIO

from gaudit.model import FailedFile, FileResult

if TYPE_CHECKING:
    from gaudit.output.base import OutputOptions
    from gaudit.summary import Summary

__all__ = ["BOM", "HEADER", "CsvWriter", "is_named_file", "spreadsheet_cell", "spreadsheet_text", "to_file"]

HEADER = ("path", "line", "col", "severity", "rule", "kind", "section", "table", "row", "column",
          "expected", "actual", "message")
BOM = "\ufeff"

#: First characters that make a spreadsheet read a cell as a formula (tab and carriage return
#: too: some spreadsheets strip them and read what follows).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_file(stream: TextIO, options: OutputOptions) -> bool:
    """Whether the output goes to a file: as the caller says (the CLI knows, its file may be a
    temporary one opened from a descriptor), else judged from the stream."""
    return is_named_file(stream) if options.to_file is None else options.to_file


def is_named_file(stream: TextIO) -> bool:
    """``stream`` is a file opened by name (``-o``), not stdout, a terminal or an in-memory buffer."""
    if stream is sys.stdout or stream is sys.__stdout__:
        return False
    name = getattr(stream, "name", None)
    return isinstance(name, str) and not name.startswith("<") and not stream.isatty()


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text


def spreadsheet_text(text: str) -> str:
    """``text`` made safe for a spreadsheet cell: ``'`` before a would-be formula."""
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def spreadsheet_cell(value: object) -> object:
    """A CSV cell: ``""`` for ``None``, numbers as they are, text through :func:`spreadsheet_text`
    with its line breaks written ``\n`` (the csv module quotes a field holding ``\n`` but not
    one holding a lone ``\r``, which Excel would take for the end of the row)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_text(value.replace("\r\n", "\n").replace("\r", "\n"))
    return value


class CsvWriter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self._stream = stream
        self._csv = csv.writer(stream, lineterminator="\n")
        self._lang = options.lang
        self._bom = to_file(stream, options)

    def start(self) -> None:
        if self._bom:
            self._stream.write(BOM)
        self._csv.writerow(HEADER)

    def add(self, result: FileResult) -> None:
        cell = spreadsheet_cell
        if isinstance(result, FailedFile):
            message = result.error.message.get(self._lang)
            self._csv.writerow((cell(result.path), "", "", "error", "gaudit", "unreadable",
                                "", "", "", "", "", "", cell(message)))
            return
        path = cell(result.path)
        self._csv.writerows(
            (path, f.line, f.col, f.severity.value, cell(f.rule), f.kind, cell(f.section), cell(f.table),
             cell(f.row), cell(f.column), cell(f.expected), cell(f.actual), cell(f.message.get(self._lang)))
            for f in result.findings
        )

    def finish(self, summary: Summary) -> None:
        self._stream.flush()
