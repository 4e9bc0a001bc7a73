"""Synthetic records for the memory mode of benchmarks/families.py: the second pass alone.

Records have the size real ones have (the rows the built-in cross rules compare, three
256-byte section signatures, positions), organs in families of four years, a few planted
carry-over breaks and copies; :func:`synthetic_pass` builds the corpus and runs every
built-in cross rule over it, as the run does after the first pass.
"""

from __future__ import annotations

import math
import random
import time
from array import array

from gaudit.cross.corpus import Corpus
from gaudit.cross.record import Place, Record, SectionSketch, pack_places
from gaudit.cross.setup import cross_rules, record_spec
from gaudit.cross.sketch import SLOTS
from gaudit.cross.stamp import cross_findings
from gaudit.rules import load_rules


def _signature(rng: random.Random) -> bytes:
    return array("H", (rng.getrandbits(16) for _ in range(SLOTS))).tobytes()


def synthetic_pass(n: int, seed: int) -> tuple[int, float]:
    """Build ``n`` records, run the built-in cross rules; return how many findings and the
    seconds the pass took (without building the records)."""
    rules = cross_rules(load_rules())
    spec = record_spec(rules)
    rng = random.Random(seed)
    width = sum(len(cols) for _, cols in spec.layout("2021").values())
    records: list[Record] = []
    shared = _signature(rng)
    for i in range(n):
        organ, year = f"第{i // 4}号镇人民政府", 2021 + i % 4
        # Chained numbers (all equal) but for a break in one report in a hundred.
        cells = array("d", (3.0 if rng.random() > 0.0002 else 4.0 for _ in range(width)))
        if rng.random() < 0.01:
            cells[0] = math.nan
        sketches = tuple(SectionSketch(s, shared if rng.random() < 0.001 else _signature(rng), 500,
                                       Place(10 * s, 1, 10 * s, None)) for s in spec.sections)
        places = pack_places([Place(30 + k, 1, 30 + k, None) for k in range(len(spec.rows))])
        records.append(Record(f"reports/{i:06d}.txt", organ, year, "2021", cells.tobytes(), places, sketches,
                              Place(1, 1, 1, None)))
    start = time.perf_counter()
    corpus = Corpus(records, n, spec, {})
    found = sum(len(v) for v in cross_findings(corpus, rules).values())
    return found, time.perf_counter() - start
