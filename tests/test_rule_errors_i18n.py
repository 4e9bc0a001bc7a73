"""Every error a broken rule file causes reads in one language: Chinese by default, English
with ``--lang en``, never a mix, and always with ``path:line:``.

Each case is a small rule file with one mistake; ``#<`` marks the line the error must name
(or the case gives the line).  The Chinese rendering must hold Chinese words and no English
sentence outside quoted values; the English one must hold no Chinese outside quoted values.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gaudit.rules import RuleFileError, load_rule_file

REPO = Path(__file__).resolve().parent.parent

_HEAD = "rules:\n  - id: my-rule\n"
_MESSAGE = "    message: {zh: 空白, en: blank}\n"
_BLANK = "    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n" + _MESSAGE


def _rule(check: str, params: str, extra: str = "") -> str:
    """A rule of ``check`` whose ``params:`` line (the faulty one) is ``params``."""
    return (_HEAD + f"    kind: implausible-value\n    check: {check}\n    severity: info\n" + _MESSAGE
            + extra + f"    params: {params}  #<\n")


_BOMB = "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n"
                for p, n in zip("abcdefgh", "bcdefghi", strict=True))

#: name -> (rule file text, line or None for the line marked ``#<``)
CASES: dict[str, tuple[str, int | None]] = {
    # the dozen a reviewer meets most
    "unknown-key": (_HEAD + _BLANK + "    tables: [active]  #<\n", None),
    "bad-severity": (_HEAD + "    kind: blank-cell\n    check: no-blank-cells\n    severity: fatal  #<\n"
                     + _MESSAGE, None),
    "unknown-check": (_HEAD + "    kind: blank-cell\n    check: no-such-check  #<\n    severity: error\n"
                      + _MESSAGE, None),
    "bad-param-type": (_rule("value-range", '{cells: [active.fees.amount], max: "many"}'), None),
    "bad-regex": (_rule("text-required", '{sections: [1], pattern: "(abc"}'), None),
    "runaway-regex": (_rule("text-required", r"{sections: [1], pattern: '(\d+)+x'}"), None),
    "unknown-cell": (_rule("value-range", "{cells: [active.nowhere.amount], max: 1}"), None),
    "placeholder-not-allowed": (_HEAD + "    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n"
                                "    message: {zh: '空白 {nonsense}', en: blank}  #<\n", None),
    "duplicate-id": (_HEAD + _BLANK + "  - id: my-rule  #<\n" + _BLANK, None),
    "rule-not-a-mapping": ("rules:\n  - just a string  #<\n", None),
    "yaml-syntax": ("rules:\n  - id: [unclosed\n    kind: x\n", 3),
    "alias-bomb": ("a: &a [x, x, x, x, x, x, x, x, x]\n" + _BOMB, 6),
    # the file and the rule
    "file-not-a-mapping": ("- rules  #<\n", None),
    "unknown-top-key": ("rules: []\nchecks: []  #<\n", None),
    "no-rules-list": ("{}  #<\n", None),
    "empty-file": ("# nothing\n", 0),
    "rules-not-a-list": ("rules: {a: 1}  #<\n", None),
    "duplicate-key": (_HEAD + _BLANK + "    severity: info  #<\n", None),
    "missing-key": (_HEAD + "    kind: blank-cell\n    check: no-blank-cells\n" + _MESSAGE, 2),
    "bad-id": ("rules:\n  - id: My Rule  #<\n" + _BLANK, None),
    "id-not-a-string": ("rules:\n  - id: [a]  #<\n" + _BLANK, None),
    "unknown-kind": (_HEAD + "    kind: oops  #<\n    check: no-blank-cells\n    severity: error\n" + _MESSAGE,
                     None),
    "name-unknown-language": (_HEAD + "    name: {fr: Cellules}  #<\n" + _BLANK, None),
    "name-empty": (_HEAD + "    name: {zh: ''}  #<\n" + _BLANK, None),
    "name-a-list": (_HEAD + "    name: [a]  #<\n" + _BLANK, None),
    "description-unknown-language": (_HEAD + _BLANK + "    description: {fr: vide}  #<\n", None),
    "description-empty": (_HEAD + _BLANK + "    description: {zh: ''}  #<\n", None),
    "description-a-list": (_HEAD + _BLANK + "    description: [a]  #<\n", None),
    "format-unknown": (_HEAD + _BLANK + "    formats: [1999]  #<\n", None),
    "formats-empty": (_HEAD + _BLANK + "    formats: []  #<\n", None),
    "formats-a-mapping": (_HEAD + _BLANK + "    formats: {a: 1}  #<\n", None),
    "years-unknown-key": (_HEAD + _BLANK + "    years:\n      since: 2020  #<\n", None),
    "years-not-a-year": (_HEAD + _BLANK + "    years: {from: soon}  #<\n", None),
    "years-empty": (_HEAD + _BLANK + "    years: {from: 2023, to: 2021}  #<\n", None),
    "organ-level-unknown": (_HEAD + _BLANK + "    organ_levels: [galaxy]  #<\n", None),
    "organ-kinds-empty": (_HEAD + _BLANK + "    organ_kinds: []  #<\n", None),
    "examples-not-strings": (_HEAD + _BLANK + "    examples: [[1]]  #<\n", None),
    "message-unknown-language": (_HEAD + "    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n"
                                 "    message: {zh: 空白, en: blank, fr: vide}  #<\n", None),
    "message-missing-en": (_HEAD + "    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n"
                           "    message: {zh: 空白}  #<\n", None),
    "message-empty": (_HEAD + "    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n"
                      "    message: {zh: 空白, en: ''}  #<\n", None),
    "message-a-string": (_HEAD + "    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n"
                         "    message: blank  #<\n", None),
    "message-lone-brace": (_HEAD + "    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n"
                           "    message: {zh: '空白 {', en: blank}  #<\n", None),
    "message-format-spec": (_HEAD + "    kind: blank-cell\n    check: no-blank-cells\n    severity: error\n"
                            "    message: {zh: '空白 {count:>3}', en: blank}  #<\n", None),
    # parameters: kinds
    "params-a-list": (_rule("value-range", "[1]"), None),
    "param-unknown": (_rule("value-range", "{cells: [active.fees.amount], max: 1, mx: 2}"), None),
    "param-missing": (_rule("value-range", "{max: 1}"), None),
    "param-not-a-string": (_rule("text-required", "{pattern: [a]}"), None),
    "param-not-a-bool": (_rule("template-version", "{free_layout: 3}"), None),
    "param-not-an-int": (_rule("copied-text", "{min_chars: many}"), None),
    "param-choice": (_rule("narrative-number", "{pattern: '(\\d+)', cells: [active.fees.amount], match: some}"),
                     None),
    "param-table": (_rule("sum", "{table: chairs, along: row, parts: [a], total: b}"), None),
    "param-sections": (_rule("required-section", "{sections: [9]}"), None),
    "param-string-or-list": (_rule("value-range", "{cells: {a: 1}, max: 1}"), None),
    "param-choice-list": (_rule("numeric-cells", "{reject: [text, colour]}"), None),
    "param-tables": (_rule("numeric-cells", "{tables: [chairs]}"), None),
    "cell-ref-shape": (_rule("value-range", "{cells: [active.fees], max: 1}"), None),
    "cell-ref-table": (_rule("value-range", "{cells: [chairs.fees.amount], max: 1}"), None),
    "cell-ref-column": (_rule("value-range", "{cells: [active.fees.colour], max: 1}"), None),
    "cell-ref-never-in-format": (_rule("value-range", "{cells: [active.procurement.amount], max: 1}",
                                       "    formats: [2021]\n"), None),
    # parameters: each check's own validation
    "value-range-no-bound": (_rule("value-range", "{cells: [active.fees.amount]}"), None),
    "value-range-no-cells": (_rule("value-range", "{cells: [], max: 1}"), None),
    "text-required-any": (_rule("text-required", "{pattern: a, sections: any}"), None),
    "required-section-any": (_rule("required-section", "{sections: any}"), None),
    "narrative-no-group": (_rule("narrative-number", "{pattern: '\\d+', cells: [active.fees.amount]}"), None),
    "narrative-zero-group": (_rule("narrative-number",
                                   "{pattern: '(\\d+)', zero: '(无)', cells: [active.fees.amount]}"), None),
    "narrative-no-cells": (_rule("narrative-number", "{pattern: '(\\d+)', cells: []}"), None),
    "sum-no-parts": (_rule("sum", "{table: applications, along: row, parts: [], total: total}"), None),
    "sum-unknown-key": (_rule("sum", "{table: applications, along: row, parts: [colour], total: total}"), None),
    "sum-result-rows-mixed": (_rule("sum", "{table: applications, along: column, parts: ['@result_rows', new],"
                                    " total: total}"), None),
    "sum-result-rows-along-row": (_rule("sum", "{table: applications, along: row, parts: '@result_rows',"
                                        " total: total}"), None),
    "sum-unknown-total": (_rule("sum", "{table: applications, along: column, parts: [new], total: total}"), None),
    "sum-columns-along-row": (_rule("sum", "{table: applications, along: row, parts: [natural_person], total: total,"
                                    " columns: [total]}"), None),
    "equation-empty-side": (_rule("equation", "{left: [], right: [a]}"), None),
    "equation-rows-without-table": (_rule("equation", "{left: [active.fees.amount], right: [active.fees.amount],"
                                          " rows: [c]}"), None),
    "equation-unknown-table": (_rule("equation", "{left: [a], right: [b], table: chairs}"), None),
    "numeric-cells-unknown-table": (_rule("numeric-cells", "{signed: [chairs.change]}"), None),
    "numeric-cells-unknown-column": (_rule("numeric-cells", "{signed: [active.colour]}"), None),
    "template-version-unknown-format": (_rule("template-version", "{outdated: ['1999']}"), None),
    "aggregate-no-rows": (_rule("aggregate", "{rows: []}"), None),
    "aggregate-bad-row": (_rule("aggregate", "{rows: [chairs]}"), None),
    "aggregate-unknown-row": (_rule("aggregate", "{rows: [applications.colour]}"), None),
    "carryover-column": (_rule("carryover", "{columns: [colour]}"), None),
    "copied-text-threshold": (_rule("copied-text", "{threshold: 2}"), None),
    "copied-text-sections": (_rule("copied-text", "{sections: any}"), None),
    "copied-text-min-chars": (_rule("copied-text", "{min_chars: 2}"), None),
    "stock-row": (_rule("stock", "{rows: [fees]}"), None),
}

#: Known gaps outside the rule-file code: PyYAML's own words stay English inside the Chinese.
_PARSER_WORDS = {"yaml-syntax"}

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
#: Quoted values from the file (Python reprs) and {placeholders}: they read the same in both.
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|\{[^{}]*\}")
#: Three English words in a row: a sentence, not a code-like key or a list of keys.
_ENGLISH = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}\b")


def _error(tmp_path: Path, text: str) -> RuleFileError:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path)
    return caught.value


def _line(text: str, line: int | None) -> int:
    if line is not None:
        return line
    marked = [i for i, row in enumerate(text.splitlines(), 1) if "#<" in row]
    assert len(marked) == 1, "mark exactly one line with #<"
    return marked[0]


def _where(path: Path, line: int) -> str:
    """The ``path:line: `` an error starts with (``path: `` for the file as a whole)."""
    return f"{path}:{line}: " if line else f"{path}: "


def _problem(rendered: str, where: str) -> str:
    assert rendered.startswith(where), rendered
    return _QUOTED.sub("", rendered[len(where):])


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_rule_file_error_reads_in_one_language(tmp_path: Path, name: str) -> None:
    text, line = CASES[name]
    err = _error(tmp_path, text)
    where = _where(tmp_path / "bad.yaml", _line(text, line))
    zh, en = _problem(err.render("zh"), where), _problem(err.render("en"), where)
    assert str(err) == err.render("zh")
    assert _CJK.search(zh), f"no Chinese in: {err.render('zh')}"
    assert not _CJK.search(en), f"Chinese in: {err.render('en')}"
    assert err.problem == err.details.en and err.render("en").endswith(err.problem)
    assert not _ENGLISH.search(zh), f"English in: {err.render('zh')}"


@pytest.mark.parametrize("name", sorted(_PARSER_WORDS))
def test_yaml_parser_words_in_chinese(tmp_path: Path, name: str) -> None:
    text, _ = CASES[name]
    zh = _QUOTED.sub("", _error(tmp_path, text).render("zh"))
    assert not _ENGLISH.search(zh)


def test_the_checker_catches_english_in_chinese_and_chinese_in_english() -> None:
    assert _ENGLISH.search(_QUOTED.sub("", "x.yaml:3: 'message.zh': placeholder {x} is not provided"))
    zh = "x.yaml:3: 严重程度 'fatal error now' 无效: 请用 error、warning 或 info"
    assert not _ENGLISH.search(_QUOTED.sub("", zh))
    assert _CJK.search(_QUOTED.sub("", "x.yaml:3: bad severity '重大': 请用 error"))
    assert not _CJK.search(_QUOTED.sub("", "x.yaml:3: bad severity '重大': use error"))


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "gaudit", *args], cwd=REPO, capture_output=True, env=env,
                          timeout=120, check=False)


@pytest.mark.parametrize("name", ["unknown-key", "bad-regex", "unknown-cell", "duplicate-id", "alias-bomb"])
def test_cli_prints_a_broken_rule_file_in_one_language(tmp_path: Path, name: str) -> None:
    text, line = CASES[name]
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    where = _where(path, _line(text, line))
    zh = _run("check", "samples", "--rules", str(path))
    en = _run("check", "samples", "--rules", str(path), "--lang", "en")
    assert zh.returncode == en.returncode == 2
    zh_err, en_err = zh.stderr.decode("utf-8").strip(), en.stderr.decode("utf-8").strip()
    assert "规则文件错误: " + where in zh_err and "invalid rule file: " + where in en_err
    assert len(zh_err.splitlines()) == len(en_err.splitlines()) == 1
    zh_problem = _QUOTED.sub("", zh_err.split(where, 1)[1])
    en_problem = _QUOTED.sub("", en_err.split(where, 1)[1])
    assert _CJK.search(zh_problem) and not _ENGLISH.search(zh_problem)
    assert not _CJK.search(en_err.split(where, 1)[0] + en_problem)
    assert zh.stdout == en.stdout == b""
