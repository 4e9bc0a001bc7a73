"""Turn the paths a user typed into the list of report files to audit.

Folders are walked recursively (following links, but never round a loop),
files are kept when they match an ``--include`` glob and no ``--exclude`` glob,
and ``-`` stands for standard input.  Whatever cannot be audited (a missing
path, a dangling link) is still listed, with the reason, so that every input
is accounted for in the output exactly once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from fnmatch import fnmatch

DEFAULT_INCLUDE: tuple[str, ...] = ("*.txt", "*.htm", "*.html")
STDIN = "-"


@dataclass(frozen=True)
class Input:
    """One file to audit."""

    display: str
    """The path as the user should see it (valid Unicode, relative where given relative)."""
    fs_path: str | None
    """The path to open (may hold surrogate escapes for undecodable names); None for stdin."""
    problem: str | None = None
    """Why this input cannot be read at all (``missing``, ``dangling-link``), if known up front."""


@dataclass(frozen=True)
class Discovery:
    inputs: list[Input]
    empty_folders: list[str]
    """Folders given by the user in which no file matched the include globs."""


def display_name(path: str) -> str:
    """A printable form of a file-system path whose bytes may not be valid UTF-8."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _matches(name: str, rel: str, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    rel = rel.replace(os.sep, "/")
    if any(fnmatch(name, g) or fnmatch(rel, g) for g in exclude):
        return False
    return any(fnmatch(name, g) or fnmatch(rel, g) for g in include)


def _walk(folder: str, include: tuple[str, ...], exclude: tuple[str, ...]) -> list[Input]:
    found: list[Input] = []
    seen_dirs: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=True):
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:  # a symlink loop or a second link to a folder already walked
            dirnames[:] = []
            continue
        seen_dirs.add(key)
        dirnames.sort()
        for name in filenames:
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, folder)
            if not _matches(name, rel, include, exclude):
                continue
            problem = None
            if os.path.islink(full) and not os.path.exists(full):
                problem = "dangling-link"
            found.append(Input(display_name(full), full, problem))
    return found


def discover(
    paths: list[str],
    include: tuple[str, ...] = DEFAULT_INCLUDE,
    exclude: tuple[str, ...] = (),
    stdin_name: str = "<stdin>",
) -> Discovery:
    """Expand ``paths`` into inputs sorted by displayed path, each file once."""
    inputs: dict[str, Input] = {}
    empty: list[str] = []
    for given in paths:
        if given == STDIN:
            inputs.setdefault(stdin_name, Input(stdin_name, None))
        elif os.path.isdir(given):
            walked = _walk(given, include, exclude)
            if not walked:
                empty.append(display_name(given))
            for item in walked:
                inputs.setdefault(item.display, item)
        elif os.path.lexists(given):
            # A file named explicitly is audited whatever its extension.
            problem = "dangling-link" if not os.path.exists(given) else None
            inputs.setdefault(display_name(given), Input(display_name(given), given, problem))
        else:
            inputs.setdefault(display_name(given), Input(display_name(given), given, "missing"))
    return Discovery(sorted(inputs.values(), key=lambda i: i.display), empty)
