"""Reports for the cross-report tests: the clean samples with another organ, year and numbers.

:func:`report` takes ``samples/clean-2021.txt`` (or ``clean-2019.txt`` for years up to 2020)
and changes what a test needs: the organ, the year, the applications table's 上年结转 and
结转下年度继续办理 rows, the in-force count of 行政规范性文件, and section 1's text.
:func:`check` runs ``gaudit check --format json`` in a fresh process and returns the files.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
CROSS_KINDS = ("carryover-mismatch", "stock-mismatch", "copied-text", "duplicate-report", "aggregate-mismatch")
_ORGANS = {"2021": "云岭县自然资源局", "2019": "东湖区桃源街道办事处"}
_YEARS = {"2021": "2022", "2019": "2020"}
_CHARS = "安宝北碧昌成崇春淳达丹德东峰凤福富高广桂海汉和河红宏鸿华怀黄惠吉佳嘉江金锦景静俊康兰乐黎立莲良林灵岭"


def _row(text: str, label: str, values: tuple[int, ...]) -> str:
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if line.startswith(label):
            sep = " | " if " | " in line else "\t"
            cells = line.split(sep)
            lines[k] = sep.join([*cells[: len(cells) - 7], *(str(v) for v in values)])
    return "\n".join(lines)


def _replace_section(text: str, heading: str, following: str | None, body: str) -> str:
    start = text.index(heading + "\n") + len(heading) + 1
    end = text.index(following) if following is not None else len(text)
    return text[:start] + body + ("\n\n" if following is not None else "\n") + text[end:]


def unique_text(seed: int, sentences: int = 12) -> str:
    """Narrative no other seed shares (random place and project names)."""
    rng = random.Random(seed)
    parts = []
    for _ in range(sentences):
        name = "".join(rng.choice(_CHARS) for _ in range(4))
        verb = rng.choice(["梳理", "发布", "更新", "核对"])
        thing = "".join(rng.choice(_CHARS) for _ in range(6))
        parts.append(f"{name}项目组{verb}{thing}相关信息{rng.randint(1, 99)}条。")
    return "".join(parts)


def report(organ: str, year: int, *, carried_over: tuple[int, ...] | None = None,
           forward: tuple[int, ...] | None = None, in_force: int = 12,
           issued: int = 0, repealed: int = 0, section1: str | None = None, new_total: int | None = None,
           section5: str | None = None) -> str:
    """A statutory report of ``organ`` for ``year`` with the given numbers; section 5 is text
    of this organ and year alone unless ``section5`` says otherwise."""
    fmt = "2019" if year <= 2020 else "2021"
    text = (SAMPLES / f"clean-{fmt}.txt").read_text(encoding="utf-8")
    text = text.replace(_ORGANS[fmt], organ).replace(_YEARS[fmt], str(year))
    if carried_over is not None:
        text = _row(text, "二、上年结转", carried_over)
    if forward is not None:
        text = _row(text, "四、结转下年度", forward)
    if new_total is not None:
        text = _row(text, "一、本年新收", (new_total, 0, 0, 0, 0, 0, new_total))
    if fmt == "2021":
        text = text.replace("行政规范性文件 | 3 | 1 | 12", f"行政规范性文件 | {issued} | {repealed} | {in_force}")
    if section1 is not None:
        text = _replace_section(text, "一、总体情况", "二、", section1)
    own = section5 if section5 is not None else unique_text(zlib.crc32(f"{organ}{year}".encode()), 6)
    return _replace_section(text, "五、存在的主要问题及改进情况", "六、", own)


def traditional(text: str) -> str:
    import opencc

    converted: str = opencc.OpenCC("s2t").convert(text)
    return converted


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def check(*args: str, cwd: Path) -> tuple[dict[str, dict[str, Any]], subprocess.CompletedProcess[bytes]]:
    """``gaudit check ARGS --format json``: path -> file object, and the process."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("GITHUB_ACTIONS", None)
    proc = subprocess.run([sys.executable, "-m", "gaudit", "check", *args, "--format", "json", "--fail-on", "never"],
                          cwd=cwd, capture_output=True, env=env, timeout=120, check=False)
    if proc.returncode not in (0, 1):
        return {}, proc
    doc = json.loads(proc.stdout.decode("utf-8"))
    return {_path(f["path"]): f for f in doc["files"]}, proc


def _path(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


def cross(files: dict[str, dict[str, Any]]) -> list[tuple[str, str, list[str]]]:
    """(path, kind, related paths) of every cross-report finding, in output order."""
    return [(path, f["kind"], [_path(r["path"]) for r in f.get("related", [])])
            for path, data in files.items() for f in data.get("findings", []) if f["kind"] in CROSS_KINDS]
