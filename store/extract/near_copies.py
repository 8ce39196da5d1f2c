"""A text's MinHash signature, to find near copies of an article among many without
comparing all pairs.

One-permutation MinHash: each shingle of SHINGLE words is hashed once, the
hash picks one of SIZE bins and the smallest hash in each bin is kept. Two
texts agree on about as many bins as the Jaccard similarity of their
shingles; an empty bin (a text of few shingles) agrees with nothing.
"""

from __future__ import annotations

import re
import zlib

SHINGLE = 5
SIZE = 16
EMPTY = -1
_WORD = re.compile(r"\w+")


def text_signature(text: str) -> tuple[int, ...]:
    """The signature of a text (empty when it has fewer than SHINGLE words)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return ()
    bins = [EMPTY] * SIZE
    for start in range(len(words) - SHINGLE + 1):
        hashed = zlib.crc32(" ".join(words[start : start + SHINGLE]).encode())
        slot, value = hashed % SIZE, hashed // SIZE
        if bins[slot] == EMPTY or value < bins[slot]:
            bins[slot] = value
    return tuple(bins)


def agreement(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """The share of bins two signatures agree on: about their texts' Jaccard similarity."""
    if not a or not b:
        return 0.0
    return sum(x == y and x != EMPTY for x, y in zip(a, b, strict=True)) / SIZE
