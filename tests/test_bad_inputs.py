"""Bad inputs through the command line, as a user meets them: every file accounted for, no traceback.

A folder of everything that goes wrong in real life (empty and blank files,
images and PDFs renamed ``.txt``, random bytes, an oversized file, an
unreadable one, a symlink loop, a dangling link, a name that is not UTF-8, a
folder called ``x.txt``) beside valid reports: each input appears exactly once
in every machine format, the bad ones with ``status: error`` and a message,
the exit code is 3, and nothing in the folder is touched.  Broken rule files
stop the run with exit 2 and the file's name.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

from gaudit.template import SPECS

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
BAD_NAME = b"bad-\xff\xfe-name.txt"
BAD_DISPLAY = "bad-\ufffd\ufffd-name.txt"


def gaudit(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for name in ("CI", "GITHUB_ACTIONS", "GAUDIT_LANG"):
        env.pop(name, None)
    return subprocess.run([sys.executable, "-m", "gaudit", *args], cwd=cwd, env=env,
                          capture_output=True, timeout=timeout)


# ----------------------------------------------------------------------- building inputs
def report(organ: str = "柳溪镇人民政府", year: int = 2022, padding: int = 0) -> str:
    """A small, consistent 2021-format report with pipe tables."""
    lines = [f"{organ}{year}年政府信息公开工作年度报告",
             f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
             "一、总体情况",
             f"{year}年,本机关认真落实《中华人民共和国政府信息公开条例》,做好政府信息公开工作。",
             *["全年通过门户网站主动公开各类政府信息,及时回应社会关切。" * 4] * padding,
             "二、主动公开政府信息情况"]
    group = None
    for row in SPECS[("active", "2021")].rows:
        if row.group != group:
            group = row.group
            lines += [group, " | ".join(["信息内容", *(c.label for c in row.columns)])]
        lines.append(" | ".join([row.label, *("0" for _ in row.columns)]))
    lines += ["三、收到和处理政府信息公开申请情况",
              "本年度收到政府信息公开申请2件,均已办结,予以公开2件。",
              " | ".join(["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])]
    filled = {"new", "disclosed", "results_total"}
    for row in SPECS[("applications", "2021")].rows:
        n = 2 if row.key in filled else 0
        lines.append(" | ".join([row.label, str(n), "0", "0", "0", "0", "0", str(n)]))
    lines += ["四、政府信息公开行政复议、行政诉讼情况",
              " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3),
              " | ".join(["0"] * 15),
              "五、存在的主要问题及改进情况", "信息更新的及时性有待提高,下一步将加强审核。",
              "六、其他需要报告的事项", "本年度未收取信息处理费。", ""]
    return "\n".join(lines)


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
            + chunk(b"IEND", b""))


def pdf_bytes() -> bytes:
    """The start of a PDF with a compressed (binary) content stream."""
    stream = zlib.compress("BT /F1 12 Tf (2022年政府信息公开工作年度报告) Tj ET".encode() * 20)
    return (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length " + str(len(stream)).encode()
            + b" /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream\nendobj\ntrailer\n<< >>\n%%EOF\n")


def make_bad_folder(root: Path) -> dict[str, tuple[str, str | None]]:
    """Write the folder ``root/reports``; returns displayed path -> (status, error kind)."""
    folder = root / "reports"
    folder.mkdir()
    expected: dict[str, tuple[str, str | None]] = {}

    def put(name: str, data: bytes, status: str, kind: str | None) -> None:
        (folder / name).write_bytes(data)
        expected[f"reports/{name}"] = (status, kind)

    put("a.txt", report("柳溪镇人民政府").encode(), "ok", None)
    put("b.txt", report("石桥街道办事处", 2021).encode("gb18030"), "ok", None)
    put("empty.txt", b"", "error", "empty")
    put("blank.txt", " \n\t\r\n\u3000\n".encode(), "error", "empty")
    put("image.txt", png_bytes(), "error", "binary")
    put("document.txt", pdf_bytes(), "error", "broken")  # read as a PDF: a damaged one
    put("noise.txt", random.Random(7).randbytes(4096), "error", "binary")
    put("big.txt", report(padding=200).encode(), "error", "too-large")
    os.symlink("loop.txt", folder / "loop.txt")
    expected["reports/loop.txt"] = ("error", "unreadable")
    os.symlink("nowhere.txt", folder / "dangling.txt")
    expected["reports/dangling.txt"] = ("error", "unreadable")
    # A folder named like a report is walked into, not read as a file.
    (folder / "x.txt").mkdir()
    (folder / "x.txt" / "inner.txt").write_bytes(report("桂山镇人民政府").encode())
    expected["reports/x.txt/inner.txt"] = ("ok", None)
    try:
        with open(os.path.join(os.fsencode(folder), BAD_NAME), "wb") as fh:
            fh.write(report("青石街道办事处").encode())
        expected[f"reports/{BAD_DISPLAY}"] = ("ok", None)
    except OSError:  # a file system that only stores UTF-8 names
        pass
    if not IS_ROOT:  # root reads any file whatever its mode
        put("locked.txt", report().encode(), "error", "unreadable")
        (folder / "locked.txt").chmod(0)
    assert len((folder / "big.txt").read_bytes()) > 10 * 1024
    return expected


def snapshot(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every entry under ``folder``: its mode, modification time and content (or link target)."""
    out: dict[str, tuple[int, int, bytes]] = {}
    top = os.fsencode(folder)
    for dirpath, dirnames, filenames in os.walk(top):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            st = os.lstat(path)
            if os.path.islink(path):
                content = os.readlink(path)
            elif os.path.isfile(path) and os.access(path, os.R_OK):
                with open(path, "rb") as fh:
                    content = fh.read()
            else:
                content = b""
            out[os.fsdecode(os.path.relpath(path, top))] = (st.st_mode, st.st_mtime_ns, content)
    return out


@pytest.fixture
def bad(tmp_path: Path) -> Iterator[tuple[Path, dict[str, tuple[str, str | None]]]]:
    expected = make_bad_folder(tmp_path)
    yield tmp_path, expected
    locked = tmp_path / "reports" / "locked.txt"
    if locked.exists():
        locked.chmod(0o600)  # let pytest clean up


ARGS = ("reports", "--fail-on", "never", "--max-size", "10KB")


# ----------------------------------------------------------------------- the bad folder
def test_json_accounts_for_every_input_once(bad: tuple[Path, dict[str, tuple[str, str | None]]]) -> None:
    root, expected = bad
    proc = gaudit("check", *ARGS, "--format", "json", cwd=root)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr
    assert proc.returncode == 3, stderr
    doc = json.loads(proc.stdout.decode("utf-8"))
    paths = Counter(f["path"] for f in doc["files"])
    assert paths == Counter(list(expected)), paths
    assert [f["path"] for f in doc["files"]] == sorted(paths)
    for f in doc["files"]:
        status, kind = expected[f["path"]]
        assert f["status"] == status, f
        if status == "error":
            assert f["error"]["kind"] == kind, f
            message = f["error"]["message"]
            assert message.strip() and "Traceback" not in message, f
            assert f["findings"] == []
        else:
            assert "error" not in f or f["error"] is None, f
    messages = {f["path"]: f.get("error", {}).get("message", "") for f in doc["files"]}
    assert "--max-size" in messages["reports/big.txt"]
    assert "二进制" in messages["reports/image.txt"]
    assert "PNG" in messages["reports/image.txt"].upper()
    assert "PDF" in messages["reports/document.txt"].upper()
    assert "空" in messages["reports/empty.txt"]
    assert doc["summary"]["files"] == len(expected)
    assert doc["summary"]["failed"] == sum(1 for s, _ in expected.values() if s == "error")


def test_english_messages(bad: tuple[Path, dict[str, tuple[str, str | None]]]) -> None:
    root, _ = bad
    proc = gaudit("check", *ARGS, "--format", "json", "--lang", "en", cwd=root)
    assert proc.returncode == 3
    files = {f["path"]: f for f in json.loads(proc.stdout.decode("utf-8"))["files"]}
    assert "--max-size" in files["reports/big.txt"]["error"]["message"]
    assert "binary" in files["reports/noise.txt"]["error"]["message"]
    assert "empty" in files["reports/empty.txt"]["error"]["message"]


def test_jsonl_accounts_for_every_input_once(bad: tuple[Path, dict[str, tuple[str, str | None]]]) -> None:
    root, expected = bad
    proc = gaudit("check", *ARGS, "--format", "jsonl", cwd=root)
    assert proc.returncode == 3
    assert "Traceback" not in proc.stderr.decode("utf-8", "replace")
    objects = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    files = [o for o in objects if "path" in o]
    assert Counter(o["path"] for o in files) == Counter(list(expected))
    assert {o["path"]: o["status"] for o in files} == {p: s for p, (s, _) in expected.items()}
    assert objects[-1]["summary"]["files"] == len(expected)


def test_junit_has_one_testcase_per_input(bad: tuple[Path, dict[str, tuple[str, str | None]]]) -> None:
    root, expected = bad
    proc = gaudit("check", *ARGS, "--format", "junit", cwd=root)
    assert proc.returncode == 3
    assert "Traceback" not in proc.stderr.decode("utf-8", "replace")
    tree = ET.fromstring(proc.stdout)
    cases = tree.findall(".//testcase")
    assert Counter(c.get("name") for c in cases) == Counter(list(expected))
    for case in cases:
        status, kind = expected[str(case.get("name"))]
        errors = case.findall("error")
        assert len(errors) == (1 if status == "error" else 0), ET.tostring(case)
        if errors:
            assert errors[0].get("type") == kind


def _error_paths(expected: dict[str, tuple[str, str | None]]) -> Counter[str]:
    return Counter(p for p, (s, _) in expected.items() if s == "error")


def test_csv_and_concise_list_each_failed_file_once(
    bad: tuple[Path, dict[str, tuple[str, str | None]]],
) -> None:
    root, expected = bad
    proc = gaudit("check", *ARGS, "--format", "csv", cwd=root)
    assert proc.returncode == 3
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode("utf-8"))))
    assert {r["path"] for r in rows} <= set(expected)
    failed = Counter(r["path"] for r in rows if expected[r["path"]][0] == "error")
    assert failed == _error_paths(expected)

    proc = gaudit("check", *ARGS, "--format", "concise", cwd=root)
    assert proc.returncode == 3
    out = proc.stdout.decode("utf-8")
    for path in _error_paths(expected):
        assert sum(1 for line in out.splitlines() if line.startswith(f"{path}:")) == 1, (path, out)


def test_sarif_reports_failed_files_as_notifications(
    bad: tuple[Path, dict[str, tuple[str, str | None]]],
) -> None:
    root, expected = bad
    proc = gaudit("check", *ARGS, "--format", "sarif", cwd=root)
    assert proc.returncode == 3
    assert "Traceback" not in proc.stderr.decode("utf-8", "replace")
    run = json.loads(proc.stdout.decode("utf-8"))["runs"][0]
    notes = [n for inv in run.get("invocations", []) for n in inv.get("toolExecutionNotifications", [])]
    uris = Counter(unquote(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
                   for n in notes)
    assert uris == _error_paths(expected)
    result_uris = {unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
                   for r in run["results"]}
    assert result_uris <= {p for p, (s, _) in expected.items() if s == "ok"}


def test_nothing_is_modified_or_created(bad: tuple[Path, dict[str, tuple[str, str | None]]]) -> None:
    root, _ = bad
    before = snapshot(root)
    for fmt in ("json", "jsonl", "sarif", "junit", "csv", "concise", "github", "terminal"):
        proc = gaudit("check", *ARGS, "--format", fmt, cwd=root)
        assert proc.returncode == 3, (fmt, proc.stderr)
        assert "Traceback" not in proc.stderr.decode("utf-8", "replace")
    assert snapshot(root) == before


@pytest.mark.skipif(IS_ROOT, reason="root reads a file whatever its permissions")
def test_unreadable_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_bytes(report().encode())
    (tmp_path / "ok.txt").write_bytes(report().encode())
    locked.chmod(0)
    try:
        proc = gaudit("check", ".", "--format", "json", "--fail-on", "never", cwd=tmp_path)
    finally:
        locked.chmod(0o600)
    assert proc.returncode == 3
    files = {f["path"]: f for f in json.loads(proc.stdout)["files"]}
    assert files["./locked.txt"]["error"]["kind"] == "unreadable"
    assert files["./ok.txt"]["status"] == "ok"


# ----------------------------------------------------------------------- folders and rule files
def test_folder_without_reports_exits_3_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "notes.md").write_text("# 笔记\n", encoding="utf-8")
    (folder / "report.xlsx").write_bytes(pdf_bytes())  # not a format gaudit looks for
    proc = gaudit("check", "downloads", "--format", "json", cwd=tmp_path)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 3
    assert "downloads" in stderr and "*.txt" in stderr
    assert "Traceback" not in stderr
    assert json.loads(proc.stdout.decode("utf-8"))["files"] == []


def test_rule_file_that_is_a_list_exits_2_naming_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(report().encode())
    (tmp_path / "bad.yaml").write_text("- id: demo\n  kind: total-mismatch\n- id: other\n", encoding="utf-8")
    proc = gaudit("check", "a.txt", "--rules", "bad.yaml", "--format", "json", cwd=tmp_path)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, stderr
    assert "bad.yaml" in stderr
    assert "Traceback" not in stderr
    assert proc.stdout == b""


def test_rule_file_with_yaml_syntax_error_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(report().encode())
    # Line 4 has a second "key:" on one line: a YAML syntax error there.
    (tmp_path / "broken.yaml").write_text(
        "id: demo\nkind: total-mismatch\nseverity: error\nmessage: total: wrong\n", encoding="utf-8")
    proc = gaudit("check", "a.txt", "--rules", "broken.yaml", "--format", "json", cwd=tmp_path)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, stderr
    assert "broken.yaml" in stderr
    assert any(s in stderr for s in ("line 4", "broken.yaml:4", "第 4 行", "第4行")), stderr
    assert "Traceback" not in stderr


# ----------------------------------------------------------------------- determinism across workers
def test_one_and_two_workers_give_identical_json(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    samples = sorted(p for p in SAMPLES.glob("*") if p.suffix in (".txt", ".html"))
    for p in samples:
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "utf8.txt").write_bytes(report().encode())
    (folder / "gb.txt").write_bytes(report("石桥街道办事处", 2021).encode("gb18030"))
    (folder / "utf16.txt").write_bytes(report("东湖区教育局", 2023).encode("utf-16"))
    (folder / "crlf.txt").write_bytes(report("云岭县财政局").replace("\n", "\r\n").encode())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.txt").write_bytes(random.Random(3).randbytes(2048))
    assert len(list(folder.iterdir())) >= 6
    one = gaudit("check", "mixed", "--format", "json", "--fail-on", "never", "--jobs", "1", cwd=tmp_path)
    two = gaudit("check", "mixed", "--format", "json", "--fail-on", "never", "--jobs", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 3
    assert one.stdout == two.stdout
    files = json.loads(one.stdout.decode("utf-8"))["files"]
    assert len(files) == len(list(folder.iterdir()))
    assert sum(1 for f in files if f["status"] == "ok") == len(files) - 2


# ----------------------------------------------------------------------- the 200 MB file (fuzz only)
@pytest.mark.fuzz
def test_200_mb_file(tmp_path: Path) -> None:
    """Refused quickly by default; read without crashing when the limit allows it."""
    big = tmp_path / "huge.txt"
    block = report(padding=50).encode()
    with open(big, "wb") as fh:
        for _ in range(200 * 1024 * 1024 // len(block) + 1):
            fh.write(block)
    assert big.stat().st_size >= 200 * 1024 * 1024
    proc = gaudit("check", "huge.txt", "--format", "json", "--fail-on", "never", cwd=tmp_path)
    assert proc.returncode == 3
    (f,) = json.loads(proc.stdout.decode("utf-8"))["files"]
    assert f["error"]["kind"] == "too-large"
    proc = gaudit("check", "huge.txt", "--format", "json", "--fail-on", "never", "--max-size", "300MB",
                  cwd=tmp_path, timeout=1800)
    assert "Traceback" not in proc.stderr.decode("utf-8", "replace")
    assert proc.returncode in (0, 3)
    (f,) = json.loads(proc.stdout.decode("utf-8"))["files"]
    assert f["status"] in ("ok", "error")
