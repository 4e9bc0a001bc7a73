"""The exit codes of ``gaudit check`` and ``gaudit extract``: a public contract CI jobs rely on."""

from __future__ import annotations

from enum import IntEnum

__all__ = ["ExitCode"]


class ExitCode(IntEnum):
    """The exit codes of ``check`` and ``extract`` (a public contract)."""

    OK = 0
    """Every file audited, nothing at or above the ``--fail-on`` severity."""
    FINDINGS = 1
    """Findings at or above ``--fail-on``."""
    USAGE = 2
    """A usage or configuration error: nothing audited."""
    UNREADABLE = 3
    """Some input could not be read (and no finding reached ``--fail-on``), or none was given."""
