"""The kinds of parameter a check type takes: one small class each, with its coercion and its
documentation.

A rule file is written by hand, so every parameter is checked when the file is loaded (its
type, its allowed values, a regular expression that compiles and cannot run away), and a
check only ever sees valid values.  :data:`KINDS` maps the name a check's
:class:`~gaudit.checks._base.Param` uses (``int``, ``regex``, ``cells`` …) to its kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from gaudit import template

__all__ = ["ANY", "KINDS", "ParamError", "ParamKind", "runaway_reason", "type_name"]

#: ``section: any`` — search the whole text rather than one section.
ANY = "any"


class ParamError(Exception):
    """A parameter of a rule is wrong; ``index`` points into a list parameter."""

    def __init__(self, param: str, problem: str, index: int | None = None) -> None:
        super().__init__(problem)
        self.param = param
        self.problem = problem
        self.index = index


class ParamKind(Protocol):
    """How one kind of parameter is written and checked."""

    doc: ClassVar[str]

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object: ...


def type_name(value: object) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
            list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _as_list(name: str, value: object) -> list[object]:
    if isinstance(value, str) or _is_int(value):
        return [value]
    if isinstance(value, list):
        return list(value)
    raise ParamError(name, f"expected a string or a list, got {type_name(value)}")


def _string(name: str, value: object, index: int | None = None) -> str:
    if not isinstance(value, str):
        raise ParamError(name, f"expected a string, got {type_name(value)}", index)
    return value


# --- regular expressions that cannot run away ------------------------------------------------
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


def _repeats_unbounded(op: str, args: Any) -> bool:
    return op in _REPEATS and args[1] > 1


def _has_repeat(items: Any) -> bool:
    """Whether a parsed pattern holds a repetition of more than one (``+``, ``*``, ``{2,}``)."""
    for op, args in items:
        name = str(op)
        if _repeats_unbounded(name, args):
            return True
        for sub in _children(name, args):
            if _has_repeat(sub):
                return True
    return False


def _children(name: str, args: Any) -> list[Any]:
    if name in _REPEATS:
        return [args[2]]
    if name == "SUBPATTERN":
        return [args[-1]]
    if name == "BRANCH":
        return list(args[1])
    if name in ("ASSERT", "ASSERT_NOT"):
        return [args[1]]
    return []


def _nested_repeat(items: Any) -> bool:
    """A repeated part that itself repeats (``(\\d+)+``, ``(a*)*``, ``(?:x+y?)*``): on a long
    run of what it matches, a backtracking engine tries exponentially many splits."""
    for op, args in items:
        name = str(op)
        if _repeats_unbounded(name, args) and _has_repeat(args[2]):
            return True
        if any(_nested_repeat(sub) for sub in _children(name, args)):
            return True
    return False


def runaway_reason(pattern: str) -> str | None:
    """Why ``pattern`` could run for minutes on a report's text, or ``None`` when it cannot."""
    try:
        import re._parser as sre_parse  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # Python 3.10
        import sre_parse  # type: ignore[no-redef,unused-ignore]
    parsed = sre_parse.parse(pattern)
    if _nested_repeat(list(parsed)):
        return ("a repeated group that itself repeats (such as (\\d+)+) can take exponential time; "
                "write the repetition once")
    return None


# --- the kinds -------------------------------------------------------------------------------
@dataclass(frozen=True)
class IntKind:
    doc: ClassVar[str] = "an integer"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        if not _is_int(value):
            raise ParamError(name, f"expected an integer, got {type_name(value)}")
        return value


@dataclass(frozen=True)
class NumberKind:
    doc: ClassVar[str] = "a number"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ParamError(name, f"expected a number, got {type_name(value)}")
        return value


@dataclass(frozen=True)
class BoolKind:
    doc: ClassVar[str] = "true or false"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        if not isinstance(value, bool):
            raise ParamError(name, f"expected true or false, got {type_name(value)}")
        return value


@dataclass(frozen=True)
class StrKind:
    doc: ClassVar[str] = "a string"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        return _string(name, value)


@dataclass(frozen=True)
class RegexKind:
    doc: ClassVar[str] = "a regular expression (Python syntax) that compiles and cannot run away"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        pattern = _string(name, value)
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ParamError(name, f"bad regular expression {pattern!r}: {exc}") from None
        reason = runaway_reason(pattern)
        if reason is not None:
            raise ParamError(name, f"regular expression {pattern!r} refused: {reason}")
        return pattern


@dataclass(frozen=True)
class ChoiceKind:
    doc: ClassVar[str] = "one of a fixed set of words"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        word = _string(name, value)
        if word not in choices:
            raise ParamError(name, f"{word!r} is not one of {', '.join(choices)}")
        return word


@dataclass(frozen=True)
class TableKind:
    doc: ClassVar[str] = "a table key (active, applications, reviews)"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        key = _string(name, value)
        if key not in template.TABLE_KEYS:
            raise ParamError(name, f"unknown table {key!r} (tables: {', '.join(template.TABLE_KEYS)})")
        return key


@dataclass(frozen=True)
class SectionsKind:
    doc: ClassVar[str] = "any, a section number 1-6, or a list of them"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        if value == ANY:
            return ANY
        items = _as_list(name, value)
        for i, item in enumerate(items):
            if not _is_int(item) or not 1 <= item <= 6:  # type: ignore[operator]
                raise ParamError(name, f"expected a section number 1-6 or 'any', got {item!r}", i)
        return items


@dataclass(frozen=True)
class IntListKind:
    doc: ClassVar[str] = "a list of integers"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        items = _as_list(name, value)
        for i, item in enumerate(items):
            if not _is_int(item):
                raise ParamError(name, f"expected an integer, got {type_name(item)}", i)
        return items


@dataclass(frozen=True)
class StrListKind:
    doc: ClassVar[str] = "a string or a list of strings"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        # ``[2019]`` means the format "2019".
        items = [str(v) if _is_int(v) else v for v in _as_list(name, value)]
        return [_string(name, item, i) for i, item in enumerate(items)]


@dataclass(frozen=True)
class ChoiceListKind:
    doc: ClassVar[str] = "a list of words from a fixed set"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        items = [_string(name, item, i) for i, item in enumerate(_as_list(name, value))]
        for i, item in enumerate(items):
            if item not in choices:
                raise ParamError(name, f"{item!r} is not one of {', '.join(choices)}", i)
        return items


@dataclass(frozen=True)
class TablesKind:
    doc: ClassVar[str] = "a list of table keys"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        items = [_string(name, item, i) for i, item in enumerate(_as_list(name, value))]
        for i, item in enumerate(items):
            if item not in template.TABLE_KEYS:
                raise ParamError(name, f"unknown table {item!r} (tables: {', '.join(template.TABLE_KEYS)})", i)
        return items


@dataclass(frozen=True)
class CellsKind:
    doc: ClassVar[str] = "one or more table.row.column cell references (checked by the check)"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        return [_string(name, item, i) for i, item in enumerate(_as_list(name, value))]


#: Parameter kind name (as a check's ``Param`` gives it) -> the kind.
KINDS: dict[str, ParamKind] = {
    "int": IntKind(),
    "number": NumberKind(),
    "bool": BoolKind(),
    "str": StrKind(),
    "regex": RegexKind(),
    "choice": ChoiceKind(),
    "table": TableKind(),
    "sections": SectionsKind(),
    "int-list": IntListKind(),
    "str-list": StrListKind(),
    "choice-list": ChoiceListKind(),
    "tables": TablesKind(),
    "cells": CellsKind(),
}
