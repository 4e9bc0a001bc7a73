"""``extract --format xlsx -o tables.xlsx``: the three statutory tables across reports.

One sheet per table, one row per report, one column per cell of the template, headed by
the template's own words: the row's label over the column's (``规章`` over ``本年制发件数``).
Both templates share a sheet: the columns of the 2021 template come first, then the cells
only the 2019 template has (marked as such), so reports of different years line up.  A
blank cell stays blank (it is not a zero); a cell that is not a number keeps its text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from gaudit.i18n import Bilingual
from gaudit.labels import TABLE_KEYS, column_label, row_columns, row_label, table_rows, table_title
from gaudit.model import FailedFile, FileResult
from gaudit.output.base import OutputOptions
from gaudit.output.xlsx_book import Sheet, binary_target, open_workbook

if TYPE_CHECKING:
    from gaudit.summary import Summary

__all__ = ["FIRST_COLUMNS", "XlsxExtractWriter", "table_layout"]

FIRST_COLUMNS = {"zh": ("文件", "机关", "年度", "模板"), "en": ("file", "organ", "year", "template")}
_ONLY_2019 = Bilingual("(2019版)", " (2019 template)")
_TEMPLATES = ("2021", "2019")


def table_layout(table: str, lang: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The sheet's cells as (row key, column key) in order, and for each its row's title and
    its column's label (a cell only the 2019 template has says so in its label)."""
    cells: dict[tuple[str, str], str] = {}
    titles: dict[str, str] = {}
    for fmt in _TEMPLATES:
        for row, _, _ in table_rows(table, fmt):
            titles.setdefault(row, row_label(table, fmt, row).get(lang))
            for column in row_columns(table, fmt, row):
                cells.setdefault((row, column), fmt)
    # Keep each row's columns together (2019-only columns of a shared row join their row).
    order = {row: i for i, row in enumerate(titles)}
    keys = sorted(cells, key=lambda rc: order[rc[0]])
    headers = []
    for row, column in keys:
        fmt = cells[row, column]
        words = column_label(table, fmt, row, column).get(lang)
        headers.append((titles[row], words + (_ONLY_2019.get(lang) if fmt == "2019" else "")))
    return keys, headers


class XlsxExtractWriter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        lang = "en" if options.lang == "en" else "zh"
        self._book = open_workbook(binary_target(stream, options))
        bold = self._book.add_format({"bold": True, "bg_color": "#DDDDDD", "border": 1, "text_wrap": True,
                                      "valign": "top"})
        first = FIRST_COLUMNS[lang]
        self._cells: dict[str, list[tuple[str, str]]] = {}
        self._sheets: dict[str, Sheet] = {}
        for table in TABLE_KEYS:
            cells, headers = table_layout(table, lang)
            above: list[tuple[int, int, str]] = []
            for i, (title, _) in enumerate(headers, start=len(first)):
                if above and above[-1][2] == title:
                    above[-1] = (above[-1][0], i, title)
                else:
                    above.append((i, i, title))
            self._cells[table] = cells
            self._sheets[table] = Sheet(self._book, table_title(table).get(lang), [*first, *(h for _, h in headers)],
                                        bold=bold, above=above, freeze_cols=len(first))

    def start(self) -> None:
        pass

    def add(self, result: FileResult) -> None:
        if isinstance(result, FailedFile):
            return
        for key in TABLE_KEYS:
            table = result.tables.get(key)
            if table is None:
                continue
            values = []
            for row, column in self._cells[key]:
                cell = table.cell(row, column)
                values.append(None if cell is None else cell.value)
            self._sheets[key].append((result.path, result.facts.organ, result.year, table.template, *values))

    def finish(self, summary: Summary) -> None:
        for sheet in self._sheets.values():
            sheet.close()
        self._book.close()
