"""Turn the paths a user typed into the list of report files to audit.

Folders are walked (without recursion, however deep; following links, but never
round a loop).  A file found in a folder is kept when its name matches an
``include`` glob (case-insensitively, on every system) and no ``exclude`` glob; a
folder is not entered when it is hidden (its name starts with ``.``), a virtual
environment (it holds ``pyvenv.cfg``), ``node_modules`` or ``__pycache__``,
matches an ``exclude`` glob, or is ignored by a ``.gitignore`` file met on the
way (nested ones apply below their own folder, ``!`` negations included).  A file
named on the command line is audited whatever its name, unless ``force_exclude``
is set and an ``exclude`` glob matches it; ``-`` stands for standard input.

Nothing vanishes: whatever cannot be audited (a missing path, a dangling link, a
folder that cannot be listed, a device or a pipe) is still listed, with a
problem key (see :func:`problem_message`), so that every path found or named is
accounted for in the output exactly once.  Identity is the path's bytes, not its
printed form: two undecodable names that print alike stay two inputs.  Nothing
is opened here: a FIFO is recognised by ``stat`` alone.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from fnmatch import fnmatch, translate
from typing import Any

from gaudit.i18n import Bilingual

__all__ = ["DEFAULT_INCLUDE", "PROBLEMS", "STDIN", "Discovery", "Input", "discover", "display_name", "file_problem",
           "problem_message"]

DEFAULT_INCLUDE: tuple[str, ...] = ("*.txt", "*.htm", "*.html", "*.shtml", "*.xhtml", "*.pdf", "*.docx",
                                    "*.doc", "*.wps", "*.ofd")
STDIN = "-"
_SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})
_GITIGNORE_MAX_BYTES = 1024 * 1024

PROBLEMS: dict[str, Bilingual] = {
    "missing": Bilingual("文件不存在", "no such file"),
    "dangling-link": Bilingual("符号链接指向的文件不存在", "dangling symbolic link"),
    "unreadable-folder": Bilingual("无法列出此文件夹的内容(没有权限?)",
                                   "cannot list the contents of this folder (permission denied?)"),
    "not-a-regular-file": Bilingual("不是普通文件(设备、管道或套接字), 未打开",
                                    "not a regular file (a device, a pipe or a socket); not opened"),
    "unreadable": Bilingual("无法查看此文件(没有权限?)", "cannot examine this file (permission denied?)"),
}
"""Problem key -> what the user is told about an input that cannot be audited."""


def problem_message(problem: str) -> Bilingual:
    """The user message for a problem key of :attr:`Input.problem`."""
    known = PROBLEMS.get(problem)
    return known if known is not None else Bilingual(f"无法读取 ({problem})", f"cannot be read ({problem})")


@dataclass(frozen=True)
class Input:
    """One file to audit."""

    display: str
    """The path as the user should see it (valid Unicode, relative where given relative)."""
    fs_path: str | None
    """The path to open (may hold surrogate escapes for undecodable names); None for stdin."""
    problem: str | None = None
    """Why this input cannot be read at all (a key of :data:`PROBLEMS`), if known up front."""


@dataclass(frozen=True)
class Discovery:
    inputs: list[Input]
    """Sorted by displayed path, ties by the path's bytes; every path once."""
    empty_folders: list[str]
    """Folders given by the user in which no file matched the include globs."""


def display_name(path: str) -> str:
    """A printable form of a file-system path whose bytes may not be valid UTF-8."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _raw(inp: Input) -> bytes:
    return b"" if inp.fs_path is None else os.fsencode(inp.fs_path)


def _identity(path: str) -> bytes:
    return os.fsencode(os.path.normpath(path))


class _Globs:
    """Include globs match case-insensitively; exclude globs as the system compares names."""

    def __init__(self, include: Sequence[str], exclude: Sequence[str]) -> None:
        self.include = [re.compile(translate(g), re.IGNORECASE) for g in include]
        self.exclude = tuple(exclude)

    def excluded(self, name: str, rel: str) -> bool:
        return any(fnmatch(name, g) or fnmatch(rel, g) for g in self.exclude)

    def wanted(self, name: str, rel: str) -> bool:
        if self.excluded(name, rel):
            return False
        return any(p.match(name) or p.match(rel) for p in self.include)

    def excluded_named(self, given: str) -> bool:
        """Whether a path typed by the user matches an exclude glob (for ``force_exclude``)."""
        path = os.path.normpath(given)
        forms = {os.path.basename(path), path.replace(os.sep, "/")}
        if os.path.isabs(path):
            with suppress(ValueError):  # another drive on Windows
                forms.add(os.path.relpath(path).replace(os.sep, "/"))
        return any(fnmatch(form, g) for form in forms for g in self.exclude)


# ------------------------------------------------------------------ .gitignore
_Chain = tuple[tuple[str, Any], ...]
"""(folder relative to the walked root, its compiled .gitignore), shallowest first."""


def _gitignore(entry: os.DirEntry[str]) -> Any | None:
    """The compiled patterns of a ``.gitignore`` entry, or None when it is not a readable file."""
    try:
        if not entry.is_file() or entry.stat().st_size > _GITIGNORE_MAX_BYTES:
            return None
        with open(entry.path, encoding="utf-8", errors="surrogateescape") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    import pathspec  # only when a .gitignore is met

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _ignored(chain: _Chain, rel: str, is_dir: bool) -> bool:
    """Whether the nearest .gitignore with a pattern matching ``rel`` ignores it."""
    for base, spec in reversed(chain):
        sub = rel[len(base) + 1:] if base else rel
        result = spec.check_file(sub + "/" if is_dir else sub)
        if result.include is not None:
            return bool(result.include)
    return False


# ----------------------------------------------------------------------- walking
def file_problem(path: str) -> str | None:
    """The problem key of a path that is not a folder (None for a regular file), without opening it."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if os.path.islink(path):
            return "dangling-link"  # also a link in a loop of links
        return "missing" if isinstance(exc, FileNotFoundError) else "unreadable"
    return None if stat.S_ISREG(mode) else "not-a-regular-file"


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


class _Walk:
    """One folder named by the user, walked with an explicit stack."""

    def __init__(self, root: str, globs: _Globs) -> None:
        self.root = root
        self.globs = globs
        self.found: list[Input] = []
        self.seen: set[tuple[int, int]] = set()

    def run(self) -> list[Input]:
        stack: list[tuple[str, str, _Chain]] = [(self.root, "", ())]
        while stack:
            folder, rel, chain = stack.pop()
            entries = self._list(folder)
            if entries is None or (rel and any(e.name == "pyvenv.cfg" for e in entries)):
                continue  # unreadable, walked already, or a virtual environment
            chain = self._chain(entries, rel, chain)
            for entry in entries:
                entry_rel = f"{rel}/{entry.name}" if rel else entry.name
                if _is_dir(entry):
                    if self._enter(entry.name, entry_rel, chain):
                        stack.append((entry.path, entry_rel, chain))
                elif self.globs.wanted(entry.name, entry_rel) and not _ignored(chain, entry_rel, False):
                    self.found.append(Input(display_name(entry.path), entry.path, file_problem(entry.path)))
        return self.found

    def _list(self, folder: str) -> list[os.DirEntry[str]] | None:
        """The folder's entries; None (after recording why) when it cannot be listed or was seen."""
        try:
            info = os.stat(folder)
            key = (info.st_dev, info.st_ino)
            if key in self.seen:  # a symlink loop or a second link to a folder already walked
                return None
            self.seen.add(key)
            with os.scandir(folder) as it:
                return list(it)
        except OSError:
            self.found.append(Input(display_name(folder), folder, "unreadable-folder"))
            return None

    @staticmethod
    def _chain(entries: list[os.DirEntry[str]], rel: str, chain: _Chain) -> _Chain:
        for entry in entries:
            if entry.name == ".gitignore":
                spec = _gitignore(entry)
                if spec is not None:
                    return (*chain, (rel, spec))
        return chain

    def _enter(self, name: str, rel: str, chain: _Chain) -> bool:
        if name.startswith(".") or name in _SKIPPED_FOLDERS:
            return False
        return not self.globs.excluded(name, rel) and not _ignored(chain, rel, True)


def discover(
    paths: list[str],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    stdin_name: str = "<stdin>",
    force_exclude: bool = False,
) -> Discovery:
    """Expand ``paths`` into inputs sorted by displayed path, each path once.

    With ``force_exclude``, the ``exclude`` globs also drop files and folders named in ``paths``.
    """
    globs = _Globs(include, exclude)
    inputs: dict[bytes, Input] = {}
    stdin: Input | None = None
    empty: list[str] = []
    for given in paths:
        if given == STDIN:
            stdin = stdin or Input(stdin_name, None)
            continue
        if force_exclude and globs.exclude and globs.excluded_named(given):
            continue
        if os.path.isdir(given):
            walked = _Walk(given, globs).run()
            if not walked:
                empty.append(display_name(given))
            for item in walked:
                inputs.setdefault(_identity(item.fs_path or ""), item)
        else:
            # A file named explicitly is audited whatever its extension.
            inputs.setdefault(_identity(given), Input(display_name(given), given, file_problem(given)))
    found = [*inputs.values(), *([stdin] if stdin is not None else [])]
    return Discovery(sorted(found, key=lambda i: (i.display, _raw(i))), empty)
