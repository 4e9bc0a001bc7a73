"""The types every writer shares: formats, options, the writer protocol.

Writers see only :class:`~gaudit.model.FileResult` objects and, for SARIF,
rule metadata.  Rule metadata is described here by the :class:`RuleInfo`
protocol so that this package never imports the rule loader.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from gaudit.findings import Severity
from gaudit.i18n import UserError

if TYPE_CHECKING:
    from gaudit.model import FileResult
    from gaudit.summary import Summary


class Format(str, Enum):
    """The values of ``--format``."""

    TERMINAL = "terminal"
    JSON = "json"
    JSONL = "jsonl"
    SARIF = "sarif"
    GITHUB = "github"
    JUNIT = "junit"
    CSV = "csv"
    CONCISE = "concise"
    HTML = "html"
    XLSX = "xlsx"


class ExtractFormat(str, Enum):
    """The values of ``extract --format``."""

    JSON = "json"
    CSV = "csv"
    TABLE = "table"
    XLSX = "xlsx"


#: Formats read by programs (UTF-8 on stdout whatever the locale; no colours).
MACHINE_FORMATS = frozenset({Format.JSON, Format.JSONL, Format.SARIF, Format.GITHUB, Format.JUNIT,
                             Format.CSV, Format.CONCISE, Format.HTML, ExtractFormat.JSON, ExtractFormat.CSV})


class RuleInfo(Protocol):
    """What a writer may know about a rule (satisfied by ``gaudit.rules.Rule``)."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def severity(self) -> Severity: ...

    @property
    def message(self) -> dict[str, str]: ...

    @property
    def description(self) -> str: ...

    @property
    def source(self) -> str: ...


@dataclass(frozen=True, kw_only=True)
class OutputOptions:
    """How to write: language, tool version, the rules in force, display switches."""

    lang: str = "zh"
    """``zh`` (default) or ``en`` for every label a writer adds."""
    tool_version: str
    """gaudit's version, named in the JSON and SARIF reports."""
    rules: Sequence[RuleInfo] = ()
    """Every rule in force, described in SARIF's ``tool.driver.rules``."""
    quiet: bool = False
    """Human formats: print only the summary (``-qq``)."""
    list_min_severity: str | None = None
    """Human formats: list only findings at or above this severity (``-q``: ``error``); the
    summary still counts every finding."""
    fail_on: str | None = "error"
    """The ``--fail-on`` severity (``None`` for ``never``): JUnit makes failures of the
    findings that fail the run and properties of the others."""
    statistics: bool = False
    """Human formats: add a per-rule count table."""
    color: bool | None = None
    """``None``: let rich decide (off when not a terminal or ``NO_COLOR`` is set)."""
    width: int | None = None
    """Terminal width; ``None`` lets rich measure it."""
    base_dir: str = "."
    """The folder SARIF artifact URIs are made relative to (``%SRCROOT%``)."""
    to_file: bool | None = None
    """The output goes to a file named by ``-o`` (not to stdout or a pipe): CSV then starts
    with a UTF-8 byte-order mark, so that Excel reads it as UTF-8.  ``None``: judged from the
    stream (a named file that is not stdout nor a terminal)."""
    output_path: str | None = None
    """The file named by ``-o``, if any: binary formats (XLSX) write there."""


#: Formats whose output is binary: they need ``-o FILE`` and refuse a terminal or a pipe.
BINARY_FORMATS = frozenset({Format.XLSX, ExtractFormat.XLSX})

#: ``check`` formats that show a report's tables and section outline, not only its findings.
DETAIL_FORMATS = frozenset({Format.HTML})


class OutputRefused(UserError):
    """The chosen format cannot be written to the chosen output (XLSX to stdout)."""


class Writer(Protocol):
    """One output format: ``start``, ``add`` once per file in path order, ``finish``."""

    def start(self) -> None: ...

    def add(self, result: FileResult) -> None: ...

    def finish(self, summary: Summary) -> None: ...
