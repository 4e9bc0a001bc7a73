"""Distort a generated corpus the way real published files are distorted, keeping the truth right.

    python benchmarks/accuracy/distort.py SRC_CORPUS OUT_DIR [--seed 1]

Reads a corpus written by gen_a.py or gen_b.py (its reports and truth.json) and writes a new
corpus in which each report that suits one of these distortions gets it (the others are copied
as they are):

* ``lost-lines``: the page lost its line breaks: everything after the title is one line, so the
  section headings stand inside it and (one cell per line, aligned columns, glued layouts) every
  table row runs into the next.  Only files whose tables have no blank cell (a blank cell
  written as an empty line would vanish without trace) and whose cells stay separated by a
  space or were glued by the generator only where one reading exists.
* ``labels``: row labels as real tables write them: the template's instructions carried after
  规章, the pre-2021 label 规范性文件 in a 2021 table, Traditional 規範性文件, a dropped
  character (其他法律行政止公开, 保护第三方合法权), or, in pipe and tab rows, no label at all
  for one row in the middle of a group.  Cells are unchanged.
* ``cut``: a clean report cut off inside its applications table (an excerpt, a lost page):
  the rows from the cut on and everything after them are gone.  Expected: incomplete-table and
  missing-section; the truth's later rows become blank, the reviews table goes.
* ``spaced``: numbers in the narrative set off by spaces as PDF and WPS text write them
  (受理政府信息公开申请 17 件).  Nothing else changes.

Each distorted report's truth gets ``distortion`` and its ``layout`` becomes the distortion's
name (so the score's "by layout" lines split the cells by distortion); the source layout is kept
in ``source_layout``.  Output is deterministic for a given source corpus and seed.  Standard
library only.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import re
import shutil
import sys

DISTORTIONS = ('lost-lines', 'labels', 'cut', 'spaced')

#: Words of applications rows a cut may fall before (Simplified and Traditional), template order.
CUT_ROWS = [
    ('withheld_third_party', ('保护第三方合法权益', '保護第三方合法權益')),
    ('withheld_process_info', ('属于四类过程性信息', '屬於四類過程性信息', '屬于四類過程性信息')),
    ('unavailable_not_held', ('本机关不掌握相关政府信息', '本機關不掌握相關政府信息')),
    ('unavailable_unclear', ('补正后申请内容仍不明确', '補正後申請內容仍不明確', '補正后申請內容仍不明確')),
    ('rejected_duplicate', ('重复申请', '重複申請', '重復申請')),
    ('rejected_excessive', ('无正当理由大量反复申请', '無正當理由大量反覆申請', '無正當理由大量反復申請')),
]

#: (words in the text, their distorted form) per label distortion, Simplified and Traditional.
LABEL_EDITS = [
    (('规章', '規章'), lambda w: w + ('（设区的市、自治州人民政府应提供相关数据）' if w == '规章'
                                       else '（設區的市、自治州人民政府應提供相關數據）')),
    (('其他法律行政法规禁止公开', '其他法律行政法規禁止公開'), lambda w: w.replace('法规禁', '').replace('法規禁', '')),
    (('保护第三方合法权益', '保護第三方合法權益'), lambda w: w[:-1]),
]
OLD_LABEL = (('行政规范性文件', '行政規範性文件'), lambda w: w[2:])

_ROW_LINE_RE = re.compile(r'\d')
_PAGE_LINE_RE = re.compile(r'^\s*(?:[-—–]\s*\d+\s*[-—–]|(?:Page|page|P\.)\s*\d+.*|第\s*\d+\s*[页頁].*'
                           r'|\d+\s*/\s*\d+)\s*$')
_PROSE_NUMBER_RE = re.compile(r'(?<=[\u4e00-\u9fff])(\d+)(?=[件条項项个個次])')


def _text(path, encoding):
    with open(path, 'rb') as f:
        data = f.read()
    codec = 'utf-16' if encoding.startswith('utf-16') else encoding
    return data.decode(codec), codec


def _write(path, text, codec):
    with open(path, 'wb') as f:
        f.write(text.encode(codec))


def _newline(text):
    return '\r\n' if '\r\n' in text else '\n'


def _has_blank(tables):
    return any(v is None for rows in tables.values() for cols in rows.values() for v in cols.values())


def _row_line(line):
    """A line holding a table row: some digit, no sentence."""
    return bool(_ROW_LINE_RE.search(line)) and '。' not in line


def lost_lines(text, tf):
    """Everything after the title on one line; cells one per line or aligned joined by a space."""
    if tf['source_layout'] not in ('glued', 'cells', 'spaces') or _has_blank(tf['tables']):
        return None
    nl = _newline(text)
    lines = text.split(nl)
    if any(_PAGE_LINE_RE.match(ln) for ln in lines):
        return None  # page furniture, dropped on a line of its own, would stand inside the text
    first = next((i for i, ln in enumerate(lines) if ln.strip()), 0)
    nxt = next((i for i in range(first + 1, len(lines)) if lines[i].strip()), None)
    if nxt is not None and not lines[first].rstrip().endswith(('报告', '報告')) and \
            lines[nxt].strip().endswith(('报告', '報告')) and len(lines[nxt].strip()) < 20:
        first = nxt  # a title broken over two lines stays above the text
    joint = '' if tf['source_layout'] == 'glued' else ' '
    body = joint.join(ln.strip() for ln in lines[first + 1:] if ln.strip())
    out = nl.join([*lines[:first + 1], body]) + nl
    for d in tf['defects']:
        if d.get('line', 0) > first + 1:
            d['line'], d['alt_lines'] = first + 2, []
    return out


def labels(text, tf, rng):
    nl = _newline(text)
    lines = text.split(nl)
    edits = list(LABEL_EDITS)
    if tf['template'] == '2021':
        edits.append(OLD_LABEL)
    done = 0
    for words, change in edits:
        for i, line in enumerate(lines):
            if not _row_line(line):
                continue
            w = next((w for w in words if w in line), None)
            if w is None or (w in ('规章', '規章') and not line.lstrip(' |\t').startswith(w)):
                continue
            lines[i] = line.replace(w, change(w), 1)
            done += 1
            break
    if tf['source_layout'] in ('pipe', 'tabs') and rng.random() < 0.5:
        # One row in the middle of a group written without its label.
        for i, line in enumerate(lines):
            if _row_line(line) and ('4.保护第三方' in line or '4．保护第三方' in line or '4、保护第三方' in line):
                sep = '|' if tf['source_layout'] == 'pipe' else '\t'
                cells = line.split(sep)
                label_at = next((k for k, c in enumerate(cells) if '保护第三方' in c), None)
                if label_at is not None:
                    cells[label_at] = ''
                    lines[i] = sep.join(cells)
                    done += 1
                break
    return nl.join(lines) if done else None


def cut(text, tf, rng):
    if tf['defects'] or tf['expected_kinds'] or tf['source_layout'] in ('html', 'none', 'glued', 'pdf') \
            or 'applications' not in tf['tables']:
        return None
    nl = _newline(text)
    lines = text.split(nl)
    order = [r for r in tf['tables']['applications']]
    key, words = CUT_ROWS[rng.randrange(len(CUT_ROWS))]
    at = next((i for i, ln in enumerate(lines) if any(w in ln for w in words) and _row_line(ln)), None)
    if at is None and tf['source_layout'] == 'cells':
        at = next((i for i, ln in enumerate(lines) if any(w in ln for w in words)), None)
    if at is None or key not in order:
        return None
    text = nl.join(lines[:at]) + nl
    apps = tf['tables']['applications']
    for row in order[order.index(key):]:
        apps[row] = {c: None for c in apps[row]}
    tf['tables'].pop('reviews', None)
    tf['expected_kinds'] = ['incomplete-table', 'missing-section']
    tf['tolerated_kinds'] = ['missing-fee-statement']
    tf['defects'] = [{'kind': 'incomplete-table', 'rule_hint': f'table cut before {key}', 'line': at,
                      'alt_lines': [], 'table': 'applications', 'row': key}]
    return text


def spaced(text, tf):
    nl = _newline(text)
    lines = text.split(nl)
    changed = False
    for i, line in enumerate(lines):
        if '|' in line or '\t' in line or '<' in line or ('。' not in line and '，' not in line):
            continue
        new = _PROSE_NUMBER_RE.sub(r' \1 ', line)
        if new != line:
            lines[i] = new
            changed = True
    return nl.join(lines) if changed else None


def distort(src, out, seed=1):
    with open(os.path.join(src, 'truth.json'), encoding='utf-8') as f:
        truth = json.load(f)
    os.makedirs(out, exist_ok=True)
    rng = random.Random(seed)
    files = []
    for tf in truth['files']:
        tf = copy.deepcopy(tf)
        path = os.path.join(src, tf['path'])
        target = os.path.join(out, tf['path'])
        os.makedirs(os.path.dirname(target), exist_ok=True)
        kind = DISTORTIONS[rng.randrange(len(DISTORTIONS))]
        usable = (tf['layout'] not in ('none', 'html') and not tf.get('html_file')
                  and 'encoding' not in tf['expected_kinds'])
        new = None
        if usable:
            text, codec = _text(path, tf['encoding'])
            tf['source_layout'] = tf['layout']
            if kind == 'lost-lines':
                new = lost_lines(text, tf)
            elif kind == 'labels':
                new = labels(text, tf, rng)
            elif kind == 'cut':
                new = cut(text, tf, rng)
            else:
                new = spaced(text, tf)
        if new is not None:
            bom = codec == 'utf-16' or tf['encoding'] == 'utf-8-sig'
            try:
                _write(target, new.lstrip('\ufeff') if bom else new,
                       'utf-8-sig' if tf['encoding'] == 'utf-8-sig' else codec)
                tf['distortion'] = kind
                tf['layout'] = kind
            except UnicodeEncodeError:
                new = None  # a label variant the file's codec cannot hold: left as it was
        if new is None:
            original = next(x for x in truth['files'] if x['path'] == tf['path'])
            tf = copy.deepcopy(original)
            shutil.copyfile(path, target)
        files.append(tf)
    truth = dict(truth, files=files, distorted_from=os.path.basename(os.path.normpath(src)), distort_seed=seed)
    with open(os.path.join(out, 'truth.json'), 'w', encoding='utf-8') as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    return truth


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('src')
    ap.add_argument('out')
    ap.add_argument('--seed', type=int, default=1)
    a = ap.parse_args(argv)
    truth = distort(a.src, a.out, a.seed)
    counts = {}
    for tf in truth['files']:
        counts[tf.get('distortion', 'unchanged')] = counts.get(tf.get('distortion', 'unchanged'), 0) + 1
    print(json.dumps(counts, sort_keys=True))


if __name__ == '__main__':
    sys.exit(main())
