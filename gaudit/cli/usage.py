"""Command-line usage errors (an unknown option, a missing argument) in the user's language.

typer (click) words these errors in English only; gaudit prints them itself: the Chinese
wording by default, click's own English with ``--lang en``, never the two mixed.
"""

from __future__ import annotations

import sys
from typing import Any

from gaudit.i18n import Bilingual


def _name(exc: Any) -> str:
    param = getattr(exc, "param", None)
    hint = getattr(exc, "param_hint", None)
    if isinstance(hint, str):
        return hint
    opts = getattr(param, "opts", None)
    if opts:
        return " / ".join(f"'{o}'" for o in opts)
    return f"'{getattr(param, 'name', '') or ''}'"


def usage_message(exc: Any) -> Bilingual:
    """The error of a click ``UsageError`` in both languages."""
    english = exc.format_message()
    kind = type(exc).__name__
    if kind == "NoSuchOption":
        options = ", ".join(sorted(getattr(exc, "possibilities", None) or ()))
        maybe = f"(可能是: {options})" if options else ""
        return Bilingual(f"没有选项 {exc.option_name}{maybe}", english)
    if kind == "MissingParameter":
        return Bilingual(f"缺少参数 {_name(exc)}", english)
    if kind == "BadParameter":
        return Bilingual(f"{_name(exc)} 的值无效", english)
    return Bilingual("命令行用法错误", english)


def show_usage_error(exc: Any, lang: str) -> int:
    """Print a usage error (or, for no arguments at all, the help) and return the exit code."""
    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
        print(ctx.get_help(), file=sys.stderr)
        return int(exc.exit_code)
    if ctx is not None:
        command = ctx.command_path
        hint = Bilingual(f"用 '{command} -h' 查看帮助。", f"Try '{command} -h' for help.")
        print(f"gaudit: {usage_message(exc).get(lang)}\n{hint.get(lang)}", file=sys.stderr)
    else:
        print(f"gaudit: {exc.format_message()}", file=sys.stderr)
    return int(exc.exit_code)
