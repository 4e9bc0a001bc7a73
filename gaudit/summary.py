"""Running totals over a stream of :class:`~gaudit.model.FileResult` objects.

A :class:`Summary` is fed one result at a time and keeps only counters, so
its memory stays flat however many files are audited.  Every writer ends with
it, and the JSON contract's ``summary`` object is :meth:`Summary.to_contract`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gaudit.model import FileResult


@dataclass
class Summary:
    """Counts of files and findings seen so far."""

    files: int = 0
    """Files audited or attempted (ok and error)."""
    failed: int = 0
    """Files with status ``error`` (could not be read at all)."""
    errors: int = 0
    """Findings of severity ``error``."""
    warnings: int = 0
    """Findings of severity ``warning``."""
    infos: int = 0
    """Findings of severity ``info``."""
    by_kind: dict[str, int] = field(default_factory=dict)
    """Finding kind -> number of findings."""
    by_rule: dict[str, int] = field(default_factory=dict)
    """Rule id -> number of findings."""
    clean: int = 0
    """Files read without any finding."""
    with_errors: int = 0
    """Files read with at least one finding of severity ``error``."""
    with_warnings: int = 0
    """Files read whose worst finding is a ``warning``."""
    with_infos: int = 0
    """Files read whose findings are all ``info``.

    Every file is in exactly one of ``clean``, ``with_errors``, ``with_warnings``,
    ``with_infos`` and ``failed``."""

    def add(self, result: FileResult) -> None:
        """Count one file's outcome."""
        self.files += 1
        if result.status == "error":
            self.failed += 1
            return
        if not result.findings:
            self.clean += 1
            return
        has_error = has_warning = False
        by_kind, by_rule = self.by_kind, self.by_rule
        for finding in result.findings:
            severity = finding.severity
            if severity == "error":
                self.errors += 1
                has_error = True
            elif severity == "warning":
                self.warnings += 1
                has_warning = True
            else:
                self.infos += 1
            by_kind[finding.kind] = by_kind.get(finding.kind, 0) + 1
            by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
        if has_error:
            self.with_errors += 1
        elif has_warning:
            self.with_warnings += 1
        else:
            self.with_infos += 1

    @property
    def findings(self) -> int:
        """All findings, whatever their severity."""
        return self.errors + self.warnings + self.infos

    def to_contract(self) -> dict[str, Any]:
        """The ``summary`` object of the ``gaudit.check/1`` JSON contract."""
        return {
            "files": self.files,
            "failed": self.failed,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
            "by_kind": dict(sorted(self.by_kind.items())),
            # Added compatibly: each file in exactly one of these and ``failed``.
            "clean": self.clean,
            "with_errors": self.with_errors,
            "with_warnings": self.with_warnings,
            "with_infos": self.with_infos,
        }
