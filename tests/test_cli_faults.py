"""Issue 15 on the command line: outputs never destroy inputs, hostile names stay inert,
faults end cleanly with their own exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.test_cli import REPO, SAMPLES, run

PIPE = SAMPLES / "pipe-blank-cells.txt"


def _python(code: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd or REPO, capture_output=True,
                          env=env, timeout=120, check=False)


# ------------------------------------------------------------------ (a) outputs
def test_output_naming_an_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    report = tmp_path / "a.txt"
    shutil.copy(PIPE, report)
    before = report.read_bytes()
    (tmp_path / "link.txt").symlink_to(report)
    for target in ("a.txt", "link.txt", "./a.txt"):
        for command in ("check", "extract"):
            proc = run(command, ".", "-o", target, cwd=tmp_path)
            assert proc.returncode == 2, (command, target)
            assert "输入文件之一" in proc.stderr.decode("utf-8")
    assert report.read_bytes() == before


def test_a_failed_run_leaves_an_existing_output_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("previous report\n", encoding="utf-8")
    # Interrupted while writing: SIGTERM after the first file was written.
    code = (
        "import os, signal, sys, gaudit.api as api\n"
        "real = api.results\n"
        "def results(*a, **k):\n"
        "    found, tick = real(*a, **k)\n"
        "    def killing():\n"
        "        for i, r in enumerate(found):\n"
        "            yield r\n"
        "            if i == 0: os.kill(os.getpid(), signal.SIGTERM)\n"
        "    return killing(), tick\n"
        "api.results = results\n"
        "sys.argv = ['gaudit', 'check', sys.argv[1], '-f', 'json', '-o', sys.argv[2], '-j', '1']\n"
        "from gaudit.cli import main\n"
        "main()\n"
    )
    proc = _python(code, str(SAMPLES), str(target))
    assert proc.returncode == 143
    assert target.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary file left
    # A run that ends well replaces it whole.
    ok = run("check", str(PIPE), "-f", "json", "-o", str(target))
    assert ok.returncode == 1 and json.loads(target.read_text(encoding="utf-8"))["files"]


def test_sigint_ends_with_130_and_a_short_message() -> None:
    code = (
        "import os, signal, sys, gaudit.api as api\n"
        "real = api.plan\n"
        "def plan(*a, **k):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    return real(*a, **k)\n"
        "api.plan = plan\n"
        "sys.argv = ['gaudit', 'check', sys.argv[1]]\n"
        "from gaudit.cli import main\n"
        "main()\n"
    )
    proc = _python(code, str(PIPE))
    assert proc.returncode == 130
    assert "Traceback" not in proc.stderr.decode("utf-8")


def test_an_internal_failure_exits_4_never_1() -> None:
    code = (
        "import sys, gaudit.api as api\n"
        "def plan(*a, **k):\n"
        "    raise RuntimeError('boom')\n"
        "api.plan = plan\n"
        "sys.argv = ['gaudit', 'check', *sys.argv[1:]]\n"
        "from gaudit.cli import main\n"
        "main()\n"
    )
    plain = _python(code, str(PIPE))
    debug = _python(code, str(PIPE), "--debug")
    assert plain.returncode == debug.returncode == 4
    assert "内部错误" in plain.stderr.decode("utf-8") and "Traceback" not in plain.stderr.decode("utf-8")
    assert "Traceback" in debug.stderr.decode("utf-8")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_full_disk_is_a_clear_error_with_exit_2() -> None:
    for lang, words in (("zh", "磁盘已满"), ("en", "no space left")):
        proc = run("check", str(SAMPLES), "-f", "json", "-o", "/dev/full", "--lang", lang)
        assert proc.returncode == 2
        assert words in proc.stderr.decode("utf-8") and "Traceback" not in proc.stderr.decode("utf-8")


def test_a_closed_pipe_ends_quietly() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("GITHUB_ACTIONS", None)
    with subprocess.Popen([sys.executable, "-m", "gaudit", "check", str(SAMPLES), "-f", "concise", "-j", "1"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()
        stderr = proc.stderr.read()
        code = proc.wait(timeout=120)
    assert stderr == b"" and code not in (0, 1)


@pytest.mark.parametrize("codec", ["idna", "punycode", "undefined"])
def test_codecs_that_cannot_decode_reports_are_refused_at_once(codec: str) -> None:
    proc = run("check", str(PIPE), "--encoding", codec)
    assert proc.returncode == 2 and "不是文本编码" in proc.stderr.decode("utf-8")


# ------------------------------------------------------------------ (b) escaping
HOSTILE = "a\x1b[31mred\u202eevil\n::error file=x::fake.txt"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PIPE, folder / HOSTILE)
    return folder


def test_concise_and_terminal_show_controls_escaped(hostile: Path) -> None:
    for fmt in ("concise", "terminal"):
        text = run("check", str(hostile), "-f", fmt, "--no-color", env={"COLUMNS": "300"}).stdout.decode("utf-8")
        assert "\x1b" not in text and "\u202e" not in text, fmt
        assert "\\x1b[31mred\\u202eevil\\n::error" in text, fmt
        assert not any(line.startswith("::") for line in text.splitlines())


def test_github_commands_cannot_be_forged_by_a_file_name(hostile: Path) -> None:
    lines = run("check", str(hostile), "-f", "github").stdout.decode("utf-8").splitlines()
    assert lines and all(line.startswith(("::error file=", "::warning file=")) for line in lines)
    assert all("%0A%3A%3Aerror" in line for line in lines)
    assert not any("\x1b" in line or "\u202e" in line for line in lines)


def test_sarif_uris_and_junit_xml_stay_valid(hostile: Path) -> None:
    log = json.loads(run("check", str(hostile), "-f", "sarif").stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris and all(all(33 <= ord(c) < 127 and c not in ' "<>\\^`{|}' for c in uri) for uri in uris)
    xml = run("check", str(hostile), "-f", "junit").stdout.decode("utf-8")
    ET.fromstring(xml.split("\n", 1)[1])
