"""Render a generated report (HTML or text with HTML tables) as a Word document or a PDF.

Benchmark-only: python-docx and reportlab are imported here and nowhere in gaudit. A report is
first read into blocks (paragraphs and tables with their row and column spans) by a small
``html.parser`` walker; the blocks are then written as

* DOCX with python-docx: every table a real Word table ("Table Grid"), spans as merged cells
  (the group labels of the statutory tables, as in the official template), a label broken by
  ``<br>`` as two paragraphs of one cell;
* PDF with reportlab: the built-in CID font STSong-Light (UniGB-UCS2-H, not embedded), ruled
  tables (``GRID``) with ``SPAN`` for merged cells and wrapped labels (``Paragraph`` in cells),
  tables split across pages where they do not fit, and a page number in every footer.

Nothing here knows gaudit's template: the blocks come from the generators' own HTML.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from xml.sax.saxutils import escape

_SKIP = {"head", "title", "style", "script"}
_BREAKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "body"}
_CELL_BREAKS = {"p", "div", "br", "li"}


@dataclass
class Cell:
    lines: list[str]
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Table:
    rows: list[list[Cell]] = field(default_factory=list)



class _Walker(HTMLParser):
    """Paragraphs (one per line of text or block element) and tables (cells with spans)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str | Table] = []
        self._para: list[str] = []
        self._skip = 0
        self._tables: list[Table] = []
        self._cell: Cell | None = None
        self._cell_line: list[str] = []

    # ---- paragraphs outside tables
    def _flush_para(self) -> None:
        text = "".join(self._para).strip()
        self._para = []
        if text:
            self.blocks.append(text)

    # ---- cells
    def _flush_cell_line(self) -> None:
        if self._cell is not None:
            line = " ".join("".join(self._cell_line).split())
            self._cell_line = []
            if line:
                self._cell.lines.append(line)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
            return
        if tag == "table":
            if self._cell is not None:  # a nested table: its text joins the cell
                return
            self._flush_para()
            self._tables.append(Table())
        elif tag == "tr" and self._tables and self._cell is None:
            self._tables[-1].rows.append([])
        elif tag in ("td", "th") and self._tables:
            a = dict(attrs)
            self._cell = Cell([], _span(a.get("rowspan")), _span(a.get("colspan")))
            if not self._tables[-1].rows:
                self._tables[-1].rows.append([])
            self._tables[-1].rows[-1].append(self._cell)
        elif self._cell is not None:
            if tag in _CELL_BREAKS:
                self._flush_cell_line()
        elif tag in _BREAKS or tag == "br":
            self._flush_para()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if tag in ("td", "th") and self._cell is not None:
            self._flush_cell_line()
            self._cell = None
        elif tag == "table" and self._tables and self._cell is None:
            table = self._tables.pop()
            if any(table.rows):
                self.blocks.append(table)
        elif self._cell is not None:
            if tag in _CELL_BREAKS:
                self._flush_cell_line()
        elif tag in _BREAKS:
            self._flush_para()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._cell is not None:
            self._cell_line.append(data.replace("\n", " "))
            return
        if self._tables:  # text between rows: not shown by browsers either
            return
        parts = data.split("\n")
        for k, part in enumerate(parts):
            if k:
                self._flush_para()
            self._para.append(part)

    def close(self) -> None:
        super().close()
        self._flush_para()


def _span(value: str | None) -> int:
    try:
        return max(1, min(50, int(str(value).strip().strip("'\""))))
    except ValueError:
        return 1


def read_blocks(text: str) -> list[str | Table]:
    """Paragraphs and tables of a report written as HTML, or as text with HTML tables in it."""
    walker = _Walker()
    walker.feed(text)
    walker.close()
    return walker.blocks


# ------------------------------------------------------------------ grid
@dataclass
class Placed:
    row: int
    col: int
    cell: Cell


def place(table: Table) -> tuple[list[Placed], int, int]:
    """HTML's table model: each cell at the first free column of its row; returns cells, rows, columns."""
    taken: set[tuple[int, int]] = set()
    out: list[Placed] = []
    ncols = 0
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            out.append(Placed(r, c, cell))
            c += cell.colspan
            ncols = max(ncols, c)
    nrows = len(table.rows)
    # a rowspan that runs past the last row is cut there, as browsers do
    for p in out:
        p.cell.rowspan = min(p.cell.rowspan, nrows - p.row)
    return out, nrows, max(ncols, 1)


# ------------------------------------------------------------------ DOCX
def to_docx(blocks: list[str | Table], title_first: bool = True) -> bytes:
    """A Word document: paragraphs, and each table a Word table with merged cells."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "SimSun"
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    first = True
    for block in blocks:
        if isinstance(block, str):
            para = document.add_paragraph(block)
            if first and title_first:
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            first = False
            continue
        placed, nrows, ncols = place(block)
        table = document.add_table(rows=nrows, cols=ncols)
        table.style = "Table Grid"
        grid = table._cells  # one snapshot: table.cell() rebuilds this list at every call
        for p in placed:
            top_left = grid[p.row * ncols + p.col]
            if p.cell.rowspan > 1 or p.cell.colspan > 1:
                bottom_right = grid[(p.row + p.cell.rowspan - 1) * ncols + p.col + p.cell.colspan - 1]
                top_left = top_left.merge(bottom_right)
            lines = p.cell.lines or [""]
            top_left.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                top_left.add_paragraph(line)
        first = False
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


# ------------------------------------------------------------------ PDF
_FONT = "STSong-Light"


_LATIN: str | None = None


def embed_font(path: str, latin: str | None = None) -> None:
    """Draw PDFs with this TrueType font, embedded as a subset (as WPS and Word do), instead of the
    non-embedded CID font STSong-Light (which PDFium must substitute on every page). ``latin``: a
    TrueType font for characters below U+2E80 (digits, Latin, “”), for CJK-only fonts such as
    Droid Sans Fallback."""
    global _FONT, _LATIN
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "EmbeddedCJK" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("EmbeddedCJK", path))
        if latin:
            pdfmetrics.registerFont(TTFont("EmbeddedLatin", latin))
    _FONT = "EmbeddedCJK"
    _LATIN = "EmbeddedLatin" if latin else None


def _runs(text: str) -> list[tuple[str, str]]:
    """(font, text) runs: characters below U+2E80 in the Latin font when there is one."""
    out: list[tuple[str, str]] = []
    for ch in text:
        font = _LATIN if _LATIN and ord(ch) < 0x2E80 else _FONT
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out


def _markup(text: str) -> str:
    if not _LATIN:
        return escape(text)
    return "".join(escape(t) if f == _FONT else f'<font name="{f}">{escape(t)}</font>' for f, t in _runs(text))


def _col_widths(placed: list[Placed], ncols: int, total: float, measure: Callable[[str], float]) -> list[float]:
    """Column widths in points filling ``total``: each column asks for its longest unspanned cell.

    A column is never narrower than its longest number or other text without a break opportunity
    (word processors do not break a number) nor than 24 pt; what is left is shared in proportion
    to what each column asks beyond that (3 pt padding each side, labels capped at 26 half-widths),
    so a crowded table wraps its labels as a word processor does.
    """
    floor = [24.0] * ncols
    want = [24.0] * ncols
    for p in placed:
        if p.cell.colspan == 1:
            for line in p.cell.lines:
                want[p.col] = max(want[p.col], min(measure(line), 26 * 4.5) + 10)
                if not any(_breakable(ch) for ch in line):
                    floor[p.col] = max(floor[p.col], measure(line) + 10)
    for p in placed:  # a spanned cell's number needs the width of all its columns together
        span = range(p.col, p.col + p.cell.colspan)
        for line in p.cell.lines if p.cell.colspan > 1 else []:
            short = measure(line) + 10 - sum(floor[c] for c in span)
            if short > 0 and not any(_breakable(ch) for ch in line):
                for c in span:
                    floor[c] += short / p.cell.colspan
    want = [max(w, f) for w, f in zip(want, floor, strict=True)]
    extra = sum(w - f for w, f in zip(want, floor, strict=True))
    room = total - sum(floor)
    k = 1.0 if extra <= 0 else max(0.0, room / extra)
    widths = [f + (w - f) * k for w, f in zip(want, floor, strict=True)]
    scale = total / sum(widths)
    return [w * scale for w in widths]


_CANNOT_START = set("，。、；：？！）》」』】〕’”,.;:?!)]%\"'")
_CANNOT_END = set("（《「『【〔‘“([")


def _breakable(ch: str) -> bool:
    """A line may break before or after this character: an ideograph, CJK punctuation or a space."""
    return "\u3400" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uf900" <= ch <= "\ufaff" or ch.isspace()


def _units(text: str) -> list[str]:
    """Break opportunities: one CJK character, or one run of other characters (numbers, in
    half or full width, and Latin words stay whole)."""
    out: list[str] = []
    for ch in text:
        joins = not _breakable(ch) and (ch.isascii() or ch not in _CANNOT_START)
        if out and joins and not _breakable(out[-1][-1]):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy line breaking as word processors do it: numbers and Latin words are not split, and a
    closing mark (，。、）” …) hangs at the end of a line rather than starting the next one (the
    caller wraps again, narrower, when a hanging mark overflows), and an opening mark stays with what follows."""
    lines: list[str] = []
    line = ""
    for unit in _units(text):
        if line and measure(line + unit) > width and unit[0] not in _CANNOT_START \
                and line[-1] not in _CANNOT_END:
            lines.append(line)
            line = unit.lstrip()
        else:
            line += unit
    if line:
        lines.append(line)
    return lines


def to_pdf(blocks: list[str | Table]) -> bytes:
    """An A4 PDF: CID font STSong-Light, ruled tables with spans, page numbers in the footer."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as RLTable

    if _FONT not in pdfmetrics.getRegisteredFontNames():  # the built-in CID font
        pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    body = ParagraphStyle("body", fontName=_FONT, fontSize=12, leading=20, firstLineIndent=24, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=18, leading=28, alignment=1, firstLineIndent=0)
    cell = ParagraphStyle("cell", fontName=_FONT, fontSize=9, leading=11, wordWrap="CJK")

    def footer(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont(_LATIN or _FONT, 10)  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"- {doc.page} -")  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    def measure(text: str) -> float:
        return sum(pdfmetrics.stringWidth(t, f, 9) for f, t in _runs(text))

    story: list[object] = []
    first = True
    width = A4[0] - 40 * mm
    for block in blocks:
        if isinstance(block, str):
            story.append(Paragraph(_markup(block), title if first else body))
            first = False
            continue
        first = False
        placed, nrows, ncols = place(block)
        data: list[list[object]] = [[""] * ncols for _ in range(nrows)]
        style: list[tuple[object, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("FONT", (0, 0), (-1, -1), _FONT, 9),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        widths = _col_widths(placed, ncols, width, measure)
        for p in placed:
            room = sum(widths[p.col:p.col + p.cell.colspan]) - 7
            lines = []
            for x in p.cell.lines:
                parts = wrap(x, room, measure)
                if any(measure(part) > room for part in parts):  # a hanging mark: leave it room
                    parts = wrap(x, room - 9, measure)
                lines += parts
            data[p.row][p.col] = Paragraph("<br/>".join(_markup(x) for x in lines), cell)
            if p.cell.rowspan > 1 or p.cell.colspan > 1:
                style.append(("SPAN", (p.col, p.row),
                              (p.col + p.cell.colspan - 1, p.row + p.cell.rowspan - 1)))
        story.append(Spacer(1, 4))
        story.append(RLTable(data, colWidths=widths, style=TableStyle(style),
                             splitByRow=1))
        story.append(Spacer(1, 4))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=22 * mm,
                            bottomMargin=25 * mm, title="report", author="gaudit benchmark", invariant=1)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
