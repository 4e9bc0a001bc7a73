"""The run with a second, cross-report pass: audit and spool, compare records, replay in order.

First pass: every file is audited in the process pool as usual; its worker also makes the
compact record (:class:`~gaudit.cross.record.Record`).  The parent keeps the record, takes
it off the result and pickles the result to an anonymous temporary file, so memory holds
records only, never the audited files.  ``--previous`` reports are read for their records
alone (no rules run on them).  Second pass: the records are grouped
(:class:`~gaudit.cross.corpus.Corpus`) and each cross rule compares them.  Then the spooled
results are replayed in path order with their cross findings merged in (sorted with the
file's other findings), so writers see what they always see, for any number of workers.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import IO, TYPE_CHECKING, Any

from gaudit.audit import AuditOptions, Job, audit_input, audit_many, run_jobs
from gaudit.cross.config import OrganMapping
from gaudit.cross.corpus import Corpus
from gaudit.cross.record import Record, RecordSpec
from gaudit.cross.stamp import cross_findings
from gaudit.findings import GATE_KINDS
from gaudit.i18n import Bilingual
from gaudit.model import AuditedFile, FileResult, Finding

if TYPE_CHECKING:
    from gaudit.rules import Rule

__all__ = ["CrossSetup", "audit_with_cross", "record_only"]


@dataclass
class CrossSetup:
    """Everything the second pass needs beyond the per-file options."""

    rules: Sequence[Rule]
    spec: RecordSpec
    previous: Sequence[Job] = ()
    hierarchy: dict[str, list[str]] = field(default_factory=dict)
    organs: Sequence[OrganMapping] = ()
    warn: Callable[[Bilingual], None] | None = None


def record_only(job: Job, options: AuditOptions) -> Record | None:
    """The record of a ``--previous`` report (run in a worker; its findings are not wanted)."""
    result = audit_input(job, options)
    if isinstance(result, AuditedFile) and isinstance(result.record, Record):
        return result.record
    return None


def _mapped(path: str, organ: str | None, year: int | None,
            organs: Sequence[OrganMapping]) -> tuple[str | None, int | None]:
    """Organ and year of ``path`` with the configured mapping applied (the first matching entry wins)."""
    for entry in organs:
        if entry.matches(path):
            return entry.organ or organ, entry.year or year
    return organ, year


def _remap(record: Record, organs: Sequence[OrganMapping]) -> Record:
    record.organ, record.year = _mapped(record.path, record.organ, record.year, organs)
    return record


def _first_pass(jobs: Sequence[Job], options: AuditOptions, workers: int, setup: CrossSetup,
                spool: IO[bytes], each: Callable[[FileResult], None] | None) -> list[Record]:
    records: list[Record] = []
    for result in audit_many(jobs, options, workers):
        if isinstance(result, AuditedFile):
            record = result.record if isinstance(result.record, Record) else Record(result.path, None, None, None)
            if any(f.kind in GATE_KINDS for f in result.findings):
                # Not a report, or no readable text: nothing of it to compare with other reports.
                record = Record(result.path, None, None, None)
            records.append(_remap(record, setup.organs))
            result = replace(result, record=None)
        else:
            records.append(Record(result.path, None, None, None))
        pickle.dump(result, spool, protocol=pickle.HIGHEST_PROTOCOL)
        if each is not None:
            each(result)
    return records


def _merge(result: FileResult, found: list[Finding], organs: Sequence[OrganMapping]) -> FileResult:
    if not isinstance(result, AuditedFile):
        return result
    if organs:
        organ, year = _mapped(result.path, result.facts.organ, result.facts.year, organs)
        if (organ, year) != (result.facts.organ, result.facts.year):
            result = replace(result, facts=replace(result.facts, organ=organ, year=year))
    if not found:
        return result
    findings = sorted((*result.findings, *found), key=lambda f: (f.hit.line, f.hit.col, f.rule))
    return replace(result, findings=tuple(findings))


def audit_with_cross(jobs: Sequence[Job], options: AuditOptions, workers: int, setup: CrossSetup,
                     each: Callable[[FileResult], None] | None = None) -> Iterator[FileResult]:
    """Every job's result in path order, cross-report findings included; ``each`` sees each
    result as the first pass audits it."""
    options = replace(options, record=setup.spec)
    with tempfile.TemporaryFile(prefix="gaudit-") as spool:
        records = _first_pass(jobs, options, workers, setup, spool, each)
        audited = len(records)
        if setup.previous:
            quiet = replace(options, rules=())
            for record in run_jobs(record_only, list(setup.previous), quiet, workers):
                if isinstance(record, Record):
                    record.previous = True
                    records.append(_remap(record, setup.organs))
        corpus = Corpus(records, audited, setup.spec, setup.hierarchy)
        found = cross_findings(corpus, setup.rules)
        if setup.warn is not None:
            for warning in corpus.warnings:
                setup.warn(warning)
        del corpus, records
        spool.seek(0)
        for i in range(audited):
            result: Any = pickle.load(spool)
            yield _merge(result, found.pop(i, []), setup.organs)
