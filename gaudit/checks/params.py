"""The kinds of parameter a check type takes: one small class each, with its coercion and its
documentation.

A rule file is written by hand, so every parameter is checked when the file is loaded (its
type, its allowed values, a regular expression that compiles and cannot run away), and a
check only ever sees valid values.  :data:`KINDS` maps the name a check's
:class:`~gaudit.checks.base.Param` uses (``int``, ``regex``, ``cells`` …) to its kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from gaudit import template
from gaudit.i18n import Bilingual

__all__ = ["ANY", "KINDS", "ParamError", "ParamKind", "runaway_reason", "type_label", "type_name"]

#: ``section: any`` — search the whole text rather than one section.
ANY = "any"


class ParamError(Exception):
    """A parameter of a rule is wrong; ``index`` points into a list parameter.

    ``message`` says what is wrong in both languages; ``problem`` is its English wording and
    ``str()`` its Chinese one.
    """

    def __init__(self, param: str, message: Bilingual, index: int | None = None) -> None:
        super().__init__(message.zh)
        self.param = param
        self.message = message
        self.problem = message.en
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


def type_label(value: object) -> Bilingual:
    """What ``value`` is, in both languages ("整数" / "an integer")."""
    zh = {bool: "布尔值", int: "整数", float: "数字", str: "字符串", list: "列表", dict: "映射"}
    if value is None:
        return Bilingual("空值 null", "null")
    return Bilingual(zh.get(type(value), type(value).__name__), type_name(value))


_EXPECTED = Bilingual("应为{what}, 而不是{got}", "expected {what}, got {got}")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _as_list(name: str, value: object) -> list[object]:
    if isinstance(value, str) or _is_int(value):
        return [value]
    if isinstance(value, list):
        return list(value)
    raise ParamError(name, _EXPECTED.format(what=Bilingual("字符串或列表", "a string or a list"),
                                            got=type_label(value)))


def _string(name: str, value: object, index: int | None = None) -> str:
    if not isinstance(value, str):
        raise ParamError(name, _EXPECTED.format(what=Bilingual("字符串", "a string"), got=type_label(value)), index)
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


#: Python's words for the usual mistakes in a regular expression, in Chinese.
_RE_ERRORS_ZH = {
    "missing ), unterminated subpattern": "缺少 ), 分组没有闭合",
    "unbalanced parenthesis": "括号不成对",
    "nothing to repeat": "重复符号前没有可重复的内容",
    "multiple repeat": "重复符号连用",
    "unterminated character set": "字符集 [ 没有闭合",
    "bad escape": "无效的转义",
    "bad character range": "无效的字符范围",
    "unknown extension": "未知的 (? 扩展写法",
    "missing group name": "缺少分组名",
    "unknown group name": "未知的分组名",
    "invalid group reference": "无效的分组引用",
}


def _re_error_zh(exc: re.error) -> str:
    """A :class:`re.error` in Chinese: the known mistake, the rest of Python's words, and where."""
    msg = exc.msg
    for english, chinese in _RE_ERRORS_ZH.items():
        if msg.startswith(english):
            msg = chinese + msg[len(english):]
            break
    return f"{msg} (位置 {exc.pos})" if exc.pos is not None else msg


def runaway_reason(pattern: str) -> Bilingual | None:
    """Why ``pattern`` could run for minutes on a report's text, or ``None`` when it cannot."""
    try:
        import re._parser as sre_parse  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # Python 3.10
        import sre_parse  # type: ignore[no-redef,unused-ignore]
    parsed = sre_parse.parse(pattern)
    if _nested_repeat(list(parsed)):
        return Bilingual("本身会重复的分组又被重复 (如 (\\d+)+), 匹配可能耗费指数级时间; 重复只写一层",
                         "a repeated group that itself repeats (such as (\\d+)+) can take exponential time; "
                         "write the repetition once")
    return None


# --- the kinds -------------------------------------------------------------------------------


def _not_one_of(word: str, choices: tuple[str, ...]) -> Bilingual:
    return Bilingual(f"{word!r} 不在可选值之中 ({', '.join(choices)})", f"{word!r} is not one of {', '.join(choices)}")


def unknown_table(key: str) -> Bilingual:
    """The problem of a table key that names no table."""
    tables = ", ".join(template.TABLE_KEYS)
    return Bilingual(f"未知的表格 {key!r} (表格: {tables})", f"unknown table {key!r} (tables: {tables})")


@dataclass(frozen=True)
class IntKind:
    doc: ClassVar[str] = "an integer"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        if not _is_int(value):
            raise ParamError(name, _EXPECTED.format(what=Bilingual("整数", "an integer"), got=type_label(value)))
        return value


@dataclass(frozen=True)
class NumberKind:
    doc: ClassVar[str] = "a number"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ParamError(name, _EXPECTED.format(what=Bilingual("数字", "a number"), got=type_label(value)))
        return value


@dataclass(frozen=True)
class BoolKind:
    doc: ClassVar[str] = "true or false"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        if not isinstance(value, bool):
            raise ParamError(name, _EXPECTED.format(what=Bilingual("布尔值 (true 或 false)", "true or false"),
                                                    got=type_label(value)))
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
            raise ParamError(name, Bilingual(f"正则表达式 {pattern!r} 有误: {_re_error_zh(exc)}",
                                             f"bad regular expression {pattern!r}: {exc}")) from None
        reason = runaway_reason(pattern)
        if reason is not None:
            refused = Bilingual(f"正则表达式 {pattern!r} 被拒绝: ", f"regular expression {pattern!r} refused: ")
            raise ParamError(name, refused + reason)
        return pattern


@dataclass(frozen=True)
class ChoiceKind:
    doc: ClassVar[str] = "one of a fixed set of words"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        word = _string(name, value)
        if word not in choices:
            raise ParamError(name, _not_one_of(word, choices))
        return word


@dataclass(frozen=True)
class TableKind:
    doc: ClassVar[str] = "a table key (active, applications, reviews)"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        key = _string(name, value)
        if key not in template.TABLE_KEYS:
            raise ParamError(name, unknown_table(key))
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
                raise ParamError(name, Bilingual(f"应为章节序号 1-6 或 'any', 而不是 {item!r}",
                                                 f"expected a section number 1-6 or 'any', got {item!r}"), i)
        return items


@dataclass(frozen=True)
class IntListKind:
    doc: ClassVar[str] = "a list of integers"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        items = _as_list(name, value)
        for i, item in enumerate(items):
            if not _is_int(item):
                raise ParamError(name, _EXPECTED.format(what=Bilingual("整数", "an integer"), got=type_label(item)), i)
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
                raise ParamError(name, _not_one_of(item, choices), i)
        return items


@dataclass(frozen=True)
class TablesKind:
    doc: ClassVar[str] = "a list of table keys"

    def coerce(self, name: str, value: object, choices: tuple[str, ...]) -> object:
        items = [_string(name, item, i) for i, item in enumerate(_as_list(name, value))]
        for i, item in enumerate(items):
            if item not in template.TABLE_KEYS:
                raise ParamError(name, unknown_table(item), i)
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
