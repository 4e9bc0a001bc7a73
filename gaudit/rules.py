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
        description: What and why, in English.   # optional
        params: {table: applications, along: row, parts: [...], total: total}
        formats: [2021]                     # optional conditions
        years: {from: 2021, to: null}
        organ_levels: [township, county]    # the government level of the organ
        organ_kinds: [government, department]
        examples: ["..."]                   # optional illustrative snippets
"""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gaudit.checks import CheckType, all_checks
from gaudit.checks._base import coerce_params
from gaudit.checks.params import ParamError, type_name
from gaudit.findings import KINDS, Severity
from gaudit.i18n import Bilingual
from gaudit.rule_nodes import (
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

    def title(self, lang: str) -> str:
        """The one-line title in ``lang``, falling back to the other language."""
        return self.name_zh if lang != "en" and self.name_zh else self.name


def check_types() -> dict[str, CheckType]:
    """Check type name -> object with ``.name``, ``.doc`` (module docstring) and ``.params``."""
    return all_checks()


# ------------------------------------------------------------------- built-ins
def _builtin_dir() -> Path:
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
    keys = f.mapping(node, "a rule")
    rule_line = line_of(node)
    for key, (key_node, _) in keys.items():
        if key not in _RULE_KEYS:
            hint = " (check parameters go under 'params:')" if key not in ("rules",) else ""
            raise f.error(key_node, f"unknown key {key!r} in rule; keys are {', '.join(_RULE_KEYS)}{hint}")
    for key in _REQUIRED_KEYS:
        if key not in keys:
            rid = f.value(keys["id"][1]) if "id" in keys else None
            label = f" {rid!r}" if isinstance(rid, str) else ""
            raise f.error(rule_line, f"rule{label} is missing the key {key!r}")

    def text(key: str, default: str | None = None) -> str:
        if key not in keys:
            assert default is not None
            return default
        value = f.value(keys[key][1])
        if not isinstance(value, str):
            raise f.error(keys[key][1], f"{key!r} must be a string, not {type_name(value)}")
        return value

    rid = text("id")
    if not _ID_RE.match(rid):
        raise f.error(keys["id"][1], f"bad rule id {rid!r}: use lower-case letters, digits and dashes")
    kind = text("kind")
    if kind not in KINDS:
        raise f.error(keys["kind"][1], f"unknown kind {kind!r}; kinds are {', '.join(KINDS)}")
    check_name = text("check")
    checks = check_types()
    if check_name not in checks:
        raise f.error(keys["check"][1], f"unknown check type {check_name!r}; check types are {', '.join(checks)}")
    check = checks[check_name]
    sev = text("severity")
    if sev.strip().lower() not in _SEVERITIES:
        raise f.error(keys["severity"][1], f"bad severity {sev!r}: use error, warning or info")
    severity = Severity.parse(sev)

    formats = _formats(f, keys)
    years = _years(f, keys)
    organ_levels = _choices(f, keys, "organ_levels", ORGAN_LEVELS, "organ level")
    organ_kinds = _choices(f, keys, "organ_kinds", ORGAN_KINDS, "organ kind")
    params = _params(f, keys, check, formats or TEMPLATES, rule_line)
    message = _message(f, keys, check)
    examples: tuple[str, ...] = ()
    if "examples" in keys:
        items = str_list(f, keys["examples"][1], "'examples'")
        if not all(isinstance(x, str) for x in items):
            raise f.error(keys["examples"][1], "'examples' must be a list of strings")
        examples = tuple(str(x) for x in items)
    name, name_zh = _name(f, keys, rid)
    return Rule(
        id=rid,
        name=name,
        name_zh=name_zh,
        kind=kind,
        check=check_name,
        severity=severity,
        message=message,
        description=text("description", ""),
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
        entries = f.mapping(node, "'name'")
        for key, (key_node, value_node) in entries.items():
            if key not in ("zh", "en"):
                raise f.error(key_node, f"unknown language {key!r} in 'name'; give zh and/or en")
            if not isinstance(f.value(value_node), str) or not f.value(value_node).strip():
                raise f.error(value_node, f"'name.{key}' must be a non-empty string")
        zh, en = value.get("zh", ""), value.get("en", "")
        return (en or zh), zh
    raise f.error(node, f"'name' must be a string or a mapping with zh and en, not {type_name(value)}")


def _formats(f: RuleFile, keys: dict[str, tuple[Node, Node]]) -> tuple[str, ...] | None:
    if "formats" not in keys:
        return None
    node = keys["formats"][1]
    items = [str(x) if isinstance(x, int) and not isinstance(x, bool) else x
             for x in str_list(f, node, "'formats'")]
    for item in items:
        if item not in TEMPLATES:
            raise f.error(node, f"unknown format {item!r} in 'formats'; formats are {', '.join(TEMPLATES)}")
    if not items:
        raise f.error(node, "'formats' is empty: the rule could never apply")
    return tuple(str(x) for x in items)


def _years(f: RuleFile, keys: dict[str, tuple[Node, Node]]) -> tuple[int | None, int | None] | None:
    if "years" not in keys:
        return None
    entries = f.mapping(keys["years"][1], "'years'")
    bounds: dict[str, int | None] = {"from": None, "to": None}
    for key, (key_node, value_node) in entries.items():
        if key not in bounds:
            raise f.error(key_node, f"unknown key {key!r} in 'years'; use from and to")
        value = f.value(value_node)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise f.error(value_node, f"'years: {key}' must be a year or null, not {type_name(value)}")
        bounds[key] = value
    low, high = bounds["from"], bounds["to"]
    if low is not None and high is not None and low > high:
        raise f.error(keys["years"][1], f"'years' is empty: from {low} is after to {high}")
    return low, high


def _choices(f: RuleFile, keys: dict[str, tuple[Node, Node]], key: str, allowed: Sequence[str],
             what: str) -> tuple[str, ...] | None:
    """A condition listing some of ``allowed`` (``organ_levels``, ``organ_kinds``), or None when absent."""
    if key not in keys:
        return None
    node = keys[key][1]
    items = str_list(f, node, f"'{key}'")
    for item in items:
        if item not in allowed:
            raise f.error(node, f"unknown {what} {item!r} in '{key}'; use {', '.join(allowed)}")
    if not items:
        raise f.error(node, f"'{key}' is empty: the rule could never apply")
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
            entries = f.mapping(node, "'params'")
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
        raise f.error(line, f"params.{exc.param}: {exc.problem}") from None


def _message(f: RuleFile, keys: dict[str, tuple[Node, Node]], check: CheckType) -> dict[str, str]:
    entries = f.mapping(keys["message"][1], "'message'")
    for key, (key_node, _) in entries.items():
        if key not in ("zh", "en"):
            raise f.error(key_node, f"unknown language {key!r} in 'message'; give zh and en")
    allowed = check.placeholders | DOC_PLACEHOLDERS
    out: dict[str, str] = {}
    for lang in ("zh", "en"):
        if lang not in entries:
            raise f.error(keys["message"][1], f"'message' has no {lang!r} text; give both zh and en")
        node = entries[lang][1]
        value = f.value(node)
        if not isinstance(value, str) or not value.strip():
            raise f.error(node, f"'message.{lang}' must be a non-empty string")
        try:
            names = placeholders(value)
        except ValueError as exc:
            raise f.error(node, f"'message.{lang}': {exc}") from None
        for name in names:
            if name not in allowed:
                raise f.error(node, f"'message.{lang}': placeholder {{{name}}} is not provided by check "
                                    f"{check.name}; available: {', '.join(sorted(allowed))}")
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
        top = f.mapping(root, "the file")
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
