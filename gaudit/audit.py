"""Audit files: one file in, one :class:`~gaudit.model.FileResult` out, never an exception.

Reading, decoding, extraction and the rules run inside :func:`audit_input`,
which turns every failure into that file's ``status: error`` so that one bad
file never stops the audit of the others.  :func:`audit_many` runs it over
many files, in a process pool when asked, and yields results in input order
(inputs arrive sorted by path) so that the output is identical for any
number of workers.
"""

from __future__ import annotations

import os
import stat
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from gaudit.decode import BinaryFileError
from gaudit.discover import Input, problem_message
from gaudit.document import document_of
from gaudit.engine import run_rules
from gaudit.i18n import Bilingual, UserError
from gaudit.model import AuditedFile, Document, FailedFile, FileError, FileResult
from gaudit.pool import Budget, in_process_map, supervised_map
from gaudit.sources import Limits, SourceError, read_source

if TYPE_CHECKING:
    from gaudit.cross.record import RecordSpec
    from gaudit.rules import Rule

T = TypeVar("T")

#: Seconds one file may take by default (``--timeout``).
DEFAULT_TIMEOUT = 30.0

#: Lines quoted before and after the line a finding points at.
QUOTE_CONTEXT = 2

#: Most worker processes a run starts, whatever ``--jobs`` says.
MAX_WORKERS = 64


@dataclass(frozen=True)
class AuditOptions:
    rules: tuple[Rule, ...] = ()
    encoding: str | None = None
    """Decode every file with this codec instead of detecting."""
    max_size: int = 20 * 1024 * 1024
    debug: bool = False
    timeout: float = DEFAULT_TIMEOUT
    """Seconds one file may take to read and audit; ``0`` for no limit."""
    record: RecordSpec | None = None
    """When set, each audited file also carries its compact cross-report record."""
    detail: bool = True
    """Results carry the report's section outline and tables.  Off when nothing downstream
    shows them (most ``check`` formats): the worker then sends, and a cross-report pass
    holds, findings and facts only, which is most of the cost of passing a result on."""


class InputError(UserError):
    """A file that cannot be audited at all; becomes ``status: error``."""

    def __init__(self, kind: str, zh: str, en: str) -> None:
        super().__init__(Bilingual(zh, en))
        self.kind = kind

    def file_error(self) -> FileError:
        return FileError(self.kind, self.message)


@dataclass(frozen=True)
class Job:
    input: Input
    data: bytes | None = None
    """The bytes of standard input, read up front; None for files."""


def _size_text(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} B"


def read_bytes(job: Job, max_size: int) -> bytes:
    """The file's bytes, read-only, refusing what cannot or should not be read."""
    inp = job.input
    if job.data is not None or inp.fs_path is None:
        data = job.data or b""
        if len(data) > max_size:
            raise InputError("too-large", f"标准输入超过大小上限 {_size_text(max_size)}",
                             f"standard input is larger than the limit of {_size_text(max_size)}")
        return data
    if inp.problem is not None:  # known from discovery: never opened (a FIFO would block)
        message = problem_message(inp.problem)
        raise InputError("unreadable", message.zh, message.en)
    try:
        return _read_regular_file(inp.fs_path, max_size)
    except PermissionError:
        raise InputError("unreadable", "没有读取权限", "permission denied") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError("unreadable", f"无法读取文件: {reason}",
                         f"cannot read the file: {reason}") from None


def _read_regular_file(path: str, max_size: int) -> bytes:
    # Non-blocking, and checked on the open file: a file swapped for a FIFO or a device
    # after discovery is refused, never waited on or read without end.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as fh:  # read-only: gaudit never writes to a report
        st = os.fstat(fh.fileno())
        if stat.S_ISDIR(st.st_mode):
            raise InputError("unreadable", "这是一个文件夹, 不是文件", "is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):
            message = problem_message("not-a-regular-file")
            raise InputError("unreadable", message.zh, message.en)
        if st.st_size > max_size:
            raise InputError(
                "too-large",
                f"文件大小 {_size_text(st.st_size)} 超过上限 {_size_text(max_size)}(可用 --max-size 调整)",
                f"file is {_size_text(st.st_size)}, over the limit of {_size_text(max_size)}"
                " (see --max-size)",
            )
        data = fh.read(max_size + 1)
    if len(data) > max_size:  # the file grew while we read it
        raise InputError("too-large", f"文件超过大小上限 {_size_text(max_size)}",
                         f"file is over the limit of {_size_text(max_size)}")
    return data


def load_document(job: Job, options: AuditOptions) -> Document:
    """Read and understand one file; raises :class:`InputError` for unusable input."""
    data = read_bytes(job, options.max_size)
    if not data:
        raise InputError("empty", "文件为空, 没有可审查的内容", "the file is empty")
    try:
        extracted = read_source(data, options.encoding, name=job.input.display,
                                limits=Limits(max_size=options.max_size))
    except BinaryFileError as exc:
        raise InputError("binary", str(exc), exc.message_en) from None
    except SourceError as exc:
        raise InputError(exc.kind, exc.message.zh, exc.message.en) from None
    # Refused before any reading stage runs: a file of ten million blank lines would otherwise
    # be split into lines, searched for sections and cut into (empty) cells.
    if extracted.condition == "text" and (not extracted.display or extracted.display.isspace()):
        raise InputError("empty", "文件只有空白, 没有可审查的内容",
                         "the file holds only white space")
    return document_of(extracted, job.input.display)


def _internal_error(exc: BaseException) -> FileError:
    name = type(exc).__name__
    return FileError("internal", Bilingual(
        f"审查此文件时发生内部错误({name}: {exc}),请报告此问题",
        f"internal error while auditing this file ({name}: {exc}); please report it"))


def audit_document(doc: Document, options: AuditOptions) -> AuditedFile:
    """Run the rules over an understood document."""
    findings = tuple(run_rules(doc, options.rules))
    # Each finding's line and the lines around it: the context a reviewer reads it in.
    around = {n for f in findings for n in range(f.hit.line - QUOTE_CONTEXT, f.hit.line + QUOTE_CONTEXT + 1)}
    last = len(doc.source.line_starts)
    quoted = {n: doc.source.line(n) for n in sorted(around) if 1 <= n <= last}
    return AuditedFile(
        path=doc.path,
        format=doc.format,
        encoding=doc.encoding or None,
        confidence=doc.confidence,
        script=doc.script,
        facts=doc.facts,
        sections=doc.sections if options.detail else (),
        tables=doc.tables if options.detail else {},
        findings=findings,
        quoted_lines=quoted,
        record=None if options.record is None else options.record.make(doc),
    )


def audit_input(job: Job, options: AuditOptions) -> FileResult:
    """Audit one file; every failure becomes that file's ``status: error``."""
    try:
        return audit_document(load_document(job, options), options)
    except InputError as exc:
        return FailedFile(job.input.display, exc.file_error())
    except Exception as exc:  # isolation: a bug on one file must not stop the others
        return FailedFile(job.input.display, _internal_error(exc),
                          debug=traceback.format_exc() if options.debug else None)


# ------------------------------------------------------------------ parallel runs
def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _timed_out(job: Job) -> FileResult:
    return FailedFile(job.input.display, FileError("timeout", Bilingual(
        "读取此文件超过时间上限, 已停止(可用 --timeout 调整)",
        "reading this file took longer than the time limit and was stopped (see --timeout)")))


def _lost(job: Job) -> FileResult:
    return FailedFile(job.input.display, FileError("internal", Bilingual(
        "读取此文件时工作进程两次意外退出(可能内存不足), 请报告此问题",
        "the worker process died twice while reading this file (out of memory?); please report it")))


def run_jobs(func: Callable[[Job, Any], T], jobs: Sequence[Job], options: Any, workers: int,
             timeout: float = 0) -> Iterator[T | FileResult]:
    """``func(job, options)`` for every job, in order, in ``workers`` supervised processes,
    each file within ``timeout`` seconds (``0``: no limit).

    ``func`` must be a module-level function (it is pickled by reference).  With one worker,
    or too few files to pay for starting processes, it runs in this process.
    """
    # Never more workers than files (each would only cost a fork), nor than a sane cap.
    workers = min(workers or default_jobs(), len(jobs), MAX_WORKERS)
    budget: Budget[Job, T | FileResult] = Budget(timeout, _timed_out, _lost)
    if workers <= 1 or len(jobs) < 4:
        return in_process_map(func, jobs, options, budget)
    return supervised_map(func, jobs, options, workers, budget)


def audit_many(jobs: Iterable[Job], options: AuditOptions, workers: int = 0) -> Iterator[FileResult]:
    """Audit every job, yielding results in the jobs' order."""
    return run_jobs(audit_input, list(jobs), options, workers, options.timeout)
