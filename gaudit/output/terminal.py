"""``--format terminal``: findings for a person at a terminal, drawn with rich.

For each file with findings: a header (path, encoding, script, year, template),
then each finding sorted by line with its severity, position, rule id and
message, the offending line quoted as the user wrote it with a caret under the
column (CJK characters count two cells), and for table findings the row and
column labels and expected vs actual values.  A summary closes the output.

rich is imported inside the writer only, so other commands never pay for it.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, TextIO

from gaudit.cross.tally import OrganTally, see_also
from gaudit.findings import Severity, kind_title
from gaudit.model import AuditedFile, FailedFile, FileResult, Finding
from gaudit.output.concise import one_line
from gaudit.output.safe_text import escape_line, is_unsafe
from gaudit.output.strings import files_line, fix_plurals, strings

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from gaudit.output.base import OutputOptions
    from gaudit.summary import Summary

_SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
_TAB = "    "
_ELLIPSIS = "…"


def _display_char(char: str) -> str:
    """How one source character is drawn: tabs as spaces; controls, bidi overrides and line
    separators as visible escapes (``\\x1b``, ``\\u202e``), never interpreted."""
    if char == "\t":
        return _TAB
    if is_unsafe(char):
        return escape_line(char)
    if unicodedata.category(char) == "Cc":
        return " "
    return char


def quote_window(line: str, col: int, room: int) -> tuple[str, int]:
    """The part of ``line`` that fits in ``room`` cells, and the caret's cell offset in it.

    ``col`` is the 1-based character column.  When the line is too wide, a
    window around the column is cut out and marked with ``…`` at the cut ends.
    """
    from rich.cells import cell_len

    drawn = [_display_char(c) for c in line]
    widths = [cell_len(d) for d in drawn]
    index = min(max(col - 1, 0), len(drawn))
    if sum(widths) <= room:
        return "".join(drawn), sum(widths[:index])
    # Start far enough left that the caret sits about a third of the way in.
    start, lead = index, 0
    target = max(room // 3, 1)
    while start > 0 and lead + widths[start - 1] <= target:
        start -= 1
        lead += widths[start]
    prefix = _ELLIPSIS if start > 0 else ""
    used = cell_len(prefix)
    caret = used + sum(widths[start:index])
    end = start
    # Leave a cell for a closing ellipsis whenever the line goes on.
    while end < len(drawn) and used + widths[end] + (1 if end + 1 < len(drawn) else 0) <= room:
        used += widths[end]
        end += 1
    suffix = _ELLIPSIS if end < len(drawn) else ""
    return prefix + "".join(drawn[start:end]) + suffix, caret


# Kinsoku: characters a Chinese line must not start with, and must not end with.
NO_LINE_START = frozenset(")]}」』】〕》〉,。、:;!?)…·%")
NO_LINE_END = frozenset("([{「『【〔《〈(")


def _break(current: str, char: str) -> tuple[str, str]:
    """Split before ``char`` (which starts the next piece), moving characters down so that
    the next piece does not start with a closing mark nor this one end with an opening one."""
    head, carry = current.rstrip(), ""
    while len(head) > 1 and ((carry or char)[0] in NO_LINE_START or head[-1] in NO_LINE_END):
        head, carry = head[:-1], head[-1] + carry
    return head, carry


def fold_cells(text: str, room: int, words: bool = False) -> list[str]:
    """``text`` cut into pieces of at most ``room`` terminal cells.

    Chinese is not written with spaces between words, so by default the text is cut
    where the room ends rather than at a space (which, in these messages, sits inside
    a label), never before a closing mark such as ``)」,。`` nor after an opening one
    such as ``(「`` (a piece may then be a cell or two shorter).  With ``words``
    (English), a piece ends at its last space when it has one.
    """
    from rich.cells import cell_len

    pieces: list[str] = []
    current = ""
    for char in text:
        if cell_len(current + char) > room and current:
            cut = current.rfind(" ") if words else -1
            if cut > 0:
                pieces.append(current[:cut])
                current = current[cut + 1:]
            else:
                head, current = _break(current, char)
                pieces.append(head)
            if char == " " and not current:
                continue
        current += char
    if current:
        pieces.append(current.rstrip())
    return pieces


def _number(value: int | float | str) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class TerminalWriter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        from rich.console import Console

        self._options = options
        self._s = strings(options.lang)
        color = options.color
        self._console: Console = Console(
            file=stream,
            width=options.width,
            # None leaves the choice to rich (terminal? NO_COLOR?); False switches styles off.
            color_system=None if color is False else "auto",
            force_terminal=True if color else None,
            highlight=False,
            markup=False,
            emoji=False,
        )
        self._rule_kinds: dict[str, str] = {r.id: r.kind for r in options.rules}
        minimum = options.list_min_severity
        self._min_rank = Severity(minimum).rank if minimum else 0
        self._hidden = 0
        self._organs = OrganTally()

    @property
    def console(self) -> Console:
        """The console the report is drawn on (a progress bar shares it)."""
        return self._console

    def start(self) -> None:
        pass

    # ------------------------------------------------------------ per file
    def add(self, result: FileResult) -> None:
        self._organs.add(result)
        for f in result.findings:
            self._rule_kinds.setdefault(f.rule, f.kind)
        if self._options.quiet:
            return
        from rich.text import Text

        console = self._console
        if isinstance(result, FailedFile):
            kind = result.error.kind
            template = self._s["unreadable" if kind == "unreadable" else "unreadable_kind"]
            message = template.format(kind=kind, message=one_line(result.error.message.get(self._options.lang)))
            console.print(Text.assemble((escape_line(result.path), "bold"), "  ", (escape_line(message), "red")))
            console.print()
            return
        shown = [f for f in result.findings if f.severity.rank >= self._min_rank]
        self._hidden += len(result.findings) - len(shown)
        if not shown:
            return
        for line in self._header(result):
            console.print(line, overflow="fold")  # a long path is folded, never cut
        findings = sorted(shown, key=lambda f: (f.hit.line, f.hit.col))
        severity_width = max(self._cells(self._severity(f.severity)) for f in findings)
        line_width = len(str(max(f.line for f in findings)))
        position_width = max(self._cells(self._where(f)) for f in findings)
        for f in findings:
            self._finding(result, f, severity_width, line_width, position_width)
        console.print()

    def _cells(self, text: str) -> int:
        from rich.cells import cell_len

        return cell_len(text)

    def _severity(self, severity: str) -> str:
        return self._s.get(severity, severity)

    def _where(self, f: Finding) -> str:
        if f.page is None:
            return f"{f.line}:{f.col}"
        return self._s["page_position"].format(page=f.page, line=f.line, col=f.col)

    def _header(self, result: AuditedFile) -> list[Text]:
        """The file's path, who wrote it, then what it is; on two lines (the second indented)
        when one does not fit."""
        from rich.text import Text

        s = self._s
        facts = result.facts
        level = s[f"level_{facts.organ_level}"] if facts.organ_level else ""
        who = escape_line(" ".join(x for x in (facts.organ, level) if x))
        about = [s[f"format_{result.format.value}"] if result.format.value != "text" else "",
                 result.encoding or ""]
        if result.script:
            about.append(s[result.script])
        if facts.year is not None:
            about.append(s["year"].format(year=facts.year))
        if facts.template:
            about.append(s["template"].format(template=facts.template))
        parts: list[str | tuple[str, str]] = [(escape_line(result.path), "bold")]
        if who:
            parts += ["  ", (who, "bold cyan")]
        described = " · ".join(x for x in about if x)
        whole = Text.assemble(*parts, "  ", (described, "dim"))
        if whole.cell_len <= (self._console.width or 80):
            return [whole]
        return [Text.assemble(*parts), Text.assemble("  ", (described, "dim"))]

    def _finding(self, result: AuditedFile, f: Finding, severity_width: int, line_width: int,
                 position_width: int) -> None:
        from rich.text import Text

        console = self._console
        label = self._severity(f.severity)
        pad = " " * (severity_width - self._cells(label))
        position = self._where(f)
        head = Text.assemble(
            "  ", (label, _SEVERITY_STYLE.get(f.severity, "bold")), pad, "  ",
            (position, "dim"), " " * (position_width - self._cells(position) + 2), (escape_line(f.rule), "magenta"),
        )
        indent = " " * (2 + severity_width + 2)
        message = escape_line(one_line(f.message.get(self._options.lang)))
        width = console.width or 80
        if head.cell_len + 2 + self._cells(message) <= width:
            console.print(Text.assemble(head, "  ", message), no_wrap=True, overflow="crop")
        else:
            # A long message goes under the rule id, wrapped with the finding's indent, so that
            # it never runs back to column 0 where the next finding's severity stands.
            console.print(head, no_wrap=True, overflow="crop")
            for part in fold_cells(message, max(width - len(indent), 20), self._options.lang == "en"):
                console.print(Text.assemble(indent, part), no_wrap=True, overflow="crop")
        quoted = result.quoted_lines.get(f.hit.line)
        if quoted is not None:
            gutter = f"{indent}{f.line:>{line_width}} │ "
            blank_gutter = f"{indent}{'':>{line_width}} │ "
            room = max((console.width or 80) - self._cells(gutter), 10)
            shown, caret = quote_window(quoted, f.col, room)
            console.print(Text.assemble((gutter, "dim"), shown), no_wrap=True, overflow="crop")
            console.print(Text.assemble((blank_gutter, "dim"), " " * caret, ("^", "bold red")),
                          no_wrap=True, overflow="crop")
        detail = escape_line(self._detail(f))
        if detail:
            # Wrapped under its indent, like the message, never back to column 0.
            for part in fold_cells(detail, max(width - len(indent), 20), self._options.lang == "en"):
                console.print(Text.assemble(indent, (part, "cyan")), no_wrap=True, overflow="crop")
        if f.related:
            related = escape_line(see_also(f.related, self._options.lang))
            for part in fold_cells(related, max(width - len(indent), 20), self._options.lang == "en"):
                console.print(Text.assemble(indent, (part, "dim")), no_wrap=True, overflow="crop")

    def _detail(self, f: Finding) -> str:
        s, lang = self._s, self._options.lang
        parts: list[str] = []
        if f.row_label is not None:
            parts.append(f"{s['row']} {f.row_label.get(lang)}")
        if f.column_label is not None:
            parts.append(f"{s['column']} {f.column_label.get(lang)}")
        if f.expected is not None and f.actual is not None:
            parts.append(s["expected_actual"].format(expected=_number(f.expected), actual=_number(f.actual)))
        elif f.expected is not None:
            parts.append(s["expected_only"].format(expected=_number(f.expected)))
        elif f.actual is not None:
            parts.append(s["actual_only"].format(actual=_number(f.actual)))
        return " · ".join(parts)

    # ------------------------------------------------------------- summary
    def finish(self, summary: Summary) -> None:
        from rich.text import Text

        s, lang, console = self._s, self._options.lang, self._console
        console.print(Text(files_line(summary, lang), style="bold"))
        if summary.findings:
            console.print(Text(fix_plurals(s["findings_line"].format(
                total=summary.findings, errors=summary.errors, warnings=summary.warnings,
                infos=summary.infos), lang)))
            ranked = sorted(summary.by_kind.items(), key=lambda item: (-item[1], item[0]))
            width = max(self._cells(kind_title(kind, lang)) for kind, _ in ranked)
            for kind, count in ranked:
                title = escape_line(kind_title(kind, lang))
                console.print(Text(f"  {title}{' ' * (width - self._cells(title))}  {count}"))
        elif not summary.failed:
            console.print(Text(s["no_findings"], style="green"))
        if self._hidden:
            console.print(Text(fix_plurals(s["listing_hidden"].format(hidden=self._hidden), lang), style="dim"))
        if self._options.statistics and summary.by_rule:
            self._statistics(summary)
        organs = self._organs.lines(lang, None if self._options.statistics else 10)
        if len(organs) > 2 or (organs and self._options.statistics):  # one organ: the lines above say it all
            console.print()
            for line in organs:
                console.print(Text(line, style="bold" if line is organs[0] else ""))
        self._console.file.flush()

    def _statistics(self, summary: Summary) -> None:
        from rich.text import Text

        s, lang, console = self._s, self._options.lang, self._console
        ranked = sorted(summary.by_rule.items(), key=lambda item: (-item[1], item[0]))
        rows = [(str(count), rule, kind_title(self._rule_kinds[rule], lang) if rule in self._rule_kinds else "")
                for rule, count in ranked]
        header = (s["col_count"], s["col_rule"], s["col_kind"])
        count_width = max(self._cells(r[0]) for r in [header, *rows])
        rule_width = max(self._cells(r[1]) for r in [header, *rows])
        console.print()
        console.print(Text(s["statistics"], style="bold"))
        for i, (count, rule, kind) in enumerate([header, *rows]):
            line = (f"{' ' * (count_width - self._cells(count))}{count}  "
                    f"{rule}{' ' * (rule_width - self._cells(rule))}  {kind}").rstrip()
            console.print(Text(line, style="bold" if i == 0 else ""))
