"""duplicate: one organ, one year, one report.

Two audited files whose reports name the same organ (by its normalised name: full and short
forms, Simplified and Traditional script are one organ) and the same year are two copies of
one report, or two different reports claiming to be it — whether their text is the same in
two encodings or layouts, or their numbers differ.  Every file of such a group but the first
(in path order) gets one hit, at its first line; ``related`` names the files before it.
Reports given with ``--previous`` are never counted here.

Parameters: none.

Placeholders: ``{organ}``, ``{year}``, ``{related_path}``, ``{count}`` (files of the group).

Examples
--------
1. PASS — ``a/石桥镇2023.txt`` and ``b/石桥镇2022.txt``: two years.
2. FAIL — ``a.txt`` (石桥镇人民政府2023年…) and ``b.html`` (石桥镇2023年…, GB18030): one hit
   on ``b.html``, related ``a.txt``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from gaudit.checks.base import CheckType
from gaudit.cross.checks._base import CrossCheck, CrossHit, hit_at, per_file_nothing
from gaudit.cross.corpus import Corpus, related


def compare(corpus: Corpus, params: Mapping[str, Any]) -> Iterator[CrossHit]:
    for members in corpus.by_organ.values():
        groups: dict[int, list[int]] = {}
        for i in members:
            record = corpus.records[i]
            if i < corpus.audited and record.year is not None:
                groups.setdefault(record.year, []).append(i)
        for year, group in groups.items():
            if len(group) < 2:
                continue
            group.sort(key=lambda i: corpus.records[i].path)
            for k, i in enumerate(group[1:], start=1):
                record = corpus.records[i]
                earlier = [corpus.records[j] for j in group[:k]]
                yield hit_at(i, record.title, [related(r, r.title) for r in earlier],
                             values={"organ": record.organ, "year": year, "related_path": earlier[0].path,
                                     "count": len(group)})


CHECK = CrossCheck(
    check=CheckType(
        name="duplicate",
        doc=__doc__ or "",
        params={},
        placeholders=frozenset({"organ", "related_path", "count"}),
        run=per_file_nothing,
    ),
    compare=compare,
)
