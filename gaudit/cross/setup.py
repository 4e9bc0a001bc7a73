"""From settings and loaded rules to a :class:`~gaudit.cross.passes.CrossSetup`, or none.

The second pass runs only when cross-report audits are on (``cross: true``, no
``--no-cross``) and at least one cross rule survived ``select``/``ignore``/``severity``;
otherwise the run streams as before.  The record each worker makes is just what the
remaining rules need: the rows they compare, the sections they sketch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from gaudit.cross.checks import cross_checks
from gaudit.cross.record import RecordSpec
from gaudit.i18n import Bilingual

if TYPE_CHECKING:
    from gaudit.audit import Job
    from gaudit.cross.config import OrganMapping
    from gaudit.cross.passes import CrossSetup
    from gaudit.rules import Rule
    from gaudit.settings import Settings

__all__ = ["cross_rules", "make_setup", "record_spec", "setup_from_settings"]


def cross_rules(rules: Iterable[Rule]) -> list[Rule]:
    """The rules whose check compares reports."""
    checks = cross_checks()
    return [r for r in rules if r.check in checks]


def record_spec(rules: Sequence[Rule]) -> RecordSpec:
    """What each report's record must hold for ``rules``."""
    checks = cross_checks()
    rows: dict[tuple[str, str], None] = {}
    sections: set[int] = set()
    boilerplate: dict[str, None] = {}
    min_chars: list[int] = []
    for rule in rules:
        check = checks[rule.check]
        rows.update(dict.fromkeys(check.rows(rule.params)))
        sections.update(check.sections(rule.params))
        if "boilerplate" in rule.params:
            boilerplate.update(dict.fromkeys(rule.params["boilerplate"]))
            min_chars.append(int(rule.params["min_chars"]))
    return RecordSpec(tuple(rows), tuple(sorted(sections)), tuple(boilerplate), min(min_chars, default=60))


def make_setup(rules: Iterable[Rule], *, enabled: bool = True, previous: Sequence[Job] = (),
               hierarchy: dict[str, list[str]] | None = None, organs: Sequence[OrganMapping] = (),
               warn: Callable[[Bilingual], None] | None = None) -> CrossSetup | None:
    """The second pass's setup, or ``None`` when no cross rule is to run."""
    from gaudit.cross.passes import CrossSetup

    chosen = cross_rules(rules)
    if not enabled or not chosen:
        return None
    return CrossSetup(chosen, record_spec(chosen), previous, dict(hierarchy or {}), organs, warn)


def setup_from_settings(settings: Settings, rules: Iterable[Rule],
                        warn: Callable[[Bilingual], None] | None = None) -> CrossSetup | None:
    """:func:`make_setup` from the merged settings; ``previous`` folders are discovered with the
    run's ``include``/``exclude`` globs."""
    from gaudit.audit import Job
    from gaudit.discover import discover

    previous: list[Job] = []
    if settings.cross and settings.previous:
        found = discover(list(settings.previous), tuple(settings.include), tuple(settings.exclude))
        previous = [Job(inp) for inp in found.inputs if inp.fs_path is not None]
    return make_setup(rules, enabled=settings.cross, previous=previous, hierarchy=settings.hierarchy,
                      organs=settings.organs, warn=warn)
