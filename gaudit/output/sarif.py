"""``--format sarif``: a SARIF 2.1.0 log for GitHub code scanning and other viewers.

One run, its results written as files arrive; ``tool.driver.rules`` lists every rule in force (``ruleIndex`` points
into it); each finding is a result located by a URI relative to
``OutputOptions.base_dir`` under the ``%SRCROOT%`` base.  Files that could not
be read become error notifications of the invocation rather than results,
since no rule fired on them.

``partialFingerprints`` lets code scanning follow a finding across commits: it
hashes the file, the rule, the table cell and the text of the flagged line,
never the line number, so an alert survives lines being inserted above it.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from gaudit.baseline import finding_fingerprint
from gaudit.model import FailedFile, FileResult, Finding
from gaudit.output.contract import TOOL_NAME
from gaudit.output.json_stream import ArrayStream, dumps, key_prefix

if TYPE_CHECKING:
    from gaudit.output.base import OutputOptions, RuleInfo
    from gaudit.summary import Summary

SARIF_SCHEMA = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/gaudit/"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "gauditFindingHash/v1"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def sarif_level(severity: str) -> str:
    return _LEVELS.get(severity, "warning")


def artifact_location(path: str, base_dir: str) -> dict[str, str]:
    """A SARIF artifactLocation for ``path``: relative to ``base_dir`` when inside it."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, os.path.abspath(base_dir))
    except ValueError:  # another drive on Windows
        relative = os.pardir
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        # Outside the source root: an absolute file URI, which needs no base.
        return {"uri": _file_uri(absolute)}
    # RFC 3986 wants non-ASCII and reserved characters percent-encoded; '/' separates segments.
    return {"uri": quote(relative.replace(os.sep, "/"), safe="/"), "uriBaseId": SRCROOT}


def _file_uri(absolute: str) -> str:
    posix = absolute.replace(os.sep, "/")
    if not posix.startswith("/"):
        posix = "/" + posix  # C:/x -> /C:/x
    return "file://" + quote(posix, safe="/:")


#: The one fingerprint of a finding, shared with the baseline file.
fingerprint = finding_fingerprint


def _text(value: str, fallback: str) -> str:
    return value.strip() or fallback


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(「\"'])|(?<=[。!?])")
#: A shortDescription longer than this is replaced by the rule's title.
SHORT_LIMIT = 160


def first_sentence(text: str) -> str:
    """The first whole sentence of ``text`` (its line breaks joined), or ``""``."""
    flat = " ".join(text.split())
    if not flat:
        return ""
    return _SENTENCE_END.split(flat, maxsplit=1)[0].strip()


def rule_descriptor(rule: RuleInfo) -> dict[str, Any]:
    """A reportingDescriptor for one rule: a whole first sentence as the short description
    (the title when that sentence is long), the whole description, help on silencing it."""
    title = rule.name or rule.id
    sentence = first_sentence(rule.description)
    short = sentence if sentence and len(sentence) <= SHORT_LIMIT else title
    full = _text(rule.description, short)
    silence = (f"To silence it: `--ignore {rule.id}`, `ignore: [{rule.id}]` in .gaudit.yaml, or "
               f"`per-file-ignores` for some files; `gaudit rules {rule.id}` explains it.")
    help_text, help_markdown = f"{full}\n\n{silence.replace('`', '')}", f"{full}\n\n{silence}"
    if rule.source.strip():
        help_text += f"\n\nSource: {rule.source.strip()}"
        help_markdown += f"\n\n**Source:** {rule.source.strip()}"
    return {
        "id": rule.id,
        "name": title,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": sarif_level(rule.severity.value)},
        "properties": {"kind": rule.kind, "tags": [rule.kind]},
    }


class SarifWriter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self._stream = stream
        self._options = options
        self._rules: list[dict[str, Any]] = [rule_descriptor(r) for r in options.rules]
        self._rule_index: dict[str, int] = {r["id"]: i for i, r in enumerate(self._rules)}
        # Results are written as files arrive (memory stays flat over thousands of files),
        # so the run lists them before its tool and invocation, which are complete only at
        # the end; members of a JSON object have no order a SARIF reader relies on.
        self._results = ArrayStream(stream, depth=3)
        self._notifications: list[tuple[str, dict[str, Any]]] = []

    def start(self) -> None:
        self._stream.write("{")
        self._stream.write(key_prefix("$schema", 0, first=True) + dumps(SARIF_SCHEMA, 1))
        self._stream.write(key_prefix("version", 0) + dumps("2.1.0", 1))
        self._stream.write(key_prefix("runs", 0) + "[\n" + " " * 4 + "{")
        # gaudit counts columns in characters, not UTF-16 code units.
        self._stream.write(key_prefix("columnKind", 2, first=True) + dumps("unicodeCodePoints", 3))
        self._stream.write(key_prefix("results", 2))
        self._results.open()

    def _index(self, finding: Finding) -> int:
        # A finding of a rule nobody described still gets a (minimal) descriptor.
        index = self._rule_index.get(finding.rule)
        if index is None:
            index = len(self._rules)
            self._rules.append({"id": finding.rule, "properties": {"kind": finding.kind,
                                                                    "tags": [finding.kind]}})
            self._rule_index[finding.rule] = index
        return index

    def add(self, result: FileResult) -> None:
        location = artifact_location(result.path, self._options.base_dir)
        if isinstance(result, FailedFile):
            message = result.error.message.get(self._options.lang)
            kind = result.error.kind
            self._notifications.append((result.path, {
                "level": "error",
                "message": {"text": f"{result.path}: {message}" if message else result.path},
                "locations": [{"physicalLocation": {"artifactLocation": location}}],
                "properties": {"kind": kind},
            }))
            return
        seen: dict[str, int] = {}
        for finding in result.findings:
            digest = fingerprint(location["uri"], finding, result.quoted_lines.get(finding.hit.line, ""))
            # Identical findings on identical lines stay distinct by their order in the file.
            seen[digest] = seen.get(digest, 0) + 1
            self._results.add(self._result(finding, location, f"{digest}:{seen[digest]}"))

    def _result(self, finding: Finding, location: dict[str, str], digest: str) -> dict[str, Any]:
        properties: dict[str, Any] = {"kind": finding.kind}
        for key in ("page", "section", "table", "row", "column", "expected", "actual"):
            value = getattr(finding, key)
            if value is not None:
                properties[key] = value
        result = self._base_result(finding, location, digest, properties)
        if finding.related:  # the other reports a cross-report finding compares with
            result["relatedLocations"] = [
                {"id": k, "physicalLocation": {
                    "artifactLocation": artifact_location(r.path, self._options.base_dir),
                    **({"region": {"startLine": max(1, r.line)}} if r.line is not None else {})},
                 **({"properties": {"page": r.page}} if r.page is not None else {})}
                for k, r in enumerate(finding.related, start=1)]
        return result

    def _base_result(self, finding: Finding, location: dict[str, str], digest: str,
                     properties: dict[str, Any]) -> dict[str, Any]:
        return {
            "ruleId": finding.rule,
            "ruleIndex": self._index(finding),
            "level": sarif_level(finding.severity),
            "message": {"text": finding.message.get(self._options.lang)},
            "locations": [{"physicalLocation": {
                "artifactLocation": dict(location),
                "region": {"startLine": max(1, finding.line), "startColumn": max(1, finding.col)},
            }}],
            "partialFingerprints": {FINGERPRINT_KEY: digest},
            "properties": properties,
        }

    def finish(self, summary: Summary) -> None:
        self._results.close()
        self._notifications.sort(key=lambda item: item[0])
        invocation: dict[str, Any] = {"executionSuccessful": summary.failed == 0}
        if self._notifications:
            invocation["toolExecutionNotifications"] = [n for _, n in self._notifications]
        tool = {"driver": {
            "name": TOOL_NAME,
            "version": self._options.tool_version,
            "informationUri": INFORMATION_URI,
            "rules": self._rules,
        }}
        self._stream.write(key_prefix("tool", 2) + dumps(tool, 3))
        self._stream.write(key_prefix("invocations", 2) + dumps([invocation], 3))
        self._stream.write("\n" + " " * 4 + "}\n" + " " * 2 + "]\n}\n")
        self._stream.flush()
