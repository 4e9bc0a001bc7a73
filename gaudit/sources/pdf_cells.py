"""Lay out a PDF page's rows of table cells in columns of spaces, by where each cell stands.

PDFium's text puts one space between the cells of a table row, so a row that left a cell
empty (``规章 3 [ ] 5``) reads ``规章 3 5``: nothing says which cell is missing.  A text file
laid out with spaces keeps that place, and ``gaudit.tables.geometry`` reads it from the
columns of the row's values against the table's complete rows.  This module gives a PDF's
rows the same layout: each token of a row of cells starts at the character column its left
edge stands at on the page (one column per :data:`UNIT` points from the page's left edge),
so rows of one table line up, and normalisation, which collapses runs of spaces, reads the
row exactly as before.

Only lines that look like rows of cells are looked at (at least two number tokens, or a
line of short header words, decided from the text alone), and only the first character of
each of their tokens is measured, and the last of tokens up to the first wide gap: a
page's other characters cost nothing.
A line whose tokens all stand close together (prose that happens to hold two numbers) is
left as it was.  The page's own PDFium calls stay in ``gaudit.sources.pdfium_pages``,
which passes in a function giving characters' left and right edges.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

__all__ = ["CJK", "UNIT", "spread_rows"]

#: Points of page width per character column.  Narrower than a digit at the sizes tables
#: are printed in (a 10.5-point digit is 5 points wide, a CJK character 10): a token's own
#: characters then never need more columns than its width gives them, so every token lands
#: on the column of its left edge.  An A4 page is 149 columns wide.
UNIT = 4.0
#: A line is a row of cells only when two of its tokens stand at least this far apart
#: (points): cells are separated by their padding and rules, words of prose by a space.
_CELL_GAP = 8.0

#: (left, right) edges of the characters at these text offsets of the page, in points; None
#: when PDFium has no box for one of them.
Edges = Callable[[Sequence[int]], "Sequence[tuple[float, float]] | None"]

_NUMBER_RE = re.compile(r"(?<!\S)[-+]?\d[\d,.]*%?(?!\S)")
#: A header cell's words ("维持 纠正 其他 尚未审结 总计"): several short tokens and nothing else.
_HEADER_RE = re.compile(r"\S{1,6}(?: \S{1,6}){4,}")
#: Ideographs and the CJK punctuation that sits inside labels (、。《》（），：；！？ and brackets):
#: a single space between two of them is letter-spacing, which ``gaudit.sources.pdf`` closes.
#: Not the marks a blank cell may hold (／ － ． 〇) nor full-width digits: "／ ／ ／" and
#: "３ ０ １" are three cells each.
CJK = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\u3001\u3002\u3008-\u3011\u3014-\u301f\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f"
)
_LETTER_SPACE_RE = re.compile(f"(?<=[{CJK}]) (?=[{CJK}])")
#: What ``str.splitlines`` breaks lines at.
_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def spread_rows(text: str, edges: Edges) -> tuple[str, frozenset[int]]:
    """``text`` with its rows of cells laid out by position, and the (0-based) indices of
    those lines (by ``str.splitlines``), which now start with the spaces of their indent."""
    lines = text.splitlines(keepends=True)
    rows: list[int] = []
    at = 0
    for index, line in enumerate(lines):
        if " " in line and (len(_NUMBER_RE.findall(line)) >= 2 or _HEADER_RE.fullmatch(line.strip())):
            body = line.rstrip(_BREAKS)
            spread = _spread(body, at, edges)
            if spread is not None:
                lines[index] = spread + line[len(body):]
                rows.append(index)
        at += len(line)
    if not rows:
        return text, frozenset()
    return "".join(lines), frozenset(rows)


def _spread(body: str, at: int, edges: Edges) -> str | None:
    """The line at text offset ``at`` laid out by position, or None to leave it as it is."""
    words = _words(body)
    if len(words) < 2:
        return None
    lefts = edges([at + start for start, _, _ in words])
    if lefts is None or not _apart(words, lefts, at, edges):
        return None  # tokens close together: prose, or a row already read right
    parts: list[str] = []
    column = 0  # the column after the last character, once letter-spacing is closed
    for (_, _, word), (left, _) in zip(words, lefts, strict=True):
        pad = max(1 if parts else 0, round(left / UNIT) - column)
        parts.append(" " * pad + word)
        column += pad + len(word) - word.count(" ")
    return "".join(parts)


def _apart(words: list[tuple[int, int, str]], lefts: Sequence[tuple[float, float]], at: int, edges: Edges) -> bool:
    """Whether two neighbouring words stand at least ``_CELL_GAP`` apart.  The right edges are
    looked up one by one: in a row of cells the first gap (label to value) is most often wide."""
    for (_, end, _), (left, _) in zip(words, lefts[1:], strict=False):
        last = edges([at + end - 1])
        if last is None:
            return False
        if left - last[0][1] >= _CELL_GAP:
            return True
    return False


def _words(body: str) -> list[tuple[int, int, str]]:
    """The line's tokens as (start, end, text); tokens joined by letter-spacing are one word,
    which keeps its single spaces (``gaudit.sources.pdf`` closes them)."""
    words: list[tuple[int, int, str]] = []
    spaced = _LETTER_SPACE_RE.search(body) is not None
    at = 0
    for token in body.split(" "):
        end = at + len(token)
        if token:
            if spaced and words and words[-1][1] + 1 == at and _LETTER_SPACE_RE.match(body, at - 1):
                start = words[-1][0]
                words[-1] = (start, end, body[start:end])
            else:
                words.append((at, end, token))
        at = end + 1
    return words
