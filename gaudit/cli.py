"""The command line: options -> settings -> audit -> writer -> exit code.

Only typer lives here; every decision is taken by the modules it calls.  Heavy
modules (rich, yaml, chardet, opencc) are imported inside the commands so that
``gaudit --version`` and a single-file ``check`` start quickly.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from gaudit import __version__
from gaudit.exitcode import ExitCode
from gaudit.i18n import Bilingual, as_lang
from gaudit.model import FailedFile, FileResult
from gaudit.output.base import ExtractFormat, Format

if TYPE_CHECKING:
    from gaudit.audit import AuditOptions, Job
    from gaudit.cross.passes import CrossSetup
    from gaudit.rules import Rule
    from gaudit.settings import Settings

EXIT_USAGE = int(ExitCode.USAGE)
FORMATS = tuple(f.value for f in Format)
EXTRACT_FORMATS = tuple(f.value for f in ExtractFormat)

app = typer.Typer(
    name="gaudit",
    help="审查政府信息公开工作年度报告 / Audit Chinese government information-disclosure "
    "annual reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"gaudit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool | None,
        typer.Option("--version", "-V", callback=_version, is_eager=True,
                     help="Print the version and exit."),
    ] = None,
) -> None:
    """gaudit: six sections, three tables, totals that must agree."""


def _fail(message: Bilingual, lang: str, code: int = EXIT_USAGE) -> NoReturn:
    """Say what is wrong, in the user's language, and stop."""
    print(f"gaudit: {message.get(lang)}", file=sys.stderr)
    raise typer.Exit(code)


def _split(values: list[str] | None) -> list[str]:
    """Repeatable options also accept comma-separated lists."""
    out: list[str] = []
    for v in values or []:
        out += [p.strip() for p in v.split(",") if p.strip()]
    return out


# ------------------------------------------------------------------ shared options
Paths = Annotated[list[str], typer.Argument(help="Report files or folders; '-' reads stdin.")]
IncludeOpt = Annotated[list[str] | None, typer.Option(
    "--include", help="Glob of files to audit inside folders (default *.txt, *.htm, *.html).")]
ExcludeOpt = Annotated[list[str] | None, typer.Option(
    "--exclude", help="Glob of files to skip inside folders.")]
EncodingOpt = Annotated[str | None, typer.Option(
    "--encoding", help="Decode every file with this codec instead of detecting it.")]
StdinNameOpt = Annotated[str, typer.Option(
    "--stdin-filename", help="The name to show for '-' (standard input).")]
JobsOpt = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=0, help="Worker processes (default: number of CPUs; 1 = in-process).")]
MaxSizeOpt = Annotated[str | None, typer.Option(
    "--max-size", help="Refuse files larger than this (default 20MB).")]
LangOpt = Annotated[str | None, typer.Option(
    "--lang", help="Message language: zh (default) or en; also GAUDIT_LANG.")]
OutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Write the report to this file instead of stdout.")]
ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", help="Use this config file instead of searching for .gaudit.yaml.")]
RulesOpt = Annotated[list[Path] | None, typer.Option(
    "--rules", help="Extra rule file or folder (repeatable); same id replaces a built-in.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")]
ForceExcludeOpt = Annotated[bool, typer.Option(
    "--force-exclude", help="Apply --exclude to files named on the command line too (pre-commit).")]


def _early_lang(lang: str | None) -> str:
    """The language of errors met before the settings are read: --lang, then GAUDIT_LANG."""
    return as_lang(lang or os.environ.get("GAUDIT_LANG", "zh"))


def _settings(cli: dict[str, Any], config: Path | None) -> Settings:
    from gaudit.settings import SettingsError, load_settings, parse_severity_option, parse_size

    lang = _early_lang(cli.get("lang"))
    try:
        if isinstance(cli.get("severity"), list):
            cli["severity"] = parse_severity_option(cli["severity"])
        if cli.get("max_size") is not None:
            cli["max_size"] = parse_size(cli["max_size"])
        settings = load_settings(cli, config=config)
    except SettingsError as exc:
        _fail(exc.message, lang)
    for warning in settings.warnings:
        print(f"gaudit: {warning.get(settings.lang)}", file=sys.stderr)
    return settings


_RULE_FILE_ERROR = Bilingual("规则文件错误: ", "invalid rule file: ")


def _unknown_format(fmt: str, known: tuple[str, ...]) -> Bilingual:
    return Bilingual(f"未知输出格式 {fmt!r}(可用: {', '.join(known)})",
                     f"unknown output format {fmt!r} (available: {', '.join(known)})")


def _load_rules(settings: Settings) -> list[Rule]:
    from gaudit.rules import RuleFileError, configure, load_rules

    try:
        rules = load_rules([Path(p) for p in settings.rules])
        return configure(rules, select=settings.select, ignore=settings.ignore,
                         severities=settings.severity)
    except RuleFileError as exc:
        _fail(_RULE_FILE_ERROR + exc.message, settings.lang)
    except (ValueError, OSError) as exc:
        _fail(Bilingual(f"无法读取规则: {exc}", f"cannot read the rules: {exc}"), settings.lang)


def _jobs(paths: list[str], settings: Settings, stdin_name: str, force_exclude: bool = False) -> list[Job]:
    from gaudit.audit import Job
    from gaudit.discover import discover

    found = discover(paths, tuple(settings.include), tuple(settings.exclude), stdin_name,
                     force_exclude=force_exclude)
    for folder in found.empty_folders:
        globs = ", ".join(settings.include)
        msg = Bilingual(f"文件夹 {folder} 中没有匹配 {globs} 的文件", f"no file matching {globs} under {folder}")
        print(f"gaudit: {msg.get(settings.lang)}", file=sys.stderr)
    jobs = []
    for inp in found.inputs:
        data = sys.stdin.buffer.read() if inp.fs_path is None else None
        jobs.append(Job(inp, data))
    return jobs


def _options(settings: Settings, rules: list[Rule], encoding: str | None,
             debug: bool) -> AuditOptions:
    from gaudit.audit import AuditOptions

    if encoding:
        from gaudit.decode import UnknownEncodingError, check_encoding_name

        try:
            encoding = check_encoding_name(encoding)
        except UnknownEncodingError as exc:
            _fail(Bilingual(str(exc), exc.message_en), settings.lang)
    return AuditOptions(rules=tuple(rules), encoding=encoding,
                        max_size=settings.max_size, debug=debug)


def _open_output(path: Path | None, machine: bool, lang: str) -> Any:
    if path is None:
        if machine:
            sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        else:
            sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
        return sys.stdout
    try:
        return path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        _fail(Bilingual(f"无法写入输出文件 {path}: {exc.strerror}",
                        f"cannot write the output file {path}: {exc.strerror}"), lang)


def _progress_wanted(n: int) -> bool:
    """A progress bar on stderr only for many files on a terminal, never in pipes or CI."""
    if n <= 8 or os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS"):
        return False
    return sys.stderr.isatty()


@app.command()
def check(
    paths: Paths,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help=f"Output format: {', '.join(FORMATS)}. Default: terminal on a "
        "terminal, github under GitHub Actions, concise otherwise.")] = None,
    output: OutputOpt = None,
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", help="Exit 1 on findings at or above: error (default), warning, info, never."
    )] = None,
    rules: RulesOpt = None,
    select: Annotated[list[str] | None, typer.Option(
        "--select", help="Only these rule ids or kinds (repeatable, comma-separated).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", help="Skip these rule ids or kinds (repeatable, comma-separated).")] = None,
    severity: Annotated[list[str] | None, typer.Option(
        "--severity", help="Override a rule's or kind's severity: ID=error|warning|info|off.")
    ] = None,
    lang: LangOpt = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    encoding: EncodingOpt = None,
    stdin_filename: StdinNameOpt = "<stdin>",
    jobs: JobsOpt = None,
    max_size: MaxSizeOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary.")] = False,
    statistics: Annotated[bool, typer.Option(
        "--statistics", help="Print how many findings each rule produced.")] = False,
    color: Annotated[bool | None, typer.Option(
        "--color/--no-color", help="Force colour on or off (default: auto).")] = None,
    config: ConfigOpt = None,
    debug: DebugOpt = False,
    force_exclude: ForceExcludeOpt = False,
    previous: Annotated[list[str] | None, typer.Option(
        "--previous", help="Earlier reports (folder or file, repeatable) compared with, not audited.")] = None,
    hierarchy: Annotated[Path | None, typer.Option(
        "--hierarchy", help="YAML file mapping each parent organ to its children's names.")] = None,
    no_cross: Annotated[bool, typer.Option(
        "--no-cross", help="Skip the cross-report pass (years, copies, duplicates, sums).")] = False,
) -> None:
    """Audit reports and list their defects."""
    if fmt is None:
        if os.environ.get("GITHUB_ACTIONS") == "true":
            fmt = "github"
        else:
            fmt = "terminal" if (output is None and sys.stdout.isatty()) else "concise"
    if fmt not in FORMATS:
        _fail(_unknown_format(fmt, FORMATS), _early_lang(lang))
    settings = _settings(
        {"rules": [str(p) for p in rules or []], "select": _split(select),
         "ignore": _split(ignore), "severity": severity or [], "fail_on": fail_on,
         "lang": lang, "include": include, "exclude": exclude, "jobs": jobs,
         "max_size": max_size, "previous": previous, "cross": False if no_cross else None,
         "hierarchy": str(hierarchy) if hierarchy is not None else None},
        config,
    )
    rule_list = _load_rules(settings)
    options = _options(settings, rule_list, encoding, debug)
    job_list = _jobs(paths, settings, stdin_filename, force_exclude)
    code = _run_check(job_list, options, settings, fmt, output, quiet, statistics, color,
                      _cross_setup(settings, rule_list))
    raise typer.Exit(code)


def _cross_setup(settings: Settings, rules: list[Rule]) -> CrossSetup | None:
    """The cross-report pass's setup (None: no cross rule, or --no-cross); its warnings go to stderr."""
    from gaudit.cross.setup import setup_from_settings

    def warn(message: Bilingual) -> None:
        print(f"gaudit: {message.get(settings.lang)}", file=sys.stderr)

    return setup_from_settings(settings, rules, warn)


def _run_check(job_list: list[Job], options: AuditOptions, settings: Settings, fmt: str,
               output: Path | None, quiet: bool, statistics: bool,
               color: bool | None, cross: CrossSetup | None = None) -> int:
    from gaudit.findings import Severity
    from gaudit.output import MACHINE_FORMATS, Format, OutputOptions, make_writer
    from gaudit.run import run

    chosen = Format(fmt)
    stream = _open_output(output, chosen in MACHINE_FORMATS, settings.lang)
    writer = make_writer(chosen, stream, OutputOptions(
        lang=settings.lang, tool_version=__version__, rules=options.rules, quiet=quiet,
        statistics=statistics, color=color if output is None else False,
    ))
    threshold = None if settings.fail_on == "never" else Severity(settings.fail_on)
    with _progress(len(job_list), settings.lang) as advance:
        outcome = run(job_list, options, writer, workers=settings.jobs, fail_on=threshold, each=advance,
                      cross=cross)
    stream.flush()
    if output is not None:
        stream.close()
    return int(outcome.exit_code)


@contextmanager
def _progress(total: int, lang: str) -> Iterator[Callable[[FileResult], None]]:
    """A transient progress bar on stderr for many files on a terminal; tracebacks kept by
    ``--debug`` are printed as their files go by."""

    def debug_only(result: FileResult) -> None:
        if isinstance(result, FailedFile) and result.debug:
            print(f"{result.path}:\n{result.debug}", file=sys.stderr)

    if not _progress_wanted(total):
        yield debug_only
        return
    from rich.progress import Progress

    progress = Progress(transient=True, console=_stderr_console())
    task = progress.add_task("审查中" if lang == "zh" else "auditing", total=total)

    def advance(result: FileResult) -> None:
        debug_only(result)
        progress.advance(task)

    progress.start()
    try:
        yield advance
    finally:
        progress.stop()


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(file=sys.stderr)


@app.command()
def extract(
    paths: Paths,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="json (the gaudit.extract/1 contract), csv (one row per cell) "
        "or table.")] = "json",
    output: OutputOpt = None,
    lang: LangOpt = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    encoding: EncodingOpt = None,
    stdin_filename: StdinNameOpt = "<stdin>",
    jobs: JobsOpt = None,
    max_size: MaxSizeOpt = None,
    config: ConfigOpt = None,
    force_exclude: ForceExcludeOpt = False,
) -> None:
    """Read the statutory tables of reports into data."""
    # The reading pipeline is imported by the commands that run it: --version, rules and
    # config start without it.
    from gaudit.output import MACHINE_FORMATS, OutputOptions, make_extract_writer
    from gaudit.run import run

    if fmt not in EXTRACT_FORMATS:
        _fail(_unknown_format(fmt, EXTRACT_FORMATS), _early_lang(lang))
    settings = _settings({"lang": lang, "include": include, "exclude": exclude, "jobs": jobs,
                          "max_size": max_size}, config)
    options = _options(settings, [], encoding, False)
    job_list = _jobs(paths, settings, stdin_filename, force_exclude)
    chosen = ExtractFormat(fmt)
    stream = _open_output(output, chosen in MACHINE_FORMATS, settings.lang)
    writer = make_extract_writer(chosen, stream, OutputOptions(lang=settings.lang, tool_version=__version__))
    # Nothing a file holds is kept once it is written: memory stays flat.
    outcome = run(job_list, options, writer, workers=settings.jobs, fail_on=None)
    stream.flush()
    if output is not None:
        stream.close()
    if outcome.exit_code is not ExitCode.OK:
        raise typer.Exit(int(outcome.exit_code))


@app.command("rules")
def rules_command(
    rule_id: Annotated[str | None, typer.Argument(
        help="Show one rule in full (its description, parameters and an example).")] = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    """List the rules: built-in ones and those of --rules files."""
    from gaudit.rule_docs import print_catalogue, print_rule

    settings = _settings({"rules": [str(p) for p in rules or []], "lang": lang}, config)
    from gaudit.rules import RuleFileError, load_rules

    try:
        rule_list = load_rules([Path(p) for p in settings.rules])
    except RuleFileError as exc:
        _fail(_RULE_FILE_ERROR + exc.message, settings.lang)
    if rule_id is None:
        print_catalogue(rule_list, settings.lang)
        return
    match = [r for r in rule_list if r.id == rule_id]
    if not match:
        _fail(Bilingual(f"没有 id 为 {rule_id!r} 的规则(用 gaudit rules 查看全部)",
                        f"no rule with id {rule_id!r} (gaudit rules lists them all)"), settings.lang)
    print_rule(match[0], settings.lang)


@app.command("config")
def config_command(config: ConfigOpt = None) -> None:
    """Print the merged settings and where each came from."""
    settings = _settings({}, config)
    from gaudit.settings import Settings

    width = max(len(k) for k in Settings().__dict__)
    used = ", ".join(settings.config_files) or ("(none)" if settings.lang == "en" else "(无)")
    print(f"{'config-files':<{width}}  {used}")
    for key, value in settings.__dict__.items():
        if key in ("sources", "config_files", "warnings"):
            continue
        shown = f"{value / 1024 / 1024:g}MB" if key == "max_size" else value
        if key == "jobs" and value == 0:
            shown = "0 (= CPUs)"
        name = key.replace("_", "-")
        print(f"{name:<{width}}  {shown!s:<40}  # {settings.sources.get(key, 'default')}")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive
        print("gaudit: interrupted", file=sys.stderr)
        sys.exit(130)
