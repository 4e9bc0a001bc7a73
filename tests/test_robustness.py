"""Whatever bytes arrive, the in-process audit returns a result: never an exception, never chance.

Hypothesis feeds the whole pipeline (``audit_input``: decode, normalise,
sections, tables, rules) with arbitrary bytes, with report-like text in the
encodings reports come in, and with the sample reports damaged the way real
files are damaged (lines lost, doubled or swapped, digits turned to letters,
separators gone, two encodings in one file, a cut in the middle of a
character).  Every result must be ``ok`` or ``error``, point only at lines
that exist, be the same on a second run, and be writable as JSON.

The default run stays short (the ``gaudit`` Hypothesis profile of
``conftest.py``); ``pytest --fuzz`` tries many more inputs, and the ``fuzz``
test below alone tries ``GAUDIT_FUZZ_EXAMPLES`` inputs (100,000 by default).
"""

from __future__ import annotations

import io
import json
import os
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gaudit import __version__
from gaudit.audit import AuditOptions, Job, audit_input
from gaudit.decode import BinaryFileError, decode
from gaudit.discover import Input
from gaudit.memo import Memo
from gaudit.model import AuditedFile, FailedFile, FileResult, SourceText
from gaudit.template import SECTION_HEADINGS, SPECS

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SAMPLE_FILES = sorted(p for p in SAMPLES.glob("*") if p.suffix in (".txt", ".html", ".htm"))
SAMPLE_BYTES = {p.name: p.read_bytes() for p in SAMPLE_FILES}

PROFILE = settings.get_profile("gaudit")  # registered by conftest.py
FUZZ_EXAMPLES = int(os.environ.get("GAUDIT_FUZZ_EXAMPLES", "100000"))
NAME = "reports/fuzz.txt"


@cache
def _options() -> AuditOptions:
    from gaudit.rules import load_rules

    return AuditOptions(rules=tuple(load_rules()))


def _audit(data: bytes, name: str = NAME) -> FileResult:
    return audit_input(Job(Input(name, None), data=data), _options())


def _line_count(data: bytes) -> int | None:
    """Lines of the text as gaudit decodes it; None when it refuses the bytes."""
    try:
        return len(SourceText.of(decode(data).text).line_starts)
    except BinaryFileError:
        return None


def _json_of(result: FileResult) -> dict[str, object]:
    from gaudit.output import Format, OutputOptions, make_writer
    from gaudit.summary import Summary

    stream = io.StringIO()
    writer = make_writer(Format.JSON, stream, OutputOptions(tool_version=__version__,
                                                             rules=_options().rules))
    summary = Summary()
    writer.start()
    summary.add(result)
    writer.add(result)
    writer.finish(summary)
    parsed: dict[str, object] = json.loads(stream.getvalue())
    return parsed


def check_invariants(data: bytes, name: str = NAME) -> FileResult:
    """The properties every input must keep; returns the result for further checks."""
    result = _audit(data, name)
    assert result.path == name
    assert result.status in ("ok", "error")
    if isinstance(result, FailedFile):
        assert result.error.message.zh.strip() and result.error.message.en.strip()
        assert "Traceback" not in result.error.message.zh
        assert result.error.kind != "internal", result.error.message
        assert result.findings == ()
    else:
        assert isinstance(result, AuditedFile)
        lines = _line_count(data)
        assert lines is not None, "an audited file must be decodable"
        text = SourceText.of(decode(data).text)
        for f in result.findings:
            assert 1 <= f.line <= lines, (f, lines)
            assert 1 <= f.col <= len(text.line(f.line)) + 1, (f, text.line(f.line))
            assert f.severity in ("error", "warning", "info")
            assert f.message.zh.strip() and f.message.en.strip()
        near = {n for f in result.findings for n in range(f.hit.line - 2, f.hit.line + 3)}
        assert {f.hit.line for f in result.findings} <= set(result.quoted_lines) <= near
    # Same input, same output: nothing may depend on chance, time or earlier files.
    assert _audit(data, name) == result
    doc = _json_of(result)
    files = doc["files"]
    assert isinstance(files, list) and len(files) == 1
    assert files[0]["path"] == name and files[0]["status"] == result.status
    return result


# ----------------------------------------------------------------------- strategies
def _tokens() -> list[str]:
    """Pieces real reports are made of: headings, labels, numbers, separators."""
    numerals = "一二三四五六七"
    out = [f"{numerals[n - 1]}、{title}" for n, title in SECTION_HEADINGS.items()]
    for spec in SPECS.values():
        for row in spec.rows:
            out.append(row.label)
            if row.group:
                out.append(row.group)
            out += [c.label for c in row.columns]
    out += ["2021年政府信息公开工作年度报告", "统计期限自2022年1月1日起至2022年12月31日止",
            "第二十条第（一）项", "信息内容", "总计", "（详情见正文）", "- 3 -", "_第1頁",
            "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>", "<p>", "&nbsp;", "<td rowspan=\"22\">",
            "鎮(zhèn)", "報告", "無", "0", "1", "12", "+3", "-2", "12.35", "1,234", "３", "〇",
            " | ", "|", "\t", "  ", "    ", "\n", "\n\n", "\r\n", "\u3000", "\u00a0", "\ufeff"]
    return out


TOKENS = _tokens()
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "gbk", "big5hkscs", "utf-16", "utf-16-le", "utf-16-be")


@st.composite
def report_like(draw: st.DrawFn) -> bytes:
    """Report vocabulary in a random order, encoded the way reports are."""
    parts = draw(st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=120))
    codec = draw(st.sampled_from(ENCODINGS))
    return "".join(parts).encode(codec, errors="replace")


_LETTERS = bytes.maketrans(b"0123456789", b"OlZEhSGTBq")
_SEPARATORS = re.compile(rb"[|\t]| {2,}")
OPS = ("delete", "duplicate", "swap", "digits", "separators", "mix", "truncate")


def mutate(data: bytes, ops: list[tuple[str, int, int]]) -> bytes:
    """Damage a report as files get damaged; each op picks its place from two numbers."""
    for op, a, b in ops:
        lines = data.splitlines(keepends=True) or [b""]
        i, j = a % len(lines), b % len(lines)
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "digits":
            lines[i] = lines[i].translate(_LETTERS)
        elif op == "separators":
            lines[i] = _SEPARATORS.sub(b"", lines[i])
        elif op == "mix":  # first part GBK, the rest UTF-8
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("gb18030", errors="replace")
            cut = a % (len(text) + 1)
            lines = [text[:cut].encode("gbk", errors="replace"), text[cut:].encode("utf-8")]
        elif op == "truncate" and data:
            cut = a % len(data)
            # Move the cut just past the next non-ASCII byte: mid-character in UTF-8, GBK and Big5.
            while cut < len(data) and data[cut] < 0x80:
                cut += 1
            lines = [data[: cut + 1]]
        data = b"".join(lines)
    return data


mutations = st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 1 << 20), st.integers(0, 1 << 20)),
                     min_size=1, max_size=6)


# ----------------------------------------------------------------------- tests
@settings(PROFILE)
@given(st.binary(max_size=4096))
@example(b"")
@example(b"\x00" * 64)
@example(b"\xff\xfe")
@example(b"\xef\xbb\xbf")
@example("一、总体情况\n".encode())
@example(b"%PDF-1.7\n" + bytes(range(256)))
def test_arbitrary_bytes_never_escape(data: bytes) -> None:
    check_invariants(data)


@settings(PROFILE)
@given(report_like())
@example("二、主动公开政府信息情况\n规章 | 0 | 0 | 0\n".encode("gb18030"))
@example("四、政府信息公開行政複議、行政訴訟情況\n\t總計\n\n\t3\n".encode("big5hkscs"))
def test_report_like_text_in_any_encoding(data: bytes) -> None:
    check_invariants(data)


@pytest.mark.skipif(not SAMPLE_FILES, reason="samples/ not present")
@settings(PROFILE)
@given(st.sampled_from(sorted(SAMPLE_BYTES) or ["-"]), mutations)
def test_mutated_samples(name: str, ops: list[tuple[str, int, int]]) -> None:
    check_invariants(mutate(SAMPLE_BYTES[name], ops), f"samples/{name}")


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.name for p in SAMPLE_FILES])
def test_samples_are_read_and_audited(path: Path) -> None:
    result = check_invariants(path.read_bytes(), f"samples/{path.name}")
    assert result.status == "ok", result.error


def test_seed_reports_are_read_and_audited(seeds_dir: Path) -> None:
    seeds = sorted(seeds_dir.glob("*.txt"))
    assert seeds
    for path in seeds:
        result = check_invariants(path.read_bytes(), f"seeds/{path.name}")
        assert result.status == "ok", (path.name, result.error)


def test_mutations_do_what_they_say() -> None:
    """The damage is real, so the tests above exercise what they claim to."""
    text = "一、总体情况\n规章 | 1 | 2\n三\n".encode()
    assert mutate(text, [("delete", 0, 0)]) == "规章 | 1 | 2\n三\n".encode()
    assert mutate(text, [("duplicate", 2, 0)]) == "一、总体情况\n规章 | 1 | 2\n三\n三\n".encode()
    assert mutate(text, [("swap", 0, 2)]) == "三\n规章 | 1 | 2\n一、总体情况\n".encode()
    assert mutate(text, [("digits", 1, 0)]) == "一、总体情况\n规章 | l | Z\n三\n".encode()
    assert mutate(text, [("separators", 1, 0)]) == "一、总体情况\n规章  1  2\n三\n".encode()
    mixed = mutate(text, [("mix", 3, 0)])
    assert mixed == "一、总".encode("gbk") + "体情况\n规章 | 1 | 2\n三\n".encode()
    cut = mutate(text, [("truncate", 0, 0)])
    assert cut == "一".encode()[:1]
    with pytest.raises(UnicodeDecodeError):
        cut.decode("utf-8")


def test_hot_path_memos_stay_bounded_over_many_distinct_texts() -> None:
    """Memory stays flat over thousands of reports: a full memo is emptied, never grown."""
    memo: Memo[str, int] = Memo(3)
    for i in range(10):
        assert memo.keep(f"label {i}", i) == i
        assert len(memo) <= 3
    assert memo["label 9"] == 9 and "label 0" not in memo
    from gaudit.tables.labels import matcher

    m = matcher(SPECS[("applications", "2021")])
    for i in range(m._first.limit + 10):
        m.match(f"本年新收政府信息公开申请{i}", -1)
    assert len(m._first) <= m._first.limit


@pytest.mark.fuzz
@settings(PROFILE, max_examples=FUZZ_EXAMPLES)
@given(st.one_of(
    st.binary(max_size=65536),
    report_like(),
    st.builds(mutate, st.sampled_from(list(SAMPLE_BYTES.values()) or [b""]), mutations),
))
def test_fuzz_whole_pipeline(data: bytes) -> None:
    """The long run: ``pytest tests/test_robustness.py --fuzz -k fuzz_whole`` (100,000 inputs)."""
    check_invariants(data)
