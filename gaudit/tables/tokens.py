"""Cut lines of normalised text into table-cell tokens (a whole stretch: :mod:`gaudit.tables.stream`).

Whatever separated the cells in the file — ``|`` (pipe, Markdown and HTML
rows after normalisation), one cell per line, tabs, runs of spaces, or
nothing at all — the reader sees the same thing: tokens in reading order,
each one a label fragment (``text``), a number (``num``), a non-numeric value
such as ``无`` or ``/`` (``value``), an explicit empty cell (``blank``: an empty
piped or tab-separated cell, a tab-indented empty line), or an empty line
(``gap``), which the reader counts as a blank cell only where a row of cells
would otherwise come up short (one cell per line with no blank lines between rows).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal, NamedTuple

from gaudit.cells import is_number_text
from gaudit.memo import Memo

__all__ = ["Token", "TokenKind", "line_tokens", "unstack_headers"]

TokenKind = Literal["text", "num", "value", "blank", "gap"]


class Token(NamedTuple):
    """One cell-like piece of text (a tuple: hundreds are made per report, and a frozen
    dataclass costs three times as much to create)."""

    text: str
    """The cell as written (normalised, stripped); ``""`` for a blank."""
    start: int
    """Normalised offset of the token's first character (of its cell for a blank)."""
    line: int
    """0-based index of the normalised line the token stands on."""
    kind: TokenKind
    piped: bool = False
    """True when the token came from a ``|``-separated row."""
    glued: bool = False
    """True when the token was cut out of a run with no separator (``规章000``)."""


_MD_RULE_RE = re.compile(r"^\s*:?-{3,}:?\s*$")
_SPACE_RE = re.compile(r"\S+")
_UNIT_ONLY = frozenset({"元", "万元", "亿元", "件", "个", "条", "项", "次", "份", "宗", "起", "家"})
#: Non-numbers that a cell holds in place of a number (reported by the rules, not read as 0).
_VALUE_WORDS = frozenset({"无", "若干", "暂无", "空", "不适用", "零", "没有", "未", "无数据", "缺", "否", "不详",
                          "未知", "待定", "未统计", "无法统计", "未填", "无此项", "不清楚"})
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
#: Words a cell holds instead of a number that may run into the text after them (longest first;
#: one-character ones such as 无 begin labels too: 无法提供; so does 没有现成信息…).
_GLUED_VALUE_WORDS = tuple(sorted((w for w in _VALUE_WORDS if len(w) >= 2 and w not in ("无法统计", "没有")),
                                  key=lambda w: (-len(w), w)))
_GLUED_VALUE_ENDS = frozenset(w[-1] for w in _GLUED_VALUE_WORDS)
#: A count written in words with its unit (三件, 十二个): a cell, not a label.
_CN_COUNT_RE = re.compile(r"^[零〇一二两三四五六七八九十百千]{1,4}(?:件|个|条|项|次|份|宗|起|家)$")
_NUMBERING_RE = re.compile(r"^\(?[一二三四五六七八九十\d]{1,3}[).、]?$")
_BRACKETS_ONLY_RE = re.compile(r"^[()\[\]:,、]+$")
#: A number inside a run of text (for cells that lost their separators).
_EMBEDDED_NUM_RE = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?(?:万元|元)?")
#: A count with its unit word, or sentence punctuation: prose, which no table row holds.
_PROSE_RE = re.compile(r"\d\s*(?:件|个|条|项|次|份|宗|起|家|人次)|[。;!?]")
#: Numbering at the start of a label: ``1.``, ``1、``, ``(1)``, ``1)``.
_LEAD_NUMBERING_RE = re.compile(r"^(?:\(\d{1,2}\)|\d{1,2}[.、)])(?=\D)")


#: ``_kind`` of recent words: tables repeat the same numbers and label words.
_KINDS: Memo[str, TokenKind] = Memo(20_000)


def _kind(text: str) -> TokenKind:
    kind = _KINDS.get(text)
    return kind if kind is not None else _KINDS.keep(text, _classify(text))


def _classify(text: str) -> TokenKind:
    if not text:
        return "blank"
    if is_number_text(text):
        return "num"
    if _NUMBERING_RE.match(text) or _BRACKETS_ONLY_RE.match(text):
        return "text"  # numbering, or the bracket a wrapped header line ends with ("位:万元 / )")
    if text in _VALUE_WORDS or _CN_COUNT_RE.match(text):
        return "value"  # 无, 若干, 三件: text in a cell's place, reported as such
    if len(text) <= 4 and not _CJK_RE.search(text):
        return "value"  # "/", "—", "-", "l0", "O", "x"
    return "text"


def _split_glued(
    text: str, start: int, line: int, is_label: Callable[[str], bool]
) -> list[Token] | None:
    """``规章000行政规范性文件6233440`` -> label, digits, label, digits (only when a label is found)."""
    if _PROSE_RE.search(text.rstrip("。;!?")):
        # "结转下年度继续办理0件。" is a sentence, not a row that lost its separators (a table
        # whose page lost its line breaks may end the sentence it runs into: …收费0注:…日。)
        return None
    lead = _LEAD_NUMBERING_RE.match(text)
    skip = lead.end() if lead else 0
    parts: list[tuple[int, int, bool]] = []  # (begin, end, is_number)
    pos = 0
    for m in _EMBEDDED_NUM_RE.finditer(text, skip):
        b, e = m.span()
        if b > pos:
            parts.append((pos, b, False))
        parts.append((b, e, True))
        pos = e
    if not parts:
        return None
    if pos < len(text):
        parts.append((pos, len(text), False))
    # "若干第二十条…": a cell written in words, glued to the text after it.
    b0, e0, num0 = parts[0]
    lead_value = next((w for w in _GLUED_VALUE_WORDS if text.startswith(w, b0)), None)
    if not num0 and lead_value is not None and e0 - b0 > len(lead_value):
        parts[0:1] = [(b0, b0 + len(lead_value), False), (b0 + len(lead_value), e0, False)]
    # "…0000002.其他法律…": the numbering digit of the next label ran into the digits before it.
    fixed: list[tuple[int, int, bool]] = []
    for b, e, num in parts:
        if not num and fixed and fixed[-1][2] and text[b] in ".、" and fixed[-1][1] - fixed[-1][0] > 1:
            pb, pe, _ = fixed.pop()
            fixed.append((pb, pe - 1, True))
            b = pe - 1
        fixed.append((b, e, num))
    # "…(一)予以公开" then "1" then ".属于国家秘密…": a lone digit between a label and a dot is
    # the next label's numbering, not a cell.
    merged: list[tuple[int, int, bool]] = []
    k = 0
    while k < len(fixed):
        b, e, num = fixed[k]
        if (num and e - b == 1 and merged and not merged[-1][2] and k + 1 < len(fixed)
                and not fixed[k + 1][2] and text[fixed[k + 1][0]] in ".、"):
            merged.append((b, fixed[k + 1][1], False))
            k += 2
            continue
        merged.append((b, e, num))
        k += 1
    if not any(not num and is_label(text[b:e]) for b, e, num in merged) and not _numbered_row(text, merged):
        return None
    fixed = _label_suffixes(text, merged, is_label)
    out: list[Token] = []
    for b, e, num in fixed:
        piece = text[b:e]
        out.append(Token(piece, start + b, line, "num" if num else _kind(piece), glued=True))
    return out


_CLOSING = frozenset(")]】》」』")
#: A numbered row whose label the template does not know (a typo): 2.其他法律行政止公开0000000.
_NUMBERED_LABEL_RE = re.compile(r"^\(?[一二三四五六七八九十\d]{1,2}[).、][\u4e00-\u9fff“”\"、]{2,40}$")
_MIN_ROW_DIGITS = 3


def _numbered_row(text: str, parts: list[tuple[int, int, bool]]) -> bool:
    """One numbered label and one run of digits after it, long enough to be the row's cells."""
    if len(parts) != 2 or parts[0][2] or not parts[1][2]:
        return False
    (b, e, _), (nb, ne, _) = parts
    return ne - nb >= _MIN_ROW_DIGITS and _NUMBERED_LABEL_RE.match(text[b:e]) is not None


def _trailing_value_word(word: str, is_label: Callable[[str], bool]) -> str | None:
    """The word of two characters or more (若干, 暂无 …) that ends ``word`` right after a whole
    row label, else None."""
    if word[-1] not in _GLUED_VALUE_ENDS:
        return None
    for value in _GLUED_VALUE_WORDS:
        if len(word) > len(value) and word.endswith(value) and _exact_label(is_label, word[:-len(value)]):
            return value
    return None


def _exact_label(is_label: Callable[[str], bool], text: str) -> bool:
    exact = getattr(is_label, "exact", None)
    return bool(exact(text)) if exact is not None else False


#: Longest row label worth looking for at the end of a glued run of text (folded, with numbering).
_MAX_LABEL_SUFFIX = 48


def _label_suffixes(text: str, parts: list[tuple[int, int, bool]],
                    is_label: Callable[[str], bool]) -> list[tuple[int, int, bool]]:
    """Text glued before a row label (``…现行有效件数规章``) cut off the label: the longest
    end of a text part right before a number that is exactly a label becomes its own part."""
    exact = getattr(is_label, "exact", None)
    if exact is None:
        return parts
    out: list[tuple[int, int, bool]] = []
    for i, (b, e, num) in enumerate(parts):
        if num or i + 1 >= len(parts) or not parts[i + 1][2]:
            out.append((b, e, num))
            continue
        cut = None
        for k in range(max(b, e - _MAX_LABEL_SUFFIX), e - 1):
            if text[k] not in _CLOSING and exact(text[k:e]):
                cut = k
                break
        if cut is not None and cut > b:
            out.append((b, cut, False))
            out.append((cut, e, False))
        else:
            out.append((b, e, num))
    return out


def _words(piece: str, base: int, line: int, out: list[Token], is_label: Callable[[str], bool]) -> None:
    """Space-separated words of a cell or line, with unit words merged into the number before them."""
    words = list(_SPACE_RE.finditer(piece))
    for w, m in enumerate(words):
        word = m.group()
        start = base + m.start()
        if word in _UNIT_ONLY and out and out[-1].kind == "num" and out[-1].line == line:
            prev = out.pop()
            out.append(Token(prev.text + word, prev.start, line, "num", prev.piped, prev.glued))
            continue
        kind = _kind(word)
        if kind == "text" and w + 1 < len(words) and words[w + 1].group()[:1].isdigit():
            value = _trailing_value_word(word, is_label)
            if value is not None:
                # "(一)予以公开若干 0 0 1": PDF text closed the space between a label and the
                # word written in its first cell.
                at = len(word) - len(value)
                out.append(Token(word[:at], start, line, "text", glued=True))
                out.append(Token(value, start + at, line, "value", glued=True))
                continue
        if kind == "text" and any(c.isdigit() for c in word):
            glued = _split_glued(word, start, line, is_label)
            if glued:
                out.extend(glued)
                continue
        if (kind == "text" and w + 1 < len(words) and words[w + 1].group()[:1].isdigit()
                and len(word) > 2 and not _exact_label(is_label, word)):
            # "…现行有效件数规章 000": header words glued before the row label that the cells follow.
            cut = _label_suffixes(word, [(0, len(word), False), (len(word), len(word), True)], is_label)
            if len(cut) == 3:
                out.append(Token(word[:cut[1][0]], start, line, "text", glued=True))
                out.append(Token(word[cut[1][0]:], start + cut[1][0], line, "text", glued=True))
                continue
        out.append(Token(word, start, line, kind))


def unstack_headers(tokens: list[Token], start: int = 1) -> None:
    """A header stacked one character per line (PDF text) holds 未 and 无 of 尚未审结 or 无法提供:
    between one-character header words they are text, not a cell written as 未 or 无.

    Tokens from ``start`` on are looked at (each between its neighbours, the one before it as
    already changed): a stream unstacks each chunk with the last token of the one before."""
    for i in range(max(start, 1), len(tokens) - 1):
        t = tokens[i]
        if t.kind != "value" or t.piped or len(t.text) != 1 or not _CJK_RE.match(t.text):
            continue
        before, after = tokens[i - 1], tokens[i + 1]
        # Stacked (one character per line) or spaced out on one line (尚 未 审结).
        if before.kind == after.kind == "text" and len(before.text) <= 2 and len(after.text) <= 2 \
                and before.line <= t.line <= after.line:
            tokens[i] = Token(t.text, t.start, t.line, "text")


_SENTENCE_END_RE = re.compile(r"。+")
_DIGIT_RE = re.compile(r"\d")
#: A number standing bare, as cells do (prose counts carry a unit: 申请 11 件, 2021年).
_BARE_NUMBER_RE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?"
                             r"(?![\d.]|\s*[件条个项次份宗起家人%％年月日号篇期场批户名张所元天余多万亿倍])")
#: Bare numbers that make a sentence hold a table (a page that lost its line breaks).
_TABLE_NUMBERS = 3
#: A bare number this long is cells run together (no count reaches a million).
_GLUED_RUN = 7


def _sentences(line: str, base: int, line_no: int, out: list[Token], is_label: Callable[[str], bool]) -> None:
    """Sentences of prose: no row of a table ends a sentence, so their words need no study; but
    a page that lost its line breaks runs a table into them (…具体情况如下: 第二十条… 行政许可 0 …),
    so a sentence holding a table's numbers is read word by word."""
    at = 0
    for m in _SENTENCE_END_RE.finditer(line):
        _prose(line[at:m.end()], base + at, line_no, out, is_label)
        at = m.end()
    _prose(line[at:], base + at, line_no, out, is_label)


def _holds_table(text: str) -> bool:
    """Enough bare numbers (or a glued run of them) for a table to stand in this text."""
    if _DIGIT_RE.search(text) is None:
        return False
    bare = _BARE_NUMBER_RE.findall(text)
    return len(bare) >= _TABLE_NUMBERS or any(len(b) >= _GLUED_RUN for b in bare)


def _prose(piece: str, base: int, line_no: int, out: list[Token], is_label: Callable[[str], bool]) -> None:
    """A sentence: one text token, or its words when it holds digits (a table may stand in it)."""
    text = piece.strip()
    if not text:
        return
    if not _holds_table(text):
        out.append(Token(text, base + piece.index(text[0]), line_no, "text"))
    else:
        _words(piece, base, line_no, out, is_label)


def _pipe_line(line: str, base: int, line_no: int, out: list[Token], is_label: Callable[[str], bool],
               borders: bool) -> None:
    """The cells of a line holding pipes (pipe, Markdown and HTML rows)."""
    if line.strip() == "|":
        # "cell |" one per line: a line holding only the pipe is a cell left empty, or a row's
        # end; like an empty line, the reader counts it only where a row comes up short.
        out.append(Token("", base + line.index("|"), line_no, "gap"))
        return
    pieces = line.split("|")
    if "-" in line:
        if all(not p.strip() or _MD_RULE_RE.match(p) for p in pieces):
            return  # Markdown rule row "| --- | :---: |"
    elif line.count("|") + line.count(" ") + line.count("\t") == len(line):
        return  # nothing but pipes ("||")
    offsets: list[int] = []
    at = base
    for p in pieces:
        offsets.append(at)
        at += len(p) + 1
    first = 1 if borders and line.lstrip().startswith("|") else 0
    last = len(pieces) - 1 if line.rstrip().endswith("|") else len(pieces)
    for p, off in zip(pieces[first:last], offsets[first:last], strict=True):
        cell = p.strip()
        if not cell:
            out.append(Token("", off, line_no, "blank", piped=True))
            continue
        cstart = off + p.index(cell[0])
        kind = _kind(cell)
        if kind == "text" and " " in cell:
            # A PDF row pasted into a cell: "行政许可 21 98"; keep plain label text whole.
            sub: list[Token] = []
            _words(cell, cstart, line_no, sub, is_label)
            if any(t.kind != "text" for t in sub):
                out.extend(Token(t.text, t.start, t.line, t.kind, True, t.glued) for t in sub)
                continue
        out.append(Token(cell, cstart, line_no, kind, piped=True))


def line_tokens(line: str, base: int, line_no: int, out: list[Token], is_label: Callable[[str], bool],
                borders: bool = True) -> None:
    """Append the tokens of one line (``line`` starts at offset ``base``, line ``line_no``) to ``out``."""
    stripped = line.strip()
    if not stripped:
        # One cell per line (seed 002): a tab-indented empty line is an explicit blank cell.
        out.append(Token("", base, line_no, "blank" if "\t" in line else "gap"))
        return
    if "|" in line:
        _pipe_line(line, base, line_no, out, is_label, borders)
        return
    if "。" in stripped and "\t" not in stripped and len(stripped) > 30:
        if _holds_table(stripped):
            _sentences(line, base, line_no, out, is_label)
        else:
            out.append(Token(stripped, base + line.index(stripped[0]), line_no, "text"))
        return
    if "\t" in line:
        # Tab-separated cells: two tabs in a row hold an empty cell between them; the tabs
        # that indent the line (or trail it) do not.
        lead = len(line) - len(line.lstrip("\t"))
        pieces = line[lead:].rstrip("\t").split("\t")
        if len(pieces) > 1:
            # A row of cells may start with empty ones (\t0\t0…): kept as gaps, which the
            # reader counts as blank cells only when the row is short without them.
            out.extend(Token("", base + k, line_no, "gap") for k in range(lead))
        at = base + lead
        for p in pieces:
            if p.strip():
                _words(p, at, line_no, out, is_label)
            elif len(pieces) > 1:
                out.append(Token("", at, line_no, "blank"))
            at += len(p) + 1
        return
    _words(line, base, line_no, out, is_label)
