"""The ``gaudit.check/1`` JSON contract: one file object, the tool object.

These dicts are the public shape documented in the output contract; the
json and jsonl writers print them, other writers read the same fields.
Changing a key here is a new schema version.
"""

from __future__ import annotations

from typing import Any

from gaudit.model import FailedFile, FileResult, Finding, Related

SCHEMA = "gaudit.check/1"
TOOL_NAME = "gaudit"

# The optional finding fields, in contract order; each appears only when set.
_OPTIONAL = ("section", "table", "row", "column", "expected", "actual")


def tool_object(version: str) -> dict[str, str]:
    return {"name": TOOL_NAME, "version": version}


def finding_to_contract(finding: Finding, lang: str = "zh") -> dict[str, Any]:
    """One finding object: the fixed keys, then the optional ones that are set."""
    out: dict[str, Any] = {
        "rule": finding.rule,
        "kind": finding.kind,
        "severity": finding.severity.value,
        "message": finding.message.get(lang),
        "line": finding.line,
        "col": finding.col,
    }
    if finding.page is not None:
        out["page"] = finding.page
    for key in _OPTIONAL:
        value = getattr(finding, key)
        if value is not None:
            out[key] = value
    if finding.related:
        out["related"] = [related_to_contract(r) for r in finding.related]
    return out


def related_to_contract(related: Related) -> dict[str, Any]:
    out: dict[str, Any] = {"path": related.path}
    if related.line is not None:
        out["line"] = related.line
    if related.page is not None:
        out["page"] = related.page
    return out


def file_to_contract(result: FileResult, lang: str = "zh") -> dict[str, Any]:
    """One file object of the ``gaudit.check/1`` contract."""
    if isinstance(result, FailedFile):
        return {
            "path": result.path,
            "status": "error",
            "error": {"kind": result.error.kind, "message": result.error.message.get(lang)},
            "findings": [],
        }
    out: dict[str, Any] = {"path": result.path, "status": "ok", "encoding": result.encoding}
    if result.confidence is not None:
        # chardet's confidence, present only where chardet was asked (an added field).
        out["confidence"] = round(result.confidence, 3)
    out.update(script=result.script, year=result.year, template=result.template)
    # Fields of the contract's second version (additions only).
    out.update(format=result.format.value, organ=result.facts.organ, organ_level=result.facts.organ_level)
    out["findings"] = [finding_to_contract(f, lang) for f in result.findings]
    return out
