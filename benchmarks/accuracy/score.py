"""Score gaudit, as a black box, against a corpus written by gen_a.py or gen_b.py.

    python benchmarks/accuracy/score.py CORPUSDIR [--json OUT.json] [--raw DIR [--reuse]]
                                                  [--list 30] [--summary]

Runs `gaudit extract --format json` and `gaudit check --format json --fail-on never` on the corpus
folder with the Python running this script (`python -m gaudit`, the gaudit that Python imports),
compares both with CORPUSDIR/truth.json and prints extraction accuracy, metadata accuracy and
per-kind precision / recall of the findings, with examples of each kind of error. --summary prints
only the headline numbers. README.md explains the truth and the scores. Standard library only.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from typing import Any, TextIO

from gen_a_s2t import S2T

T2S = {v: k for k, v in S2T.items()}
KINDS = ['not-a-report', 'missing-section', 'section-order', 'missing-table', 'blank-cell', 'invalid-value',
         'total-mismatch', 'balance-mismatch', 'narrative-mismatch', 'outdated-template', 'missing-fee-statement',
         'period-mismatch', 'implausible-value', 'encoding', 'ambiguous-value', 'incomplete-table',
         'template-deviation']
MISSING = object()
BALANCE_ROWS = ('new', 'carried_over', 'results_total', 'carried_forward')


# ------------------------------------------------------------------ running gaudit
def gaudit_env() -> dict[str, str]:
    """The environment for `python -m gaudit` run inside the corpus folder.

    gaudit runs with the corpus as working directory (so that its JSON names files relative to
    the corpus); the folder holding the gaudit package this Python imports goes first on
    PYTHONPATH so that the child imports that same gaudit."""
    spec = importlib.util.find_spec('gaudit')
    if spec is None or spec.origin is None:
        sys.exit('gaudit is not importable by this Python: install it (pip install -e .) or set PYTHONPATH')
    root = os.path.dirname(os.path.dirname(os.path.abspath(spec.origin)))
    env = dict(os.environ)
    env['PYTHONPATH'] = root + (os.pathsep + env['PYTHONPATH'] if env.get('PYTHONPATH') else '')
    return env


def run_gaudit(corpus: str, raw: str | None = None, reuse: bool = False) -> tuple[dict[str, Any], dict[str, Any]]:
    """gaudit's extract and check JSON for the corpus; with raw, saved there (or, with reuse, read from there)."""
    outs = {}
    env = None
    for cmd in ('extract', 'check'):
        cache = os.path.join(raw, f'gaudit_{cmd}.json') if raw else None
        if reuse and cache and os.path.exists(cache):
            with open(cache, encoding='utf-8') as f:
                outs[cmd] = json.load(f)
            continue
        env = env or gaudit_env()
        args = [sys.executable, '-m', 'gaudit', cmd, '.', '--format', 'json']
        if cmd == 'check':
            # Per-file accuracy: the generators draw every report's narrative from one small bank
            # of sentences, so the cross-report pass rightly finds them copied from each other
            # (a finding no truth here describes).  The cross pass is measured by families.py.
            args += ['--fail-on', 'never', '--no-cross']
        p = subprocess.run(args, cwd=corpus, env=env, capture_output=True, timeout=3600)
        try:
            outs[cmd] = json.loads(p.stdout.decode('utf-8'))
        except ValueError:
            sys.exit(f'gaudit {cmd} did not print JSON (exit {p.returncode}): '
                     + p.stderr.decode('utf-8', 'replace')[:2000])
        if raw:
            os.makedirs(raw, exist_ok=True)
            with open(os.path.join(raw, f'gaudit_{cmd}.json'), 'w', encoding='utf-8') as f:
                json.dump(outs[cmd], f, ensure_ascii=False)
    return outs['extract'], outs['check']


def by_path(doc):
    return {os.path.normpath(f['path']): f for f in doc.get('files', [])}


# ------------------------------------------------------------------ comparisons
def fold(s):
    s = unicodedata.normalize('NFKC', s).strip().replace('\u00a0', '')
    return ''.join(T2S.get(ch, ch) for ch in s)


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def same(exp, got):
    if got is MISSING:
        return False
    if exp is None:
        return got is None
    if is_num(exp):
        return is_num(got) and abs(float(exp) - float(got)) < 1e-6
    if isinstance(exp, str):
        return isinstance(got, str) and fold(got) == fold(exp)
    return exp == got


def enc_family(e):
    if not e:
        return None
    e = e.lower().replace('_', '-')
    if e in ('gbk', 'gb2312', 'gb18030', 'cp936', 'hz'):
        return 'gb'
    if e in ('big5', 'big5hkscs', 'cp950', 'big5-hkscs'):
        return 'big5'
    if e in ('utf-8', 'utf8', 'utf-8-sig', 'ascii'):
        return 'utf-8'
    if e.startswith('utf-16'):
        return 'utf-16'
    return e


def same_rows(kind, d, x):
    """Whether finding x points at the row of planted cell defect d (balance: any row of the identity)."""
    if kind == 'balance-mismatch':
        return x.get('row') in BALANCE_ROWS
    return x.get('row') == d.get('row')


class Acc:
    def __init__(self):
        self.right = 0
        self.total = 0

    def add(self, ok):
        self.total += 1
        self.right += bool(ok)

    def pct(self):
        return 100.0 * self.right / self.total if self.total else float('nan')


# ------------------------------------------------------------------ main scoring
def score(truth, ext, chk):
    """(numbers, example lists) of gaudit's extract (ext) and check (chk) outputs against the truth."""
    E = by_path(ext)
    C = by_path(chk)
    R = {'extraction': {}, 'findings': {}, 'meta': {}}
    # ---------------------------------------------------------- extraction
    groups = {'layout': defaultdict(Acc), 'encoding': defaultdict(Acc), 'script': defaultdict(Acc),
              'template': defaultdict(Acc), 'table': defaultdict(Acc)}
    overall = Acc()
    files_perfect = Acc()
    lost_files, lost_tables, spurious, wrong = [], [], [], []
    wrong_by_layout_table = Counter()
    meta = {k: Acc() for k in ('year', 'template', 'encoding_family', 'encoding_exact', 'script')}
    meta_wrong = defaultdict(list)
    for tf in truth['files']:
        p = os.path.normpath(tf['path'])
        ef = E.get(p)
        cf = C.get(p)
        # meta (from check output)
        if cf is not None and cf.get('status') == 'ok':
            if tf['layout'] != 'none':
                meta['year'].add(cf.get('year') == tf['year'])
                if cf.get('year') != tf['year']:
                    meta_wrong['year'].append((p, tf['year'], cf.get('year')))
                if tf['tables']:
                    meta['template'].add(cf.get('template') == tf['template'])
                    if cf.get('template') != tf['template']:
                        meta_wrong['template'].append((p, tf['template'], cf.get('template')))
            meta['encoding_family'].add(enc_family(cf.get('encoding')) == enc_family(tf['encoding']))
            meta['encoding_exact'].add((cf.get('encoding') or '').lower().replace('_', '-') == tf['encoding'])
            if enc_family(cf.get('encoding')) != enc_family(tf['encoding']):
                meta_wrong['encoding'].append((p, tf['encoding'], cf.get('encoding')))
            meta['script'].add(cf.get('script') == tf['script'])
            if cf.get('script') != tf['script']:
                meta_wrong['script'].append((p, tf['script'], cf.get('script')))
        if not tf['tables']:
            if ef and ef.get('tables'):
                spurious.append((p, sorted(ef['tables']), 'file has no statutory table'))
            continue
        ok_file = ef is not None and ef.get('status') == 'ok'
        if not ok_file:
            why = (ef or {}).get('error', {}).get('kind', 'absent from output') if ef else 'absent from output'
            lost_files.append((p, tf['layout'], why))
        gt = (ef or {}).get('tables', {}) if ok_file else {}
        for t in gt:
            if t not in tf['tables']:
                spurious.append((p, t, 'table reported but truth has none ({})'.format(','.join(tf['expected_kinds']))))
        perfect = True
        for t, rows in tf['tables'].items():
            got_t = gt.get(t)
            if ok_file and got_t is None:
                lost_tables.append((p, tf['layout'], t))
            for r, cols in rows.items():
                for c, v in cols.items():
                    g = MISSING if got_t is None else got_t.get(r, {}).get(c, MISSING)
                    ok = same(v, g)
                    overall.add(ok)
                    groups['layout'][tf['layout']].add(ok)
                    groups['encoding'][tf['encoding']].add(ok)
                    groups['script'][tf['script']].add(ok)
                    groups['template'][tf['template']].add(ok)
                    groups['table'][t].add(ok)
                    if not ok:
                        perfect = False
                        wrong_by_layout_table[(tf['layout'], t)] += 1
                        if got_t is not None:
                            wrong.append((p, tf['layout'], t, r, c, v, None if g is MISSING else g))
        files_perfect.add(perfect)
    R['extraction'] = {
        'cells': {'right': overall.right, 'total': overall.total, 'pct': overall.pct()},
        'files_all_cells_right': {'right': files_perfect.right, 'total': files_perfect.total},
        'by': {g: {k: {'right': a.right, 'total': a.total, 'pct': a.pct()} for k, a in sorted(d.items())}
               for g, d in groups.items()},
        'files_lost': len(lost_files), 'tables_lost': len(lost_tables), 'spurious_tables': len(spurious),
        'wrong_cells_in_found_tables': len(wrong),
    }
    R['meta'] = {k: {'right': a.right, 'total': a.total, 'pct': a.pct()} for k, a in meta.items()}
    # ---------------------------------------------------------- findings
    tp, fp, fn, tol = Counter(), Counter(), Counter(), Counter()
    located, pinpointed, pin_total = Counter(), Counter(), Counter()
    misses, alarms, clean_errors = [], [], []
    clean_files = clean_with_error = clean_with_warning = 0
    by_layout = defaultdict(Counter)
    info_count = Counter()
    sev_fp = Counter()
    for tf in truth['files']:
        p = os.path.normpath(tf['path'])
        cf = C.get(p)
        exp = set(tf['expected_kinds'])
        tolk = set(tf.get('tolerated_kinds', []))
        fnd = list((cf or {}).get('findings', []))
        if cf is not None and cf.get('status') == 'error':
            ek = (cf.get('error') or {}).get('kind')
            if ek in KINDS:  # a file-level failure that is itself a finding (not-a-report, encoding)
                fnd = [*fnd, {'kind': ek, 'severity': 'error', 'message': (cf.get('error') or {}).get('message', ''),
                              'line': None}]
        for x in fnd:
            if x.get('severity') == 'info':
                info_count[x['kind']] += 1
        fnd = [x for x in fnd if x.get('severity') in ('error', 'warning')]
        got = {x['kind'] for x in fnd}
        if not exp:
            clean_files += 1
            errs = [x for x in fnd if x['severity'] == 'error']
            if errs:
                clean_with_error += 1
                for x in errs:
                    clean_errors.append((p, tf['layout'], x['kind'], x.get('line'), x.get('message', '')))
            if any(x['severity'] == 'warning' for x in fnd):
                clean_with_warning += 1
        for k in sorted(exp | got):
            if k in exp and k in got:
                tp[k] += 1
                by_layout[tf['layout']]['tp'] += 1
                tl = []
                for d in tf['defects']:
                    if d['kind'] == k:
                        tl += [d.get('line'), *d.get('alt_lines', [])]
                tl = [x for x in tl if x]
                fl = [x.get('line') for x in fnd if x['kind'] == k and x.get('line')]
                if any(abs(a - b) <= 3 for a in tl for b in fl):
                    located[k] += 1
                cells = [d for d in tf['defects'] if d['kind'] == k and d.get('row')]
                if cells:
                    pin_total[k] += 1
                    if any(x.get('table') == d.get('table') and same_rows(k, d, x)
                           for d in cells for x in fnd if x['kind'] == k):
                        pinpointed[k] += 1
            elif k in exp:
                fn[k] += 1
                by_layout[tf['layout']]['fn'] += 1
                hint = '; '.join(d.get('rule_hint', '') for d in tf['defects'] if d['kind'] == k)
                said = ', '.join(sorted(got)) or '(no findings)'
                if cf is not None and cf.get('status') == 'error':
                    said = 'status error: {}'.format((cf.get('error') or {}).get('message', ''))
                misses.append((p, tf['layout'], k, f'planted: {hint} | gaudit said: {said}'))
            elif k in tolk:
                tol[k] += 1
            else:
                fp[k] += 1
                by_layout[tf['layout']]['fp'] += 1
                xs = [x for x in fnd if x['kind'] == k]
                sev_fp[xs[0]['severity']] += 1
                alarms.append((p, tf['layout'], k, 'line {}: {}'.format(xs[0].get('line'), xs[0].get('message', '')),
                               ','.join(sorted(exp)) or 'clean'))
    per = {}
    for k in KINDS:
        P = tp[k] / (tp[k] + fp[k]) if tp[k] + fp[k] else float('nan')
        Rr = tp[k] / (tp[k] + fn[k]) if tp[k] + fn[k] else float('nan')
        per[k] = {'tp': tp[k], 'fp': fp[k], 'fn': fn[k], 'tolerated': tol[k], 'precision': P, 'recall': Rr,
                  'located': located[k], 'pinpointed': pinpointed[k], 'pinpoint_total': pin_total[k]}
    T = sum(tp.values()), sum(fp.values()), sum(fn.values())
    R['findings'] = {'per_kind': per, 'micro': {'tp': T[0], 'fp': T[1], 'fn': T[2],
                                                'precision': T[0] / (T[0] + T[1]) if T[0] + T[1] else float('nan'),
                                                'recall': T[0] / (T[0] + T[2]) if T[0] + T[2] else float('nan')},
                     'clean_files': clean_files, 'clean_files_with_error': clean_with_error,
                     'clean_files_with_warning': clean_with_warning,
                     'by_layout': {k: dict(v) for k, v in sorted(by_layout.items())},
                     'fp_by_severity': dict(sev_fp), 'info_findings': dict(info_count)}
    lists = {'wrong_cells': wrong, 'lost_files': lost_files, 'lost_tables': lost_tables, 'spurious': spurious,
             'misses': misses, 'alarms': alarms, 'clean_errors': clean_errors, 'meta_wrong': meta_wrong,
             'wrong_by_layout_table': wrong_by_layout_table}
    return R, lists


# ------------------------------------------------------------------ printing
def fmt_val(v):
    return json.dumps(v, ensure_ascii=False)


def ratio(x):
    return '-' if x != x else f'{x:.3f}'  # NaN (no case of that kind) prints as '-'


def write_headline(w, R, truth):
    X = R['extraction']
    w('=' * 78)
    w('corpus: {} files (seed {})'.format(len(truth['files']), truth.get('seed')))
    w('=' * 78)
    w('EXTRACTION  cells right: {right} / {total}  ({pct:.2f}%);  '.format(**X['cells'])
      + 'files with every cell right: {right} / {total}'.format(**X['files_all_cells_right']))
    w(f'  files lost (status error / absent): {X["files_lost"]}   tables lost (truth has it, gaudit not): '
      f'{X["tables_lost"]}   spurious tables: {X["spurious_tables"]}')


def write_groups(w, R, names):
    for g in names:
        w(f'  by {g}:')
        for k, a in R['extraction']['by'][g].items():
            w(f'    {k!s:<12} {a["right"]:7d} / {a["total"]:7d}  {a["pct"]:6.2f}%')


def write_findings_table(w, F):
    w('FINDINGS  (a planted defect is found when gaudit reports its kind for that file; error+warning count)')
    w(f'  {"kind":<22} {"TP":>4} {"FP":>4} {"FN":>4} {"tol":>5}  {"precision":>9} {"recall":>7}  {"located":>8} '
      f'{"pinpointed":>10}')
    for k, v in F['per_kind'].items():
        pin = f'{v["pinpointed"]}/{v["pinpoint_total"]}' if v['pinpoint_total'] else '-'
        w(f'  {k:<22} {v["tp"]:4d} {v["fp"]:4d} {v["fn"]:4d} {v["tolerated"]:5d}  {ratio(v["precision"]):>9} '
          f'{ratio(v["recall"]):>7}  {str(v["located"]) + "/" + str(v["tp"]):>8} {pin:>10}')
    m = F['micro']
    w(f'  {"ALL":<22} {m["tp"]:4d} {m["fp"]:4d} {m["fn"]:4d}        {m["precision"]:9.3f} {m["recall"]:7.3f}')


def write_clean(w, F, lists, nlist):
    w(f'  clean reports: {F["clean_files"]}; with an error finding: {F["clean_files_with_error"]}; '
      f'with a warning: {F["clean_files_with_warning"]}')
    w()
    ce = lists['clean_errors']
    w(f'ERRORS ON CLEAN REPORTS (first {min(nlist, len(ce))} of {len(ce)})')
    for x in ce[:nlist]:
        w('  {} [{}] {} line {}: {}'.format(*x))


def write_format_table(rows, out: TextIO = sys.stdout):
    """One line per (generator, input format): cells read right, finding precision / recall (formats.py)."""
    def w(s=''):
        print(s, file=out)

    w('ACCURACY PER INPUT FORMAT  (cells: every truth cell vs gaudit extract; findings: kinds, error+warning)')
    w(f'  {"gen":<3} {"format":<6} {"reports":>7}  {"cells right":>17} {"%":>7}  {"files ok":>9}  {"lost":>4} '
      f'{"tbl lost":>8}  {"TP":>5} {"FP":>4} {"FN":>4} {"precision":>9} {"recall":>7}  {"clean w/ error":>14}')
    for r in rows:
        X, F = r['R']['extraction'], r['R']['findings']
        m = F['micro']
        w(f'  {r["generator"].upper():<3} {r["format"]:<6} {r["reports"]:7d}  '
          f'{X["cells"]["right"]:>8}/{X["cells"]["total"]:<8} {X["cells"]["pct"]:6.2f}%  '
          f'{X["files_all_cells_right"]["right"]:>4}/{X["files_all_cells_right"]["total"]:<4}  '
          f'{X["files_lost"]:4d} {X["tables_lost"]:8d}  {m["tp"]:5d} {m["fp"]:4d} {m["fn"]:4d} '
          f'{ratio(m["precision"]):>9} {ratio(m["recall"]):>7}  '
          f'{F["clean_files_with_error"]:>5}/{F["clean_files"]:<8}')


def write_list(w, title, items, n, fmt):
    w(f'{title} (first {min(n, len(items))} of {len(items)})')
    for x in items[:n]:
        w(fmt.format(*x))


def report(R, lists, truth, nlist, out: TextIO = sys.stdout):
    """The full report: every number, and up to nlist examples of each kind of error."""
    def w(s=''):
        print(s, file=out)

    write_headline(w, R, truth)
    write_groups(w, R, ('layout', 'encoding', 'script', 'template', 'table'))
    w('  wrong cells per (layout, table): ' + ', '.join(f'{a}/{b}={n}' for (a, b), n in
                                                       lists['wrong_by_layout_table'].most_common()))
    w()
    w('METADATA (check output)')
    for k, a in R['meta'].items():
        w(f'  {k:<16} {a["right"]:5d} / {a["total"]:5d}  {a["pct"]:6.2f}%')
    for k, v in lists['meta_wrong'].items():
        examples = '; '.join('{} exp {} got {}'.format(*x) for x in v[:8])
        w(f'  {k} wrong (first {min(8, len(v))} of {len(v)}): {examples}')
    w()
    if lists['lost_files']:
        write_list(w, 'LOST FILES', lists['lost_files'], nlist, '  {} [{}] {}')
    if lists['lost_tables']:
        write_list(w, 'LOST TABLES', lists['lost_tables'], nlist, '  {} [{}] {}')
    if lists['spurious']:
        write_list(w, 'SPURIOUS TABLES', lists['spurious'], 10, '  {} {} {}')
    wrong = lists['wrong_cells']
    w(f'WRONG CELLS in found tables (first {min(nlist, len(wrong))} of {len(wrong)})')
    for p, lay, t, r, c, e, g in wrong[:nlist]:
        w(f'  {p} [{lay}] {t}.{r}.{c} expected {fmt_val(e)} got {fmt_val(g)}')
    w()
    F = R['findings']
    write_findings_table(w, F)
    w('  located = a finding of that kind within ±3 lines of the planted line; pinpointed = same table+row'
      ' (balance: any of its 4 rows).')
    w('  tol = reported kinds that the truth marks as acceptable side effects (not counted as FP).')
    w(f'  FP by severity: {F["fp_by_severity"]};  info findings (not scored): {F["info_findings"]}')
    w('  by layout (tp/fp/fn): ' + ', '.join(f'{k} {v.get("tp", 0)}/{v.get("fp", 0)}/{v.get("fn", 0)}'
                                           for k, v in F['by_layout'].items()))
    write_clean(w, F, lists, nlist)
    write_list(w, 'MISSES', lists['misses'], nlist, '  {} [{}] {} — {}')
    write_list(w, 'FALSE ALARMS', lists['alarms'], nlist, '  {} [{}] {} — {} (planted: {})')


def summary(R, lists, truth, nlist=10, out: TextIO = sys.stdout):
    """The headline numbers: extraction per layout, findings per kind, errors on clean reports."""
    def w(s=''):
        print(s, file=out)

    write_headline(w, R, truth)
    write_groups(w, R, ('layout',))
    w()
    write_findings_table(w, R['findings'])
    write_clean(w, R['findings'], lists, nlist)


def write_json(R, lists, path):
    """The numbers and the example lists, as JSON."""
    out = dict(R)
    out['lists'] = {k: (v if not isinstance(v, Counter) else {'{}/{}'.format(*kk): n for kk, n in v.items()})
                    for k, v in lists.items()}
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(out, f, ensure_ascii=False, indent=1, default=str)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('corpus')
    ap.add_argument('--json', help='also write the numbers (and the lists) to this JSON file')
    ap.add_argument('--raw', help='save gaudit outputs here (gaudit_extract.json, gaudit_check.json)')
    ap.add_argument('--reuse', action='store_true', help='with --raw: reuse saved gaudit outputs instead of running it')
    ap.add_argument('--list', type=int, help='length of the example lists (default 30; 10 with --summary)')
    ap.add_argument('--summary', action='store_true', help='print only the headline numbers')
    a = ap.parse_args(argv)
    corpus = os.path.abspath(a.corpus)
    with open(os.path.join(corpus, 'truth.json'), encoding='utf-8') as f:
        truth = json.load(f)
    ext, chk = run_gaudit(corpus, a.raw, a.reuse)
    R, lists = score(truth, ext, chk)
    if a.summary:
        summary(R, lists, truth, 10 if a.list is None else a.list)
    else:
        report(R, lists, truth, 30 if a.list is None else a.list)
    if a.json:
        write_json(R, lists, a.json)


if __name__ == '__main__':
    main()
