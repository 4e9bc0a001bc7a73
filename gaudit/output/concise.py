"""``--format concise``: ``path:line:col: severity rule message``, one line per finding.

The default when stdout is not a terminal: greppable, one problem per line,
then a one-line summary.  ``--quiet`` keeps only the summary; ``--statistics``
adds a count per rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from gaudit.cross.tally import OrganTally
from gaudit.findings import Severity
from gaudit.model import FailedFile, FileResult, Finding
from gaudit.output.safe_text import escape_line
from gaudit.output.strings import fix_plurals, strings

if TYPE_CHECKING:
    from gaudit.output.base import OutputOptions
    from gaudit.summary import Summary


def one_line(text: str) -> str:
    """A message on a single line (line breaks become spaces)."""
    return " ".join(text.splitlines()) if ("\n" in text or "\r" in text) else text


def summary_sentence(summary: Summary, lang: str) -> str:
    """``Found N problems in M files (…).`` in the user's language."""
    s = strings(lang)
    problems = summary.findings + summary.failed
    if not problems:
        return fix_plurals(s["concise_none"].format(files=summary.files), lang)
    # Files with something to fix: with findings, or unreadable.
    files = summary.files - summary.clean
    failed_part = s["concise_failed_part"].format(failed=summary.failed) if summary.failed else ""
    sentence = s["concise_found"].format(problems=problems, files=files, errors=summary.errors,
                                         warnings=summary.warnings, infos=summary.infos,
                                         failed_part=failed_part)
    return fix_plurals(sentence, lang)


def statistics_lines(summary: Summary) -> list[str]:
    """``count  rule`` per rule, most frequent first."""
    ranked = sorted(summary.by_rule.items(), key=lambda item: (-item[1], item[0]))
    width = len(str(ranked[0][1])) if ranked else 1
    return [f"{count:>{width}}  {rule}" for rule, count in ranked]


def _where(f: Finding) -> str:
    """``line:col``, or ``p3:line:col`` on page 3 of a paged file."""
    return f"{f.line}:{f.col}" if f.page is None else f"p{f.page}:{f.line}:{f.col}"


class ConciseWriter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self._stream = stream
        self._options = options
        minimum = options.list_min_severity
        self._min_rank = Severity(minimum).rank if minimum else 0
        self._organs = OrganTally()

    def start(self) -> None:
        pass

    def add(self, result: FileResult) -> None:
        if self._options.statistics:
            self._organs.add(result)
        if self._options.quiet:
            return
        lang = self._options.lang
        # One finding, one line: controls, bidi overrides and line breaks from a file name
        # or a message are shown escaped.
        path = escape_line(result.path)
        if isinstance(result, FailedFile):
            message = escape_line(one_line(result.error.message.get(lang)))
            self._stream.write(f"{path}:1:1: error unreadable {message}\n")
            return
        self._stream.write("".join(
            f"{path}:{_where(f)}: {f.severity.value} {escape_line(f.rule)} "
            f"{escape_line(one_line(f.message.get(lang)))}\n"
            for f in sorted(result.findings, key=lambda f: (f.hit.line, f.hit.col))
            if f.severity.rank >= self._min_rank
        ))

    def finish(self, summary: Summary) -> None:
        if self._options.statistics:
            self._stream.writelines(line + "\n" for line in statistics_lines(summary))
            self._stream.writelines(line + "\n" for line in self._organs.lines(self._options.lang))
        self._stream.write(summary_sentence(summary, self._options.lang) + "\n")
        self._stream.flush()
