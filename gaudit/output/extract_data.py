"""``extract --format json`` and ``--format csv``: the statutory tables as data.

The JSON is the ``gaudit.extract/1`` contract: per file its path, year, template and every
row and column of each table found (``null`` for a blank cell, the raw text for a cell that
is not a number), written file by file as results arrive so memory stays flat.  The CSV has
one row per cell, named by the template's words.
"""

from __future__ import annotations

import csv
from typing import Any, TextIO

from gaudit.labels import TABLE_KEYS, column_label, row_label
from gaudit.model import FailedFile, FileResult, Table
from gaudit.output.base import OutputOptions
from gaudit.output.contract import tool_object
from gaudit.output.json_stream import ArrayStream, dumps, key_prefix
from gaudit.summary import Summary

__all__ = ["SCHEMA", "ExtractCsvWriter", "ExtractJsonWriter", "extract_to_contract", "table_to_contract"]

SCHEMA = "gaudit.extract/1"
CSV_HEADER = ("path", "year", "template", "table", "row", "column", "label", "value")


def table_to_contract(table: Table) -> dict[str, dict[str, Any]]:
    return {row_key: {col: cell.value for col, cell in row.cells.items()} for row_key, row in table.rows.items()}


def extract_to_contract(result: FileResult, lang: str = "zh") -> dict[str, Any]:
    """One file object of the ``gaudit.extract/1`` contract."""
    if isinstance(result, FailedFile):
        return {"path": result.path, "status": "error",
                "error": {"kind": result.error.kind, "message": result.error.message.get(lang)}}
    tables = result.tables
    out: dict[str, Any] = {
        "path": result.path,
        "status": "ok",
        "year": result.year,
        "template": result.template,
        "tables": {k: table_to_contract(tables[k]) for k in TABLE_KEYS if k in tables},
    }
    ambiguous = {k: list(t.ambiguous_rows) for k, t in tables.items() if t.ambiguous_rows}
    if ambiguous:
        out["ambiguous"] = ambiguous
    return out


class ExtractJsonWriter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self._stream = stream
        self._options = options
        self._files = ArrayStream(stream, depth=1)

    def start(self) -> None:
        self._stream.write("{" + key_prefix("schema", 0, first=True) + dumps(SCHEMA, 1))
        self._stream.write(key_prefix("tool", 0) + dumps(tool_object(self._options.tool_version), 1))
        self._stream.write(key_prefix("files", 0))
        self._files.open()

    def add(self, result: FileResult) -> None:
        self._files.add(extract_to_contract(result, self._options.lang))

    def finish(self, summary: Summary) -> None:
        self._files.close()
        self._stream.write("\n}\n")
        self._stream.flush()


class ExtractCsvWriter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self._stream = stream
        self._lang = options.lang
        self._csv = csv.writer(stream, lineterminator="\n")

    def start(self) -> None:
        self._csv.writerow(CSV_HEADER)

    def add(self, result: FileResult) -> None:
        if isinstance(result, FailedFile):
            return
        year, fmt = result.year or "", result.template or ""
        for key in TABLE_KEYS:
            table = result.tables.get(key)
            if table is None:
                continue
            for row_key, row in table.rows.items():
                for column, cell in row.cells.items():
                    label = (f"{row_label(key, table.template, row_key).get(self._lang)} / "
                             f"{column_label(key, table.template, row_key, column).get(self._lang)}")
                    value = "" if cell.value is None else cell.value
                    self._csv.writerow((result.path, year, fmt, key, row_key, column, label, value))

    def finish(self, summary: Summary) -> None:
        self._stream.flush()
