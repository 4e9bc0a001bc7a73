"""Organ families over several years: score the cross-report rules, time and weigh the pass.

Three jobs (from the repository root)::

    python benchmarks/families.py score [--families 40] [--seed 7]   # precision/recall per kind
    python benchmarks/families.py time --files 10000                 # second-pass overhead
    python benchmarks/families.py memory --records 100000            # the pass's peak memory

``score`` writes a corpus of organ families (2-4 consecutive years each, mixed layouts,
encodings and scripts, the organ's name in long and short forms), plants carry-over and
stock breaks, near copies within and across organs, duplicates (same text in another
encoding and layout, or other numbers) and hierarchies whose parent's sum is broken, beside
near-miss negatives (a typo'd organ name, one town name in two counties, a town and a county
of one name, years two apart, boilerplate every report shares) and clean families; runs
``gaudit check --format json`` (with ``--hierarchy``) and prints precision and recall per
kind from (file, kind, partner file) triples.  ``time`` audits a family corpus with and
without ``--no-cross``; ``memory`` runs the second pass in-process on synthetic records
(real record sizes, random sketches) and reports the peak.

Only the standard library, gaudit's template and the table renderers of bench.py.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import bench  # noqa: E402
from families_text import Family, TextMaker  # noqa: E402

KINDS = ("carryover-mismatch", "stock-mismatch", "copied-text", "duplicate-report", "aggregate-mismatch")
_CODECS = ("utf-8", "gb18030", "utf-16", "utf-8")


# ------------------------------------------------------------------ planning
def plan(n: int, seed: int) -> list[Family]:
    """``n`` families (plus the children of hierarchies and near-miss twins)."""
    rng = random.Random(f"families/{seed}")
    out: list[Family] = []
    names = TextMaker.organ_names(rng, n * 3)
    k = 0
    for f in range(n):
        years = rng.choice((2, 3, 3, 4))
        start = rng.randint(2019, 2024 - years + 1)
        fam = Family(f"F{f:03d}", names[k], list(range(start, start + years)))
        k += 1
        role = f % 10
        if role == 0:
            fam.plant["carryover"] = rng.choice(fam.years[1:])
        elif role == 1 and fam.years[-1] >= 2022:
            fam.plant["stock"] = rng.choice([y for y in fam.years[1:] if y >= 2022])
        elif role == 2:
            fam.plant["copy-self"] = rng.choice(fam.years[1:])
        elif role == 3:
            fam.plant["duplicate"] = rng.choice(fam.years)
            fam.plant["duplicate-differs"] = rng.random() < 0.5
        elif role == 4:
            fam.plant["copy-other"] = rng.choice(fam.years)
        elif role == 5:  # a hierarchy: a county and two of its towns
            fam.name = fam.name[:2] + "县人民政府"
            fam.children = [Family(f"F{f:03d}c{c}", fam.name[:2] + "县" + names[k + c], fam.years) for c in range(2)]
            k += 2
            if rng.random() < 0.6:
                fam.plant["aggregate"] = rng.choice(fam.years)
        elif role == 6:  # near misses: a typo twin and a same-named town in another county
            twin = Family(f"F{f:03d}t", TextMaker.typo(fam.name), fam.years)
            out.append(twin)
        elif role == 7:  # years two apart, numbers not chained
            fam.years = [fam.years[0], fam.years[0] + 2] if fam.years[0] <= 2022 else [2020, 2022]
            fam.chained = False
        elif role == 8:  # one place name, two counties, both named
            fam.name = "临川县" + names[k][:2] + "镇"
            out.append(Family(f"F{f:03d}d", "江州县" + names[k][:2] + "镇", fam.years))
            k += 1
        out.append(fam)
    return out


# ------------------------------------------------------------------ writing
def write_corpus(out: Path, families: list[Family], seed: int) -> dict[str, object]:
    """Write every report; return the truth (expected findings) and the hierarchy."""
    maker = TextMaker(seed)
    truth: list[tuple[str, str, str]] = []
    hierarchy: dict[str, list[str]] = {}
    everyone = [f for fam in families for f in (fam, *fam.children)]
    for fam in everyone:
        maker.tables(fam)
    for fam in families:
        if fam.children:
            hierarchy[fam.name] = [c.name for c in fam.children]
            maker.sum_children(fam)
    pending = [p for fam in everyone for p in maker.plant(fam, everyone)]
    for fam in everyone:
        for year in fam.years:
            truth += _write(out, maker, fam, year)
    files = {f"{fam.id}@{y}": (y, name) for fam in everyone for y, name in fam.files.items()}
    copiers: dict[str, list[str]] = {}
    for target, kind, other in pending:
        if kind == "copied-text?":
            copiers.setdefault(other, []).append(target)
    for group in copiers.values():  # two copies of one text are copies of each other
        pending += [(a, "copied-text?", b) for k, a in enumerate(group) for b in group[:k]]
    for target, kind, other in pending:
        (ty, tname), (oy, oname) = files[target], files[other]
        if kind.endswith("?"):  # a copy across organs: the later report carries the finding
            kind = kind[:-1]
            if (oy, oname) > (ty, tname):
                tname, oname = oname, tname
        truth.append((tname, kind, oname))
    return {"truth": truth, "hierarchy": hierarchy}


def _write(out: Path, maker: TextMaker, fam: Family, year: int) -> list[tuple[str, str, str]]:
    rng = random.Random(f"{fam.id}/{year}/file")
    layout = rng.choice(bench.LAYOUTS)
    traditional = rng.random() < 0.2
    codec = "big5hkscs" if traditional and rng.random() < 0.6 else rng.choice(_CODECS)
    name = f"{fam.id}-{year}.{'html' if layout == 'html' else 'txt'}"
    (out / name).write_bytes(maker.render(fam, year, layout, traditional, codec))
    fam.files[year] = name
    found: list[tuple[str, str, str]] = []
    if fam.plant.get("duplicate") == year:
        other = rng.choice([x for x in bench.LAYOUTS if x != layout])
        dup = f"{fam.id}-{year}-copy.{'html' if other == 'html' else 'txt'}"
        if fam.plant.get("duplicate-differs"):
            maker.nudge(fam, year)
        (out / dup).write_bytes(maker.render(fam, year, other, not traditional, "gb18030" if traditional else "utf-8"))
        first, second = sorted((name, dup))
        found.append((second, "duplicate-report", first))
    return found


# ------------------------------------------------------------------ scoring
def run_gaudit(corpus: Path, hierarchy: Path, extra: list[str]) -> dict[str, object]:
    out = corpus.parent / "out.json"
    cmd = [sys.executable, "-m", "gaudit", "check", str(corpus), "--format", "json", "--fail-on", "never",
           "--hierarchy", str(hierarchy), "-o", str(out), *extra]
    subprocess.run(cmd, check=True, env=bench._env())
    data: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return data


def score(n: int, seed: int, keep: str | None = None) -> int:
    with tempfile.TemporaryDirectory(prefix="gaudit-families-", dir=keep) as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        families = plan(n, seed)
        made = write_corpus(corpus, families, seed)
        hierarchy = Path(tmp) / "hierarchy.yaml"
        hierarchy.write_text(json.dumps({"hierarchy": made["hierarchy"]}, ensure_ascii=False), encoding="utf-8")
        doc = run_gaudit(corpus, hierarchy, [])
        files = doc["files"]
        assert isinstance(files, list)
        got = {(Path(f["path"]).name, x["kind"], Path(r["path"]).name)
               for f in files for x in f.get("findings", []) if x["kind"] in KINDS
               for r in (x.get("related") or [{"path": ""}])}
        truth = {tuple(t) for t in made["truth"]}  # type: ignore[attr-defined]
        clean = {fam.files[y] for fam in families if not fam.plant and not fam.children for y in fam.years}
        print(f"{len(files)} reports, {len(families)} families; truth {len(truth)} findings")
        print("pairs: planted (file, other file); files: files with a finding of the kind")
        print(f"{'kind':<20} {'pairs':>5} {'files':>5} {'tp':>4} {'precision':>9} {'recall':>7}")
        worst = 1.0
        for kind in KINDS:
            want = {(a, c) for a, k, c in truth if k == kind}
            have = {(a, c) for a, k, c in got if k == kind}
            have_files = {a for a, _ in have}
            tp = sum(1 for pair in want if pair in have)
            false = {a for a in have_files if a not in {w for w, _ in want}}
            precision = 1 - len(false) / len(have_files) if have_files else 1.0
            recall = tp / len(want) if want else 1.0
            worst = min(worst, precision, recall)
            print(f"{kind:<20} {len(want):>5} {len(have_files):>5} {tp:>4} {precision:>9.3f} {recall:>7.3f}")
            for a in sorted(false)[:5]:
                print(f"    false positive: {a}")
            for a, c in sorted(want - have)[:5]:
                print(f"    missed: {a} (with {c})")
        noisy = sorted({a for a, _, _ in got if a in clean and a not in {t for t, _, _ in truth}})
        print(f"clean-family files with a cross finding: {len(noisy)} {noisy[:5]}")
        return 0 if worst >= 0.95 and not noisy else 1


# ------------------------------------------------------------------ speed and memory
def time_overhead(files: int, seed: int, jobs: int | None) -> int:
    with tempfile.TemporaryDirectory(prefix="gaudit-families-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        families = plan(max(1, files // 3), seed)
        write_corpus(corpus, families, seed)
        count = sum(1 for _ in corpus.iterdir())
        bench._byte_compile()
        out = str(Path(tmp) / "out.json")
        base = bench.check_cmd(corpus, jobs, out)
        runs = {}
        for label, cmd in (("--no-cross", [*base, "--no-cross"]), ("cross", base)):
            run = bench.measure(cmd, Path(tmp))
            runs[label] = run
            print(f"{label:<11} {count} reports  {run.wall:7.1f} s  peak {run.peak_mb:6.0f} MB  rc {run.rc}")
        extra = runs["cross"].wall / runs["--no-cross"].wall - 1
        print(f"second pass adds {extra * 100:.1f} % (target at most 20 %)")
        return 0 if extra <= 0.20 else 1


def memory(records: int, seed: int) -> int:
    import resource

    from families_records import synthetic_pass

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    findings, wall = synthetic_pass(records, seed)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{records} records: second pass {wall:.1f} s, {findings} cross findings, "
          f"process peak RSS {rss:.0f} MB ({before:.0f} MB before the records; target under 500 MB)")
    return 0 if rss < 500 else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("score", "time", "memory"))
    parser.add_argument("--families", type=int, default=40)
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument("--records", type=int, default=100000)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", help="write the corpus under this folder (kept while scoring)")
    args = parser.parse_args(argv)
    if args.mode == "score":
        return score(args.families, args.seed, args.keep)
    if args.mode == "time":
        return time_overhead(args.files, args.seed, args.jobs)
    return memory(args.records, args.seed)


if __name__ == "__main__":
    sys.exit(main())
