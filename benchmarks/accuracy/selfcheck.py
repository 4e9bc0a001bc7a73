"""Check the generators against their own truth (gaudit is not involved).

    python benchmarks/accuracy/selfcheck.py [--n 600] [SEED ...]     # default: seed 1, as run.py
    python benchmarks/accuracy/selfcheck.py --corpus DIR [--corpus DIR ...]

Generates a corpus with gen_a.py and one with gen_b.py for each seed (in a temporary folder), or
takes existing corpora, and checks that the truth describes the files: table identities hold
unless a total/balance defect was planted (and then that defect breaks one), blank and text cells
appear only where a defect says, every defect has a line that shows it, and only files with an
encoding defect fail a strict decode. Prints each problem; the exit code is 1 if there is any.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import unicodedata
from collections import Counter

import gen_a
import gen_b
from gen_a_vocab import APP_COLS, REV_COLS, result_rows

GENERATOR_A = 'gaudit-eval gen.py'  # the 'generator' field of truth.json, kept from the original scripts
GENERATOR_B = 'gen2.py'


def load_truth(corpus):
    with open(os.path.join(corpus, 'truth.json'), encoding='utf-8') as f:
        return json.load(f)


def read_bytes(corpus, path):
    with open(os.path.join(corpus, path), 'rb') as f:
        return f.read()


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


# ------------------------------------------------------------------ generator A
def broken_identities_a(tables, tpl):
    """Counter of broken identities: row (applicant columns), col (results), bal (balance), rev (reviews)."""
    A = tables.get('applications')
    R = tables.get('reviews')
    out = Counter()
    if A:
        res = result_rows(tpl)
        for r in A:
            vs = [A[r][c] for c in APP_COLS]
            if all(is_num(v) for v in vs) and sum(vs[:6]) != vs[6]:
                out['row'] += 1
        for c in APP_COLS:
            vs = [A[r][c] for r in res] + [A['results_total'][c]]
            if all(is_num(v) for v in vs) and sum(vs[:-1]) != vs[-1]:
                out['col'] += 1
            b = [A['new'][c], A['carried_over'][c], A['results_total'][c], A['carried_forward'][c]]
            if all(is_num(v) for v in b) and b[0] + b[1] != b[2] + b[3]:
                out['bal'] += 1
    if R:
        for g in R:
            vs = [R[g][c] for c in REV_COLS]
            if all(is_num(v) for v in vs) and sum(vs[:4]) != vs[4]:
                out['rev'] += 1
    return out


def check_a(corpus):
    """Problems in a corpus written by gen_a.py, as (file, description)."""
    problems = []
    for f in load_truth(corpus)['files']:
        p = f['path']
        ids = broken_identities_a(f['tables'], f['template'])
        ek = set(f['expected_kinds'])
        if not ek & {'total-mismatch', 'balance-mismatch'} and ids:
            problems.append((p, f'identity broken without a defect: {dict(ids)} {sorted(ek)}'))
        if 'total-mismatch' in ek and not (ids['row'] or ids['col'] or ids['rev']):
            problems.append((p, 'total-mismatch planted but no total broken'))
        if ('balance-mismatch' in ek and (not ids['bal'] or ids['col'])
                and 'total-mismatch' not in ek):
            problems.append((p, f'balance-mismatch planted but identities say {dict(ids)}'))
        for d in f['defects']:
            if not d.get('line'):
                problems.append((p, f'defect {d["kind"]} has no line'))
        raw = read_bytes(corpus, p)
        try:
            raw.decode(f['encoding'])
            if 'encoding' in ek:
                problems.append((p, 'encoding defect planted but the file decodes'))
        except UnicodeDecodeError as e:
            if 'encoding' not in ek:
                problems.append((p, f'does not decode: {e}'))
        if 'narrative-mismatch' in ek:
            lines = raw.decode(f['encoding'], 'replace').splitlines()
            d = next(x for x in f['defects'] if x['kind'] == 'narrative-mismatch')
            if '件' not in ''.join(lines[d['line'] - 1:d['line'] + 1]):
                problems.append((p, f'narrative-mismatch line {d["line"]} states no count'))
    return problems


# ------------------------------------------------------------------ generator B
def nfkc(s):
    return unicodedata.normalize('NFKC', s)


def check_b(corpus):
    """Problems in a corpus written by gen_b.py, as (file, description)."""
    problems = []
    for tf in load_truth(corpus)['files']:
        p = tf['path']
        raw = read_bytes(corpus, p)
        kinds = set(tf['expected_kinds'])
        try:
            text = raw.decode(tf['encoding'])
            strict_ok = True
        except UnicodeDecodeError:
            text = raw.decode(tf['encoding'], 'replace')
            strict_ok = False
        if strict_ok == ('encoding' in kinds):
            problems.append((p, f'strict decode {strict_ok} but encoding defect {"encoding" in kinds}'))
        text = text.removeprefix('\ufeff')
        lines = [line.rstrip('\r') for line in text.split('\n')]
        # ---- identities: only those a total/balance defect claims may be broken
        broken = gen_b.check_identities(tf['tables'])
        allowed = set()
        for d in tf['defects']:
            if d['kind'] in ('total-mismatch', 'balance-mismatch'):
                allowed.update(d.get('identity', '').split(';'))
                if d['kind'] == 'balance-mismatch':
                    allowed.add('balance:total')
                if d['kind'] == 'total-mismatch' and d['table'] == 'applications':
                    allowed.add(f'row:{d["row"]}')
                    allowed.add(f'col:{d["column"]}')
        for b in broken:
            if b not in allowed:
                problems.append((p, f'identity broken without a defect: {b}'))
        for d in tf['defects']:
            if d['kind'] in ('total-mismatch', 'balance-mismatch') and not broken:
                problems.append((p, f'{d["kind"]} planted but no identity broken'))
        # ---- blank and text cells only where planted
        cells = [(t, r, c, v) for t, rows in tf['tables'].items() for r, cols in rows.items() for c, v in cols.items()]
        odd = [(t, r, c, v) for t, r, c, v in cells
               if v is None or isinstance(v, str) or (isinstance(v, (int, float)) and v < 0 and c != 'change')]
        if odd and not (kinds & {'blank-cell', 'invalid-value'}):
            problems.append((p, f'blank/text/negative cells without a defect: {odd[:3]}'))
        if (('blank-cell' in kinds and not any(v is None for _, _, _, v in odd))
                or ('invalid-value' in kinds and not any(v is not None for _, _, _, v in odd))):
            problems.append((p, 'cell defect planted but no such cell in the truth tables'))
        # ---- every defect has a line that shows it
        for d in tf['defects']:
            ln = d.get('line')
            if not ln or ln > len(lines):
                problems.append((p, f'defect {d["kind"]} has line {ln} (file has {len(lines)} lines)'))
                continue
            k = d['kind']
            near = [ln, *[a for a in d.get('alt_lines', []) if a <= len(lines)][:2]]
            L = nfkc(''.join(lines[x - 1] for x in near if abs(x - ln) <= 2))
            ok = True
            if k == 'invalid-value' and d.get('row'):
                v = tf['tables'][d['table']][d['row']][d['column']]
                ok = (nfkc(v) in L) if isinstance(v, str) else (str(v) in L.replace(',', ''))
            elif k in ('total-mismatch', 'implausible-value'):
                v = tf['tables'][d['table']][d['row']][d['column']]
                ok = str(v) in L.replace(',', '')
            elif k == 'narrative-mismatch':
                ok = (str(d['stated']) in L or gen_b.cn_int(d['stated']) in L
                      or (d['stated'] == 0 and ('未' in L or '没有' in L)))
            elif k == 'period-mismatch':
                ok = '统计' in L or '期限' in L
            elif k in ('missing-section', 'section-order', 'missing-table', 'missing-fee-statement'):
                ok = bool(L.strip())
            if not ok:
                problems.append((p, f'defect {k} line {ln} does not show it: {lines[ln - 1][:80]}'))
        # ---- clean 2021+ reports state the fee
        body = nfkc(text).replace('\r', '').replace('\n', '')
        if (tf['layout'] != 'none' and tf['year'] >= 2021 and not kinds & {'missing-fee-statement', 'missing-section'}
                and not any(fee in body for fee in ('信息处理费', '信息處理費', '資訊處理費'))):
            problems.append((p, '2021+ report without a fee statement'))
        lost = set(tf.get('planned_kinds', [])) - kinds
        if lost:
            problems.append((p, f'planned kinds not planted: {sorted(lost)} ({tf["notes"]})'))
    return problems


def check(corpus):
    generator = load_truth(corpus).get('generator')
    if generator == GENERATOR_A:
        return 'A', check_a(corpus)
    if generator == GENERATOR_B:
        return 'B', check_b(corpus)
    sys.exit(f'{corpus}: truth.json was not written by gen_a.py or gen_b.py')


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('seeds', nargs='*', type=int, help='seeds to generate and check (default: 1)')
    ap.add_argument('--n', type=int, default=600, help='reports per generated corpus (default 600)')
    ap.add_argument('--corpus', action='append', default=[], help='check this existing corpus instead')
    a = ap.parse_args(argv)
    total = 0
    with tempfile.TemporaryDirectory(prefix='gaudit-selfcheck-') as tmp:
        corpora = list(a.corpus)
        if not corpora:
            for seed in a.seeds or [1]:
                for name, gen in (('a', gen_a), ('b', gen_b)):
                    out = os.path.join(tmp, f'{name}{seed}')
                    gen.generate(out, a.n, seed)
                    corpora.append(out)
        for corpus in corpora:
            which, problems = check(corpus)
            for p, what in problems:
                print(f'PROBLEM {os.path.basename(corpus)}/{p}: {what}')
            files = len(load_truth(corpus)['files'])
            print(f'generator {which}, {os.path.basename(corpus)}: {files} files, {len(problems)} problems')
            total += len(problems)
    return 1 if total else 0


if __name__ == '__main__':
    sys.exit(main())
