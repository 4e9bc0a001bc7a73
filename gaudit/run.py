"""One run of gaudit over many files: audit, write, count, decide the exit code.

Shared by the command line and by Python callers, so that both see the same results, the same
``--fail-on`` threshold and the same exit code for the same files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from gaudit.audit import AuditOptions, Job, audit_many
from gaudit.exitcode import ExitCode
from gaudit.findings import Severity
from gaudit.model import FileResult
from gaudit.output.base import Writer
from gaudit.summary import Summary

__all__ = ["ExitCode", "RunOutcome", "run"]


@dataclass
class RunOutcome:
    """What a run found, counted as the files went by."""

    files: int
    summary: Summary = field(default_factory=Summary)
    failing: bool = False
    """A finding reached the ``fail_on`` severity."""

    @property
    def exit_code(self) -> ExitCode:
        if self.failing:
            return ExitCode.FINDINGS
        if self.summary.failed or not self.files:
            return ExitCode.UNREADABLE
        return ExitCode.OK


def reaches(result: FileResult, threshold: Severity | None) -> bool:
    """Whether any finding of ``result`` is at or above ``threshold`` (never for ``None``)."""
    return threshold is not None and any(f.severity.rank >= threshold.rank for f in result.findings)


def run(jobs: Sequence[Job], options: AuditOptions, writer: Writer, *, workers: int = 0,
        fail_on: Severity | None = Severity.ERROR,
        each: Callable[[FileResult], None] | None = None) -> RunOutcome:
    """Audit ``jobs`` (in ``workers`` processes), hand each result to ``writer`` in path order
    and to ``each`` (progress, debug output), and count them."""
    outcome = RunOutcome(len(jobs))
    writer.start()
    for result in audit_many(jobs, options, workers):
        outcome.summary.add(result)
        writer.add(result)
        outcome.failing = outcome.failing or reaches(result, fail_on)
        if each is not None:
            each(result)
    writer.finish(outcome.summary)
    return outcome
