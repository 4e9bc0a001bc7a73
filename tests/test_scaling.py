"""Every stage is linear in its input: doubling an input at most a little more than doubles the work.

The work is counted: the number of Python function calls made while reading and auditing a
file (deterministic, whatever else the machine is doing), where a quadratic loop shows as a
ratio near 4 for a doubled input.  Work done inside C (a regular expression that backtracks,
a string rebuilt at every step) makes no calls, so the processor time is compared too, with
a generous bound: for four times the input, linear work takes about four times as long and
quadratic work sixteen; the test allows eight (the least of three runs each, so that a busy
machine does not decide).  The shapes are
those that ran away before: many short lines of 总计, runs of HTML entities, a heading
followed by a run of dots, ``<td `` without ``>``, a row label followed by thousands of
digits, many headings, a line of pipes, numbers set apart by single spaces.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import pytest

from gaudit.document import read_document
from gaudit.engine import run_rules
from gaudit.rules import load_rules

SHAPES: dict[str, Callable[[int], bytes]] = {
    "lines-of-totals": lambda n: ("总计\n" * n).encode(),
    "html-entities": lambda n: ("<p>" + "&amp;" * n + "</p>").encode(),
    "heading-and-dots": lambda n: ("一、" + "." * (20 * n) + "1\n").encode(),
    "unclosed-td": lambda n: ("<td " * n).encode(),
    "label-and-digits": lambda n: ("一、本年新收政府信息公开申请数量" + "7" * n + "\n").encode(),
    "many-headings": lambda n: ("一、总体情况\n" * (n // 4)).encode(),
    "pipes": lambda n: ("|" * (10 * n) + "\n").encode(),
    "spaced-digits": lambda n: ("行政许可 " + "1 " * n + "\n").encode(),
}
RULES = load_rules()


def calls(data: bytes) -> int:
    count = 0

    def hook(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(hook)
    try:
        run_rules(read_document(data, "x.txt"), RULES)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_doubling_the_input_at_most_a_little_more_than_doubles_the_work(shape: str) -> None:
    make = SHAPES[shape]
    small, large = calls(make(1500)), calls(make(3000))
    assert large <= 2.5 * max(small, 1), (shape, small, large)


def cpu_seconds(data: bytes) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        run_rules(read_document(data, "x.txt"), RULES)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_four_times_the_input_takes_at_most_twice_the_linear_time(shape: str) -> None:
    make = SHAPES[shape]
    small, large = cpu_seconds(make(2000)), cpu_seconds(make(8000))
    assert large <= 8 * max(small, 0.005), (shape, small, large)
