"""Findings per organ and year, for the per-organ lines of ``--statistics`` and the summary.

A :class:`OrganTally` is fed every result as a writer sees it and keeps three counters per
(organ, year); :meth:`OrganTally.lines` ranks them worst first (most errors, then warnings,
then infos; then by name and year).  Files whose report names no organ count under
"organ unknown".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gaudit.model import AuditedFile, FileResult, Related

__all__ = ["OrganTally", "see_also"]

_UNKNOWN = {"zh": "(机关未知)", "en": "(organ unknown)"}
_HEADER = {"zh": "按机关和年度:", "en": "By organ and year:"}
_LINE = {"zh": "{organ} {year}年: {errors} 个错误, {warnings} 个警告, {infos} 个提示",
         "en": "{organ} {year}: {errors} errors, {warnings} warnings, {infos} infos"}


@dataclass
class OrganTally:
    counts: dict[tuple[str, int | None], list[int]] = field(default_factory=dict)

    def add(self, result: FileResult) -> None:
        if not isinstance(result, AuditedFile):
            return
        key = (result.facts.organ or "", result.facts.year)
        row = self.counts.setdefault(key, [0, 0, 0])
        for finding in result.findings:
            row[{"error": 0, "warning": 1}.get(finding.severity.value, 2)] += 1

    def ranked(self) -> list[tuple[str, int | None, int, int, int]]:
        """(organ, year, errors, warnings, infos), worst first."""
        rows = [(organ, year, row[0], row[1], row[2]) for (organ, year), row in self.counts.items()]
        rows.sort(key=lambda r: (-r[2], -r[3], -r[4], r[0] or "\uffff", r[1] or 0))
        return rows

    def lines(self, lang: str = "zh", most: int | None = None) -> list[str]:
        """A header and one line per organ and year with findings, worst first (the first
        ``most`` of them, then how many more)."""
        lang = "en" if lang == "en" else "zh"
        out = []
        for organ, year, errors, warnings, infos in self.ranked():
            if errors + warnings + infos == 0:
                continue
            out.append("  " + _LINE[lang].format(organ=organ or _UNKNOWN[lang], year=year or "?",
                                                  errors=errors, warnings=warnings, infos=infos))
        if most is not None and len(out) > most:
            more = len(out) - most
            out = [*out[:most], "  " + (f"… and {more} more" if lang == "en" else f"…… 另有 {more} 个")]
        return [_HEADER[lang], *out] if out else []


def see_also(related: tuple[Related, ...], lang: str = "zh") -> str:
    """``另见 a.txt:58, b.txt:p2:12`` / ``see also …``: the other reports of a cross finding."""
    if not related:
        return ""
    places = []
    for r in related:
        where = "" if r.line is None else (f":{r.line}" if r.page is None else f":p{r.page}:{r.line}")
        places.append(r.path + where)
    return ("see also " if lang == "en" else "另见 ") + ", ".join(places)
