"""The built-in check types, one module each; :func:`all_checks` is the registry.

A rule names its check type in ``check:``; the module of that name (dashes as
underscores) holds a :class:`~gaudit.checks.base.CheckType` called ``CHECK``
whose ``doc`` is the module docstring (parameters and PASS/FAIL examples,
printed by ``gaudit rules ID``).  Modules are imported on first use.
"""

from __future__ import annotations

import functools
import importlib

from gaudit.checks.base import CheckType, Hit, Param, ParamError, Text

__all__ = ["CHECK_MODULES", "CheckType", "Hit", "Param", "ParamError", "Text", "all_checks"]

#: Module names of the built-in check types, in catalogue order.
CHECK_MODULES: tuple[str, ...] = (
    "text_layer",
    "report_shape",
    "encoding",
    "required_section",
    "section_order",
    "required_table",
    "template_version",
    "no_blank_cells",
    "ambiguous_cells",
    "template_rows",
    "complete_table",
    "numeric_cells",
    "sum",
    "equation",
    "culprit_cells",
    "narrative_number",
    "text_required",
    "period",
    "value_range",
)


@functools.lru_cache(maxsize=1)
def all_checks() -> dict[str, CheckType]:
    """Check type name (``"required-section"``) -> its :class:`CheckType`; the cross-report
    check types (:mod:`gaudit.cross.checks`) come last and find nothing in one file alone."""
    out: dict[str, CheckType] = {}
    for name in CHECK_MODULES:
        module = importlib.import_module(f"gaudit.checks.{name}")
        check: CheckType = module.CHECK
        out[check.name] = check
    from gaudit.cross.checks import cross_checks  # compared across reports, in the second pass

    out.update((name, cross.check) for name, cross in cross_checks().items())
    return out
