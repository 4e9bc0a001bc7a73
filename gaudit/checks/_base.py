"""What every check type shares: hits, parameter specs and their validation, cell references.

A check is a function ``run(doc, params) -> Iterable[Hit]``.  A :class:`Hit`
says *where* and *what* (placeholders for the message, the keys of the table
cell concerned, the numbers compared); the engine stamps the rule's id, kind
and severity and formats the message in the user's language, so a check never
knows how serious its hits are.

Parameters are declared as :class:`Param` specs; :func:`coerce_params` checks a
rule's ``params`` mapping against them (types, defaults, unknown names) when the
rule file is loaded, so a check only ever sees valid, complete parameters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gaudit import template
from gaudit.model import Cell, Document, Table

__all__ = [
    "ANY",
    "CheckType",
    "Hit",
    "Param",
    "ParamError",
    "Text",
    "cell_ref_problem",
    "coerce_params",
    "compiled",
    "number",
    "parse_ref",
    "validate_cell_refs",
    "validate_cross_keys",
]

#: ``section: any`` — search the whole text rather than one section.
ANY = "any"

_ID_RE = re.compile(r"^[a-z_][a-z0-9_]*$")


@dataclass(frozen=True)
class Text:
    """A placeholder value that reads differently in Chinese and English."""

    zh: str
    en: str

    def __str__(self) -> str:
        return self.zh

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Hit:
    """One place where a check found its condition violated."""

    line: int
    col: int
    values: Mapping[str, object] = field(default_factory=dict)
    """Placeholders for the message (plain values or :class:`Text`)."""
    section: int | None = None
    table: str | None = None
    row: str | None = None
    column: str | None = None
    expected: int | float | None = None
    actual: int | float | str | None = None


class ParamError(Exception):
    """A parameter of a rule is wrong; ``index`` points into a list parameter."""

    def __init__(self, param: str, problem: str, index: int | None = None) -> None:
        super().__init__(problem)
        self.param = param
        self.problem = problem
        self.index = index


_REQUIRED: Any = object()


@dataclass(frozen=True)
class Param:
    """The spec of one parameter of a check type.

    ``type`` is one of: ``int``, ``number``, ``bool``, ``str``, ``regex`` (a
    pattern that must compile), ``choice`` (one of ``choices``), ``str-list``
    (a string or a list of strings), ``choice-list`` (a list of ``choices``), ``int-list``, ``sections`` (``any``, a
    section number 1-6 or a list of them), ``table`` (a table key),
    ``tables`` (a list of table keys), ``cells`` (one or more
    ``table.row.column`` references).
    """

    type: str
    doc: str
    default: Any = _REQUIRED
    choices: tuple[str, ...] = ()

    @property
    def required(self) -> bool:
        return self.default is _REQUIRED


RunFunc = Callable[[Document, Mapping[str, Any]], Iterable[Hit]]
ValidateFunc = Callable[[dict[str, Any], Sequence[str]], None]


@dataclass(frozen=True)
class CheckType:
    """A check type as rules name it in ``check:``."""

    name: str
    doc: str
    """The module docstring: parameters and numbered PASS/FAIL examples."""
    params: Mapping[str, Param]
    placeholders: frozenset[str]
    """Names a message of a rule using this check may contain."""
    run: RunFunc
    validate: ValidateFunc | None = None
    """Checks across parameters (cell keys against the formats), raising :class:`ParamError`."""


# ------------------------------------------------------------------ coercion
def _type_name(value: object) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
            list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)


def _as_list(name: str, value: object) -> list[object]:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return [value]
    if isinstance(value, list):
        return list(value)
    raise ParamError(name, f"expected a string or a list, got {_type_name(value)}")


def _coerce(name: str, spec: Param, value: object) -> object:
    kind = spec.type
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ParamError(name, f"expected an integer, got {_type_name(value)}")
        return value
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ParamError(name, f"expected a number, got {_type_name(value)}")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise ParamError(name, f"expected true or false, got {_type_name(value)}")
        return value
    if kind in ("str", "regex", "choice", "table"):
        if not isinstance(value, str):
            raise ParamError(name, f"expected a string, got {_type_name(value)}")
        if kind == "regex":
            try:
                re.compile(value)
            except re.error as exc:
                raise ParamError(name, f"bad regular expression {value!r}: {exc}") from None
        if kind == "choice" and value not in spec.choices:
            raise ParamError(name, f"{value!r} is not one of {', '.join(spec.choices)}")
        if kind == "table" and value not in template.TABLE_KEYS:
            raise ParamError(name, f"unknown table {value!r} (tables: {', '.join(template.TABLE_KEYS)})")
        return value
    if kind == "sections":
        if value == ANY:
            return ANY
        items = _as_list(name, value)
        for i, item in enumerate(items):
            if isinstance(item, bool) or not isinstance(item, int) or not 1 <= item <= 6:
                raise ParamError(name, f"expected a section number 1-6 or 'any', got {item!r}", i)
        return items
    if kind == "int-list":
        items = _as_list(name, value)
        for i, item in enumerate(items):
            if isinstance(item, bool) or not isinstance(item, int):
                raise ParamError(name, f"expected an integer, got {_type_name(item)}", i)
        return items
    # str-list, choice-list, tables, cells: lists of strings
    items = _as_list(name, value)
    if kind == "str-list":  # ``[2019]`` means the format "2019"
        items = [str(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in items]
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise ParamError(name, f"expected a string, got {_type_name(item)}", i)
        if kind == "tables" and item not in template.TABLE_KEYS:
            raise ParamError(name, f"unknown table {item!r} (tables: {', '.join(template.TABLE_KEYS)})", i)
        if kind == "choice-list" and item not in spec.choices:
            raise ParamError(name, f"{item!r} is not one of {', '.join(spec.choices)}", i)
    return items


def coerce_params(check: CheckType, params: Mapping[str, object], formats: Sequence[str]) -> dict[str, Any]:
    """Validate ``params`` against ``check``'s specs; fill defaults; raise :class:`ParamError`."""
    out: dict[str, Any] = {}
    for name in params:
        if name not in check.params:
            known = ", ".join(check.params) or "none"
            raise ParamError(name, f"unknown parameter {name!r} for check {check.name} (parameters: {known})")
    for name, spec in check.params.items():
        if name in params:
            out[name] = _coerce(name, spec, params[name])
        elif spec.required:
            raise ParamError(name, f"missing parameter {name!r} for check {check.name}")
        else:
            default = spec.default
            out[name] = list(default) if isinstance(default, (list, tuple)) else default
    if check.validate is not None:
        check.validate(out, formats)
    return out


# ------------------------------------------------------------ cell references
def parse_ref(ref: str) -> tuple[str, str, str]:
    """``"applications.new.total"`` -> ``("applications", "new", "total")`` (validated at load)."""
    table, row, column = ref.split(".")
    return table, row, column


def cell_ref_problem(ref: str, formats: Sequence[str]) -> str | None:
    """Why ``ref`` names no cell of any of ``formats``, or ``None`` when it is fine."""
    parts = ref.split(".")
    if len(parts) != 3 or not all(_ID_RE.match(p) for p in parts):
        return f"bad cell reference {ref!r}: write table.row.column, e.g. applications.new.total"
    table, row, column = parts
    if table not in template.TABLE_KEYS:
        return f"unknown table {table!r} in cell reference {ref!r} (tables: {', '.join(template.TABLE_KEYS)})"
    specs = [template.spec(table, f) for f in formats]
    rows = [s.row(row) for s in specs]
    found = [r for r in rows if r is not None]
    if not found:
        return f"unknown row {row!r} of table {table} in cell reference {ref!r} (format {'/'.join(formats)})"
    if not any(column in (c.key for c in r.columns) for r in found):
        return (f"unknown column {column!r} of row {table}.{row} in cell reference {ref!r} "
                f"(format {'/'.join(formats)})")
    return None


def validate_cell_refs(params: Mapping[str, Any], name: str, formats: Sequence[str]) -> None:
    """Raise :class:`ParamError` for the first reference of list param ``name`` naming no cell."""
    for i, ref in enumerate(params[name]):
        problem = cell_ref_problem(ref, formats)
        if problem is not None:
            raise ParamError(name, problem, i)


def validate_cross_keys(params: Mapping[str, Any], formats: Sequence[str]) -> None:
    """Check the ``rows``/``columns`` filter of a check that works ``along`` a table.

    Along a row the filter is ``rows`` (row keys); along a column it is ``columns``
    (column keys); the other one must be empty.
    """
    table, along = params["table"], params["along"]
    cross = "rows" if along == "row" else "columns"
    for i, key in enumerate(params[cross]):
        problem = key_problem(table, key, "column" if along == "row" else "row", formats)
        if problem is not None:
            raise ParamError(cross, problem, i)
    other = "columns" if along == "row" else "rows"
    if params[other]:
        raise ParamError(other, f"{other!r} does not apply with along: {along} (use {cross!r})")


def key_problem(table: str, key: str, along: str, formats: Sequence[str]) -> str | None:
    """Why ``key`` is not a row (``along == "column"``) or column (``"row"``) of ``table``."""
    specs = [template.spec(table, f) for f in formats]
    if along == "column":
        if any(s.row(key) is not None for s in specs):
            return None
        return f"unknown row {key!r} of table {table} (format {'/'.join(formats)})"
    if any(key in s.column_keys for s in specs):
        return None
    return f"unknown column {key!r} of table {table} (format {'/'.join(formats)})"


# --------------------------------------------------------------------- labels
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


def row_label(table: str, fmt: str | None, row: str) -> Text:
    """The template's label of a row, with its group where the label alone is ambiguous."""
    spec_row = _spec_row(table, fmt, row)
    if spec_row is None:
        return Text(row, row)
    zh = spec_row.label
    if spec_row.group and (zh[:1].isdigit() or table == "reviews"):
        zh = f"{spec_row.group} {zh}"
    return Text(zh, spec_row.label_en or row)


def column_label(table: str, fmt: str | None, row: str | None, column: str) -> Text:
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
                return Text(c.label, c.label_en)
    return Text(column, column)


def table_title(table: str) -> Text:
    return Text(template.TABLE_TITLES.get(table, table), TABLE_TITLES_EN.get(table, table))


_NUMERALS = "一二三四五六"


def section_title(number: int) -> Text:
    """``五、存在的主要问题及改进情况`` / ``section 5 (main problems and improvements)``."""
    if not 1 <= number <= 6:
        return Text(str(number), str(number))
    return Text(f"{_NUMERALS[number - 1]}、{template.SECTION_HEADINGS[number]}",
                f"section {number} ({SECTION_TITLES_EN[number]})")


# --------------------------------------------------------------------- values
def number(cell: Cell | None) -> int | float | None:
    """The cell's value when it is a number; ``None`` when blank, text or absent."""
    if cell is None:
        return None
    value = cell.value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value


def usable_rows(table: Table) -> frozenset[str]:
    """Rows whose cells can be trusted for arithmetic (found, and read unambiguously)."""
    held = _USABLE.get(id(table))
    if held is not None and held[0] is table:
        return held[1]
    rows = frozenset(k for k, r in table.rows.items() if r.found and k not in table.ambiguous_rows)
    if len(_USABLE) >= _USABLE_LIMIT:
        _USABLE.clear()
    _USABLE[id(table)] = (table, rows)
    return rows


#: usable_rows of the last few tables (every arithmetic rule asks, for each of its identities).
#: The table is kept with its rows, so a recycled id never answers for another table.
_USABLE: dict[int, tuple[Table, frozenset[str]]] = {}
_USABLE_LIMIT = 16


@functools.lru_cache(maxsize=256)
def compiled(pattern: str) -> re.Pattern[str]:
    """``re.compile`` once per pattern and process (rules keep patterns as plain strings)."""
    return re.compile(pattern)


def same(a: float, b: float) -> bool:
    """Numbers equal up to rounding of decimals (amounts are written to 2 places)."""
    return abs(a - b) < 1e-6


def tidy(value: float) -> int | float:
    """A sum without float noise: ``3.0`` -> ``3``, ``0.1 + 0.2`` -> ``0.3``."""
    if isinstance(value, int):
        return value
    rounded = round(value, 6)
    return int(rounded) if rounded.is_integer() else rounded


def sections_text(doc: Document, sections: object) -> Iterable[tuple[int | None, int, int]]:
    """``(section, start, end)`` spans of the normalised text named by a ``sections`` param."""
    if sections == ANY:
        yield None, 0, len(doc.normalized.text)
        return
    assert isinstance(sections, list)
    for number_ in sections:
        sec = doc.section(number_)
        if sec is not None:
            yield number_, sec.body_start, sec.body_end
