"""The built-in cross-report check types, one module each; :func:`cross_checks` is the registry.

Their :class:`~gaudit.checks.base.CheckType` halves are registered with the per-file check
types (:func:`gaudit.checks.all_checks`) so that rule files, validation and ``gaudit rules``
treat them like any other check.
"""

from __future__ import annotations

import functools
import importlib

from gaudit.cross.checks._base import CrossCheck, CrossHit

__all__ = ["CROSS_MODULES", "CrossCheck", "CrossHit", "cross_checks"]

CROSS_MODULES: tuple[str, ...] = ("carryover", "stock", "copied_text", "duplicate", "aggregate")


@functools.lru_cache(maxsize=1)
def cross_checks() -> dict[str, CrossCheck]:
    """Check type name -> its :class:`CrossCheck`."""
    out: dict[str, CrossCheck] = {}
    for name in CROSS_MODULES:
        module = importlib.import_module(f"gaudit.cross.checks.{name}")
        check: CrossCheck = module.CHECK
        out[check.check.name] = check
    return out
