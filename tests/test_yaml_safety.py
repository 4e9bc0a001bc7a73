"""Hostile YAML in a config file or a rule file: an error naming file and line, never a call,
never a blow-up, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from gaudit.i18n import UserError
from gaudit.rules import RuleFileError, load_rule_file, load_rules
from gaudit.settings import SettingsError, load_settings
from gaudit.yaml_load import MAX_NODES, YamlError, load, load_file

# A "billion laughs": nine levels of nine aliases, 9**9 (~387 million) strings once expanded.
BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{name}: &{name} [{','.join(['*' + prev] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True))


def _settings_error(tmp_path: Path, text: str) -> UserError:
    path = tmp_path / ".gaudit.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as err:
        load_settings({}, cwd=tmp_path)
    return err.value


def _rule_error(tmp_path: Path, text: str) -> UserError:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_rule_file(path)
    return err.value


READERS: dict[str, tuple[str, Callable[[Path, str], UserError]]] = {
    "config": (".gaudit.yaml", _settings_error),
    "rules": ("rules.yaml", _rule_error),
}


def _assert_names(err: UserError, path: Path, line: int, *, zh: str, en: str) -> None:
    assert err.render("zh").startswith(f"{path}:{line}: ") and zh in err.render("zh"), err.render("zh")
    assert err.render("en").startswith(f"{path}:{line}: ") and en in err.render("en"), err.render("en")
    assert str(err) == err.render("zh")


@pytest.mark.parametrize("reader", READERS)
def test_python_tags_are_refused_before_anything_is_built(tmp_path: Path, reader: str) -> None:
    marker = tmp_path / "ran"
    name, read = READERS[reader]
    err = read(tmp_path, f'rules:\n  - !!python/object/apply:os.system ["touch {marker}"]\n')
    _assert_names(err, tmp_path / name, 2, zh="!!python/object/apply:os.system", en="is not allowed")
    assert not marker.exists()


@pytest.mark.parametrize("tag", ["!!python/name:os.system", "!!python/module:os", "!custom thing",
                                 "!!python/object/new:dict {}", "!<tag:example.com,2000:x> y"])
def test_every_tag_the_safe_loader_does_not_know_is_refused(tmp_path: Path, tag: str) -> None:
    err = _settings_error(tmp_path, f"jobs: 2\nselect: {tag}\n")
    _assert_names(err, tmp_path / ".gaudit.yaml", 2, zh="不允许的 YAML 标签", en="is not allowed")


@pytest.mark.parametrize("reader", READERS)
def test_alias_bomb_is_refused_with_file_and_line(tmp_path: Path, reader: str) -> None:
    assert len(BOMB.encode()) < 500
    name, read = READERS[reader]
    err = read(tmp_path, BOMB)
    # The first list that expands past the bound: 9**6 strings under f (line 6).
    _assert_names(err, tmp_path / name, 6, zh="锚点与别名", en=f"more than {MAX_NODES} nodes")


@pytest.mark.parametrize("reader", READERS)
def test_recursive_alias_is_refused(tmp_path: Path, reader: str) -> None:
    name, read = READERS[reader]
    err = read(tmp_path, "jobs: 1\nrules: &loop [a, *loop]\n")
    _assert_names(err, tmp_path / name, 2, zh="递归", en="recursive")


@pytest.mark.parametrize("reader", READERS)
def test_deep_nesting_is_an_error_not_a_recursion_error(tmp_path: Path, reader: str) -> None:
    name, read = READERS[reader]
    err = read(tmp_path, "jobs: 1\nrules: " + "[" * 900 + "]" * 900 + "\n")
    assert err.render("en").startswith(f"{tmp_path / name}:") and "nested more than" in err.render("en")


@pytest.mark.parametrize("reader", READERS)
def test_syntax_error_names_file_and_line(tmp_path: Path, reader: str) -> None:
    name, read = READERS[reader]
    err = read(tmp_path, "jobs: 1\nselect: [a, b\nlang: en\n")
    assert err.render("en").startswith(f"{tmp_path / name}:") and "YAML syntax error" in err.render("en")
    assert "YAML 语法错误" in str(err)


@pytest.mark.parametrize(("value", "line"), [("!!int twelve", 2), ("!!timestamp 2021-13-45", 2),
                                             ("!!bool perhaps", 2), ("!!float many", 2),
                                             ("{[1, 2]: x}", 2), ("9" * 5000, 2)])
@pytest.mark.parametrize("reader", READERS)
def test_value_the_safe_loader_cannot_build_names_its_line(
        tmp_path: Path, reader: str, value: str, line: int) -> None:
    name, read = READERS[reader]
    err = read(tmp_path, f"lang: en\nrules: {value}\n")
    _assert_names(err, tmp_path / name, line, zh="无法读取的值", en="cannot read this value")


def test_rule_file_that_is_not_a_regular_file_is_not_opened(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs FIFOs")
    os.mkfifo(tmp_path / "pipe.yaml")  # opening it would block
    with pytest.raises(RuleFileError) as err:
        load_rules([tmp_path / "pipe.yaml"])
    assert "not a regular file" in err.value.render("en") and "不是普通文件" in str(err.value)


def test_safe_yaml_features_still_work() -> None:
    text = "base: &b {x: 1}\nmerged:\n  <<: *b\n  y: 2\nshared: [*b, *b]\nwhen: 2021-12-31\nempty:\n"
    value = load(text, "t.yaml")
    assert value["merged"] == {"x": 1, "y": 2} and value["shared"] == [{"x": 1}, {"x": 1}]
    assert str(value["when"]) == "2021-12-31" and value["empty"] is None
    assert load("", "t.yaml") is None


def test_yaml_error_is_a_user_error_in_both_languages() -> None:
    with pytest.raises(YamlError) as err:
        load("a: !!python/none x\n", "t.yaml")
    assert (err.value.path, err.value.line) == ("t.yaml", 1)
    assert err.value.problem.zh != err.value.problem.en


def test_reading_settings_and_rules_modules_does_not_import_yaml() -> None:
    code = ("import sys, gaudit.settings, gaudit.rules, gaudit.yaml_load, gaudit.discover\n"
            "print('yaml' in sys.modules, 'pathspec' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8",
                         check=True).stdout
    assert out.split() == ["False", "False"]


@pytest.mark.parametrize(("text", "line", "zh", "en"), [
    ("- id: x\n", 1, "而不是列表", "must be a mapping with a 'rules:' list, not a list"),
    ("rules: 3\n", 1, "'rules' 应为规则列表", "'rules' must be a list of rules"),
    ("rules: []\nextra: 1\n", 2, "未知的顶层键 'extra'", "unknown top-level key 'extra'"),
    ("{}\n", 1, "没有 'rules:' 列表", "no 'rules:' list"),
])
def test_rule_file_shape_errors_in_both_languages(tmp_path: Path, text: str, line: int, zh: str, en: str) -> None:
    err = _rule_error(tmp_path, text)
    _assert_names(err, tmp_path / "rules.yaml", line, zh=zh, en=en)


def test_a_syntax_error_reads_in_one_language_each(tmp_path: Path) -> None:
    path = tmp_path / ".gaudit.yaml"
    path.write_text("jobs: [1\n", encoding="utf-8")
    with pytest.raises(YamlError) as caught:
        load_file(path)
    zh, en = caught.value.message.zh, caught.value.message.en
    assert "「jobs: [1」附近" in zh and "while parsing" not in zh
    assert "YAML syntax error" in en and not any("\u4e00" <= ch <= "\u9fff" for ch in en)
