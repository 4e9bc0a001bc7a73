"""What happens to a report on its way to gaudit must not change what gaudit reads from it.

Each golden layout file is pushed through the damage real files carry: page markers
between any two lines (tables included), pinyin glosses after characters, Traditional
script, full-width digits and punctuation, CRLF line ends, a byte-order mark, legacy
encodings.  The tables must come out cell for cell as the golden extraction, and a
clean report must stay free of findings.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gaudit.audit import AuditOptions, audit_document
from gaudit.document import read_document
from gaudit.engine import run_rules
from gaudit.model import Document
from gaudit.output.extract_data import extract_to_contract
from gaudit.rules import load_rules


def document_to_contract(doc: Document) -> dict[str, Any]:
    """The ``gaudit.extract/1`` object of one read document."""
    return extract_to_contract(audit_document(doc, AuditOptions()))

DATA = Path(__file__).parent / "data" / "layouts"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
LAYOUTS = sorted(p.name.removesuffix(".expected.json") for p in DATA.glob("*.expected.json"))

_PAGE_MARKERS = ("- 3 -", "第 2 页 共 5 页", "Page 4", "P. 7", "—  6  —")
_GLOSSES = {"镇": "(zhèn)", "务": "(wù)", "报": "(bào)", "统": "(tǒng)", "处": "(chù)", "况": "(kuàng)"}


def _source(name: str) -> str:
    path = next(p for p in DATA.glob(f"{name}.*") if p.suffix in (".txt", ".html"))
    return path.read_text(encoding="utf-8")


def _tables(data: bytes) -> dict[str, Any]:
    return document_to_contract(read_document(data, "r.txt"))["tables"]  # type: ignore[no-any-return]


def page_markers(text: str, rng: random.Random) -> str:
    """A page marker line after a few random lines (inside tables too)."""
    lines = text.split("\n")
    for _ in range(4):
        at = rng.randrange(1, len(lines))
        lines.insert(at, rng.choice(_PAGE_MARKERS))
    return "\n".join(lines)


def glosses(text: str, rng: random.Random) -> str:
    """Pinyin after some characters, as scraped document sites print them: 鎮(zhèn)."""
    return "".join(ch + _GLOSSES[ch] if ch in _GLOSSES and rng.random() < 0.5 else ch for ch in text)


def traditional(text: str, rng: random.Random) -> str:
    del rng
    import opencc

    return str(opencc.OpenCC("s2t").convert(text))


_FULL = str.maketrans({**{str(d): chr(0xFF10 + d) for d in range(10)}, "(": "（", ")": "）", ":": "：", ",": "，"})


def full_width(text: str, rng: random.Random) -> str:
    del rng
    # Outside HTML markup only: tags and entities keep their ASCII.
    return re.sub(r"(<[^>]*>|&[a-z]+;)|([^<&]+)", lambda m: m.group(1) or m.group(2).translate(_FULL), text)


def crlf(text: str, rng: random.Random) -> str:
    del rng
    return text.replace("\n", "\r\n")


TRANSFORMS: dict[str, Callable[[str, random.Random], str]] = {
    "page-markers": page_markers,
    "pinyin-glosses": glosses,
    "traditional": traditional,
    "full-width": full_width,
    "crlf": crlf,
}
ENCODINGS = {"page-markers": "gb18030", "pinyin-glosses": "utf-8-sig", "traditional": "big5hkscs",
             "full-width": "utf-16", "crlf": "gbk"}


@pytest.mark.parametrize("transform", sorted(TRANSFORMS))
@pytest.mark.parametrize("name", LAYOUTS)
def test_tables_survive_what_happens_to_files(name: str, transform: str) -> None:
    expected = json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))["tables"]
    for seed in range(3):
        text = TRANSFORMS[transform](_source(name), random.Random(seed))
        try:
            data = text.encode(ENCODINGS[transform])
        except UnicodeEncodeError:
            data = text.encode("utf-8")
        assert _tables(data) == expected, (transform, seed)


@pytest.mark.parametrize("transform", sorted(TRANSFORMS))
@pytest.mark.parametrize("name", ["clean-2021.txt", "clean-2019.txt"])
def test_clean_report_stays_clean(name: str, transform: str) -> None:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    for seed in range(3):
        changed = TRANSFORMS[transform](text, random.Random(seed))
        doc = read_document(changed.encode("utf-8"), name)
        assert [(f.rule, f.line) for f in run_rules(doc, load_rules())] == [], (transform, seed)


@pytest.mark.parametrize("name", ["gbk-2021-defects.txt", "pipe-blank-cells.txt", "word-2022-narrative.docx"])
def test_results_without_detail_hold_the_same_findings(name: str) -> None:
    """``check`` formats that show findings only get results without tables and outline
    (cheaper to pass between processes): the findings and facts are the same."""
    doc = read_document((SAMPLES / name).read_bytes(), name)
    rules = tuple(load_rules())
    full = audit_document(doc, AuditOptions(rules=rules))
    lean = audit_document(doc, AuditOptions(rules=rules, detail=False))
    assert full.tables and full.sections and full.findings
    assert (lean.tables, lean.sections) == ({}, ())
    assert (lean.findings, lean.facts, lean.quoted_lines) == (full.findings, full.facts, full.quoted_lines)
