"""Drive one output writer over results as the CLI does: start, add each, finish with the summary."""

from __future__ import annotations

import io
from collections.abc import Iterable

from gaudit.findings import Severity
from gaudit.i18n import Bilingual
from gaudit.labels import column_label, row_label
from gaudit.model import (
    AuditedFile,
    FailedFile,
    FileError,
    FileResult,
    Finding,
    Hit,
    InputFormat,
    Position,
    ReportFacts,
    Script,
    TemplateName,
)
from gaudit.output import Format, OutputOptions, make_writer
from gaudit.summary import Summary


def render(fmt: Format, results: Iterable[FileResult], options: OutputOptions) -> str:
    """What ``--format fmt`` writes for ``results``."""
    stream = io.StringIO()
    writer = make_writer(fmt, stream, options)
    summary = Summary()
    writer.start()
    for result in results:
        summary.add(result)
        writer.add(result)
    writer.finish(summary)
    return stream.getvalue()


# --- results built by hand, as the audit makes them ------------------------------------------


def finding(rule: str, kind: str, severity: str, message: str, line: int, col: int,
            section: int | None = None, table: str | None = None, row: str | None = None,
            column: str | None = None, expected: int | float | None = None,
            actual: int | float | str | None = None, *, page: int | None = None,
            en: str | None = None) -> Finding:
    """A finding at ``line:col`` (on ``page`` of a paged file) worded ``message`` (``en`` in
    English, the same words when not given)."""
    hit = Hit(line, col, {}, section, table, row, column, expected, actual)
    # The engine stamps the template's labels of the cell concerned; so does this builder.
    row_words = row_label(table, "2021", row) if table and row else None
    column_words = column_label(table, "2021", row, column) if table and column else None
    return Finding(rule, kind, Severity(severity), Bilingual(message, message if en is None else en), hit,
                   Position(line, col, page), row_words, column_words)


def ok_file(path: str, encoding: str | None = "utf-8", confidence: float | None = None,
            script: Script = "simplified", year: int | None = None, template: TemplateName | None = None,
            findings: tuple[Finding, ...] = (), quoted_lines: dict[int, str] | None = None,
            fmt: InputFormat = InputFormat.TEXT, organ: str | None = None) -> AuditedFile:
    facts = ReportFacts(year=year, template=template, organ=organ)
    return AuditedFile(path, fmt, encoding, confidence, script, facts, (), {}, findings, quoted_lines or {})


def failed_file(path: str, kind: str, message: str, en: str | None = None) -> FailedFile:
    return FailedFile(path, FileError(kind, Bilingual(message, message if en is None else en)))
