"""An article's text in brief, to find the other articles telling its story without
comparing all pairs: a MinHash signature (near copies) and its telling words.

- The signature is one-permutation MinHash: each shingle of SHINGLE words is
  hashed once, the hash picks one of SIZE bins and the smallest hash in each
  bin is kept. Two texts agree on about as many bins as the Jaccard
  similarity of their shingles; an empty bin agrees with nothing.
- The telling words are the TERMS words of highest tf-idf (term frequency
  damped by a log, inverse document frequency from news at large:
  `store/data/word_df.tsv`), as a unit vector: two articles about one event
  share many of them, and their cosine says how much.
"""

from __future__ import annotations

import math
import re
import string
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import compress, repeat
from operator import ge, mul
from pathlib import Path

SHINGLE = 5
SIZE = 16
EMPTY = -1
TERMS = 40
_SHINGLE_WORD = re.compile(r"\w+")
_ASCII = bytes(range(128))
# For a text whose word characters are all ASCII, a table for `bytes.translate` that
# keeps them (`\w` of a bytes pattern) and makes every other byte a space: splitting the
# result on whitespace finds the same words as `\w+`, in UTF-8, without a regex.
_ASCII_WORD = frozenset((string.ascii_letters + string.digits + "_").encode())
_NON_WORD_TO_SPACE = bytes(byte if byte in _ASCII_WORD else ord(" ") for byte in range(256))
# The same, keeping every byte of a character outside ASCII too.
_NON_WORD_ASCII_TO_SPACE = bytes(
    byte if byte in _ASCII_WORD or byte >= 128 else ord(" ") for byte in range(256)
)
_WORD = re.compile(r"[a-z][a-z'’-]{2,}")
_WORD_DF = Path(__file__).resolve().parent.parent / "data" / "word_df.tsv"


@dataclass(frozen=True)
class TextSketch:
    signature: tuple[int, ...] = ()
    terms: tuple[tuple[int, float], ...] = ()
    """(word hash, weight) pairs; the weights form a unit vector."""


def words(text: str) -> list[str]:
    """The lowercase words of a text that can tell its story (three letters or more)."""
    return _WORD.findall(text.casefold())


def sketch(text: str) -> TextSketch:
    folded = text.casefold()
    return TextSketch(_signature(folded), _terms(folded))


def signature(text: str) -> tuple[int, ...]:
    """The MinHash signature (empty when the text has fewer than SHINGLE words)."""
    return _signature(text.casefold())


def _signature(folded: str) -> tuple[int, ...]:
    found = _encoded_words(folded)
    if len(found) < SHINGLE:
        return ()
    # Each run of SHINGLE words: the lists shifted by 0 to SHINGLE - 1 words, zipped to
    # the shortest.
    shifted = (found[offset:] for offset in range(SHINGLE))
    shingles = map(b" ".join, zip(*shifted, strict=False))
    # The smallest hash of each bin (hashes of one bin order as their values do).
    smallest = [_NONE] * SIZE
    for hashed in map(zlib.crc32, shingles):
        slot = hashed % SIZE
        if hashed < smallest[slot]:
            smallest[slot] = hashed
    return tuple(EMPTY if hashed == _NONE else hashed // SIZE for hashed in smallest)


# Above any CRC-32: a bin no shingle fell into.
_NONE = 1 << 32


def _encoded_words(folded: str) -> list[bytes]:
    """The words of a text (`\\w+`), in UTF-8 as their shingles are hashed."""
    # Most texts spell every word in ASCII (what else they have is quotes and dashes):
    # then they are found in the encoded text, faster, and no shingle has to be encoded.
    # What is left when the ASCII bytes are deleted is the text's other characters, in
    # UTF-8. (A lone surrogate is in no word.)
    encoded = folded.encode("utf-8", "surrogatepass")
    others = encoded.translate(None, _ASCII).decode("utf-8", "surrogatepass")
    if _SHINGLE_WORD.search(others) is None:
        return encoded.translate(_NON_WORD_TO_SPACE).split()
    # A word has a letter outside ASCII (`café`, or mojibake's `â€`): the characters
    # outside ASCII that are in no word become spaces first, each replaced in one pass
    # (UTF-8 finds a character's bytes nowhere but in it), and the rest are kept.
    for char in set(others):
        if _SHINGLE_WORD.match(char) is None:
            encoded = encoded.replace(char.encode("utf-8", "surrogatepass"), b" ")
    return encoded.translate(_NON_WORD_ASCII_TO_SPACE).split()


def terms(text: str) -> tuple[tuple[int, float], ...]:
    """The TERMS most telling words, hashed, with their weights as a unit vector."""
    return _terms(text.casefold())


def _terms(folded: str) -> tuple[tuple[int, float], ...]:
    idf, unknown = _inverse_document_frequencies()
    counted = Counter(_WORD.findall(folded))
    # (1 + log(count)) * idf for every word, in C-level passes.
    damped = _damped(max(counted.values(), default=0))
    weights = list(
        map(mul, map(damped.__getitem__, counted.values()), map(idf.get, counted, repeat(unknown)))
    )
    if len(weights) > TERMS:
        # Only the words weighing as much as the TERMS-th heaviest can be among the top
        # ones: sorting the floats finds that weight faster than sorting all the pairs.
        least = sorted(weights, reverse=True)[TERMS - 1]
        kept = list(map(ge, weights, repeat(least)))
        weighted = zip(compress(weights, kept), compress(counted, kept), strict=True)
    else:
        weighted = zip(weights, counted, strict=True)
    top = sorted(weighted, reverse=True)[:TERMS]
    norm = math.sqrt(sum(weight * weight for weight, _ in top)) or 1.0
    return tuple(sorted((zlib.crc32(word.encode()), weight / norm) for weight, word in top))


def agreement(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """The share of bins two signatures agree on, among those either fills: about
    their texts' Jaccard similarity. A bin both leave empty (a short text has few
    shingles) says nothing: a short text agrees with its copy entirely."""
    if not a or not b:
        return 0.0
    pairs = list(zip(a, b, strict=True))
    filled = sum(x != EMPTY or y != EMPTY for x, y in pairs)
    agreed = sum(x == y and x != EMPTY for x, y in pairs)
    return agreed / filled if filled else 0.0


def cosine(a: dict[int, float], b: dict[int, float]) -> float:
    """How alike two articles' telling words (word hash → weight) are, 0 to 1."""
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(word, 0.0) for word, weight in a.items())


@cache
def _document_frequencies() -> tuple[int, dict[str, int]]:
    lines = _WORD_DF.read_text(encoding="utf-8").splitlines()
    articles = int(lines[0].split("\t")[1])
    df = {}
    for line in lines[1:]:
        word, _, count = line.partition("\t")
        df[word] = int(count)
    return articles, df


@cache
def _inverse_document_frequencies() -> tuple[dict[str, float], float]:
    """Word → log(articles / its document frequency), and that of a word not listed."""
    articles, df = _document_frequencies()
    return {word: math.log(articles / count) for word, count in df.items()}, math.log(articles / 1)


_DAMPED: list[float] = [0.0]


def _damped(most: int) -> list[float]:
    """1 + log(count) by count, up to `most` at least (index 0 unused)."""
    while len(_DAMPED) <= most:
        _DAMPED.append(1 + math.log(len(_DAMPED)))
    return _DAMPED
