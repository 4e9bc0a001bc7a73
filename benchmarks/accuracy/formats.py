"""Accuracy per input format: the same generated reports as text, HTML, DOCX, PDF and DOC.

    python benchmarks/accuracy/formats.py [--n 300] [--seed 1] [--formats text,html,docx,pdf,doc]
                                          [--doc-n 60] [--keep DIR]

(also ``run.py --formats ...``). For each generator:

* ``text``: the generator's ordinary corpus (n reports, every layout), scored on its files that
  are neither HTML pages nor HTML-layout text;
* ``html``: a second corpus of n reports, every one written in the generator's HTML layout;
* ``docx`` / ``pdf``: that HTML corpus rendered by ``docs_render.py`` (python-docx; reportlab
  with STSong-Light), so that text, HTML, DOCX and PDF differ only in the container;
* ``doc``: the first ``--doc-n`` DOCX files converted to Word 97-2003 by LibreOffice
  (``soffice``), skipped when soffice is absent. gaudit itself converts .doc back with soffice
  (~1 s a file), hence the smaller sample.

Reports planted with an ``encoding`` defect (bytes broken in the text file) have no equivalent in a
Word or PDF container and are left out of the rendered corpora. The truth's line numbers belong to
the text files, so the ``located`` column means nothing for DOCX/PDF/DOC; cells and finding kinds
do. python-docx and reportlab are benchmark-only tools (README.md: how to install them).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import gen_a
import gen_b
import score

FORMATS = ("text", "html", "docx", "pdf", "doc")
Truth = dict[str, Any]


# ------------------------------------------------------------------ corpora
@contextmanager
def _html_only(gen: Any) -> Iterator[None]:
    """Make a generator write every report (not the non-reports) in its HTML layout."""
    if gen is gen_a:
        original = gen_a.plan_corpus

        def plan(n: int, seed: str, frac: float) -> tuple[list[str], dict[int, list[str]]]:
            layouts, kinds = original(n, seed, frac)
            return ["html"] * len(layouts), kinds

        gen_a.plan_corpus = plan
        try:
            yield
        finally:
            gen_a.plan_corpus = original
    else:
        layouts = gen_b.LAYOUTS
        gen_b.LAYOUTS = ["html"]
        try:
            yield
        finally:
            gen_b.LAYOUTS = layouts


def _load(corpus: str) -> Truth:
    with open(os.path.join(corpus, "truth.json"), encoding="utf-8") as f:
        return json.load(f)


def _save(corpus: str, truth: Truth) -> None:
    with open(os.path.join(corpus, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)


def _decode(data: bytes, entry: dict[str, Any]) -> str:
    enc = entry.get("encoding") or "utf-8"
    if enc == "utf-16" and entry.get("byte_order") and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        enc = "utf-16-le" if entry["byte_order"] == "le" else "utf-16-be"
    return data.decode(enc, errors="replace")


def render_corpus(html_corpus: str, out: dict[str, str]) -> dict[str, int]:
    """Write the HTML corpus's reports as DOCX and/or PDF into ``out[fmt]``, each with its truth."""
    import docs_render

    truth = _load(html_corpus)
    kept: list[dict[str, Any]] = []
    skipped = 0
    for entry in truth["files"]:
        if "encoding" in entry["expected_kinds"]:
            skipped += 1
            continue
        with open(os.path.join(html_corpus, entry["path"]), "rb") as f:
            blocks = docs_render.read_blocks(_decode(f.read(), entry))
        kept.append(entry)
        stem = os.path.splitext(entry["path"])[0]
        for fmt, folder in out.items():
            os.makedirs(folder, exist_ok=True)
            data = docs_render.to_docx(blocks) if fmt == "docx" else docs_render.to_pdf(blocks)
            with open(os.path.join(folder, f"{stem}.{fmt}"), "wb") as f:
                f.write(data)
    for fmt, folder in out.items():
        files = [dict(e, path=os.path.splitext(e["path"])[0] + "." + fmt, layout=fmt) for e in kept]
        _save(folder, dict(truth, files=files, rendered_from=os.path.basename(html_corpus)))
    return {"rendered": len(kept), "skipped_encoding": skipped}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_doc(docx_corpus: str, out: str, limit: int) -> int:
    """Convert the first ``limit`` DOCX reports to .doc with LibreOffice, in one soffice run."""
    exe = soffice()
    if exe is None:
        return 0
    truth = _load(docx_corpus)
    files = truth["files"][:limit]
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gaudit-bench-lo-") as profile:
        subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "doc",
                        "--outdir", out, *(os.path.join(docx_corpus, e["path"]) for e in files)],
                       capture_output=True, timeout=3600, check=False)
    done = [dict(e, path=os.path.splitext(e["path"])[0] + ".doc", layout="doc") for e in files
            if os.path.exists(os.path.join(out, os.path.splitext(e["path"])[0] + ".doc"))]
    _save(out, dict(truth, files=done))
    return len(done)


def text_only(truth: Truth) -> Truth:
    """The ordinary corpus minus its HTML pages and HTML-layout text files."""
    files = [e for e in truth["files"] if not e.get("html_file") and e.get("layout") != "html"]
    return dict(truth, files=files)


# ------------------------------------------------------------------ scoring
def score_one(corpus: str, truth: Truth, raw: str | None) -> tuple[dict[str, Any], dict[str, Any]]:
    ext, chk = score.run_gaudit(corpus, raw)
    return score.score(truth, ext, chk)


def run(base: str, n: int, seed: int, formats: list[str], doc_n: int, keep: bool,
        log: Callable[[str], None] = print) -> list[dict[str, Any]]:
    """Build the corpora under ``base``, score each format, print and return one row per (generator, format)."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise SystemExit(f"--formats: unknown {', '.join(unknown)} (known: {', '.join(FORMATS)})")
    rows: list[dict[str, Any]] = []
    for label, gen in (("a", gen_a), ("b", gen_b)):
        corpora: dict[str, tuple[str, Truth]] = {}
        t0 = time.perf_counter()
        if "text" in formats:
            plain = os.path.join(base, f"{label}_text")
            gen.generate(plain, n, seed)
            corpora["text"] = (plain, text_only(_load(plain)))
        if set(formats) & {"html", "docx", "pdf", "doc"}:
            html = os.path.join(base, f"{label}_html")
            with _html_only(gen):
                gen.generate(html, n, seed)
            corpora["html"] = (html, _load(html))
            wanted = {f: os.path.join(base, f"{label}_{f}") for f in ("docx", "pdf")
                      if f in formats or (f == "docx" and "doc" in formats)}
            info = render_corpus(html, wanted)
            log(f"generator {label.upper()}: {info['rendered']} reports rendered as {'/'.join(wanted)} "
                f"({info['skipped_encoding']} with an encoding defect left out)")
            for f, folder in wanted.items():
                corpora[f] = (folder, _load(folder))
            if "doc" in formats:
                if soffice() is None:
                    log("doc: soffice not found, skipped")
                else:
                    folder = os.path.join(base, f"{label}_doc")
                    converted = to_doc(wanted["docx"], folder, doc_n)
                    log(f"generator {label.upper()}: {converted} DOCX converted to DOC by LibreOffice")
                    corpora["doc"] = (folder, _load(folder))
        log(f"generator {label.upper()}: corpora built in {time.perf_counter() - t0:.0f} s")
        for fmt in formats:
            if fmt not in corpora:
                continue
            folder, truth = corpora[fmt]
            t1 = time.perf_counter()
            R, lists = score_one(folder, truth, os.path.join(base, f"gaudit_{label}_{fmt}") if keep else None)
            rows.append({"generator": label, "format": fmt, "reports": len(truth["files"]), "R": R,
                         "seconds": time.perf_counter() - t1})
            if keep:
                with open(os.path.join(base, f"score_{label}_{fmt}.txt"), "w", encoding="utf-8") as f:
                    score.report(R, lists, truth, 30, out=f)
                score.write_json(R, lists, os.path.join(base, f"score_{label}_{fmt}.json"))
            log(f"generator {label.upper()} {fmt}: scored in {rows[-1]['seconds']:.0f} s")
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="reports per generator and corpus (default 300)")
    ap.add_argument("--seed", type=int, default=1, help="seed of both generators (default 1)")
    ap.add_argument("--formats", default=",".join(FORMATS), help="comma-separated subset of " + ",".join(FORMATS))
    ap.add_argument("--doc-n", type=int, default=60, help="DOCX reports per generator converted to .doc (default 60)")
    ap.add_argument("--keep", metavar="DIR", help="keep corpora, gaudit outputs and full reports in DIR (new or empty)")
    a = ap.parse_args(argv)
    formats = [f.strip() for f in a.formats.split(",") if f.strip()]
    if a.keep:
        if os.path.isdir(a.keep) and os.listdir(a.keep):
            sys.exit(f"--keep: {a.keep} is not empty")
        os.makedirs(a.keep, exist_ok=True)
        rows = run(a.keep, a.n, a.seed, formats, a.doc_n, keep=True)
    else:
        with tempfile.TemporaryDirectory(prefix="gaudit-formats-") as tmp:
            rows = run(tmp, a.n, a.seed, formats, a.doc_n, keep=False)
    print()
    score.write_format_table(rows)


if __name__ == "__main__":
    main()
