"""What every cross-report check type shares.

A cross check compares records of several reports (:class:`~gaudit.cross.corpus.Corpus`)
and yields :class:`CrossHit` objects: the audited report the finding belongs to (the later,
or the parent, one), the :class:`~gaudit.model.Hit` on it and the other reports concerned
(``related``).  Like a per-file check it never knows its rule's severity or wording.

Each cross check is also registered as an ordinary :class:`~gaudit.checks.base.CheckType`
(so rule files name it in ``check:``, parameters are validated on loading and
``gaudit rules`` prints its documentation) whose per-file ``run`` finds nothing: its work is
done by :attr:`CrossCheck.compare` in the second pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from gaudit.checks.base import CheckType
from gaudit.cross.corpus import Corpus
from gaudit.cross.record import Place
from gaudit.model import Document, Hit, Related

__all__ = ["CrossCheck", "CrossHit", "hit_at", "per_file_nothing"]

RowKey = tuple[str, str]


@dataclass(frozen=True)
class CrossHit:
    target: int
    """Index in the corpus of the audited report the finding belongs to."""
    hit: Hit
    shown_line: int
    page: int | None
    related: tuple[Related, ...]


@dataclass(frozen=True)
class CrossCheck:
    check: CheckType
    compare: Callable[[Corpus, Mapping[str, Any]], Iterable[CrossHit]]
    rows: Callable[[Mapping[str, Any]], Iterable[RowKey]] = lambda params: ()
    """Table rows the check needs recorded."""
    sections: Callable[[Mapping[str, Any]], Iterable[int]] = lambda params: ()
    """Sections the check needs sketched."""


def per_file_nothing(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    """A cross check finds nothing in one report alone."""
    return iter(())


def hit_at(target: int, place: Place | None, related: Iterable[Related], **fields: Any) -> CrossHit:
    """A hit on report ``target`` at ``place`` (line 1 when unknown)."""
    line, col, shown, page = (1, 1, 1, None) if place is None else (
        place.line, place.col, place.shown_line, place.page)
    return CrossHit(target, Hit(line, col, **fields), shown, page, tuple(related))
