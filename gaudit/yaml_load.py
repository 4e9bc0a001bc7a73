"""Read YAML that a user wrote (config files, rule files) without trusting it.

Both the settings reader and the rule-file reader go through this module, so the same
guarantees hold for every YAML file gaudit reads:

- only PyYAML's safe loader (the C one when present) is used, and every node's tag is
  checked *before* anything is constructed: ``!!python/object/apply`` or any tag the safe
  loader does not know is an error naming file and line, never a call;
- anchors and aliases cannot make a small file expand into an enormous structure (the
  "billion laughs"): the size of the document *with aliases expanded* is counted on the
  composed node graph, before construction, and bounded by :data:`MAX_NODES`; recursive
  aliases and nesting deeper than :data:`MAX_DEPTH` are refused likewise;
- a value the safe loader cannot build (``!!int abc``, ``!!timestamp 2020-13-45``) and
  a syntax error name file and line too;
- only a regular file of at most :data:`MAX_BYTES` is read (``/dev/zero`` is refused
  without being opened).

Every failure is a :class:`YamlError`; callers re-raise it as their own error type.
PyYAML is imported only when a file is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gaudit.i18n import Bilingual, UserError

if TYPE_CHECKING:
    from yaml.nodes import Node

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_NODES", "YamlError", "compose", "load", "load_file", "read_text"]

MAX_NODES = 100_000
"""Most nodes a document may hold once its aliases are expanded."""
MAX_DEPTH = 100
"""Deepest nesting of lists and mappings."""
MAX_BYTES = 10 * 1024 * 1024
"""Largest YAML file read (a config or rule file is a few kilobytes)."""

_YAML_TAG = "tag:yaml.org,2002:"
# Tags the safe loader resolves itself (merge ``<<`` and value ``=`` keys) besides its constructors.
_EXTRA_TAGS = frozenset({_YAML_TAG + "merge", _YAML_TAG + "value"})


class YamlError(UserError):
    """A YAML file that cannot be used; the message is ``path:line: problem`` in both languages."""

    def __init__(self, path: str, line: int, problem: Bilingual) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f"{path}:{line}" if line else path
        super().__init__(Bilingual(f"{where}: {problem.zh}", f"{where}: {problem.en}"))


def read_text(path: str | Path) -> str:
    """The text of a YAML file (UTF-8, an initial BOM dropped); only regular files are opened."""
    name = str(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise YamlError(name, 0, Bilingual(f"无法读取文件: {reason}", f"cannot read the file: {reason}")) from None
    if not stat.S_ISREG(info.st_mode):
        raise YamlError(name, 0, Bilingual("不是普通文件(可能是设备、管道或文件夹)",
                                           "not a regular file (a device, a pipe or a folder?)"))
    if info.st_size > MAX_BYTES:
        raise YamlError(name, 0, Bilingual(f"文件过大 ({info.st_size} 字节, 上限 {MAX_BYTES})",
                                           f"file too large ({info.st_size} bytes, limit {MAX_BYTES})"))
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise YamlError(name, 0, Bilingual(f"无法读取文件: {reason}", f"cannot read the file: {reason}")) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlError(name, 0, Bilingual(f"不是 UTF-8 文本 (第 {exc.start} 字节: {exc.reason})",
                                           f"not UTF-8 text ({exc.reason} at byte {exc.start})")) from None


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_YAML_TAG):] if tag.startswith(_YAML_TAG) else tag


def _children(node: Node) -> list[Node]:
    value = node.value
    if not isinstance(value, list):
        return []
    out: list[Node] = []
    for item in value:
        out.extend(item if isinstance(item, tuple) else (item,))
    return out


def _too_deep() -> Bilingual:
    return Bilingual(f"嵌套超过 {MAX_DEPTH} 层", f"nested more than {MAX_DEPTH} levels deep")


def _check_tag(node: Node, path: str, allowed: Any) -> None:
    if node.tag in allowed or node.tag in _EXTRA_TAGS:
        return
    tag = _tag_name(str(node.tag))
    raise YamlError(path, _line(node), Bilingual(
        f"不允许的 YAML 标签 {tag}: 只接受字符串、数字、布尔值、日期、列表和映射",
        f"YAML tag {tag} is not allowed: only strings, numbers, booleans, dates, lists and mappings"))


def _check_graph(root: Node, path: str, allowed: Any) -> None:
    """Tags, depth, recursion and expanded size of the composed graph, without recursion."""
    sizes: dict[int, int] = {}  # id(node) -> nodes under it with aliases expanded
    open_nodes: set[int] = set()  # nodes whose children are being counted (their ancestors)
    stack: list[tuple[Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, closing = stack.pop()
        key = id(node)
        if closing:
            open_nodes.discard(key)
            size = 1 + sum(sizes[id(child)] for child in _children(node))
            if size > MAX_NODES:
                raise YamlError(path, _line(node), Bilingual(
                    f"经锚点与别名展开后超过 {MAX_NODES} 个节点, 拒绝读取",
                    f"expands to more than {MAX_NODES} nodes through anchors and aliases; refused"))
            sizes[key] = size
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise YamlError(path, _line(node), Bilingual(
                "别名引用了包含它自身的锚点(递归结构), 拒绝读取",
                "an alias refers to an anchor that contains it (a recursive structure); refused"))
        _check_tag(node, path, allowed)
        if depth > MAX_DEPTH:
            raise YamlError(path, _line(node), _too_deep())
        open_nodes.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in _children(node))


def _value_error(path: str, node: Node, exc: Exception) -> YamlError:
    mark = getattr(exc, "problem_mark", None)
    line = int(mark.line) + 1 if mark is not None else _line(node)
    reason = getattr(exc, "problem", None)
    if not reason:
        shown = str(node.value) if isinstance(node.value, str) else ""
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        detail = "" if isinstance(exc, KeyError) else f" ({str(exc)[:80]})"
        reason = f"{_tag_name(str(node.tag))} {shown!r}{detail}"
    return YamlError(path, line, Bilingual(f"无法读取的值: {reason}", f"cannot read this value: {reason}"))


def _construct_all(loader: Any, root: Node, path: str) -> None:
    """Build every value once so that a bad one names its own line; later reads hit the cache."""
    import yaml

    failures = (yaml.YAMLError, ValueError, TypeError, KeyError, OverflowError, RecursionError)
    stack = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode) and node.tag not in _EXTRA_TAGS:
            try:
                loader.construct_object(node)
            except failures as exc:
                raise _value_error(path, node, exc) from None
        stack.extend(_children(node))
    try:
        loader.construct_object(root, deep=True)
    except failures as exc:
        raise _value_error(path, root, exc) from None


def compose(text: str, path: str) -> tuple[Node | None, Any]:
    """The checked node graph of a one-document YAML text, and its loader with every value built.

    ``loader.construct_object(node)`` then returns any node's value without failing. The
    caller disposes of the loader (``loader.dispose()``) when done.
    """
    import yaml

    cls = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
    loader = cls(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = int(mark.line) + 1 if mark is not None else 0
            problem = " ".join(p for p in (exc.context, exc.problem) if p)
            raise YamlError(path, line, _syntax_error(problem, text, line)) from None
        except yaml.YAMLError as exc:
            raise YamlError(path, 0, _syntax_error(str(exc), text, 0)) from None
        except RecursionError:
            raise YamlError(path, 0, _too_deep()) from None
        if root is not None:
            _check_graph(root, path, loader.yaml_constructors)
            _construct_all(loader, root, path)
    except BaseException:
        loader.dispose()
        raise
    return root, loader


def load(text: str, path: str) -> Any:
    """The value of a one-document YAML text (None when empty), read safely."""
    root, loader = compose(text, path)
    try:
        return None if root is None else loader.construct_object(root, deep=True)
    finally:
        loader.dispose()


def load_file(path: str | Path) -> Any:
    """:func:`read_text` then :func:`load`."""
    return load(read_text(path), str(path))


def _syntax_error(problem: str, text: str, line: int) -> Bilingual:
    """A YAML syntax error: the parser's own words are English, so the Chinese message quotes
    the line instead of them (one language per message)."""
    lines = text.splitlines()[:max(line, 0)]
    # The parser stops where it noticed the error, often a line after it: the last line written.
    shown = next((x.strip()[:60] for x in reversed(lines) if x.strip()), "")
    where = f"「{shown}」附近" if shown else ""
    return Bilingual(f"YAML 语法错误: {where}格式不对(请检查括号、引号、冒号和缩进)",
                     f"YAML syntax error: {problem}")
