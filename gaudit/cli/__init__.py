"""The command line: options -> settings -> the Python API -> writer -> exit code.

Only typer lives here; every decision is taken by the modules it calls (``gaudit.api`` plans
and runs a check exactly as ``gaudit.check`` does for a script).  Heavy modules (rich, yaml,
chardet, opencc) are imported inside the commands so that ``gaudit --version`` starts
quickly.  Help texts are in the language of ``--lang`` / ``GAUDIT_LANG`` (see ``texts``).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from gaudit import __version__
from gaudit.cli import texts as T
from gaudit.exitcode import ExitCode
from gaudit.i18n import Bilingual, UserError, as_lang
from gaudit.output.base import ExtractFormat, Format

if TYPE_CHECKING:
    from gaudit.settings import Settings

EXIT_USAGE = int(ExitCode.USAGE)
FORMATS = tuple(f.value for f in Format)
EXTRACT_FORMATS = tuple(f.value for f in ExtractFormat)

if T.LANG == "zh":
    from gaudit.cli.helpfmt import ZhCommand, ZhGroup

    _COMMAND: type[typer.core.TyperCommand] = ZhCommand
    _GROUP: type[typer.core.TyperGroup] = ZhGroup
else:
    _COMMAND, _GROUP = typer.core.TyperCommand, typer.core.TyperGroup

app = typer.Typer(
    name="gaudit",
    cls=_GROUP,
    help=T.APP,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


def _version(value: bool) -> None:
    if value:
        print(f"gaudit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool | None,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help=T.VERSION),
    ] = None,
) -> None:
    """gaudit"""


def _fail(message: Bilingual, lang: str, code: int = EXIT_USAGE) -> NoReturn:
    """Say what is wrong, in the user's language, and stop."""
    from gaudit.output.safe_text import escape_controls

    print(f"gaudit: {escape_controls(message.get(lang))}", file=sys.stderr)
    raise typer.Exit(code)


def _note(message: Bilingual, lang: str) -> None:
    from gaudit.output.safe_text import escape_controls

    print(f"gaudit: {escape_controls(message.get(lang))}", file=sys.stderr)


def _split(values: list[str] | None) -> list[str]:
    """Repeatable options also accept comma-separated lists."""
    out: list[str] = []
    for v in values or []:
        out += [p.strip() for p in v.split(",") if p.strip()]
    return out


# ------------------------------------------------------------------ shared options
Paths = Annotated[list[str], typer.Argument(help=T.PATHS)]
IncludeOpt = Annotated[list[str] | None, typer.Option("--include", help=T.INCLUDE)]
ExcludeOpt = Annotated[list[str] | None, typer.Option("--exclude", help=T.EXCLUDE)]
EncodingOpt = Annotated[str | None, typer.Option("--encoding", help=T.ENCODING)]
StdinNameOpt = Annotated[str, typer.Option("--stdin-filename", help=T.STDIN_NAME)]
# 0 to 64, checked with the settings (a bound here would be shown in click's English).
JobsOpt = Annotated[int | None, typer.Option("--jobs", "-j", help=T.JOBS)]
MaxSizeOpt = Annotated[str | None, typer.Option("--max-size", help=T.MAX_SIZE)]
LangOpt = Annotated[str | None, typer.Option("--lang", help=T.LANG_HELP)]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help=T.OUTPUT)]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help=T.CONFIG)]
RulesOpt = Annotated[list[Path] | None, typer.Option("--rules", help=T.RULES)]
DebugOpt = Annotated[bool, typer.Option("--debug", help=T.DEBUG)]
ForceExcludeOpt = Annotated[bool, typer.Option("--force-exclude", help=T.FORCE_EXCLUDE)]
DEFAULT_TIMEOUT = 30.0  # gaudit.audit.DEFAULT_TIMEOUT, not imported here: --version starts without the pipeline
TimeoutOpt = Annotated[float, typer.Option("--timeout", min=0, help=T.TIMEOUT, show_default=False)]


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
        _note(warning, settings.lang)
    return settings


_RULE_FILE_ERROR = Bilingual("规则文件错误: ", "invalid rule file: ")


def _unknown_format(fmt: str, known: tuple[str, ...]) -> Bilingual:
    return Bilingual(f"未知输出格式 {fmt!r}(可用: {', '.join(known)})",
                     f"unknown output format {fmt!r} (available: {', '.join(known)})")


def _user_error(exc: UserError) -> Bilingual:
    from gaudit.rules import RuleFileError

    return _RULE_FILE_ERROR + exc.message if isinstance(exc, RuleFileError) else exc.message


def _progress_wanted(n: int) -> bool:
    """A progress bar only for many files on a terminal, never in pipes or CI."""
    if n <= 8 or os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS"):
        return False
    return sys.stderr.isatty()


def _default_format(output: Path | None) -> str:
    """github annotations only on stdout under Actions; terminal on a terminal; else concise."""
    if output is None and os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "terminal" if (output is None and sys.stdout.isatty()) else "concise"


@app.command(help=T.CHECK, cls=_COMMAND)
def check(
    paths: Paths,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help=T.FORMAT.format(formats=", ".join(FORMATS)))] = None,
    output: OutputOpt = None,
    fail_on: Annotated[str | None, typer.Option("--fail-on", help=T.FAIL_ON)] = None,
    rules: RulesOpt = None,
    select: Annotated[list[str] | None, typer.Option("--select", help=T.SELECT)] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help=T.IGNORE)] = None,
    severity: Annotated[list[str] | None, typer.Option("--severity", help=T.SEVERITY)] = None,
    lang: LangOpt = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    encoding: EncodingOpt = None,
    stdin_filename: StdinNameOpt = "<stdin>",
    jobs: JobsOpt = None,
    max_size: MaxSizeOpt = None,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    quiet: Annotated[int, typer.Option("--quiet", "-q", count=True, help=T.QUIET, show_default=False)] = 0,
    statistics: Annotated[bool, typer.Option("--statistics", help=T.STATISTICS)] = False,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help=T.COLOR)] = None,
    no_progress: Annotated[bool, typer.Option("--no-progress", help=T.PROGRESS)] = False,
    show_files: Annotated[bool, typer.Option("--show-files", help=T.SHOW_FILES)] = False,
    baseline: Annotated[Path | None, typer.Option("--baseline", help=T.BASELINE)] = None,
    write_baseline: Annotated[Path | None, typer.Option("--write-baseline", help=T.WRITE_BASELINE)] = None,
    config: ConfigOpt = None,
    debug: DebugOpt = False,
    force_exclude: ForceExcludeOpt = False,
    previous: Annotated[list[str] | None, typer.Option("--previous", help=T.PREVIOUS)] = None,
    hierarchy: Annotated[Path | None, typer.Option("--hierarchy", help=T.HIERARCHY)] = None,
    no_cross: Annotated[bool, typer.Option("--no-cross", help=T.NO_CROSS)] = False,
) -> None:
    fmt = fmt or _default_format(output)
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
    from gaudit.api import CheckRun, load_rule_set, plan
    from gaudit.cli.outfile import refuse_input

    try:
        rule_set = load_rule_set(settings)
    except UserError as exc:
        _fail(_user_error(exc), settings.lang)
    except OSError as exc:
        from gaudit.os_reason import os_reason

        where = f" {exc.filename}" if exc.filename else ""
        _fail(Bilingual(f"无法读取规则{where}: ", f"cannot read the rules{where}: ") + os_reason(exc), settings.lang)
    except ValueError as exc:
        _fail(Bilingual(f"无法读取规则: {exc}", f"cannot read the rules: {exc}"), settings.lang)
    try:
        planned = plan(paths, settings, rule_set=rule_set, encoding=encoding, debug=debug,
                       stdin_name=stdin_filename, force_exclude=force_exclude, baseline=baseline,
                       timeout=timeout, warn=lambda note: _note(note, settings.lang))
        inputs = [*paths, *(j.input.fs_path for j in planned.jobs if j.input.fs_path)]
        refuse_input(output, inputs)
        refuse_input(write_baseline, inputs)
    except UserError as exc:
        _fail(exc.message, settings.lang)
    for note in planned.notes:
        _note(note, settings.lang)
    if show_files:
        from gaudit.output.safe_text import escape_line

        for name in CheckRun(planned).files:
            print(escape_line(name))
        raise typer.Exit(0)
    from gaudit.cli.runner import View, run_check

    view = View(fmt, quiet, statistics, color, not no_progress and _progress_wanted(len(planned.jobs)))
    try:
        code = run_check(CheckRun(planned), settings, view, output, write_baseline)
    except UserError as exc:
        _fail(exc.message, settings.lang)
    raise typer.Exit(code)


@app.command(help=T.EXTRACT, cls=_COMMAND)
def extract(
    paths: Paths,
    fmt: Annotated[str, typer.Option("--format", "-f", help=T.EXTRACT_FORMAT)] = "json",
    output: OutputOpt = None,
    lang: LangOpt = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    encoding: EncodingOpt = None,
    stdin_filename: StdinNameOpt = "<stdin>",
    jobs: JobsOpt = None,
    max_size: MaxSizeOpt = None,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    config: ConfigOpt = None,
    force_exclude: ForceExcludeOpt = False,
) -> None:
    # The reading pipeline is imported by the commands that run it: --version, rules and
    # config start without it.
    from gaudit.api import plan
    from gaudit.cli.outfile import Output, refuse_input
    from gaudit.output import MACHINE_FORMATS, OutputOptions, make_extract_writer
    from gaudit.run import run

    if fmt not in EXTRACT_FORMATS:
        _fail(_unknown_format(fmt, EXTRACT_FORMATS), _early_lang(lang))
    settings = _settings({"lang": lang, "include": include, "exclude": exclude, "jobs": jobs,
                          "max_size": max_size}, config)
    try:
        planned = plan(paths, settings, rule_set=[], encoding=encoding, stdin_name=stdin_filename,
                       force_exclude=force_exclude, timeout=timeout)
        refuse_input(output, [*paths, *(j.input.fs_path for j in planned.jobs if j.input.fs_path)])
        out = Output(output, ExtractFormat(fmt) in MACHINE_FORMATS)
    except UserError as exc:
        _fail(exc.message, settings.lang)
    for note in planned.notes:
        _note(note, settings.lang)
    try:
        writer = make_extract_writer(ExtractFormat(fmt), out.stream,
                                     OutputOptions(lang=settings.lang, tool_version=__version__,
                                                   to_file=output is not None))
    except UserError as exc:  # XLSX to a terminal or a pipe
        out.abort()
        _fail(exc.message, settings.lang)
    try:
        # Nothing a file holds is kept once it is written: memory stays flat.
        outcome = run(planned.jobs, planned.options, writer, workers=settings.jobs, fail_on=None)
        out.commit()
    except OSError as exc:
        out.abort()
        from gaudit.cli.outfile import write_error

        _fail(write_error(output or "stdout", exc).message, settings.lang)
    except BaseException:
        out.abort()
        raise
    if outcome.exit_code is not ExitCode.OK:
        raise typer.Exit(int(outcome.exit_code))


@app.command("rules", help=T.RULES_CMD, cls=_COMMAND)
def rules_command(
    rule_id: Annotated[str | None, typer.Argument(help=T.RULE_ID)] = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
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


@app.command("config", help=T.CONFIG_CMD, cls=_COMMAND)
def config_command(config: ConfigOpt = None, lang: LangOpt = None) -> None:
    settings = _settings({"lang": lang}, config)
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


# ------------------------------------------------------------------ the process
EXIT_INTERNAL = 4
"""gaudit itself failed (a bug): never 1, which means findings."""
EXIT_SIGINT = 130
EXIT_BROKEN_PIPE = 141


class _Terminated(BaseException):
    """SIGTERM or SIGHUP, raised where the program stands so that ``finally`` blocks clean up."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum: int, frame: object) -> None:
    raise _Terminated(signum)


def _quiet_stdout() -> None:
    """After a closed pipe: send what is left to /dev/null, so Python's exit flush is silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _internal(exc: BaseException) -> NoReturn:
    lang = T.LANG
    if "--debug" in sys.argv:
        import traceback

        traceback.print_exception(exc)
    name = type(exc).__name__
    message = Bilingual(f"内部错误({name}: {exc}),请报告此问题;加 --debug 查看调用栈",
                        f"internal error ({name}: {exc}); please report it; --debug shows the traceback")
    print(f"gaudit: {message.get(lang)}", file=sys.stderr)
    sys.exit(EXIT_INTERNAL)


def main() -> None:
    """The ``gaudit`` command: exit codes 0-4 (see README), 130 on Ctrl-C, 143 on SIGTERM
    (129 on SIGHUP).

    A closed pipe (``gaudit check … | head -1``) ends the process quietly, as it does for
    other Unix tools (SIGPIPE); an unexpected exception is a short message and exit 4."""
    for name in ("SIGTERM", "SIGHUP"):  # a closed terminal ends the run as cleanly as kill
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _on_signal)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        code = app(standalone_mode=False)
    except typer.TyperException as exc:  # a usage error of click's, worded in one language
        from gaudit.cli.usage import show_usage_error

        sys.exit(show_usage_error(exc, T.LANG))
    except typer.Abort:
        code = EXIT_SIGINT
    except KeyboardInterrupt:
        print(f"gaudit: {Bilingual('已中断', 'interrupted').get(T.LANG)}", file=sys.stderr)
        sys.exit(EXIT_SIGINT)
    except _Terminated as stop:
        with contextlib.suppress(OSError):
            print(f"gaudit: {Bilingual('已终止', 'terminated').get(T.LANG)}", file=sys.stderr)
        sys.exit(128 + stop.signum)
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(EXIT_BROKEN_PIPE)
    except Exception as exc:
        _internal(exc)
    if code == EXIT_SIGINT:
        print(f"gaudit: {Bilingual('已中断', 'interrupted').get(T.LANG)}", file=sys.stderr)
    sys.exit(code if isinstance(code, int) else 0)
