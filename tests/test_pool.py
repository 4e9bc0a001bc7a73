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


def test_a_worker_killed_while_idle_is_replaced_and_the_run_survives(tmp_path: Path) -> None:
    """kill -9 of an idle worker: the next item handed to it must not end gaudit, which lets
    SIGPIPE end it quietly on a closed stdout (so the test sets SIGPIPE as the CLI does)."""
    import subprocess
    import sys

    script = (
        "import os, signal, sys\n"
        "signal.signal(signal.SIGPIPE, signal.SIG_DFL)\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from test_pool import BUDGET, work\n"
        "from gaudit.pool import _Pool, _State\n"
        "items = ['a', 'b', 'c', 'd']\n"
        "state = _State(items, BUDGET)\n"
        "pool = _Pool(work, sys.argv[2], 2, state)\n"
        "for w in pool.workers:\n"
        "    os.kill(w.process.pid, signal.SIGKILL)\n"
        "    w.process.join()\n"
        "try:\n"
        "    while len(state.done) < len(items):\n"
        "        pool.feed(len(items))\n"
        "        pool.collect()\n"
        "finally:\n"
        "    pool.close()\n"
        "print(''.join(state.done[i] for i in range(len(items))))\n"
    )
    here = str(Path(__file__).resolve().parent)
    proc = subprocess.run([sys.executable, "-c", script, here, str(tmp_path)], capture_output=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().strip() == "ABCD"
