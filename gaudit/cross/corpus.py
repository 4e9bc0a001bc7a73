"""All the records of a run, grouped for the cross-report checks.

The corpus holds the records of the audited files (indices ``0 .. audited - 1``, in path
order) followed by those of ``--previous`` reports.  It resolves organ keys across the run
(:func:`~gaudit.cross.organs.merge_short_names`), groups records by organ in time order and
answers the questions every cross check asks: the previous year's reports of an organ, the
children of a parent organ, where a row of another report stands (for ``related``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from gaudit.cross.organs import merge_short_names, organ_key, place_suffixes
from gaudit.cross.record import Place, Record, RecordSpec
from gaudit.i18n import Bilingual
from gaudit.model import Related
from gaudit.sections import organ_kind, organ_level

if TYPE_CHECKING:
    from gaudit.rules import Rule

__all__ = ["Corpus", "related"]


def related(record: Record, place: Place | None) -> Related:
    """``record``'s file as a ``related`` entry, at ``place`` when known."""
    if place is None:
        return Related(record.path)
    return Related(record.path, place.shown_line, place.page)


@dataclass
class Corpus:
    records: Sequence[Record]
    audited: int
    """Records ``0 .. audited - 1`` are the files being audited; the rest are ``--previous``."""
    spec: RecordSpec
    hierarchy: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """Parent organ name -> its children's names, as configured."""
    warnings: list[Bilingual] = field(default_factory=list)
    by_organ: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        keys = {i: organ_key(r.organ) for i, r in enumerate(self.records)}
        canonical = merge_short_names(k for k in keys.values() if k is not None)
        for i, key in keys.items():
            record = self.records[i]
            record.key = canonical.get(key, key) if key is not None else None
            if record.key is not None:
                self.by_organ.setdefault(record.key, []).append(i)
        for members in self.by_organ.values():
            members.sort(key=self.order)

    def order(self, i: int) -> tuple[int, int, str]:
        """Time order: year (unknown first), then audited before previous, then path."""
        r = self.records[i]
        return (r.year if r.year is not None else 0, int(r.previous), r.path)

    def audited_indices(self) -> range:
        return range(self.audited)

    def same_organ(self, i: int, year: int) -> list[int]:
        """Reports of record ``i``'s organ for ``year`` (any file, audited or previous)."""
        key = self.records[i].key
        if key is None:
            return []
        return [j for j in self.by_organ.get(key, ()) if self.records[j].year == year]

    def earlier_report(self, i: int) -> list[int]:
        """The organ's reports of the latest year before record ``i``'s year."""
        r = self.records[i]
        if r.key is None or r.year is None:
            return []
        years = [self.records[j].year for j in self.by_organ[r.key]]
        before = [y for y in years if y is not None and y < r.year]
        return self.same_organ(i, max(before)) if before else []

    def key_of_name(self, name: str) -> str | None:
        """The run's key for an organ named in configuration."""
        key = organ_key(name)
        if key is None or key in self.by_organ:
            return key
        matches = [k for k in self.by_organ if key in place_suffixes(k)]
        return matches[0] if len(matches) == 1 else key

    def applies(self, rule: Rule, i: int) -> bool:
        """The rule's conditions (formats, years, organ levels and kinds) on record ``i``."""
        r = self.records[i]
        if rule.formats is not None and r.template not in rule.formats:
            return False
        if rule.years is not None:
            low, high = rule.years
            if r.year is None or (low is not None and r.year < low) or (high is not None and r.year > high):
                return False
        if rule.organ_levels is not None and organ_level(r.organ) not in rule.organ_levels:
            return False
        return rule.organ_kinds is None or organ_kind(r.organ) in rule.organ_kinds
