"""Drive one output writer over results as the CLI does: start, add each, finish with the summary."""

from __future__ import annotations

import io
from collections.abc import Iterable

from gaudit.model import FileResult
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
