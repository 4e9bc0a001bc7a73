"""required-section: each of the statutory sections must have its heading.

One hit per missing section.  A missing section has no place of its own, so
the hit stands where it should have begun: at the heading of the next
section that is present, else at the last line of the last section, else on
line 1.

Parameters
----------
sections : list of int, default [1, 2, 3, 4, 5, 6]
    The sections (1-6, as numbered in the template) that must be present.

Placeholders: ``{section}`` (its number), ``{section_title}`` (the template's heading).

Examples
--------
1. PASS — headings 一、总体情况 … 六、其他需要报告的事项 all present.
2. FAIL — no heading for section 5: one hit with ``section: 5`` at the heading of section 6.
3. FAIL (``sections: [6]``) — a report that ends after section 5: one hit at the last
   line of section 5.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks.base import CheckType, Hit, Param, ParamError
from gaudit.i18n import Bilingual
from gaudit.model import Document


def run(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    present = {s.number for s in doc.sections}
    for number in params["sections"]:
        if number in present:
            continue
        after = [s for s in doc.sections if s.number > number]
        if after:
            line, col = after[0].position.line, after[0].position.col
        elif doc.sections:
            line, col = doc.sections[-1].end_line, 1
        else:
            line, col = 1, 1
        yield Hit(line, col, section=number)


def _validate(params: dict[str, Any], formats: object) -> None:
    if params["sections"] == "any":
        raise ParamError("sections", Bilingual("应为章节序号列表, 而不是 'any'",
                                               "expected a list of section numbers, not 'any'"))


CHECK = CheckType(
    name="required-section",
    doc=__doc__ or "",
    params={"sections": Param("sections", "sections that must be present", [1, 2, 3, 4, 5, 6])},
    placeholders=frozenset({"section", "section_title"}),
    run=run,
    validate=_validate,
)
