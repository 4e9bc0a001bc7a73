"""A stretch of normalised text as a stream of table-cell tokens (see :mod:`gaudit.tables.tokens`).

The readers walk a stretch up to five times (two formats, three tables). A real table's stretch
holds a few hundred tokens: it is cut once and kept. A longer one (a file without sections,
whose tables are looked for in the whole text, or a hostile file of a million rows) is cut
anew, chunk by chunk, each time a reader walks it: a token costs some 150 bytes, up to a
hundred times the characters it stands for, and a reader keeps only what it finds, so memory
stays a small multiple of the file while time stays linear.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from gaudit.tables.labels import fold_label
from gaudit.tables.tokens import Token, line_tokens, unstack_headers

__all__ = ["KEEP_CHARS", "TokenStream", "pipe_borders", "tokenize"]

#: Longest stretch (in characters) whose tokens are kept between walks.
KEEP_CHARS = 1 << 12
#: Tokens per chunk of a stretch that is not kept.
CHUNK_TOKENS = 256


class TokenStream:
    """The tokens of ``text[begin:end]`` (offsets in ``text``), to be walked as often as needed.

    ``is_label`` tells whether a fragment is some row label: it decides whether a run like
    ``规章000`` is split into a label and digits."""

    __slots__ = ("_folds", "_kept", "begin", "end", "is_label", "text")

    def __init__(self, text: str, begin: int, end: int, is_label: Callable[[str], bool]) -> None:
        self.text, self.begin, self.end, self.is_label = text, begin, end, is_label
        self._kept: list[Token] | None = None
        self._folds: list[str] | None = None
        if end - begin <= KEEP_CHARS:
            self._kept = next(_cut(text, begin, end, is_label, 0))

    def chunks(self) -> Iterator[list[Token]]:
        """The tokens in order, in lists (one list when the stretch is kept); not to be changed."""
        if self._kept is not None:
            yield self._kept
        else:
            yield from _cut(self.text, self.begin, self.end, self.is_label, CHUNK_TOKENS)

    @property
    def kept(self) -> bool:
        """The tokens are kept: walking the stream again costs no cutting."""
        return self._kept is not None

    def folded_chunks(self) -> Iterator[tuple[list[Token], list[str]]]:
        """:meth:`chunks`, each with its tokens' folded texts (:func:`fold_label` of a text,
        ``""`` for the others), which every walk of a label looks at."""
        if self._kept is not None:
            if self._folds is None:
                self._folds = _folds(self._kept)
            yield self._kept, self._folds
        else:
            for chunk in self.chunks():
                yield chunk, _folds(chunk)

    def __iter__(self) -> Iterator[Token]:
        for chunk in self.chunks():
            yield from chunk


def _folds(tokens: list[Token]) -> list[str]:
    return [fold_label(t.text) if t.kind == "text" else "" for t in tokens]


def tokenize(text: str, begin: int, end: int, is_label: Callable[[str], bool]) -> list[Token]:
    """Every token of ``text[begin:end]`` in one list."""
    return list(TokenStream(text, begin, end, is_label))


def _cut(text: str, begin: int, end: int, is_label: Callable[[str], bool], chunk: int) -> Iterator[list[Token]]:
    """The tokens of the stretch in lists of about ``chunk`` (``0``: one list)."""
    out: list[Token] = []
    start = 0  # index in ``out`` of the first token not yet given out
    line_no = text.count("\n", 0, begin)
    borders = pipe_borders(text, begin, end)
    find = text.find
    pos = begin
    while pos < end:
        nl = find("\n", pos, end)
        stop = end if nl == -1 else nl
        line_tokens(text[pos:stop], pos, line_no, out, is_label, borders)
        line_no += 1
        pos = stop + 1
        if chunk and len(out) - start >= chunk:
            # The last token waits for the next one (unstacking looks at both neighbours);
            # the one before it stays as its left neighbour, already given out.
            unstack_headers(out, start)
            yield out[start:-1]
            out = out[-2:]
            start = 1
    unstack_headers(out, start)
    yield out[start:]


def pipe_borders(text: str, begin: int, end: int) -> bool:
    """Whether most of this stretch's pipe rows open with a pipe (a border: ``| a | b |``,
    Markdown, HTML turned into rows) or not (pipes between or after cells: ``a | b |``):
    in the latter, the few rows that open with a pipe open with an empty cell.

    A long stretch is read from pipe to pipe, not by listing its lines (which costs a string
    per line)."""
    opening = total = 0
    if end - begin <= KEEP_CHARS:
        for line in text[begin:end].split("\n"):
            if "|" in line:
                total += 1
                opening += line.lstrip().startswith("|")
        return total == 0 or opening * 2 > total
    find = text.find
    pos = begin
    while True:
        bar = find("|", pos, end)
        if bar == -1:
            break
        total += 1
        # The row opens with its pipe when only white space stands before it on its line.
        opening += not text[max(text.rfind("\n", begin, bar) + 1, begin):bar].strip()
        nl = find("\n", bar, end)
        if nl == -1:
            break
        pos = nl + 1
    return total == 0 or opening * 2 > total
