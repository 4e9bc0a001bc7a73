"""gaudit: an auditor for Chinese government information-disclosure annual reports.

The Python API (see the README's "Python API" section)::

    import gaudit

    run = gaudit.check(["reports/"], select=["blank-cell"], jobs=2)
    for result in run:                       # one AuditedFile or FailedFile per file
        print(result.path, [f.rule for f in result.findings])
    print(run.summary.files, run.exit_code)
    tables = gaudit.extract("reports/a.txt")  # {"active": Table, "applications": …}
    gaudit.to_frame(run)                      # pandas: one row per table cell

Only ``__version__`` is loaded with the package; the API is imported on first use, so
``gaudit --version`` starts as fast as before.
"""

from __future__ import annotations

import sys
import types

# Not imported from typing: ``import gaudit`` (and ``gaudit --version``) stays light.
TYPE_CHECKING = False

__version__ = "0.1.0"

if TYPE_CHECKING:
    from typing import Any

    from gaudit.api import CheckRun, FileUnreadable, check, extract, rules, to_dict, to_frame
    from gaudit.i18n import Bilingual, UserError
    from gaudit.model import AuditedFile, FailedFile, FileResult, Finding, Table
    from gaudit.summary import Summary

__all__ = ["AuditedFile", "Bilingual", "CheckRun", "FailedFile", "FileResult", "FileUnreadable",
           "Finding", "Summary", "Table", "UserError", "__version__", "check", "extract", "rules",
           "to_dict", "to_frame"]

_LAZY = {
    "check": "gaudit.api", "extract": "gaudit.api", "rules": "gaudit.api", "to_dict": "gaudit.api",
    "to_frame": "gaudit.api", "CheckRun": "gaudit.api", "FileUnreadable": "gaudit.api",
    "Bilingual": "gaudit.i18n", "UserError": "gaudit.i18n",
    "AuditedFile": "gaudit.model", "FailedFile": "gaudit.model", "FileResult": "gaudit.model",
    "Finding": "gaudit.model", "Table": "gaudit.model", "Summary": "gaudit.summary",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gaudit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


class _Package(types.ModuleType):
    """The ``gaudit`` package, whose ``rules`` is the API function.

    The import system binds every submodule on its package when it is first loaded; the
    submodule ``gaudit.rules`` (rule loading, imported as ``from gaudit.rules import …``)
    must not hide ``gaudit.rules()``."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
