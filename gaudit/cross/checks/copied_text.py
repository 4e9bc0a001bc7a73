"""copied-text: a narrative section that is a near copy of another report's.

Each narrative section named in ``sections`` (一、总体情况, 五、存在的主要问题及改进情况,
六、其他需要报告的事项) is reduced to the text that counts — sentences of statutory
boilerplate that every report must contain (``boilerplate``) are left out, numbers are
folded into one placeholder, punctuation and spaces dropped — and sketched (MinHash, see
:mod:`gaudit.cross.sketch`); sections with less than ``min_chars`` characters left are not
compared.  Sketches sharing a band of the LSH index are compared, never every pair, and a
pair whose estimated share of common text (Jaccard similarity of 6-character shingles)
reaches ``threshold`` is a near copy when the two reports are

* the same organ's report and its previous one (the organ's latest earlier year), or
* reports of two different organs (or of an organ the report does not name), any years.

Two reports of the same organ and year are ``duplicate-report``, not copies.  The hit goes
to the later report (by year, then path), one per section, at its heading; ``related``
names up to five reports it copies, most similar first.  A ``--previous`` report is only
ever the earlier one.

Parameters
----------
threshold : number, default 0.6
    Least share (0-1) of common text for a near copy.
sections : list of section numbers, default [1, 5, 6]
min_chars : int, default 60
    Least cleaned characters for a section to be compared.
boilerplate : list of regex, default statutory sentences
    A sentence matching any of them does not count.

Placeholders: ``{share}`` (per cent), ``{section_title}``, ``{related_path}``, ``{count}``
(reports copied), ``{same_organ}`` (yes/no, Bilingual).

Examples
--------
1. FAIL — 石桥镇 2023 section 5 says what its 2022 report said, numbers changed: one hit on
   the 2023 report, share about 95 %.
2. PASS — two townships whose sections share only 《条例》 sentences and 统计期限 boilerplate.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from gaudit.checks.base import CheckType, Param, ParamError
from gaudit.cross.checks._base import CrossCheck, CrossHit, hit_at, per_file_nothing
from gaudit.cross.corpus import Corpus, related
from gaudit.cross.record import Record, SectionSketch
from gaudit.cross.sketch import candidate_pairs, estimate
from gaudit.i18n import Bilingual

BOILERPLATE = (
    r"条例|统计期限|统计数据的时间范围|本报告(?:电子版|中所列|所列)|如对本报告",
    r"信息处理费|收费通知",
    r"^(?:本年度)?(?:无|没有)其他需要报告的事项$",
    r"政府信息公开(?:工作)?年度报告",
)
_MAX_RELATED = 5
_YES = Bilingual("是", "yes")
_NO = Bilingual("否", "no")


def _sketch(record: Record, section: int) -> SectionSketch | None:
    return next((s for s in record.sketches if s.section == section), None)


def _allowed(corpus: Corpus, a: int, b: int) -> tuple[int, int] | None:
    """(later, earlier) when the pair counts as a copy, else None."""
    later, earlier = (b, a) if corpus.order(a) < corpus.order(b) else (a, b)
    if later >= corpus.audited:
        return None
    rl, re_ = corpus.records[later], corpus.records[earlier]
    same_organ = rl.key is not None and rl.key == re_.key
    if same_organ and (rl.year == re_.year or earlier not in corpus.earlier_report(later)):
        return None
    return later, earlier


def compare(corpus: Corpus, params: Mapping[str, Any]) -> Iterator[CrossHit]:
    threshold = float(params["threshold"])
    for section in params["sections"]:
        items = [(i, s.signature) for i, r in enumerate(corpus.records)
                 if (s := _sketch(r, section)) is not None]
        sketches = dict(items)
        copies: dict[int, list[tuple[float, int]]] = {}
        for a, b in candidate_pairs(items):
            share = estimate(sketches[a], sketches[b])
            if share < threshold:
                continue
            pair = _allowed(corpus, a, b)
            if pair is not None:
                copies.setdefault(pair[0], []).append((share, pair[1]))
        for target in sorted(copies):
            found = sorted(copies[target], key=lambda item: (-item[0], corpus.records[item[1]].path))
            record = corpus.records[target]
            others = [corpus.records[j] for _, j in found[:_MAX_RELATED]]
            own = _sketch(record, section)
            same = any(o.key is not None and o.key == record.key for o in others)
            yield hit_at(target, own.place if own else None,
                         [related(o, s.place if (s := _sketch(o, section)) else None) for o in others],
                         values={"share": round(found[0][0] * 100), "related_path": others[0].path,
                                 "count": len(found), "same_organ": _YES if same else _NO},
                         section=section, actual=round(found[0][0], 2))


def _validate(params: dict[str, Any], formats: Sequence[str]) -> None:
    if not 0 < float(params["threshold"]) <= 1:
        raise ParamError("threshold", Bilingual("threshold 是 0 到 1 之间的比例, 如 0.6",
                                                "the threshold is a share between 0 and 1, e.g. 0.6"))
    if params["sections"] == "any":
        raise ParamError("sections", Bilingual("请指定要比较的叙述章节, 如 [1, 5, 6]",
                                               "name the narrative sections to compare, e.g. [1, 5, 6]"))
    if params["min_chars"] < 6:
        raise ParamError("min_chars", Bilingual("min_chars 至少为 6 个字符, 才能计算文本指纹",
                                                "at least 6 characters are needed for a sketch"))


CHECK = CrossCheck(
    check=CheckType(
        name="copied-text",
        doc=__doc__ or "",
        params={
            "threshold": Param("number", "least share of common text", 0.6),
            "sections": Param("sections", "narrative sections compared", [1, 5, 6]),
            "min_chars": Param("int", "least cleaned characters of a section", 60),
            "boilerplate": Param("str-list", "regexes of sentences that do not count", list(BOILERPLATE)),
        },
        placeholders=frozenset({"share", "section_title", "related_path", "count", "same_organ"}),
        run=per_file_nothing,
        validate=_validate,
    ),
    compare=compare,
    sections=lambda params: tuple(params["sections"]),
)
