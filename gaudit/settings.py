"""Settings: built-in defaults, then a config file, then command-line options.

The config file is the first ``.gaudit.yaml`` (or ``.gaudit.yml``), or
``pyproject.toml`` with a ``[tool.gaudit]`` table, found walking up from the
current folder.  Both hold the same keys as the command line::

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

Every value remembers where it came from, for ``gaudit config``.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gaudit.discover import DEFAULT_INCLUDE

FAIL_ON = ("error", "warning", "info", "never")
LANGS = ("zh", "en")
LEVELS = ("error", "warning", "info", "off")
DEFAULT_MAX_SIZE = 20 * 1024 * 1024


class SettingsError(Exception):
    """A bad option or config file; the CLI exits with code 2."""


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
    """0 means one worker per CPU."""
    max_size: int = DEFAULT_MAX_SIZE
    sources: dict[str, str] = field(default_factory=dict)
    """Setting name -> where its value came from (``default``, a file, ``command line``)."""


_KEYS = {"rules", "select", "ignore", "severity", "fail_on", "lang", "include", "exclude",
         "jobs", "max_size"}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(text: str | int) -> int:
    """``20MB`` / ``512k`` / ``1048576`` -> bytes."""
    if isinstance(text, int):
        return text
    m = _SIZE.match(str(text))
    if not m:
        raise SettingsError(f"无法识别的文件大小: {text!r}(例如 20MB、512KB)")
    unit = (m.group(2) or "").lower()[:1]
    return int(float(m.group(1)) * _UNITS[unit])


def parse_severity_option(items: list[str]) -> dict[str, str]:
    """``--severity ID=LEVEL`` values -> mapping, validating the level."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, level = item.partition("=")
        level = level.strip().lower()
        if not sep or not name.strip() or level not in LEVELS:
            raise SettingsError(
                f"--severity 取 规则ID或类别=级别 (级别为 {'/'.join(LEVELS)}), 收到 {item!r}"
            )
        out[name.strip()] = level
    return out


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config file at or above ``start`` and its raw gaudit table."""
    for folder in (start, *start.parents):
        for name in (".gaudit.yaml", ".gaudit.yml"):
            candidate = folder / name
            if candidate.is_file():
                return candidate, _read_yaml_config(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read_pyproject(pyproject)
            if table is not None:
                return pyproject, table
    return None


def _read_yaml_config(path: Path) -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise SettingsError(f"{path}{where}: YAML 语法错误: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: 无法读取配置文件: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SettingsError(f"{path}:1: 配置文件应为键值映射, 而不是 {type(data).__name__}")
    return data


def _read_pyproject(path: Path) -> dict[str, Any] | None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10
        import tomli as tomllib
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: 无法读取 pyproject.toml: {exc}") from None
    table = data.get("tool", {}).get("gaudit")
    return table if isinstance(table, dict) else None


def _as_list(value: Any, key: str, origin: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise SettingsError(f"{origin}: {key} 应为字符串列表")


def _apply(settings: Settings, raw: Mapping[str, Any], origin: str, base: Path | None) -> None:
    for raw_key, value in raw.items():
        key = str(raw_key).replace("-", "_")
        if key not in _KEYS:
            raise SettingsError(
                f"{origin}: 未知设置 {raw_key!r}(可用: {', '.join(sorted(_KEYS))})"
            )
        if value is None:
            continue
        if key == "rules":
            paths = _as_list(value, key, origin)
            settings.rules += [str(base / p) if base is not None else p for p in paths]
        elif key in ("select", "ignore", "include", "exclude"):
            setattr(settings, key, _as_list(value, key, origin))
        elif key == "severity":
            if not isinstance(value, Mapping):
                raise SettingsError(f"{origin}: severity 应为 规则ID: 级别 的映射")
            settings.severity.update(
                # YAML 1.1 reads a bare ``off`` as false.
                parse_severity_option(
                    [f"{k}={'off' if v is False else v}" for k, v in value.items()]
                )
            )
        elif key == "fail_on":
            if str(value) not in FAIL_ON:
                raise SettingsError(f"{origin}: fail-on 应为 {'/'.join(FAIL_ON)} 之一")
            settings.fail_on = str(value)
        elif key == "lang":
            if str(value) not in LANGS:
                raise SettingsError(f"{origin}: lang 应为 zh 或 en")
            settings.lang = str(value)
        elif key == "jobs":
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise SettingsError(f"{origin}: jobs 应为非负整数")
            settings.jobs = value
        elif key == "max_size":
            settings.max_size = parse_size(value)
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
            raise SettingsError(f"找不到配置文件: {config}")
        raw = (_read_pyproject(config) or {}) if config.name == "pyproject.toml" else (
            _read_yaml_config(config))
        found = (config, raw)
    else:
        found = find_config(cwd or Path.cwd())
    if found is not None:
        path, raw = found
        _apply(settings, raw, str(path), path.parent)
    cli_values = {k: v for k, v in cli.items() if v not in (None, [], {}, ())}
    _apply(settings, cli_values, "command line", None)
    return settings
