"""Near-copy sketches: MinHash signatures of narrative text and an LSH index over them.

A section's text is first cleaned: sentences of statutory boilerplate (that every report
must contain) are dropped, digits become one placeholder (a copied paragraph with new
numbers is still a copy), and only letters remain.  The overlapping 6-character shingles
of what is left are hashed once each (CRC-32, stable across processes and runs) and
folded into a 128-slot signature by one-permutation hashing: a shingle's hash picks its slot
and the slot keeps the smallest value, empty slots borrowing from their right-hand
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
from collections.abc import Iterable, Iterator, Sequence

__all__ = ["SLOTS", "candidate_pairs", "clean_text", "estimate", "signature"]

SLOTS = 128
BANDS = 32
_ROWS = SLOTS // BANDS
_SHINGLE = 6
_SLOT_BITS = 7
_EMPTY = 0xFFFFFFFF
_SENTENCE_RE = re.compile(r"[。;;!?!?\n]+")
_DIGITS_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_NOT_WORD_RE = re.compile(r"[\W_]+")


def clean_text(text: str, boilerplate: Sequence[re.Pattern[str]]) -> str:
    """The text that counts for copying: boilerplate sentences out, digits folded, letters only."""
    kept = [s for s in _SENTENCE_RE.split(text) if s and not any(p.search(s) for p in boilerplate)]
    joined = _DIGITS_RE.sub("0", "".join(kept))
    return _NOT_WORD_RE.sub("", joined)


#: Characters of a section's cleaned text that are sketched: a copy shares its opening pages
#: with its original, and the cost of a sketch stays bounded however long a section runs.
MAX_SKETCHED = 1200


def signature(text: str) -> bytes:
    """The 128-slot signature (256 bytes) of cleaned ``text`` (its first :data:`MAX_SKETCHED`
    characters); empty for text shorter than a shingle."""
    if len(text) < _SHINGLE:
        return b""
    text = text[:MAX_SKETCHED]
    slots = [_EMPTY] * SLOTS
    mask = SLOTS - 1
    for shingle in {text[i:i + _SHINGLE] for i in range(len(text) - _SHINGLE + 1)}:
        h = (zlib.crc32(shingle.encode("utf-8")) * 0x9E3779B1) & 0xFFFFFFFF
        slot, value = h & mask, h >> _SLOT_BITS
        if value < slots[slot]:
            slots[slot] = value
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
