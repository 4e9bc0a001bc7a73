"""Minimal reproducers of the gaudit defects that the per-format benchmark (formats.py) found.

    python benchmarks/accuracy/repro_formats.py [OUTDIR]

Builds one clean report with bench.py's generator, then small variants of it, each in the
format(s) that show the defect next to one where gaudit is right, and prints gaudit's findings
and the lines gaudit read (``gaudit.sources.read_source``) where they matter. Needs python-docx
and reportlab (benchmark-only). Every variant is a correct report (or, for the notice, a correct
non-report): each finding printed under "DEFECT" is a false alarm or a miss.
"""

from __future__ import annotations

import html
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(1, str(HERE))

import bench  # noqa: E402
import docs_render as R  # noqa: E402


def clean_report() -> str:
    """A bench.py report (HTML layout) with every cell filled and no planted slip."""
    k = 0
    while True:
        rng = random.Random(f"repro:{k}")
        report = bench._make_report(rng)
        cells = [v for t in report.cells.values() for r in t.values() for v in r.values()]
        if report.period_year == report.title_year and all(v != "" for v in cells):
            reviews = report.cells["reviews"]
            if all(int(reviews[r]["total"]) == sum(int(reviews[r][c]) for c in ("upheld", "corrected", "other",
                                                                              "pending")) for r in reviews):
                return bench._report_text(rng, report, "html").replace("{charset}", "utf-8")
        k += 1


def to_html(blocks: list[str | R.Table]) -> str:
    out = ["<html><head><meta charset=\"utf-8\"></head><body>"]
    for b in blocks:
        if isinstance(b, str):
            out.append(f"<p>{html.escape(b)}</p>")
            continue
        out.append('<table border="1">')
        for row in b.rows:
            out.append("<tr>" + "".join(f'<td rowspan="{c.rowspan}" colspan="{c.colspan}">'
                                        + "<br>".join(html.escape(x) for x in c.lines) + "</td>" for c in row)
                       + "</tr>")
        out.append("</table>")
    return "\n".join([*out, "</body></html>"])


def check(folder: Path, names: list[str]) -> dict[str, list[str]]:
    proc = subprocess.run([sys.executable, "-m", "gaudit", "check", *names, "--format", "json", "--fail-on", "never",
                           "--no-cross"],
                          cwd=folder, capture_output=True, env=bench._env(), check=False)
    doc = json.loads(proc.stdout.decode("utf-8"))
    out: dict[str, list[str]] = {}
    for f in doc["files"]:
        said = [f"{x['kind']} ({x['severity']}): {x['message']}" for x in f.get("findings", [])
                if x["severity"] in ("error", "warning")]
        if f.get("status") == "error":
            said.append(f"status error {f.get('error', {}).get('kind')}: {f.get('error', {}).get('message')}")
        out[f["path"]] = said
    return out


def read_lines(path: Path, needle: str, before: int = 2, after: int = 2) -> list[str]:
    from gaudit.sources import read_source

    lines = read_source(path.read_bytes(), name=path.name).text.splitlines()
    for k, line in enumerate(lines):
        if needle in line:
            return lines[max(0, k - before):k + after + 1]
    return []


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path(tempfile.mkdtemp(prefix="gaudit-repro-"))
    folder.mkdir(parents=True, exist_ok=True)
    base = clean_report()

    def blocks() -> list[str | R.Table]:
        return R.read_blocks(base)

    files: dict[str, bytes] = {}
    b = blocks()
    files["base.html"] = to_html(b).encode("utf-8")
    files["base.docx"] = R.to_docx(b)
    files["base.pdf"] = R.to_pdf(b)

    # 1. A grid column that no cell starts in (a "sliver": the 总计 column of table 四 spans two
    #    grid columns in every row). Word documents carry such columns; LibreOffice's DOC->DOCX
    #    conversion, which gaudit uses for .doc, creates them (a gridCol of 1 twip).
    b = blocks()
    for row in [x for x in b if isinstance(x, R.Table)][-1].rows:
        if len(row) > 4:
            row[4].colspan = 2
    files["sliver.docx"] = R.to_docx(b)
    files["sliver.html"] = to_html(b).encode("utf-8")

    # 2. A heading whose numeral is followed by a space ("一 总体情况"), and a text cell (若干)
    #    after its row label: PDF text is "一 总体情况", gaudit closes the CJK space.
    b = blocks()
    b = [("一 总体情况" if isinstance(x, str) and x.startswith("一、") else x) for x in b]
    app = [x for x in b if isinstance(x, R.Table)][1]
    for row in app.rows:
        if row and row[-1].lines and any("予以公开" in line for c in row for line in c.lines):
            row[-7].lines = ["若干"]
    files["space.docx"] = R.to_docx(b)
    files["space.pdf"] = R.to_pdf(b)

    # 3. A notice publishing the report, whose title wraps before "的公告" (as a PDF title does).
    notice = ["关于公布临岭街道办事处2022年政府信息公开工作年度报告的公告",
              "根据《中华人民共和国政府信息公开条例》规定，现将临岭街道办事处2022年政府信息公开工作年度报告予以公布，"
              "详见附件。", "附件：临岭街道办事处2022年政府信息公开工作年度报告.docx", "临岭街道办事处",
              "2023年1月26日"]
    files["notice.docx"] = R.to_docx(notice)
    files["notice.pdf"] = R.to_pdf(notice)
    title = notice[0]
    files["notice_wrapped.txt"] = "\n".join([title[:-3], title[-3:], *notice[1:]]).encode("utf-8")

    for name, data in files.items():
        (folder / name).write_bytes(data)
    said = check(folder, list(files))
    print(f"files in {folder}\n")
    for name in files:
        print(f"{name}: {'; '.join(said.get(name, [])) or 'no error or warning'}")
    print()
    for name, needle, before, after in (("sliver.docx", "| 行政复议", 0, 3), ("space.pdf", "总体情况", 1, 1),
                                        ("space.pdf", "予以公开", 1, 1), ("notice.pdf", "的公告", 1, 1)):
        print(f"{name}, as gaudit reads it around {needle!r}:")
        for line in read_lines(folder / name, needle, before, after):
            print(f"    {line}")
    print("\nexpected: nothing on base.* and sliver.*; on space.* only the text cell 若干 (cell-not-a-number);"
          " not-a-report for every notice.")


if __name__ == "__main__":
    main()
