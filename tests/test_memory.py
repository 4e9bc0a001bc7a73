"""Memory grows with the input as a small multiple of it, on every line-heavy shape.

A stage that keeps a Python object per line (a tuple of offsets, a parsed line, a token)
costs a hundred bytes or more for a line of a few: a 10 MB file of short lines once peaked
at 2 GB.  Here the allocations Python traces while a file is read and audited are measured
at two sizes: twice the input must cost at most a little more than twice the memory, and
each byte more of input at most a few bytes more of memory.  What every file may hold
whatever its size (a stretch of tokens kept between the table readers' walks, the label hits
of one table before they are cut to the run the reader takes, the process's identity map)
is a bounded constant, allowed once.
"""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Callable

import pytest

from gaudit.document import read_document
from gaudit.engine import run_rules
from gaudit.model.text import IDENTITY_KEPT, offset_range
from gaudit.rules import load_rules

RULES = load_rules()
_LABELS = ("本年新收政府信息公开申请数量\n", "自然人\n", "予以公开\n", "行政复议\n")
#: Numbered lines (headings that name no section: a section's candidates are bounded), prose, rows.
_MIXED = ("一、加强组织领导\n", "本年度收到申请12件。\n", "规章 | 0 | 1\n", "总计\t3\t4\n", "7\n")

#: Shape -> (lines of text for ``n``, file name, ``n``); ``n`` is as small as shows the growth
#: (a slow shape gets fewer lines: the test runs in a few seconds).
SHAPES: dict[str, tuple[Callable[[int], str], str, int]] = {
    "pipe-rows": (lambda n: "规章 | 0 | 1\n" * n, "x.txt", 1500),
    "a-number-per-line": (lambda n: "".join(f"{i % 97}\n" for i in range(n)), "x.txt", 5000),
    "tab-rows": (lambda n: "收到申请数\t1\t2\t3\t4\n" * n, "x.txt", 1200),
    "short-prose-lines": (lambda n: "一、总体情况\n" + "本年度无。\n" * n, "x.txt", 1500),
    "lines-of-totals": (lambda n: "总计\n" * n, "x.txt", 1500),
    "lines-of-row-labels": (lambda n: "".join(_LABELS[i % 4] for i in range(n)), "x.txt", 1500),
    "html-table-rows": (lambda n: "<html><body><table>" + "<tr><td>规章</td><td>1</td><td>2</td></tr>\n" * n
                        + "</table></body></html>", "x.html", 1000),
    "headings-and-rows": (lambda n: "".join(_MIXED[i % 5] for i in range(n)), "x.txt", 1500),
}

#: What a file may hold whatever its size (see the module's notes).
BOUNDED = 1 << 20
#: Input bytes' worth of memory a file may take (above ``BOUNDED``).
MULTIPLE = 15
#: Memory each further byte of input may take.
SLOPE = 10


def peak(data: bytes, name: str) -> int:
    """Peak bytes Python allocated while reading and auditing ``data``."""
    gc.collect()
    tracemalloc.start()
    try:
        run_rules(read_document(data, name), RULES)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_memory_is_linear_and_a_small_multiple_of_the_input(shape: str) -> None:
    make, name, n = SHAPES[shape]
    # The process's caches first (they stay between files): the identity map at its cap, the
    # rules and memos at work.
    offset_range(0, IDENTITY_KEPT)
    run_rules(read_document(make(n // 8).encode(), name), RULES)
    small, large = make(n).encode(), make(2 * n).encode()
    p_small, p_large = peak(small, name), peak(large, name)
    assert p_large <= 2.5 * p_small, (shape, p_small, p_large)
    assert p_large - p_small <= SLOPE * (len(large) - len(small)), (shape, p_small, p_large)
    assert p_large <= MULTIPLE * len(large) + BOUNDED, (shape, len(large), p_large)
