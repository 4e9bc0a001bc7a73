"""Read a Word (DOCX) report into the text lines gaudit reads.

Standard library only: the document is a ZIP of XML parts, read with
:mod:`zipfile` and :mod:`xml.etree.ElementTree` (see :mod:`gaudit.sources.zipxml`
for the bounds).  The main part (found through ``_rels/.rels``, else
``word/document.xml``) is walked in body order: paragraphs (``w:p``), tables
(``w:tbl``) and content controls (``w:sdt``, whose content is read in place),
including ``w:customXml`` and inserted-revision wrappers.

Text
    Runs' ``w:t``; ``w:tab`` is a tab (in a body paragraph a tab-separated
    row is a layout the table reader reads); ``w:br``/``w:cr`` end a line (the
    next line keeps the same origin).  Deleted revisions (``w:del``,
    ``w:moveFrom``), field instructions and hidden runs (``w:vanish``) are not
    text; inserted ones (``w:ins``, ``w:moveTo``) are.  Text boxes
    (``w:txbxContent``, from DrawingML or VML; of ``mc:AlternateContent`` only
    one branch) follow the paragraph that anchors them.  Automatic numbers
    (``w:numPr``) are rebuilt by :mod:`gaudit.sources.word_numbering`.

Tables
    Each row is one line of pipe-separated cells, ``| c1 | c2 | … |``, the
    layout HTML tables are normalised to.  Measured on ``report10.docx`` with
    one value blanked in every row: pipe rows and tab rows place the same
    cells, rows that drop empty cells (tab- or space-separated) misplace 22–34
    more of the 200; pipe rows also keep a cell's own spaces inside the cell
    and show empty cells at a glance.  A cell's paragraphs and line breaks are
    joined into the cell's text (no space between CJK characters), so a label
    or header word wrapped inside its cell stays one cell.  Merged cells stand
    where the template's grid puts them: a ``gridSpan`` of n is the cell then
    n − 1 empty cells, a ``vMerge`` continuation is an empty cell,
    ``gridBefore``/``gridAfter`` are empty cells.  A ``|`` inside a cell becomes
    ``/`` so that it cannot split the cell.

    Measured with the table reader as it is (``report10.docx``): with or
    without the span fillers all 200 cells are read; but when no row of the
    applications table is full (the 总计 column left blank in every row) the
    reader takes the fillers after a merged label for blanks and the row's
    values shift one column (6 rows, 5 false total-mismatch findings, 3 false
    narrative-mismatch), while without fillers every cell is right.
    ``read_docx(..., span_fillers=False)`` gives that layout; the default keeps
    the template's grid (the reader is where the ambiguity should be settled).

    A table that only lays out the page (one column, or a cell holding a
    nested table) is read as the blocks it holds, each paragraph its own line
    and nested tables as rows.

Origins
    :attr:`LineOrigin.paragraph` counts every ``w:p`` in document order,
    those inside tables, content controls and text boxes included; a table
    row's line carries the number of the first paragraph in the row, its
    1-based ``table_row``, and no ``table_cell``; a line out of a layout
    table's cell carries ``table_row`` and ``table_cell``.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from gaudit.sources.word_numbering import Numbering, W
from gaudit.sources.zipxml import (
    Budget,
    ContainerError,
    SourceError,
    describe_archive,
    describe_error,
    open_zip,
    parse_xml,
    read_member,
)

__all__ = ["LineOrigin", "WordError", "WordText", "read_docx"]

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_VAL = W + "val"
_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRANSITIONAL = W[1:-1].encode()
#: Elements whose content is never text: properties, deletions, field codes, footnote marks.
_SKIP = frozenset(W + t for t in (
    "pPr", "rPr", "tblPr", "trPr", "tcPr", "sectPr", "sdtPr", "sdtEndPr", "del", "moveFrom",
    "instrText", "delText", "delInstrText", "footnoteReference", "endnoteReference", "commentReference",
))
_ASCII_WORD = re.compile(r"[0-9A-Za-z]")


class WordError(SourceError):
    """A DOCX that cannot be read: ``kind`` ("broken", "not-word", "too-large", "unsafe-xml"),
    ``zh`` and ``en`` messages for the user."""


@dataclass(frozen=True)
class LineOrigin:
    """Where a line came from in the Word document."""

    paragraph: int
    """1-based number of the (first) ``w:p`` behind the line, counting every paragraph in
    document order, those inside tables, content controls and text boxes included."""
    table_row: int | None = None
    """1-based row within its table when the line is a table row (or comes from a layout table)."""
    table_cell: int | None = None
    """1-based cell within the row, for lines out of a layout table's cell (None for a pipe row)."""


@dataclass(frozen=True)
class WordText:
    """The text gaudit reads, one entry per line, and each line's origin."""

    lines: tuple[str, ...]
    origins: tuple[LineOrigin, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _join(left: str, right: str) -> str:
    """Two pieces of one cell: a space only between two ASCII words (``Word`` / ``2023``)."""
    if not left or not right:
        return left + right
    if _ASCII_WORD.match(left[-1]) and _ASCII_WORD.match(right[0]):
        return left + " " + right
    return left + right


def _is_on(prop: ET.Element | None) -> bool:
    return prop is not None and prop.get(_VAL, "true") not in ("0", "false", "off")


def _attr_int(element: ET.Element | None, default: int) -> int:
    try:
        return default if element is None else int(element.get(_VAL, str(default)))
    except ValueError:
        return default


#: No table has more grid columns than this: a larger span or gap is a hostile file's.
_MAX_GRID = 64


def _grid(element: ET.Element | None, default: int) -> int:
    """A count of grid columns (gridSpan, gridBefore, gridAfter), clamped to 0 … 64."""
    return max(0, min(_attr_int(element, default), _MAX_GRID))


class _Walker:
    def __init__(self, numbering: Numbering, span_fillers: bool) -> None:
        self.numbering = numbering
        self.span_fillers = span_fillers
        self.paragraphs = 0
        self.lines: list[str] = []
        self.origins: list[LineOrigin] = []

    # -- inline content -------------------------------------------------------------------

    def _inline(self, element: ET.Element, out: list[str], boxes: list[ET.Element]) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == W + "t":
                out.append(child.text or "")
            elif tag == W + "tab":
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag == W + "txbxContent":
                boxes.append(child)
            elif tag == W + "r" and _is_on(child.find(f"{W}rPr/{W}vanish")):
                continue
            elif tag == _MC + "AlternateContent":
                branch = _branch(child)
                if branch is not None:
                    self._inline(branch, out, boxes)
            else:
                self._inline(child, out, boxes)

    def _paragraph_text(self, p: ET.Element) -> tuple[str, list[ET.Element]]:
        self.paragraphs += 1
        out: list[str] = [self.numbering.label(p.find(W + "pPr"))]
        boxes: list[ET.Element] = []
        self._inline(p, out, boxes)
        return "".join(out), boxes

    # -- blocks ---------------------------------------------------------------------------

    def _emit(self, text: str, origin: LineOrigin) -> None:
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            self.lines.append(line)
            self.origins.append(origin)

    def block(self, element: ET.Element, row: int | None = None, cell: int | None = None) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == W + "p":
                text, boxes = self._paragraph_text(child)
                if text or not boxes:
                    self._emit(text, LineOrigin(self.paragraphs, row, cell))
                for box in boxes:
                    self.block(box, row, cell)
            elif tag == W + "tbl":
                self.table(child)
            elif tag == _MC + "AlternateContent":
                branch = _branch(child)
                if branch is not None:
                    self.block(branch, row, cell)
            else:  # w:sdt, w:sdtContent, w:customXml, w:ins, w:moveTo, w:txbxContent …
                self.block(child, row, cell)

    def table(self, tbl: ET.Element) -> None:
        rows = _rows(tbl)
        if _is_layout(rows):
            for r, tr in enumerate(rows, 1):
                for c, tc in enumerate(_cells(tr), 1):
                    self.block(tc, r, c)
            return
        slivers = _sliver_columns(tbl)
        for r, tr in enumerate(rows, 1):
            first = self.paragraphs + 1
            before = _grid(tr.find(f"{W}trPr/{W}gridBefore"), 0)
            cells = [""] * sum(1 for c in range(before) if c not in slivers)
            column = before
            for tc in _cells(tr):
                props = tc.find(W + "tcPr")
                text = self._cell_text(tc)  # read even when merged away: its paragraphs count
                cells.append("" if _is_continuation(props) else text)
                span = _grid(None if props is None else props.find(W + "gridSpan"), 1)
                if self.span_fillers:
                    # The columns a cell spans stand as empty cells, as in the template's grid;
                    # a sliver column (a converter's rounding, a hair wide) is no column at all.
                    cells.extend("" for c in range(column + 1, column + span) if c not in slivers)
                column += span
            after = _grid(tr.find(f"{W}trPr/{W}gridAfter"), 0)
            cells.extend("" for c in range(column, column + after) if c not in slivers)
            if self.paragraphs < first:
                first = max(1, self.paragraphs)
            self.lines.append("| " + " | ".join(cells) + " |")
            self.origins.append(LineOrigin(first, r))

    def _cell_text(self, tc: ET.Element) -> str:
        text = ""
        for p in _paragraphs(tc):
            piece, boxes = self._paragraph_text(p)
            for part in piece.replace("\t", " ").split("\n"):
                text = _join(text, part.strip())
            for box in boxes:
                text = _join(text, self._cell_text(box))
        return " ".join(text.replace("|", "/").replace("｜", "/").split())


def _paragraphs(element: ET.Element) -> Iterator[ET.Element]:
    """The ``w:p`` in ``element`` in order (through tables and controls; not into text boxes).

    A loop with a stack, not recursion: content controls nest without limit in a hostile file."""
    stack = [iter(element)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == W + "p":
            yield child
        elif child.tag == _MC + "AlternateContent":
            branch = _branch(child)
            if branch is not None:
                stack.append(iter(branch))
        elif child.tag not in _SKIP:
            stack.append(iter(child))


def _branch(alternate: ET.Element) -> ET.Element | None:
    """The ``mc:AlternateContent`` branch to read: the first Choice that holds text, else the Fallback."""
    for choice in alternate.findall(_MC + "Choice"):
        if choice.find(f".//{W}t") is not None or choice.find(f".//{W}txbxContent") is not None:
            return choice
    return alternate.find(_MC + "Fallback")


def _children(element: ET.Element, tag: str) -> list[ET.Element]:
    """``tag`` children, looking through row/cell-level content controls and custom XML."""
    out: list[ET.Element] = []
    for child in element:
        if child.tag == tag:
            out.append(child)
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
            out.extend(_children(child, tag))
    return out


#: Grid columns narrower than this (in twentieths of a point: about a millimetre) are slivers a
#: converter leaves when it rounds column edges (LibreOffice's DOC to DOCX adds a 1-twip column
#: that every 总计 cell spans); they hold no cell of their own.
_SLIVER_TWIPS = 60


def _sliver_columns(tbl: ET.Element) -> frozenset[int]:
    """Indices of the table's grid columns too narrow to be columns."""
    out = set()
    for index, col in enumerate(tbl.findall(f"{W}tblGrid/{W}gridCol")):
        width = col.get(W + "w")
        if width is not None and width.isdigit() and int(width) < _SLIVER_TWIPS:
            out.add(index)
    return frozenset(out)


def _rows(tbl: ET.Element) -> list[ET.Element]:
    return _children(tbl, W + "tr")


def _cells(tr: ET.Element) -> list[ET.Element]:
    return _children(tr, W + "tc")


def _is_continuation(props: ET.Element | None) -> bool:
    if props is None:
        return False
    v = props.find(W + "vMerge")
    h = props.find(W + "hMerge")
    return (v is not None and v.get(_VAL, "continue") == "continue") or (
        h is not None and h.get(_VAL, "continue") == "continue")


def _is_layout(rows: list[ET.Element]) -> bool:
    """A table that lays out the page: a single column, or a cell holding a nested table."""
    single = all(len(_cells(tr)) <= 1 for tr in rows)
    return single or any(tc.find(f".//{W}tbl") is not None for tr in rows for tc in _cells(tr))


# -- the container ------------------------------------------------------------------------

_MAGIC = (
    (b"\xd0\xcf\x11\xe0", "旧版 Word 97-2003（DOC）或 WPS 文件", "a legacy Word 97-2003 (DOC) or WPS file"),
    (b"{\\rtf", "RTF 文件", "an RTF file"),
    (b"%PDF", "PDF 文件", "a PDF file"),
)


def _parse_word(data: bytes, name: str) -> ET.Element:
    """A WordprocessingML part; "Strict Open XML" documents name the same elements in another namespace."""
    return parse_xml(data.replace(_STRICT, _TRANSITIONAL), name)


def _main_part(archive: zipfile.ZipFile, budget: Budget) -> str | None:
    names = set(archive.namelist())
    rels = read_member(archive, "_rels/.rels", budget)
    if rels is not None:
        root = parse_xml(rels, "_rels/.rels")
        for rel in root.iter(_REL + "Relationship"):
            target = posixpath.normpath(rel.get("Target", "").replace("\\", "/").lstrip("/"))
            if rel.get("Type", "").endswith("/officeDocument") and target in names \
                    and not target.startswith(("xl/", "ppt/")):
                return target
    return "word/document.xml" if "word/document.xml" in names else None


def _not_word(zh: str, en: str) -> WordError:
    return WordError("not-word", f"这不是 Word（DOCX）文档，而是{zh}", f"this is not a Word (DOCX) document but {en}")


def read_docx(data: bytes, *, max_size: int, span_fillers: bool = True) -> WordText:
    """The report's lines; raises :class:`WordError` (never anything else) for unusable input.

    ``max_size`` bounds the input and, separately, the uncompressed bytes of the XML
    parts read (declared sizes and bytes actually inflated).  ``span_fillers=False``
    writes a horizontally merged cell once, without the empty cells standing for the grid
    columns it covers (see the module docstring: the table reader as it is reads a row
    whose last cell is blank better that way)."""
    if not data.startswith(b"PK"):
        for magic, zh, en in _MAGIC:
            if data.startswith(magic):
                raise _not_word(zh, en)
    budget = Budget(max_size)
    try:
        if len(data) > max_size:
            raise ContainerError("too-large", f"the file is {len(data)} bytes")
        with open_zip(data) as archive:
            main = _main_part(archive, budget)
            if main is None:
                raise _not_word(*describe_archive(archive, budget))
            body_xml = read_member(archive, main, budget) or b""
            base = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
            parts = [read_member(archive, base + name, budget) for name in ("numbering.xml", "styles.xml")]
            root = _parse_word(body_xml, main)
            numbering = Numbering(*(None if x is None else _parse_word(x, n) for x, n in
                                    zip(parts, ("numbering.xml", "styles.xml"), strict=True)))
    except ContainerError as exc:
        raise WordError(exc.kind, *describe_error(exc, "Word", max_size)) from None
    body = root.find(W + "body")
    if body is None:
        raise WordError("broken", "Word 文件缺少正文（w:body）", "the Word file has no document body (w:body)")
    walker = _Walker(numbering, span_fillers)
    try:
        walker.block(body)
    except RecursionError:
        raise WordError("broken", "Word 文件的嵌套层次过深，无法读取",
                        "the Word file nests its content too deeply to be read") from None
    return WordText(tuple(walker.lines), tuple(walker.origins))
