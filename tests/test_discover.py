"""Which files a run audits: folders, globs, stdin, links, odd names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gaudit.discover import discover


def _touch(path: Path, text: str = "x") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    _touch(tmp_path / "b" / "2022.txt")
    _touch(tmp_path / "a.html")
    _touch(tmp_path / "b" / "c" / "2021.htm")
    _touch(tmp_path / "notes.md")
    found = discover([str(tmp_path)])
    names = [os.path.relpath(i.display, tmp_path) for i in found.inputs]
    assert names == ["a.html", os.path.join("b", "2022.txt"), os.path.join("b", "c", "2021.htm")]
    assert found.empty_folders == []


def test_relative_folder_gives_relative_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _touch(tmp_path / "reports" / "x.txt")
    monkeypatch.chdir(tmp_path)
    found = discover(["reports"])
    assert [i.display for i in found.inputs] == [os.path.join("reports", "x.txt")]


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    _touch(tmp_path / "keep.txt")
    _touch(tmp_path / "drafts" / "skip.txt")
    _touch(tmp_path / "page.xhtml")
    found = discover([str(tmp_path)], include=("*.txt", "*.xhtml"), exclude=("drafts/*",))
    assert sorted(Path(i.display).name for i in found.inputs) == ["keep.txt", "page.xhtml"]


def test_explicit_file_is_audited_whatever_its_extension(tmp_path: Path) -> None:
    _touch(tmp_path / "report.docx.txt.bak")
    found = discover([str(tmp_path / "report.docx.txt.bak")])
    assert len(found.inputs) == 1 and found.inputs[0].problem is None


def test_missing_path_and_empty_folder_are_accounted_for(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    found = discover([str(tmp_path / "nope.txt"), str(tmp_path / "empty")])
    assert [i.problem for i in found.inputs] == ["missing"]
    assert found.empty_folders == [str(tmp_path / "empty")]


def test_same_file_given_twice_is_listed_once(tmp_path: Path) -> None:
    _touch(tmp_path / "a.txt")
    found = discover([str(tmp_path / "a.txt"), str(tmp_path / "a.txt")])
    assert len(found.inputs) == 1


def test_stdin_takes_its_display_name() -> None:
    found = discover(["-"], stdin_name="城关镇2022.txt")
    assert found.inputs[0].display == "城关镇2022.txt" and found.inputs[0].fs_path is None


def test_symlink_loop_and_dangling_link(tmp_path: Path) -> None:
    _touch(tmp_path / "d" / "r.txt")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    os.symlink(tmp_path / "gone.txt", tmp_path / "d" / "dangling.txt")
    found = discover([str(tmp_path)])
    problems = {Path(i.display).name: i.problem for i in found.inputs}
    assert problems == {"dangling.txt": "dangling-link", "r.txt": None}


@pytest.mark.skipif(os.name != "posix", reason="byte file names are a POSIX matter")
def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"\xd5\xfe\xb8\xae.txt")  # GBK bytes for 政府
    with open(raw, "wb") as fh:
        fh.write(b"x")
    found = discover([str(tmp_path)])
    (inp,) = found.inputs
    inp.display.encode("utf-8")  # printable: no surrogates left
    assert inp.fs_path is not None and os.path.exists(inp.fs_path)
