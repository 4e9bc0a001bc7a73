"""``--format github``: GitHub Actions workflow commands, one per finding.

Each line is ``::error|warning|notice file=…,line=…,col=…,title=…::message``;
GitHub turns them into annotations on the pull request.  Values are escaped
as the Actions toolkit does it, so a message holding ``%``, ``:``, ``,`` or a
newline cannot end the command early.  Nothing else is printed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from gaudit.model import FailedFile, FileResult
from gaudit.output.safe_text import escape_controls

if TYPE_CHECKING:
    from gaudit.output.base import OutputOptions
    from gaudit.summary import Summary

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
_DATA = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})
_PROPERTY = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command (other controls shown as ``\\x1b``)."""
    return escape_controls(text.translate(_DATA))


def escape_property(text: str) -> str:
    """Escape a property value (``file=``, ``title=`` …) of a workflow command: a line
    break in a file name cannot start a command of its own."""
    return escape_controls(text.translate(_PROPERTY))


class GithubWriter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self._stream = stream
        self._lang = options.lang

    def start(self) -> None:
        pass

    def add(self, result: FileResult) -> None:
        path = escape_property(result.path)
        if isinstance(result, FailedFile):
            message = result.error.message.get(self._lang)
            self._stream.write(f"::error file={path},title=gaudit::{escape_data(message)}\n")
            return
        lines = []
        for f in result.findings:
            command = _COMMANDS.get(f.severity, "warning")
            title = escape_property(f"{f.rule} ({f.kind})")
            lines.append(f"::{command} file={path},line={f.line},col={f.col},title={title}"
                         f"::{escape_data(f.message.get(self._lang))}\n")
        self._stream.write("".join(lines))

    def finish(self, summary: Summary) -> None:
        self._stream.flush()
