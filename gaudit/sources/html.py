"""HTML (a saved web page, or an HTML fragment in a text file) -> lines and pipe rows.

Block elements become lines; each table row becomes one ``|cell|cell|`` line, a spanning
cell standing in its first column followed by the empty cells it covers, as a pipe table
typed by hand; scripts, styles and comments are dropped; entities are decoded, including
those browsers accept without their ``;`` (``&nbsp``).  Every character of the result keeps
the offset in the page it came from, so positions point into the HTML file itself.

Tags are recognised by the standard library's :class:`html.parser.HTMLParser`; the text
between them is taken from the page itself (not from the parser's already-unescaped data),
so that each character's offset is exact.  Before parsing, a ``<`` that cannot open a tag (no
``>`` before the next ``<``, or none within :data:`MAX_TAG`) is hidden from the parser: such
runs (``<td <td <td …``) otherwise make it rescan the rest of the page at every ``<``.
"""

from __future__ import annotations

import re
from array import array
from html import unescape
from html.parser import HTMLParser

from gaudit.model import offset_array, offset_range

__all__ = ["MAX_TAG", "html_to_text"]

#: Longest tag (with its attributes) taken as markup; a longer one is text.
MAX_TAG = 4096

#: Most columns one cell may span (a ``colspan`` beyond it is a typing error).
MAX_COLSPAN = 64

_BLOCK_TAGS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "blockquote", "section",
    "article", "header", "footer", "title", "caption", "dt", "dd", "pre", "hr",
})
_DROPPED = frozenset({"script", "style"})
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_LAYOUT_BREAK_RE = re.compile(r"\s*\n\s*")
_HIDDEN = "\ue000"  # stands for a "<" the parser must not see; never reaches the output


def _hide_broken_tags(page: str) -> str:
    """``page`` with each ``<`` that cannot open a tag replaced by one private character.

    One pass over the ``<`` positions; the next ``>`` and ``-->`` are found once and reused
    until passed, so the work is linear however the page is broken.
    """
    broken: list[int] = []
    gt = comment_end = -2  # -2: not looked up yet; -1: none further on
    i = page.find("<")
    while i != -1:
        nxt = page.find("<", i + 1)
        if page.startswith("<!--", i):
            if comment_end != -1 and comment_end < i:
                comment_end = page.find("-->", i + 4)
            if comment_end == -1:
                broken.append(i)
            else:
                nxt = page.find("<", comment_end + 3)
            i = nxt
            continue
        if gt != -1 and gt <= i:
            gt = page.find(">", i + 1)
        if gt == -1 or gt - i > MAX_TAG or (nxt != -1 and nxt < gt):
            broken.append(i)
        i = nxt
    if not broken:
        return page
    chars = list(page)
    for at in broken:
        chars[at] = _HIDDEN
    return "".join(chars)


class _Converter(HTMLParser):
    """Collects the converted text and, per character, its offset in the page."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.parts: list[str] = []
        self.offs = offset_array()
        self.last = "\n"  # the last character emitted (start of text counts as a line start)
        self.table_depth = 0
        self.in_cell = False
        self.row_cells = 0
        self.span_left = 0  # separators still owed by the open cell's colspan
        self.dropped = 0  # depth of script/style elements
        self.saw_table = False
        self.pending: int | None = None  # start of text not yet emitted
        # Where the token being handled starts in the page: the parser reports each step
        # through updatepos(i, j) with i, j indexes into what it holds (see updatepos).
        self.at = 0
        self.consumed = 0

    # -- bookkeeping ---------------------------------------------------------------------
    def here(self) -> int:
        return self.at

    def updatepos(self, i: int, j: int) -> int:
        # The parser's own bookkeeping counts the lines of every step for getpos(); the offset
        # is all this converter needs.  (Handlers run before the step that ends their token.)
        self.at = self.consumed + j
        return j

    def close(self) -> None:
        # What the parser has not yet taken stays in rawdata; indexes restart there.
        self.consumed = len(self.page) - len(self.rawdata)
        super().close()

    def emit(self, s: str, at: int) -> None:
        if s:
            self.parts.append(s)
            self.offs.extend([at] * len(s))
            self.last = s[-1]

    def emit_span(self, start: int, end: int) -> None:
        """The page's characters ``[start, end)`` as they are, each at its own offset."""
        if start < end:
            self.parts.append(self.page[start:end])
            self.offs.extend(offset_range(start, end))
            self.last = self.page[end - 1]

    def newline(self, at: int) -> None:
        if self.last != "\n":
            self.emit("\n", at)

    # -- text ----------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.pending is None:
            self.pending = self.here()

    def flush(self, end: int) -> None:
        start, self.pending = self.pending, None
        if start is None or start >= end or self.dropped:
            return
        if self.table_depth and not self.in_cell and self.page[start:end].isspace():
            return
        if self.page.find("&", start, end) == -1:  # most text holds no entity: no regex scan
            self.text(start, end)
            return
        pos = start
        for m in _ENTITY_RE.finditer(self.page, start, end):
            decoded = unescape(m.group())
            if decoded == m.group():
                continue  # not an entity HTML knows: the text stays as written
            self.text(pos, m.start())
            self.emit(decoded, m.start())
            pos = m.end()
        self.text(pos, end)

    def text(self, start: int, end: int) -> None:
        if not self.table_depth or self.page.find("\n", start, end) == -1:
            self.emit_span(start, end)
            return
        # Inside a table, line breaks in the source are only layout.
        pos = start
        for m in _LAYOUT_BREAK_RE.finditer(self.page, start, end):
            self.emit_span(pos, m.start())
            self.emit(" ", m.start())
            pos = m.end()
        self.emit_span(pos, end)

    # -- tags ----------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self.here()
        self.flush(at)
        if tag in _DROPPED:
            self.dropped += 1
        elif tag == "tr":
            if self.row_cells:
                self.close_row(at)
            self.newline(at)
        elif tag in ("td", "th"):
            self.open_cell(at, attrs)
        elif tag == "br":
            self.line_break(at)
        elif tag == "table":
            self.table_depth += 1
            self.saw_table = True
            self.close_cell(at)
            self.newline(at)
        elif tag in _BLOCK_TAGS and not self.in_cell and not self.table_depth:
            self.newline(at)

    def handle_endtag(self, tag: str) -> None:
        at = self.here()
        self.flush(at)
        if tag in _DROPPED:
            self.dropped = max(0, self.dropped - 1)
        elif tag == "tr":
            self.close_row(at)
        elif tag in ("td", "th"):
            self.close_cell(at)
        elif tag == "table":
            if self.row_cells:
                self.close_row(at)
            self.table_depth = max(0, self.table_depth - 1)
            self.close_cell(at)
            self.newline(at)
        elif tag in _BLOCK_TAGS:
            if self.in_cell:
                self.emit(" ", at)
            elif not self.table_depth:
                self.newline(at)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _DROPPED:  # <script/> opens nothing
            self.handle_starttag(tag, attrs)

    def handle_comment(self, data: str) -> None:
        self.flush(self.here())

    def handle_decl(self, decl: str) -> None:
        self.flush(self.here())

    def handle_pi(self, data: str) -> None:
        self.flush(self.here())

    def unknown_decl(self, data: str) -> None:
        self.flush(self.here())

    def open_cell(self, at: int, attrs: list[tuple[str, str | None]]) -> None:
        self.close_cell(at)
        span = 1
        for name, value in attrs:
            if name == "colspan" and value:
                digits = re.match(r"\s*(\d{1,4})", value)
                span = min(max(int(digits.group(1)), 1), MAX_COLSPAN) if digits else 1
        self.emit("|", at)
        self.span_left = span - 1
        self.row_cells += span
        self.in_cell = True

    def close_cell(self, at: int) -> None:
        # A spanning cell's text stands in its first column; the columns it
        # covers follow as empty cells, as in a pipe table typed by hand.
        if self.span_left:
            self.emit("|" * self.span_left, at)
            self.span_left = 0
        self.in_cell = False

    def close_row(self, at: int) -> None:
        self.close_cell(at)
        if self.row_cells:
            self.emit("|", at)
        self.newline(at)
        self.row_cells = 0

    def line_break(self, at: int) -> None:
        if self.in_cell:
            self.emit(" ", at)
        elif self.table_depth:
            self.newline(at)
        else:
            self.emit("\n", at)


def html_to_text(page: str) -> tuple[str, array[int], bool]:
    """Lines and pipe rows of ``page``, the page offset of each character (one more entry
    than characters: the end maps to ``len(page)``), and whether the page held a table."""
    converter = _Converter(page)
    converter.feed(_hide_broken_tags(page))
    converter.close()
    converter.flush(len(page))
    converter.offs.append(len(page))
    return "".join(converter.parts), converter.offs, converter.saw_table
