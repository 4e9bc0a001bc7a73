"""The supervised pool: results in order; a hung item is stopped, a dead worker replaced."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from gaudit.pool import Budget, in_process_map, supervised_map

BUDGET: Budget[str, str] = Budget(1.0, lambda item: f"timeout:{item}", lambda item: f"lost:{item}")


def work(item: str, folder: str) -> str:
    """Module level: pickled by reference into the workers."""
    if item == "hang":
        time.sleep(120)
    if item == "die":
        os._exit(9)  # as the out-of-memory killer would end it
    if item == "die-once":
        marker = Path(folder) / "died"
        if not marker.exists():
            marker.write_text("x", encoding="utf-8")
            os._exit(9)
    return item.upper()


def test_results_come_back_in_input_order(tmp_path: Path) -> None:
    items = [f"f{i:03d}" for i in range(200)]
    assert list(supervised_map(work, items, str(tmp_path), 2, BUDGET)) == [i.upper() for i in items]


def test_an_item_past_its_budget_is_stopped_and_the_run_goes_on(tmp_path: Path) -> None:
    started = time.monotonic()
    out = list(supervised_map(work, ["a", "hang", "b", "c", "d"], str(tmp_path), 2, BUDGET))
    assert out == ["A", "timeout:hang", "B", "C", "D"]
    assert time.monotonic() - started < 60  # the hung worker was killed, not waited for


def test_a_dead_worker_is_replaced_and_its_item_tried_once_more(tmp_path: Path) -> None:
    out = list(supervised_map(work, ["a", "die-once", "b", "die", "c"], str(tmp_path), 2, BUDGET))
    assert out == ["A", "DIE-ONCE", "B", "lost:die", "C"]


def test_no_worker_outlives_the_run(tmp_path: Path) -> None:
    import multiprocessing

    results = supervised_map(work, ["a", "b", "c", "d", "e"], str(tmp_path), 2, BUDGET)
    assert next(results) == "A"
    results.close()  # the consumer stops early (an error, a signal, a closed pipe)
    assert [p for p in multiprocessing.active_children() if p.is_alive()] == []


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="needs timer signals")
def test_in_process_runs_keep_the_budget_too(tmp_path: Path) -> None:
    out = list(in_process_map(work, ["a", "hang", "b"], str(tmp_path), BUDGET))
    assert out == ["A", "timeout:hang", "B"]
