"""Organ names as keys: one key per organ, whatever form of its name a report uses.

:func:`organ_key` folds a name to a key: Traditional to Simplified script, full-width to
half-width, spaces and punctuation removed, and the usual long and short forms made one
(``XX镇人民政府`` and ``XX镇``, ``XX街道办事处`` and ``XX街道``, ``XX县人民政府办公室`` and
``XX县政府办``, ``委员会`` and ``委``).  Place words stay: ``石桥镇`` and ``石桥县`` are two
keys, and so are ``临川县石桥镇`` and ``江州县石桥镇``.

:func:`merge_short_names` then joins a key that names no county (``石桥镇``) to the one longer
key that does (``临川县石桥镇``) when exactly one organ of the run has that longer name, so a
report that leaves its county out in one year still pairs with its other years; when two
counties each have a 石桥镇, the bare name is ambiguous and stays apart.  A name that differs
by a typo is another organ: names are never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gaudit.normalize import fold

__all__ = ["merge_short_names", "organ_key", "place_suffixes"]

_DROP_RE = re.compile(r"[\s\W_]+")
_LONG_FORMS: tuple[tuple[str, str], ...] = (
    ("人民政府", "政府"),
    ("街道办事处", "街道"),
    ("委员会", "委"),
    ("办公室", "办"),
    ("办公厅", "厅"),
)
#: A government's own name: the place, without 政府 (``XX镇政府`` -> ``XX镇``).
_GOVERNMENT_RE = re.compile(r"(镇|乡|街道|苏木|县|区|市|旗|州|盟|省|自治区)政府$")
#: One leading place of a longer name (``江州市``, ``临川县``): the shortest of at least two
#: characters before a place word (so 江州市 is one place, not 江州 and 市…).
_PLACE_PREFIX_RE = re.compile(r"^[\u4e00-\u9fff]{2,10}?(?:自治区|自治州|自治县|省|市|州|盟|县|区|旗)")


def organ_key(name: str | None) -> str | None:
    """The comparison key of an organ's name, or ``None`` for no name."""
    if not name:
        return None
    key = _DROP_RE.sub("", fold(name))
    key = key.removeprefix("中共")
    for long, short in _LONG_FORMS:
        key = key.replace(long, short)
    key = _GOVERNMENT_RE.sub(r"\1", key)
    return key or None


def place_suffixes(key: str) -> list[str]:
    """The key with its leading places removed one at a time (``江州市临川县石桥镇`` ->
    ``临川县石桥镇``, ``石桥镇``); each suffix is at least two characters."""
    out: list[str] = []
    rest = key
    while True:
        m = _PLACE_PREFIX_RE.match(rest)
        if m is None or len(rest) - m.end() < 2:
            return out
        rest = rest[m.end():]
        out.append(rest)


def merge_short_names(keys: Iterable[str]) -> dict[str, str]:
    """Key -> the key it stands for in this run (itself, or the one longer key naming its
    county); ambiguous short names map to themselves."""
    present = sorted(set(keys), key=lambda k: (-len(k), k))
    longer: dict[str, set[str]] = {}
    for key in present:
        for suffix in place_suffixes(key):
            longer.setdefault(suffix, set()).add(key)
    canonical: dict[str, str] = {}
    for key in present:  # longest first: a longer key's own target is known already
        targets = {canonical.get(k, k) for k in longer.get(key, ())}
        canonical[key] = targets.pop() if len(targets) == 1 else key
    return canonical
