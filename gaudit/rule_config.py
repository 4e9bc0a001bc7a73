"""The user's choice of rules: ``select`` and ``ignore`` (rule ids or kinds) and severities.

Applied to the loaded rules once per run, from the command line or the configuration file;
a name that is neither a rule id nor a kind is an error in the user's language, not a silent
no-op (a typo in ``ignore`` would otherwise leave a rule on).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from gaudit.findings import KINDS, Severity
from gaudit.i18n import Bilingual, UserError
from gaudit.rules import Rule

__all__ = ["RuleChoiceError", "configure"]

_LEVELS = ("error", "warning", "info", "off")


class RuleChoiceError(UserError):
    """``select``, ``ignore`` or ``severity`` names no rule or kind, or no level (exit 2)."""


def _resolve(rules: Sequence[Rule], names: Iterable[str], option: str) -> None:
    ids = {r.id for r in rules}
    for name in names:
        if name not in ids and name not in KINDS:
            kinds = ", ".join(KINDS)
            raise RuleChoiceError(Bilingual(
                f"{option}: 未知的规则 id 或类别 {name!r}(类别: {kinds};gaudit rules 列出全部规则 id)",
                f"{option}: unknown rule id or kind {name!r} (kinds: {kinds}; `gaudit rules` lists the rule ids)"))


def configure(rules: Sequence[Rule], *, select: Iterable[str] = (), ignore: Iterable[str] = (),
              severities: Mapping[str, str] | None = None) -> list[Rule]:
    """Apply ``select``/``ignore`` (rule ids or kinds) and severity overrides (``off`` drops a rule).

    A severity given for a rule id wins over one given for its kind.  Unknown ids or kinds
    raise :class:`RuleChoiceError`.
    """
    select, ignore = list(select), list(ignore)
    severities = dict(severities or {})
    _resolve(rules, select, "select")
    _resolve(rules, ignore, "ignore")
    _resolve(rules, severities, "severity")
    for name, level in severities.items():
        if str(level).strip().lower() not in _LEVELS:
            raise RuleChoiceError(Bilingual(
                f"severity: {name!r} 的级别 {level!r} 无效;可用 error、warning、info 或 off",
                f"severity: bad level {level!r} for {name!r}; use error, warning, info or off"))
    out = []
    for rule in rules:
        if select and rule.id not in select and rule.kind not in select:
            continue
        if rule.id in ignore or rule.kind in ignore:
            continue
        given = severities.get(rule.id, severities.get(rule.kind))
        if given is not None:
            level = str(given).strip().lower()
            if level == "off":
                continue
            rule = replace(rule, severity=Severity.parse(level))
        out.append(rule)
    return out
