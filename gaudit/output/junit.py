"""``--format junit``: JUnit XML, so CI test-report views list audited files.

One ``<testsuite name="gaudit">`` with one ``<testcase>`` per file.  A finding at or
above the ``--fail-on`` severity (``OutputOptions.fail_on``) is a ``<failure>`` of its
test case; findings below it (warnings when the run succeeds) do not fail the case: they
are listed in the case's ``<system-out>`` and counted in its ``<properties>``
(``gaudit.warnings``, ``gaudit.infos``).  An unreadable file is an ``<error>``.
``tests`` counts files, ``failures`` the files with failing findings, ``errors`` the
unreadable files.  Characters XML cannot carry are removed.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from typing import IO, TYPE_CHECKING, TextIO

from gaudit.findings import Severity
from gaudit.model import AuditedFile, FailedFile, FileResult

if TYPE_CHECKING:
    from gaudit.output.base import OutputOptions
    from gaudit.summary import Summary

# Characters XML 1.0 cannot carry at all, even escaped (a report may hold stray controls).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


#: Test cases kept in memory before the spool moves to a temporary file.
_SPOOL_IN_MEMORY = 4 * 1024 * 1024
#: Where the cases go in the skeleton document (an element name no XML of ours uses).
_PLACEHOLDER = "gaudit-cases"


class JunitWriter:
    """Each test case is serialised as its file arrives and spooled (to a temporary file
    beyond a few MB): the counts that open the document are known only at the end, and
    keeping every case as an element made memory grow with the number of files."""

    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self._stream = stream
        self._options = options
        self._spool: IO[str] = tempfile.SpooledTemporaryFile(  # noqa: SIM115 (closed in finish)
            max_size=_SPOOL_IN_MEMORY, mode="w+", encoding="utf-8")
        self._tests = 0
        self._failures = 0
        self._errors = 0

    def start(self) -> None:
        pass

    def add(self, result: FileResult) -> None:
        case = ET.Element("testcase", classname="gaudit", name=_clean(result.path))
        lang = self._options.lang
        if isinstance(result, FailedFile):
            self._errors += 1
            kind = result.error.kind
            message = _clean(result.error.message.get(lang))
            error = ET.SubElement(case, "error", type=kind, message=message)
            error.text = f"{_clean(result.path)}: {message}"
        elif result.findings:
            self._findings(case, result)
        ET.indent(case, level=2)  # a case stands two levels deep: testsuites > testsuite
        self._spool.write(("\n    " if self._tests else "") + ET.tostring(case, encoding="unicode"))
        self._tests += 1

    def _findings(self, case: ET.Element, result: AuditedFile) -> None:
        lang, threshold = self._options.lang, self._options.fail_on
        rank = Severity(threshold).rank if threshold else None
        failing = [f for f in result.findings if rank is not None and f.severity.rank >= rank]
        passing = [f for f in result.findings if f not in failing]
        path = _clean(result.path)
        if passing:
            properties = ET.SubElement(case, "properties")
            for severity in ("error", "warning", "info"):
                count = sum(1 for f in passing if f.severity == severity)
                if count:
                    ET.SubElement(properties, "property", name=f"gaudit.{severity}s", value=str(count))
        for f in failing:
            message = _clean(f.message.get(lang))
            failure = ET.SubElement(case, "failure", type=f.kind, message=f"{_clean(f.rule)}: {message}")
            failure.text = f"{path}:{f.line}:{f.col}: {f.severity.value} {_clean(f.rule)} {message}"
        if failing:
            self._failures += 1
        if passing:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(f"{path}:{f.line}:{f.col}: {f.severity.value} {_clean(f.rule)} "
                                 f"{_clean(f.message.get(lang))}" for f in passing)

    def finish(self, summary: Summary) -> None:
        counts = {"tests": str(self._tests), "failures": str(self._failures), "errors": str(self._errors)}
        root = ET.Element("testsuites", {"name": "gaudit", **counts})
        suite = ET.SubElement(root, "testsuite", {"name": "gaudit", **counts})
        if self._tests:
            ET.SubElement(suite, _PLACEHOLDER)
        ET.indent(root)
        head, _, tail = ET.tostring(root, encoding="unicode").partition(f"<{_PLACEHOLDER} />")
        self._stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self._stream.write(head)
        self._spool.seek(0)
        shutil.copyfileobj(self._spool, self._stream)
        self._spool.close()
        self._stream.write(tail)
        self._stream.write("\n")
        self._stream.flush()
