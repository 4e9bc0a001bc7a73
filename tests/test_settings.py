"""Settings precedence: built-in defaults < config file < command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaudit.settings import SettingsError, load_settings, parse_size


def test_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GAUDIT_LANG", raising=False)
    s = load_settings({}, cwd=tmp_path)
    assert (s.fail_on, s.lang, s.jobs, s.max_size) == ("error", "zh", 0, 20 * 1024 * 1024)
    assert s.sources["fail_on"] == "default"


def test_yaml_config_found_walking_up(tmp_path: Path) -> None:
    (tmp_path / ".gaudit.yaml").write_text(
        "fail-on: warning\nseverity: {section-order: off}\nrules: [local]\nmax-size: 1MB\n",
        encoding="utf-8",
    )
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    s = load_settings({}, cwd=deep)
    assert s.fail_on == "warning"
    assert s.severity == {"section-order": "off"}
    assert s.rules == [str(tmp_path / "local")]
    assert s.max_size == 1024 * 1024
    assert s.sources["fail_on"] == str(tmp_path / ".gaudit.yaml")


def test_pyproject_tool_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.gaudit]\nlang = "en"\nignore = ["implausible-value"]\n', encoding="utf-8"
    )
    s = load_settings({}, cwd=tmp_path)
    assert s.lang == "en" and s.ignore == ["implausible-value"]


def test_command_line_beats_config_file(tmp_path: Path) -> None:
    (tmp_path / ".gaudit.yaml").write_text("fail-on: warning\nlang: en\n", encoding="utf-8")
    s = load_settings({"fail_on": "info"}, cwd=tmp_path)
    assert s.fail_on == "info" and s.sources["fail_on"] == "command line"
    assert s.lang == "en"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("colour: red\n", "colour"),
        ("fail-on: sometimes\n", "fail-on"),
        ("- a\n- b\n", ":1:"),
        ("fail-on: [\n", ":"),
        ("jobs: -1\n", "jobs"),
    ],
)
def test_bad_config_names_the_file(tmp_path: Path, text: str, needle: str) -> None:
    (tmp_path / ".gaudit.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as err:
        load_settings({}, cwd=tmp_path)
    assert str(tmp_path / ".gaudit.yaml") in str(err.value) and needle in str(err.value)


@pytest.mark.parametrize(("text", "size"), [("20MB", 20 * 1024**2), ("512k", 512 * 1024),
                                            ("1048576", 1048576), ("1.5G", int(1.5 * 1024**3))])
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size
