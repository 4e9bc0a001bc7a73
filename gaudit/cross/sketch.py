"""Near-copy sketches: MinHash signatures of narrative text and an LSH index over them.

A section's text is first cleaned: sentences of statutory boilerplate (that every report
must contain) are dropped, digits become one placeholder (a copied paragraph with new
numbers is still a copy), and only letters remain.  The overlapping 6-character shingles
of what is left are hashed once each (CRC-32, stable across processes and runs) and
folded into a 128-slot signature by one-permutation hashing: a shingle's hash picks its slot
by its low bits and the slot keeps the smallest of the rest, empty slots borrowing from their right-hand
neighbour.  Two signatures agree in a share of slots that estimates the Jaccard similarity
of the two shingle sets (a standard error of about 0.045 at 0.5, less near 0 and 1).

:func:`candidate_pairs` finds pairs worth comparing without comparing every pair: the
signature is cut into 32 bands of 4 slots and two sketches sharing any band become a
candidate (a pair of similarity 0.6 is caught with probability 0.98, 0.7 with 0.9998, one
of 0.3 with 0.23); inside one band bucket each member meets at most ``per_bucket`` earlier members,
so a template copied a thousand times stays linear.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence

__all__ = ["SLOTS", "boilerplate_matcher", "candidate_pairs", "clean_text", "estimate", "signature"]

SLOTS = 128
BANDS = 32
_ROWS = SLOTS // BANDS
_SHINGLE = 6
_SLOT_BITS = 7
_EMPTY = 0xFFFFFFFF
_SENTENCE_RE = re.compile(r"[^。;;!?!?\n]+")
_DIGITS_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_NOT_WORD_RE = re.compile(r"[\W_]+")
_BACKREF_RE = re.compile(r"\\[1-9]|\(\?P=")

#: Characters of a section's cleaned text that are sketched: a copy shares its opening pages
#: with its original, and the cost of a sketch stays bounded however long a section runs.
MAX_SKETCHED = 1200


def boilerplate_matcher(patterns: Sequence[str]) -> Callable[[str], object]:
    """One search for "does any of ``patterns`` occur in this sentence": the patterns joined
    into one alternation (one scan of each sentence, not one per pattern), unless one of them
    refers back to a group by number or name, which joining would renumber."""
    if not patterns:
        return lambda _sentence: None
    if any(_BACKREF_RE.search(p) for p in patterns):
        compiled = [re.compile(p) for p in patterns]
        return lambda sentence: next((m for c in compiled if (m := c.search(sentence))), None)
    return re.compile("|".join(f"(?:{p})" for p in patterns)).search


def clean_text(text: str, is_boilerplate: Callable[[str], object], limit: int = MAX_SKETCHED) -> str:
    """The text that counts for copying: boilerplate sentences out, digits folded, letters
    only; sentences are taken until ``limit`` characters are kept (more are never sketched)."""
    cleaned: list[str] = []
    size = 0
    batch: list[str] = []
    raw = 0
    for match in _SENTENCE_RE.finditer(text):
        sentence = match.group()
        if is_boilerplate(sentence):
            continue
        batch.append(sentence)
        raw += len(sentence)
        # Cleaning only shortens: the sentences kept so far are cleaned in one go once their
        # raw length could reach the bound, not one regex pass per sentence.
        if size + raw >= limit:
            size += _clean_into(batch, cleaned)
            batch, raw = [], 0
            if size >= limit:
                break
    _clean_into(batch, cleaned)
    return "".join(cleaned)


def _clean_into(sentences: list[str], cleaned: list[str]) -> int:
    if not sentences:
        return 0
    # Sentence by sentence, a number never runs into the next sentence's.
    piece = _NOT_WORD_RE.sub("", _DIGITS_RE.sub("0", "\n".join(sentences)))
    cleaned.append(piece)
    return len(piece)


def signature(text: str) -> bytes:
    """The 128-slot signature (256 bytes) of cleaned ``text`` (its first :data:`MAX_SKETCHED`
    characters); empty for text shorter than a shingle."""
    if len(text) < _SHINGLE:
        return b""
    text = text[:MAX_SKETCHED]
    # UTF-32 gives every character four bytes, so a shingle is a fixed-width slice of one
    # encoding of the whole text rather than an encoding per shingle.
    data = text.encode("utf-32-le")
    width = 4 * _SHINGLE
    slots = [_EMPTY] * SLOTS
    mask = SLOTS - 1
    for h in map(zlib.crc32, {data[i:i + width] for i in range(0, len(data) - width + 1, 4)}):
        # The low bits pick the slot; within one slot, comparing whole hashes compares the rest.
        if h < slots[h & mask]:
            slots[h & mask] = h
    slots = [v if v == _EMPTY else v >> _SLOT_BITS for v in slots]
    _densify(slots)
    # 16 bits of each slot are kept: a false match of two slots (1 in 65,536) moves no estimate.
    return array("H", (v & 0xFFFF for v in slots)).tobytes()


def _densify(slots: list[int]) -> None:
    """Fill empty slots from the nearest filled slot to the right (wrapping), offset by distance."""
    n = len(slots)
    if all(v == _EMPTY for v in slots):
        return
    filled = list(slots)
    for i in range(n):
        if filled[i] != _EMPTY:
            continue
        step = 1
        while filled[(i + step) % n] == _EMPTY:
            step += 1
        slots[i] = (filled[(i + step) % n] + step * 0x01000193) & 0x01FFFFFF | (step << 25)


def estimate(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures (0 when either is empty)."""
    if not a or not b:
        return 0.0
    x, y = array("H", a), array("H", b)
    return sum(1 for p, q in zip(x, y, strict=True) if p == q) / SLOTS


def candidate_pairs(sketches: Iterable[tuple[int, bytes]], per_bucket: int = 8) -> Iterator[tuple[int, int]]:
    """Pairs ``(i, j)`` with ``i < j`` of items whose signatures share a band, each pair once.

    ``sketches`` holds ``(item, signature)``; items without a signature are skipped."""
    items = [(i, s) for i, s in sketches if s]
    seen: set[tuple[int, int]] = set()
    width = _ROWS * 2
    for band in range(BANDS):
        buckets: dict[bytes, list[int]] = {}
        lo = band * width
        for item, sig in items:
            buckets.setdefault(sig[lo:lo + width], []).append(item)
        for members in buckets.values():
            if len(members) < 2:
                continue
            for k, j in enumerate(members):
                for i in members[max(0, k - per_bucket):k]:
                    pair = (i, j) if i < j else (j, i)
                    if pair not in seen:
                        seen.add(pair)
                        yield pair
