"""``gaudit check`` once planned: the writer, the progress bar, the output file, the baseline."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from gaudit import __version__
from gaudit.model import FailedFile, FileResult

if TYPE_CHECKING:
    from gaudit.api import CheckRun
    from gaudit.output.base import Writer
    from gaudit.settings import Settings


class View:
    """How the listing looks: format, quiet level, statistics, colour, progress."""

    def __init__(self, fmt: str, quiet: int, statistics: bool, color: bool | None, progress: bool) -> None:
        self.fmt, self.quiet, self.statistics, self.color, self.progress = fmt, quiet, statistics, color, progress


def run_check(checked: CheckRun, settings: Settings, view: View, output: Path | None,
               baseline_out: Path | None) -> int:
    from gaudit.baseline import baseline_document, baseline_entries
    from gaudit.cli.outfile import Output, write_error
    from gaudit.output import DETAIL_FORMATS, MACHINE_FORMATS, Format, OutputOptions, make_writer

    chosen = Format(view.fmt)
    if chosen not in DETAIL_FORMATS:
        checked.plan.options = replace(checked.plan.options, detail=False)
    out = Output(output, chosen in MACHINE_FORMATS)
    writer = make_writer(chosen, out.stream, OutputOptions(
        lang=settings.lang, tool_version=__version__, rules=checked.plan.options.rules,
        quiet=view.quiet >= 2, list_min_severity="error" if view.quiet == 1 else None,
        statistics=view.statistics, color=view.color if output is None else False,
        fail_on=None if settings.fail_on == "never" else settings.fail_on,
        to_file=output is not None,
    ))
    entries: list[dict[str, str]] = []
    try:
        with _progress(len(checked.plan.jobs), settings.lang, writer, view.progress and output is None) as advance:
            writer.start()
            for result in checked.stream(each=advance):
                writer.add(result)
                if baseline_out is not None:
                    entries += baseline_entries(result)
            writer.finish(checked.summary)
        out.commit()
        if baseline_out is not None:
            _write_text(baseline_out, baseline_document(entries))
    except OSError as exc:
        out.abort()
        raise write_error(output or "stdout", exc) from None
    except BaseException:
        out.abort()
        raise
    return int(checked.exit_code)


def _write_text(path: Path, text: str) -> None:
    from gaudit.cli.outfile import Output

    target = Output(path, True)
    try:
        target.stream.write(text)
    except BaseException:
        target.abort()
        raise
    target.commit()


@contextmanager
def _progress(total: int, lang: str, writer: Writer, enabled: bool) -> Iterator[Callable[[FileResult], None]]:
    """A transient progress bar for many files on a terminal; tracebacks kept by ``--debug``
    are printed as their files go by.  When the report goes to the same terminal, the bar is
    drawn on the writer's console, so that rich prints the report above the bar."""

    def debug_only(result: FileResult) -> None:
        if isinstance(result, FailedFile) and result.debug:
            print(f"{result.path}:\n{result.debug}", file=sys.stderr)

    if not enabled:
        yield debug_only
        return
    from rich.console import Console
    from rich.progress import Progress

    shared = getattr(writer, "console", None) if sys.stdout.isatty() else None
    if sys.stdout.isatty() and shared is None:
        # Another writer printing to this terminal would cut through the bar.
        yield debug_only
        return
    console = shared if shared is not None else Console(file=sys.stderr)
    progress = Progress(transient=True, console=console)
    task = progress.add_task("审查中" if lang == "zh" else "auditing", total=total)

    def advance(result: FileResult) -> None:
        debug_only(result)
        progress.advance(task)

    progress.start()
    try:
        yield advance
    finally:
        progress.stop()
