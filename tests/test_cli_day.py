"""A reviewer's and a CI engineer's day: the rough edges of issue 14, each tried as a user would."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from tests.test_cli import REPO, SAMPLES, run

PIPE = SAMPLES / "pipe-blank-cells.txt"
WARNING_ONLY = SAMPLES / "big5-traditional-2021.txt"


def cells(line: str) -> int:
    """Terminal cells of ``line``: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def out(proc: subprocess.CompletedProcess[bytes]) -> str:
    return proc.stdout.decode("utf-8")


def err(proc: subprocess.CompletedProcess[bytes]) -> str:
    return proc.stderr.decode("utf-8")


# ------------------------------------------------------------------ terminal
def test_summary_puts_every_file_in_one_bucket() -> None:
    proc = run("check", str(SAMPLES), "-f", "terminal", "--no-color")
    line = next(x for x in out(proc).splitlines() if x.startswith("审查文件"))
    assert line == "审查文件 12 个:无问题 2 个,有错误 7 个,仅有警告 3 个,无法读取 0 个"  # 2 + 7 + 3 + 0 = 12
    english = run("check", str(WARNING_ONLY), "-f", "terminal", "--lang", "en")
    assert "1 file audited: 0 clean, 0 with errors, 1 with warnings only, 0 unreadable" in out(english)


def test_json_says_who_wrote_the_report() -> None:
    doc = json.loads(out(run("check", str(WARNING_ONLY), "-f", "json")))
    (record,) = doc["files"]
    # The organ as the report writes it (Traditional here), its level judged all the same.
    assert (record["organ"], record["organ_level"], record["year"]) == ("雲嶺縣教育局", "county", 2022)
    assert doc["summary"]["with_warnings"] == 1


def test_detail_lines_wrap_under_their_indent_at_80_columns() -> None:
    proc = run("check", str(SAMPLES / "gbk-2021-defects.txt"), "-f", "terminal", "--no-color",
               env={"COLUMNS": "80"})
    lines = out(proc).splitlines()
    assert all(cells(x) <= 80 for x in lines)
    body = [x for x in lines[1:] if x and not x.startswith(("审查文件", "发现问题", "  "))]
    assert body[:1] == [] or body[0].startswith(("samples", str(SAMPLES)))
    # No Chinese line begins with closing punctuation.
    assert not any(x.strip()[:1] in ")」,。、:" for x in lines if x.strip())


def test_quiet_levels_hide_warnings_from_the_listing_not_from_the_exit_code() -> None:
    full = run("check", str(WARNING_ONLY), "-f", "concise", "--fail-on", "warning")
    quiet = run("check", str(WARNING_ONLY), "-f", "concise", "--fail-on", "warning", "-q")
    silent = run("check", str(PIPE), "-f", "concise", "-qq")
    assert "warning period-mismatch" in out(full) and full.returncode == 1
    assert "period-mismatch" not in out(quiet) and quiet.returncode == 1
    assert out(quiet).splitlines()[-1].startswith("在 1 个文件中发现 1 个问题")
    assert len(out(silent).splitlines()) == 1 and silent.returncode == 1


def test_show_files_lists_what_would_be_audited() -> None:
    proc = run("check", str(SAMPLES), "--show-files", "--exclude", "clean-*")
    names = [Path(x).name for x in out(proc).splitlines()]
    assert proc.returncode == 0
    assert "pipe-blank-cells.txt" in names and "clean-2019.txt" not in names and "README.md" not in names


def test_rules_id_is_written_for_a_reviewer_in_the_chosen_language() -> None:
    zh = out(run("rules", "cell-blank", env={"COLUMNS": "80"}))
    en = out(run("rules", "cell-blank", "--lang", "en", env={"COLUMNS": "80"}))
    for heading in ("检查什么", "报告中的例子", "如何关闭"):
        assert heading in zh
    for heading in ("What it checks", "Example from a report", "How to silence it"):
        assert heading in en
    assert "--ignore cell-blank" in zh and "Parameters" not in en and "``" not in en
    assert all(cells(x) <= 80 for x in zh.splitlines())


def test_rules_id_says_why_in_chinese_without_sending_the_reader_to_english() -> None:
    from gaudit.rules import load_rules

    rule = next(r for r in load_rules() if r.id == "cell-blank")
    zh = out(run("rules", "cell-blank", env={"COLUMNS": "80"}))
    en = out(run("rules", "cell-blank", "--lang", "en", env={"COLUMNS": "80"}))
    lines = zh.splitlines()
    why = lines.index("为什么")
    shown = "".join(x.strip() for x in lines[why + 1:lines.index("报告中的例子")])
    assert shown == "".join(rule.description_zh.split())
    assert "空白单元格不等于零" in shown
    assert "--lang en" not in zh and "英文详细说明" not in zh
    assert "为什么" not in en and "A blank cell is not a zero" in en
    assert all(cells(x) <= 80 for x in lines)


def test_rule_text_is_never_read_as_markup(tmp_path: Path) -> None:
    own = tmp_path / "odd.yaml"
    own.write_text(yaml.safe_dump({"rules": [{
        "id": "odd-one", "name": "bold [/] [red]x", "kind": "missing-fee-statement",
        "check": "text-required", "severity": "info", "message": {"zh": "[/]收费", "en": "[/] fee"},
        "params": {"sections": [6], "pattern": "收费"}}]}, allow_unicode=True), encoding="utf-8")
    listing = run("rules", "--rules", str(own))
    one = run("rules", "odd-one", "--rules", str(own))
    assert listing.returncode == 0 and "bold [/] [red]x" in out(listing)
    assert one.returncode == 0 and "[/]收费" in out(one)


def test_help_and_errors_in_one_language() -> None:
    zh = out(run("check", "--help", env={"COLUMNS": "80"}))
    en = out(run("check", "--lang", "en", "--help", env={"COLUMNS": "80"}))
    env_en = out(run("check", "--help", env={"GAUDIT_LANG": "en"}))
    assert "审查报告并列出问题" in zh and "Audit reports" not in zh
    assert zh.startswith("用法: ") and "check [选项]" in zh and "Options" not in zh and "[default" not in zh
    assert "Show this message" not in out(run("--help"))
    assert "Audit reports and list their defects" in en and "审查" not in en and en == env_en
    assert "…" not in zh and "…" not in en  # no option's help is cut
    bad_zh = run("check", str(PIPE), "--fail-on", "sometimes")
    bad_en = run("check", str(PIPE), "--fail-on", "sometimes", "--lang", "en")
    assert bad_zh.returncode == bad_en.returncode == 2
    assert "fail-on 应为" in err(bad_zh) and "must be one of" in err(bad_en)
    assert not any("\u4e00" <= c <= "\u9fff" for c in err(bad_en))


# ------------------------------------------------------------------ CI and scripts
def test_jsonl_records_carry_a_type() -> None:
    lines = [json.loads(x) for x in out(run("check", str(SAMPLES), "-f", "jsonl")).splitlines()]
    assert {x["type"] for x in lines[:-1]} == {"file"} and all("path" in x for x in lines[:-1])
    assert lines[-1]["type"] == "summary" and lines[-1]["summary"]["files"] == len(lines) - 1


def test_github_annotations_only_on_stdout(tmp_path: Path) -> None:
    actions = {"GITHUB_ACTIONS": "true"}
    stdout = run("check", str(PIPE), env=actions)
    assert out(stdout).startswith("::")
    target = tmp_path / "report.txt"
    to_file = run("check", str(PIPE), "-o", str(target), env=actions)
    assert to_file.returncode == 1
    assert not target.read_text(encoding="utf-8").startswith("::")


def test_pre_commit_hook_is_serial_and_honours_force_exclude() -> None:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["require_serial"] is True and "--force-exclude" in hook["args"]


def test_completion_can_be_installed() -> None:
    assert "--install-completion" in out(run("--help"))


# ------------------------------------------------------------------ accepting deviations
def test_per_file_ignores_in_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "2023").mkdir()
    for name in ("东岭镇.txt", "西岭镇.txt"):
        shutil.copy(PIPE, tmp_path / "2023" / name)
    (tmp_path / ".gaudit.yaml").write_text(
        'per-file-ignores: {"2023/东岭镇*.txt": [blank-cell, section-order]}\n', encoding="utf-8")
    lines = out(run("check", "2023", "-f", "concise", cwd=tmp_path)).splitlines()
    assert not any(x.startswith("2023/东岭镇") for x in lines)
    assert any(x.startswith("2023/西岭镇.txt") and "cell-blank" in x for x in lines)


def test_baseline_reports_only_new_findings_across_line_shifts(tmp_path: Path) -> None:
    report = tmp_path / "a.txt"
    shutil.copy(PIPE, report)
    first = run("check", "a.txt", "--write-baseline", "accepted.json", "-f", "concise", cwd=tmp_path)
    assert first.returncode == 1
    accepted = json.loads((tmp_path / "accepted.json").read_text(encoding="utf-8"))
    assert accepted["schema"] == "gaudit.baseline/1" and accepted["findings"]
    # Lines inserted above every finding: nothing new.
    text = report.read_text(encoding="utf-8").splitlines(keepends=True)
    report.write_text(text[0] + "\n\n" + "".join(text[1:]), encoding="utf-8")
    again = run("check", "a.txt", "--baseline", "accepted.json", "-f", "concise", cwd=tmp_path)
    assert again.returncode == 0, out(again)
    # A new defect is reported.
    row = "| 1.本机关不掌握相关政府信息 |"
    broken = report.read_text(encoding="utf-8").replace(row, row + " 1 | x")
    report.write_text(broken, encoding="utf-8")
    new = run("check", "a.txt", "--baseline", "accepted.json", "-f", "concise", cwd=tmp_path)
    assert new.returncode == 1 and "a.txt:" in out(new)


# ------------------------------------------------------------------ pointing at the defect
def test_findings_point_at_the_defect_and_say_why() -> None:
    lines = out(run("check", str(SAMPLES), "-f", "concise")).splitlines()
    # A blank cell: at the gap (after "政府集中采购 | 0 |"), not at the row label.
    assert any(x.startswith(f"{PIPE.relative_to(REPO)}:31:12: error cell-blank") or ":31:12: error cell-blank" in x
               for x in lines)
    # missing-table quotes the heading as the report writes it (Traditional here).
    assert any("table-missing 「二、主動公開政府信息的情況」下没有法定统计表" in x for x in lines)
    # not-a-report names the reason: here the title, quoted.
    (reason,) = [x for x in lines if "not-a-report" in x]
    assert "标题「XX鎮(zhèn)2021年度政務(wù)公開工作自查報告」表明是其他文件" in reason


def test_usage_errors_in_one_language() -> None:
    zh = run("check", "--foo")
    en = run("check", "--foo", "--lang", "en")
    assert zh.returncode == en.returncode == 2
    assert err(zh).startswith("gaudit: 没有选项 --foo") and "No such option" not in err(zh)
    assert "No such option: --foo" in err(en) and not any("\u4e00" <= c <= "\u9fff" for c in err(en))
    missing = run("check")
    assert missing.returncode == 2 and "缺少参数" in err(missing)


def test_jsonl_lines_follow_the_contract_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((REPO / "tests" / "schemas" / "check.schema.json").read_text(encoding="utf-8"))
    defs = schema["$defs"]
    lines = [json.loads(x) for x in out(run("check", str(SAMPLES), "-f", "jsonl")).splitlines()]
    for record in lines[:-1]:
        kind = record.pop("type")
        assert kind == "file"
        jsonschema.validate(record, {"$defs": defs, "$ref": "#/$defs/file"})
    assert sorted(lines[-1]) == ["summary", "type"]
    jsonschema.validate(lines[-1]["summary"], {"$defs": defs, "$ref": "#/$defs/summary"})


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux not installed")
@pytest.mark.parametrize("width", [80, 120])
def test_progress_bar_leaves_no_residue_in_the_report(tmp_path: Path, width: int) -> None:
    corpus = tmp_path / "many"
    corpus.mkdir()
    samples = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html"))
    for i in range(300):
        source = samples[i % len(samples)]
        shutil.copy(source, corpus / f"f{i:04d}{source.suffix}")
    socket, done = f"gaudit-test-{os.getpid()}-{width}", "gaudit-done"
    command = (f"cd {REPO} && env -u CI -u GITHUB_ACTIONS PYTHONPATH={REPO} {sys.executable} -m gaudit "
               f"check {corpus} --color -j 2; tmux wait-for -S {done}; sleep 600")
    tmux = ["tmux", "-L", socket]
    subprocess.run([*tmux, "new-session", "-d", "-x", str(width), "-y", "40", command], check=True)
    try:
        subprocess.run([*tmux, "set-option", "-g", "history-limit", "100000"], check=True)
        subprocess.run([*tmux, "wait-for", done], check=True, timeout=600)  # no timing: waits for the end
        pane = subprocess.run([*tmux, "capture-pane", "-p", "-S", "-"], check=True, capture_output=True,
                              text=True).stdout
    finally:
        subprocess.run([*tmux, "kill-server"], check=False)
    assert "审查文件 300 个" in pane
    assert "审查中" not in pane and "━" not in pane and "-:--:--" not in pane


def test_file_errors_are_worded_in_the_chosen_language(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere" / "accepted.json")
    zh = run("check", str(PIPE), "--baseline", missing)
    en = run("check", str(PIPE), "--baseline", missing, "--lang", "en")
    assert zh.returncode == en.returncode == 2
    assert "无法读取基线文件" in err(zh) and "No such file" not in err(zh)
    assert "cannot read the baseline file" in err(en)
    out_zh = run("check", str(PIPE), "-o", missing)
    assert out_zh.returncode == 2 and "文件或文件夹不存在" in err(out_zh)
