"""Measure gaudit's accuracy on two freshly generated corpora of annual reports with known content.

    python benchmarks/accuracy/run.py [--n 600] [--seed 1] [--keep DIR] [--distorted]
    python benchmarks/accuracy/run.py --formats text,html,docx,pdf,doc [--n 300]   # formats.py

Generates one corpus with gen_a.py and one with gen_b.py (n reports each, same seed) in a temporary
folder, runs gaudit on each (`python -m gaudit` with this Python) and prints a summary of each
score: extraction accuracy per layout, precision / recall per finding kind, and the errors gaudit
reports on clean reports. With --keep, DIR (new or empty) keeps the corpora, gaudit's outputs and
the full reports (score_a.txt / .json, score_b.txt / .json). With --distorted, each corpus is also
distorted as real published files are (distort.py) and scored as corpus AD / BD. README.md explains
the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile

import distort
import gen_a
import gen_b
import score


def run(base, n, seed, keep, distorted=False):
    corpora = []
    for label, gen in (('a', gen_a), ('b', gen_b)):
        corpus = os.path.join(base, f'corpus_{label}')
        gen.generate(corpus, n, seed)
        corpora.append((label, corpus, f'gen_{label}.py, {n} reports, seed {seed}'))
        if distorted:
            out = os.path.join(base, f'corpus_{label}d')
            distort.distort(corpus, out, seed)
            corpora.append((f'{label}d', out, f'gen_{label}.py distorted by distort.py, {n} reports, seed {seed}'))
    for label, corpus, about in corpora:
        with open(os.path.join(corpus, 'truth.json'), encoding='utf-8') as f:
            truth = json.load(f)
        ext, chk = score.run_gaudit(corpus, os.path.join(base, f'gaudit_{label}') if keep else None)
        R, lists = score.score(truth, ext, chk)
        print(f'\nGENERATOR {label.upper()} ({about})')
        score.summary(R, lists, truth)
        sys.stdout.flush()
        if keep:
            with open(os.path.join(base, f'score_{label}.txt'), 'w', encoding='utf-8') as f:
                score.report(R, lists, truth, 30, out=f)
            score.write_json(R, lists, os.path.join(base, f'score_{label}.json'))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--n', type=int, default=600, help='reports per corpus (default 600)')
    ap.add_argument('--seed', type=int, default=1, help='seed of both generators (default 1)')
    ap.add_argument('--keep', metavar='DIR', help='keep corpora, gaudit outputs and full reports in DIR (new or empty)')
    ap.add_argument('--distorted', action='store_true',
                    help='also score both corpora distorted as real files are (distort.py: lost lines, '
                         'label variants, cut tables, spaced numbers)')
    ap.add_argument('--formats', help='score per input format instead (text,html,docx,pdf,doc): see formats.py')
    a = ap.parse_args(argv)
    if a.formats:
        import formats

        formats.main(['--n', str(a.n), '--seed', str(a.seed), '--formats', a.formats,
                      *(['--keep', a.keep] if a.keep else [])])
        return
    if a.keep:
        if os.path.isdir(a.keep) and os.listdir(a.keep):
            sys.exit(f'--keep: {a.keep} is not empty')
        os.makedirs(a.keep, exist_ok=True)
        run(a.keep, a.n, a.seed, keep=True, distorted=a.distorted)
        print(f'\ncorpora, gaudit outputs and full reports kept in {a.keep}')
    else:
        with tempfile.TemporaryDirectory(prefix='gaudit-accuracy-') as tmp:
            run(tmp, a.n, a.seed, keep=False, distorted=a.distorted)


if __name__ == '__main__':
    main()
