"""The Python API as a script or a notebook uses it: ``import gaudit`` and nothing private."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import gaudit

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


def _cli_json(*args: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("GITHUB_ACTIONS", None)
    proc = subprocess.run([sys.executable, "-m", "gaudit", "check", *args, "--format", "json"],
                          cwd=REPO, capture_output=True, env=env, timeout=120, check=False)
    doc: dict[str, object] = json.loads(proc.stdout)
    return doc


def test_check_gives_per_file_results_and_a_summary_like_the_cli() -> None:
    run = gaudit.check([str(SAMPLES)], jobs=1)
    results = list(run)
    assert [r.path for r in results] == sorted(r.path for r in results)
    assert run.summary.files == len(results) == len(run.files)
    assert run.exit_code == 1  # the samples hold errors
    blank = next(r for r in results if r.path.endswith("pipe-blank-cells.txt"))
    assert isinstance(blank, gaudit.AuditedFile)
    assert {f.rule for f in blank.findings} >= {"cell-blank"}
    assert "applications" in blank.tables
    # Plain dicts in the JSON contract's shape: what `gaudit check --format json` prints.
    cli = _cli_json(str(SAMPLES))
    assert run.to_dicts() == cli["files"]
    assert run.summary.to_contract() == cli["summary"]
    # A second pass replays the same results without auditing again.
    assert [r.path for r in run] == [r.path for r in results]
    assert run.summary.files == len(results)


def test_a_loop_left_early_is_resumed() -> None:
    run = gaudit.check(str(SAMPLES), jobs=1)
    first = next(iter(run))  # a notebook loop that stopped after one file
    paths = [r.path for r in run]
    assert paths[0] == first.path and len(paths) == run.summary.files == len(run.files)


def test_check_takes_the_settings_of_the_config_file_as_keywords() -> None:
    run = gaudit.check(str(SAMPLES), select=["blank-cell"], severity={"cell-blank": "warning"},
                       fail_on="error", jobs=2)
    findings = [f for r in run for f in r.findings]
    assert findings and {f.rule for f in findings} == {"cell-blank"}
    assert {f.severity.value for f in findings} == {"warning"}
    assert run.exit_code == 0  # warnings do not reach --fail-on error
    one = [f.message.get("en") for r in gaudit.check(str(SAMPLES), select="blank-cell", jobs=1)
           for f in r.findings]
    assert one == [f.message.get("en") for f in findings]


def test_bad_settings_are_user_errors_in_both_languages() -> None:
    with pytest.raises(gaudit.UserError) as caught:
        gaudit.check(str(SAMPLES), fail_on="sometimes")
    assert "fail-on" in caught.value.message.en and "fail-on" in caught.value.message.zh
    with pytest.raises(gaudit.UserError):
        gaudit.check(str(SAMPLES), encoding="idna")


def test_per_file_ignores_from_a_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    town = tmp_path / "2023"
    town.mkdir()
    (town / "东岭镇.txt").write_bytes((SAMPLES / "pipe-blank-cells.txt").read_bytes())
    (town / "西岭镇.txt").write_bytes((SAMPLES / "pipe-blank-cells.txt").read_bytes())
    monkeypatch.chdir(tmp_path)
    run = gaudit.check("2023", per_file_ignores={"2023/东岭镇*.txt": ["blank-cell"]}, jobs=1)
    kinds = {Path(r.path).name: {f.kind for f in r.findings} for r in run}
    assert "blank-cell" not in kinds["东岭镇.txt"] and "blank-cell" in kinds["西岭镇.txt"]


def test_extract_returns_the_tables_and_refuses_what_is_not_text(tmp_path: Path) -> None:
    tables = gaudit.extract(SAMPLES / "clean-2021.txt")
    assert set(tables) == {"active", "applications", "reviews"}
    new = tables["applications"].rows["new"]
    assert all(cell.value is not None for cell in new.cells.values())
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(gaudit.FileUnreadable) as caught:
        gaudit.extract(binary)
    assert caught.value.kind == "binary"


def test_rules_lists_every_rule_even_after_a_check() -> None:
    list(gaudit.check(str(SAMPLES / "clean-2021.txt"), jobs=1))
    ids = [r.id for r in gaudit.rules()]
    assert "cell-blank" in ids and "not-a-report" in ids and len(ids) == len(set(ids))


def test_to_frame_gives_one_row_per_cell() -> None:
    pytest.importorskip("pandas")
    run = gaudit.check(str(SAMPLES / "clean-2021.txt"), jobs=1)
    frame = gaudit.to_frame(run)
    assert {"path", "table", "row", "column", "value"} <= set(frame.columns)
    assert len(frame) > 50


def test_to_frame_without_pandas_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(gaudit.UserError) as caught:
        gaudit.to_frame([])
    assert "pip install pandas" in caught.value.message.en


def test_import_gaudit_stays_light() -> None:
    code = ("import sys, gaudit; print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('gaudit', 'rich', 'yaml', 'typer', 'chardet', 'typing')))")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True,
                         text=True, timeout=60).stdout
    assert out.strip() == "['gaudit']"
