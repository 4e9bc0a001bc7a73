"""``--format junit``: JUnit XML, so CI test-report views list audited files.

One ``<testsuite name="gaudit">`` with one ``<testcase>`` per file; each
finding is a ``<failure>`` of that test case and an unreadable file is an
``<error>``.  ``tests`` counts files, ``failures`` the files with findings,
``errors`` the unreadable files.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from gaudit.model import FileResult
    from gaudit.output.base import OutputOptions
    from gaudit.summary import Summary

# Characters XML 1.0 cannot carry at all, even escaped (a report may hold stray controls).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


class JunitWriter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self._stream = stream
        self._cases: list[ET.Element] = []
        self._failures = 0
        self._errors = 0

    def start(self) -> None:
        pass

    def add(self, result: FileResult) -> None:
        case = ET.Element("testcase", classname="gaudit", name=_clean(result.path))
        if result.status == "error":
            self._errors += 1
            kind = result.error.kind if result.error else "internal"
            message = _clean(result.error.message if result.error else "")
            error = ET.SubElement(case, "error", type=kind, message=message)
            error.text = f"{_clean(result.path)}: {message}"
        elif result.findings:
            self._failures += 1
            for f in result.findings:
                message = _clean(f.message)
                failure = ET.SubElement(case, "failure", type=f.kind, message=f"{f.rule}: {message}")
                failure.text = f"{_clean(result.path)}:{f.line}:{f.col}: {f.severity} {f.rule} {message}"
        self._cases.append(case)

    def finish(self, summary: Summary) -> None:
        counts = {"tests": str(len(self._cases)), "failures": str(self._failures),
                  "errors": str(self._errors)}
        root = ET.Element("testsuites", {"name": "gaudit", **counts})
        suite = ET.SubElement(root, "testsuite", {"name": "gaudit", **counts})
        suite.extend(sorted(self._cases, key=lambda c: c.get("name", "")))
        ET.indent(root)
        self._stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self._stream.write(ET.tostring(root, encoding="unicode"))
        self._stream.write("\n")
        self._stream.flush()
