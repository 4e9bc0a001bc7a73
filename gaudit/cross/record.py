"""The compact record each audited report leaves for the cross-report pass.

A :class:`Record` is what the second pass knows of a report: who and when (organ, year,
template), the values of the table rows the cross rules compare, where those rows and the
narrative sections stand (for ``related`` and for the finding's own place), and a MinHash
signature of each narrative section.  It is made in the worker from the understood
document (:meth:`RecordSpec.make`), travels back with the audited file and is a few hundred
bytes to a couple of kilobytes: numbers and positions are packed into arrays, and the
section text itself never leaves the worker.
"""

from __future__ import annotations

import functools
import math
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field

from gaudit.cross.sketch import boilerplate_matcher, clean_text, signature
from gaudit.model import Document, Position, SourceText
from gaudit.template import SPECS

__all__ = ["Place", "Record", "RecordSpec", "SectionSketch", "pack_places", "unpack_place"]

#: Row key of a recorded row: ``(table, row)``.
RowKey = tuple[str, str]


@functools.lru_cache(maxsize=64)
def _layout(rows: tuple[RowKey, ...], template: str | None) -> dict[RowKey, tuple[int, tuple[str, ...]]]:
    out: dict[RowKey, tuple[int, tuple[str, ...]]] = {}
    at = 0
    for table, row in rows:
        spec = SPECS.get((table, template or ""))
        row_spec = spec.row(row) if spec is not None else None
        columns = tuple(c.key for c in row_spec.columns) if row_spec is not None else ()
        out[(table, row)] = (at, columns)
        at += len(columns)
    return out


@dataclass(frozen=True, slots=True)
class Place:
    """A place in a file: the line of the whole text (as findings' hits count), its column,
    and the line and page a user sees (the same line and no page in unpaged formats)."""

    line: int
    col: int
    shown_line: int
    page: int | None

    @classmethod
    def of(cls, source: SourceText, position: Position) -> Place:
        shown = source.on_page(position)
        return cls(position.line, position.col, shown.line, shown.page)


def pack_places(places: list[Place | None]) -> bytes:
    """Places as int32 quadruples (line, col, shown line, page or 0); ``None`` as zeros."""
    numbers = array("i")
    for p in places:
        numbers.extend((0, 0, 0, 0) if p is None else (p.line, p.col, p.shown_line, p.page or 0))
    return numbers.tobytes()


def unpack_place(packed: bytes, index: int) -> Place | None:
    """Place ``index`` of :func:`pack_places`' bytes, or ``None``."""
    numbers = array("i", packed[index * 16:index * 16 + 16])
    if len(numbers) < 4 or numbers[0] == 0:
        return None
    return Place(numbers[0], numbers[1], numbers[2], numbers[3] or None)


@dataclass(frozen=True, slots=True)
class SectionSketch:
    section: int
    signature: bytes
    chars: int
    """Characters of cleaned text the signature was made of."""
    place: Place


@dataclass(slots=True)
class Record:
    """What the cross-report pass knows of one report."""

    path: str
    organ: str | None
    year: int | None
    template: str | None
    cells: bytes = b""
    """Recorded rows' values in :meth:`RecordSpec.layout` order, float64, NaN for no number."""
    places: bytes = b""
    """Where each recorded row stands, same order (:func:`pack_places`); line 0 for a row not found."""
    sketches: tuple[SectionSketch, ...] = ()
    title: Place | None = None
    previous: bool = False
    """From ``--previous``: compared with, never reported on."""
    key: str | None = field(default=None)
    """The organ key in this run (set by the corpus)."""


@dataclass(frozen=True)
class RecordSpec:
    """What to keep of each report: the rows compared, the sections sketched."""

    rows: tuple[RowKey, ...] = ()
    sections: tuple[int, ...] = ()
    boilerplate: tuple[str, ...] = ()
    """Regular expressions of boilerplate sentences left out of sketches."""
    min_chars: int = 60
    """Sections with less cleaned text than this are not sketched."""

    def layout(self, template: str | None) -> dict[RowKey, tuple[int, tuple[str, ...]]]:
        """Row -> (index of its first value in ``Record.cells``, column keys) for ``template``."""
        return _layout(self.rows, template)

    def values(self, record: Record, table: str, row: str) -> dict[str, float] | None:
        """Column -> number of a recorded row (only cells holding a number), None when the
        row was not found."""
        layout = self.layout(record.template)
        if (table, row) not in layout:
            return None
        if self.place(record, table, row) is None:
            return None
        at, columns = layout[(table, row)]
        numbers = array("d", record.cells)
        out = {}
        for k, column in enumerate(columns):
            value = numbers[at + k]
            if not math.isnan(value):
                out[column] = value
        return out

    def place(self, record: Record, table: str, row: str) -> Place | None:
        if (table, row) not in self.rows:
            return None
        return unpack_place(record.places, self.rows.index((table, row)))

    def make(self, doc: Document) -> Record:
        """The record of an understood document (runs in the worker)."""
        facts = doc.facts
        numbers = array("d")
        places: list[Place | None] = []
        for (table_key, row_key), (_, columns) in self.layout(facts.template).items():
            table = doc.tables.get(table_key)
            row = table.rows.get(row_key) if table is not None else None
            usable = row is not None and row.found and table is not None and row_key not in table.ambiguous_rows
            for column in columns:
                cell = row.cells.get(column) if usable and row is not None else None
                value = cell.value if cell is not None else None
                ok = isinstance(value, (int, float)) and not isinstance(value, bool)
                numbers.append(float(value) if ok and value is not None else math.nan)
            places.append(Place.of(doc.source, row.position) if usable and row is not None else None)
        return Record(doc.path, facts.organ, facts.year, facts.template, numbers.tobytes(),
                      pack_places(places), self._sketches(doc), Place.of(doc.source, Position(1, 1)))

    def _sketches(self, doc: Document) -> tuple[SectionSketch, ...]:
        is_boilerplate = _matcher(self.boilerplate)
        out: list[SectionSketch] = []
        for section in doc.sections:
            if section.number not in self.sections or any(s.section == section.number for s in out):
                continue
            text = clean_text(doc.normalized.text[section.body_start:section.body_end], is_boilerplate)
            if len(text) < self.min_chars:
                continue
            out.append(SectionSketch(section.number, signature(text), len(text),
                                     Place.of(doc.source, section.position)))
        return tuple(out)


@functools.lru_cache(maxsize=8)
def _matcher(patterns: tuple[str, ...]) -> Callable[[str], object]:
    """The boilerplate patterns compiled once per worker, not once per report."""
    return boilerplate_matcher(patterns)
