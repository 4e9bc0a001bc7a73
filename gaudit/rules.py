"""Load, validate and configure YAML rule files into :class:`Rule` objects.

Rules are data: a YAML file holds ``rules:``, a list of mappings, each naming
a finding ``kind``, a ``check`` type (code, in :mod:`gaudit.checks`), a
``severity``, a ``message`` in Chinese and English and the check's
``params``.  Files are read with PyYAML's safe loader only; the node tree is
composed first so that every error names the file and the line of the rule
or key at fault, and validation is complete: a rule that could never match
(an unknown table, row or column, a bad regular expression, a placeholder the
check does not provide) stops the run with :class:`RuleFileError` rather than
staying silent.

File format::

    rules:
      - id: applications-row-total          # lower-case words and dashes, unique
        name: "Applications: row totals"    # optional, defaults to the id
        kind: total-mismatch                # one of gaudit.findings.KINDS
        check: sum                          # a check type (gaudit rules ID shows its doc)
        severity: error                     # error | warning | info
        message:
          zh: "「{row_label}」总计为{actual},但各列之和为{expected}"
          en: "{row_label}: total is {actual} but the columns add up to {expected}"
        description: What and why, in English.   # optional; or {zh: …, en: …}
        params: {table: applications, along: row, parts: [...], total: total}
        formats: [2021]                     # optional conditions
        years: {from: 2021, to: null}
        organ_levels: [township, county]    # the government level of the organ
        organ_kinds: [government, department]
        examples: ["..."]                   # optional illustrative snippets
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gaudit.checks import CheckType, all_checks
from gaudit.checks.base import coerce_params
from gaudit.checks.params import ParamError, type_label
from gaudit.findings import KINDS, Severity
from gaudit.i18n import Bilingual
from gaudit.rule_nodes import (
    PlaceholderError,
    RuleFile,
    RuleFileError,
    line_of,
    node_kind,
    node_kind_zh,
    placeholders,
    str_list,
    yaml_module,
)
from gaudit.template import TEMPLATES
from gaudit.yaml_load import YamlError, compose, read_text

if TYPE_CHECKING:
    from yaml.nodes import Node

__all__ = [
    "DOC_PLACEHOLDERS",
    "ORGAN_KINDS",
    "ORGAN_LEVELS",
    "Rule",
    "RuleFileError",
    "builtin_rule_paths",
    "check_types",
    "load_rule_file",
    "load_rules",
]

ORGAN_LEVELS: tuple[str, ...] = ("township", "county", "city", "province", "national")
ORGAN_KINDS: tuple[str, ...] = ("government", "department")
#: Placeholders every message may use, whatever its check.
DOC_PLACEHOLDERS = frozenset({"year", "title_year", "period_year"})
#: Built-in rule files in catalogue order; any other file follows, sorted.
_BUILTIN_ORDER = ("report", "sections", "tables", "applications", "active", "reviews", "narrative", "cross")

_RULE_KEYS = ("id", "name", "kind", "check", "severity", "message", "description", "params", "formats",
              "years", "organ_levels", "organ_kinds", "examples")
_REQUIRED_KEYS = ("id", "kind", "check", "severity", "message")
_ID_RE = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")
_SEVERITIES = tuple(s.value for s in Severity)

_MUST_BE = Bilingual("{key} 应为{what}, 而不是{kind}", "{key} must be {what}, not {kind}")
_A_STRING = Bilingual("字符串", "a string")
_NON_EMPTY = Bilingual("{key} 应为非空字符串", "{key} must be a non-empty string")
_NEVER_APPLIES = Bilingual("{key} 为空: 这条规则永远不会适用", "{key} is empty: the rule could never apply")


@dataclass(frozen=True)
class Rule:
    """One rule: what to check (``check`` + ``params``) and how to report it."""

    id: str
    name: str
    """A one-line title (English when the file gives both languages)."""
    kind: str
    check: str
    severity: Severity
    message: dict[str, str]
    description: str
    params: Mapping[str, Any]
    formats: tuple[str, ...] | None = None
    years: tuple[int | None, int | None] | None = None
    organ_levels: tuple[str, ...] | None = None
    organ_kinds: tuple[str, ...] | None = None
    source: str = ""
    line: int = 0
    examples: tuple[str, ...] = field(default=())
    name_zh: str = ""
    """The Chinese title, when the rule file gives one."""
    description_zh: str = ""
    """What and why in Chinese, when the rule file gives it (``description`` stays English)."""

    def title(self, lang: str) -> str:
        """The one-line title in ``lang``, falling back to the other language."""
        return self.name_zh if lang != "en" and self.name_zh else self.name


def check_types() -> dict[str, CheckType]:
    """Check type name -> object with ``.name``, ``.doc`` (module docstring) and ``.params``."""
    return all_checks()


# ------------------------------------------------------------------- built-ins
def _builtin_dir() -> Path:
    # The package's own folder first: importlib.resources (and the zipfile and tempfile it
    # imports) costs a start-up some 15 ms for the rare install that is not a plain folder.
    beside = Path(__file__).resolve().parent / "rules"
    if beside.is_dir():
        return beside
    import importlib.resources

    try:
        packaged = importlib.resources.files("gaudit") / "rules"
        if packaged.is_dir():
            return Path(str(packaged))
    except (ModuleNotFoundError, TypeError, NotADirectoryError):  # pragma: no cover - odd installs
        pass
    return Path(__file__).resolve().parent.parent / "rules"


def builtin_rule_paths() -> list[Path]:
    """The built-in rule files, in catalogue order."""
    folder = _builtin_dir()
    files = [p for p in folder.glob("*.yaml") if p.is_file()]
    order = {name: i for i, name in enumerate(_BUILTIN_ORDER)}
    return sorted(files, key=lambda p: (order.get(p.stem, len(order)), p.name))


# --------------------------------------------------------------------- loading
def _rule(f: RuleFile, node: Node, source: str) -> Rule:
    keys = f.mapping(node, Bilingual("规则", "a rule"))
    rule_line = line_of(node)
    for key, (key_node, _) in keys.items():
        if key not in _RULE_KEYS:
            known = ", ".join(_RULE_KEYS)
            hint = key != "rules"
            raise f.error(key_node, Bilingual(
                f"规则中有未知的键 {key!r}; 可用的键: {known}" + (" (检查的参数应写在 'params:' 下)" if hint else ""),
                f"unknown key {key!r} in rule; keys are {known}" + (" (check parameters go under 'params:')"
                                                                     if hint else "")))
    for key in _REQUIRED_KEYS:
        if key not in keys:
            rid = f.value(keys["id"][1]) if "id" in keys else None
            label = f" {rid!r}" if isinstance(rid, str) else ""
            raise f.error(rule_line, Bilingual(f"规则{label} 缺少键 {key!r}",
                                               f"rule{label} is missing the key {key!r}"))

    def text(key: str, default: str | None = None) -> str:
        if key not in keys:
            assert default is not None
            return default
        value = f.value(keys[key][1])
        if not isinstance(value, str):
            raise f.error(keys[key][1], _MUST_BE.format(key=repr(key), what=_A_STRING, kind=type_label(value)))
        return value

    rid = text("id")
    if not _ID_RE.match(rid):
        raise f.error(keys["id"][1], Bilingual(f"规则 id {rid!r} 不合规: 请只用小写字母、数字和连字符",
                                               f"bad rule id {rid!r}: use lower-case letters, digits and dashes"))
    kind = text("kind")
    if kind not in KINDS:
        known = ", ".join(KINDS)
        raise f.error(keys["kind"][1], Bilingual(f"未知的问题类别 {kind!r}; 可用的类别: {known}",
                                                 f"unknown kind {kind!r}; kinds are {known}"))
    check_name = text("check")
    checks = check_types()
    if check_name not in checks:
        known = ", ".join(checks)
        raise f.error(keys["check"][1], Bilingual(f"未知的检查类型 {check_name!r}; 可用的检查类型: {known}",
                                                  f"unknown check type {check_name!r}; check types are {known}"))
    check = checks[check_name]
    sev = text("severity")
    if sev.strip().lower() not in _SEVERITIES:
        raise f.error(keys["severity"][1], Bilingual(f"严重程度 {sev!r} 无效: 请用 error、warning 或 info",
                                                     f"bad severity {sev!r}: use error, warning or info"))
    severity = Severity.parse(sev)

    formats = _formats(f, keys)
    years = _years(f, keys)
    organ_levels = _choices(f, keys, "organ_levels", ORGAN_LEVELS, Bilingual("机关层级", "organ level"))
    organ_kinds = _choices(f, keys, "organ_kinds", ORGAN_KINDS, Bilingual("机关类型", "organ kind"))
    params = _params(f, keys, check, formats or TEMPLATES, rule_line)
    message = _message(f, keys, check)
    examples: tuple[str, ...] = ()
    if "examples" in keys:
        items = str_list(f, keys["examples"][1], "'examples'")
        if not all(isinstance(x, str) for x in items):
            raise f.error(keys["examples"][1], Bilingual("'examples' 应为字符串列表",
                                                         "'examples' must be a list of strings"))
        examples = tuple(str(x) for x in items)
    name, name_zh = _name(f, keys, rid)
    description, description_zh = _description(f, keys)
    return Rule(
        id=rid,
        name=name,
        name_zh=name_zh,
        kind=kind,
        check=check_name,
        severity=severity,
        message=message,
        description=description,
        description_zh=description_zh,
        params=params,
        formats=formats,
        years=years,
        organ_levels=organ_levels,
        organ_kinds=organ_kinds,
        source=source,
        line=rule_line,
        examples=examples,
    )


def _name(f: RuleFile, keys: dict[str, tuple[Node, Node]], rid: str) -> tuple[str, str]:
    """(English or only title, Chinese title or "") from ``name: text`` or ``name: {zh: …, en: …}``."""
    if "name" not in keys:
        return rid, ""
    node = keys["name"][1]
    value = f.value(node)
    if isinstance(value, str) and value.strip():
        return value, ""
    if isinstance(value, dict):
        entries = f.mapping(node, Bilingual("'name'", "'name'"))
        for key, (key_node, value_node) in entries.items():
            if key not in ("zh", "en"):
                raise f.error(key_node, Bilingual(f"'name' 中有未知的语言 {key!r}; 请给出 zh 和/或 en",
                                                  f"unknown language {key!r} in 'name'; give zh and/or en"))
            if not isinstance(f.value(value_node), str) or not f.value(value_node).strip():
                raise f.error(value_node, _NON_EMPTY.format(key=f"'name.{key}'"))
        zh, en = value.get("zh", ""), value.get("en", "")
        return (en or zh), zh
    raise f.error(node, _MUST_BE.format(key="'name'", kind=type_label(value),
                                        what=Bilingual("字符串或含 zh 和 en 的映射",
                                                       "a string or a mapping with zh and en")))


def _description(f: RuleFile, keys: dict[str, tuple[Node, Node]]) -> tuple[str, str]:
    """(English text, Chinese text or "") from ``description: text`` or ``description: {zh: …, en: …}``."""
    if "description" not in keys:
        return "", ""
    node = keys["description"][1]
    value = f.value(node)
    if isinstance(value, str):
        return value, ""
    if isinstance(value, dict):
        entries = f.mapping(node, Bilingual("'description'", "'description'"))
        for key, (key_node, value_node) in entries.items():
            if key not in ("zh", "en"):
                raise f.error(key_node, Bilingual(f"'description' 中有未知的语言 {key!r}; 请给出 zh 和/或 en",
                                                  f"unknown language {key!r} in 'description'; give zh and/or en"))
            if not isinstance(f.value(value_node), str) or not f.value(value_node).strip():
                raise f.error(value_node, _NON_EMPTY.format(key=f"'description.{key}'"))
        if not entries:
            raise f.error(node, _NON_EMPTY.format(key="'description'"))
        return value.get("en", ""), value.get("zh", "")
    raise f.error(node, _MUST_BE.format(key="'description'", kind=type_label(value),
                                        what=Bilingual("字符串或含 zh 和 en 的映射",
                                                       "a string or a mapping with zh and en")))


def _formats(f: RuleFile, keys: dict[str, tuple[Node, Node]]) -> tuple[str, ...] | None:
    if "formats" not in keys:
        return None
    node = keys["formats"][1]
    items = [str(x) if isinstance(x, int) and not isinstance(x, bool) else x
             for x in str_list(f, node, "'formats'")]
    for item in items:
        if item not in TEMPLATES:
            known = ", ".join(TEMPLATES)
            raise f.error(node, Bilingual(f"'formats' 中有未知的格式 {item!r}; 可用的格式: {known}",
                                          f"unknown format {item!r} in 'formats'; formats are {known}"))
    if not items:
        raise f.error(node, _NEVER_APPLIES.format(key="'formats'"))
    return tuple(str(x) for x in items)


def _years(f: RuleFile, keys: dict[str, tuple[Node, Node]]) -> tuple[int | None, int | None] | None:
    if "years" not in keys:
        return None
    entries = f.mapping(keys["years"][1], Bilingual("'years'", "'years'"))
    bounds: dict[str, int | None] = {"from": None, "to": None}
    for key, (key_node, value_node) in entries.items():
        if key not in bounds:
            raise f.error(key_node, Bilingual(f"'years' 中有未知的键 {key!r}; 请用 from 和 to",
                                              f"unknown key {key!r} in 'years'; use from and to"))
        value = f.value(value_node)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise f.error(value_node, _MUST_BE.format(key=f"'years: {key}'", kind=type_label(value),
                                                      what=Bilingual("年份或 null", "a year or null")))
        bounds[key] = value
    low, high = bounds["from"], bounds["to"]
    if low is not None and high is not None and low > high:
        raise f.error(keys["years"][1], Bilingual(f"'years' 为空: from {low} 晚于 to {high}",
                                                  f"'years' is empty: from {low} is after to {high}"))
    return low, high


def _choices(f: RuleFile, keys: dict[str, tuple[Node, Node]], key: str, allowed: Sequence[str],
             what: Bilingual) -> tuple[str, ...] | None:
    """A condition listing some of ``allowed`` (``organ_levels``, ``organ_kinds``), or None when absent."""
    if key not in keys:
        return None
    node = keys[key][1]
    items = str_list(f, node, f"'{key}'")
    for item in items:
        if item not in allowed:
            known = ", ".join(allowed)
            raise f.error(node, Bilingual(f"'{key}' 中有未知的{what.zh} {item!r}; 请用 {known}",
                                          f"unknown {what.en} {item!r} in '{key}'; use {known}"))
    if not items:
        raise f.error(node, _NEVER_APPLIES.format(key=f"'{key}'"))
    return tuple(str(x) for x in items)


def _params(f: RuleFile, keys: dict[str, tuple[Node, Node]], check: CheckType,
            formats: Sequence[str], rule_line: int) -> dict[str, Any]:
    yaml = yaml_module()
    entries: dict[str, tuple[Node, Node]] = {}
    params_line = rule_line
    if "params" in keys:
        node = keys["params"][1]
        params_line = line_of(node)
        if not (isinstance(node, yaml.ScalarNode) and f.value(node) is None):
            entries = f.mapping(node, Bilingual("'params'", "'params'"))
    raw = {k: f.value(v) for k, (_, v) in entries.items()}
    try:
        return coerce_params(check, raw, formats)
    except ParamError as exc:
        line = params_line
        if exc.param in entries:
            key_node, value_node = entries[exc.param]
            line = line_of(key_node)
            if exc.index is not None and isinstance(value_node, yaml.SequenceNode) \
                    and exc.index < len(value_node.value):
                line = line_of(value_node.value[exc.index])
            elif exc.index is None and not isinstance(value_node, (yaml.SequenceNode, yaml.MappingNode)):
                line = line_of(value_node)
        raise f.error(line, Bilingual(f"params.{exc.param}: ", f"params.{exc.param}: ") + exc.message) from None


def _message(f: RuleFile, keys: dict[str, tuple[Node, Node]], check: CheckType) -> dict[str, str]:
    entries = f.mapping(keys["message"][1], Bilingual("'message'", "'message'"))
    for key, (key_node, _) in entries.items():
        if key not in ("zh", "en"):
            raise f.error(key_node, Bilingual(f"'message' 中有未知的语言 {key!r}; 请给出 zh 和 en",
                                              f"unknown language {key!r} in 'message'; give zh and en"))
    allowed = check.placeholders | DOC_PLACEHOLDERS
    out: dict[str, str] = {}
    for lang in ("zh", "en"):
        if lang not in entries:
            raise f.error(keys["message"][1], Bilingual(f"'message' 缺少 {lang!r} 文本; zh 和 en 都要给出",
                                                        f"'message' has no {lang!r} text; give both zh and en"))
        node = entries[lang][1]
        value = f.value(node)
        if not isinstance(value, str) or not value.strip():
            raise f.error(node, _NON_EMPTY.format(key=f"'message.{lang}'"))
        try:
            names = placeholders(value)
        except PlaceholderError as exc:
            raise f.error(node, Bilingual(f"'message.{lang}': ", f"'message.{lang}': ") + exc.message) from None
        for name in names:
            if name not in allowed:
                available = ", ".join(sorted(allowed))
                raise f.error(node, Bilingual(f"'message.{lang}': 检查 {check.name} 不提供占位符 {{{name}}}; "
                                              f"可用的占位符: {available}",
                                              f"'message.{lang}': placeholder {{{name}}} is not provided by check "
                                              f"{check.name}; available: {available}"))
        out[lang] = value
    return out


def load_rule_file(path: Path, *, source: str | None = None) -> list[Rule]:
    """Read and validate one rule file; raise :class:`RuleFileError` naming file and line."""
    name = str(path)
    try:
        root, loader = compose(read_text(path), name)
    except YamlError as exc:
        raise RuleFileError(name, exc.line, exc.problem) from None
    yaml = yaml_module()
    try:
        f = RuleFile(name, loader)
        if root is None:
            raise RuleFileError(name, 0, Bilingual("文件为空; 应为含 'rules:' 列表的映射",
                                                   "the file is empty; expected a mapping with a 'rules:' list"))
        if not isinstance(root, yaml.MappingNode):
            raise f.error(root, Bilingual(f"文件应为含 'rules:' 列表的映射, 而不是{node_kind_zh(root)}",
                                          f"the file must be a mapping with a 'rules:' list, not {node_kind(root)}"))
        top = f.mapping(root, Bilingual("文件", "the file"))
        for key, (key_node, _) in top.items():
            if key != "rules":
                raise f.error(key_node, Bilingual(f"未知的顶层键 {key!r}; 规则文件只含 'rules:'",
                                                  f"unknown top-level key {key!r}; a rule file holds 'rules:' only"))
        if "rules" not in top:
            raise f.error(root, Bilingual("文件中没有 'rules:' 列表", "no 'rules:' list in the file"))
        seq = top["rules"][1]
        if not isinstance(seq, yaml.SequenceNode):
            raise f.error(seq, Bilingual(f"'rules' 应为规则列表, 而不是{node_kind_zh(seq)}",
                                         f"'rules' must be a list of rules, not {node_kind(seq)}"))
        rules: list[Rule] = []
        seen: dict[str, int] = {}
        for item in seq.value:
            rule = _rule(f, item, source if source is not None else name)
            if rule.id in seen:
                raise f.error(item, Bilingual(f"规则 id {rule.id!r} 重复 (首次定义于第 {seen[rule.id]} 行)",
                                              f"duplicate rule id {rule.id!r} (first defined on line {seen[rule.id]})"))
            seen[rule.id] = rule.line
            rules.append(rule)
        return rules
    finally:
        loader.dispose()


def _expand(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in (*path.glob("*.yaml"), *path.glob("*.yml")) if p.is_file())
        if not files:
            raise RuleFileError(str(path), 0, Bilingual("此文件夹中没有 *.yaml 或 *.yml 规则文件",
                                                        "no *.yaml or *.yml rule file in this folder"))
        return files
    if not path.exists():
        raise RuleFileError(str(path), 0, Bilingual("没有这个规则文件或文件夹", "no such rule file or folder"))
    return [path]  # anything but a regular file is refused, unopened, by read_text


def load_rules(extra: Sequence[Path] = ()) -> list[Rule]:
    """Built-in rules, then each extra file or folder; a rule with an existing id replaces it in place."""
    rules: list[Rule] = []
    index: dict[str, int] = {}

    def add(batch: Iterable[Rule]) -> None:
        for rule in batch:
            if rule.id in index:
                rules[index[rule.id]] = rule
            else:
                index[rule.id] = len(rules)
                rules.append(rule)

    for path in builtin_rule_paths():
        add(load_rule_file(path, source=f"rules/{path.name}"))
    for given in extra:
        for path in _expand(Path(given)):
            add(load_rule_file(path))
    return rules
