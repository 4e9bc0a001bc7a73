"""Plain typed data passed between the pipeline stages.

Every stage of gaudit (decode -> normalise -> sections -> tables -> rules ->
output) hands the next one the frozen dataclasses defined here.  This module
imports nothing of gaudit, so any stage (and any test) can build these objects
by hand.

Positions are always in the user's original file: ``line`` and ``col`` are
1-based, ``col`` counts characters (not bytes) of the decoded line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

_LINE_END_RE = re.compile(r"\r\n?|\n")

#: A table cell as read: a number, ``None`` when blank, the raw text otherwise.
CellValue = int | float | str | None
Script = Literal["simplified", "traditional"]
TemplateName = Literal["2019", "2021"]
TableKey = Literal["active", "applications", "reviews"]
OrganLevel = Literal["township", "county", "city", "province", "national"]
OrganKind = Literal["government", "department"]


@dataclass(frozen=True)
class Position:
    """A place in the original file."""

    line: int
    """1-based line number (lines end at ``\\n``; ``\\r\\n`` counts once)."""
    col: int
    """1-based column, in characters of the decoded line."""


@dataclass(frozen=True)
class SourceText:
    """The decoded text exactly as in the user's file, with a line index."""

    text: str
    line_starts: tuple[int, ...]
    """Offset in ``text`` where each line begins; ``line_starts[0] == 0``.  Lines end at
    ``\n``, ``\r\n`` or a lone ``\r``."""

    @classmethod
    def of(cls, text: str) -> SourceText:
        starts = [0]
        if "\r" in text:
            # \r\n, \n and a lone \r (old Mac files) each end a line, as the normaliser reads them.
            starts.extend(m.end() for m in _LINE_END_RE.finditer(text))
            return cls(text, tuple(starts))
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return cls(text, tuple(starts))

    def position(self, offset: int) -> Position:
        """Line and column of character ``offset`` (clamped into the text)."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect_right(self.line_starts, offset) - 1
        return Position(index + 1, offset - self.line_starts[index] + 1)

    def line(self, number: int) -> str:
        """The text of 1-based line ``number`` without its line ending."""
        if not 1 <= number <= len(self.line_starts):
            return ""
        start = self.line_starts[number - 1]
        end = self.line_starts[number] if number < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


@dataclass(frozen=True)
class DecodedText:
    """The result of the decoding stage."""

    text: str
    encoding: str
    """Python's codec name actually used, e.g. ``utf-8``, ``gb18030``, ``big5hkscs``."""
    confidence: float | None
    """chardet's confidence when it was asked, else ``None``."""
    bad_byte_offset: int | None = None
    """Character offset in ``text`` of the first replacement made for undecodable bytes."""


@dataclass(frozen=True)
class NormalizedText:
    """Text folded for matching, with a map back to the original.

    ``offsets[i]`` is the offset in the original text of normalised character
    ``i``; ``offsets[len(text)]`` is ``len(original)`` so that end positions map
    too.  Matching code works on ``text`` and reports positions through
    :meth:`original_offset`.
    """

    text: str
    offsets: Sequence[int]
    script: Script

    def original_offset(self, index: int) -> int:
        index = max(0, min(index, len(self.offsets) - 1))
        return self.offsets[index]


@dataclass(frozen=True)
class Heading:
    """A line that looks like a top-level numbered heading (``一、…``)."""

    numeral: int
    """The Chinese numeral's value (一 -> 1)."""
    text: str
    """The heading as written in the original file."""
    position: Position
    section: int | None
    """The statutory section (1-6) this heading was matched to, if any."""


@dataclass(frozen=True)
class Section:
    """One of the six statutory sections found in the report."""

    number: int
    """1..6, as in the template."""
    heading: str
    """The heading as written in the original file."""
    position: Position
    """Where the heading stands."""
    end_line: int
    """Last original line belonging to the section."""
    body_start: int
    """Offset in the normalised text where the section's body begins."""
    body_end: int
    """Offset in the normalised text where the section's body ends."""


@dataclass(frozen=True)
class Cell:
    """One cell of a statutory table."""

    value: CellValue
    """A number, ``None`` when blank, or the raw text when not a number."""
    raw: str
    """The cell as written (normalised form), ``""`` when blank."""
    offset: int
    """Normalised offset of the cell, or of where it was left empty (its own empty
    cell, else its row's label); :meth:`Document.position` gives line and column.
    A table has hundreds of cells and findings point at a few: positions are made
    only for those."""


@dataclass(frozen=True)
class Row:
    """One statutory row of a table, with every column of the template."""

    key: str
    label: str
    """The label as written (normalised), or the template's when not found."""
    position: Position
    found: bool
    """False when the row label was not in the text (all cells are then blank)."""
    cells: dict[str, Cell]
    """Column key -> cell, in template order, every column present."""


@dataclass(frozen=True)
class Table:
    """A statutory table read into the template's keys."""

    key: TableKey
    template: TemplateName
    position: Position
    """Where the table starts (its first header or row label)."""
    rows: dict[str, Row]
    """Row key -> row, in template order, every row present."""
    ambiguous_rows: tuple[str, ...] = ()
    """Rows whose run of digits could be split into cells in more than one way."""
    loose_rows: tuple[str, ...] = ()
    """Rows whose label differs from the template's (a typo, a variant, the template's
    instructions, no label at all), placed by their place in template order and closeness."""

    def cell(self, row: str, column: str) -> Cell | None:
        r = self.rows.get(row)
        return None if r is None else r.cells.get(column)


@dataclass(frozen=True)
class ReportFacts:
    """What the report says about itself."""

    title: str | None = None
    year: int | None = None
    """The year the report covers (from the title, else the statistics period)."""
    title_year: int | None = None
    period_year: int | None = None
    """The year of the statistics period ("统计期限自YYYY年1月1日起…"), if stated."""
    period_position: Position | None = None
    organ: str | None = None
    organ_level: OrganLevel | None = None
    """The level of the government the organ is, or belongs to (a county's bureau is ``county``)."""
    organ_kind: OrganKind | None = None
    """A government (人民政府, 街道办事处) or one of its departments (局, 委员会, 办公室 …)."""
    template: TemplateName | None = None
    """``"2019"`` or ``"2021"`` from the tables' header words; ``None`` without a table."""


@dataclass(frozen=True)
class Document:
    """Everything the rules see about one report."""

    path: str
    source: SourceText
    normalized: NormalizedText
    encoding: str
    confidence: float | None
    facts: ReportFacts
    sections: tuple[Section, ...]
    """Statutory sections found, in the order they stand in the file."""
    headings: tuple[Heading, ...]
    """Every top-level numbered heading line, matched or not (for numbering checks)."""
    tables: dict[str, Table]
    """Table key -> table; a table that was not found is absent."""
    bad_byte: Position | None = None
    """Where the first undecodable byte was, if any."""

    @property
    def script(self) -> Script:
        return self.normalized.script

    def section(self, number: int) -> Section | None:
        for s in self.sections:
            if s.number == number:
                return s
        return None

    def position(self, normalized_index: int) -> Position:
        """Original line/column of a position in the normalised text."""
        return self.source.position(self.normalized.original_offset(normalized_index))


@dataclass(frozen=True)
class FileError:
    kind: str
    """``unreadable``, ``binary``, ``too-large``, ``empty``, ``internal``."""
    message: str


@dataclass(frozen=True)
class Finding:
    """One problem found in one file; rule id and severity stamped by the engine."""

    rule: str
    kind: str
    severity: str
    message: str
    line: int
    col: int
    section: int | None = None
    table: str | None = None
    row: str | None = None
    column: str | None = None
    expected: int | float | None = None
    actual: int | float | str | None = None


@dataclass(frozen=True)
class FileResult:
    """The outcome of auditing one file: what every output writer sees."""

    path: str
    status: Literal["ok", "error"]
    encoding: str | None = None
    confidence: float | None = None
    script: Script | None = None
    year: int | None = None
    template: TemplateName | None = None
    findings: tuple[Finding, ...] = ()
    error: FileError | None = None
    quoted_lines: dict[int, str] = field(default_factory=dict)
    """Original text of the lines findings point at (for the terminal writer)."""
    debug: str | None = None
    """A traceback, kept only under ``--debug``."""
