"""text-required: a section must say something the format requires.

Fires when ``pattern`` (a regular expression, searched in the folded text:
Simplified script, half-width punctuation, line breaks removed so that a word
wrapped over two lines still counts) does not occur in the body of any of the
``sections`` present.  When none of those sections is present the
check is silent (``required-section`` reports that).  The hit stands at the
heading of the first section named that is present.

The built-in use: section 6 of a report on 2021 or later must state the
information-processing fees (信息处理费) — how many fee notices were sent and
what was collected.  ``本年度未收取信息处理费`` is a statement; a bare 无 is not.

Parameters
----------
pattern : str
    A regular expression that must occur.
sections : int | list of int, default [6]
    The sections to search (together).

Placeholders: ``{section}``, ``{section_title}``.

Examples
--------
1. PASS (pattern ``信息处理费|收费``) — section 6: ``本年度未发出收费通知,未收取信息处理费。``
2. FAIL — section 6 on line 70 reads only ``无。``: one hit at line 70.
3. PASS — no section 6 at all (``required-section`` reports it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from gaudit.checks.base import CheckType, Hit, Param, ParamError, compiled
from gaudit.i18n import Bilingual
from gaudit.model import Document

_LINE_BREAKS_RE = re.compile(r"\s*\n\s*")


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    pattern = compiled(params["pattern"])
    present = [s for n in params["sections"] if (s := doc.section(n)) is not None]
    if not present:
        return
    text = doc.normalized.text
    # Words wrapped over two lines (…信息处理\n费) still count: search without line breaks.
    if any(pattern.search(_LINE_BREAKS_RE.sub("", text[s.body_start:s.body_end])) for s in present):
        return
    first = min(present, key=lambda s: s.position.line)
    yield Hit(first.position.line, first.position.col, section=first.number)


def _validate(params: dict[str, Any], formats: Sequence[str]) -> None:
    if params["sections"] == "any":
        raise ParamError("sections", Bilingual("应为章节序号, 而不是 'any'", "expected section numbers, not 'any'"))


CHECK = CheckType(
    name="text-required",
    doc=__doc__ or "",
    params={
        "pattern": Param("regex", "regex that must occur"),
        "sections": Param("sections", "sections to search", [6]),
    },
    placeholders=frozenset({"section", "section_title"}),
    run=run,
    validate=_validate,
)
