"""Reading a rule file's YAML nodes: each value with the line it stands on, for errors that
name the file and line in both languages.

Rule files are validated node by node (not after ``safe_load``), so that every problem points
at the line where it is written.
"""

from __future__ import annotations

import string
from typing import TYPE_CHECKING, Any

from gaudit.checks.params import type_label
from gaudit.i18n import Bilingual, UserError

if TYPE_CHECKING:
    from yaml.nodes import Node

__all__ = ["PlaceholderError", "RuleFile", "RuleFileError", "line_of", "node_kind", "node_kind_zh", "placeholders",
           "str_list", "yaml_module"]


class RuleFileError(UserError):
    """A rule file cannot be used; its message is ``path:line: problem`` in both languages.

    ``problem`` is the English wording (kept for callers that match on it), ``details`` both;
    ``str()`` is the Chinese rendering, like every :class:`~gaudit.i18n.UserError`.
    """

    def __init__(self, path: str, line: int, problem: str | Bilingual) -> None:
        details = problem if isinstance(problem, Bilingual) else Bilingual(problem, problem)
        self.path = path
        self.line = line
        self.details = details
        self.problem = details.en
        where = f"{path}:{line}" if line else path
        super().__init__(Bilingual(f"{where}: {details.zh}", f"{where}: {details.en}"))



def yaml_module() -> Any:
    import yaml

    return yaml


def line_of(node: Node) -> int:
    return int(node.start_mark.line) + 1


class RuleFile:
    """One rule file being validated: its path for messages and its YAML loader."""

    def __init__(self, path: str, loader: Any) -> None:
        self.path = path
        self.loader = loader

    def error(self, node: Node | int, problem: Bilingual) -> RuleFileError:
        line = node if isinstance(node, int) else line_of(node)
        return RuleFileError(self.path, line, problem)

    def value(self, node: Node) -> Any:
        return self.loader.construct_object(node, deep=True)

    def mapping(self, node: Node, what: Bilingual) -> dict[str, tuple[Node, Node]]:
        """Key -> (key node, value node); rejects non-mappings, non-string and duplicate keys.

        ``what`` names the mapping in both languages ("规则" / "a rule")."""
        yaml = yaml_module()
        name = what.zh if what.zh[-1:] > "\u2e7f" else what.zh + " "  # a CJK name needs no space
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, Bilingual(f"{name}应为映射 (键: 值), 而不是{node_kind_zh(node)}",
                                             f"{what.en} must be a mapping (key: value), not {node_kind(node)}"))
        out: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            key = self.value(key_node)
            if not isinstance(key, str):
                raise self.error(key_node, Bilingual(f"{name}的键应为字符串, 而不是 {key!r}",
                                                     f"keys of {what.en} must be strings, not {key!r}"))
            if key in out:
                raise self.error(key_node, Bilingual(f"{name}中的键 {key!r} 重复",
                                                     f"duplicate key {key!r} in {what.en}"))
            out[key] = (key_node, value_node)
        return out


def node_kind(node: Node) -> str:
    yaml = yaml_module()
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    return f"the value {node.value!r}" if node.value != "" else "an empty value"


def node_kind_zh(node: Node) -> str:
    yaml = yaml_module()
    if isinstance(node, yaml.SequenceNode):
        return "列表"
    if isinstance(node, yaml.MappingNode):
        return "映射"
    return f"值 {node.value!r}" if node.value != "" else "空值"



class PlaceholderError(ValueError):
    """A message template holds something other than plain ``{name}`` placeholders."""

    def __init__(self, message: Bilingual) -> None:
        super().__init__(message.en)
        self.message = message


def placeholders(text: str) -> list[str]:
    """Field names of a ``str.format`` template; raises :class:`PlaceholderError` (a ValueError)
    for anything but ``{name}``."""
    names = []
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:  # a lone { or }
        raise PlaceholderError(Bilingual("花括号不成对; 字面的花括号请写 {{ 或 }}", str(exc))) from None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            written = f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
            raise PlaceholderError(Bilingual(f"占位符 {written} 不是简单的 {{name}} 形式",
                                             f"placeholder {written} is not a plain {{name}}"))
        names.append(name)
    return names


def str_list(f: RuleFile, node: Node, what: str) -> list[object]:
    """The list under ``node`` (a lone string or integer makes a list of one); ``what`` is the
    key as the file writes it, such as ``'formats'``."""
    value = f.value(node)
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return [value]
    if not isinstance(value, list):
        raise f.error(node, Bilingual("{what} 应为列表, 而不是{kind}", "{what} must be a list, not {kind}")
                      .format(what=what, kind=type_label(value)))
    return value


