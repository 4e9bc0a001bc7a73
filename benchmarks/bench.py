"""Measure how fast gaudit audits thousands of reports, beside the floor of merely reading them.

One job: generate a deterministic synthetic corpus of annual reports, time
``gaudit check DIR`` on it in fresh processes, and print a small plain-text
table of reports/s, peak memory and start-up times next to the targets.

Usage (from the repository root)::

    python benchmarks/bench.py --files 1000
    python benchmarks/bench.py --files 1000 --utf8-simplified
    python benchmarks/bench.py --memory-scan            # N=1000 and N=10000
    python benchmarks/bench.py --profile 200            # cProfile of an in-process audit

The corpus mixes every layout gaudit reads (pipe tables, one cell per line,
tab- and space-separated rows, Markdown, HTML, PDF-to-text with a page
marker inside a table), both statutory formats, a quarter Traditional script
and half the files in legacy encodings (GB18030/GBK, Big5-HKSCS, UTF-16).
Numbers are consistent except for occasional planted defects.

Only the standard library and gaudit's own modules (for the template's row
and column labels) are used.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # gaudit.template from this source tree, not an installed copy
    sys.path.insert(0, str(REPO))

from gaudit.template import SPECS, RowSpec, TableSpec  # noqa: E402

SEED = 20260101
LAYOUTS = ("pipe", "cells", "tabs", "spaces", "markdown", "html", "pdf")

# Targets from the issue "Never crash, lose nothing, and audit thousands of reports fast".
TARGETS = {
    "mixed": {"jobs1": 100.0, "jobs2": 180.0},
    "utf8-simplified": {"jobs1": 200.0, "jobs2": 350.0},
}
SINGLE_FILE_TARGET = 0.3

# ----------------------------------------------------------------------- text material
_PLACES = ("柳溪", "石桥", "桂山", "青石", "东湖", "云岭", "白沙", "枫林", "桃源", "松江", "梅岭",
           "龙泉", "金川", "凤鸣", "清河", "长乐", "安平", "永和", "新塘", "望江")
_ORGANS = ("镇人民政府", "街道办事处", "县人民政府办公室", "区教育局", "县自然资源局", "市生态环境局",
           "县卫生健康委员会", "区市场监督管理局", "县交通运输局", "乡人民政府", "区民政局",
           "县财政局")
_SUBJECTS = ("我单位", "本机关", "各股室", "办公室", "局党组", "各村(社区)", "政务公开领导小组",
             "信息公开工作机构", "工作人员", "各责任单位")
_ADVERBS = ("认真", "持续", "进一步", "扎实", "严格", "积极", "全面", "及时", "不断", "稳步")
_VERBS = ("落实", "推进", "规范", "完善", "加强", "梳理", "更新", "公开", "发布", "优化", "宣传",
          "解读", "审查", "整改")
_OBJECTS = ("政府信息公开各项工作", "重点领域信息公开", "政策解读工作", "依申请公开办理流程",
            "政务新媒体管理", "保密审查制度", "基层政务公开标准目录", "政府网站专栏建设",
            "行政规范性文件清理", "财政预决算信息公开", "惠民惠农补贴信息", "征地拆迁信息",
            "公共资源配置信息", "民生实事项目进展", "政务公开培训", "信息发布审核机制")
_TAILS = ("保障人民群众的知情权、参与权和监督权", "切实提高政府工作透明度", "做到应公开尽公开",
          "确保信息准确、完整、及时", "回应社会关切", "推动政务公开工作提质增效",
          "为优化营商环境提供有力支撑", "取得了较好的社会效果")
_ITEMS = ("(一)主动公开", "(二)依申请公开", "(三)政府信息管理", "(四)平台建设", "(五)监督保障")
_PROBLEMS = ("政策解读形式较为单一", "个别单位信息报送不够及时", "依申请公开答复说理有待加强",
             "栏目内容更新频率不高", "工作人员业务能力仍需提升")

_FULLWIDTH = str.maketrans({"(": "\uff08", ")": "\uff09", ":": "\uff1a", ",": "\uff0c"})


def _sentence(rng: random.Random, year: int) -> str:
    count = rng.randint(3, 480)
    return (f"{rng.choice(_SUBJECTS)}{rng.choice(_ADVERBS)}{rng.choice(_VERBS)}"
            f"{rng.choice(_OBJECTS)},全年发布相关信息{count}条,{rng.choice(_TAILS)}。"
            if rng.random() < 0.5 else
            f"{year}年,{rng.choice(_SUBJECTS)}围绕{rng.choice(_OBJECTS)},{rng.choice(_ADVERBS)}"
            f"{rng.choice(_VERBS)}{rng.choice(_OBJECTS)},{rng.choice(_TAILS)}。")


def _narrative(rng: random.Random, year: int, chars: int) -> list[str]:
    """Section 1's paragraphs, (一)…(五), about ``chars`` characters in all."""
    paragraphs: list[str] = []
    per_item = max(200, chars // len(_ITEMS))
    for item in _ITEMS:
        parts = [f"{item}。"]
        written = len(parts[0])
        while written < per_item:
            s = _sentence(rng, year)
            parts.append(s)
            written += len(s)
            # Real reports break long sub-items into several paragraphs.
            if rng.random() < 0.12:
                paragraphs.append("".join(parts))
                parts = []
        if parts:
            paragraphs.append("".join(parts))
    return paragraphs


# ----------------------------------------------------------------------- table numbers
@dataclass
class Report:
    title_year: int
    period_year: int
    template: str
    organ: str
    cells: dict[str, dict[str, dict[str, str]]]
    """table -> row -> column -> cell text (blank cells are ``""``)."""


def _active(rng: random.Random, spec: TableSpec) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for row in spec.rows:
        values: dict[str, str] = {}
        for col in row.columns:
            key = col.key
            if key in ("issued", "made", "published"):
                v = rng.choice((0, 0, 0, 1, 2, 3)) if row.key == "regulations" else rng.randint(0, 12)
                values[key] = str(0 if row.key == "regulations" and rng.random() < 0.8 else v)
            elif key == "repealed":
                values[key] = str(rng.randint(0, 3))
            elif key in ("in_force", "total_published", "previous_items"):
                values[key] = str(rng.randint(0, 60))
            elif key == "change":
                d = rng.randint(-5, 5)
                values[key] = f"+{d}" if d > 0 else str(d)
            elif key == "decisions":
                values[key] = str(rng.randint(0, 3000 if row.key == "licensing" else 300))
            elif key == "amount":
                values[key] = "0" if rng.random() < 0.5 else f"{rng.randint(1, 99999) / 100:.2f}"
            elif key == "projects":
                values[key] = str(rng.randint(0, 40))
            else:
                values[key] = str(rng.randint(0, 20))
        out[row.key] = values
    return out


_RESULT_WEIGHTS = {"disclosed": 8, "partly_disclosed": 2, "unavailable_not_held": 3, "other_misc": 1,
                   "withheld_third_party": 1, "withheld_process_info": 1, "rejected_duplicate": 1,
                   "other": 1}


def _applications(rng: random.Random, spec: TableSpec) -> dict[str, dict[str, str]]:
    result_rows = [r.key for r in spec.rows
                   if r.key not in ("new", "carried_over", "results_total", "carried_forward")]
    weights = [_RESULT_WEIGHTS.get(k, 0.15) for k in result_rows]
    columns = [c.key for c in spec.rows[0].columns if c.key != "total"]
    table: dict[str, dict[str, int]] = {r.key: {} for r in spec.rows}
    for i, col in enumerate(columns):
        new = rng.randint(0, 60) if i == 0 else rng.choice((0, 0, 0, 1, 2, 5))
        carried = rng.choice((0, 0, 1, 2)) if new else 0
        forward = min(new + carried, rng.choice((0, 0, 0, 1, 3)))
        done = new + carried - forward
        counts = dict.fromkeys(result_rows, 0)
        for key in rng.choices(result_rows, weights, k=done):
            counts[key] += 1
        table["new"][col], table["carried_over"][col] = new, carried
        table["results_total"][col], table["carried_forward"][col] = done, forward
        for key, n in counts.items():
            table[key][col] = n
    for values in table.values():
        values["total"] = sum(values.values())
    return {row: {col: str(v) for col, v in values.items()} for row, values in table.items()}


def _reviews(rng: random.Random, spec: TableSpec) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for row in spec.rows:
        parts = [rng.choice((0, 0, 0, 1, 2)) for _ in range(4)]
        out[row.key] = {"upheld": str(parts[0]), "corrected": str(parts[1]), "other": str(parts[2]),
                        "pending": str(parts[3]), "total": str(sum(parts))}
    return out


def _plant_defect(rng: random.Random, report: Report) -> None:
    """Occasional slips of the kind real reports carry."""
    roll = rng.random()
    if roll < 0.10:  # a total that no longer adds up
        row = rng.choice(("disclosed", "new", "results_total", "carried_forward"))
        col = rng.choice(("natural_person", "commercial", "total"))
        cell = report.cells["applications"][row]
        cell[col] = str(int(cell[col]) + rng.choice((1, 2, -1 if int(cell[col]) > 0 else 1)))
    elif roll < 0.15:  # a blank cell
        row = rng.choice(tuple(report.cells["applications"]))
        report.cells["applications"][row][rng.choice(("research", "nonprofit", "legal_services"))] = ""
    elif roll < 0.20:  # a statistics period of another year
        report.period_year = report.title_year - 1
    elif roll < 0.22:  # a review total that does not add up
        report.cells["reviews"]["review"]["total"] = str(int(report.cells["reviews"]["review"]["total"]) + 1)


def _make_report(rng: random.Random) -> Report:
    template = rng.choice(("2019", "2021"))
    year = rng.randint(2019, 2020) if template == "2019" else rng.randint(2021, 2024)
    organ = f"{rng.choice(_PLACES)}{rng.choice(_ORGANS)}"
    cells = {
        "active": _active(rng, SPECS[("active", template)]),
        "applications": _applications(rng, SPECS[("applications", template)]),
        "reviews": _reviews(rng, SPECS[("reviews", template)]),
    }
    report = Report(year, year, template, organ, cells)
    _plant_defect(rng, report)
    return report


# ----------------------------------------------------------------------- table rows
Rows = list[list[str]]


def _active_rows(report: Report) -> Rows:
    spec = SPECS[("active", report.template)]
    rows: Rows = []
    group = None
    for row in spec.rows:
        if row.group != group:
            group = row.group
            rows.append([group])
            rows.append(["信息内容", *(c.label for c in row.columns)])
        values = report.cells["active"][row.key]
        rows.append([row.label, *(values[c.key] for c in row.columns)])
    return rows


def _label_cells(row: RowSpec, previous_group: str | None) -> list[str]:
    if row.group and row.group != previous_group and not row.group.startswith("三、"):
        return [row.group, row.label]
    if row.key == "disclosed":
        return [row.group, row.label]
    return [row.label]


def _applications_rows(report: Report) -> Rows:
    spec = SPECS[("applications", report.template)]
    columns = [c.key for c in spec.rows[0].columns]
    rows: Rows = [
        ["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况"],
        ["", "自然人", "法人或其他组织", "", "", "", "", "总计"],
        ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
    ]
    group: str | None = None
    for row in spec.rows:
        values = report.cells["applications"][row.key]
        rows.append([*_label_cells(row, group), *(values[c] for c in columns)])
        group = row.group
    return rows


def _reviews_rows(report: Report) -> Rows:
    values = report.cells["reviews"]
    labels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    keys = ["upheld", "corrected", "other", "pending", "total"]
    return [
        ["行政复议", "", "", "", "", "行政诉讼"],
        ["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉"],
        labels * 3,
        [values[r][k] for r in ("review", "litigation_direct", "litigation_after_review") for k in keys],
    ]


# ----------------------------------------------------------------------- layouts
def _width(cell: str) -> int:
    """Display width: CJK characters take two columns, as in a PDF-to-text or aligned layout."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in cell)


def _render(rows: Rows, layout: str, page: int | None) -> list[str]:
    """Table rows as lines of text in one layout; ``page`` puts a page marker mid-table."""
    lines: list[str] = []
    marker_at = len(rows) // 2 if page is not None else -1
    for i, cells in enumerate(rows):
        if i == marker_at:
            lines += ["", f"- {page} -", ""]
        if layout == "pipe":
            lines.append(" | ".join(cells))
        elif layout == "cells":
            lines += [f"\t{c}" for c in cells]
            lines.append("")
        elif layout == "tabs":
            lines.append("\t".join(cells))
        elif layout in ("spaces", "pdf"):
            lines.append("".join(c + " " * max(2, 16 - _width(c)) for c in cells).rstrip())
        elif layout == "markdown":
            lines.append("| " + " | ".join(cells) + " |")
            if i == 0:
                lines.append("|" + "---|" * len(cells))
        else:
            raise ValueError(layout)
    return lines


def _html_table(rows: Rows) -> list[str]:
    out = ['<table border="1" cellspacing="0">', "<tbody>"]
    out += ["<tr>" + "".join(f"<td>{c or '&nbsp;'}</td>" for c in cells) + "</tr>" for cells in rows]
    return [*out, "</tbody>", "</table>"]


def _report_text(rng: random.Random, report: Report, layout: str) -> str:
    year, period = report.title_year, report.period_year
    target = int(rng.gauss(6800, 1800))
    lines: list[str] = [
        f"{report.organ}{year}年政府信息公开工作年度报告",
        "",
        f"本报告依据《中华人民共和国政府信息公开条例》编制。报告所列数据的统计期限自{period}年1月1日起"
        f"至{period}年12月31日止。本报告电子版可在门户网站“政府信息公开”专栏查阅。",
        "",
        "一、总体情况",
        *_narrative(rng, year, max(600, target)),
        "",
        "二、主动公开政府信息情况",
    ]
    tables: list[Rows] = [_active_rows(report), _applications_rows(report), _reviews_rows(report)]
    app = report.cells["applications"]
    between = [
        ["", "三、收到和处理政府信息公开申请情况",
         f"{year}年,共收到政府信息公开申请{app['new']['total']}件,上年结转{app['carried_over']['total']}件,"
         f"结转下年度继续办理{app['carried_forward']['total']}件。具体情况如下表:"],
        ["", "四、政府信息公开行政复议、行政诉讼情况",
         f"{year}年,因政府信息公开工作被申请行政复议{report.cells['reviews']['review']['total']}件。"],
    ]
    html = layout == "html"
    body: list[str] = []
    for i, rows in enumerate(tables):
        if html:
            body += _html_table(rows)
        else:
            page = rng.randint(2, 9) if layout == "pdf" and i == 1 else None
            body += _render(rows, layout, page)
        if i < len(between):
            body += between[i]
    fees = "本年度未发出收费通知,未收取信息处理费。" if rng.random() < 0.7 else \
        f"本年度发出收费通知{rng.randint(1, 3)}件,收取信息处理费{rng.randint(1, 9) * 100}元。"
    tail = ["", "五、存在的主要问题及改进情况",
            f"(一)存在的主要问题。一是{rng.choice(_PROBLEMS)};二是{rng.choice(_PROBLEMS)}。",
            f"(二)改进情况。下一步,将{rng.choice(_ADVERBS)}{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}。",
            "", "六、其他需要报告的事项", f"(一)收取信息处理费情况。{fees}", "(二)无其他需要报告的事项。"]
    if html:
        out = ["<html><head><meta charset=\"{charset}\"><title>年度报告</title></head><body>"]
        out += [f"<p>{line}</p>" for line in lines if line]
        out += [f"<p>{line}</p>" if not line.startswith("<") else line for line in body if line]
        out += [f"<p>{line}</p>" for line in tail if line]
        out.append("</body></html>")
        text = "\n".join(out) + "\n"
    else:
        text = "\n".join([*lines, *body, *tail]) + "\n"
    if rng.random() < 0.5:  # half the reports use full-width punctuation
        text = text.translate(_FULLWIDTH)
    return text


# ----------------------------------------------------------------------- scripts and encodings
def _traditional_table() -> dict[int, str]:
    """Simplified -> Traditional, character by character, from OpenCC's own dictionary.

    Converting whole texts with OpenCC would dominate the generation of 10,000
    files; a one-character table is enough for a benchmark corpus.
    """
    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("bench.py needs the opencc package (a gaudit dependency) for Traditional text")
    path = Path(next(iter(spec.submodule_search_locations))) / "dictionary" / "STCharacters.txt"
    table: dict[int, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            simplified, _, traditional = line.rstrip("\n").partition("\t")
            if len(simplified) == 1 and traditional:
                table[ord(simplified)] = traditional.split(" ")[0]
    return table


@dataclass(frozen=True)
class FileSpec:
    name: str
    codec: str
    """The codec to decode the file with (the floor loop uses it)."""
    traditional: bool
    layout: str


def _choose(rng: random.Random, utf8_simplified: bool) -> tuple[str, bool, str]:
    layout = rng.choice(LAYOUTS)
    if utf8_simplified:
        return layout, False, "utf-8"
    traditional = rng.random() < 0.25
    roll = rng.random()
    if roll < 0.5:
        codec = "utf-8-sig" if roll < 0.05 else "utf-8"
    elif roll < 0.92:
        codec = "big5hkscs" if traditional else rng.choice(("gb18030", "gbk"))
    else:
        codec = "utf-16"
    return layout, traditional, codec


_HTML_CHARSET = {"utf-8": "utf-8", "utf-8-sig": "utf-8", "gb18030": "gb18030", "gbk": "gbk",
                 "big5hkscs": "big5", "utf-16": "utf-16"}


def generate(out: Path, n: int, utf8_simplified: bool, seed: int = SEED) -> list[FileSpec]:
    """Write ``n`` reports into ``out``; file ``i`` is the same whatever ``n`` is."""
    out.mkdir(parents=True, exist_ok=True)
    to_traditional = _traditional_table()
    specs: list[FileSpec] = []
    for i in range(n):
        rng = random.Random(f"{seed}:{utf8_simplified}:{i}")
        layout, traditional, codec = _choose(rng, utf8_simplified)
        report = _make_report(rng)
        text = _report_text(rng, report, layout)
        if layout == "html":
            text = text.replace("{charset}", _HTML_CHARSET[codec])
        if traditional:
            text = text.translate(to_traditional)
        if rng.random() < 0.3:
            text = text.replace("\n", "\r\n")
        data = text.encode(codec, errors="replace")
        ext = "html" if layout == "html" else "txt"
        script = "t" if traditional else "s"
        name = f"{i:05d}-{layout}-{report.template}-{script}-{codec}.{ext}"
        (out / name).write_bytes(data)
        # big5hkscs/gbk wrote "?" for what they could not encode: read back with the same codec.
        specs.append(FileSpec(name, codec, traditional, layout))
    return specs


# ----------------------------------------------------------------------- measuring
# Runs one command as its only child so that RUSAGE_CHILDREN is that command's own peak.
_WRAPPER = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "maxrss": usage.ru_maxrss, "rc": proc.returncode,
                  "stderr": proc.stderr.decode("utf-8", "replace")[-3000:]}))
"""


@dataclass(frozen=True)
class Run:
    wall: float
    peak_mb: float
    rc: int
    stderr: str


def _byte_compile() -> None:
    """Compile the source tree's modules, as ``pip install`` does for an installed package.

    The timed processes import gaudit from this tree; where ``PYTHONDONTWRITEBYTECODE`` is
    set (as on some CI machines) they would otherwise compile every module at every start,
    which is not what users pay.
    """
    import compileall

    compileall.compile_dir(str(REPO / "gaudit"), quiet=1)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("CI", None)
    env.pop("GITHUB_ACTIONS", None)
    return env


def measure(cmd: Sequence[str], cwd: Path) -> Run:
    """Wall time and peak RSS of ``cmd`` run in a fresh process."""
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], cwd=cwd, env=_env(),
                          capture_output=True, text=True, encoding="utf-8", check=True)
    data = json.loads(proc.stdout)
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return Run(data["wall"], data["maxrss"] / scale, data["rc"], data["stderr"])


def gaudit_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "gaudit", *args]


def check_cmd(corpus: Path, jobs: int | None, output: str) -> list[str]:
    cmd = gaudit_cmd("check", str(corpus), "--format", "json", "--fail-on", "never", "-o", output)
    return cmd if jobs is None else [*cmd, "--jobs", str(jobs)]


def floor_rate(corpus: Path, specs: Sequence[FileSpec]) -> float:
    """Files/s of just reading and decoding every file (codec known), best of three."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for spec in specs:
            (corpus / spec.name).read_bytes().decode(spec.codec, errors="replace")
        best = min(best, time.perf_counter() - start)
    return len(specs) / best


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _summarise_json(path: Path, expected: int) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
    except (OSError, ValueError) as exc:
        return f"OUTPUT NOT JSON ({exc})"
    files = doc.get("files", [])
    ok = sum(1 for f in files if f.get("status") == "ok")
    findings = sum(len(f.get("findings", [])) for f in files)
    lost = "" if len(files) == expected else f"  LOST: {expected - len(files)} files missing"
    return f"{len(files)} files: {ok} ok, {len(files) - ok} error, {findings} findings{lost}"


# ----------------------------------------------------------------------- reporting
Line = tuple[str, str, str, str]


def _verdict(value: float, target: float, higher_is_better: bool = True) -> str:
    met = value >= target if higher_is_better else value < target
    return "ok" if met else "MISSED"


def _print_table(title: str, rows: Sequence[Line]) -> None:
    print(title)
    head: Line = ("measure", "value", "target", "")
    widths = [max(len(r[i]) for r in (head, *rows)) for i in range(4)]
    for r in (head, *rows):
        print("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    print()


def _jobs_list(text: str) -> list[int | None]:
    """``1,0`` -> [1, None]: 0 (or ``default``) means gaudit's own default."""
    out: list[int | None] = []
    for part in text.split(","):
        part = part.strip()
        if part in ("0", "default", ""):
            out.append(None)
        else:
            out.append(int(part))
    return out


def _median_wall(cmd: Sequence[str], cwd: Path, n: int = 5) -> tuple[float, int]:
    runs = [measure(cmd, cwd) for _ in range(n)]
    return statistics.median(r.wall for r in runs), runs[-1].rc


def bench_corpus(work: Path, n: int, utf8_simplified: bool, jobs: list[int | None],
                 startup: bool = True) -> None:
    corpus_name = "utf8-simplified" if utf8_simplified else "mixed"
    corpus = work / f"corpus-{corpus_name}-{n}"
    _byte_compile()
    start = time.perf_counter()
    specs = generate(corpus, n, utf8_simplified)
    gen_time = time.perf_counter() - start
    size = sum((corpus / s.name).stat().st_size for s in specs)
    targets = TARGETS[corpus_name]
    cpus = default_jobs()
    print(f"corpus: {corpus_name}, {n} files, {size / 1e6:.1f} MB (mean {size / n / 1024:.1f} KiB), "
          f"generated in {gen_time:.1f} s at {corpus}")
    print(f"machine: {cpus} CPUs available, Python {platform.python_version()}, {platform.machine()}")
    print()
    rows: list[Line] = []
    out_json = work / "out.json"
    for j in jobs:
        run = measure(check_cmd(corpus, j, str(out_json)), work)
        rate = n / run.wall
        effective = j if j is not None else cpus
        label = f"check --jobs {j}" if j is not None else f"check (default jobs = {cpus})"
        target = targets["jobs1"] if effective == 1 else targets["jobs2"] if effective >= 2 else None
        rows.append((f"{label}: reports/s", f"{rate:.0f}  ({run.wall:.1f} s)",
                     f">= {target:.0f}" if target else "",
                     _verdict(rate, target) if target else ""))
        rows.append((f"{label}: peak RSS", f"{run.peak_mb:.0f} MB", "", ""))
        status = _summarise_json(out_json, n)
        rows.append((f"{label}: exit {run.rc}", status, "0 or 3", "ok" if run.rc in (0, 3) else "MISSED"))
        if run.rc not in (0, 3) and run.stderr:
            print(run.stderr, file=sys.stderr)
    if startup:
        version, _ = _median_wall(gaudit_cmd("--version"), work)
        rows.append(("gaudit --version (median of 5)", f"{version:.3f} s", "", ""))
        first_utf8 = next((s for s in specs if s.codec == "utf-8" and not s.traditional), specs[0])
        one, _ = _median_wall(gaudit_cmd("check", str(corpus / first_utf8.name), "--format", "json",
                                          "--fail-on", "never", "-o", str(out_json)), work)
        rows.append((f"check 1 file, {first_utf8.codec} simplified (median of 5)", f"{one:.3f} s",
                     f"< {SINGLE_FILE_TARGET}", _verdict(one, SINGLE_FILE_TARGET, False)))
        legacy = next((s for s in specs if s.traditional and s.codec == "big5hkscs"), None)
        if legacy is not None:
            one, _ = _median_wall(gaudit_cmd("check", str(corpus / legacy.name), "--format", "json",
                                              "--fail-on", "never", "-o", str(out_json)), work)
            rows.append(("check 1 file, big5hkscs traditional (median of 5)", f"{one:.3f} s", "", ""))
    rows.append(("floor: read + decode loop (codec known)", f"{floor_rate(corpus, specs):.0f} files/s", "", ""))
    _print_table(f"gaudit check DIR --format json --fail-on never  [{corpus_name}, N={n}]", rows)


def memory_scan(work: Path, sizes: list[int], utf8_simplified: bool) -> None:
    """Peak memory at growing N (subsets of one corpus): flat means streaming."""
    corpus_name = "utf8-simplified" if utf8_simplified else "mixed"
    biggest = max(sizes)
    full = work / f"scan-{corpus_name}-{biggest}"
    _byte_compile()
    specs = generate(full, biggest, utf8_simplified)
    rows: list[Line] = []
    for n in sorted(sizes):
        folder = full if n == biggest else work / f"scan-{corpus_name}-{n}"
        if folder != full:
            folder.mkdir(exist_ok=True)
            for s in specs[:n]:
                target = folder / s.name
                if not target.exists():
                    try:
                        os.link(full / s.name, target)
                    except OSError:
                        shutil.copyfile(full / s.name, target)
        for j in (1, None):
            run = measure(check_cmd(folder, j, os.devnull), work)
            label = f"N={n} --jobs {j if j is not None else 'default'}"
            rows.append((label, f"peak RSS {run.peak_mb:.0f} MB",
                         f"{n / run.wall:.0f} reports/s", f"exit {run.rc}"))
    _print_table(f"memory scan [{corpus_name}]: peak RSS per run (largest single process)", rows)


def profile(work: Path, n: int, utf8_simplified: bool, top: int = 15) -> None:
    """cProfile an in-process audit of ``n`` generated files; top functions by cumulative time."""
    import cProfile
    import pstats

    from gaudit.audit import AuditOptions, Job, audit_many
    from gaudit.discover import discover

    corpus = work / f"profile-{n}"
    generate(corpus, n, utf8_simplified)
    from gaudit.rules import load_rules  # a block of its own: the rule loader is imported last

    options = AuditOptions(rules=tuple(load_rules()))
    jobs = [Job(i) for i in discover([str(corpus)]).inputs]
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    results = list(audit_many(jobs, options, 1))
    profiler.disable()
    wall = time.perf_counter() - start
    failed = sum(1 for r in results if r.status != "ok")
    print(f"in-process audit of {len(results)} files ({failed} error): {wall:.2f} s under cProfile")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(top)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--files", type=int, default=1000, help="reports to generate (default 1000)")
    parser.add_argument("--utf8-simplified", action="store_true",
                        help="the second corpus: every file UTF-8 and Simplified")
    parser.add_argument("--jobs", type=_jobs_list, default=[1, None],
                        help="comma-separated --jobs values to time; 0 = gaudit's default (default: 1,0)")
    parser.add_argument("--out", type=Path, help="generate into this (new or empty) folder and keep it")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up timings")
    parser.add_argument("--memory-scan", type=int, nargs="*", metavar="N",
                        help="peak memory at these corpus sizes (default 1000 10000)")
    parser.add_argument("--profile", type=int, nargs="?", const=200, metavar="N",
                        help="cProfile an in-process audit of N files (default 200)")
    args = parser.parse_args(argv)
    if args.out is not None:
        if args.out.exists() and any(args.out.iterdir()):
            parser.error(f"--out {args.out} is not empty")
        work = args.out.resolve()
        work.mkdir(parents=True, exist_ok=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="gaudit-bench-"))
    try:
        if args.profile is not None:
            profile(work, args.profile, args.utf8_simplified)
        elif args.memory_scan is not None:
            memory_scan(work, args.memory_scan or [1000, 10000], args.utf8_simplified)
        else:
            bench_corpus(work, args.files, args.utf8_simplified, args.jobs, not args.no_startup)
    finally:
        if args.out is None and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        elif args.out is None:
            print(f"kept: {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
