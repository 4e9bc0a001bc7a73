"""Measure how fast gaudit audits PDF reports, and what reading a PDF costs beyond its text.

Usage (from the repository root, with reportlab in the benchmark's environment)::

    python benchmarks/bench_pdf.py                      # 1000 ~10-page PDFs, --jobs 1 and 2
    python benchmarks/bench_pdf.py --files 200 --keep   # smaller; keep the folder
    python benchmarks/bench_pdf.py --corpus DIR         # reuse a folder written by --out DIR

Each report is made by ``bench.py``'s generator (its HTML layout: prose, the three statutory
tables, occasional planted slips) with section 1 lengthened to about ten A4 pages, and rendered
by ``accuracy/docs_render.py`` (reportlab; a CJK TrueType font of the machine embedded as a
subset, as WPS and Word embed theirs, or with ``--font cid`` the non-embedded STSong-Light; ruled
tables crossing page breaks, page numbers) into ``pdf/``. Beside it, ``text/`` holds a UTF-8 text
twin of every PDF: exactly the text gaudit draws from it (``gaudit.sources.read_source``). Timing both folders with
``--jobs 1`` separates the cost of the PDF itself (parsing, text extraction, page bookkeeping)
from the rest of the pipeline, which sees the same text in both.

Measured, in fresh processes:

* reports/s of ``gaudit check PDFDIR --format json`` with ``--jobs 1`` and ``--jobs 2``
  (target: >= 100 reports/s with 2 jobs);
* CPU ms per PDF beyond the text path: (CPU of the PDF run - CPU of the text run) / N, both with
  ``--jobs 1`` (``--repeats K``: median of K pairs) (target: < 60 ms);
* CPU ms per PDF of the PDF source alone (``read_source`` over the first 200 PDFs in one process,
  best of 3 passes): the steadiest of these numbers on a shared machine, and most of the one
  above;
* that ``gaudit --version`` and a check of one text file import no PDF/Word machinery
  (``python -X importtime``: no pypdfium2, xml.etree or gaudit.sources' PDF, Word, OFD and
  legacy-Word modules, and no zipfile through gaudit.sources; the standard library's
  ``importlib.resources`` imports zipfile when the rule files are read, as it did before PDF
  support, and the table names that chain).
"""

from __future__ import annotations

import argparse
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

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE / "accuracy"))

import bench  # noqa: E402  (the text generator and the fresh-process helpers)

SEED = 20261206
TARGET_RATE_JOBS2 = 100.0
TARGET_CPU_MS = 60.0
FORBIDDEN_AT_START = ("pypdfium2", "xml.etree", "gaudit.sources.pdf", "gaudit.sources.pdfium_pages",
                      "gaudit.sources.docx", "gaudit.sources.ofd", "gaudit.sources.legacy_word",
                      "gaudit.sources.zipxml")
WATCHED = ("zipfile",)  # allowed from the standard library's importlib.resources, not from gaudit.sources

# Runs one command as its only child: wall time and the CPU of it and all its descendants.
_WRAPPER = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": u.ru_utime + u.ru_stime, "maxrss": u.ru_maxrss, "rc": proc.returncode,
                  "stderr": proc.stderr.decode("utf-8", "replace")[-3000:]}))
"""


# The PDF source alone, in one process: best of REPEATS passes over the PDFs, CPU ms per report.
_SOURCE_ONLY = r"""
import sys, time
from pathlib import Path
from gaudit.sources import read_source
datas = [Path(p).read_bytes() for p in sys.argv[2:]]
best = float("inf")
for _ in range(int(sys.argv[1])):
    start = time.process_time()
    for data in datas:
        read_source(data, name="x.pdf")
    best = min(best, time.process_time() - start)
print(best / len(datas) * 1000)
"""
SOURCE_FILES = 200
SOURCE_REPEATS = 3


def source_cpu_ms(pdfs: Sequence[Path], cwd: Path) -> float:
    """CPU ms per report of gaudit's PDF source alone (``read_source``), best of a few passes.

    Most of the PDF run's cost beyond the text path, without what else a run pays for a PDF
    (PDFium's import, caches it leaves cold for the rest of the pipeline); a best-of pass in one
    process shrugs off most of the noise of a shared machine."""
    cmd = [sys.executable, "-c", _SOURCE_ONLY, str(SOURCE_REPEATS), *map(str, pdfs[:SOURCE_FILES])]
    proc = subprocess.run(cmd, cwd=cwd, env=bench._env(), capture_output=True, text=True, encoding="utf-8",
                          check=True)
    return float(proc.stdout)


@dataclass(frozen=True)
class Timed:
    wall: float
    cpu: float
    peak_mb: float
    rc: int
    stderr: str


def timed(cmd: Sequence[str], cwd: Path) -> Timed:
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], cwd=cwd, env=bench._env(),
                          capture_output=True, text=True, encoding="utf-8", check=True)
    d = json.loads(proc.stdout)
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return Timed(d["wall"], d["cpu"], d["maxrss"] / scale, d["rc"], d["stderr"])


# ------------------------------------------------------------------ corpus
def make_pdf(i: int, seed: int = SEED) -> tuple[bytes, int]:
    """Report ``i`` as a ~10-page PDF; also returns its number of pages."""
    import docs_render
    import pypdfium2

    rng = random.Random(f"{seed}:pdf:{i}")
    report = bench._make_report(rng)
    html = bench._report_text(rng, report, "html").replace("{charset}", "utf-8")
    blocks = docs_render.read_blocks(html)
    at = next((k for k, b in enumerate(blocks) if isinstance(b, str) and b.startswith("二、")), len(blocks))
    blocks[at:at] = bench._narrative(rng, report.title_year, rng.randint(2000, 4000))
    data = docs_render.to_pdf(blocks)
    pdf = pypdfium2.PdfDocument(data)
    try:
        return data, len(pdf)
    finally:
        pdf.close()


def find_fonts() -> tuple[str, str | None] | None:
    """(CJK TrueType font, Latin TrueType font or None) of this machine (fontconfig), or None.
    reportlab embeds TrueType outlines only, so OpenType/CFF collections (Noto CJK) do not qualify;
    a CJK-only font (Droid Sans Fallback) is paired with a Latin one for digits and Latin text."""
    exe = shutil.which("fc-list")
    if exe is None:
        return None

    def ttf(pattern: str) -> list[str]:
        proc = subprocess.run([exe, pattern, "file"], capture_output=True, text=True, check=False)
        return sorted(p for p in (line.strip().rstrip(":") for line in proc.stdout.splitlines())
                      if p.lower().endswith(".ttf") and os.path.exists(p))

    cjk = ttf(":lang=zh")
    if not cjk:
        return None
    latin = [p for p in ttf(":lang=en") if "sans" in p.lower() and "bold" not in p.lower()
             and "oblique" not in p.lower() and "italic" not in p.lower() and p not in cjk]
    return cjk[0], (latin[0] if latin else None)


def _one(args: tuple[Path, int, tuple[str, str | None] | None]) -> int:
    import docs_render

    from gaudit.sources import read_source

    folder, i, font = args
    if font:
        docs_render.embed_font(*font)
    data, count = make_pdf(i)
    name = f"{i:05d}"
    (folder / "pdf" / f"{name}.pdf").write_bytes(data)
    (folder / "text" / f"{name}.txt").write_text(read_source(data, name=f"{name}.pdf").text, encoding="utf-8")
    return count


def generate(folder: Path, n: int, workers: int, font: tuple[str, str | None] | None,
             distinct: int | None = None) -> list[int]:
    """``n`` PDFs in ``folder/pdf`` and their text twins in ``folder/text``; returns the page counts.

    With ``distinct`` < n, that many reports are rendered and the rest of the folder is filled with
    copies of them (report i is a copy of report i % distinct), to save rendering time."""
    from multiprocessing import Pool

    (folder / "pdf").mkdir(parents=True, exist_ok=True)
    (folder / "text").mkdir(parents=True, exist_ok=True)
    k = min(n, distinct or n)
    with Pool(workers) as pool:
        pages = pool.map(_one, [(folder, i, font) for i in range(k)], chunksize=4)
    for i in range(k, n):
        for sub, ext in (("pdf", "pdf"), ("text", "txt")):
            shutil.copyfile(folder / sub / f"{i % k:05d}.{ext}", folder / sub / f"{i:05d}.{ext}")
        pages.append(pages[i % k])
    (folder / "pages.json").write_text(json.dumps(pages), encoding="utf-8")
    return pages


# ------------------------------------------------------------------ start-up imports
def imported_modules(args: Sequence[str], cwd: Path) -> dict[str, str]:
    """Modules a fresh ``python -X importtime -m gaudit ARGS`` imports, each with its importer.

    importtime prints a module after the modules it imported, one level deeper; a module's
    importer is the next line with a smaller depth (``-`` at the top)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "gaudit", *args], cwd=cwd, env=bench._env(),
                          capture_output=True, text=True, encoding="utf-8", check=False)
    rows: list[tuple[int, str]] = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            field = line.rsplit("|", 1)[1]
            name = field.strip()
            if name != "package":
                rows.append(((len(field) - len(field.lstrip())) // 2, name))
    out: dict[str, str] = {}
    for k, (depth, name) in enumerate(rows):
        parent = next((n for d, n in rows[k + 1:] if d < depth), "-")
        out[name] = parent
    return out


def forbidden(modules: dict[str, str]) -> tuple[list[str], list[str]]:
    """(modules that must not be there, watched modules with their importers)."""
    def hit(name: str, prefixes: Sequence[str]) -> bool:
        return any(name == f or name.startswith(f + ".") for f in prefixes)

    bad = sorted(n for n in modules if hit(n, FORBIDDEN_AT_START))
    bad += sorted(f"{n} (via {p})" for n, p in modules.items() if hit(n, WATCHED) and p.startswith("gaudit.sources"))
    watched = sorted(f"{n} via {p}" for n, p in modules.items() if hit(n, WATCHED))
    return bad, watched


# ------------------------------------------------------------------ the benchmark
def run(folder: Path, work: Path, jobs: Sequence[int], repeats: int) -> None:
    pdfs = sorted((folder / "pdf").glob("*.pdf"))
    n = len(pdfs)
    pages = json.loads((folder / "pages.json").read_text(encoding="utf-8"))
    size = sum(p.stat().st_size for p in pdfs)
    print(f"corpus: {n} PDFs, {statistics.mean(pages):.1f} pages on average ({min(pages)}-{max(pages)}), "
          f"{size / 1e6:.1f} MB")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"machine: {bench.default_jobs()} CPUs available, Python {platform.python_version()}, "
          f"{platform.machine()}, load average {load} (other work on the machine skews every number)")
    print()
    bench._byte_compile()
    rows: list[bench.Line] = []
    out = work / "out.json"
    pdf_cpu: list[float] = []
    for j in jobs:
        run_ = timed(bench.check_cmd(folder / "pdf", j, str(out)), work)
        if j == 1:
            pdf_cpu.append(run_.cpu)
        rate = n / run_.wall
        target = f">= {TARGET_RATE_JOBS2:.0f}" if j >= 2 else ""
        rows.append((f"check PDFs --jobs {j}: reports/s", f"{rate:.0f}  ({run_.wall:.1f} s)",
                     target, bench._verdict(rate, TARGET_RATE_JOBS2) if j >= 2 else ""))
        # On a loaded machine wall time is not gaudit's; CPU time mostly is.
        rows.append((f"check PDFs --jobs {j}: CPU", f"{run_.cpu:.1f} s = {n / run_.cpu:.0f} reports per CPU-second "
                     f"(x{j} = {j * n / run_.cpu:.0f}/s on {j} idle cores)", "", ""))
        rows.append((f"check PDFs --jobs {j}: peak RSS", f"{run_.peak_mb:.0f} MB", "", ""))
        rows.append((f"check PDFs --jobs {j}: exit {run_.rc}", bench._summarise_json(out, n), "0 or 3",
                     "ok" if run_.rc in (0, 3) else "MISSED"))
        if run_.rc not in (0, 3) and run_.stderr:
            print(run_.stderr, file=sys.stderr)
    text_run = timed(bench.check_cmd(folder / "text", 1, str(out)), work)
    rows.append(("check text twins --jobs 1: reports/s", f"{n / text_run.wall:.0f}  ({text_run.wall:.1f} s, "
                 f"CPU {text_run.cpu:.1f} s)", "", ""))
    # The --jobs 1 run above is the first pair's PDF half; further pairs are run here.
    extra: list[float] = [(pdf_cpu[0] - text_run.cpu) / n * 1000] if pdf_cpu else []
    while len(extra) < repeats:
        p = timed(bench.check_cmd(folder / "pdf", 1, os.devnull), work)
        t = timed(bench.check_cmd(folder / "text", 1, os.devnull), work)
        extra.append((p.cpu - t.cpu) / n * 1000)
    ms = statistics.median(extra)
    rows.append((f"CPU per PDF beyond the text path (median of {repeats})",
                 f"{ms:.1f} ms  ({', '.join(f'{x:.1f}' for x in extra)})", f"< {TARGET_CPU_MS:.0f} ms",
                 bench._verdict(ms, TARGET_CPU_MS, higher_is_better=False)))
    rows.append((f"CPU per PDF in the PDF source alone (best of {SOURCE_REPEATS}, {min(n, SOURCE_FILES)} PDFs)",
                 f"{source_cpu_ms(pdfs, work):.1f} ms", "", ""))
    one_pdf, _ = bench._median_wall(bench.gaudit_cmd("check", str(pdfs[0]), "--fail-on", "never", "-o",
                                                     os.devnull), work)
    one_txt_path = folder / "text" / (pdfs[0].stem + ".txt")
    one_txt, _ = bench._median_wall(bench.gaudit_cmd("check", str(one_txt_path), "--fail-on", "never", "-o",
                                                     os.devnull), work)
    rows.append(("check 1 PDF (median of 5)", f"{one_pdf:.3f} s", "", ""))
    rows.append(("check 1 text file (median of 5)", f"{one_txt:.3f} s", f"< {bench.SINGLE_FILE_TARGET}",
                 bench._verdict(one_txt, bench.SINGLE_FILE_TARGET, False)))
    for label, args in (("gaudit --version", ["--version"]),
                        ("check 1 text file", ["check", str(one_txt_path), "--fail-on", "never", "-o", os.devnull])):
        modules = imported_modules(args, work)
        bad, watched = forbidden(modules)
        rows.append((f"{label}: modules imported", f"{len(modules)}; PDF/Word ones: {', '.join(bad) or 'none'}",
                     "none", "ok" if not bad else "MISSED"))
        if watched:
            rows.append((f"{label}: also", ", ".join(watched), "", ""))
    if hasattr(os, "getloadavg"):  # how busy the machine was while the numbers were taken
        rows.append(("load average at the end", ", ".join(f"{x:.1f}" for x in os.getloadavg()), "", ""))
    bench._print_table(f"gaudit check on PDFs  [N={n}]", rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--files", type=int, default=1000, help="PDF reports to generate (default 1000)")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to time (default 1,2)")
    parser.add_argument("--repeats", type=int, default=1,
                        help="PDF/text CPU pairs to take the median of (default 1: the --jobs 1 run and one text run)")
    parser.add_argument("--out", type=Path, help="generate into this (new or empty) folder and keep it")
    parser.add_argument("--corpus", type=Path, help="reuse a folder written by --out (skips generation)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--font", choices=("embedded", "cid"), default="embedded",
                        help="embedded: a CJK TrueType font of this machine, subset-embedded (default; falls back "
                             "to cid when fontconfig finds none); cid: reportlab's STSong-Light, not embedded")
    parser.add_argument("--distinct", type=int, help="render only this many distinct reports and copy them "
                        "to make up --files (faster generation)")
    args = parser.parse_args(argv)
    jobs = [int(x) for x in args.jobs.split(",") if x.strip()]
    work = Path(tempfile.mkdtemp(prefix="gaudit-bench-pdf-"))
    try:
        if args.corpus is not None:
            folder = args.corpus.resolve()
        else:
            folder = args.out.resolve() if args.out is not None else work / "corpus"
            if folder.exists() and any(folder.iterdir()):
                parser.error(f"--out {folder} is not empty")
            start = time.perf_counter()
            font = find_fonts() if args.font == "embedded" else None
            pages = generate(folder, args.files, bench.default_jobs(), font, args.distinct)
            used = (" + ".join(os.path.basename(f) for f in font if f) + " (embedded subsets)" if font
                    else "STSong-Light (CID, not embedded)")
            print(f"generated {len(pages)} PDFs ({args.distinct or len(pages)} distinct) in "
                  f"{time.perf_counter() - start:.0f} s at {folder}, font: {used}")
        run(folder, work, jobs, args.repeats)
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
