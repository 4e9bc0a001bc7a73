"""Where a report is written, safely: never over an input, never half-written.

``-o FILE`` is written to a temporary file in FILE's folder and renamed over FILE only when
the run ends well, so an interrupted or failed run leaves FILE as it was (or absent).  A
FILE that is not a regular file (``/dev/null``, ``/dev/full``, a FIFO) is written directly:
renaming over a device would replace it.  A FILE that is one of the inputs (the same file,
after links) is refused before anything is read.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from gaudit.i18n import Bilingual, UserError
from gaudit.os_reason import os_reason


class OutputError(UserError):
    """The output cannot be written (exit 2)."""


def is_input(output: Path, inputs: Iterable[str]) -> bool:
    """Whether ``output`` names one of ``inputs`` (the same file, through links too)."""
    if not output.exists():
        return False
    for given in inputs:
        try:
            if os.path.samefile(output, given):
                return True
        except OSError:
            continue
    return False


def refuse_input(output: Path | None, inputs: Iterable[str]) -> None:
    if output is not None and is_input(output, inputs):
        raise OutputError(Bilingual(f"输出文件 {output} 是输入文件之一, 写入会毁掉它; 请换一个文件名",
                                    f"the output file {output} is one of the inputs and would be "
                                    "destroyed; choose another name"))


def write_error(target: object, exc: OSError) -> OutputError:
    """The error for a failed write, in one language at a time (never the OS's English)."""
    return OutputError(Bilingual(f"无法写入输出 {target}: ", f"cannot write the output {target}: ")
                       + os_reason(exc))


class Output:
    """The stream a writer writes to: stdout, or ``path`` through a temporary file."""

    def __init__(self, path: Path | None, machine: bool) -> None:
        self.path = path
        self._temp: str | None = None
        if path is None:
            if machine:
                sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
            else:
                sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
            self.stream: TextIO = sys.stdout
            return
        try:
            self.stream = self._open(path)
        except OSError as exc:
            raise write_error(path, exc) from None

    def _open(self, path: Path) -> TextIO:
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None and not stat.S_ISREG(mode):
            return path.open("w", encoding="utf-8", newline="")
        fd, self._temp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self._temp, 0o666 & ~umask)
        return os.fdopen(fd, "w", encoding="utf-8", newline="")

    def commit(self) -> None:
        """Flush, and put the finished file in place."""
        try:
            self.stream.flush()
            if self.path is None:
                return
            if self._temp is not None:
                os.fsync(self.stream.fileno())
            self.stream.close()
            if self._temp is not None:
                os.replace(self._temp, self.path)
                self._temp = None
        except OSError as exc:
            self.abort()
            raise write_error(self.path or "stdout", exc) from None

    def abort(self) -> None:
        """Drop a half-written file; an existing FILE stays as it was."""
        if self.path is None:
            return
        with contextlib.suppress(OSError):
            self.stream.close()
        if self._temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._temp)
            self._temp = None
