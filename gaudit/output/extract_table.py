"""``extract --format table``: the three tables laid out as the template lays them out.

Read by a person in a terminal: labels and headers wrap rather than end in ``…`` (in 80
columns a nine-column table would otherwise show ``第二 …`` on every row), lines stand between
rows so a wrapped label still reads as one row, and a group label stands once, over its first
row, as in the template's merged cell.  Everything that comes from a report is printed as
text, never as console markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from gaudit.labels import TABLE_KEYS, table_columns, table_rows, table_title
from gaudit.model import FailedFile, FileResult, Table
from gaudit.output.base import OutputOptions
from gaudit.summary import Summary

if TYPE_CHECKING:
    from rich.table import Table as RichTable

__all__ = ["ExtractTableWriter"]

_WORDS = {
    "zh": {"blank": "(空)", "row": "项目", "none": "未找到法定统计表"},
    "en": {"blank": "(blank)", "row": "row", "none": "no statutory table found"},
}


class ExtractTableWriter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        from rich.console import Console

        self._lang = "en" if options.lang == "en" else "zh"
        self._words = _WORDS[self._lang]
        self._console = Console(file=stream, highlight=False, markup=False, emoji=False,
                                width=options.width,
                                color_system=None if options.color is False else "auto",
                                force_terminal=True if options.color else None)

    def start(self) -> None:
        pass

    def add(self, result: FileResult) -> None:
        from rich.text import Text

        console = self._console
        console.rule(Text(result.path, style="bold"), style="bold")
        if isinstance(result, FailedFile):
            console.print(Text(result.error.message.get(self._lang), style="red"))
            return
        if not result.tables:
            console.print(Text(self._words["none"]))
        for key in TABLE_KEYS:
            table = result.tables.get(key)
            if table is not None:
                console.print(self._grid(table))

    def _grid(self, table: Table) -> RichTable:
        from rich.table import Table as RichTable
        from rich.text import Text

        lang = self._lang
        grid = RichTable(title=table_title(table.key).get(lang), show_lines=True)
        grid.add_column(self._words["row"], overflow="fold")
        columns = table_columns(table.key, table.template)
        for _, header in columns:
            grid.add_column(Text(header.get(lang)), justify="right", overflow="fold")
        group = ""
        for row_key, group_words, row_words in table_rows(table.key, table.template):
            row = table.rows.get(row_key)
            values: list[Text] = []
            for column, _ in columns:
                cell = row.cells.get(column) if row is not None else None
                if cell is None:
                    values.append(Text(""))
                elif cell.value is None:
                    values.append(Text(self._words["blank"], style="dim"))
                elif isinstance(cell.value, str):
                    values.append(Text(cell.value, style="yellow"))
                else:
                    values.append(Text(str(cell.value)))
            shown_group = group_words.get(lang)
            label = row_words.get(lang)
            if shown_group and shown_group != group:
                label = f"{shown_group} {label}"
            group = shown_group
            grid.add_row(Text(label), *values)
        return grid

    def finish(self, summary: Summary) -> None:
        self._console.file.flush()

