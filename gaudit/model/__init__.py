"""Plain typed data passed between the pipeline stages.

Every stage of gaudit (decode -> normalise -> sections -> tables -> rules ->
output) hands the next one the frozen dataclasses defined here.  This module
imports only the other leaves of gaudit (the bilingual text type and the severity
catalogue), so any stage (and any test) can build these objects by hand.

Positions are always in the user's original file: ``line`` and ``col`` are
1-based, ``col`` counts characters (not bytes) of the decoded line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from gaudit.findings import Severity
from gaudit.i18n import Bilingual
from gaudit.model.text import (
    DecodedText,
    InputFormat,
    NormalizedText,
    Position,
    PositionMap,
    Script,
    SourceText,
    offset_array,
    offset_range,
)

__all__ = [
    "AuditedFile",
    "Cell",
    "CellValue",
    "DecodedText",
    "Document",
    "FailedFile",
    "FileError",
    "FileResult",
    "Finding",
    "Heading",
    "Hit",
    "InputFormat",
    "NormalizedText",
    "OrganKind",
    "OrganLevel",
    "Position",
    "PositionMap",
    "Related",
    "ReportFacts",
    "Row",
    "Script",
    "Section",
    "SourceText",
    "Table",
    "TableKey",
    "TemplateName",
    "offset_array",
    "offset_range",
]



#: A table cell as read: a number, ``None`` when blank, the raw text otherwise.
CellValue = int | float | str | None
TemplateName = Literal["2019", "2021"]
TableKey = Literal["active", "applications", "reviews"]
OrganLevel = Literal["township", "county", "city", "province", "national"]
OrganKind = Literal["government", "department"]


@dataclass(frozen=True, slots=True)
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
    format: InputFormat = InputFormat.TEXT
    condition: Literal["text", "scanned", "garbled"] = "text"
    """Whether the file's text could be read: ``scanned`` (pages that are only images) and
    ``garbled`` (a text layer without a usable Unicode map) hold no readable report."""
    image_pages: int = 0
    """Pages that are only images (paged formats)."""
    position_map: PositionMap | None = None
    """The map the reading stages used (``read_document`` passes it; built on demand else)."""

    @property
    def positions(self) -> PositionMap:
        """The document's one position map."""
        if self.position_map is None:
            object.__setattr__(self, "position_map", PositionMap(self.source, self.normalized.offsets))
        assert self.position_map is not None
        return self.position_map

    @property
    def script(self) -> Script:
        return self.normalized.script

    def section(self, number: int) -> Section | None:
        for s in self.sections:
            if s.number == number:
                return s
        return None

    def position(self, normalized_index: int) -> Position:
        """Original line/column (and page) of a position in the normalised text."""
        return self.positions.at(normalized_index)


@dataclass(frozen=True)
class Hit:
    """One place where a check found its condition violated: where, and what it saw.

    ``line`` and ``col`` count in the whole text gaudit read (pages are told apart only when
    the hit becomes a :class:`Finding`).  ``values`` fill the rule message's placeholders
    (plain values or :class:`~gaudit.i18n.Bilingual` texts)."""

    line: int
    col: int
    values: Mapping[str, object] = field(default_factory=dict)
    section: int | None = None
    table: str | None = None
    row: str | None = None
    column: str | None = None
    expected: int | float | None = None
    actual: int | float | str | None = None


@dataclass(frozen=True)
class Related:
    """Another report a cross-report finding compares with."""

    path: str
    line: int | None = None
    page: int | None = None


@dataclass(frozen=True)
class Finding:
    """One problem in one file: a check's hit, stamped by the engine with the rule's identity,
    severity, wording and the template's labels of the cell concerned."""

    rule: str
    kind: str
    severity: Severity
    message: Bilingual
    hit: Hit
    position: Position
    """Where the finding points in the user's file (a page and a line within it, for PDF)."""
    row_label: Bilingual | None = None
    column_label: Bilingual | None = None
    related: tuple[Related, ...] = ()

    @property
    def line(self) -> int:
        return self.position.line

    @property
    def col(self) -> int:
        return self.position.col

    @property
    def page(self) -> int | None:
        return self.position.page

    @property
    def section(self) -> int | None:
        return self.hit.section

    @property
    def table(self) -> str | None:
        return self.hit.table

    @property
    def row(self) -> str | None:
        return self.hit.row

    @property
    def column(self) -> str | None:
        return self.hit.column

    @property
    def expected(self) -> int | float | None:
        return self.hit.expected

    @property
    def actual(self) -> int | float | str | None:
        return self.hit.actual


@dataclass(frozen=True)
class FileError:
    kind: str
    """``unreadable``, ``binary``, ``too-large``, ``empty``, ``encrypted``, ``internal`` …"""
    message: Bilingual


@dataclass(frozen=True)
class AuditedFile:
    """A file that was read and audited: what it is, what it holds, what is wrong with it.

    Carries what later stages need (a writer, ``extract``, a pass over a whole folder): the
    report's facts, its section outline and its tables."""

    path: str
    format: InputFormat
    encoding: str | None
    confidence: float | None
    script: Script
    facts: ReportFacts
    sections: tuple[Section, ...]
    tables: Mapping[str, Table]
    findings: tuple[Finding, ...] = ()
    quoted_lines: Mapping[int, str] = field(default_factory=dict)
    """Text of the lines findings point at and of two lines either side, by line of the whole
    text (``Finding.hit.line``)."""
    status: Literal["ok"] = "ok"
    record: object | None = None
    """The compact record of the report that cross-report rules compare
    (:class:`gaudit.cross.record.Record`), made by the worker only when such rules run;
    the run removes it before any writer sees the file."""

    @property
    def year(self) -> int | None:
        return self.facts.year

    @property
    def template(self) -> TemplateName | None:
        return self.facts.template


@dataclass(frozen=True)
class FailedFile:
    """A file that could not be audited, and why."""

    path: str
    error: FileError
    debug: str | None = None
    """A traceback, kept only under ``--debug``."""
    status: Literal["error"] = "error"
    findings: tuple[Finding, ...] = ()


#: The outcome of auditing one file: what every output writer sees.
FileResult = AuditedFile | FailedFile
