"""Which files a run audits when the folders are hostile or merely untidy.

Every path found or named appears exactly once, with a problem key when it cannot be read;
nothing found is ever opened here (a FIFO would block).
"""

from __future__ import annotations

import os
import socket
import stat
import sys
from pathlib import Path

import pytest

from gaudit.discover import PROBLEMS, discover, problem_message

POSIX = pytest.mark.skipif(os.name != "posix", reason="a POSIX file-system matter")


def _touch(path: Path, text: str = "x") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _rel(root: Path, paths: list[str]) -> list[str]:
    return [os.path.relpath(p, root).replace(os.sep, "/") for p in paths]


def _found(root: Path, **options: object) -> list[str]:
    return _rel(root, [i.display for i in discover([str(root)], **options).inputs])  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- A: finding the files
def test_every_report_format_is_found_whatever_the_case_of_its_extension(tmp_path: Path) -> None:
    names = ["a.TXT", "b.Htm", "c.HTML", "d.shtml", "e.XHTML", "f.PDF", "g.docx", "h.DOC", "i.Wps", "j.ofd"]
    for name in [*names, "notes.md", "sheet.xlsx", "txt"]:
        _touch(tmp_path / name)
    assert _found(tmp_path) == sorted(names)


def test_custom_include_globs_match_case_insensitively(tmp_path: Path) -> None:
    _touch(tmp_path / "REPORT.TXT")
    _touch(tmp_path / "Sub" / "page.Html")
    _touch(tmp_path / "other.htm")
    assert _found(tmp_path, include=("*.txt", "sub/*.html")) == ["REPORT.TXT", "Sub/page.Html"]


def test_hidden_virtualenv_and_tool_folders_are_skipped(tmp_path: Path) -> None:
    _touch(tmp_path / "keep.txt")
    _touch(tmp_path / ".git" / "a.txt")
    _touch(tmp_path / ".cache" / "b.txt")
    _touch(tmp_path / "node_modules" / "pkg" / "c.txt")
    _touch(tmp_path / "__pycache__" / "d.txt")
    _touch(tmp_path / "venv" / "pyvenv.cfg")
    _touch(tmp_path / "venv" / "lib" / "e.txt")
    _touch(tmp_path / "tools" / "pyvenv.cfg")  # any virtual environment, whatever its name
    _touch(tmp_path / "tools" / "f.txt")
    _touch(tmp_path / "env" / "g.txt")  # named like one, but not a virtual environment
    _touch(tmp_path / "reports" / ".hidden.txt")  # a hidden file in a visible folder is a file
    assert _found(tmp_path) == ["env/g.txt", "keep.txt", "reports/.hidden.txt"]


def test_hidden_folder_named_by_the_user_is_walked(tmp_path: Path) -> None:
    _touch(tmp_path / ".reports" / "a.txt")
    found = discover([str(tmp_path / ".reports")])
    assert _rel(tmp_path, [i.display for i in found.inputs]) == [".reports/a.txt"]


def test_exclude_glob_prunes_a_folder(tmp_path: Path) -> None:
    _touch(tmp_path / "drafts" / "deep" / "a.txt")
    _touch(tmp_path / "b.txt")
    assert _found(tmp_path, exclude=("drafts",)) == ["b.txt"]


def test_gitignore_files_nested_and_negated(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.old.txt\n!keep.old.txt\ndrafts/\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".gitignore").write_text("/top.txt\nlocal.txt\n!revived.old.txt\n", encoding="utf-8")
    for name in ["a.txt", "b.old.txt", "keep.old.txt", "drafts/d.txt", "other/local.txt", "other/top.txt",
                 "sub/x.txt", "sub/local.txt", "sub/top.txt", "sub/deeper/top.txt", "sub/other.old.txt",
                 "sub/revived.old.txt"]:
        _touch(tmp_path / name)
    assert _found(tmp_path) == ["a.txt", "keep.old.txt", "other/local.txt", "other/top.txt",
                                "sub/deeper/top.txt", "sub/revived.old.txt", "sub/x.txt"]


def test_a_file_inside_an_ignored_folder_cannot_be_negated_back(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("build/\n!build/report.txt\n", encoding="utf-8")
    _touch(tmp_path / "build" / "report.txt")
    _touch(tmp_path / "a.txt")
    assert _found(tmp_path) == ["a.txt"]


def test_explicit_file_is_audited_whatever_its_extension_and_hidden_folder(tmp_path: Path) -> None:
    _touch(tmp_path / ".cache" / "report.bak")
    (inp,) = discover([str(tmp_path / ".cache" / "report.bak")]).inputs
    assert inp.problem is None


def test_force_exclude_drops_named_files_matching_exclude(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _touch(tmp_path / "drafts" / "a.txt")
    _touch(tmp_path / "final.txt")
    monkeypatch.chdir(tmp_path)
    named = [os.path.join("drafts", "a.txt"), "final.txt", str(tmp_path / "drafts" / "a.txt")]
    kept = discover(named, exclude=("drafts/*",))
    assert len(kept.inputs) == 3  # the same file typed relative and absolute: two paths, both kept
    forced = discover(named, exclude=("drafts/*",), force_exclude=True)
    assert [i.display for i in forced.inputs] == ["final.txt"]
    assert discover(["final.txt"], exclude=("final.txt",), force_exclude=True).inputs == []


# --------------------------------------------------------------------------- B: nothing vanishes
def _refuse(monkeypatch: pytest.MonkeyPatch, refused: Path) -> None:
    """Make ``os.scandir`` fail on one folder as it does without read permission (root ignores modes)."""
    real = os.scandir

    def scandir(path: str) -> object:
        if os.path.samefile(path, refused):
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_folder_that_cannot_be_listed_is_an_input_with_a_problem(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _touch(tmp_path / "a.txt")
    _touch(tmp_path / "locked" / "b.txt")
    _refuse(monkeypatch, tmp_path / "locked")
    found = discover([str(tmp_path)])
    assert [(Path(i.display).name, i.problem) for i in found.inputs] == [
        ("a.txt", None), ("locked", "unreadable-folder")]
    assert found.empty_folders == []


def test_named_folder_that_cannot_be_listed_is_not_called_empty(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    _refuse(monkeypatch, tmp_path / "locked")
    found = discover([str(tmp_path / "locked")])
    assert [i.problem for i in found.inputs] == ["unreadable-folder"] and found.empty_folders == []


@POSIX
@pytest.mark.skipif(os.name == "posix" and os.geteuid() == 0, reason="root lists a folder whatever its mode")
def test_folder_without_read_permission_is_an_input_with_a_problem(tmp_path: Path) -> None:
    _touch(tmp_path / "locked" / "b.txt")
    (tmp_path / "locked").chmod(0)
    try:
        found = discover([str(tmp_path)])
    finally:
        (tmp_path / "locked").chmod(stat.S_IRWXU)
    assert [(Path(i.display).name, i.problem) for i in found.inputs] == [("locked", "unreadable-folder")]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs file names that are arbitrary bytes")
def test_undecodable_names_that_print_alike_stay_two_inputs(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    for raw in (b"\xfe.txt", b"\xff.txt"):
        with open(os.path.join(folder, raw), "wb") as fh:
            fh.write(b"x")
    found = discover([str(tmp_path)])
    assert len(found.inputs) == 2
    first, second = found.inputs
    assert first.display == second.display  # both print as U+FFFD
    assert first.fs_path is not None and second.fs_path is not None
    assert [os.path.basename(os.fsencode(i.fs_path or "")) for i in found.inputs] == [b"\xfe.txt", b"\xff.txt"]
    # Named as well as found: still each once.
    again = discover([str(tmp_path), second.fs_path, first.fs_path])
    assert [i.fs_path for i in again.inputs] == [first.fs_path, second.fs_path]


def test_deeply_nested_folders_do_not_exhaust_the_stack(tmp_path: Path) -> None:
    # os.makedirs and shutil.rmtree recurse once per level (so would pytest's clean-up of
    # tmp_path): the tree is built and removed by hand.
    levels = [tmp_path]
    limit = sys.getrecursionlimit()
    try:
        for _ in range(1100):
            levels.append(levels[-1] / "d")
            levels[-1].mkdir()
        _touch(levels[-1] / "r.txt")
        sys.setrecursionlimit(400)  # a recursive walk would fail far sooner than 1,100 levels
        found = discover([str(tmp_path)])
    finally:
        sys.setrecursionlimit(limit)
        (levels[-1] / "r.txt").unlink(missing_ok=True)
        for folder in reversed(levels[1:]):
            folder.rmdir()
    assert [Path(i.display).name for i in found.inputs] == ["r.txt"]


def test_stdin_name_equal_to_a_real_file_keeps_both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _touch(tmp_path / "x.txt")
    monkeypatch.chdir(tmp_path)
    found = discover(["x.txt", "-", "-"], stdin_name="x.txt")
    assert [(i.display, i.fs_path) for i in found.inputs] == [("x.txt", None), ("x.txt", "x.txt")]


def test_every_path_once_however_it_is_reached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _touch(tmp_path / "r" / "a.txt")
    monkeypatch.chdir(tmp_path)
    found = discover(["r", os.path.join("r", "a.txt"), os.path.join(".", "r", "a.txt"),
                      os.path.join("r", ".", "a.txt"), "gone.txt", "gone.txt"])
    assert [(i.display, i.problem) for i in found.inputs] == [
        ("gone.txt", "missing"), (os.path.join("r", "a.txt"), None)]


@POSIX
def test_link_in_a_loop_of_links_is_listed_as_a_broken_link(tmp_path: Path) -> None:
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    found = discover([str(tmp_path)])
    assert [(Path(i.display).name, i.problem) for i in found.inputs] == [
        ("a.txt", "dangling-link"), ("b.txt", "dangling-link")]


# ----------------------------------------------------------------------------- C: regular files only
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_found_or_named_is_listed_unopened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would block forever
    os.mkfifo(tmp_path / "pipe")  # not a report name: not looked at
    _touch(tmp_path / "a.txt")
    found = discover([str(tmp_path)])
    assert [(Path(i.display).name, i.problem) for i in found.inputs] == [
        ("a.txt", None), ("pipe.txt", "not-a-regular-file")]
    named = discover([str(tmp_path / "pipe")])
    assert [i.problem for i in named.inputs] == ["not-a-regular-file"]


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
def test_socket_in_a_folder_is_listed_as_not_a_regular_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a short relative name: socket paths are limited to ~100 bytes
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("s.txt")
        found = discover(["."])
    assert [(Path(i.display).name, i.problem) for i in found.inputs] == [("s.txt", "not-a-regular-file")]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_device_named_on_the_command_line_is_not_opened() -> None:
    found = discover(["/dev/zero", "/dev/null"])
    assert [(i.display, i.problem) for i in found.inputs] == [
        ("/dev/null", "not-a-regular-file"), ("/dev/zero", "not-a-regular-file")]


def test_every_problem_key_has_a_message_in_both_languages() -> None:
    assert {"missing", "dangling-link", "unreadable-folder", "not-a-regular-file", "unreadable"} <= set(PROBLEMS)
    for key in PROBLEMS:
        message = problem_message(key)
        assert message.zh and message.en and message.zh != message.en
    unknown = problem_message("something-new")
    assert "something-new" in unknown.zh and "something-new" in unknown.en
