"""Help pages in Chinese all through: click's own words (``Usage:``, ``Options``,
``[default: …]``, ``[required]``) are given in Chinese when the help is Chinese."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import typer.core

_BaseContext: Any = typer.core.TyperCommand.context_class
_BaseFormatter: Any = _BaseContext.formatter_class

_SECTIONS = {"Arguments": "参数", "Options": "选项", "Commands": "命令"}
_EXTRAS = ((re.compile(r"\[default: ([^\]]*)\]"), r"[默认: \1]"),
           (re.compile(r"\[required\]"), "[必填]"),
           (re.compile(r"\[env var: ([^\]]*)\]"), r"[环境变量: \1]"))


_TEXTS = {
    "Show this message and exit.": "显示此帮助并退出。",
    "Install completion for the current shell.": "为当前 shell 安装命令补全。",
    "Show completion for the current shell, to copy it or customize the installation.":
        "显示当前 shell 的命令补全脚本,以便复制或自行安装。",
}
_USAGE = (("[OPTIONS]", "[选项]"), ("COMMAND [ARGS]...", "命令 [参数]..."))


def _zh_extras(text: str) -> str:
    text = _TEXTS.get(text, text)
    for pattern, replacement in _EXTRAS:
        text = pattern.sub(replacement, text)
    return text


class ZhHelpFormatter(_BaseFormatter):  # type: ignore[misc]
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, chinese in _USAGE:
            args = args.replace(english, chinese)
        super().write_usage(prog, args, prefix="用法: " if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(_SECTIONS.get(name, name)):
            yield

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _zh_extras(text)) for term, text in rows], col_max, col_spacing)


class ZhContext(_BaseContext):  # type: ignore[misc]
    formatter_class = ZhHelpFormatter


class ZhCommand(typer.core.TyperCommand):
    context_class = ZhContext


class ZhGroup(typer.core.TyperGroup):
    context_class = ZhContext
