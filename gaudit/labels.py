"""The words gaudit uses for the statutory template's tables, rows, columns and sections.

Built once, here, from :mod:`gaudit.template`, in both languages: the engine stamps these
labels on each finding, extract writers name columns with them, and no writer opens the
template itself, so a row reads the same in a message, a terminal header and a spreadsheet.
"""

from __future__ import annotations

from gaudit import template
from gaudit.i18n import Bilingual

__all__ = ["SECTION_TITLES_EN", "TABLE_KEYS", "TABLE_TITLES_EN", "column_label", "row_columns",
           "row_label", "section_title", "table_columns", "table_rows", "table_title"]

#: The statutory tables in report order.
TABLE_KEYS = template.TABLE_KEYS

TABLE_TITLES_EN: dict[str, str] = {
    "active": "proactive disclosure",
    "applications": "applications received and handled",
    "reviews": "administrative reviews and lawsuits",
}
SECTION_TITLES_EN: dict[int, str] = {
    1: "overview",
    2: "proactive disclosure",
    3: "applications received and handled",
    4: "administrative reviews and lawsuits",
    5: "main problems and improvements",
    6: "other matters to report",
}


def _spec_row(table: str, fmt: str | None, row: str) -> template.RowSpec | None:
    for f in (fmt, *template.TEMPLATES):
        if f in template.TEMPLATES and (table, f) in template.SPECS:
            spec_row = template.spec(table, f).row(row)
            if spec_row is not None:
                return spec_row
    return None


def row_label(table: str, fmt: str | None, row: str) -> Bilingual:
    """The template's label of a row, with its group where the label alone is ambiguous."""
    spec_row = _spec_row(table, fmt, row)
    if spec_row is None:
        return Bilingual(row, row)
    zh = spec_row.label
    if spec_row.group and (zh[:1].isdigit() or table == "reviews"):
        zh = f"{spec_row.group} {zh}"
    return Bilingual(zh, spec_row.label_en or row)


def column_label(table: str, fmt: str | None, row: str | None, column: str) -> Bilingual:
    """The template's label of a column (looked up in ``row`` first: 2019 active rows differ)."""
    rows = []
    if row is not None:
        spec_row = _spec_row(table, fmt, row)
        if spec_row is not None:
            rows.append(spec_row)
    for f in (fmt, *template.TEMPLATES):
        if f in template.TEMPLATES:
            rows.extend(template.spec(table, f).rows)
    for r in rows:
        for c in r.columns:
            if c.key == column:
                return Bilingual(c.label, c.label_en)
    return Bilingual(column, column)


def table_title(table: str) -> Bilingual:
    return Bilingual(template.TABLE_TITLES.get(table, table), TABLE_TITLES_EN.get(table, table))


_NUMERALS = "一二三四五六"


def section_title(number: int) -> Bilingual:
    """``五、存在的主要问题及改进情况`` / ``section 5 (main problems and improvements)``."""
    if not 1 <= number <= 6:
        return Bilingual(str(number), str(number))
    return Bilingual(f"{_NUMERALS[number - 1]}、{template.SECTION_HEADINGS[number]}",
                     f"section {number} ({SECTION_TITLES_EN[number]})")


def table_columns(table: str, fmt: str) -> tuple[tuple[str, Bilingual], ...]:
    """(key, label) of every column of a table as the template lays it out."""
    layout = template.spec(table, fmt)
    out: list[tuple[str, Bilingual]] = []
    for key in layout.column_keys:
        column = next(c for r in layout.rows for c in r.columns if c.key == key)
        out.append((key, Bilingual(column.label, column.label_en)))
    return tuple(out)


def table_rows(table: str, fmt: str) -> tuple[tuple[str, Bilingual, Bilingual], ...]:
    """(key, group label, row label) of every row of a table, in template order; the group is
    the merged cell the row stands under (empty where there is none; English labels name
    their group themselves)."""
    return tuple((r.key, Bilingual(r.group, ""), Bilingual(r.label, r.label_en or r.key))
                 for r in template.spec(table, fmt).rows)


def row_columns(table: str, fmt: str, row: str) -> tuple[str, ...]:
    """The column keys a row has (2019 active rows have fewer than the table)."""
    spec_row = template.spec(table, fmt).row(row)
    return tuple(c.key for c in spec_row.columns) if spec_row is not None else ()
