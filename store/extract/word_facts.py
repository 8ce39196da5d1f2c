"""What the word lists say of a capitalised word: whether it is an ordinary word, a
known name, a title; and whether a run of one word stands as a name."""

from __future__ import annotations

from store.extract.lexicon import Lexicon
from store.extract.name_words import CALENDAR_WORDS, CONTRACTION, FUNCTION_WORDS, abstract_noun
from store.extract.tokens import titled


def lone_word_stands(text: str, headline: str, words: Lexicon, body_names: set[str]) -> bool:
    """Whether a run of one word stands, as `candidates._split_run` would decide: no day, month
    or single letter, no abstract noun, and no ordinary word unless a title (or, in a
    headline, unless the body writes it as a name or the lists know it)."""
    word = titled(text) if headline == "caps" else text  # `proper`
    ordinary, is_known, title, abstract, _, _ = words.word_facts.get(word) or word_facts(
        word, words
    )
    if headline and not ordinary:
        ordinary = not (text in body_names or is_known)
    elif ordinary and not headline and _known_abbreviation(word, words):
        ordinary = False  # "the US economy", "UN troops": not the word "us" or "un"
    calendar = word in CALENDAR_WORDS or len(word) == 1
    return not (calendar or abstract or (ordinary and (headline or not title)))


def _known_abbreviation(word: str, words: Lexicon) -> bool:
    return word.isupper() and (word in words.places or word in words.organisations)


def word_facts(word: str, words: Lexicon) -> tuple[bool, bool, bool, bool, bool, bool]:
    """What the lists say of a capitalised word, kept for the process (a name recurs):
    whether it is ordinary (a common word, or one with a contraction), known as part of a
    name, a title, an abstract noun, a word news writes in lowercase, a function word."""
    lower = word.lower()
    base = CONTRACTION.sub("", word).lower()
    ordinary = lower in words.common_words or (
        base != lower and (base in words.common_words or len(base) == 1)
    )
    is_known = known(word, words)
    abstract = abstract_noun(word, words.common_words) and not is_known
    facts = (ordinary, is_known, lower in words.titles, abstract,
             lower in words.lowercase_words, lower in FUNCTION_WORDS)  # fmt: skip
    if len(words.word_facts) > _MOST_WORDS:
        words.word_facts.clear()
    words.word_facts[word] = facts
    return facts


# Words whose facts are kept before the cache starts again (a few MB).
_MOST_WORDS = 200_000


def known(word: str, words: Lexicon) -> bool:
    """Whether a word lists know it as (part of) a name or a title."""
    return (
        word in words.places
        or word in words.organisations
        or word in words.given_names
        or word in words.org_cues
        or word in words.demonyms
        or word.lower() in words.titles
    )
