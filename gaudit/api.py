"""The Python API behind ``import gaudit``: check, extract, rules, plain dicts and frames.

The command line is built on these functions: ``gaudit check`` plans a run with
:func:`plan` and writes the results of :meth:`CheckRun.stream`, so a script sees the same
files, findings, summary and exit code as the CLI for the same settings.  Everything here is
imported on first use of ``gaudit.check`` and friends (see ``gaudit/__init__.py``).
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gaudit.audit import DEFAULT_TIMEOUT, AuditOptions, Job, audit_input
from gaudit.baseline import Acceptance, Baseline, per_file_ignores
from gaudit.cross.passes import CrossSetup
from gaudit.cross.setup import setup_from_settings
from gaudit.discover import discover
from gaudit.exitcode import ExitCode
from gaudit.findings import Severity
from gaudit.i18n import Bilingual, UserError
from gaudit.model import AuditedFile, FileResult, Table
from gaudit.run import reaches, results
from gaudit.settings import Settings, load_settings, parse_severity_option
from gaudit.summary import Summary

if TYPE_CHECKING:
    from gaudit.rules import Rule

__all__ = ["CheckRun", "FileUnreadable", "Plan", "check", "extract", "plan", "rules", "to_dict",
           "to_frame"]

#: Codecs Python knows that cannot decode a report's text (labels for host names, a codec
#: that refuses everything).
_NOT_TEXT_CODECS = frozenset({"idna", "punycode", "undefined"})


class FileUnreadable(UserError):
    """:func:`extract` could not read the file; ``kind`` says why (``binary``, ``empty`` …)."""

    def __init__(self, kind: str, message: Bilingual) -> None:
        super().__init__(message)
        self.kind = kind


def text_encoding(name: str) -> str:
    """The canonical name of a codec that can decode reports; :class:`UserError` otherwise."""
    from gaudit.decode import UnknownEncodingError, check_encoding_name

    try:
        canonical = check_encoding_name(name)
    except UnknownEncodingError as exc:
        raise UserError(Bilingual(str(exc), exc.message_en)) from None
    info = codecs.lookup(canonical)
    if info.name in _NOT_TEXT_CODECS or not getattr(info, "_is_text_encoding", True):
        raise UserError(Bilingual(f"{name!r} 不是文本编码, 不能用于解码报告",
                                  f"{name!r} is not a text encoding: it cannot decode a report"))
    return canonical


@dataclass
class Plan:
    """Everything a run needs, decided before the first file is read."""

    jobs: list[Job]
    options: AuditOptions
    settings: Settings
    acceptance: Acceptance = field(default_factory=Acceptance)
    notes: list[Bilingual] = field(default_factory=list)
    """What the user should know before the run (a folder with no matching file)."""
    cross: CrossSetup | None = None
    """The cross-report pass (None: no cross rule selected, or ``cross: false``)."""

    @property
    def fail_on(self) -> Severity | None:
        return None if self.settings.fail_on == "never" else Severity(self.settings.fail_on)


def load_rule_set(settings: Settings) -> list[Rule]:
    """The rules in force under ``settings`` (built-in, ``rules`` files, select/ignore/severity)."""
    from gaudit.rule_config import configure
    from gaudit.rules import load_rules

    loaded = load_rules([Path(p) for p in settings.rules])
    return configure(loaded, select=settings.select, ignore=settings.ignore, severities=settings.severity)


def plan(paths: Sequence[str], settings: Settings, *, rule_set: Sequence[Rule] | None = None,
         encoding: str | None = None, debug: bool = False, stdin_name: str = "<stdin>",
         force_exclude: bool = False, baseline: str | Path | None = None,
         timeout: float = DEFAULT_TIMEOUT, warn: Callable[[Bilingual], None] | None = None) -> Plan:
    """Find the files, load the rules and the accepted findings; raises :class:`UserError`.

    ``warn`` hears what the cross-report pass has to say while it runs (an organ of the
    hierarchy with no report); without it, those words join the plan's ``notes``."""
    if rule_set is None:
        rule_set = load_rule_set(settings)
    if encoding:
        encoding = text_encoding(encoding)
    options = AuditOptions(rules=tuple(rule_set), encoding=encoding, max_size=settings.max_size, debug=debug,
                           timeout=timeout)
    found = discover(list(paths), tuple(settings.include), tuple(settings.exclude), stdin_name,
                     force_exclude=force_exclude)
    globs = ", ".join(settings.include)
    notes = [Bilingual(f"文件夹 {folder} 中没有匹配 {globs} 的文件", f"no file matching {globs} under {folder}")
             for folder in found.empty_folders]
    jobs = [Job(inp, sys.stdin.buffer.read() if inp.fs_path is None else None) for inp in found.inputs]
    ignores: list[Any] = []
    for glob, names, base in settings.per_file_ignores:
        ignores += per_file_ignores({glob: names}, base)
    accepted = Baseline.load(Path(baseline)) if baseline is not None else None
    cross = setup_from_settings(settings, rule_set, warn if warn is not None else notes.append)
    return Plan(jobs, options, settings, Acceptance(tuple(ignores), accepted), notes, cross)


class CheckRun:
    """The results of :func:`check`: iterate for per-file results, then read :attr:`summary`.

    Files are audited as the iteration asks for them (in ``jobs`` processes).  Iterating
    again replays the results kept so far and goes on where a loop left off;
    :meth:`stream` does not keep them.
    """

    def __init__(self, planned: Plan) -> None:
        self.plan = planned
        self.summary = Summary()
        self.failing = False
        self._kept: list[FileResult] = []
        self._source: Iterator[FileResult] | None = None

    @property
    def files(self) -> list[str]:
        """The paths that are (or will be) audited, in output order."""
        return [job.input.display for job in self.plan.jobs]

    def stream(self, each: Callable[[FileResult], None] | None = None) -> Iterator[FileResult]:
        """Audit every file once, yielding results in path order without keeping them; ``each``
        sees every result as soon as it is audited (before the cross-report pass, if any)."""
        threshold = self.plan.fail_on
        acceptance = self.plan.acceptance
        found, tick = results(self.plan.jobs, self.plan.options, self.plan.settings.jobs, each, self.plan.cross)
        for result in found:
            if tick is not None:
                tick(result)
            if acceptance:
                result = acceptance.apply(result)
            self.summary.add(result)
            if reaches(result, threshold):
                self.failing = True
            yield result

    def __iter__(self) -> Iterator[FileResult]:
        # Results already audited are replayed; a loop left early is resumed where it stopped.
        if self._source is None:
            self._source = self.stream()
        index = 0
        while True:
            if index < len(self._kept):
                yield self._kept[index]
                index += 1
                continue
            result = next(self._source, None)
            if result is None:
                return
            self._kept.append(result)

    @property
    def exit_code(self) -> ExitCode:
        """What ``gaudit check`` would exit with (meaningful once iterated)."""
        if self.failing:
            return ExitCode.FINDINGS
        if self.summary.failed or not self.plan.jobs:
            return ExitCode.UNREADABLE
        return ExitCode.OK

    def to_dicts(self, lang: str = "zh") -> list[dict[str, Any]]:
        """Every file as a ``gaudit.check/1`` file object."""
        return [to_dict(r, lang) for r in self]


def _settings(values: Mapping[str, Any], config: str | Path | None) -> Settings:
    cli = {k: v for k, v in values.items() if v is not None}
    for key in ("select", "ignore", "include", "exclude"):
        if isinstance(cli.get(key), str):
            cli[key] = [p.strip() for p in cli[key].split(",") if p.strip()]
    if isinstance(cli.get("severity"), (list, tuple)):
        cli["severity"] = parse_severity_option(list(cli["severity"]))
    if isinstance(cli.get("rules"), (str, Path)):
        cli["rules"] = [cli["rules"]]
    if "rules" in cli:
        cli["rules"] = [str(p) for p in cli["rules"]]
    return load_settings(cli, config=Path(config) if config is not None else None)


def check(paths: str | Path | Iterable[str | Path], *, config: str | Path | None = None,
          encoding: str | None = None, baseline: str | Path | None = None,
          force_exclude: bool = False, stdin_filename: str = "<stdin>",
          **settings: Any) -> CheckRun:
    """Audit reports as ``gaudit check`` does and return the (lazy) results.

    ``settings`` are the configuration keys with ``_`` for ``-``: ``select``, ``ignore``,
    ``severity`` (``{"section-order": "off"}``), ``fail_on``, ``lang``, ``include``,
    ``exclude``, ``jobs``, ``max_size``, ``rules``, ``per_file_ignores``.  They override
    the ``.gaudit.yaml`` found from the current folder (or ``config``).  Raises
    :class:`gaudit.UserError` for settings, rules or a baseline that cannot be used.
    """
    given = [str(paths)] if isinstance(paths, (str, Path)) else [str(p) for p in paths]
    chosen = _settings(settings, config)
    return CheckRun(plan(given, chosen, encoding=encoding, force_exclude=force_exclude,
                         stdin_name=stdin_filename, baseline=baseline))


def extract(path: str | Path, *, encoding: str | None = None,
            max_size: int | str | None = None) -> Mapping[str, Table]:
    """The statutory tables of one report (``active``, ``applications``, ``reviews``).

    Raises :class:`FileUnreadable` when the file cannot be read as a report's text."""
    from gaudit.discover import Input, display_name

    chosen = _settings({"max_size": max_size}, None)
    options = AuditOptions(encoding=text_encoding(encoding) if encoding else None,
                           max_size=chosen.max_size)
    text = str(path)
    result = audit_input(Job(Input(display_name(text), text)), options)
    if not isinstance(result, AuditedFile):
        raise FileUnreadable(result.error.kind, result.error.message)
    return result.tables


def rules(extra: Iterable[str | Path] = ()) -> list[Rule]:
    """Every rule: the built-in ones, then those of ``extra`` rule files or folders."""
    from gaudit.rules import load_rules

    return load_rules([Path(p) for p in extra])


def to_dict(result: FileResult, lang: str = "zh") -> dict[str, Any]:
    """One file as a ``gaudit.check/1`` file object (the JSON contract's shape)."""
    from gaudit.output.contract import file_to_contract

    return file_to_contract(result, lang)


FRAME_COLUMNS = ("path", "organ", "organ_level", "year", "template", "table", "row", "column",
                 "row_label", "column_label", "value", "raw")


def frame_rows(results: Iterable[FileResult], lang: str = "zh") -> Iterator[dict[str, Any]]:
    """One dict per table cell of every audited file (what :func:`to_frame` tabulates):
    ``value`` is the number (``None`` when blank or not a number), ``raw`` the cell's text."""
    from gaudit.labels import TABLE_KEYS, column_label, row_label

    for result in results:
        if not isinstance(result, AuditedFile):
            continue
        facts = result.facts
        for key in TABLE_KEYS:
            table = result.tables.get(key)
            if table is None:
                continue
            for row_key, row in table.rows.items():
                for column, cell in row.cells.items():
                    yield {"path": result.path, "organ": facts.organ, "organ_level": facts.organ_level,
                           "year": facts.year, "template": table.template, "table": key,
                           "row": row_key, "column": column,
                           "row_label": row_label(key, table.template, row_key).get(lang),
                           "column_label": column_label(key, table.template, row_key, column).get(lang),
                           # Numbers only, so a column of values sums; the text of a cell
                           # that is not a number stays in ``raw``.
                           "value": cell.value if isinstance(cell.value, (int, float)) else None,
                           "raw": cell.raw}


def to_frame(results: Iterable[FileResult], lang: str = "zh") -> Any:
    """A pandas DataFrame with one row per table cell (needs pandas installed)."""
    import importlib

    try:
        pd = importlib.import_module("pandas")
    except ImportError:
        raise UserError(Bilingual("gaudit.to_frame 需要 pandas(pip install pandas)",
                                  "gaudit.to_frame needs pandas (pip install pandas)")) from None
    return pd.DataFrame(list(frame_rows(results, lang)), columns=list(FRAME_COLUMNS))
