"""An article's extraction made ready to write: what depends on the article alone (the
folded keys of the names it gives, its quotes' words and fingerprints, its sketch
packed and banded) is worked out where the article was extracted, in a worker
process, so that the single writer process only looks things up and writes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from store.extract import Extraction
from store.extract.quotes import Quote
from store.extract.repeats import Repeat
from store.names import name_key
from store.sketches import PackedSketch
from store.statement_words import QuoteWords


class KeyedMention(NamedTuple):
    """A mention (store/extract/entities.py) with its name's `name_key`; a tuple, which
    crosses from a worker process faster than a dataclass."""

    start: int
    end: int
    text: str
    kind: str
    name: str
    key: str


@dataclass(frozen=True)
class PreparedArticle:
    """What the writer stores of one article's extraction (`Extraction` without the
    article's people, which only extraction reads), with what it needs of it."""

    repeats: list[Repeat]
    mentions: list[KeyedMention]
    quotes: list[Quote]
    speaker_keys: list[str | None]
    """`name_key` of each quote's speaker name."""
    quote_words: list[QuoteWords | None]
    """Each quote's words, None for one too short to be a statement."""
    sketch: PackedSketch


def prepare(extraction: Extraction) -> PreparedArticle:
    """An extraction made ready to write (a pure function of the extraction)."""
    quotes = extraction.quotes
    return PreparedArticle(
        repeats=extraction.repeats,
        mentions=[
            KeyedMention(m.start, m.end, m.text, m.kind, m.name, name_key(m.name))
            for m in extraction.mentions
        ],
        quotes=quotes,
        speaker_keys=[name_key(q.speaker_name) if q.speaker_name else None for q in quotes],
        quote_words=[QuoteWords.of(quote.text) for quote in quotes],
        sketch=PackedSketch.of(extraction.sketch),
    )
