"""Accepting known deviations: per-file ignores and a baseline of accepted findings.

A finding is identified apart from the line it stands on by :func:`finding_fingerprint`:
the file, the rule, the table cell and the text of the flagged line.  SARIF's
``partialFingerprints`` and the baseline file use this one function, so a line inserted
above a finding moves it without making it new in either.

The baseline file (``gaudit check --write-baseline accepted.json``) is JSON::

    {"schema": "gaudit.baseline/1",
     "findings": [{"path": "2023/a.txt", "rule": "cell-blank", "fingerprint": "…"}, …]}

Paths are relative to the folder the baseline was written from (the current folder), with
``/`` separators.  Identical findings on identical lines are counted, so a second copy of an
accepted defect is new.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from gaudit.i18n import Bilingual, UserError
from gaudit.model import AuditedFile, FileResult, Finding
from gaudit.os_reason import os_reason

__all__ = ["BASELINE_SCHEMA", "Acceptance", "Baseline", "BaselineError", "PerFileIgnore",
           "finding_fingerprint", "path_key"]

BASELINE_SCHEMA = "gaudit.baseline/1"


class BaselineError(UserError):
    """A baseline file that cannot be read or written."""


def finding_fingerprint(path: str, finding: Finding, line_text: str) -> str:
    """Hash of what identifies a finding apart from where its line now stands."""
    parts = (path, finding.rule, finding.row or "", finding.column or "", line_text.strip())
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


def path_key(path: str, base: str = ".") -> str:
    """``path`` relative to ``base`` with ``/`` separators (absolute when outside it)."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, os.path.abspath(base))
    except ValueError:  # another drive on Windows
        return absolute.replace(os.sep, "/")
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return absolute.replace(os.sep, "/")
    return relative.replace(os.sep, "/")


def _fingerprints(result: AuditedFile, base: str) -> list[tuple[Finding, str]]:
    key = path_key(result.path, base)
    return [(f, finding_fingerprint(key, f, result.quoted_lines.get(f.hit.line, "")))
            for f in result.findings]


@dataclass(frozen=True)
class PerFileIgnore:
    """``per-file-ignores``: a glob (relative to ``base``) and the rule ids or kinds it silences."""

    pattern: str
    names: frozenset[str]
    base: str = "."

    def matches(self, path: str) -> bool:
        key = path_key(path, self.base)
        if fnmatch.fnmatchcase(key, self.pattern):
            return True
        # A pattern without a folder part names files anywhere, as --exclude does.
        return "/" not in self.pattern and fnmatch.fnmatchcase(key.rsplit("/", 1)[-1], self.pattern)


@dataclass
class Baseline:
    """Accepted findings, counted by (path, rule, fingerprint)."""

    accepted: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    base: str = "."

    @classmethod
    def load(cls, path: Path, base: str = ".") -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise BaselineError(Bilingual(f"无法读取基线文件 {path}: ", f"cannot read the baseline file {path}: ")
                                + os_reason(exc)) from None
        except (ValueError, UnicodeDecodeError):
            raise BaselineError(Bilingual(f"基线文件 {path} 不是有效的 JSON",
                                          f"the baseline file {path} is not valid JSON")) from None
        items = data.get("findings") if isinstance(data, dict) else None
        if not (isinstance(data, dict) and data.get("schema") == BASELINE_SCHEMA
                and isinstance(items, list)):
            raise BaselineError(Bilingual(
                f"基线文件 {path} 不是 gaudit 基线(应为 {BASELINE_SCHEMA})",
                f"the baseline file {path} is not a gaudit baseline (expected {BASELINE_SCHEMA})"))
        accepted: Counter[tuple[str, str, str]] = Counter()
        for item in items:
            if isinstance(item, dict):
                accepted[(str(item.get("path")), str(item.get("rule")), str(item.get("fingerprint")))] += 1
        return cls(accepted, base)

    def new_findings(self, result: AuditedFile) -> tuple[Finding, ...]:
        """The findings of ``result`` the baseline does not accept."""
        left = Counter(self.accepted)
        key = path_key(result.path, self.base)
        new = []
        for finding, digest in _fingerprints(result, self.base):
            if left[(key, finding.rule, digest)] > 0:
                left[(key, finding.rule, digest)] -= 1
            else:
                new.append(finding)
        return tuple(new)


def baseline_entries(result: FileResult, base: str = ".") -> list[dict[str, str]]:
    """The baseline records of one file's findings."""
    if not isinstance(result, AuditedFile):
        return []
    key = path_key(result.path, base)
    return [{"path": key, "rule": f.rule, "fingerprint": digest}
            for f, digest in _fingerprints(result, base)]


def baseline_document(entries: Iterable[dict[str, str]]) -> str:
    """The text of a baseline file holding ``entries``."""
    records = sorted(entries, key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    return json.dumps({"schema": BASELINE_SCHEMA, "findings": records}, ensure_ascii=False, indent=1) + "\n"


@dataclass(frozen=True)
class Acceptance:
    """What a run accepts: per-file ignores, then a baseline."""

    ignores: Sequence[PerFileIgnore] = ()
    baseline: Baseline | None = None

    def __bool__(self) -> bool:
        return bool(self.ignores) or self.baseline is not None

    def apply(self, result: FileResult) -> FileResult:
        """``result`` without the findings accepted."""
        if not isinstance(result, AuditedFile) or not result.findings:
            return result
        silenced = frozenset().union(*(i.names for i in self.ignores if i.matches(result.path)))
        kept = tuple(f for f in result.findings if f.rule not in silenced and f.kind not in silenced)
        if self.baseline is not None:
            result = replace(result, findings=kept)
            kept = self.baseline.new_findings(result)
        return result if kept == result.findings else replace(result, findings=kept)


def per_file_ignores(raw: Mapping[str, Sequence[str]], base: str) -> list[PerFileIgnore]:
    return [PerFileIgnore(glob, frozenset(names), base) for glob, names in raw.items()]
