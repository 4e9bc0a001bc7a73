"""What every check type shares, and the engine and rule loader use: the check type, its
parameter specs and their validation, cell references and values.

A check is a function ``run(doc, params) -> Iterable[Hit]``.  A :class:`Hit`
says *where* and *what* (placeholders for the message, the keys of the table
cell concerned, the numbers compared); the engine stamps the rule's id, kind
and severity and words the message in both languages, so a check never knows how
serious its hits are.

Parameters are declared as :class:`Param` specs; :func:`coerce_params` checks a
rule's ``params`` mapping against them (types, defaults, unknown names) when the
rule file is loaded, so a check only ever sees valid, complete parameters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gaudit import template
from gaudit.checks.params import ANY, KINDS, ParamError
from gaudit.i18n import Bilingual
from gaudit.labels import (
    SECTION_TITLES_EN,
    TABLE_TITLES_EN,
    column_label,
    row_label,
    section_title,
    table_title,
)
from gaudit.model import Cell, Document, Hit, Table

__all__ = [
    "ANY",
    "SECTION_TITLES_EN",
    "TABLE_TITLES_EN",
    "CheckType",
    "Hit",
    "Param",
    "ParamError",
    "Text",
    "cell_ref_problem",
    "coerce_params",
    "column_label",
    "compiled",
    "number",
    "parse_ref",
    "row_label",
    "section_title",
    "table_title",
    "validate_cell_refs",
    "validate_cross_keys",
]


_ID_RE = re.compile(r"^[a-z_][a-z0-9_]*$")


#: A placeholder value that reads differently in Chinese and English.
Text = Bilingual


_REQUIRED: Any = object()


@dataclass(frozen=True)
class Param:
    """The spec of one parameter of a check type.

    ``type`` names a kind of :data:`gaudit.checks.params.KINDS` (``int``, ``number``,
    ``bool``, ``str``, ``regex``, ``choice``, ``str-list``, ``choice-list``, ``int-list``,
    ``sections``, ``table``, ``tables``, ``cells``), which checks and documents it.
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
def coerce_params(check: CheckType, params: Mapping[str, object], formats: Sequence[str]) -> dict[str, Any]:
    """Validate ``params`` against ``check``'s specs; fill defaults; raise :class:`ParamError`."""
    out: dict[str, Any] = {}
    for name in params:
        if name not in check.params:
            known = ", ".join(check.params)
            raise ParamError(name, Bilingual(f"检查 {check.name} 没有参数 {name!r} (参数: {known or '无'})",
                                             f"unknown parameter {name!r} for check {check.name} "
                                             f"(parameters: {known or 'none'})"))
    for name, spec in check.params.items():
        if name in params:
            kind = KINDS.get(spec.type)
            if kind is None:  # a check type's own mistake, caught by the tests of every check
                raise ParamError(name, Bilingual(f"检查 {check.name} 声明了未知的参数类型 {spec.type!r}",
                                                 f"check {check.name} declares unknown parameter kind {spec.type!r}"))
            out[name] = kind.coerce(name, params[name], spec.choices)
        elif spec.required:
            raise ParamError(name, Bilingual(f"检查 {check.name} 缺少参数 {name!r}",
                                             f"missing parameter {name!r} for check {check.name}"))
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


def cell_ref_problem(ref: str, formats: Sequence[str]) -> Bilingual | None:
    """Why ``ref`` names no cell of any of ``formats``, or ``None`` when it is fine."""
    parts = ref.split(".")
    if len(parts) != 3 or not all(_ID_RE.match(p) for p in parts):
        return Bilingual(f"单元格引用 {ref!r} 写法有误: 应写作 表.行.列, 如 applications.new.total",
                         f"bad cell reference {ref!r}: write table.row.column, e.g. applications.new.total")
    table, row, column = parts
    fmt = "/".join(formats)
    if table not in template.TABLE_KEYS:
        tables = ", ".join(template.TABLE_KEYS)
        return Bilingual(f"单元格引用 {ref!r} 中的表格 {table!r} 未知 (表格: {tables})",
                         f"unknown table {table!r} in cell reference {ref!r} (tables: {tables})")
    specs = [template.spec(table, f) for f in formats]
    rows = [s.row(row) for s in specs]
    found = [r for r in rows if r is not None]
    if not found:
        return Bilingual(f"单元格引用 {ref!r} 中的行 {row!r} 不是表格 {table} 的行 (格式 {fmt})",
                         f"unknown row {row!r} of table {table} in cell reference {ref!r} (format {fmt})")
    if not any(column in (c.key for c in r.columns) for r in found):
        return Bilingual(f"单元格引用 {ref!r} 中的列 {column!r} 不是 {table}.{row} 行的列 (格式 {fmt})",
                         f"unknown column {column!r} of row {table}.{row} in cell reference {ref!r} "
                         f"(format {fmt})")
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
        raise ParamError(other, Bilingual(f"along: {along} 时不适用 {other!r} (请用 {cross!r})",
                                          f"{other!r} does not apply with along: {along} (use {cross!r})"))


def key_problem(table: str, key: str, along: str, formats: Sequence[str]) -> Bilingual | None:
    """Why ``key`` is not a row (``along == "column"``) or column (``"row"``) of ``table``."""
    specs = [template.spec(table, f) for f in formats]
    fmt = "/".join(formats)
    if along == "column":
        if any(s.row(key) is not None for s in specs):
            return None
        return Bilingual(f"表格 {table} 没有行 {key!r} (格式 {fmt})",
                         f"unknown row {key!r} of table {table} (format {fmt})")
    if any(key in s.column_keys for s in specs):
        return None
    return Bilingual(f"表格 {table} 没有列 {key!r} (格式 {fmt})",
                     f"unknown column {key!r} of table {table} (format {fmt})")


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
