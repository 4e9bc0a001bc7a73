"""``gaudit extract``: the statutory tables as data (JSON, CSV) or as tables to read.

The JSON follows the ``gaudit.extract/1`` contract: every row and column of a
found table under the template's keys, ``null`` for a blank cell and the raw
text for a cell that is not a number.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from gaudit import __version__
from gaudit.audit import AuditOptions, InputError, Job, load_document
from gaudit.model import Document, Table
from gaudit.template import TABLE_KEYS, TABLE_TITLES, spec

SCHEMA = "gaudit.extract/1"
FORMATS = ("json", "csv", "table")


def table_to_contract(table: Table) -> dict[str, dict[str, Any]]:
    return {
        row_key: {col: cell.value for col, cell in row.cells.items()}
        for row_key, row in table.rows.items()
    }


def document_to_contract(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {
        "path": doc.path,
        "status": "ok",
        "year": doc.facts.year,
        "template": doc.facts.template,
        "tables": {k: table_to_contract(doc.tables[k]) for k in TABLE_KEYS if k in doc.tables},
    }
    ambiguous = {k: list(t.ambiguous_rows) for k, t in doc.tables.items() if t.ambiguous_rows}
    if ambiguous:
        out["ambiguous"] = ambiguous
    return out


def extract_input(job: Job, options: AuditOptions) -> dict[str, Any]:
    """One file's contract object; never raises."""
    try:
        return document_to_contract(load_document(job, options))
    except InputError as exc:
        err = exc.file_error(options.lang)
        return {"path": job.input.display, "status": "error",
                "error": {"kind": err.kind, "message": err.message}}
    except Exception as exc:  # isolation, as in audit_input
        return {"path": job.input.display, "status": "error",
                "error": {"kind": "internal", "message": f"{type(exc).__name__}: {exc}"}}


def write_json(files: Iterable[dict[str, Any]], out: TextIO) -> None:
    """The ``gaudit.extract/1`` document, each file written as it comes (memory stays flat)."""
    from gaudit.output.json_stream import ArrayStream, dumps, key_prefix

    out.write("{" + key_prefix("schema", 0, first=True) + dumps(SCHEMA, 1))
    out.write(key_prefix("tool", 0) + dumps({"name": "gaudit", "version": __version__}, 1))
    out.write(key_prefix("files", 0))
    array = ArrayStream(out, depth=1)
    array.open()
    for f in files:
        array.add(f)
    array.close()
    out.write("\n}\n")


def _labels(template: str, table: str, row: str, column: str) -> str:
    row_spec = spec(table, template).row(row)
    if row_spec is None:
        return ""
    col_label = next((c.label for c in row_spec.columns if c.key == column), column)
    return f"{row_spec.group}{row_spec.label} / {col_label}"


def write_csv(files: Iterable[dict[str, Any]], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["path", "year", "template", "table", "row", "column", "label", "value"])
    for f in files:
        for table, rows in f.get("tables", {}).items():
            for row, cells in rows.items():
                for column, value in cells.items():
                    writer.writerow([
                        f["path"], f.get("year") or "", f.get("template") or "", table, row,
                        column, _labels(f["template"], table, row, column),
                        "" if value is None else value,
                    ])


def write_tables(files: Iterable[dict[str, Any]], out: TextIO, lang: str = "zh") -> None:
    """The three tables laid out as the template lays them out (rich)."""
    from rich.console import Console
    from rich.table import Table as RichTable

    console = Console(file=out, highlight=False)
    blank = "(空)" if lang == "zh" else "(blank)"
    for f in files:
        console.rule(f"{f['path']}", style="bold")
        if f["status"] != "ok":
            console.print(f"[red]{f['error']['message']}[/red]")
            continue
        if not f["tables"]:
            console.print("未找到法定统计表" if lang == "zh" else "no statutory table found")
        for key, rows in f["tables"].items():
            layout = spec(key, f["template"])
            # Lines between rows: a label wrapped over lines still reads as one row.
            grid = RichTable(title=TABLE_TITLES[key], show_lines=True)
            # Labels and headers wrap (fold) rather than end in "…": in 80 columns a table of
            # nine columns would otherwise show "第二 …" for every row of the active table.
            grid.add_column("项目" if lang == "zh" else "row", overflow="fold")
            for col in layout.column_keys:
                label = next(c.label for r in layout.rows for c in r.columns if c.key == col)
                grid.add_column(label, justify="right", overflow="fold")
            group = ""
            for row_spec in layout.rows:
                cells = rows.get(row_spec.key, {})
                values = []
                for col in layout.column_keys:
                    if col not in cells:
                        values.append("")
                        continue
                    value = cells[col]
                    if value is None:
                        values.append(f"[dim]{blank}[/dim]")
                    elif isinstance(value, str):
                        values.append(f"[yellow]{value}[/yellow]")
                    else:
                        values.append(str(value))
                # A group label stands once, over its first row, as in the template's merged cell.
                label = row_spec.label if row_spec.group == group else f"{row_spec.group} {row_spec.label}".strip()
                group = row_spec.group
                grid.add_row(label, *values)
            console.print(grid)
