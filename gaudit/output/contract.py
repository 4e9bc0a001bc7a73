"""The ``gaudit.check/1`` JSON contract: one file object, the tool object.

These dicts are the public shape documented in the output contract; the
json and jsonl writers print them, other writers read the same fields.
Changing a key here is a new schema version.
"""

from __future__ import annotations

from typing import Any

from gaudit.model import FileResult, Finding

SCHEMA = "gaudit.check/1"
TOOL_NAME = "gaudit"

# The optional finding fields, in contract order; each appears only when set.
_OPTIONAL = ("section", "table", "row", "column", "expected", "actual")


def tool_object(version: str) -> dict[str, str]:
    return {"name": TOOL_NAME, "version": version}


def finding_to_contract(finding: Finding) -> dict[str, Any]:
    """One finding object: the fixed keys, then the optional ones that are set."""
    out: dict[str, Any] = {
        "rule": finding.rule,
        "kind": finding.kind,
        "severity": finding.severity,
        "message": finding.message,
        "line": finding.line,
        "col": finding.col,
    }
    for key in _OPTIONAL:
        value = getattr(finding, key)
        if value is not None:
            out[key] = value
    return out


def file_to_contract(result: FileResult) -> dict[str, Any]:
    """One file object of the ``gaudit.check/1`` contract."""
    if result.status == "error":
        error = result.error
        return {
            "path": result.path,
            "status": "error",
            "error": {
                "kind": error.kind if error else "internal",
                "message": error.message if error else "",
            },
            "findings": [],
        }
    out: dict[str, Any] = {"path": result.path, "status": "ok", "encoding": result.encoding}
    if result.confidence is not None:
        # chardet's confidence, present only where chardet was asked (an added field).
        out["confidence"] = round(result.confidence, 3)
    out.update(script=result.script, year=result.year, template=result.template,
               findings=[finding_to_contract(f) for f in result.findings])
    return out
