"""Assemble a :class:`~gaudit.model.Document` from a file's bytes: every reading stage in order."""

from __future__ import annotations

from gaudit.model import Document, PositionMap, ReportFacts, SourceText
from gaudit.normalize import normalize
from gaudit.sections import find_sections, report_facts
from gaudit.sources import DEFAULT_LIMITS, Extracted, Limits, read_source
from gaudit.tables import extract_tables


def read_document(data: bytes, path: str, encoding: str | None = None,
                  limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read the file with the source for its format, normalise, find sections and tables.

    Raises :class:`gaudit.sources.SourceError` for a file its source cannot read and
    :class:`gaudit.decode.BinaryFileError` for binary input; anything else that goes wrong
    is a bug and is isolated per file by the caller.
    """
    return document_of(read_source(data, encoding, name=path, limits=limits), path)


def document_of(extracted: Extracted, path: str) -> Document:
    """The reading stages over text a source has drawn from a file."""
    source = SourceText.of(extracted.display, extracted.page_starts)
    norm = normalize(extracted.text, extracted.offsets, pipe_rows=extracted.html_table)
    # The one position map of the document, built once: every stage reports through it.
    positions = PositionMap(source, norm.offsets)
    sections, headings = find_sections(positions, norm)
    facts: ReportFacts = report_facts(positions, norm, sections)
    tables, template = extract_tables(positions, norm, sections)
    if template != facts.template:
        facts = ReportFacts(**{**facts.__dict__, "template": template})
    bad = None if extracted.bad_byte_offset is None else source.position(extracted.bad_byte_offset)
    return Document(
        path=path,
        source=source,
        normalized=norm,
        encoding=extracted.encoding or "",
        confidence=extracted.confidence,
        facts=facts,
        sections=sections,
        headings=headings,
        tables=tables,
        bad_byte=bad,
        format=extracted.format,
        condition=extracted.condition,
        image_pages=extracted.image_pages,
        position_map=positions,
    )
