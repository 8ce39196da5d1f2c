"""Finding passages an article prints twice (scraped pages repeat standfirsts, captions, halves)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"\S+")
# Sentences and lines: a repeat worth recording contains at least one whole piece.
# Pieces end at the whitespace after a sentence's end, or at a line break (split at
# `(?<=[.!?”"])\s+|\n`): found as each mark that ends a sentence and the whitespace after
# it (a search for one character skips to it quickly, one for any of a set checks each
# character), and the line breaks between them.
_SENTENCE_GAPS = [re.compile(re.escape(mark) + r"\s+") for mark in '.!?”"']
MIN_PIECE = 40
# A shingle of this many words starts a candidate repeat.
SHINGLE = 8
# Shorter repeats are ordinary phrases ("the Obama administration said on Thursday").
MIN_WORDS = 12
MIN_CHARS = 60


@dataclass(frozen=True)
class Repeat:
    """`text[start:end]` is a second printing of the text at `original_start`."""

    start: int
    end: int
    original_start: int


def find_repeats(text: str) -> list[Repeat]:
    """Spans of `text` that repeat, word for word, an earlier span of it.

    Linear in the number of words: each 8-word shingle is hashed once, and a
    match is extended word by word as far as the two copies agree. Most
    articles repeat nothing, so the word pass runs only when some sentence or
    line occurs twice.
    """
    if not _has_repeated_piece(text):
        return []
    spans = [(match.start(), match.end()) for match in _WORD.finditer(text)]
    words = [text[start:end] for start, end in spans]
    first_seen: dict[tuple[str, ...], int] = {}
    repeats: list[Repeat] = []
    i = 0
    while i + SHINGLE <= len(words):
        shingle = tuple(words[i : i + SHINGLE])
        earlier = first_seen.setdefault(shingle, i)
        if earlier + SHINGLE <= i:
            length = SHINGLE
            while (
                i + length < len(words)
                and earlier + length < i
                and words[earlier + length] == words[i + length]
            ):
                length += 1
            start, end = spans[i][0], spans[i + length - 1][1]
            if length >= MIN_WORDS and end - start >= MIN_CHARS:
                repeats.append(Repeat(start, end, spans[earlier][0]))
                i += length
                continue
        i += 1
    return repeats


def _has_repeated_piece(text: str) -> bool:
    seen: set[str] = set()
    for piece in _pieces(text):
        if len(piece) >= MIN_PIECE:
            if piece in seen:
                return True
            seen.add(piece)
    return False


def _pieces(text: str) -> list[str]:
    """The sentences and lines of a text, split where a sentence ends before whitespace
    (its mark kept) or a line breaks."""
    pieces: list[str] = []
    start = 0
    for gap_start, gap_end in sorted(
        gap.span() for pattern in _SENTENCE_GAPS for gap in pattern.finditer(text)
    ):
        pieces += text[start : gap_start + 1].split("\n")
        start = gap_end
    pieces += text[start:].split("\n")
    return pieces
