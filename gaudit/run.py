"""One run of gaudit over many files: audit, write, count, decide the exit code.

Shared by the command line and by Python callers, so that both see the same results, the same
``--fail-on`` threshold and the same exit code for the same files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from gaudit.audit import AuditOptions, Job, audit_many
from gaudit.exitcode import ExitCode
from gaudit.findings import Severity
from gaudit.model import FileResult
from gaudit.output.base import Writer
from gaudit.summary import Summary

if TYPE_CHECKING:
    from gaudit.cross.passes import CrossSetup

__all__ = ["ExitCode", "RunOutcome", "reaches", "results", "run"]


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
        each: Callable[[FileResult], None] | None = None,
        cross: CrossSetup | None = None) -> RunOutcome:
    """Audit ``jobs`` (in ``workers`` processes), hand each result to ``writer`` in path order
    and to ``each`` (progress, debug output), and count them.  With ``cross``, the results
    wait for the cross-report pass (``each`` sees them as they are audited)."""
    outcome = RunOutcome(len(jobs))
    writer.start()
    found, tick = results(jobs, options, workers, each, cross)
    for result in found:
        outcome.summary.add(result)
        writer.add(result)
        outcome.failing = outcome.failing or reaches(result, fail_on)
        if tick is not None:
            tick(result)
    writer.finish(outcome.summary)
    return outcome


def results(jobs: Sequence[Job], options: AuditOptions, workers: int,
             each: Callable[[FileResult], None] | None,
             cross: CrossSetup | None) -> tuple[Iterator[FileResult], Callable[[FileResult], None] | None]:
    """The results in path order, and who sees each as it is written (with a cross-report
    pass, ``each`` sees them earlier, as they are audited)."""
    if cross is None:
        return audit_many(jobs, options, workers), each
    from gaudit.cross.passes import audit_with_cross

    return audit_with_cross(jobs, options, workers, cross, each), None
