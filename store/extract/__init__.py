"""Extraction: a pure function from an article's text to what the store records about it.

It knows nothing of the database, so it can run in worker processes or on
another machine, and its output can be merged later.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from store.extract.entities import Mention, People, entities_and_tokens
from store.extract.quotes import Quote, extract_quotes
from store.extract.repeats import Repeat, find_repeats
from store.extract.text_sketch import TextSketch, sketch
from store.extract.tokens import Tokens

# Extraction reads at most this much of an article (news articles are a few
# thousand characters): a 50 MB "article" is stored and searchable whole, and
# extracting it stays bounded in time.
MAX_EXTRACTED_CHARS = 1_000_000


@dataclass(frozen=True)
class Extraction:
    """What extraction finds in one article; offsets are into its text."""

    repeats: list[Repeat]
    mentions: list[Mention]
    people: People
    quotes: list[Quote]
    sketch: TextSketch = field(default_factory=TextSketch)
    """The text in brief (store/extract/text_sketch.py), to find its story."""


def extract_article(text: str) -> Extraction:
    """Everything extraction finds in an article's text.

    Mentions and quotes inside a repeated passage are left out: they were
    counted in its first printing.
    """
    text = text[:MAX_EXTRACTED_CHARS]
    mentions, people, tokens = entities_and_tokens(text)
    return extraction_with(text, mentions, people, tokens)


def extraction_with(
    text: str, mentions: list[Mention], people: People, tokens: Tokens | None = None
) -> Extraction:
    """The rest of an article's extraction, given the names another extractor found
    (store/extractors/): its quotes, repeated passages and sketch. `tokens` are the
    text's tokens when the entity pass made them (else quotes make them again)."""
    text = text[:MAX_EXTRACTED_CHARS]
    repeats = find_repeats(text)
    quotes = extract_quotes(text, mentions, people, tokens=tokens)
    if repeats:

        def first_printing(start: int) -> bool:
            return not any(r.start <= start < r.end for r in repeats)

        mentions = [m for m in mentions if first_printing(m.start)]
        quotes = [q for q in quotes if first_printing(q.start)]
    return Extraction(
        repeats=repeats,
        mentions=mentions,
        people=people,
        quotes=quotes,
        sketch=sketch(text),
    )
