"""What the XLSX writers share: where the workbook goes, and a sheet written row by row.

XLSX is a zip of XML parts, so it is written to a file: the one ``-o`` names (the CLI's
stream's binary buffer, or ``OutputOptions.output_path``), never to a terminal or a pipe
(:class:`~gaudit.output.base.OutputRefused`).  XlsxWriter is imported only here and only
when an XLSX is asked for; its ``constant_memory`` mode writes each row to a temporary file
as it comes, so memory stays flat however many reports are audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any, TextIO

from gaudit.i18n import Bilingual
from gaudit.output.base import OutputOptions, OutputRefused
from gaudit.output.csv_writer import spreadsheet_text, to_file

if TYPE_CHECKING:
    from xlsxwriter import Workbook
    from xlsxwriter.format import Format as CellFormat
    from xlsxwriter.worksheet import Worksheet

__all__ = ["NEEDS_FILE", "Sheet", "binary_target", "open_workbook"]

NEEDS_FILE = Bilingual(
    "XLSX 是二进制文件,不能写到终端或管道:请用 -o 文件名.xlsx 指定输出文件",
    "XLSX is a binary file and cannot be written to a terminal or a pipe: name an output file "
    "with -o FILE.xlsx")

#: Widest a column is made (characters); the cell still holds the whole text.
_MAX_WIDTH = 60


def binary_target(stream: TextIO, options: OutputOptions) -> str | IO[bytes]:
    """Where an XLSX goes: the binary side of the file the CLI opened for ``-o``, else
    ``options.output_path``; refused for stdout, a terminal or anything without a file."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None and to_file(stream, options):
        stream.flush()
        return buffer  # type: ignore[no-any-return]
    if options.output_path:
        return options.output_path
    raise OutputRefused(NEEDS_FILE)


def open_workbook(target: str | IO[bytes]) -> Workbook:
    import xlsxwriter

    return xlsxwriter.Workbook(target, {"constant_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})


def _width(value: object) -> int:
    """Display width of a cell in Excel's character units (CJK characters count double)."""
    text = value if isinstance(value, str) else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text[:_MAX_WIDTH])


class Sheet:
    """One worksheet: header rows frozen, rows appended in order, a filter on the last
    header row and column widths fitted to what was written (capped) at :meth:`close`."""

    def __init__(self, book: Workbook, name: str, header: Sequence[str], *, bold: CellFormat,
                 above: Sequence[tuple[int, int, str]] = (), freeze_cols: int = 0) -> None:
        self._sheet: Worksheet = book.add_worksheet(name[:31])
        self._columns = len(header)
        self._widths = [max(6, _width(h) + 2) for h in header]
        self._row = 0
        if above:
            # A row of group titles over the header (merged over the columns they head).
            for first, last, title in above:
                if last > first:
                    self._sheet.merge_range(0, first, 0, last, title, bold)
                else:
                    self._sheet.write_string(0, first, title, bold)
            self._row = 1
        for col, title in enumerate(header):
            self._sheet.write_string(self._row, col, title, bold)
        self._row += 1
        self._header_rows = self._row
        self._sheet.freeze_panes(self._row, freeze_cols)

    def append(self, values: Sequence[Any]) -> None:
        """Write one row: numbers as numbers, text made safe (never a formula), ``None`` blank."""
        write_row = self._sheet
        for col, value in enumerate(values):
            if value is None or value == "":
                continue
            if isinstance(value, bool):
                write_row.write_boolean(self._row, col, value)
            elif isinstance(value, (int, float)):
                write_row.write_number(self._row, col, value)
                self._fit(col, value)
            else:
                text = spreadsheet_text(str(value))
                write_row.write_string(self._row, col, text)
                self._fit(col, text)
        self._row += 1

    def _fit(self, col: int, value: object) -> None:
        if col >= len(self._widths) or self._widths[col] >= _MAX_WIDTH:
            return
        if isinstance(value, str) and 2 * len(value) + 2 <= self._widths[col]:
            return  # cannot be wider than the column already is (a character counts 2 at most)
        width = min(_MAX_WIDTH, _width(value) + 2)
        if width > self._widths[col]:
            self._widths[col] = width

    def close(self) -> None:
        """Filters on the header, readable widths."""
        self._sheet.autofilter(self._header_rows - 1, 0, max(self._row - 1, self._header_rows - 1),
                               self._columns - 1)
        for col, width in enumerate(self._widths):
            self._sheet.set_column(col, col, width)
