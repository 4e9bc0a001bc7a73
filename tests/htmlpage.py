"""Helpers shared by the HTML report's tests: audit samples, render a page, read it back."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from writers import render

from gaudit.audit import AuditOptions, audit_document
from gaudit.document import read_document
from gaudit.model import AuditedFile, FileResult
from gaudit.output import Format, OutputOptions
from gaudit.rules import load_rules

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
_RULES = AuditOptions(rules=tuple(load_rules()))


def audited(name: str, path: str | None = None) -> AuditedFile:
    """A sample as ``gaudit check`` audits it (named ``path`` when given)."""
    doc = read_document((SAMPLES / name).read_bytes(), path or f"samples/{name}")
    return audit_document(doc, _RULES)


def page(results: tuple[FileResult, ...], lang: str = "zh") -> str:
    return render(Format.HTML, results, OutputOptions(lang=lang, tool_version="9.9"))


class Page(HTMLParser):
    """The elements of a page: every start tag with its attributes, script bodies, text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self.texts: list[str] = []
        self._script: dict[str, str] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.tags.append((tag, values))
        if tag == "script":
            self._script = values
            self.scripts.append((values, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        else:
            self.texts.append(data)

    def by_id(self, ident: str) -> dict[str, str]:
        return next(attrs for _, attrs in self.tags if attrs.get("id") == ident)

    def json(self, ident: str) -> Any:
        return json.loads(next(body for attrs, body in self.scripts if attrs.get("id") == ident))

    def details(self) -> list[Any]:
        """The detail JSON of every audited report, in page order."""
        return [json.loads(body) for attrs, body in self.scripts if attrs.get("class") == "data"]

    @property
    def text(self) -> str:
        return "".join(self.texts)
