"""Where the config file comes from, which ones are refused, and what values it may hold."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from gaudit.settings import MAX_JOBS, SettingsError, load_settings, parse_size

POSIX = pytest.mark.skipif(os.name != "posix", reason="file modes and owners are a POSIX matter")


def _write(path: Path, text: str, mode: int = 0o644) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


@pytest.fixture(autouse=True)
def _home_elsewhere(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """A home folder that is no ancestor of the test folders, unless a test says otherwise."""
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.delenv("GAUDIT_LANG", raising=False)


# ------------------------------------------------------------------------------- F: the search
@pytest.mark.parametrize("git_is_a_file", [False, True])
def test_search_stops_at_the_repository_root(tmp_path: Path, git_is_a_file: bool) -> None:
    _write(tmp_path / ".gaudit.yaml", "jobs: 3\n")  # outside the repository: not for it
    repo = tmp_path / "repo"
    if git_is_a_file:  # a worktree or a submodule
        _write(repo / ".git", "gitdir: elsewhere\n")
    else:
        (repo / ".git").mkdir(parents=True)
    (repo / "sub").mkdir()
    settings = load_settings({}, cwd=repo / "sub")
    assert settings.jobs == 0 and settings.config_files == [] and settings.warnings == []
    config = _write(repo / ".gaudit.yml", "jobs: 2\n")
    settings = load_settings({}, cwd=repo / "sub")
    assert settings.jobs == 2 and settings.config_files == [str(config)]
    assert settings.sources["jobs"] == str(config)


def test_search_stops_at_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    (home / "reports").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    _write(tmp_path / ".gaudit.yaml", "jobs: 3\n")  # above home: someone else's
    assert load_settings({}, cwd=home / "reports").config_files == []
    mine = _write(home / "pyproject.toml", "[tool.gaudit]\njobs = 4\n")
    settings = load_settings({}, cwd=home / "reports")
    assert (settings.jobs, settings.config_files) == (4, [str(mine)])


@POSIX
@pytest.mark.parametrize("mode", [0o666, 0o664, 0o646])
def test_config_others_can_write_is_ignored_with_a_warning(tmp_path: Path, mode: int) -> None:
    (tmp_path / ".git").mkdir()
    bad = _write(tmp_path / ".gaudit.yaml", "jobs: 3\n", mode)
    good = _write(tmp_path / "pyproject.toml", "[tool.gaudit]\njobs = 5\n")
    settings = load_settings({}, cwd=tmp_path)
    assert settings.jobs == 5 and settings.config_files == [str(good)]
    (warning,) = settings.warnings
    assert str(bad) in warning.zh and str(bad) in warning.en and "writable" in warning.en


@POSIX
def test_config_owned_by_another_user_is_ignored_when_not_root(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    config = _write(tmp_path / ".gaudit.yaml", "jobs: 3\n")
    monkeypatch.setattr(os, "geteuid", lambda: config.stat().st_uid + 1000)
    settings = load_settings({}, cwd=tmp_path)
    assert settings.jobs == 0 and settings.config_files == []
    (warning,) = settings.warnings
    assert str(config) in warning.en and "another user" in warning.en and "另一个用户" in warning.zh


@POSIX
def test_config_named_explicitly_is_used_and_recorded(tmp_path: Path) -> None:
    config = _write(tmp_path / "team.yaml", "jobs: 6\n", 0o664)  # the user chose it: no search, no check
    settings = load_settings({}, cwd=tmp_path, config=config)
    assert settings.jobs == 6 and settings.config_files == [str(config)] and settings.warnings == []


# ----------------------------------------------------------------------------- E: absurd values
BAD_VALUES = [
    ("jobs: 99999999999999999999999999999999\n", "jobs"),
    (f"jobs: {MAX_JOBS + 1}\n", "jobs"),
    ("jobs: true\n", "jobs"),
    ("jobs: 1.5\n", "jobs"),
    ("jobs: !!timestamp 2021-01-01\n", "jobs"),
    ("max-size: -5\n", "max-size"),
    ("max-size: true\n", "max-size"),
    ("max-size: 0\n", "max-size"),
    ("max-size: 2021-01-01\n", "max-size"),
    ("max-size: !!timestamp 2021-01-01 10:00:00\n", "max-size"),
    ("max-size: 1.0e+400\n", "max-size"),
    (f"max-size: {'9' * 400}G\n", "max-size"),
    ("max-size: 5PB\n", "max-size"),
    ("max-size: [1, 2]\n", "max-size"),
    ("lang: [en]\n", "lang"),
    ("fail-on: true\n", "fail-on"),
    ("severity: [a]\n", "severity"),
    ("severity: {blank-cell: loud}\n", "severity"),
    ("select: {a: 1}\n", "select"),
]


@pytest.mark.parametrize(("text", "key"), BAD_VALUES)
def test_absurd_value_is_a_settings_error_naming_file_and_key(tmp_path: Path, text: str, key: str) -> None:
    config = _write(tmp_path / ".gaudit.yaml", text)
    with pytest.raises(SettingsError) as err:
        load_settings({}, cwd=tmp_path)
    zh, en = err.value.render("zh"), err.value.render("en")
    assert zh.startswith(f"{config}: ") and key in zh and re.search(r"[\u4e00-\u9fff]", zh), zh
    assert en.startswith(f"{config}: ") and key in en and not re.search(r"[\u4e00-\u9fff]", en), en
    assert str(err.value) == zh


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_rule_path_that_is_a_device_is_a_settings_error(tmp_path: Path) -> None:
    config = _write(tmp_path / ".gaudit.yaml", "rules: [/dev/zero]\n")
    with pytest.raises(SettingsError) as err:
        load_settings({}, cwd=tmp_path)
    assert err.value.render("en").startswith(f"{config}: rules: /dev/zero is not a regular file")
    assert "不是普通文件" in str(err.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_rule_path_that_is_a_fifo_on_the_command_line_is_a_settings_error(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "rules.yaml")
    with pytest.raises(SettingsError) as err:
        load_settings({"rules": [str(tmp_path / "rules.yaml")]}, cwd=tmp_path)
    assert err.value.render("en").startswith("command line: rules: ")
    assert str(err.value).startswith("命令行: rules: ")


def test_jobs_bounds_and_a_missing_rule_path_left_to_the_rule_loader(tmp_path: Path) -> None:
    assert load_settings({"jobs": MAX_JOBS}, cwd=tmp_path).jobs == MAX_JOBS == 64
    assert load_settings({"jobs": 0}, cwd=tmp_path).jobs == 0
    with pytest.raises(SettingsError) as err:
        load_settings({"jobs": 1000}, cwd=tmp_path)
    assert err.value.render("en").startswith("command line: jobs") and str(err.value).startswith("命令行: jobs")
    assert load_settings({"rules": ["absent.yaml"]}, cwd=tmp_path).rules == ["absent.yaml"]


@pytest.mark.parametrize("value", [True, -1, 0, "-5MB", "2TB", "1e9", "inf"])
def test_parse_size_refuses_what_is_not_a_size(value: str | int) -> None:
    with pytest.raises(SettingsError) as err:
        parse_size(value)
    assert err.value.render("en") != err.value.render("zh")


def test_parse_size_accepts_terabyte_and_bytes() -> None:
    assert (parse_size("1TB"), parse_size(1), parse_size("1.5k")) == (1024**4, 1, 1536)


@POSIX
def test_home_reached_through_a_link_still_ends_the_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "real" / "reports").mkdir(parents=True)
    os.symlink(tmp_path / "real", tmp_path / "link")
    monkeypatch.setenv("HOME", str(tmp_path / "link"))
    _write(tmp_path / ".gaudit.yaml", "jobs: 3\n")
    assert load_settings({}, cwd=tmp_path / "real" / "reports").config_files == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_config_option_naming_a_fifo_is_refused_unopened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "cfg.yaml")
    with pytest.raises(SettingsError) as err:
        load_settings({}, cwd=tmp_path, config=tmp_path / "cfg.yaml")
    assert "not a regular file" in err.value.render("en") and "不是普通文件" in str(err.value)
