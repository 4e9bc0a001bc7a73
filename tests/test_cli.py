"""The command line as users run it: a subprocess, stdout, stderr and the exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SEEDS = REPO.parent / "shared" / "seeds"

CLEAN = """某某县交通运输局2022年政府信息公开工作年度报告
本报告数据统计期限自2022年1月1日起至2022年12月31日止。
一、总体情况
2022年,我局认真贯彻落实《中华人民共和国政府信息公开条例》。
二、主动公开政府信息情况
说明见表。
三、收到和处理政府信息公开申请情况
全年未收到政府信息公开申请。
四、政府信息公开行政复议、行政诉讼情况
无。
五、存在的主要问题及改进情况
公开的及时性有待提高。
六、其他需要报告的事项
本年度未收取信息处理费。
"""


def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    if "GITHUB_ACTIONS" not in (env or {}):
        full_env.pop("GITHUB_ACTIONS", None)  # the tests choose formats themselves
    return subprocess.run(
        [sys.executable, "-m", "gaudit", *args], cwd=cwd or REPO, input=stdin,
        capture_output=True, env=full_env, timeout=120, check=False,
    )


def test_version() -> None:
    from gaudit import __version__

    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.decode().strip() == f"gaudit {__version__}"


def test_json_on_samples_is_the_only_thing_on_stdout() -> None:
    proc = run("check", "samples", "--format", "json", "--fail-on", "never")
    doc = json.loads(proc.stdout.decode("utf-8"))
    assert doc["schema"] == "gaudit.check/1"
    paths = [f["path"] for f in doc["files"]]
    assert paths == sorted(paths) and len(paths) >= 9
    assert all(p.startswith("samples" + os.sep) for p in paths)
    assert doc["summary"]["files"] == len(paths)
    assert proc.returncode == 0


def test_exit_code_1_on_errors_and_fail_on(tmp_path: Path) -> None:
    proc = run("check", str(SAMPLES / "pipe-blank-cells.txt"), "--format", "concise")
    assert proc.returncode == 1
    assert b"blank-cell" in proc.stdout or b"blank" in proc.stdout
    assert run("check", str(SAMPLES / "pipe-blank-cells.txt"), "--fail-on", "never").returncode == 0


def test_exit_code_0_on_clean_report(tmp_path: Path) -> None:
    proc = run("check", str(SAMPLES / "clean-2021.txt"), "--format", "json")
    doc = json.loads(proc.stdout)
    assert doc["files"][0]["findings"] == [], doc["files"][0]["findings"]
    assert proc.returncode == 0


def test_exit_code_2_on_bad_option_and_bad_rule_file(tmp_path: Path) -> None:
    assert run("check", "samples", "--format", "xml").returncode == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - id: x\n    kind: blank-cell\n    check: no-such-check\n    severity: error\n"
                   "    message: {zh: 空, en: blank}\n", encoding="utf-8")
    proc = run("check", "samples", "--rules", str(bad))
    assert proc.returncode == 2
    err = proc.stderr.decode("utf-8")
    assert "bad.yaml:4" in err  # the line of the unknown check type
    assert proc.stdout == b""


def test_exit_code_3_when_a_file_is_binary(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    proc = run("check", str(tmp_path), "--format", "json", "--ignore", "missing-table")
    doc = json.loads(proc.stdout)
    status = {Path(f["path"]).name: f["status"] for f in doc["files"]}
    assert status == {"report.txt": "ok", "scan.txt": "error"}
    assert doc["summary"]["failed"] == 1
    assert proc.returncode == 3
    assert b"Traceback" not in proc.stderr


def test_folder_without_reports_exits_3_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    proc = run("check", str(tmp_path), "--format", "json")
    assert proc.returncode == 3
    assert str(tmp_path) in proc.stderr.decode("utf-8")
    assert json.loads(proc.stdout)["files"] == []


def test_stdin_with_a_name() -> None:
    data = (SAMPLES / "clean-2021.txt").read_bytes()
    proc = run("check", "-", "--stdin-filename", "县局2022.txt", "--format", "json", stdin=data)
    doc = json.loads(proc.stdout)
    assert [f["path"] for f in doc["files"]] == ["县局2022.txt"]


def test_english_messages() -> None:
    proc = run("check", str(SAMPLES / "pipe-blank-cells.txt"), "--format", "json", "--lang", "en")
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert findings and all(f["message"].isascii() or "「" not in f["message"] for f in findings)
    zh = json.loads(run("check", str(SAMPLES / "pipe-blank-cells.txt"), "--format", "json").stdout)
    assert [f["message"] for f in zh["files"][0]["findings"]] != [f["message"] for f in findings]


def test_github_format_is_chosen_under_github_actions() -> None:
    proc = run("check", str(SAMPLES / "pipe-blank-cells.txt"), env={"GITHUB_ACTIONS": "true"})
    lines = proc.stdout.decode("utf-8").splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_output_file_and_identical_results_for_any_jobs(tmp_path: Path) -> None:
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    run("check", "samples", "--format", "json", "-o", str(one), "--jobs", "1")
    run("check", "samples", "--format", "json", "-o", str(two), "--jobs", "2")
    assert one.read_bytes() == two.read_bytes() and one.stat().st_size > 100


def test_a_fifo_in_the_folder_is_listed_at_once_not_waited_on(tmp_path: Path) -> None:
    """Named pipes are not reports: listed as unreadable straight away, the run never blocks."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs named pipes")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    os.mkfifo(tmp_path / "z.txt")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "gaudit", "check", str(tmp_path), "--format", "jsonl", "--jobs", "1",
         "--fail-on", "never"],
        capture_output=True, env=env, timeout=60, check=False,
    )
    lines = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [line["path"].rsplit("/", 1)[-1] for line in lines[:2]] == ["a.txt", "z.txt"]
    assert lines[1]["status"] == "error" and lines[1]["error"]["kind"] == "unreadable"
    assert proc.returncode == 3


def test_extract_json_contract_on_a_sample() -> None:
    proc = run("extract", str(SAMPLES / "clean-2021.txt"))
    doc = json.loads(proc.stdout)
    assert doc["schema"] == "gaudit.extract/1"
    (f,) = doc["files"]
    assert f["template"] == "2021" and set(f["tables"]) == {"active", "applications", "reviews"}
    apps = f["tables"]["applications"]
    assert len(apps) == 25 and all(len(cols) == 7 for cols in apps.values())
    assert proc.returncode == 0


def test_extract_csv_one_row_per_cell() -> None:
    import csv
    import io

    proc = run("extract", str(SAMPLES / "clean-2021.txt"), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode("utf-8"))))
    # 2021: active 3+3+1+1+1+1 cells, applications 25x7, reviews 3x5
    assert len(rows) == 10 + 175 + 15
    assert {r["table"] for r in rows} == {"active", "applications", "reviews"}


def _table_rows(text: str) -> list[list[str]]:
    """The body rows of the rich tables in ``text``, each cell's wrapped pieces joined."""
    rows: list[list[str]] = []
    current: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith("│"):
            cells = [c.strip() for c in line.strip("│").split("│")]
            current = current or [[] for _ in cells]
            for pieces, cell in zip(current, cells, strict=True):
                pieces.append(cell)
        elif current and line[:1] in ("├", "└"):
            rows.append(["".join(pieces) for pieces in current])
            current = []
    return rows


def test_extract_table_in_80_columns_shows_every_label_and_value_whole() -> None:
    sample = str(SAMPLES / "clean-2021.txt")
    text = run("extract", sample, "--format", "table", env={"COLUMNS": "80"}).stdout.decode("utf-8")
    assert "…" not in text and max(len(line) for line in text.splitlines()) <= 80
    rows = {r[0]: r[1:] for r in _table_rows(text)}
    data = json.loads(run("extract", sample).stdout)["files"][0]["tables"]["applications"]
    # A group label stands once, over the first row of its group.
    assert rows["一、本年新收政府信息公开申请数量"] == [str(v) for v in data["new"].values()]
    assert rows["三、本年度办理结果(一)予以公开"] == [str(v) for v in data["disclosed"].values()]
    assert rows["2.其他法律行政法规禁止公开"] == [str(v) for v in data["withheld_prohibited_by_law"].values()]


def test_rules_catalogue_and_one_rule(tmp_path: Path) -> None:
    from gaudit.rules import load_rules

    own = tmp_path / "local.yaml"
    own.write_text(
        "rules:\n"
        "  - id: local-fee-words\n"
        "    name: 收费说明用语\n"
        "    kind: missing-fee-statement\n"
        "    check: text-required\n"
        "    severity: info\n"
        "    message: {zh: 未写明收费, en: no fee words}\n"
        "    description: The office's own wording check.\n"
        "    params: {sections: [6], pattern: 收费}\n", encoding="utf-8")
    proc = run("rules", "--rules", str(own), env={"COLUMNS": "120"})
    assert proc.returncode == 0
    lines = proc.stdout.decode("utf-8").splitlines()
    # At 80 columns the kind column gives way to the titles; ids are never cut.
    narrow = run("rules", env={"COLUMNS": "80"}).stdout.decode("utf-8").splitlines()
    assert all(len(x) <= 80 for x in narrow)
    for rule in load_rules():
        assert any(x.split()[:2] == [rule.id, rule.severity.value] for x in narrow)
    # Every rule on its own line with its severity and kind, under the file it comes from.
    source = ""
    for rule in [*load_rules(), *load_rules([own])[-1:]]:
        line = next(x for x in lines if x.split()[:1] == [rule.id])
        assert line.split()[1:3] == [rule.severity.value, rule.kind]
        heading = max((i for i, x in enumerate(lines[:lines.index(line)]) if x.strip().endswith(".yaml")))
        source = lines[heading].strip()
        assert source == rule.source
    assert source == str(own)

    rule = load_rules()[0]
    one = run("rules", rule.id)
    assert one.returncode == 0 and rule.id.encode() in one.stdout
    assert run("rules", "no-such-rule").returncode == 2


def test_config_shows_where_settings_came_from(tmp_path: Path) -> None:
    (tmp_path / ".gaudit.yaml").write_text("fail-on: warning\n", encoding="utf-8")
    out = run("config", cwd=tmp_path).stdout.decode("utf-8")
    line = next(x for x in out.splitlines() if x.startswith("fail-on"))
    assert "warning" in line and ".gaudit.yaml" in line


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_seeds_are_read_as_utf8_with_their_script() -> None:
    proc = run("check", str(SEEDS), "--format", "json", "--fail-on", "never")
    files = json.loads(proc.stdout)["files"]
    assert [f["status"] for f in files] == ["ok"] * 5
    assert [f["encoding"] for f in files] == ["utf-8"] * 5
    assert [f["script"] for f in files] == ["traditional", "simplified", "simplified",
                                            "traditional", "simplified"]


def test_a_file_over_its_time_budget_is_unreadable_and_the_run_goes_on() -> None:
    proc = run("check", "samples/clean-2021.txt", "samples/clean-2019.txt", "--format", "json",
               "--timeout", "0.000001", "--jobs", "1")
    doc = json.loads(proc.stdout)
    assert [f["error"]["kind"] for f in doc["files"]] == ["timeout", "timeout"]
    assert proc.returncode == 3


def test_pdf_and_docx_samples_are_audited_with_pages(tmp_path: Path) -> None:
    proc = run("check", "samples/pdf-2022-review-total.pdf", "samples/word-2022-narrative.docx",
               "--format", "json", "--fail-on", "never")
    files = {f["path"]: f for f in json.loads(proc.stdout)["files"]}
    pdf, docx = files["samples/pdf-2022-review-total.pdf"], files["samples/word-2022-narrative.docx"]
    assert (pdf["format"], pdf["encoding"], pdf["organ"]) == ("pdf", None, "柳溪镇人民政府")
    assert pdf["year"] == 2022
    assert [(f["rule"], f["page"], f["line"]) for f in pdf["findings"]] == [("narrative-reviews", 3, 31),
                                                                           ("reviews-group-total", 3, 64)]
    found = [(f["rule"], "page" in f, f["line"]) for f in docx["findings"]]
    assert found == [("narrative-new-applications", False, 25)]
