"""A quote's words, and when two quotes say the same thing (store/statements.py groups
them into statements).

A quote's words are folded (case, accents, apostrophes) and read as word pairs;
two quotes are the same statement when, of the shorter one's informative pairs
(not made of two function words), at least CONTAINED are in the other:
`…on the basis of the policy which the administration of President Donald
Trump will carry out` and `…on the basis of the policies carried out by the
administration of President Trump` are one statement, and so is a fragment
quoted from a longer quote. Candidates come from winnowed fingerprints of the
informative word pairs: two quotes that share a run of WINDOW such pairs share
a fingerprint. Quotes of fewer than MIN_WORDS words (`lies`, `very smart`)
stand alone.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

MIN_WORDS = 5
# Without a speaker entity the words alone decide: longer quotes, more overlap.
MIN_WORDS_UNNAMED = 8
CONTAINED = 0.5
MIN_SHARED_PAIRS = 3
CONTAINED_UNNAMED = 0.7
# Winnowing window over informative word-pair hashes: any run of WINDOW such
# pairs that two quotes share gives them a fingerprint in common.
WINDOW = 4

_WORD = re.compile(r"\w+(?:'\w+)*")
# Pairs of two of these say nothing about which statement a quote is ("of the").
_FUNCTION_WORD_LIST = (
    "a about after all also an and any are as at be been but by can could did do "
    "does for from had has have he her his i if in into is it its it's me more my no "
    "not of on or our out over she so than that the their them then there these they "
    "this those to up us was we were what when which who will with would you your"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_WORD_LIST.split())


def quote_words(text: str) -> list[str]:
    """The words of a quote, folded for comparison."""
    folded = text.casefold().replace("’", "'")
    if not folded.isascii():  # accents go: `Zakharova` is `Zakharová`
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _WORD.findall(folded)


@dataclass
class Words:
    """What grouping needs of a quote's (or a statement's) words."""

    count: int
    hashes: list[int]  # each word pair, hashed, in order
    pairs: set[int]
    informative: set[int]  # the pairs that are not two function words

    @classmethod
    def of(cls, text: str) -> Words:
        words = quote_words(text)
        hashes: list[int] = []
        informative: set[int] = set()
        for first, second in pairwise(words):
            hashed = zlib.crc32(f"{first} {second}".encode())
            hashes.append(hashed)
            if first not in _FUNCTION_WORDS or second not in _FUNCTION_WORDS:
                informative.add(hashed)
        return cls(len(words), hashes, set(hashes), informative)

    def fingerprints(self) -> set[int]:
        """The winnowed fingerprints: the smallest of each window of WINDOW consecutive
        informative pair hashes (every one of a shorter quote). Pairs of two function
        words are left out: `of the` would make every quote a candidate."""
        hashes = [hashed for hashed in self.hashes if hashed in self.informative]
        if len(hashes) <= WINDOW:
            return set(hashes)
        return {min(hashes[start : start + WINDOW]) for start in range(len(hashes) - WINDOW + 1)}

    def __getstate__(self) -> tuple[int, bytes, bytes]:
        # Sent from worker processes as packed arrays (quick to unpickle, no objects
        # for the collector); `pairs` is `hashes` again, rebuilt on arrival.
        return self.count, _pack(self.hashes), _pack(self.informative)

    def __setstate__(self, state: tuple[int, bytes, bytes]) -> None:
        self.count, self.hashes = state[0], _unpack(state[1])
        self.pairs, self.informative = set(self.hashes), set(_unpack(state[2]))


def _pack(hashes: Iterable[int]) -> bytes:
    return array("I", hashes).tobytes()


def _unpack(packed: bytes) -> list[int]:
    hashes = array("I")
    hashes.frombytes(packed)
    return hashes.tolist()


@dataclass(frozen=True, slots=True)
class PackedWords:
    """Words kept compact (a statement's, from batch to batch): the pair hashes and the
    informative ones (each once) as arrays. A quote is compared with them as they
    are (`shared`): building their sets cost more than the comparisons."""

    count: int
    hashes: array[int]
    informative: array[int]

    @classmethod
    def of(cls, words: Words) -> PackedWords:
        return cls(words.count, array("I", words.hashes), array("I", words.informative))


@dataclass(frozen=True)
class QuoteWords:
    """A quote long enough to be a statement: its words and their fingerprints, worked
    out in the worker that extracted it."""

    words: Words
    prints: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> QuoteWords | None:
        """None for a quote too short to be a statement (it stands alone)."""
        words = Words.of(text)
        if words.count < MIN_WORDS:
            return None
        return cls(words, tuple(sorted(words.fingerprints())))


def shared(a: Words, b: Words | PackedWords) -> tuple[int, float]:
    """How many of the shorter one's informative pairs are in the other, and what
    share of them that is."""
    if isinstance(b, PackedWords):  # the same, from b's arrays
        if a.count <= b.count:
            if not a.informative:
                return 0, 0.0
            found = len(a.informative.intersection(b.hashes))
            return found, found / len(a.informative)
        if not b.informative:
            return 0, 0.0
        found = len(a.pairs.intersection(b.informative))
        return found, found / len(b.informative)
    shorter, longer = (a, b) if a.count <= b.count else (b, a)
    if not shorter.informative:
        return 0, 0.0
    found = len(shorter.informative & longer.pairs)
    return found, found / len(shorter.informative)


def containment(a: Words, b: Words | PackedWords) -> float:
    """The share of the shorter one's informative pairs found in the other's pairs."""
    return shared(a, b)[1]


def same_statement(a: Words, b: Words | PackedWords, *, named: bool) -> bool:
    """Whether two quotes of one speaker (`named`), or of none, say the same thing:
    enough of the shorter one's informative pairs in the other, and never fewer
    than MIN_SHARED_PAIRS (two pairs in common prove nothing: `for 30 years`)."""
    found, share = shared(a, b)
    if found < MIN_SHARED_PAIRS:
        return False
    if named:
        return min(a.count, b.count) >= MIN_WORDS and share >= CONTAINED
    return min(a.count, b.count) >= MIN_WORDS_UNNAMED and share >= CONTAINED_UNNAMED
