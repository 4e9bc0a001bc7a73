"""Output writers, one small module per ``--format``, behind one dispatch.

``make_writer(Format.JSON, stream, options)`` returns an object with
``start()``, ``add(result)`` (once per file, in path order, as each file is
audited) and ``finish(summary)``.  Writers see only ``FileResult`` objects and
rule metadata; each format's module is imported only when it is chosen, so
rich is loaded for the terminal format alone.  XLSX is binary: its writers refuse a
terminal or a pipe with :class:`OutputRefused` (a :class:`~gaudit.i18n.UserError`).
"""

from __future__ import annotations

from typing import NoReturn, TextIO

from gaudit.output.base import (
    BINARY_FORMATS,
    DETAIL_FORMATS,
    MACHINE_FORMATS,
    ExtractFormat,
    Format,
    OutputOptions,
    OutputRefused,
    RuleInfo,
    Writer,
)
from gaudit.output.contract import file_to_contract

__all__ = ["BINARY_FORMATS", "DETAIL_FORMATS", "MACHINE_FORMATS", "ExtractFormat", "Format", "OutputOptions",
           "OutputRefused", "RuleInfo", "Writer",
           "file_to_contract", "make_extract_writer", "make_writer"]


def _never(value: NoReturn) -> NoReturn:
    """Exhaustiveness check: mypy fails here when a ``Format`` is not handled."""
    raise AssertionError(f"unhandled format: {value!r}")


def make_writer(fmt: Format, stream: TextIO, options: OutputOptions) -> Writer:
    """The writer for ``fmt``, writing to ``stream``."""
    # Each format's module is imported when it is chosen (here and below): rich, which costs
    # ~0.1 s to import, loads for the human formats alone.
    if fmt is Format.TERMINAL:
        from gaudit.output.terminal import TerminalWriter

        return TerminalWriter(stream, options)
    if fmt is Format.JSON:
        from gaudit.output.json_writer import JsonWriter

        return JsonWriter(stream, options)
    if fmt is Format.JSONL:
        from gaudit.output.jsonl_writer import JsonlWriter

        return JsonlWriter(stream, options)
    if fmt is Format.SARIF:
        from gaudit.output.sarif import SarifWriter

        return SarifWriter(stream, options)
    if fmt is Format.GITHUB:
        from gaudit.output.github import GithubWriter

        return GithubWriter(stream, options)
    if fmt is Format.JUNIT:
        from gaudit.output.junit import JunitWriter

        return JunitWriter(stream, options)
    if fmt is Format.CSV:
        from gaudit.output.csv_writer import CsvWriter

        return CsvWriter(stream, options)
    if fmt is Format.CONCISE:
        from gaudit.output.concise import ConciseWriter

        return ConciseWriter(stream, options)
    if fmt is Format.HTML:
        from gaudit.output.html import HtmlWriter

        return HtmlWriter(stream, options)
    if fmt is Format.XLSX:
        from gaudit.output.xlsx import XlsxCheckWriter

        return XlsxCheckWriter(stream, options)
    _never(fmt)


def make_extract_writer(fmt: ExtractFormat, stream: TextIO, options: OutputOptions) -> Writer:
    """The ``extract`` writer for ``fmt``: the tables of each file, no findings."""
    if fmt is ExtractFormat.JSON:
        from gaudit.output.extract_data import ExtractJsonWriter

        return ExtractJsonWriter(stream, options)
    if fmt is ExtractFormat.CSV:
        from gaudit.output.extract_data import ExtractCsvWriter

        return ExtractCsvWriter(stream, options)
    if fmt is ExtractFormat.TABLE:
        from gaudit.output.extract_table import ExtractTableWriter

        return ExtractTableWriter(stream, options)
    if fmt is ExtractFormat.XLSX:
        from gaudit.output.xlsx_extract import XlsxExtractWriter

        return XlsxExtractWriter(stream, options)
    _never(fmt)
