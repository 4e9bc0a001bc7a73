"""Assemble a :class:`~gaudit.model.Document` from a file's bytes: every reading stage in order."""

from __future__ import annotations

from gaudit.decode import decode
from gaudit.model import Document, ReportFacts, SourceText
from gaudit.normalize import normalize
from gaudit.sections import find_sections, report_facts
from gaudit.tables import extract_tables


def read_document(data: bytes, path: str, encoding: str | None = None) -> Document:
    """Decode, normalise, find sections and tables.

    Raises :class:`gaudit.decode.BinaryFileError` for binary input; anything
    else that goes wrong is a bug and is isolated per file by the caller.
    """
    decoded = decode(data, encoding)
    source = SourceText.of(decoded.text)
    norm = normalize(decoded.text)
    sections, headings = find_sections(source, norm)
    facts: ReportFacts = report_facts(source, norm, sections)
    tables, template = extract_tables(source, norm, sections)
    if template != facts.template:
        facts = ReportFacts(**{**facts.__dict__, "template": template})
    bad = None if decoded.bad_byte_offset is None else source.position(decoded.bad_byte_offset)
    return Document(
        path=path,
        source=source,
        normalized=norm,
        encoding=decoded.encoding,
        confidence=decoded.confidence,
        facts=facts,
        sections=sections,
        headings=headings,
        tables=tables,
        bad_byte=bad,
    )
