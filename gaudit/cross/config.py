"""The configuration of cross-report audits: hierarchy, organ mapping, previous reports.

Keys of ``.gaudit.yaml`` (or ``[tool.gaudit]``), read through :mod:`gaudit.settings`::

    cross: true                       # false (or --no-cross) turns the second pass off
    previous: [../2022/]              # last year's reports: compared with, not audited
    hierarchy:                        # or a YAML file: hierarchy: org-tree.yaml (--hierarchy FILE)
      临川县人民政府: [石桥镇人民政府, 桂山镇人民政府]
    organs:                           # for files whose text names no organ or year
      "scans/shiqiao-*.txt": {organ: 石桥镇人民政府, year: 2023}

A hierarchy file holds the same mapping, at the top or under ``hierarchy:``.  A hierarchy
whose organs name each other in a cycle (directly or through others, after the names are
normalised like any organ's) is a configuration error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from gaudit.cross.organs import organ_key
from gaudit.i18n import Bilingual, UserError

__all__ = ["CrossConfigError", "OrganMapping", "find_cycle", "parse_hierarchy", "parse_organs"]


class CrossConfigError(UserError):
    """A cross-report setting that cannot be used; the command line exits with code 2."""


def _err(zh: str, en: str) -> CrossConfigError:
    return CrossConfigError(Bilingual(zh, en))


@dataclass(frozen=True)
class OrganMapping:
    """One ``organs:`` entry: files matching ``glob`` are ``organ``'s report for ``year``."""

    glob: str
    organ: str | None
    year: int | None

    def matches(self, path: str) -> bool:
        return PurePosixPath(path.replace("\\", "/")).match(self.glob)


def _load_file(path: Path) -> Any:
    from gaudit.yaml_load import YamlError, load_file

    if not path.is_file():
        raise _err(f"找不到组织层级文件: {path}", f"no such hierarchy file: {path}")
    try:
        data = load_file(path)
    except YamlError as exc:
        raise CrossConfigError(exc.message) from None
    if isinstance(data, Mapping) and set(data) == {"hierarchy"}:
        return data["hierarchy"]
    return data


def parse_hierarchy(value: Any, base: Path | None) -> dict[str, list[str]]:
    """``hierarchy:`` as a mapping, or the path of a YAML file holding one; checked for cycles."""
    if isinstance(value, str):
        value = _load_file(base / value if base is not None else Path(value))
    if not isinstance(value, Mapping):
        raise _err("hierarchy 应为 上级机关: [下级机关, ...] 的映射, 或这样一个 YAML 文件的路径",
                   "hierarchy must be a mapping of parent organ: [child organs], or the path of a YAML file of one")
    out: dict[str, list[str]] = {}
    for parent, children in value.items():
        if isinstance(children, str):
            children = [children]
        if not isinstance(parent, str) or not isinstance(children, list) or \
                not all(isinstance(c, str) for c in children):
            raise _err(f"hierarchy: {parent!r} 的下级机关应为名称列表",
                       f"hierarchy: the children of {parent!r} must be a list of names")
        out[parent] = list(children)
    cycle = find_cycle(out)
    if cycle:
        path = " -> ".join(cycle)
        raise _err(f"hierarchy 中有循环: {path}", f"the hierarchy has a cycle: {path}")
    return out


def find_cycle(hierarchy: Mapping[str, list[str]]) -> list[str]:
    """Names along a cycle of ``hierarchy`` (first name repeated at the end), or ``[]``."""
    names: dict[str, str] = {}
    graph: dict[str, list[str]] = {}
    for parent, children in hierarchy.items():
        p = organ_key(parent) or parent
        names.setdefault(p, parent)
        for child in children:
            c = organ_key(child) or child
            names.setdefault(c, child)
            graph.setdefault(p, []).append(c)
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(graph):
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = []
        while stack:
            node, k = stack.pop()
            if k == 0:
                if state.get(node) == 2:
                    continue
                if state.get(node) == 1:
                    at = path.index(node)
                    return [names[n] for n in (*path[at:], node)]
                state[node] = 1
                path.append(node)
            children = graph.get(node, [])
            if k < len(children):
                stack.append((node, k + 1))
                stack.append((children[k], 0))
            else:
                state[node] = 2
                path.pop()
    return []


def parse_organs(value: Any) -> list[OrganMapping]:
    """``organs:``: file glob -> ``{organ: NAME, year: YYYY}`` (either key may be left out) or NAME."""
    if not isinstance(value, Mapping):
        raise _err("organs 应为 文件通配符: {organ: 机关名称, year: 年度} 的映射",
                   "organs must be a mapping of file glob: {organ: NAME, year: YEAR}")
    out = []
    for glob, entry in value.items():
        if isinstance(entry, str):
            entry = {"organ": entry}
        if not isinstance(glob, str) or not isinstance(entry, Mapping) or not set(entry) <= {"organ", "year"}:
            raise _err(f"organs: {glob!r} 应映射到 {{organ: 机关名称, year: 年度}}",
                       f"organs: {glob!r} must map to {{organ: NAME, year: YEAR}}")
        organ, year = entry.get("organ"), entry.get("year")
        if (organ is not None and not isinstance(organ, str)) or \
                (year is not None and (isinstance(year, bool) or not isinstance(year, int))):
            raise _err(f"organs: {glob!r} 的 organ 应为文字, year 应为整数",
                       f"organs: {glob!r}: organ must be a text and year a whole number")
        out.append(OrganMapping(glob, organ, year))
    return out
