"""Run one function over many items in worker processes, supervised, results in input order.

``concurrent.futures`` cannot stop one task that runs too long, and a worker killed by the
system breaks its whole pool.  Reading a report is a pure function of its bytes, so this pool
keeps each worker on one item at a time and watches it:

* an item that runs past its time budget has its worker killed (and replaced): the item's
  result is ``timed_out(item)``, the run goes on;
* a worker that dies under an item (the system's out-of-memory killer, a crash in a C
  library) is replaced and the item tried once more in the fresh worker, then given up as
  ``lost(item)``;
* workers ask the kernel to kill them when the parent dies (Linux), and the parent ends every
  worker when it stops, by an exception or a signal: no worker outlives a run.

Results come back in the order of the items, so that the output is the same for any number of
workers; at most :data:`WINDOW` results per worker wait for an earlier slow item.
"""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

__all__ = ["WINDOW", "Budget", "ItemTimeout", "in_process_map", "supervised_map"]

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Items handed out ahead of the oldest unfinished one, per worker.
WINDOW = 64

_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Budget(Generic[Item, Result]):
    """What an item may cost, and what stands for its result when it costs too much."""

    timeout: float
    """Seconds one item may take in a worker (``0`` or less: no limit)."""
    timed_out: Callable[[Item], Result]
    lost: Callable[[Item], Result]
    """The result of an item whose worker died under it twice."""


def _die_with_parent() -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the parent's clean-up has to do
        pass


def _serve(conn: Connection, func: Callable[[Any, Any], Any], options: Any) -> None:
    """A worker: read ``(index, item)``, answer ``(index, result)``, until told to stop."""
    _die_with_parent()
    # Ctrl-C reaches the whole process group: the parent decides, the worker carries on.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, item = message
        conn.send((index, func(item, options)))


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    index: int | None = None
    """The item it works on."""
    started: float = 0.0


@dataclass
class _State(Generic[Item, Result]):
    items: Sequence[Item]
    budget: Budget[Item, Result]
    done: dict[int, Result] = field(default_factory=dict)
    tries: dict[int, int] = field(default_factory=dict)
    queue: list[int] = field(default_factory=list)
    """Indices waiting for a worker, in order (retries go first)."""
    next_new: int = 0


class _Pool(Generic[Item, Result]):
    def __init__(self, func: Callable[[Item, Any], Result], options: Any, size: int,
                 state: _State[Item, Result]) -> None:
        # Imported here: a run in one process (one file, --jobs 1) never needs it (~5 ms).
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.func, self.options, self.state = func, options, state
        self.workers = [self.spawn() for _ in range(size)]

    def spawn(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(child, self.func, self.options), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def replace(self, worker: _Worker) -> None:
        _kill(worker)
        self.workers[self.workers.index(worker)] = self.spawn()

    def close(self) -> None:
        for worker in self.workers:
            _kill(worker)

    def feed(self, window_end: int) -> None:
        """Hand the next items to idle workers, never beyond ``window_end``."""
        state = self.state
        slot = 0
        while slot < len(self.workers):
            worker = self.workers[slot]
            if worker.index is not None:
                slot += 1
                continue
            if not state.queue and state.next_new < min(window_end, len(state.items)):
                state.queue.append(state.next_new)
                state.next_new += 1
            if not state.queue:
                return
            index = state.queue.pop(0)
            if _send(worker.conn, (index, state.items[index])):
                worker.index, worker.started = index, time.monotonic()
                slot += 1
            else:  # the worker died while idle (killed): not the item's fault; its successor takes it
                state.queue.insert(0, index)
                self.replace(worker)

    def collect(self) -> None:
        """Wait for a result, a death or a timeout, and deal with it."""
        from multiprocessing.connection import wait

        busy = [w for w in self.workers if w.index is not None]
        if not busy:  # nothing handed out (every worker was replaced): feed again, never wait on nothing
            return
        wait_for = self.wait_time(busy)
        ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], wait_for)
        for worker in busy:
            if worker.conn in ready:
                if not self.receive(worker):  # the pipe closed: the worker is gone
                    self.died(worker)
            elif worker.process.sentinel in ready:
                self.died(worker)
            elif self.over_budget(worker):
                self.timed_out(worker)

    def wait_time(self, busy: list[_Worker]) -> float | None:
        timeout = self.state.budget.timeout
        if timeout <= 0 or not busy:
            return None
        now = time.monotonic()
        return max(0.0, min(w.started + timeout - now for w in busy))

    def receive(self, worker: _Worker) -> bool:
        try:
            index, result = worker.conn.recv()
        except (EOFError, OSError):
            return False
        self.state.done[index] = result
        worker.index = None
        return True

    def died(self, worker: _Worker) -> None:
        state, index = self.state, worker.index
        assert index is not None
        state.tries[index] = state.tries.get(index, 0) + 1
        if state.tries[index] >= 2:
            state.done[index] = state.budget.lost(state.items[index])
        else:
            state.queue.insert(0, index)
        worker.index = None
        self.replace(worker)

    def over_budget(self, worker: _Worker) -> bool:
        timeout = self.state.budget.timeout
        return timeout > 0 and time.monotonic() - worker.started >= timeout

    def timed_out(self, worker: _Worker) -> None:
        index = worker.index
        assert index is not None
        self.state.done[index] = self.state.budget.timed_out(self.state.items[index])
        worker.index = None
        self.replace(worker)


def _send(conn: Connection, message: object) -> bool:
    """Send to a worker; False when it is gone.  SIGPIPE is held back meanwhile: the command
    line lets it end gaudit quietly on a closed stdout, and a worker's closed pipe must not."""
    blockable = all(hasattr(signal, name) for name in ("pthread_sigmask", "sigtimedwait", "SIGPIPE"))
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPIPE}) if blockable else None
    try:
        conn.send(message)
        return True
    except OSError:  # BrokenPipeError, ConnectionResetError
        return False
    finally:
        if previous is not None:
            with contextlib.suppress(OSError):
                signal.sigtimedwait({signal.SIGPIPE}, 0)  # the pending SIGPIPE of a failed send
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _kill(worker: _Worker) -> None:
    with contextlib.suppress(OSError):
        worker.conn.close()
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join(timeout=5)


def supervised_map(func: Callable[[Item, Any], Result], items: Sequence[Item], options: Any,
                   workers: int, budget: Budget[Item, Result]) -> Iterator[Result]:
    """``func(item, options)`` for every item, in ``workers`` supervised processes, in order.

    ``func`` must be a module-level function; items, options and results must pickle.
    """
    state: _State[Item, Result] = _State(items, budget)
    try:
        pool = _Pool(func, options, workers, state)
    except OSError:  # no process can be started here (a limit on processes): audit in this one
        yield from in_process_map(func, items, options, budget)
        return
    try:
        for index in range(len(items)):
            while index not in state.done:
                pool.feed(index + WINDOW * workers)
                pool.collect()
            yield state.done.pop(index)
    finally:
        pool.close()


class ItemTimeout(BaseException):
    """Raised in this process when an item runs past its budget (a ``BaseException``, so the
    per-file isolation that catches ``Exception`` does not swallow it)."""


def _on_alarm(signum: int, frame: object) -> None:
    raise ItemTimeout


def in_process_map(func: Callable[[Item, Any], Result], items: Sequence[Item], options: Any,
                   budget: Budget[Item, Result]) -> Iterator[Result]:
    """The same in this process: the time budget is a timer signal (where there is one), which
    stops Python code; a worker process is the stronger bound (it is killed)."""
    timed = budget.timeout > 0 and hasattr(signal, "setitimer") and _main_thread()
    previous = signal.signal(signal.SIGALRM, _on_alarm) if timed else None
    try:
        for item in items:
            if not timed:
                yield func(item, options)
                continue
            try:  # the outer try also catches an alarm that rings while the inner one ends
                try:
                    signal.setitimer(signal.ITIMER_REAL, budget.timeout)
                    result = func(item, options)
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            except ItemTimeout:
                result = budget.timed_out(item)
            yield result
    finally:
        if timed:
            signal.signal(signal.SIGALRM, previous)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()
