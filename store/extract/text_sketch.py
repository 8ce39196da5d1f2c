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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import compress, repeat
from operator import ge, lt, mul, truediv
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
# `’` in the words of `_WORD` as they are counted: an ASCII character, so that the
# text they are split from is ASCII, that sorts after the letters as `’` does, so that
# words of equal weight keep their order. (`~` itself is in no word.)
_APOSTROPHE = "~"
# What comes before a word's first letter in a run of `_WORD`'s characters.
_JOINERS = b"'-" + _APOSTROPHE.encode()
# A joiner after a space: it begins a run (a regular expression finding them costs more).
_LEADING_JOINERS = [b" " + bytes([joiner]) for joiner in _JOINERS]
# For `bytes.translate` of a casefolded text in UTF-8 whose `’` were made b"\xff" (a byte
# UTF-8 never has): `_WORD`'s characters kept, `’` made `_APOSTROPHE`, the rest spaces
# (tests/store/test_text_sketch.py checks the words against `_WORD`'s).
_RUN_TO_SPACE = (
    bytes(byte if chr(byte) in string.ascii_lowercase + "'-" else ord(" ") for byte in range(255))
    + _APOSTROPHE.encode()
)
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
    folded, others = _folded_utf8(text)
    return TextSketch(_signature(folded, others), _terms(folded))


def signature(text: str) -> tuple[int, ...]:
    """The MinHash signature (empty when the text has fewer than SHINGLE words)."""
    return _signature(*_folded_utf8(text))


def _folded_utf8(text: str) -> tuple[bytes, str]:
    """The casefolded text in UTF-8, and its characters outside ASCII."""
    # `str.casefold` goes character by character through the Unicode tables as soon
    # as a text has one character outside ASCII (most news has quotes and dashes).
    # `bytes.lower` folds the ASCII letters alone, in one cheap pass; the characters
    # outside ASCII, a few in most texts, are folded on their own and replaced in the
    # UTF-8 (which finds a character's bytes nowhere but in it). A lone surrogate is
    # kept as `str.casefold` keeps it.
    encoded = text.encode("utf-8", "surrogatepass")
    others = encoded.translate(None, _ASCII).decode("utf-8", "surrogatepass")
    folded = encoded.lower()
    if others.casefold() == others:
        return folded, others
    for char in set(others):
        char_folded = char.casefold()
        if char_folded.casefold() != char_folded:
            # Folding twice changes it: replacing the characters one after another
            # could fold what an earlier one became (no such character in Unicode 15).
            folded = text.casefold().encode("utf-8", "surrogatepass")
            break
        if char_folded != char:
            folded = folded.replace(
                char.encode("utf-8", "surrogatepass"), char_folded.encode("utf-8", "surrogatepass")
            )
    return folded, folded.translate(None, _ASCII).decode("utf-8", "surrogatepass")


def _signature(folded: bytes, others: str) -> tuple[int, ...]:
    found = _encoded_words(folded, others)
    if len(found) < SHINGLE:
        return ()
    # Each run of SHINGLE words: the lists shifted by 0 to SHINGLE - 1 words, zipped to
    # the shortest.
    shifted = (found[offset:] for offset in range(SHINGLE))
    hashes = list(map(zlib.crc32, map(b" ".join, zip(*shifted, strict=False))))
    # The smallest hash of each bin (hashes of one bin order as their values do). Each
    # bin's smallest is almost always among the few smallest hashes: a C-level filter
    # leaves the loop about _CANDIDATES of them per bin, and all the hashes when a bin
    # got none of them.
    bound = _NONE * SIZE * _CANDIDATES // len(hashes)
    smallest = _smallest_by_bin(compress(hashes, map(lt, hashes, repeat(bound))))
    if _NONE in smallest:
        smallest = _smallest_by_bin(hashes)
    return tuple(EMPTY if hashed == _NONE else hashed // SIZE for hashed in smallest)


# Above any CRC-32: a bin no shingle fell into.
_NONE = 1 << 32
# About how many hashes per bin the filter keeps: a bin then gets none about once in
# e**_CANDIDATES texts (a long text, shingles hashing about evenly).
_CANDIDATES = 6


def _smallest_by_bin(hashes: Iterable[int]) -> list[int]:
    smallest = [_NONE] * SIZE
    for hashed in hashes:
        slot = hashed % SIZE
        if hashed < smallest[slot]:
            smallest[slot] = hashed
    return smallest


def _encoded_words(folded: bytes, others: str) -> list[bytes]:
    """The words of a text (`\\w+`) in UTF-8, as their shingles are hashed, given its
    characters outside ASCII."""
    # Most texts spell every word in ASCII (what else they have is quotes and dashes):
    # then they are found in the encoded text, faster, and no shingle has to be encoded.
    # (A lone surrogate is in no word.)
    if _SHINGLE_WORD.search(others) is None:
        return folded.translate(_NON_WORD_TO_SPACE).split()
    # A word has a letter outside ASCII (`café`, or mojibake's `â€`): the characters
    # outside ASCII that are in no word become spaces first, each replaced in one pass,
    # and the rest are kept.
    for char in set(others):
        if _SHINGLE_WORD.match(char) is None:
            folded = folded.replace(char.encode("utf-8", "surrogatepass"), b" ")
    return folded.translate(_NON_WORD_ASCII_TO_SPACE).split()


def terms(text: str) -> tuple[tuple[int, float], ...]:
    """The TERMS most telling words, hashed, with their weights as a unit vector."""
    return _terms(_folded_utf8(text)[0])


def _terms(folded: bytes) -> tuple[tuple[int, float], ...]:
    idf, unknown = _idf_by_run()
    runs = _word_runs(folded)
    counted = Counter(runs)
    # (1 + log(count)) * idf for every run, in C-level passes; a count is at most the
    # number of runs. A run is a word unless it is too short: such runs weigh less than
    # nothing (`_idf_by_run`), rather than being looked for among the runs.
    damped = _DAMPED if len(runs) < len(_DAMPED) else _damped(max(counted.values()))
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
    # Words of equal weight order as they are spelled. With fewer than TERMS words,
    # short runs are among the top, at its end.
    top = sorted(weighted, reverse=True)[:TERMS]
    while top and top[-1][0] < 0:
        top.pop()
    if not top:
        return ()
    top_weights, top_words = zip(*top, strict=True)
    norm = math.sqrt(sum(map(mul, top_weights, top_weights))) or 1.0
    spelled = map(str.replace, top_words, repeat(_APOSTROPHE), repeat("’"))
    hashes = map(zlib.crc32, map(str.encode, spelled))
    return tuple(sorted(zip(hashes, map(truediv, top_weights, repeat(norm)), strict=True)))


def _word_runs(folded: bytes) -> list[str]:
    """The runs of `_WORD`'s characters in a casefolded text, from their first letter,
    `’` spelled `_APOSTROPHE`: each a word of `_WORD` if 3 characters long at least.
    (`_WORD.findall` makes a string of each word it finds, slowly.)"""
    runs = folded.replace("’".encode(), b"\xff").translate(_RUN_TO_SPACE).lstrip(_JOINERS)
    # Each pass blanks the first joiner of every run that begins with one.
    while any(map(runs.__contains__, _LEADING_JOINERS)):
        for joiner in _LEADING_JOINERS:
            runs = runs.replace(joiner, b"  ")
    return runs.decode("ascii").split()


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


@cache
def _idf_by_run() -> tuple[dict[str, float], float]:
    """Word (`’` spelled `_APOSTROPHE`) → its inverse document frequency, and that of
    a word not listed; and -1.0 for every run of 1 or 2 characters."""
    idf, unknown = _inverse_document_frequencies()
    chars = string.ascii_lowercase + _JOINERS.decode()
    short = [*chars, *(first + second for first in chars for second in chars)]
    by_run = dict.fromkeys(short, -1.0)
    by_run.update(idf)
    for word in [word for word in idf if "’" in word]:
        by_run[word.replace("’", _APOSTROPHE)] = by_run.pop(word)
    return by_run, unknown


# Ahead for the counts of most texts (which have fewer runs than this), so that a text's
# highest count need not be looked for.
_DAMPED: list[float] = [0.0, *(1 + math.log(count) for count in range(1, 4096))]


def _damped(most: int) -> list[float]:
    """1 + log(count) by count, up to `most` at least (index 0 unused)."""
    while len(_DAMPED) <= most:
        _DAMPED.append(1 + math.log(len(_DAMPED)))
    return _DAMPED
