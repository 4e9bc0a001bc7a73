"""The statutory tables as the template lays them out, as plain data for the HTML page.

Each (table, template) becomes a list of header rows and a list of body rows.  A header
entry is ``[text, colspan, rowspan]``; a body entry is ``["th", text, colspan, rowspan]`` for
a label or ``["td", index, colspan]`` for a value cell, ``index`` counting the value cells in
reading order, so that a report's values travel as one flat list (:func:`cell_keys`).  The
page's script only draws what it is given: every layout decision is taken here.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from gaudit.labels import row_columns, table_columns, table_rows, table_title

__all__ = ["cell_keys", "layout"]

_ORGS = {"zh": "法人或其他组织", "en": "legal persons and other organisations"}
_LITIGATION = {"zh": "行政诉讼", "en": "administrative litigation"}
_CONTENT = {"zh": "信息内容", "en": "item"}


def _runs(rows: tuple[tuple[str, str], ...]) -> list[tuple[str, int]]:
    """Consecutive equal groups as (group, length)."""
    runs: list[tuple[str, int]] = []
    for _, group in rows:
        if runs and runs[-1][0] == group:
            runs[-1] = (group, runs[-1][1] + 1)
        else:
            runs.append((group, 1))
    return runs


def _active(fmt: str, lang: str) -> tuple[list[Any], list[Any], list[tuple[str, str]]]:
    """Blocks, one per article item: a header row of the block's columns, then its rows."""
    labels = dict(table_columns("active", fmt))
    width = max(len(row_columns("active", fmt, key)) for key, _, _ in table_rows("active", fmt))
    body: list[Any] = []
    keys: list[tuple[str, str]] = []
    previous: tuple[str, tuple[str, ...]] | None = None
    for key, group, label in table_rows("active", fmt):
        columns = row_columns("active", fmt, key)
        if (group.zh, columns) != previous:
            head: list[Any] = [["th", group.get(lang) or _CONTENT[lang], 1, 1]]
            head += [["th", labels[c].get(lang), 1 if i < len(columns) - 1 else width - i, 1]
                     for i, c in enumerate(columns)]
            body.append(head)
            previous = (group.zh, columns)
        row: list[Any] = [["th", label.get(lang), 1, 1]]
        for i, column in enumerate(columns):
            row.append(["td", len(keys), 1 if i < len(columns) - 1 else width - i])
            keys.append((key, column))
        body.append(row)
    return [], body, keys


def _applications(fmt: str, lang: str) -> tuple[list[Any], list[Any], list[tuple[str, str]]]:
    """Applicants across, rows down; the merged group cells on the left."""
    columns = table_columns("applications", fmt)
    rows = table_rows("applications", fmt)
    labels = [label.get(lang) for _, label in columns]
    head: list[Any] = [
        [["", 2, 2], [labels[0], 1, 2], [_ORGS[lang], len(columns) - 2, 1], [labels[-1], 1, 2]],
        [[text, 1, 1] for text in labels[1:-1]],
    ]
    spans = iter(_runs(tuple((key, group.get("zh")) for key, group, _ in rows)))
    left = 0
    body: list[Any] = []
    keys: list[tuple[str, str]] = []
    for key, group, label in rows:
        row: list[Any] = []
        if left == 0:
            name, left = next(spans)
            if name and group.get(lang):
                row.append(["th", group.get(lang), 1, left])
        if group.get(lang):
            row.append(["th", label.get(lang), 1, 1])
        else:
            row.append(["th", label.get(lang), 2, 1])
        left -= 1
        for column in row_columns("applications", fmt, key):
            row.append(["td", len(keys), 1])
            keys.append((key, column))
        body.append(row)
    return head, body, keys


def _reviews(fmt: str, lang: str) -> tuple[list[Any], list[Any], list[tuple[str, str]]]:
    """One header block over one row of fifteen numbers, as the template has it."""
    rows = table_rows("reviews", fmt)
    columns = table_columns("reviews", fmt)
    n = len(columns)
    head: list[Any] = [[[rows[0][2].get(lang), n, 1], [_LITIGATION[lang], n * (len(rows) - 1), 1]]]
    second: list[Any] = [[label.get(lang), 1, 2] for _, label in columns]
    second += [[label.get(lang), n, 1] for _, _, label in rows[1:]]
    head.append(second)
    head.append([[label.get(lang), 1, 1] for _ in rows[1:] for _, label in columns])
    keys = [(key, column) for key, _, _ in rows for column in row_columns("reviews", fmt, key)]
    body: list[Any] = [[["td", i, 1] for i in range(len(keys))]]
    return head, body, keys


_BUILDERS = {"active": _active, "applications": _applications, "reviews": _reviews}


@cache
def _build(table: str, fmt: str, lang: str) -> tuple[dict[str, Any], tuple[tuple[str, str], ...]]:
    head, body, keys = _BUILDERS[table](fmt, lang)
    return {"title": table_title(table).get(lang), "head": head, "body": body}, tuple(keys)


def layout(table: str, fmt: str, lang: str) -> dict[str, Any]:
    """The header and body rows of ``table`` in template ``fmt``, worded in ``lang``."""
    return _build(table, fmt, lang)[0]


def cell_keys(table: str, fmt: str) -> tuple[tuple[str, str], ...]:
    """(row, column) of each value cell of the layout, in the order the body refers to them."""
    return _build(table, fmt, "zh")[1]
