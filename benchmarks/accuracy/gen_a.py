"""Corpus generator A: synthetic annual reports with known content, written without reading gaudit's code.

    python benchmarks/accuracy/gen_a.py OUTDIR [--n 100] [--seed 1] [--defects 0.6]

Writes N reports (.txt / .html) and OUTDIR/truth.json (format in README.md). Byte-for-byte
deterministic for a given (n, seed, defects); standard library only.

The pipeline of one report: plan_corpus() gives every report a layout and the defect kinds to
plant (both drawn in shuffled blocks); gen_tables() makes statistics in which every identity
holds; plant_data_defects() breaks the cells a defect needs; the renderers write the three tables
in one of eight layouts (pipe, cells, tabs, spaces, markdown, html, pdf, glued); build_report()
adds the prose and the structural defects; finish() converts to Traditional script (a
character-level table, gen_a_s2t.py), adds page markers, encodes, corrupts bytes for encoding
defects and computes the truth, whose line numbers come from tags carried by every output line.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import unicodedata

from gen_a_s2t import LAZY, S2T
from gen_a_vocab import (
    ACTIVE,
    APP_COL_LABEL,
    APP_COLS,
    APP_HEADER_NOTE,
    APP_PERSONS,
    CANON_HEADINGS,
    DEPTS_LOCAL,
    DEPTS_PROVINCE,
    FEE_SOME,
    FEE_ZERO,
    G_RESULTS,
    HEADINGS,
    INVALID_TOKENS,
    NARR,
    NO_FEE_SEC6,
    NUMERALS,
    P1,
    P2,
    PAGE_MARKERS,
    PERIOD,
    PINYIN,
    PREFACE_A,
    PREFACE_B,
    PREFACE_C,
    PROVINCES,
    REV_COL_LABEL,
    REV_COLS,
    REV_GROUPS,
    S1_OPEN,
    S1_TOPICS,
    S1_TOPICS_LOCAL,
    S2_INTRO,
    S3_INTRO,
    S4_INTRO,
    S5_FIXES,
    S5_LEAD_F,
    S5_LEAD_P,
    S5_PROBLEMS,
    S6_OTHER,
    SEC6_2019,
    TABLE_NOTES,
    TABLE_SECTION,
    TABLE_TITLE,
    app_rows,
    result_rows,
)

KINDS = ['not-a-report', 'missing-section', 'section-order', 'missing-table', 'blank-cell', 'invalid-value',
         'total-mismatch', 'balance-mismatch', 'narrative-mismatch', 'outdated-template', 'missing-fee-statement',
         'period-mismatch', 'implausible-value', 'encoding']
LAYOUTS = ['pipe', 'cells', 'tabs', 'spaces', 'markdown', 'html', 'pdf', 'glued']
LAYOUT_WEIGHT = {'pipe': 2, 'cells': 2, 'tabs': 2, 'spaces': 2, 'markdown': 2, 'html': 2, 'pdf': 2, 'glued': 1}
LOW_LEVELS = ['township', 'street', 'county', 'county_department']
LEVEL_WEIGHTS = [('township', 22), ('street', 12), ('county', 16), ('county_department', 20), ('city', 8),
                 ('city_department', 14), ('province_department', 8)]

FW_DIGITS = str.maketrans('0123456789', '０１２３４５６７８９')
HALF_PUNCT = str.maketrans({'，': ',', '：': ':', '；': ';', '（': '(', '）': ')', '！': '!', '？': '?'})


def dw(s):
    """Display width (CJK wide = 2)."""
    return sum(2 if unicodedata.east_asian_width(ch) in 'WF' else 1 for ch in s)


def wchoice(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


class Ctx(dict):
    """str.format_map context that invents distractor numbers for {n..} / {s..}."""

    def __init__(self, rng, base):
        super().__init__(base)
        self.rng = rng

    def __missing__(self, k):
        if k.startswith('n'):
            return str(self.rng.randint(6, 900))
        if k.startswith('s'):
            return str(self.rng.randint(1, 15))
        raise KeyError(k)


# =============================================================== output buffer
class Out:
    """Lines plus, per line, a list of tags used to compute truth line numbers."""

    def __init__(self):
        self.L = []
        self.T = []

    def add(self, s, *tags):
        self.L.append(s)
        self.T.append(list(tags))

    def extend(self, o):
        self.L.extend(o.L)
        self.T.extend(o.T)

    def tag_all(self, *tags):
        for t in self.T:
            t.extend(tags)


class Para:
    """A prose paragraph: text plus inline tags at character offsets."""

    def __init__(self, text, kind='p', tags=(), inline=()):
        self.text = text
        self.kind = kind            # p | sub | head | title | raw | blank
        self.tags = list(tags)
        self.inline = list(inline)  # [(offset, tag)]
        self.out = None             # for raw


# =============================================================== planning
def plan_corpus(n, seed, frac):
    rng = random.Random(f'plan/{seed}')
    pool = []
    while len(pool) < n:
        block = [lay for lay in LAYOUTS for _ in range(LAYOUT_WEIGHT[lay])]
        rng.shuffle(block)
        pool.extend(block)
    layouts = pool[:n]
    ndef = round(n * frac)
    defective = sorted(rng.sample(range(n), ndef))
    kpool = []

    def refill():
        b = list(KINDS)
        rng.shuffle(b)
        kpool.extend(b)

    kinds = {i: [] for i in range(n)}
    for i in defective:
        if not kpool:
            refill()
        first = kpool.pop(0)
        ks = [first]
        if first != 'not-a-report' and rng.random() < 0.33:
            if len(kpool) < 6:
                refill()
            for j, k in enumerate(kpool):
                if compatible(ks, k):
                    ks.append(kpool.pop(j))
                    break
        kinds[i] = ks
    return layouts, kinds


def compatible(ks, k):
    if k in ks or k == 'not-a-report':
        return False
    bad = [{'section-order', 'missing-section'}, {'outdated-template', 'missing-fee-statement'},
           {'missing-table', 'section-order'}]
    return not any(k in b and (b - {k}) & set(ks) for b in bad)


# =============================================================== organs
def make_organ(rng, level):
    place = rng.choice(P1) + rng.choice(P2)
    city = rng.choice(P1) + rng.choice(P2)
    sup = {'township': ['县委、县政府', '区委、区政府', '上级有关部门'], 'street': ['区委、区政府', '区政务公开办'],
           'county': ['市委、市政府', '市政务公开办'],
           'county_department': ['县委、县政府', '县政务公开办', '区委、区政府'],
           'city': ['省委、省政府', '省政务公开办'], 'city_department': ['市委、市政府', '市政务公开办'],
           'province_department': ['省委、省政府', '省政务公开办', '国家有关部委']}[level]
    if level == 'township':
        suf = rng.choice(['镇', '镇', '镇', '乡'])
        short = place + suf
        prefix = (city + rng.choice(['县', '区'])) if rng.random() < 0.2 else ''
        org = prefix + short + '人民政府'
        selfs = ['我' + suf, '本' + suf, '我' + suf]
        office = rng.choice(['党政办公室', '党政办', '党政综合办公室'])
    elif level == 'street':
        short = place + '街道'
        prefix = (city + rng.choice(['区', '市'])) if rng.random() < 0.25 else ''
        org = prefix + short + '办事处'
        selfs = ['我街道', '本街道', '我街道办']
        office = rng.choice(['党政办公室', '综合办公室'])
    elif level == 'county':
        unit = rng.choice(['县', '县', '区'])
        short = place + unit
        prefix = (city + '市') if (unit == '区' and rng.random() < 0.4) else ''
        org = prefix + short + '人民政府'
        selfs = ['我' + unit, '本' + unit, unit + '政府']
        office = rng.choice(['办公室', '政务公开办公室'])
    elif level == 'county_department':
        unit = rng.choice(['县', '县', '区'])
        dept = rng.choice(DEPTS_LOCAL)
        prefix = (city + '市') if (unit == '区' and rng.random() < 0.3) else ''
        short = place + unit + dept
        org = prefix + short
        selfs = [self_of(dept), '本机关', self_of(dept)]
        office = '办公室' if not dept.endswith('办公室') else '秘书科'
    elif level == 'city':
        short = place + '市'
        org = short + '人民政府'
        selfs = ['我市', '市政府', '本机关']
        office = '市政府办公室'
    elif level == 'city_department':
        dept = rng.choice(DEPTS_LOCAL)
        short = place + '市' + dept
        org = short
        selfs = [self_of(dept), '本机关', self_of(dept)]
        office = '办公室' if not dept.endswith('办公室') else '政务公开科'
    else:
        dept = rng.choice(DEPTS_PROVINCE)
        short = rng.choice(PROVINCES) + dept
        org = short
        selfs = [self_of(dept), '本机关', self_of(dept)]
        office = '办公室'
    return {'org': org, 'short': short, 'self': rng.choice(selfs), 'sup': rng.choice(sup), 'office': office}


def self_of(dept):
    if dept.endswith('委员会'):
        return '我委'
    if dept.endswith('厅'):
        return '我厅'
    if dept.endswith('办公室'):
        return '我办'
    return '我局'


# =============================================================== statistics
SCALE = {'township': 6, 'street': 10, 'county': 60, 'county_department': 30, 'city': 400,
         'city_department': 120, 'province_department': 300}
ZERO_P = {'township': 0.45, 'street': 0.35, 'county': 0.05, 'county_department': 0.3, 'city': 0.0,
          'city_department': 0.1, 'province_department': 0.02}


def multinomial(rng, n, weights):
    out = [0] * len(weights)
    tot = sum(weights)
    for _ in range(n):
        x = rng.random() * tot
        for j, w in enumerate(weights):
            x -= w
            if x < 0:
                out[j] += 1
                break
        else:
            out[-1] += 1
    return out


def gen_tables(rng, level, tpl):
    T = {}
    # ---- applications
    hi = SCALE[level]
    new_total = 0 if rng.random() < ZERO_P[level] else max(1, int(hi * rng.random() ** 2))
    pw = [rng.uniform(3, 10), rng.uniform(0, 3), rng.uniform(0, 0.3) if rng.random() < 0.3 else 0,
          rng.uniform(0, 0.4) if rng.random() < 0.3 else 0, rng.uniform(0, 0.8) if rng.random() < 0.4 else 0,
          rng.uniform(0, 1) if rng.random() < 0.4 else 0]
    new = multinomial(rng, new_total, pw)
    co = [0] * 6
    if new_total and rng.random() < 0.35:
        co = [rng.randint(0, max(1, x // 4)) if rng.random() < 0.6 else 0 for x in new]
    cf = []
    for j in range(6):
        tin = new[j] + co[j]
        cf.append(rng.randint(0, tin // 4) if tin and rng.random() < 0.35 else 0)
    rows = result_rows(tpl)
    base = {'disclosed': 45, 'partly_disclosed': 10, 'unavailable_not_held': 18, 'unavailable_needs_creation': 4,
            'unavailable_unclear': 3, 'rejected_petition': 4, 'rejected_duplicate': 3, 'rejected_publication': 1,
            'rejected_excessive': 1, 'rejected_confirmation': 1, 'other': 4, 'other_no_correction': 2,
            'other_no_fee': 0.5, 'other_misc': 3}
    weights = [base.get(r, 1.2) * rng.uniform(0.2, 1.8) * (1 if (r == 'disclosed' or rng.random() < 0.8) else 0)
               for r in rows]
    if sum(weights) == 0:
        weights[0] = 1
    app = {r: [0] * 6 for r in rows}
    for j in range(6):
        handled = new[j] + co[j] - cf[j]
        dist = multinomial(rng, handled, weights)
        for r, v in zip(rows, dist, strict=True):
            app[r][j] = v
    A = {}
    A['new'] = new
    A['carried_over'] = co
    for r in rows:
        A[r] = app[r]
    A['results_total'] = [sum(app[r][j] for r in rows) for j in range(6)]
    A['carried_forward'] = cf
    T['applications'] = {r: dict(zip(APP_PERSONS, v, strict=True), total=sum(v)) for r, v in A.items()}
    order = [k for k, _, _, _ in app_rows(tpl)]
    T['applications'] = {k: {c: T['applications'][k][c] for c in APP_COLS} for k in order}
    # ---- reviews
    p_any = {'township': 0.08, 'street': 0.1, 'county': 0.35, 'county_department': 0.2, 'city': 0.6,
             'city_department': 0.4, 'province_department': 0.6}[level]
    R = {}
    for g in REV_GROUPS:
        parts = [0, 0, 0, 0]
        if rng.random() < p_any * (1 if g != 'litigation_after_review' else 0.5):
            n = rng.randint(1, 3 if hi < 100 else 12)
            parts = multinomial(rng, n, [5, 1, 1.5, 2])
        R[g] = dict(zip(REV_COLS[:4], parts, strict=True), total=sum(parts))
    T['reviews'] = R
    # ---- active
    big = {'township': 0.05, 'street': 0.05, 'county': 0.4, 'county_department': 0.5, 'city': 1,
           'city_department': 1, 'province_department': 0.8}[level]
    A = {}
    regs_ok = level == 'city' and rng.random() < 0.5
    if tpl == '2021':
        if regs_ok:
            iss = rng.randint(0, 3)
            A['regulations'] = {'issued': iss, 'repealed': rng.randint(0, 2), 'in_force': iss + rng.randint(5, 80)}
        else:
            A['regulations'] = {'issued': 0, 'repealed': 0, 'in_force': 0}
        iss = rng.randint(0, int(3 + 20 * big)) if rng.random() < 0.75 else 0
        A['normative_documents'] = {
            'issued': iss, 'repealed': rng.randint(0, 6) if rng.random() < 0.4 else 0,
            'in_force': iss + (rng.randint(0, int(10 + 150 * big)) if rng.random() < 0.7 else 0)}
        A['licensing'] = {'decisions': int(rng.random() ** 2 * (200 + 30000 * big)) if rng.random() < 0.7 else 0}
        A['penalty'] = {'decisions': int(rng.random() ** 2 * (20 + 3000 * big)) if rng.random() < 0.6 else 0}
        A['enforcement'] = {'decisions': int(rng.random() ** 2 * (5 + 300 * big)) if rng.random() < 0.4 else 0}
        A['fees'] = {'amount': round(rng.random() ** 2 * (5 + 3000 * big), rng.choice([1, 2, 2]))
                     if rng.random() < 0.35 else 0}
    else:
        if regs_ok:
            m = rng.randint(0, 3)
            A['regulations'] = {'made': m, 'published': m, 'total_published': m + rng.randint(5, 80)}
        else:
            A['regulations'] = {'made': 0, 'published': 0, 'total_published': 0}
        m = rng.randint(0, int(3 + 20 * big)) if rng.random() < 0.75 else 0
        A['normative_documents'] = {
            'made': m, 'published': m if rng.random() < 0.85 else max(0, m - 1),
            'total_published': m + (rng.randint(0, int(10 + 150 * big)) if rng.random() < 0.7 else 0)}
        for r, scale in [('licensing', 1), ('other_services', 0.5), ('penalty', 0.4), ('enforcement', 0.1)]:
            if rng.random() < 0.6:
                prev = int(rng.random() ** 2 * (30 + 400 * big * scale))
                ch = rng.randint(-min(prev, 5), 12) if rng.random() < 0.7 else 0
                A[r] = {'previous_items': prev, 'change': ch,
                        'decisions': int(rng.random() ** 2 * (100 + 20000 * big * scale))}
            else:
                A[r] = {'previous_items': 0, 'change': 0, 'decisions': 0}
        prev = rng.randint(0, 20) if rng.random() < 0.4 else 0
        A['fees'] = {'previous_items': prev, 'change': rng.randint(-min(prev, 3), 2) if prev else 0}
        pj = rng.randint(1, int(5 + 60 * big)) if rng.random() < 0.5 else 0
        A['procurement'] = {'projects': pj, 'amount': round(rng.uniform(5000, 200000) * pj, 2) if pj else 0}
    T['active'] = A
    return T


def app_rowkeys(tpl):
    return [k for k, _, _, _ in app_rows(tpl)]


def active_cells(tpl):
    return [(rk, c) for _, _, rows, cols in ACTIVE[tpl] for rk, _ in rows for c in cols]


# =============================================================== defect planting (data level)
class Plan:
    def __init__(self):
        self.defects = []          # truth entries (with anchors)
        self.touched = set()       # (table,row) touched by a cell defect
        self.touched_tables = set()
        self.missing_tables = set()
        self.struct = {}           # structural instructions
        self.narr_force = {}       # key -> stated value
        self.notes = []
        self.glued_rows = []


def plant_data_defects(rng, kinds, T, tpl, layout, plan, level):
    """Cell-level and structural choices.  Mutates T (the truth values)."""
    # structural first (they decide which tables exist)
    if 'missing-section' in kinds:
        avoid6 = 'missing-fee-statement' in kinds
        need = set()
        if 'implausible-value' in kinds:
            need.add(2)
        if 'narrative-mismatch' in kinds:
            need.add(3)
        choices = [(1, 18), (2, 10), (3, 10), (4, 10), (5, 22), (6, 18)]
        choices = [(s, w) for s, w in choices if s not in need and not (avoid6 and s == 6)]
        s = wchoice(rng, choices)
        variant = rng.choice(['drop', 'drop', 'merge']) if s != 1 else 'drop'
        if s == 6 and rng.random() < 0.4:
            variant = 'merge56'
        plan.struct['missing-section'] = (s, variant)
        if variant == 'drop' and s in (2, 3, 4):
            t = {2: 'active', 3: 'applications', 4: 'reviews'}[s]
            plan.missing_tables.add(t)
        tol = ['missing-table'] if s in (2, 3, 4) else []
        if s == 6 and tpl == '2021':
            tol.append('missing-fee-statement')
        plan.defects.append({'kind': 'missing-section', 'rule_hint': f'section {s} {variant}',
                             'section': s, 'anchor': [('heading', s + 1), ('heading', s - 1), ('closing',)],
                             'tolerated': tol})
    if 'missing-table' in kinds:
        ms_sec = plan.struct.get('missing-section', (0, ''))[0]
        opts = [t for t in ['active', 'applications', 'reviews']
                if t not in plan.missing_tables and TABLE_SECTION[t] != ms_sec]
        if 'implausible-value' in kinds and 'active' in opts and len(opts) > 1:
            opts.remove('active')
        if 'narrative-mismatch' in kinds and 'reviews' in opts and 'applications' in opts:
            opts.remove(rng.choice(['applications', 'reviews']))
        if 'narrative-mismatch' in kinds and len(opts) > 1 and 'active' in opts:
            opts = ['active']
        t = rng.choice(opts)
        variant = rng.choice(['removed', 'prose', 'prose', 'attachment'])
        plan.missing_tables.add(t)
        plan.struct['missing-table'] = (t, variant)
        plan.defects.append({'kind': 'missing-table', 'rule_hint': f'{t} table {variant}', 'table': t,
                             'anchor': [('heading', TABLE_SECTION[t])], 'tolerated': []})
    if 'section-order' in kinds:
        variant = rng.choice(['swap', 'swap', 'dup', 'numeral'])
        if variant == 'swap':
            a = rng.choice([1, 2, 3, 4, 5])
            plan.struct['section-order'] = ('swap', a, a + 1)
            anchor = [('heading', a)]
            tol = ['missing-section'] + (['missing-table'] if a in (1, 2, 3, 4) else [])
            hint = f'sections {a} and {a + 1} swapped'
        elif variant == 'dup':
            k = rng.choice([2, 3, 4, 5, 6])
            plan.struct['section-order'] = ('dup', k)
            anchor = [('dupheading',)]
            tol = []
            hint = f'heading {k} duplicated'
        else:
            k = rng.choice([3, 4, 5, 6])
            plan.struct['section-order'] = ('numeral', k)
            anchor = [('heading', k)]
            tol = ['missing-section']
            hint = f'section {k} numbered as {k - 1}'
        plan.defects.append({'kind': 'section-order', 'rule_hint': hint, 'anchor': anchor, 'tolerated': tol})

    present = [t for t in ['active', 'applications', 'reviews'] if t not in plan.missing_tables]
    single_pos = layout not in ('pdf', 'glued')

    def free_tables(exclude=()):
        return [t for t in present if t not in plan.touched_tables and t not in exclude]

    A = T['applications']
    rows_all = app_rowkeys(tpl)

    if 'implausible-value' in kinds and 'active' in present:
        col = 'issued' if tpl == '2021' else 'made'
        k = rng.choice([1, 1, 2, 3, 5, 12, 21])
        T['active']['regulations'][col] = k
        if tpl == '2019' and rng.random() < 0.5:
            T['active']['regulations']['published'] = k
            T['active']['regulations']['total_published'] = k + rng.randint(0, 30)
        elif tpl == '2021' and rng.random() < 0.5:
            T['active']['regulations']['in_force'] = k + rng.randint(0, 10)
        plan.touched.add(('active', 'regulations'))
        plan.touched_tables.add('active')
        plan.defects.append({'kind': 'implausible-value', 'rule_hint': f'regulations {col}={k} at {level} level',
                             'table': 'active', 'row': 'regulations', 'column': col,
                             'anchor': [('cell', 'active', 'regulations', col), ('row', 'active', 'regulations')],
                             'tolerated': []})

    if 'total-mismatch' in kinds:
        opts = [t for t in free_tables() if t in ('applications', 'reviews')]
        if 'narrative-mismatch' in kinds and len(opts) > 1:
            opts = ['applications'] if rng.random() < 0.5 else ['reviews']
            plan.notes.append('narrative kept off the total-mismatch table')
        t = rng.choice(opts) if opts else None
        if t == 'reviews':
            g = rng.choice(REV_GROUPS)
            v = T['reviews'][g]['total']
            d = rng.choice([1, 1, 2, 3, -1]) if v > 0 else rng.choice([1, 2])
            T['reviews'][g]['total'] = v + d
            plan.touched.add(('reviews', g))
            plan.touched_tables.add('reviews')
            plan.defects.append({'kind': 'total-mismatch',
                                 'rule_hint': f'reviews.{g}.total = {v + d} but parts sum to {v}',
                                 'identity': f'reviews {g}: total = upheld+corrected+other+pending',
                                 'table': 'reviews', 'row': g, 'column': 'total',
                                 'anchor': [('cell', 'reviews', g, 'total'), ('row', 'reviews', g)], 'tolerated': []})
        elif t == 'applications':
            variant = rng.choice(['row', 'row', 'results'])
            if variant == 'row':
                r = rng.choice(result_rows(tpl))
                v = A[r]['total']
                d = rng.choice([1, 1, 2, 3, 10]) if v == 0 or rng.random() < 0.6 else -min(v, rng.choice([1, 2]))
                A[r]['total'] = v + d
                plan.touched.add(('applications', r))
                plan.touched.add(('applications', 'results_total'))
                plan.touched_tables.add('applications')
                plan.defects.append({'kind': 'total-mismatch', 'rule_hint': f'applications.{r}.total off by {d:+d}',
                                     'identity': f'applications row {r}: total = sum of applicant columns'
                                                 ' (also breaks column total: results_total = sum of results)',
                                     'table': 'applications', 'row': r, 'column': 'total',
                                     'anchor': [('cell', 'applications', r, 'total'), ('row', 'applications', r)],
                                     'tolerated': []})
            else:
                cands = [c for c in APP_PERSONS if A['carried_forward'][c] > 0 or A['results_total'][c] > 0]
                c = rng.choice(cands) if cands else 'natural_person'
                if A['carried_forward'][c] > 0 and (A['results_total'][c] == 0 or rng.random() < 0.5):
                    d = rng.randint(1, A['carried_forward'][c])
                elif A['results_total'][c] > 0:
                    d = -rng.randint(1, min(3, A['results_total'][c]))
                else:
                    d = 0
                if d == 0:  # nothing to shift: inflate results_total and carried_over together
                    d = rng.randint(1, 3)
                    A['results_total'][c] += d
                    A['results_total']['total'] += d
                    A['carried_over'][c] += d
                    A['carried_over']['total'] += d
                    hint = (f'applications.results_total.{c} inflated by {d}'
                            ' (carried_over raised to keep the balance)')
                    plan.touched.add(('applications', 'carried_over'))
                else:
                    A['results_total'][c] += d
                    A['results_total']['total'] += d
                    A['carried_forward'][c] -= d
                    A['carried_forward']['total'] -= d
                    hint = (f'applications.results_total.{c} off by {d:+d}'
                            ' (carried_forward adjusted so the balance holds)')
                    plan.touched.add(('applications', 'carried_forward'))
                plan.touched.add(('applications', 'results_total'))
                plan.touched_tables.add('applications')
                plan.defects.append({'kind': 'total-mismatch', 'rule_hint': hint,
                                     'identity': f'applications column {c} and total:'
                                                 ' results_total = sum of result rows',
                                     'table': 'applications', 'row': 'results_total', 'column': c,
                                     'anchor': [('cell', 'applications', 'results_total', c),
                                                ('row', 'applications', 'results_total')],
                                     'tolerated': []})
        else:
            plan.notes.append('total-mismatch could not be planted (no free table)')

    if 'balance-mismatch' in kinds:
        if 'applications' in present and 'applications' not in plan.touched_tables:
            c = rng.choice([*APP_PERSONS[:2], rng.choice(APP_PERSONS)])
            v = A['carried_forward'][c]
            d = rng.choice([1, 2, 3, 5]) if (v == 0 or rng.random() < 0.6) else -rng.randint(1, v)
            A['carried_forward'][c] += d
            A['carried_forward']['total'] += d
            plan.touched.add(('applications', 'carried_forward'))
            plan.touched_tables.add('applications')
            plan.defects.append({'kind': 'balance-mismatch', 'rule_hint': f'carried_forward.{c} off by {d:+d}',
                                 'identity': f'applications column {c} (and total):'
                                             ' new + carried_over = results_total + carried_forward',
                                 'table': 'applications', 'row': 'carried_forward', 'column': c,
                                 'anchor': [('row', 'applications', 'carried_forward'),
                                            ('cell', 'applications', 'carried_forward', c)],
                                 'tolerated': []})
        else:
            plan.notes.append('balance-mismatch could not be planted')

    if 'invalid-value' in kinds:
        opts = free_tables()
        if opts:
            t = rng.choice(opts)
            neg = t == 'active' and rng.random() < 0.35
            if t == 'active':
                cells = [(r, c) for r, c in active_cells(tpl)
                         if c != 'change' and not (r == 'fees' and c == 'amount' and neg)]
                r, c = rng.choice(cells)
            elif t == 'applications':
                r, c = rng.choice(rows_all), rng.choice(APP_COLS)
            else:
                r, c = rng.choice(REV_GROUPS), rng.choice(REV_COLS)
            if neg:
                val = -rng.randint(1, 5)
                hint = f'negative count {val}'
            else:
                val = rng.choice(INVALID_TOKENS)
                hint = f'text {val} in a number cell'
            T[t][r][c] = val
            plan.touched.add((t, r))
            plan.touched_tables.add(t)
            plan.defects.append({'kind': 'invalid-value', 'rule_hint': hint, 'table': t, 'row': r, 'column': c,
                                 'anchor': [('cell', t, r, c), ('row', t, r)], 'tolerated': []})
        else:
            plan.notes.append('invalid-value could not be planted')

    if 'blank-cell' in kinds:
        opts = free_tables()
        if not single_pos and 'reviews' in opts and len(opts) > 1:
            opts.remove('reviews')
        if opts:
            t = rng.choice(opts)
            whole = (not single_pos) or rng.random() < 0.3
            if t == 'reviews':
                whole = False
            if t == 'active':
                rows = [r for _, _, rr, _ in ACTIVE[tpl] for r, _ in rr]
                r = rng.choice(rows)
                cols = list(T['active'][r].keys())
                cs = cols if whole else [rng.choice(cols)]
            elif t == 'applications':
                r = rng.choice(rows_all)
                cs = APP_COLS if whole else [rng.choice(APP_COLS)]
            else:
                r = rng.choice(REV_GROUPS)
                cs = [rng.choice(REV_COLS)]
                if not single_pos:  # only reached when reviews is the only table left
                    cs = REV_COLS
                    for g in REV_GROUPS:
                        for c in REV_COLS:
                            T['reviews'][g][c] = None
                    plan.touched.update(('reviews', g) for g in REV_GROUPS)
            for c in cs:
                T[t][r][c] = None
            plan.touched.add((t, r))
            plan.touched_tables.add(t)
            what = 'row' if len(cs) > 1 else cs[0]
            plan.defects.append({'kind': 'blank-cell', 'rule_hint': f'{t}.{r} {what} blank',
                                 'table': t, 'row': r, 'column': cs[0],
                                 'anchor': [('cell', t, r, cs[0]), ('row', t, r)], 'tolerated': []})
        else:
            plan.notes.append('blank-cell could not be planted')

    if 'narrative-mismatch' in kinds:
        keys = []
        if 'applications' in present:
            for k, row in [('new', 'new'), ('carried_over', 'carried_over'), ('carried_forward', 'carried_forward')]:
                if ('applications', row) not in plan.touched and isinstance(A[row]['total'], int):
                    keys += [k] * (4 if k == 'new' else 1)
        if 'reviews' in present and 'reviews' not in plan.touched_tables:
            keys += ['review', 'review', 'litigation']
        if keys:
            k = rng.choice(keys)
            if k == 'review':
                v = T['reviews']['review']['total']
            elif k == 'litigation':
                v = T['reviews']['litigation_direct']['total'] + T['reviews']['litigation_after_review']['total']
            else:
                v = A[k]['total']
            how = rng.random()
            co_t = A['carried_over']['total']
            if (k == 'new' and isinstance(co_t, int) and co_t > 0
                    and ('applications', 'carried_over') not in plan.touched and how < 0.3):
                w = v + A['carried_over']['total']
                hint = f'prose counts new + carried over ({w}) as received; table new.total = {v}'
            elif v >= 12 and how < 0.5 and str(v)[::-1] != str(v) and str(v)[-1] != '0':
                w = int(str(v)[::-1])
                hint = f'digits swapped: prose {w}, table {v}'
            else:
                d = rng.choice([1, 2, 3, 5, 10]) * (1 if v < 3 or rng.random() < 0.6 else -1)
                w = max(0, v + d) if v + d != v else v + 1
                if w == v:
                    w = v + 1
                hint = f'prose {w}, table {v}'
            plan.narr_force[k] = w
            tbl, row, col = {'new': ('applications', 'new', 'total'),
                             'carried_over': ('applications', 'carried_over', 'total'),
                             'carried_forward': ('applications', 'carried_forward', 'total'),
                             'review': ('reviews', 'review', 'total'),
                             'litigation': ('reviews', 'litigation_direct', 'total')}[k]
            plan.defects.append({'kind': 'narrative-mismatch', 'rule_hint': f'{k}: {hint}', 'table': tbl, 'row': row,
                                 'column': col, 'anchor': [('narr', k)], 'tolerated': []})
        else:
            plan.notes.append('narrative-mismatch could not be planted')


# =============================================================== cell formatting
def fmt_cell(table, row, col, v, st):
    if v is None:
        return ''
    if isinstance(v, str):
        return v
    if col == 'change':
        s = f'+{v}' if (v > 0 and st['plus']) else str(v)
    elif table == 'active' and row == 'fees' and col == 'amount':
        s = st['fee_zero'] if v == 0 else (f'{v:.2f}' if st['fee_2f'] else f'{v:g}')
    elif row == 'procurement' and col == 'amount':
        if v == 0:
            s = '0'
        else:
            s = ('{:,.2f}' if (st['thousands'] and v >= 1000) else '{:.2f}').format(v)
            if st['yuan']:
                s += '元'
    else:
        s = f'{v:,}' if (st['thousands'] and abs(v) >= 1000) else str(v)
    if st['fullwidth']:
        s = s.translate(FW_DIGITS)
    return s


def plain_cell(table, row, col, v):
    """Formatting for the glued layout: plain ASCII, no separators."""
    if v is None:
        return ''
    if isinstance(v, str):
        return v
    if isinstance(v, float):
        return f'{v:g}' if table == 'active' and row == 'fees' else (f'{v:.2f}')
    return str(v)


# =============================================================== table grids
class Cell:
    __slots__ = ('col', 'cs', 'kind', 'row', 'rs', 'text')

    def __init__(self, text, rs=1, cs=1, kind='h', row=None, col=None):
        self.text, self.rs, self.cs, self.kind, self.row, self.col = text, rs, cs, kind, row, col


def build_grid(t, tpl, texts, L):
    G = []
    if t == 'active':
        nc = 4
        for title, heads, rows, cols in ACTIVE[tpl]:
            G.append(('h', [Cell(L(title), cs=4)]))
            hc = [Cell(L(h)) for h in heads]
            hc[-1].cs = 4 - len(hc) + 1
            G.append(('h', hc))
            for rk, rl in rows:
                cells = [Cell(L(rl), kind='l', row=rk)] + [Cell(texts[rk][c], kind='v', row=rk, col=c) for c in cols]
                cells[-1].cs = 4 - len(cells) + 1
                G.append(('b', cells))
        return G, nc
    if t == 'applications':
        nc = 10
        G.append(('h', [Cell(L(APP_HEADER_NOTE), rs=3, cs=3), Cell(L('申请人情况'), cs=7)]))
        G.append(('h', [Cell('自然人', rs=2), Cell(L('法人或其他组织'), cs=5), Cell('总计', rs=2)]))
        G.append(('h', [Cell(APP_COL_LABEL[c]) for c in APP_PERSONS[1:]]))
        rows = app_rows(tpl)
        nres = sum(1 for r in rows if r[1])
        g2size = {}
        for r in rows:
            if r[2]:
                g2size[r[2]] = g2size.get(r[2], 0) + 1
        seen = set()
        for rk, g1, g2, lab in rows:
            cells = []
            if g1 is None:
                cells.append(Cell(L(lab), cs=3, kind='l', row=rk))
            else:
                if g1 not in seen:
                    seen.add(g1)
                    cells.append(Cell(L(g1), rs=nres, kind='l', row=rk))
                if g2 is None:
                    cells.append(Cell(L(lab), cs=2, kind='l', row=rk))
                else:
                    if g2 not in seen:
                        seen.add(g2)
                        cells.append(Cell(L(g2), rs=g2size[g2], kind='l', row=rk))
                    cells.append(Cell(L(lab), kind='l', row=rk))
            cells += [Cell(texts[rk][c], kind='v', row=rk, col=c) for c in APP_COLS]
            G.append(('b', cells))
        return G, nc
    nc = 15
    G.append(('h', [Cell('行政复议', cs=5), Cell('行政诉讼', cs=10)]))
    G.append(('h', [Cell(REV_COL_LABEL[c], rs=2) for c in REV_COLS]
              + [Cell('未经复议直接起诉', cs=5), Cell('复议后起诉', cs=5)]))
    G.append(('h', [Cell(REV_COL_LABEL[c]) for c in REV_COLS] * 2))
    G.append(('b', [Cell(texts[g][c], kind='v', row=g, col=c) for g in REV_GROUPS for c in REV_COLS]))
    return G, nc


def expand(G, nc, mode):
    """Flatten a grid with spans.  mode: grid (every position, spanned = ''), word (row-span continuation = '',
    col-spans collapsed), omit (only origin cells)."""
    occ = []
    for r, (_, cells) in enumerate(G):
        while len(occ) <= r:
            occ.append([None] * nc)
        c = 0
        for cell in cells:
            while c < nc and occ[r][c] is not None:
                c += 1
            if c >= nc:
                break
            for dr in range(cell.rs):
                while len(occ) <= r + dr:
                    occ.append([None] * nc)
                for dc in range(cell.cs):
                    if c + dc < nc:
                        occ[r + dr][c + dc] = (cell, r, c)
            c += cell.cs
    out = []
    for r, (rtype, _) in enumerate(G):
        row = []
        for c in range(nc):
            o = occ[r][c]
            if o is None:
                if mode == 'grid':
                    row.append(None)
                continue
            cell, r0, c0 = o
            if (r0, c0) == (r, c):
                row.append(cell)
            elif r0 == r:
                if mode == 'grid':
                    row.append(None)
            else:
                if mode == 'grid' or (mode == 'word' and c == c0):
                    row.append(None)
        out.append((rtype, row))
    return out


def row_tags(t, cells):
    tags = [('tbl', t)]
    rks = []
    for c in cells:
        if c is None:
            continue
        if c.row and c.row not in rks:
            rks.append(c.row)
        if c.kind == 'v':
            tags.append(('cell', t, c.row, c.col))
    tags += [('row', t, rk) for rk in rks]
    return tags


def split_label(s, rng):
    """Split a long label where a line break inside a cell would fall."""
    cands = [i + 1 for i, ch in enumerate(s) if ch in '，,、）)' and 3 < i + 1 < len(s) - 1]
    if cands and rng.random() < 0.7:
        k = rng.choice(cands)
    else:
        bad = set('（()）“”"「」0123456789.．、，,')
        ks = [k for k in range(3, len(s) - 2) if s[k - 1] not in bad and s[k] not in bad]
        k = rng.choice(ks) if ks else len(s) // 2
    return s[:k], s[k:]


# ---------------------------------------------------------------- layout: pipe
def r_pipe(G, nc, t, st, rng):
    o = Out()
    rows = expand(G, nc, st['pipe_mode'])
    for rtype, cells in rows:
        texts = [c.text if c else '' for c in cells]
        if st['pipe_mode'] == 'omit' and st['pipe_pad']:
            texts += [''] * (nc - len(texts))
        tags = row_tags(t, cells)
        pre = ''
        if rtype == 'b' and texts and dw(texts[0]) > 36 and st['pipe_split'] and rng.random() < 0.7:
            a, b = split_label(texts[0], rng)
            pre = a
            texts[0] = b
        line = ' | '.join(texts)
        line = re.sub(r'\|\s+(?=\|)', '|', line)
        line = line.rstrip()
        if st['pipe_lead']:
            line = '| ' + line
        if st['pipe_end'] and not line.endswith('|'):
            line += ' |'
        if pre:
            o.add(pre, *tags)
            o.add(line, *([*tags, ('cont',)]))
        else:
            o.add(line, *tags)
    return o


# ---------------------------------------------------------------- layout: tabs
def r_tabs(G, nc, t, st, rng):
    o = Out()
    for rtype, cells in expand(G, nc, st['tabs_mode']):
        texts = [c.text if c else '' for c in cells]
        line = '\t'.join(texts)
        if st['tabs_trail']:
            line += '\t'
        else:
            line = line.rstrip('\t') if rtype == 'h' else line
        o.add(line, *row_tags(t, cells))
    return o


# ---------------------------------------------------------------- layout: markdown
def r_md(G, nc, t, st, rng):
    o = Out()
    rows = expand(G, nc, 'grid')
    for i, (_, cells) in enumerate(rows):
        texts = [(c.text if c else '').replace('|', '/') for c in cells]
        o.add('| ' + ' | '.join(texts) + ' |', *row_tags(t, cells))
        if i == 0:
            o.add('|' + '|'.join([st['md_rule']] * nc) + '|', ('tbl', t))
    return o


# ---------------------------------------------------------------- layout: cells
def r_cells(G, nc, t, st, rng):
    o = Out()
    ind = st['cells_indent']
    mode = 'word' if ind else 'omit'
    for _, cells in expand(G, nc, mode):
        for c in cells:
            tags = [('tbl', t)] + ([('row', t, c.row)] if c and c.row else [])
            if c and c.kind == 'v':
                tags.append(('cell', t, c.row, c.col))
            text = c.text if c else ''
            if c and c.kind == 'v':
                if text == '':
                    o.add(ind, *tags)
                    continue
                if st['nbsp'] and rng.random() < 0.5:
                    text = ('\u00a0' + text) if rng.random() < 0.6 else (text + '\u00a0')
                o.add(ind + text, *tags)
                if st['cells_pipe'] and rng.random() < 0.03:
                    o.add('|', *tags)
                continue
            if c and c.kind in 'lh' and len(text) >= 7 and rng.random() < st['cells_break']:
                m = re.match(r'^([（(][一二三四五六七][）)])(.+)$', text)
                if m and c.kind == 'l' and rng.random() < 0.7:
                    a, b = m.group(1), m.group(2)
                else:
                    a, b = split_label(text, rng)
                o.add(ind + a, *tags)
                if rng.random() < 0.3:
                    o.add('', *([*tags, ('cont',)]))
                o.add(b, *([*tags, ('cont',)]))
                continue
            o.add(ind + text, *tags)
        if st['cells_blank']:
            o.add('', ('tbl', t))
    return o


# ---------------------------------------------------------------- layout: html
def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def r_html(G, nc, t, st, rng):
    o = Out()
    spans = st['html_spans']
    lm = st['html_lines']
    rows = expand(G, nc, 'grid') if not spans else [(rt, cells) for rt, cells in G]
    head = '<table border="1" cellspacing="0" cellpadding="0"{}>'.format(rng.choice(
        ['', ' width="100%"', ' style="border-collapse:collapse;width:600px"', ' class="MsoNormalTable"']))
    items = []  # (text, tags)
    items.append((head, [('tbl', t)]))
    if st['html_tbody']:
        items.append(('<tbody>', [('tbl', t)]))
    for _, cells in rows:
        tds = []
        for c in cells:
            if c is None:
                tds.append(('<td>%s</td>' % ('&nbsp;' if st['html_nbsp_blank'] else ''), [('tbl', t)]))
                continue
            attrs = ''
            if spans and c.rs > 1:
                attrs += f' rowspan="{c.rs}"'
            if spans and c.cs > 1:
                attrs += f' colspan="{c.cs}"'
            if st['html_valign']:
                attrs += ' valign="middle"'
            txt = esc(c.text)
            if c.kind == 'v':
                if txt == '':
                    txt = '&nbsp;' if st['html_nbsp_blank'] else ''
                elif st['nbsp'] and rng.random() < 0.3:
                    txt = '&nbsp;' + txt
            elif len(c.text) > 18 and st['html_br'] and rng.random() < 0.6:
                a, b = split_label(c.text, rng)
                txt = esc(a) + '<br/>' + esc(b)
            if st['html_p'] == 'p':
                txt = f'<p align="center">{txt}</p>'
            elif st['html_p'] == 'span':
                txt = f'<span style="font-size:14px;font-family:宋体">{txt}</span>'
            tags = [('tbl', t)] + ([('row', t, c.row)] if c.row else [])
            if c.kind == 'v':
                tags.append(('cell', t, c.row, c.col))
            tds.append((f'<td{attrs}>{txt}</td>', tags))
        rtags = row_tags(t, cells)
        if lm == 'td':
            items.append(('<tr>', rtags))
            for s, tg in tds:
                items.append(('  ' + s, tg))
            items.append(('</tr>', [('tbl', t)]))
        else:
            items.append(('<tr>' + ''.join(s for s, _ in tds) + '</tr>', rtags))
    if st['html_tbody']:
        items.append(('</tbody>', [('tbl', t)]))
    items.append(('</table>', [('tbl', t)]))
    if lm == 'one':
        alltags = []
        for _, tg in items:
            alltags.extend(tg)
        o.add(''.join(s for s, _ in items), *alltags)
    else:
        for s, tg in items:
            o.add(s, *tg)
    return o


# ---------------------------------------------------------------- layout: spaces (aligned columns)
def place(items):
    """items: [(col, text, align)], align l or r (for r, col is the right edge)."""
    s = ''
    for col, text, al in items:  # items come in column order; overlaps are pushed right
        start = col - dw(text) if al == 'r' else col
        cur = dw(s)
        if start < cur + (1 if s else 0):
            start = cur + (2 if s else 0)
        s += ' ' * (start - cur) + text
    return s.rstrip()


def wrap_w(s, width):
    """Wrap by display width."""
    out, cur = [], ''
    for ch in s:
        if dw(cur + ch) > width and ch not in '，。、；：）”！？,.;:)':
            out.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out


def r_spaces(t, tpl, texts, L, st, rng):
    o = Out()
    gap = st['sp_gap']
    T = [('tbl', t)]
    if t == 'active':
        blocks = ACTIVE[tpl]
        lw = max(dw(L(rl)) for _, _, rows, _ in blocks for _, rl in rows) + gap + 2
        for title, heads, rows, cols in blocks:
            o.add(L(title), *T)
            widths = [max(dw(L(h)), 6) for h in heads[1:]]
            pos, x = [], lw
            for w in widths:
                pos.append(x)
                x += w + gap
            o.add(place([(0, L(heads[0]), 'l')] + [(p, L(h), 'l') for p, h in zip(pos, heads[1:], strict=True)]), *T)
            for rk, rl in rows:
                items = [(0, L(rl), 'l')]
                for p, w, c in zip(pos, widths, cols, strict=True):
                    v = texts[rk][c]
                    if v:
                        items.append((p + w, v, 'r'))
                o.add(place(items), *(T + [('row', t, rk)] + [('cell', t, rk, c) for c in cols]))
        return o
    if t == 'reviews':
        cw = [8] * 15
        x0 = 0
        pos = []
        for w in cw:
            pos.append(x0)
            x0 += w + gap
        o.add(place([(pos[0], '行政复议', 'l'), (pos[5], '行政诉讼', 'l')]), *T)
        o.add(place([(pos[5], '未经复议直接起诉', 'l'), (pos[10], '复议后起诉', 'l')]), *T)
        o.add(place([(pos[i], REV_COL_LABEL[REV_COLS[i % 5]], 'l') for i in range(15)]), *T)
        items, tags = [], list(T)
        for i, (g, c) in enumerate([(g, c) for g in REV_GROUPS for c in REV_COLS]):
            v = texts[g][c]
            if v:
                items.append((pos[i] + 6, v, 'r'))
            tags.append(('cell', t, g, c))
        tags += [('row', t, g) for g in REV_GROUPS]
        o.add(place(items), *tags)
        return o
    rows = app_rows(tpl)
    W1 = dw(L(G_RESULTS)) + 2
    W2 = max(dw(L(r[2])) for r in rows if r[2]) + 2
    W3 = st['sp_labelw']
    base = W1 + W2 + W3 + 2
    widths = [max(dw(APP_COL_LABEL[c]), 4) for c in APP_COLS]
    widths[5] = 4
    pos, x = [], base
    for w in widths:
        pos.append(x)
        x += w + gap
    note = wrap_w(L(APP_HEADER_NOTE), W1 + W2 + W3 - 4)
    hdr = [[(0, note[0], 'l'), (pos[0], L('申请人情况'), 'l')],
           [(pos[0], '自然人', 'l'), (pos[1], L('法人或其他组织'), 'l'), (pos[6], '总计', 'l')],
           [(pos[i], APP_COL_LABEL[APP_COLS[i]], 'l') for i in range(1, 6)]]
    for j, part in enumerate(note[1:]):
        if j + 1 < len(hdr):
            hdr[j + 1].insert(0, (0, part, 'l'))
        else:
            hdr.append([(0, part, 'l')])
    for h in hdr:
        o.add(place(h), *T)
    nres = [r for r in rows if r[1]]
    mid = st['sp_group_mid']
    g1_at = nres[len(nres) // 2][0] if mid else nres[0][0]
    g2_rows = {}
    for r in rows:
        if r[2]:
            g2_rows.setdefault(r[2], []).append(r[0])
    g2_at = {g: (v[len(v) // 2] if mid else v[0]) for g, v in g2_rows.items()}
    for rk, g1, g2, lab in rows:
        items = []
        if g1 and rk == g1_at:
            items.append((0, L(g1), 'l'))
        if g2 and g2_at[g2] == rk:
            items.append((W1, L(g2), 'l'))
        lx = 0 if not g1 else (W1 if not g2 else W1 + W2)
        avail = base - lx - 2
        parts = wrap_w(L(lab), avail) if dw(L(lab)) > avail else [L(lab)]
        vals = [(pos[i] + widths[i], texts[rk][c], 'r') for i, c in enumerate(APP_COLS) if texts[rk][c]]
        tags = T + [('row', t, rk)] + [('cell', t, rk, c) for c in APP_COLS]
        vline = 0 if st['sp_vals_first'] else len(parts) - 1
        for j, p in enumerate(parts):
            its = (items if j == 0 else []) + [(lx, p, 'l')] + (vals if j == vline else [])
            o.add(place(its), *(tags + ([('cont',)] if j else [])))
    return o


# ---------------------------------------------------------------- layout: pdf text
def stack(text, st, rng):
    """Header words as pdftotext shows narrow cells: wrapped or one char per line."""
    if len(text) <= 6 and rng.random() < st['pdf_stack']:
        return list(text)
    w = st['pdf_hwrap']
    if len(text) > w:
        return [text[i:i + w] for i in range(0, len(text), w)]
    return [text]


def r_pdf(t, tpl, texts, L, st, rng):
    o = Out()
    T = [('tbl', t)]
    sep = ' '
    W = st['pdf_labelw']

    def row_out(label_parts, vals, tags):
        vals = [v for v in vals if v != '']
        run = sep.join(vals)
        if not run:
            for j, p in enumerate(label_parts):
                o.add(p, *(tags + ([('cont',)] if j else [])))
            return
        vline = 0 if st['pdf_vals_first'] else len(label_parts) - 1
        for j, p in enumerate(label_parts):
            o.add(p + (sep + run if j == vline else ''), *(tags + ([('cont',)] if j else [])))

    def wrap(s):
        return [s[i:i + W] for i in range(0, len(s), W)] if len(s) > W else [s]

    if t == 'active':
        for title, heads, rows, cols in ACTIVE[tpl]:
            o.add(L(title), *T)
            for h in heads:
                for part in stack(L(h), st, rng):
                    o.add(part, *([*T, ('cont',)]))
            for rk, rl in rows:
                row_out(wrap(L(rl)), [texts[rk][c] for c in cols],
                        T + [('row', t, rk)] + [('cell', t, rk, c) for c in cols])
        return o
    if t == 'reviews':
        hdr = ['行政复议', '行政诉讼'] + [REV_COL_LABEL[c] for c in REV_COLS] + ['未经复议直接起诉', '复议后起诉'] + \
              [REV_COL_LABEL[c] for c in REV_COLS] * 2
        for h in hdr:
            for part in stack(h, st, rng):
                o.add(part, *([*T, ('cont',)]))
        vals = [texts[g][c] for g in REV_GROUPS for c in REV_COLS]
        tags = T + [('row', t, g) for g in REV_GROUPS] + [('cell', t, g, c) for g in REV_GROUPS for c in REV_COLS]
        if st['pdf_rev_split']:
            o.add(sep.join(vals[:5]), *tags)
            o.add(sep.join(vals[5:]), *([*tags, ('cont',)]))
        else:
            o.add(sep.join(vals), *tags)
        return o
    note = L(APP_HEADER_NOTE)
    for part in wrap(note):
        o.add(part, *T)
    for h in ['申请人情况', '自然人', L('法人或其他组织'), '总计'] + [APP_COL_LABEL[c] for c in APP_PERSONS[1:]]:
        for part in stack(h, st, rng):
            o.add(part, *([*T, ('cont',)]))
    rows = app_rows(tpl)
    gm = st['pdf_group']  # own | mid | first
    nres = [r for r in rows if r[1]]
    g2_rows = {}
    for r in rows:
        if r[2]:
            g2_rows.setdefault(r[2], []).append(r[0])
    g1_mid = nres[len(nres) // 2][0]
    g2_mid = {g: v[len(v) // 2] for g, v in g2_rows.items()}
    seen = set()
    pm_row = rng.choice([r[0] for r in rows[3:-2]]) if st['pdf_pm_in_table'] else None
    for rk, g1, g2, lab in rows:
        tags = T + [('row', t, rk)] + [('cell', t, rk, c) for c in APP_COLS]
        prefix = ''
        # A group label stands on its own line, opens its first row, or sits in its middle row.
        for group, mid_row in ((g1, g1_mid), (g2, g2_mid.get(g2))):
            if not group:
                continue
            if group not in seen:
                seen.add(group)
                if gm == 'own':
                    o.add(L(group), *T)
                elif gm == 'first':
                    prefix += L(group) + sep
            if gm == 'mid' and rk == mid_row:
                prefix += L(group) + sep
        if rk == pm_row:
            o.add(None, ('pm',), *T)
        label = wrap(L(lab))
        if prefix:  # group labels glued in front of the row label
            label[0] = prefix + label[0]
        row_out(label, [texts[rk][c] for c in APP_COLS], tags)
    return o


# ---------------------------------------------------------------- layout: glued
def unique_app_split(s, limit=2):
    """Number of ways to cut digit string s into 7 numbers with the 7th = sum of the first 6."""
    n = len(s)
    count = 0

    def rec(pos, k, acc):
        nonlocal count
        if count >= limit:
            return
        if k == 6:
            rest = s[pos:]
            if rest and (rest == '0' or rest[0] != '0') and int(rest) == acc:
                count += 1
            return
        for ln in range(1, 7):
            if pos + ln > n - 1:
                break
            part = s[pos:pos + ln]
            if len(part) > 1 and part[0] == '0':
                break
            rec(pos + ln, k + 1, acc + int(part))

    rec(0, 0, 0)
    return count


def unique_rev_split(s, limit=2):
    n = len(s)
    count = 0

    def rec(pos, g):
        nonlocal count
        if count >= limit:
            return
        if g == 3:
            if pos == n:
                count += 1
            return

        def inner(p, k, acc):
            if k == 4:
                for ln in range(1, 7):
                    part = s[p:p + ln]
                    if p + ln > n or (len(part) > 1 and part[0] == '0'):
                        break
                    if int(part) == acc:
                        rec(p + ln, g + 1)
                return
            for ln in range(1, 7):
                if p + ln > n:
                    break
                part = s[p:p + ln]
                if len(part) > 1 and part[0] == '0':
                    break
                inner(p + ln, k + 1, acc + int(part))

        inner(pos, 0, 0)

    rec(0, 0)
    return count


def r_glued(t, tpl, vals, L, st, rng, plan):
    o = Out()
    T = [('tbl', t)]

    def is_int(v):
        return isinstance(v, int) and v >= 0

    if t == 'active':
        for title, heads, rows, cols in ACTIVE[tpl]:
            o.add(L(title), *T)
            o.add(''.join(L(h) for h in heads), *T)
            for rk, rl in rows:
                vs = [vals[rk][c] for c in cols]
                ss = [plain_cell(t, rk, c, vals[rk][c]) for c in cols]
                tags = T + [('row', t, rk)] + [('cell', t, rk, c) for c in cols]
                if all(v is None for v in vs):
                    o.add(L(rl), *tags)
                elif len(cols) == 1 and vs[0] is not None and not isinstance(vs[0], str):
                    o.add(L(rl) + ss[0], *tags)
                    plan.glued_rows.append('active.' + rk)
                elif all(is_int(v) and v < 10 for v in vs):
                    o.add(L(rl) + ''.join(ss), *tags)
                    plan.glued_rows.append('active.' + rk)
                else:
                    o.add(L(rl) + ' ' + ' '.join(x for x in ss if x != ''), *tags)
        return o
    if t == 'reviews':
        o.add('行政复议行政诉讼', *T)
        o.add(''.join(REV_COL_LABEL[c] for c in REV_COLS) + '未经复议直接起诉复议后起诉', *T)
        o.add(''.join(REV_COL_LABEL[c] for c in REV_COLS) * 2, *T)
        vs = [vals[g][c] for g in REV_GROUPS for c in REV_COLS]
        tags = T + [('row', t, g) for g in REV_GROUPS] + [('cell', t, g, c) for g in REV_GROUPS for c in REV_COLS]
        s = ''.join(str(v) for v in vs) if all(is_int(v) for v in vs) else None
        if s is not None and len(s) <= 24 and unique_rev_split(s) == 1:
            o.add(s, *tags)
            plan.glued_rows.append('reviews.*')
        else:
            o.add(' '.join(plain_cell(t, '', '', v) for v in vs if v is not None), *tags)
        return o
    o.add(L(APP_HEADER_NOTE) + L('申请人情况'), *T)
    o.add('自然人' + L('法人或其他组织') + '总计', *T)
    o.add(''.join(APP_COL_LABEL[c] for c in APP_PERSONS[1:]), *T)
    seen = set()
    for rk, g1, g2, lab in app_rows(tpl):
        prefix = ''
        if g1 and g1 not in seen:
            seen.add(g1)
            prefix += L(g1)
        if g2 and g2 not in seen:
            seen.add(g2)
            prefix += L(g2)
        vs = [vals[rk][c] for c in APP_COLS]
        tags = T + [('row', t, rk)] + [('cell', t, rk, c) for c in APP_COLS]
        label = prefix + L(lab)
        if all(v is None for v in vs):
            o.add(label, *tags)
            continue
        s = ''.join(str(v) for v in vs) if all(is_int(v) for v in vs) else None
        if s is not None and len(s) <= 22 and unique_app_split(s) == 1:
            o.add(label + s, *tags)
            plan.glued_rows.append('applications.' + rk)
        else:
            o.add(label + ' ' + ' '.join(plain_cell(t, rk, '', v) for v in vs if v is not None), *tags)
    return o


# =============================================================== styles
def make_style(rng, layout, script):
    st = {}
    st['halfpunct'] = rng.random() < 0.3
    st['num_punct'] = rng.choice(['.', '.', '.', '、', '．'])
    st['quotes'] = rng.choice(['curly', 'curly', 'curly', 'straight'] + (['corner'] if script == 'traditional' else []))
    st['fullwidth'] = rng.random() < 0.08 and layout != 'glued'
    st['thousands'] = rng.random() < 0.25
    st['plus'] = rng.random() < 0.6
    st['fee_zero'] = rng.choice(['0', '0', '0.00', '0.0'])
    st['fee_2f'] = rng.random() < 0.5
    st['yuan'] = rng.random() < 0.5
    st['nbsp'] = rng.random() < 0.3 and layout in ('cells', 'html')
    st['h_punct'] = rng.choice(['、'] * 8 + ['.', '．', ' '])
    st['h_indent'] = rng.choice(['', '', '', '　　', '    '])
    st['indent'] = rng.choice(['', '', '　　', '    ', '\u3000\u3000'])
    st['para_blank'] = rng.random() < 0.4
    st['sub_style'] = rng.choice(['inline', 'inline', 'line', 'num', 'plain'])
    st['sub_half'] = rng.random() < 0.3
    st['break_paras'] = rng.random() < 0.1
    st['extra_blank'] = rng.random() < 0.2
    st['narr_place'] = rng.choice(['sec1', 'sec3', 'sec3'])
    st['narr_p'] = rng.random()
    st['notes_p'] = rng.random() * 0.5
    st['pm_sections'] = layout not in ('html', 'markdown', 'pdf') and rng.random() < 0.2
    st['pm_in_table'] = layout in ('pipe', 'cells', 'tabs', 'spaces') and rng.random() < 0.15
    st['pm_fmt'] = rng.choice(PAGE_MARKERS)
    # pipe
    st['pipe_mode'] = rng.choice(['omit', 'omit', 'word', 'grid'])
    st['pipe_pad'] = rng.random() < 0.7
    st['pipe_split'] = rng.random() < 0.35
    st['pipe_lead'] = rng.random() < 0.12
    st['pipe_end'] = rng.random() < 0.3
    st['pipe_trunc'] = layout == 'pipe' and rng.random() < 0.15
    # tabs
    st['tabs_mode'] = rng.choice(['grid', 'word'])
    st['tabs_trail'] = rng.random() < 0.3
    # markdown
    st['md_rule'] = rng.choice(['---', ' --- ', ':---:', '----'])
    st['md_head'] = rng.choice(['plain', 'plain', 'bold', 'hash'])
    # cells
    st['cells_indent'] = '\t' if rng.random() < 0.7 else ''
    # without indentation an empty line can only mean an empty cell: no blank lines between rows then
    st['cells_blank'] = bool(st['cells_indent']) and rng.random() < 0.85
    st['cells_break'] = rng.choice([0.0, 0.15, 0.3])
    st['cells_pipe'] = rng.random() < 0.2
    # html
    st['html_spans'] = rng.random() < 0.8
    st['html_lines'] = rng.choice(['tr', 'td', 'td', 'one'])
    st['html_tbody'] = rng.random() < 0.6
    st['html_nbsp_blank'] = rng.random() < 0.5
    st['html_valign'] = rng.random() < 0.3
    st['html_br'] = rng.random() < 0.4
    st['html_p'] = rng.choice(['', 'p', 'span'])
    st['html_head'] = rng.choice(['strong', 'strong', 'h3', 'h2', 'plain'])
    st['html_prose'] = rng.random() < 0.5  # for .txt fragments: prose as <p> too
    # spaces
    st['sp_gap'] = rng.choice([2, 3, 4])
    st['sp_labelw'] = rng.choice([30, 34, 40])
    st['sp_group_mid'] = rng.random() < 0.4
    st['sp_vals_first'] = rng.random() < 0.6
    # pdf
    st['pdf_stack'] = rng.choice([0.0, 0.5, 1.0])
    st['pdf_hwrap'] = rng.choice([2, 3, 4, 5])
    st['pdf_labelw'] = rng.choice([12, 15, 18, 22])
    st['pdf_vals_first'] = rng.random() < 0.5
    st['pdf_group'] = rng.choice(['own', 'mid', 'first'])
    st['pdf_rev_split'] = rng.random() < 0.2
    st['pdf_pm_in_table'] = rng.random() < 0.7
    st['pdf_wrap'] = rng.choice([28, 32, 36, 40])
    st['pdf_pm_every'] = rng.randint(34, 50)
    return st


def make_L(st):
    def L(s):
        if st['num_punct'] != '.':
            s = re.sub(r'^(\d)\.', lambda m: m.group(1) + st['num_punct'], s)
        if st['quotes'] == 'straight':
            s = s.replace('“', '"').replace('”', '"')
        elif st['quotes'] == 'corner':
            s = s.replace('“', '「').replace('”', '」')
        if st['halfpunct']:
            s = s.translate(HALF_PUNCT)
        return s
    return L


def render_table(t, tpl, vals, st, rng, layout, plan):
    L = make_L(st)
    texts = {r: {c: fmt_cell(t, r, c, v, st) for c, v in cols.items()} for r, cols in vals.items()}
    if layout == 'spaces':
        o = r_spaces(t, tpl, texts, L, st, rng)
    elif layout == 'pdf':
        o = r_pdf(t, tpl, texts, L, st, rng)
    elif layout == 'glued':
        o = r_glued(t, tpl, vals, L, st, rng, plan)
    else:
        G, nc = build_grid(t, tpl, texts, L)
        if st.get('pipe_trunc') and t == 'active' and layout == 'pipe':
            for _, cells in G:
                for c in cells:
                    if c.text in ('本年新制作数量', '本年新公开数量', '本年制发件数', '本年废止件数'):
                        c.text = c.text[:3]
        renderer = {'pipe': r_pipe, 'tabs': r_tabs, 'markdown': r_md, 'cells': r_cells, 'html': r_html}[layout]
        o = renderer(G, nc, t, st, rng)
    if st['pm_in_table'] and t == 'applications' and len(o.L) > 8:
        # a page break between two body rows (never inside a wrapped row)
        cands = [i for i in range(6, len(o.L) - 2) if ('cont',) not in o.T[i] and any(x[0] == 'row' for x in o.T[i])]
        if cands:
            i = rng.choice(cands)
            o.L.insert(i, None)
            o.T.insert(i, [('pm',), ('tbl', t)])
    o.tag_all(('tbl', t))
    return o


# =============================================================== prose
def fill(s, ctx):
    return s.format_map(ctx)


def narrative_sentences(rng, T, plan, present, year, selfname):
    """Returns dict place -> Para text pieces: {'apply': (text, inline), 'review': (text, inline)}."""
    out = {}
    A = T.get('applications')
    force = plan.narr_force

    def ok(row):
        return ('applications', row) not in plan.touched and isinstance(A[row]['total'], int)

    show = rng.random() < 0.6 or bool(force)
    if 'applications' in present and (show or 'new' in force or 'carried_over' in force or 'carried_forward' in force):
        inline = []
        head = rng.choice([f'{year}年，{selfname}', f'{selfname}', '全年', '本年度'])
        text = head
        keys = []
        if ok('new') or 'new' in force:
            keys.append('new')
        if ('carried_over' in force) or (ok('carried_over') and isinstance(A['carried_over']['total'], int)
                                         and A['carried_over']['total'] > 0 and rng.random() < 0.6):
            keys.append('carried_over')
        if ('carried_forward' in force) or (ok('carried_forward') and rng.random() < 0.4):
            keys.append('carried_forward')
        if 'new' in keys and 'new' not in force and A['new']['total'] == 0 and rng.random() < 0.5 and len(keys) == 1:
            out['apply'] = (head + rng.choice(['未收到政府信息公开申请。', '没有收到政府信息公开申请。']), [])
        elif keys:
            first = True
            for k in keys:
                v = force.get(k, A[k]['total'])
                phrase = rng.choice(NARR[k]).format(v=v, year=year)
                if not first:
                    text += '，'
                inline.append((len(text), ('narr', k)))
                text += phrase
                first = False
                if (k == 'new' and 'new' not in force and A['new']['total'] > 0
                        and isinstance(A['new']['natural_person'], int) and rng.random() < 0.25):
                    np = A['new']['natural_person']
                    text += f'，其中自然人申请{np}件、法人或其他组织申请{A["new"]["total"] - np}件'
            if ok('results_total') and rng.random() < 0.3 and 'carried_forward' not in keys:
                text += '，已办结{}件'.format(A['results_total']['total'])
            text += rng.choice(['。', '。', '，均已在法定期限内答复。', '，均已按时答复。']
                               if 'carried_forward' not in keys else ['。'])
            out['apply'] = (text, inline)
    R = T.get('reviews')
    if 'reviews' in present and 'reviews' not in plan.touched_tables and (
            show or 'review' in force or 'litigation' in force):
        rv = force.get('review', R['review']['total'])
        lv = force.get('litigation', R['litigation_direct']['total'] + R['litigation_after_review']['total'])
        if rv == 0 and lv == 0 and not force and rng.random() < 0.6:
            none = rng.choice(['未发生因政府信息公开工作引起的行政复议、行政诉讼案件。',
                               '没有因政府信息公开工作被申请行政复议或被提起行政诉讼的情况。'])
            out['review'] = (f'{year}年，{selfname}{none}', [])
        else:
            text = f'{year}年，{selfname}'
            inline = [(len(text), ('narr', 'review'))]
            text += rng.choice(NARR['review']).format(v=rv) + '，'
            inline.append((len(text), ('narr', 'litigation')))
            text += rng.choice(NARR['litigation']).format(v=lv) + '。'
            out['review'] = (text, inline)
    return out


def sub_title(i, title, st):
    if st['sub_style'] == 'num':
        return '{}{}{}'.format(i + 1, st['num_punct'] if st['num_punct'] != '．' else '.', title)
    b = '(%s)' if st['sub_half'] else '（%s）'
    return (b % NUMERALS[i]) + title


def section1(rng, ctx, st, level, narr, force_apply):
    P = [Para(fill(rng.choice(S1_OPEN), ctx), tags=[('prose', 1)])]
    topics = list(S1_TOPICS.keys())
    k = rng.randint(2, 5)
    chosen = rng.sample(topics, min(k, len(topics)))
    if level in LOW_LEVELS and rng.random() < 0.5:
        chosen.append('local')
    if force_apply and 'apply' not in chosen:
        chosen.insert(rng.randint(0, len(chosen)), 'apply')
    style = st['sub_style']
    for i, key in enumerate(chosen):
        titles, sents = S1_TOPICS_LOCAL if key == 'local' else S1_TOPICS[key]
        title = rng.choice(titles)
        ss = [fill(s, ctx) for s in rng.sample(sents, min(len(sents), rng.randint(2, 4)))]
        body = ''.join(ss)
        inline = []
        if key == 'apply' and force_apply:
            text, il = narr
            pos = rng.randint(0, len(ss))
            pre = ''.join(ss[:pos])
            inline = [(len(pre) + o, tg) for o, tg in il]
            body = pre + text + ''.join(ss[pos:])
        if style == 'inline':
            head = sub_title(i, title, st) + '。'
            P.append(Para(head + body, tags=[('prose', 1)], inline=[(o + len(head), tg) for o, tg in inline]))
        elif style in ('line', 'num'):
            P.append(Para(sub_title(i, title, st), kind='sub'))
            P.append(Para(body, tags=[('prose', 1)], inline=inline))
        else:
            P.append(Para(body, tags=[('prose', 1)], inline=inline))
    return P


def section5(rng, ctx, st):
    P = []
    probs = rng.sample(S5_PROBLEMS, rng.randint(2, 4))
    fixes = rng.sample(S5_FIXES, rng.randint(2, 4))
    form = rng.choice(['sub', 'yishi', 'list', 'para'])
    cn = ['一', '二', '三', '四', '五']
    if form == 'sub':
        P.append(Para(sub_title(0, rng.choice(['存在的主要问题', '存在问题', '主要问题']), st), kind='sub'))
        P.append(Para(''.join(f'{cn[i]}是{p}；' for i, p in enumerate(probs)).rstrip('；') + '。', tags=[('prose', 5)]))
        P.append(Para(sub_title(1, rng.choice(['改进情况', '改进措施', '下一步工作打算']), st), kind='sub'))
        P.append(Para(''.join(f'{cn[i]}是{p}。' for i, p in enumerate(fixes)), tags=[('prose', 5)]))
    elif form == 'yishi':
        for lead, items in ((S5_LEAD_P, probs), (S5_LEAD_F, fixes)):
            listed = ''.join(f'{cn[i]}是{p}；' for i, p in enumerate(items)).rstrip('；')
            P.append(Para(fill(rng.choice(lead), ctx) + listed + '。', tags=[('prose', 5)]))
    elif form == 'list':
        P.append(Para(fill(rng.choice(S5_LEAD_P), ctx), tags=[('prose', 5)]))
        for i, p in enumerate(probs):
            P.append(Para(f'{i + 1}.{p}。', tags=[('prose', 5)]))
        P.append(Para(fill(rng.choice(S5_LEAD_F), ctx), tags=[('prose', 5)]))
        for i, p in enumerate(fixes):
            P.append(Para(f'{i + 1}.{p}。', tags=[('prose', 5)]))
    else:
        P.append(Para(fill(rng.choice(S5_LEAD_P), ctx) + '，'.join(probs) + '。', tags=[('prose', 5)]))
        P.append(Para(fill(rng.choice(S5_LEAD_F), ctx) + '；'.join(fixes) + '。', tags=[('prose', 5)]))
    return P


def section6(rng, ctx, st, tpl, year, missing_fee, level):
    P = []
    if tpl == '2021' or year >= 2021:
        if missing_fee:
            v = rng.random()
            if v < 0.6:
                return [Para(rng.choice(NO_FEE_SEC6), tags=[('prose', 6), ('fee',)])]
            items = rng.sample(S6_OTHER, rng.randint(1, 2))
            for i, (tt, body) in enumerate(items):
                if rng.random() < 0.6:
                    P.append(Para(sub_title(i, tt, st), kind='sub'))
                P.append(Para(fill(body, ctx), tags=[('prose', 6), ('fee',)]))
            return P
        big = level in ('city', 'city_department', 'province_department')
        if big and rng.random() < 0.2:
            k = rng.randint(1, 4)
            x = rng.choice([50, 100, 120, 200, 300]) * k
            y = x if rng.random() < 0.7 else 0
            fee = rng.choice(FEE_SOME).format(k=k, x=x, y=y, year=year, self=ctx['self'])
        else:
            fee = fill(rng.choice(FEE_ZERO), ctx)
        others = rng.sample(S6_OTHER, rng.randint(0, 2))
        if others and rng.random() < 0.7:
            fee_title = rng.choice(['收取信息处理费情况', '信息处理费收取情况', '政府信息公开信息处理费收取情况'])
            P.append(Para(sub_title(0, fee_title, st), kind='sub'))
            P.append(Para(fee, tags=[('prose', 6), ('fee',)]))
            for i, (tt, body) in enumerate(others):
                P.append(Para(sub_title(i + 1, tt, st), kind='sub'))
                P.append(Para(fill(body, ctx), tags=[('prose', 6)]))
        else:
            P.append(Para(fee, tags=[('prose', 6), ('fee',)]))
            for _, body in others:
                P.append(Para(fill(body, ctx), tags=[('prose', 6)]))
        return P
    v = rng.random()
    if v < 0.6:
        return [Para(fill(rng.choice(SEC6_2019), ctx), tags=[('prose', 6)])]
    for i, (tt, body) in enumerate(rng.sample(S6_OTHER, rng.randint(1, 2))):
        P.append(Para(sub_title(i, tt, st), kind='sub'))
        P.append(Para(fill(body, ctx), tags=[('prose', 6)]))
    return P


def heading_text(n, st, rng, numeral=None, text=None):
    num = NUMERALS[(numeral or n) - 1]
    return st['h_indent'] + num + st['h_punct'] + (text or rng.choice(HEADINGS[n]))


MISSING_TABLE_PROSE = {
    'active': ['{year}年，{self}主动公开政府信息情况详见政府信息公开专栏。',
               '本年度主动公开政府信息均已在{site}发布，不再逐项列表。'],
    'applications': ['{year}年，{self}收到和处理政府信息公开申请情况良好，所有申请均已按期答复。',
                     '本年度依申请公开工作运行平稳，未发生超期答复情况。'],
    'reviews': ['{year}年，{self}未发生因政府信息公开引起的行政复议、行政诉讼。',
                '本年度无政府信息公开行政复议、行政诉讼情况。'],
}


# =============================================================== document assembly
def build_report(i, seed, layout, kinds):
    rng = random.Random(f'gaudit-eval/{seed}/{i}')  # the original script's seeding, kept for identical output
    level = rng.choice(LOW_LEVELS) if 'implausible-value' in kinds else wchoice(rng, LEVEL_WEIGHTS)
    if 'outdated-template' in kinds or 'missing-fee-statement' in kinds:
        year = rng.choice([2021, 2022, 2022, 2023, 2023, 2024])
    else:
        year = wchoice(rng, [(2019, 12), (2020, 15), (2021, 18), (2022, 20), (2023, 20), (2024, 15)])
    tpl = '2019' if (year <= 2020 or 'outdated-template' in kinds) else '2021'
    script = 'traditional' if rng.random() < 0.25 else 'simplified'
    organ = make_organ(rng, level)
    st = make_style(rng, layout, script)
    plan = Plan()
    if 'not-a-report' in kinds:
        return build_not_report(rng, i, seed, year, level, organ, script)
    T = gen_tables(rng, level, tpl)
    plant_data_defects(rng, kinds, T, tpl, layout, plan, level)
    if 'outdated-template' in kinds:
        plan.defects.append({'kind': 'outdated-template', 'rule_hint': f'{year} report with 2019 tables',
                             'anchor': [('tbl', 'active'), ('tbl', 'applications'), ('heading', 2)], 'tolerated': []})
    if 'missing-fee-statement' in kinds:
        plan.defects.append({'kind': 'missing-fee-statement', 'rule_hint': 'section 6 without 信息处理费',
                             'anchor': [('heading', 6), ('fee',)], 'alt': [('fee',)], 'tolerated': []})
    if 'period-mismatch' in kinds:
        plan.defects.append({'kind': 'period-mismatch', 'rule_hint': '', 'anchor': [('period',)], 'tolerated': []})
    present = [t for t in ['active', 'applications', 'reviews'] if t not in plan.missing_tables]

    is_html_file = layout == 'html' and rng.random() < 0.6
    if layout == 'html' and (is_html_file or st['html_prose']):
        prose_mode = 'html'
    else:
        prose_mode = 'md' if layout == 'markdown' else 'text'

    org, short = organ['org'], organ['short']
    ctx = Ctx(rng, {'year': year, 'nyear': year + 1, 'self': organ['self'], 'org': org, 'short': short,
                    'sup': organ['sup'], 'office': organ['office'],
                    'site': rng.choice([f'{org}门户网站', f'{short}政府信息公开专栏', '政府信息公开平台',
                                        f'{org}官方网站'])})
    # --------------------------------------------------------- title + preface
    P = []
    if rng.random() < 0.08 and prose_mode != 'html':
        P.append(Para(rng.choice(['首页 > 政务公开 > 政府信息公开年报', '当前位置：首页>>信息公开>>年度报告',
                                  '首页 / 政府信息公开 / 政府信息公开年报']), kind='sub'))
    tform = rng.random()
    if tform < 0.45:
        title = f'{org}{year}年政府信息公开工作年度报告'
    elif tform < 0.65:
        title = f'{org}{year}年度政府信息公开工作年度报告'
    elif tform < 0.8:
        title = f'{year}年{org}政府信息公开工作年度报告'
    elif tform < 0.9:
        title = f'{org}{year}年政府信息公开年度报告'
    else:
        title = f'{org}关于{year}年度政府信息公开工作的年度报告'
    if rng.random() < 0.1 and prose_mode == 'text' and title.endswith('年度报告'):
        P.append(Para(title[:-4], kind='title', tags=[('title',)]))
        P.append(Para('', kind='blank'))
        P.append(Para('年度报告', kind='title', tags=[('title',)]))
    else:
        P.append(Para(title, kind='title', tags=[('title',)]))
    if rng.random() < 0.15:
        P.append(Para(rng.choice([f'发布日期：{year + 1}-01-{rng.randint(10, 31):02d}',
                                  f'（{year + 1}年1月{rng.randint(10, 31)}日）',
                                  f'来源：{organ["office"]}　发布时间：{year + 1}年01月{rng.randint(10, 31):02d}日']),
                      kind='p'))
    py = year
    if 'period-mismatch' in kinds:
        py = year - 1 if rng.random() < 0.75 else year + 1
        for d in plan.defects:
            if d['kind'] == 'period-mismatch':
                d['rule_hint'] = f'title year {year}, statistics period {py}'
    has_period = 'period-mismatch' in kinds or rng.random() < 0.92
    fmt = ('2019', '60') if tpl == '2019' else ('2021', '30')
    pctx = Ctx(rng, dict(ctx))
    pctx.update({'fmtyear': fmt[0], 'fmtno': fmt[1], 'py': py,
                 'url': 'http://www.{}.gov.cn/{}/'.format(
                     ''.join(rng.choice('abcdefghjklmnpqrstwxyz') for _ in range(rng.randint(3, 6))),
                     rng.choice(['zwgk', 'xxgk', f'col/col{rng.randint(100, 9999)}'])),
                 'addr': rng.choice(['{}{}号'.format(rng.choice(['人民路', '建设路', '解放大道', '府前街', '中山路']),
                                                    rng.randint(1, 300))]),
                 'zip': f'{rng.randint(100000, 860000):06d}',
                 'tel': f'0{rng.randint(310, 999)}-{rng.randint(2000000, 8999999)}'})
    pa = fill(rng.choice(PREFACE_A), pctx)
    pb = fill(rng.choice(PREFACE_B), pctx)
    pp = fill(rng.choice(PERIOD), pctx) if has_period else ''
    pc = fill(rng.choice(PREFACE_C), pctx)
    layout_pref = rng.random()
    if layout_pref < 0.5:
        text = pa + pb
        P.append(Para(text + pp + pc, tags=[('preface',)], inline=[(len(text), ('period',))] if pp else []))
    elif layout_pref < 0.8:
        P.append(Para(pa + pb, tags=[('preface',)]))
        P.append(Para(pp + pc, tags=[('preface',)], inline=[(0, ('period',))] if pp else []))
    else:
        P.append(Para(pa + pb + pc, tags=[('preface',)]))
        if pp:
            P.append(Para(pp, tags=[('preface',), ('period',)]))
    toc = not kinds and rng.random() < 0.04
    if toc:
        P.append(Para(rng.choice(['本报告包括以下内容：', '主要内容如下：']), kind='p'))
        for n in range(1, 7):
            P.append(Para(NUMERALS[n - 1] + '、' + CANON_HEADINGS[n], kind='p'))
    # --------------------------------------------------------- narrative
    narr = narrative_sentences(rng, T, plan, present, year, organ['self'])
    narr_sec1 = 'apply' in narr and (st['narr_place'] == 'sec1') and plan.struct.get('missing-section') != (1, 'drop')
    # --------------------------------------------------------- sections
    S = {}
    S[1] = section1(rng, ctx, st, level, narr.get('apply'), narr_sec1)
    ms = plan.struct.get('missing-table')

    def table_block(t, intro_pool, narr_key=None):
        out = []
        if narr_key and narr_key in narr and not (narr_key == 'apply' and narr_sec1):
            text, il = narr[narr_key]
            if rng.random() < 0.5 and intro_pool:
                extra = fill(rng.choice(intro_pool), ctx)
                out.append(Para(text + extra, tags=[('prose', TABLE_SECTION[t])], inline=il))
            else:
                out.append(Para(text, tags=[('prose', TABLE_SECTION[t])], inline=il))
        elif intro_pool and rng.random() < 0.55:
            out.append(Para(fill(rng.choice(intro_pool), ctx), tags=[('prose', TABLE_SECTION[t])]))
        if ms and ms[0] == t:
            variant = ms[1]
            if variant == 'prose':
                out.append(Para(fill(rng.choice(MISSING_TABLE_PROSE[t]), ctx), tags=[('prose', TABLE_SECTION[t])]))
            elif variant == 'attachment':
                out.append(Para(rng.choice(['（详见附表）', '具体数据见附件。', '（表格见附件）',
                                            f'详见附表{TABLE_SECTION[t]}。']), tags=[('prose', TABLE_SECTION[t])]))
            elif not out:
                out.append(Para(fill(rng.choice(MISSING_TABLE_PROSE[t]), ctx), tags=[('prose', TABLE_SECTION[t])]))
            return out
        if rng.random() < 0.1:
            out.append(Para(rng.choice(['单位：件', '（单位：件）', f'表{TABLE_SECTION[t] - 1}  {TABLE_TITLE[t]}']),
                            kind='p'))
        tp = Para('', kind='raw')
        tp.out = render_table(t, tpl, T[t], st, rng, layout, plan)
        out.append(tp)
        if rng.random() < st['notes_p']:
            out.append(Para(fill(rng.choice(TABLE_NOTES[t]), ctx), kind='p'))
        return out

    S[2] = table_block('active', S2_INTRO)
    S[3] = table_block('applications', S3_INTRO, 'apply')
    S[4] = table_block('reviews', S4_INTRO, 'review')
    S[5] = section5(rng, ctx, st)
    S[6] = section6(rng, ctx, st, tpl, year, 'missing-fee-statement' in kinds, level)
    # --------------------------------------------------------- structure defects
    hbody = {n: rng.choice(HEADINGS[n]) for n in range(1, 7)}
    heads = {n: heading_text(n, st, rng, text=hbody[n]) for n in range(1, 7)}
    order = [1, 2, 3, 4, 5, 6]
    body = []   # list of Para
    msd = plan.struct.get('missing-section')
    so = plan.struct.get('section-order')
    if so and so[0] == 'swap':
        a, b = so[1], so[2]
        ia, ib = order.index(a), order.index(b)
        order[ia], order[ib] = order[ib], order[ia]
    for n in order:
        hd = Para(heads[n], kind='head', tags=[('heading', n)])
        content = S[n]
        if msd and msd[0] == n:
            _, variant = msd
            if variant == 'drop':
                continue
            if variant == 'merge':
                body.extend(content)
                continue
            if variant == 'merge56':
                continue
        if msd and msd[1] == 'merge56' and n == 5:
            merged = rng.choice(['存在的主要问题、改进情况及其他需要报告的事项',
                                 '存在的主要问题及改进情况和其他需要报告的事项'])
            hd = Para(st['h_indent'] + '五' + st['h_punct'] + merged, kind='head', tags=[('heading', 5)])
            body.append(hd)
            body.extend(content)
            body.extend(S[6])
            continue
        if so and so[0] == 'numeral' and so[1] == n:
            hd = Para(heading_text(n, st, rng, numeral=n - 1, text=hbody[n]),
                      kind='head', tags=[('heading', n)])
        body.append(hd)
        if so and so[0] == 'dup' and so[1] == n:
            k = rng.randint(1, max(1, len(content)))
            body.extend(content[:k])
            body.append(Para(heads[n], kind='head', tags=[('dupheading',), ('heading', n)]))
            body.extend(content[k:])
            continue
        body.extend(content)
    P.extend(body)
    if rng.random() < 0.7:
        P.append(Para('', kind='blank'))
        P.append(Para(org, kind='p', tags=[('closing',)]))
        P.append(Para(f'{year + 1}年{rng.choice([1, 1, 1, 2])}月{rng.randint(5, 28)}日', kind='p',
                      tags=[('closing',)]))
    return finish(rng, i, seed, P, plan, st, layout, prose_mode, is_html_file, script, year, tpl, level, organ, T,
                  present, kinds, title)


def pdf_wrap(s, w):
    """Hard-wrap like a PDF line box: CJK breaks anywhere, but digit/Latin runs stay whole and
    closing punctuation never starts a line."""
    toks = re.findall(r'[0-9A-Za-z.%:/\-]+|.', s)
    lines, cur = [], ''
    for tk in toks:
        if cur and len(cur) + len(tk) > w and tk not in '，。、；：）”！？,.;:)':
            lines.append(cur)
            cur = ''
        cur += tk
    if cur or not lines:
        lines.append(cur)
    return lines


def render_paras(P, st, prose_mode, layout, rng):
    o = Out()
    pdf = layout == 'pdf'
    for p in P:
        if p.kind == 'raw':
            if prose_mode != 'html' and st['para_blank'] and layout not in ('cells',):
                o.add('')
            o.extend(p.out)
            if prose_mode != 'html':
                o.add('')
            continue
        if p.kind == 'blank':
            o.add('')
            continue
        if prose_mode == 'html':
            if p.kind == 'head':
                h = st['html_head']
                txt = esc(p.text.strip())
                line = {'strong': f'<p><strong>{txt}</strong></p>', 'h3': f'<h3>{txt}</h3>', 'h2': f'<h2>{txt}</h2>',
                        'plain': f'<p style="text-indent:2em">{txt}</p>'}[h]
                o.add(line, *p.tags)
            elif p.kind == 'title':
                o.add(f'<h1 style="text-align:center">{esc(p.text)}</h1>' if rng.random() < 0.5 else
                      f'<p align="center"><strong>{esc(p.text)}</strong></p>', *p.tags)
            else:
                txt = esc(p.text).replace('“', rng.choice(['“', '&ldquo;'])).replace('”', '”')
                o.add(f'<p style="text-indent:2em;">{txt}</p>' if rng.random() < 0.7 else f'<p>{txt}</p>',
                      *(p.tags + [tg for _, tg in p.inline]))
            continue
        text = p.text
        if prose_mode == 'md' and p.kind == 'head':
            text = {'plain': text, 'bold': f'**{text.strip()}**', 'hash': f'## {text.strip()}'}[st['md_head']]
        if p.kind == 'title':
            o.add(text, *p.tags)
            if st['para_blank'] or prose_mode == 'md':
                o.add('')
            continue
        if p.kind in ('head', 'sub'):
            if st['para_blank'] and p.kind == 'head':
                o.add('')
            o.add(text, *p.tags)
            if prose_mode == 'md' or (st['para_blank'] and p.kind == 'head'):
                o.add('')
            continue
        indent = st['indent'] if p.kind == 'p' else ''
        full = indent + text
        off = len(indent)
        if pdf:
            pieces = pdf_wrap(full, st['pdf_wrap'])
        elif st['break_paras'] and len(full) > 60 and rng.random() < 0.15:
            k = rng.randint(20, len(full) - 20)
            pieces = [full[:k], full[k:]]
        else:
            pieces = [full]
        start = 0
        for j, piece in enumerate(pieces):
            end = start + len(piece)
            tags = list(p.tags)
            for o_, tg in p.inline:
                if start <= o_ + off < end or (j == len(pieces) - 1 and o_ + off >= end):
                    tags.append(tg)
            o.add(piece, *tags)
            start = end
        if prose_mode == 'md' or st['para_blank']:
            o.add('')
        if st['extra_blank'] and rng.random() < 0.1:
            o.add('')
    return o


def insert_page_markers(o, st, layout, rng):
    """pdf: a footer every N lines (between rows only); others: between sections if chosen."""
    L, T = o.L, o.T
    if layout == 'pdf':
        NL, NT = [], []
        cnt = 0
        every = st['pdf_pm_every']
        for s, tg in zip(L, T, strict=True):
            if ('pm',) in tg:
                cnt = 0
            if cnt >= every and ('cont',) not in tg:
                NL += ['', None, '']
                NT += [[], [('pm',)], []]
                cnt = 0
            NL.append(s)
            NT.append(tg)
            cnt += 1
        L, T = NL, NT
    elif st['pm_sections']:
        NL, NT = [], []
        for s, tg in zip(L, T, strict=True):
            if any(x[0] == 'heading' for x in tg) and NL and rng.random() < 0.5:
                NL += [None, '']
                NT += [[('pm',)], []]
            NL.append(s)
            NT.append(tg)
        L, T = NL, NT
    pages = sum(1 for s in L if s is None) + 1
    p = 0
    fmt = st['pm_fmt']
    for k, s in enumerate(L):
        if s is None:
            p += 1
            L[k] = fmt.format(p=p, t=pages)
    o.L, o.T = L, T
    return o


def to_traditional(s, lazy):
    return ''.join(ch if ch in lazy else S2T.get(ch, ch) for ch in s)


def file_name(seed, i, ext):
    """Report i's file name: its index and eight hex digits drawn from their own generator."""
    return f'{i:04d}_{random.Random(f"name/{seed}/{i}").getrandbits(32):08x}{ext}'


def finish(rng, i, seed, P, plan, st, layout, prose_mode, is_html_file, script, year, tpl, level, organ, T, present,
           kinds, title):
    o = render_paras(P, st, prose_mode, layout, rng)
    o = insert_page_markers(o, st, layout, rng)
    if is_html_file:
        div_class = rng.choice(['article', 'TRS_Editor', 'content', 'zw'])
        head = ['<!DOCTYPE html>', '<html>', '<head>',
                '<meta http-equiv="Content-Type" content="text/html; charset={CS}">',
                f'<title>{esc(title)}</title>', '</head>', '<body>', f'<div class="{div_class}">']
        tail = ['</div>', '</body>', '</html>']
        o.L = head + o.L + tail
        o.T = [[] for _ in head] + o.T + [[] for _ in tail]
    enc = choose_encoding(rng, script, is_html_file)
    # ---------------------------------------------------- script
    lazy = ''
    if script == 'traditional':
        lazy = ''.join(ch for ch in LAZY if rng.random() < 0.5)
        o.L = [to_traditional(s, lazy) for s in o.L]
        if layout not in ('spaces', 'pdf') and enc != 'big5' and rng.random() < 0.3:
            present_chars = [c for c in PINYIN if S2T.get(c, c) in ''.join(o.L)]
            gl = rng.sample(present_chars, min(len(present_chars), rng.randint(3, 8)))
            glmap = {S2T.get(c, c): S2T.get(c, c) + '(' + PINYIN[c] + ')' for c in gl}
            if glmap:
                rx = re.compile('|'.join(re.escape(k) for k in glmap))
                o.L = [rx.sub(lambda m: glmap[m.group(0)], s) for s in o.L]
                plan.notes.append('pinyin glosses after: ' + ''.join(glmap))
    # ---------------------------------------------------- encoding
    newline = '\r\n' if rng.random() < 0.2 else '\n'
    text = newline.join(o.L) + newline
    if enc in ('gbk', 'gb18030', 'big5'):
        text = text.replace('\u00a0', ' ')
    if is_html_file:
        charset = {'gbk': 'gb2312', 'gb18030': 'gb18030', 'big5': 'big5', 'utf-16': 'utf-16'}.get(enc, 'utf-8')
        text = text.replace('{CS}', charset)
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        plan.notes.append(f'could not encode as {enc}; written as utf-8')
        enc = 'utf-8'
        if is_html_file:
            text = re.sub(r'charset=[\w-]+', 'charset=utf-8', text)
        data = text.encode(enc)
    # ---------------------------------------------------- line numbers
    def find(tag):
        for k, tg in enumerate(o.T):
            if tag in tg:
                return k + 1
        return None

    defects = []
    for d in plan.defects:
        line = None
        for a in d['anchor']:
            line = find(a)
            if line:
                break
        alt = []
        for a in d.get('anchor', [])[1:] + d.get('alt', []):
            x = find(a)
            if x and x != line:
                alt.append(x)
        if d['kind'] == 'missing-section' and line is None:
            line = len(o.L)
        e = {k: v for k, v in d.items() if k not in ('anchor', 'alt')}
        e['line'] = line
        e['alt_lines'] = sorted(set(alt))[:4]
        defects.append(e)
    # ---------------------------------------------------- encoding defect
    if 'encoding' in kinds:
        data, line = corrupt(rng, o, text, enc, newline)
        defects.append({'kind': 'encoding', 'rule_hint': f'bytes corrupted in {enc} text', 'line': line,
                        'alt_lines': [], 'tolerated': []})
    # ---------------------------------------------------- truth tables
    def tv(v):
        if isinstance(v, str):
            s = to_traditional(v, lazy) if script == 'traditional' else v
            return s
        return v

    tables = {}
    for t in ['active', 'applications', 'reviews']:
        if t in present:
            tables[t] = {r: {c: tv(v) for c, v in cols.items()} for r, cols in T[t].items()}
    ext = '.html' if is_html_file else '.txt'
    name = file_name(seed, i, ext)
    expected = sorted(set(d['kind'] for d in defects))
    tolerated = sorted(set(k for d in defects for k in d.get('tolerated', [])) - set(expected))
    for d in defects:
        d.pop('tolerated', None)
    truth = {'path': name, 'year': year, 'template': tpl, 'organ': organ['org'], 'organ_level': level, 'layout': layout,
             'encoding': enc, 'script': script, 'newline': 'crlf' if newline == '\r\n' else 'lf',
             'html_file': is_html_file, 'tables': tables, 'defects': defects, 'expected_kinds': expected,
             'tolerated_kinds': tolerated, 'glued_rows': plan.glued_rows, 'notes': plan.notes,
             'features': {k: st[k] for k in ('fullwidth', 'thousands', 'halfpunct', 'pm_sections', 'pm_in_table')}}
    return name, data, truth


def choose_encoding(rng, script, is_html):
    if script == 'simplified':
        pairs = [('utf-8', 50), ('utf-8-sig', 10), ('gbk', 15), ('gb18030', 12), ('utf-16', 13)]
    else:
        pairs = [('utf-8', 50), ('utf-8-sig', 10), ('big5', 27), ('utf-16', 13)]
    if is_html:
        pairs = [p for p in pairs if p[0] != 'utf-16']
    return wchoice(rng, pairs)


def corrupt(rng, o, text, enc, newline):
    """Corrupt 1-3 characters of one prose line so that a strict decode fails."""
    cands = []
    for k, (s, tg) in enumerate(zip(o.L, o.T, strict=True)):
        if (any(x[0] == 'prose' for x in tg) and not any(x[0] in ('narr', 'period', 'fee') for x in tg)
                and sum(1 for ch in s if '\u4e00' <= ch <= '\u9fff') >= 12 and not re.search(r'\d', s)):
            cands.append(k)
    if not cands:
        cands = [k for k, s in enumerate(o.L) if sum(1 for ch in s if '\u4e00' <= ch <= '\u9fff') >= 8]
    k = rng.choice(cands)
    lines = text.split(newline)
    prefix = newline.join(lines[:k]) + (newline if k else '')
    s = lines[k]
    idx = [j for j, ch in enumerate(s) if '\u4e00' <= ch <= '\u9fff']
    picks = sorted(rng.sample(idx[2:-2] or idx, min(len(idx), rng.randint(1, 3))))
    data = bytearray(text.encode(enc))
    for j in picks:
        off = len((prefix + s[:j]).encode(enc))
        if enc == 'utf-16':
            data[off:off + 2] = b'\x00\xdc'
        else:
            data[off] = 0xFF
    try:
        bytes(data).decode(enc)
        raise RuntimeError('corruption did not break decoding')
    except UnicodeDecodeError:
        pass
    return bytes(data), k + 1


# =============================================================== not a report
def build_not_report(rng, i, seed, year, level, organ, script):
    org, selfn, short, sup, office = organ['org'], organ['self'], organ['short'], organ['sup'], organ['office']
    kind = rng.choice(['selfcheck', 'selfcheck', 'news', 'plan', 'notice', 'docsite'])
    L = []
    if kind in ('selfcheck', 'docsite'):
        title = f'{short}{year}年度政务公开工作自查报告'
        body = [f'根据{sup}《关于开展{year}年度政务公开工作考核的通知》要求，{selfn}对照考核指标认真开展自查，'
                '现将自查情况报告如下：',
                '一、自查情况',
                f'（一）政府信息主动公开。{year}年，{selfn}认真贯彻落实《中华人民共和国政府信息公开条例》，'
                f'全年公开信息{rng.randint(30, 400)}条，其中工作动态{rng.randint(10, 200)}条、'
                f'通知公告{rng.randint(3, 50)}条。',
                '（二）依申请公开。{}年，{}{}。'.format(year, selfn, rng.choice([
                    '没有依申请公开政府信息申请事项', f'收到依申请公开{rng.randint(1, 6)}件，均按时答复'])),
                '（三）政府信息公开平台。及时在政府信息公开平台发布相关信息，平台未出现安全、泄密事故。',
                f'（四）政府信息公开工作年度报告。{selfn}政府信息公开工作年度报告严格按照统一格式模板编制并按时公布。',
                '（五）组织保障。调整充实政务公开工作领导小组，明确专人负责信息公开工作。',
                '二、存在问题',
                '信息公开面向社会宣传力度不够，公开渠道较少，工作创新能力仍需进一步加强。',
                '三、下一步改进措施',
                '一是创新工作方式，充实和拓宽政府信息的公开内容与渠道；二是扩大宣传范围，引导群众主动关心政府信息公开。']
        if kind == 'docsite':
            pre = [f'{title}_第{k}页' for k in range(1, rng.randint(3, 6))] + [
                '全文预览已结束', '', '下载本文档', '',
                '版权说明:本文档由用户提供并上传,收益归属内容提供方,若内容存在侵权,请进行举报或认领', '',
                '文档简介', '']
            post = ['', '温馨提示', '',
                    '  · 1. 本站所有资源如无特殊说明，都需要本地电脑安装OFFICE2007和PDF阅读器。',
                    '  · 2. 本站的文档不包含任何第三方提供的附件图纸等，如果需要附件，请联系上传者。', '', '评论', '',
                    '0/150', '', '提交评论']
            L = [*pre, '1、' + title + ' ' + ' '.join(body), *post]
        else:
            L = [title, '', *body, '', org, f'{year}年{rng.randint(10, 12)}月{rng.randint(1, 28)}日']
    elif kind == 'news':
        title = '{}召开{}年度政务公开工作推进会'.format(organ['short'], year + rng.choice([0, 1]))
        L = [title, '发布时间：{}-{:02d}-{:02d}　来源：{}　浏览次数：{}'.format(
                 year, rng.randint(1, 12), rng.randint(1, 28), organ['office'], rng.randint(50, 3000)), '',
             f'近日，{org}召开政务公开工作推进会，传达学习上级关于政务公开工作的部署要求，总结{year}年政府信息公开工作，安排部署下一阶段重点任务。',
             '会议指出，政府信息公开工作年度报告是政务公开的重要内容，各单位要高度重视，按照统一格式认真编制，确保数据准确、按时公布。',
             '会议强调，要聚焦群众关切，持续深化重点领域信息公开，规范依申请公开办理，切实提升政务公开质量和实效。',
             f'{selfn}主要负责同志出席会议并讲话，各科室、站所负责人参加会议。', '', f'（{office} 供稿）']
    elif kind == 'plan':
        title = '{}{}年政务公开工作要点'.format(organ['short'], year + 1)
        L = [title, '', f'为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步做好{year + 1}年政务公开工作，'
             '结合实际，制定本工作要点。',
             '一、总体要求', '坚持以人民为中心的发展思想，以公开促落实、强监管、优服务，不断提升政务公开质量。',
             '二、重点任务', '（一）加强政策发布解读。严格落实政策文件与解读材料同步组织、同步审签、同步部署。',
             '（二）深化重点领域信息公开。做好财政预决算、重大建设项目、公共资源配置等领域信息公开。',
             '（三）规范依申请公开工作。严格执行办理答复规范，按时编制并公布政府信息公开工作年度报告。',
             '三、保障措施', '各单位要明确专人负责，加强培训和考核，确保各项任务落到实处。']
    else:
        title = f'关于公布{org}{year}年政府信息公开工作年度报告的公告'
        L = [title, '', f'根据《中华人民共和国政府信息公开条例》规定，现将{org}{year}年政府信息公开工作年度报告'
             '予以公布，详见附件。', '',
             f'附件：{org}{year}年政府信息公开工作年度报告.docx', '', org, f'{year + 1}年1月{rng.randint(10, 31)}日']
    is_html = rng.random() < 0.2
    enc = 'utf-8' if is_html else choose_encoding(rng, script, False)
    lazy = ''
    if script == 'traditional':
        lazy = ''.join(ch for ch in LAZY if rng.random() < 0.5)
        L = [to_traditional(s, lazy) for s in L]
        if enc != 'big5' and (kind == 'docsite' or rng.random() < 0.3):
            gl = {S2T.get(c, c): S2T.get(c, c) + '(' + PINYIN[c] + ')' for c in rng.sample(sorted(PINYIN), 6)}
            rx = re.compile('|'.join(re.escape(k) for k in gl))
            L = [rx.sub(lambda m: gl[m.group(0)], s) for s in L]
    if is_html:
        L = ['<!DOCTYPE html>', '<html>', '<head>', '<meta charset="utf-8">', f'<title>{esc(L[0])}</title>', '</head>',
             '<body>', *[f'<p>{esc(s)}</p>' for s in L if s], '</body>', '</html>']
    newline = '\r\n' if rng.random() < 0.2 else '\n'
    text = newline.join(L) + newline
    if enc in ('gbk', 'gb18030', 'big5'):
        text = text.replace('\u00a0', ' ')
    notes = []
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        notes.append(f'could not encode as {enc}; written as utf-8')
        enc = 'utf-8'
        data = text.encode(enc)
    name = file_name(seed, i, '.html' if is_html else '.txt')
    truth = {'path': name, 'year': year, 'template': None, 'organ': org, 'organ_level': level, 'layout': 'none',
             'encoding': enc, 'script': script, 'newline': 'crlf' if newline == '\r\n' else 'lf', 'html_file': is_html,
             'tables': {}, 'defects': [{'kind': 'not-a-report', 'rule_hint': kind, 'line': 1, 'alt_lines': []}],
             'expected_kinds': ['not-a-report'], 'tolerated_kinds': [], 'glued_rows': [],
             'notes': [*notes, 'not-a-report: ' + kind],
             'features': {}}
    return name, data, truth


# =============================================================== main
def generate(outdir, n, seed, defects=0.6):
    """Write n reports and truth.json to outdir. The seed is any string (an int is used as its decimal string)."""
    seed = str(seed)
    os.makedirs(outdir, exist_ok=True)
    layouts, kinds = plan_corpus(n, seed, defects)
    truths = []
    for i in range(n):
        name, data, truth = build_report(i, seed, layouts[i], kinds[i])
        with open(os.path.join(outdir, name), 'wb') as f:
            f.write(data)
        truths.append(truth)
    # 'generator' keeps the original script's name: selfcheck.py tells the two kinds of truth apart by it
    with open(os.path.join(outdir, 'truth.json'), 'w', encoding='utf-8') as f:
        json.dump({'generator': 'gaudit-eval gen.py', 'seed': seed, 'n': n, 'defect_fraction': defects,
                   'files': truths}, f, ensure_ascii=False, indent=1)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('outdir')
    ap.add_argument('--n', type=int, default=100)
    ap.add_argument('--seed', default='1')
    ap.add_argument('--defects', type=float, default=0.6, help='fraction of reports with planted defects (default 0.6)')
    a = ap.parse_args(argv)
    generate(a.outdir, a.n, a.seed, a.defects)
    print(f'wrote {a.n} reports and truth.json to {a.outdir}', file=sys.stderr)


if __name__ == '__main__':
    main()
