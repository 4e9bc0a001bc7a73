"""Settings: built-in defaults, then a config file, then command-line options.

The config file is the first ``.gaudit.yaml`` (or ``.gaudit.yml``), or
``pyproject.toml`` with a ``[tool.gaudit]`` table, found walking up from the
current folder; the search stops at the repository root (a folder holding
``.git``) or the home folder, whichever comes first, and skips (with a warning)
a file that other users could have written: group- or world-writable, or owned
by another user.  Both kinds of file hold the same keys as the command line::

    rules: [local-rules/]          # extra rule files or folders
    select: [applications-row-total, blank-cell]
    ignore: [implausible-value]
    severity: {section-order: info, period-mismatch: off}
    fail-on: warning
    lang: en
    include: ["*.txt", "*.html"]
    exclude: ["drafts/*"]
    jobs: 2
    max-size: 20MB
    per-file-ignores: {"2023/东岭镇*.txt": [implausible-value]}
    cross: true                    # cross-report audits (gaudit.cross.config: also
    previous: [../2022/]           #   previous, hierarchy, organs)

``per-file-ignores`` maps a glob to the rule ids or kinds silenced in the files it matches;
the glob is relative to the folder of the config file that sets it (the current folder
when given by a program).  Every value remembers where it came from, for ``gaudit config``; the settings
list the config file used and the warnings met while looking for it.  YAML is
read through :mod:`gaudit.yaml_load` (safe loading, bounded aliases).
"""

from __future__ import annotations

import math
import os
import re
import stat
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gaudit.discover import DEFAULT_INCLUDE
from gaudit.i18n import Bilingual, UserError
from gaudit.yaml_load import YamlError, load_file

FAIL_ON = ("error", "warning", "info", "never")
LANGS = ("zh", "en")
LEVELS = ("error", "warning", "info", "off")
DEFAULT_MAX_SIZE = 20 * 1024 * 1024
MAX_JOBS = 64
"""The most worker processes a setting may ask for."""
MAX_SIZE_LIMIT = 1024**4
"""The largest ``max-size`` accepted (1 TB)."""
CONFIG_NAMES = (".gaudit.yaml", ".gaudit.yml")
COMMAND_LINE = "command line"


class SettingsError(UserError):
    """A bad option or config file; the CLI exits with code 2. ``str()`` is the Chinese wording."""


@dataclass
class Settings:
    rules: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "error"
    lang: str = "zh"
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    jobs: int = 0
    """0 means one worker per CPU; at most :data:`MAX_JOBS`."""
    max_size: int = DEFAULT_MAX_SIZE
    per_file_ignores: list[tuple[str, list[str], str]] = field(default_factory=list)
    """``(glob, rule ids or kinds, folder the glob is relative to)``."""
    cross: bool = True
    """Run the cross-report pass (when cross rules are selected)."""
    previous: list[str] = field(default_factory=list)
    """Folders or files of earlier reports compared with, not audited."""
    hierarchy: dict[str, list[str]] = field(default_factory=dict)
    """Parent organ name -> its children's names."""
    organs: list[Any] = field(default_factory=list)
    """:class:`gaudit.cross.config.OrganMapping` entries: file glob -> organ, year."""
    sources: dict[str, str] = field(default_factory=dict)
    """Setting name -> where its value came from (``default``, a file, ``command line``)."""
    config_files: list[str] = field(default_factory=list)
    """The config files whose values were used (none, or the one found or given)."""
    warnings: list[Bilingual] = field(default_factory=list)
    """What the user should know about the configuration (a config file skipped, and why)."""


_KEYS = {"rules", "select", "ignore", "severity", "fail_on", "lang", "include", "exclude",
         "jobs", "max_size", "per_file_ignores", "cross", "previous", "hierarchy", "organs"}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def _err(zh: str, en: str) -> SettingsError:
    return SettingsError(Bilingual(zh, en))


def _err_at(origin: str, zh: str, en: str) -> SettingsError:
    """An error about a value read from ``origin`` (a config file, or the command line)."""
    where = "命令行" if origin == COMMAND_LINE else origin
    return SettingsError(Bilingual(f"{where}: {zh}", f"{origin}: {en}"))


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def parse_size(text: str | int) -> int:
    """``20MB`` / ``512k`` / ``1048576`` -> bytes, between 1 byte and 1 TB."""
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise _err(f"文件大小应为数字或带单位的文本 (例如 20MB、512KB), 而不是 {_shown(text)}",
                   f"a size is a number or a text with a unit (e.g. 20MB, 512KB), not {_shown(text)}")
    if isinstance(text, int):
        size = float(text)
    else:
        m = _SIZE.match(text)
        if not m:
            raise _err(f"无法识别的文件大小: {_shown(text)}(例如 20MB、512KB)",
                       f"unrecognised size: {_shown(text)} (e.g. 20MB, 512KB)")
        size = float(m.group(1)) * _UNITS[(m.group(2) or "").lower()[:1]]
    if not math.isfinite(size) or not 1 <= size <= MAX_SIZE_LIMIT:
        raise _err(f"文件大小应在 1 字节到 1TB 之间, 收到 {_shown(text)}",
                   f"a size must be between 1 byte and 1TB, not {_shown(text)}")
    return int(size)


def parse_severity_option(items: list[str]) -> dict[str, str]:
    """``--severity ID=LEVEL`` values -> mapping, validating the level."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, level = item.partition("=")
        level = level.strip().lower()
        if not sep or not name.strip() or level not in LEVELS:
            raise _err(f"--severity 取 规则ID或类别=级别 (级别为 {'/'.join(LEVELS)}), 收到 {item!r}",
                       f"--severity takes RULE-ID-OR-KIND=LEVEL (LEVEL is {'/'.join(LEVELS)}), not {item!r}")
        out[name.strip()] = level
    return out


# ---------------------------------------------------------------- finding the config file
def _home() -> Path | None:
    try:
        return Path.home()
    except (RuntimeError, KeyError, OSError):
        return None


def _is_home(folder: Path, home: Path | None) -> bool:
    if home is None:
        return False
    try:
        return folder == home or os.path.samefile(folder, home)  # a home reached through a link too
    except OSError:
        return False


def _search_folders(start: Path) -> list[Path]:
    """``start`` and its parents up to the repository root or the home folder, whichever is nearer."""
    home = _home()
    folders: list[Path] = []
    for folder in (start, *start.parents):
        folders.append(folder)
        if os.path.lexists(folder / ".git") or _is_home(folder, home):
            break
    return folders


def untrusted_reason(path: Path) -> Bilingual | None:
    """Why a config file found by searching must not be used (others could write it), or None."""
    if os.name != "posix":
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return Bilingual(f"忽略配置文件 {path}: 同组或其他用户可以写入它",
                         f"ignoring config file {path}: it is writable by its group or by other users")
    uid = os.geteuid()
    if uid != 0 and info.st_uid != uid:
        return Bilingual(f"忽略配置文件 {path}: 它属于另一个用户 (uid {info.st_uid})",
                         f"ignoring config file {path}: it belongs to another user (uid {info.st_uid})")
    return None


def _usable(candidate: Path, warnings: list[Bilingual]) -> bool:
    if not candidate.is_file():
        return False
    reason = untrusted_reason(candidate)
    if reason is not None:
        warnings.append(reason)
        return False
    return True


def find_config(start: Path, warnings: list[Bilingual] | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest usable config file at or above ``start`` and its raw gaudit table.

    Files that others could write are skipped, each with a warning appended to ``warnings``.
    """
    notes: list[Bilingual] = [] if warnings is None else warnings
    for folder in _search_folders(start.absolute()):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if _usable(candidate, notes):
                return candidate, _read_yaml_config(candidate)
        pyproject = folder / "pyproject.toml"
        if _usable(pyproject, notes):
            table = _read_pyproject(pyproject)
            if table is not None:
                return pyproject, table
    return None


def _read_yaml_config(path: Path) -> dict[str, Any]:
    try:
        data = load_file(path)
    except YamlError as exc:
        raise SettingsError(exc.message) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise _err(f"{path}:1: 配置文件应为键值映射, 而不是 {kind}",
                   f"{path}:1: a config file is a mapping of keys to values, not a {kind}")
    return data


def _read_pyproject(path: Path) -> dict[str, Any] | None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10
        import tomli as tomllib
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise _err(f"{path}: 无法读取 pyproject.toml: {exc}", f"{path}: cannot read pyproject.toml: {exc}") from None
    tool = data.get("tool")
    table = tool.get("gaudit") if isinstance(tool, dict) else None
    return table if isinstance(table, dict) else None


# ---------------------------------------------------------------------- values
def _as_list(value: Any, key: str, origin: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise _err_at(origin, f"{key} 应为字符串列表", f"{key} must be a list of strings")


def _rule_paths(value: Any, origin: str, base: Path | None) -> list[str]:
    out = []
    for given in _as_list(value, "rules", origin):
        path = str(base / given) if base is not None else given
        try:
            mode = os.stat(path).st_mode
        except OSError:
            mode = None  # a missing path is reported by the rule loader, which names it
        if mode is not None and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise _err_at(origin, f"rules: {given} 不是普通文件或文件夹 (设备、管道?)",
                          f"rules: {given} is not a regular file or a folder (a device, a pipe?)")
        out.append(path)
    return out


def _jobs(value: Any, origin: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_JOBS:
        raise _err_at(origin,
                      f"jobs 应为 0 到 {MAX_JOBS} 之间的整数 (0 表示每个 CPU 一个进程), 收到 {_shown(value)}",
                      f"jobs must be a whole number from 0 to {MAX_JOBS} (0: one per CPU), not {_shown(value)}")
    return value


def _max_size(value: Any, origin: str) -> int:
    try:
        return parse_size(value)
    except SettingsError as exc:
        raise _err_at(origin, f"max-size: {exc.message.zh}", f"max-size: {exc.message.en}") from None


def _choice(value: Any, key: str, allowed: tuple[str, ...], origin: str) -> str:
    if not isinstance(value, str) or value not in allowed:
        name = key.replace("_", "-")
        raise _err_at(origin, f"{name} 应为 {'/'.join(allowed)} 之一, 收到 {_shown(value)}",
                      f"{name} must be one of {'/'.join(allowed)}, not {_shown(value)}")
    return value


def _severity(value: Any, origin: str) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise _err_at(origin, "severity 应为 规则ID: 级别 的映射", "severity must be a mapping of rule id: level")
    try:
        # YAML 1.1 reads a bare ``off`` as false.
        return parse_severity_option([f"{k}={'off' if v is False else v}" for k, v in value.items()])
    except SettingsError as exc:
        raise _err_at(origin, exc.message.zh, exc.message.en) from None


def _per_file_ignores(value: Any, origin: str, base: Path | None) -> list[tuple[str, list[str], str]]:
    if not isinstance(value, Mapping):
        raise _err_at(origin, "per-file-ignores 应为 文件通配符: [规则ID或类别] 的映射",
                      "per-file-ignores must be a mapping of file glob: [rule ids or kinds]")
    folder = str(base if base is not None else Path.cwd())
    return [(str(glob), _as_list(names, "per-file-ignores", origin), folder)
            for glob, names in value.items()]


_SETTERS: dict[str, Callable[[Settings, Any, str, Path | None], None]] = {
    "rules": lambda s, v, o, b: s.rules.extend(_rule_paths(v, o, b)),
    "select": lambda s, v, o, b: setattr(s, "select", _as_list(v, "select", o)),
    "ignore": lambda s, v, o, b: setattr(s, "ignore", _as_list(v, "ignore", o)),
    "include": lambda s, v, o, b: setattr(s, "include", _as_list(v, "include", o)),
    "exclude": lambda s, v, o, b: setattr(s, "exclude", _as_list(v, "exclude", o)),
    "severity": lambda s, v, o, b: s.severity.update(_severity(v, o)),
    "fail_on": lambda s, v, o, b: setattr(s, "fail_on", _choice(v, "fail_on", FAIL_ON, o)),
    "lang": lambda s, v, o, b: setattr(s, "lang", _choice(v, "lang", LANGS, o)),
    "jobs": lambda s, v, o, b: setattr(s, "jobs", _jobs(v, o)),
    "max_size": lambda s, v, o, b: setattr(s, "max_size", _max_size(v, o)),
    "per_file_ignores": lambda s, v, o, b: s.per_file_ignores.extend(_per_file_ignores(v, o, b)),
    "cross": lambda s, v, o, b: setattr(s, "cross", _bool(v, "cross", o)),
    "previous": lambda s, v, o, b: setattr(
        s, "previous", [str(b / p) if b is not None else p for p in _as_list(v, "previous", o)]),
    "hierarchy": lambda s, v, o, b: setattr(s, "hierarchy", _cross_config("parse_hierarchy", o, v, b)),
    "organs": lambda s, v, o, b: setattr(s, "organs", _cross_config("parse_organs", o, v)),
}


def _bool(value: Any, key: str, origin: str) -> bool:
    if not isinstance(value, bool):
        raise _err_at(origin, f"{key} 应为 true 或 false, 收到 {_shown(value)}",
                      f"{key} must be true or false, not {_shown(value)}")
    return value


def _cross_config(parser: str, origin: str, *args: Any) -> Any:
    """A cross-report setting read by :mod:`gaudit.cross.config` (errors name their origin)."""
    from gaudit.cross import config

    try:
        return getattr(config, parser)(*args)
    except config.CrossConfigError as exc:
        raise _err_at(origin, exc.message.zh, exc.message.en) from None


def _apply(settings: Settings, raw: Mapping[str, Any], origin: str, base: Path | None) -> None:
    for raw_key, value in raw.items():
        key = str(raw_key).replace("-", "_")
        if key not in _KEYS:
            known = ", ".join(sorted(k.replace("_", "-") for k in _KEYS))
            raise _err_at(origin, f"未知设置 {_shown(raw_key)}(可用: {known})",
                          f"unknown setting {_shown(raw_key)} (known: {known})")
        if value is None:
            continue
        _SETTERS[key](settings, value, origin, base)
        settings.sources[key] = origin


def load_settings(
    cli: Mapping[str, Any], cwd: Path | None = None, config: Path | None = None
) -> Settings:
    """Merge defaults, the config file and the command line (in that order of strength)."""
    settings = Settings()
    for key in _KEYS:
        settings.sources[key] = "default"
    env_lang = os.environ.get("GAUDIT_LANG")
    if env_lang in LANGS:
        settings.lang = env_lang
        settings.sources["lang"] = "GAUDIT_LANG"
    found: tuple[Path, dict[str, Any]] | None
    if config is not None:
        if not config.is_file():
            if config.exists():
                raise _err(f"{config}: 不是普通文件", f"{config}: not a regular file")
            raise _err(f"找不到配置文件: {config}", f"no such config file: {config}")
        raw = (_read_pyproject(config) or {}) if config.name == "pyproject.toml" else (
            _read_yaml_config(config))
        found = (config, raw)
    else:
        found = find_config(cwd or Path.cwd(), settings.warnings)
    if found is not None:
        path, raw = found
        settings.config_files.append(str(path))
        _apply(settings, raw, str(path), path.parent)
    cli_values = {k: v for k, v in cli.items() if v not in (None, [], {}, ())}
    _apply(settings, cli_values, COMMAND_LINE, None)
    return settings
