"""The features the speaker model weighs for a candidate speaker of a quote.

All are strings: the kind of candidate, which side of the quote and how far,
the words around it and the cue next to it, which rules proposed it, and the
shape of the quote. `CandidateFinder` (speaker_candidates.py) gathers the
candidates and asks these for their features.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from store.extract.speakers import Speaker

# Pronouns that may speak; `I` only as a capital.
PRONOUNS = {"he", "she", "they", "it", "i", "we", "who", "you"}
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
# Words kept as themselves in the features for the word before and after a
# candidate; any other word is described by its shape.
FUNCTION_WORDS = {
    "of", "for", "at", "to", "with", "by", "from", "about", "on", "in", "against", "than",
    "as", "and", "but", "or", "that", "which", "who", "whom", "whose", "the", "a", "an", "his",
    "her", "their", "its", "our", "this", "these", "those", "said", "says", "told",
    "according", "also", "has", "have", "had", "is", "was", "are", "were", "will", "would",
    "could", "may", "might", "did", "does", "do", "not", "when", "while", "after", "before",
    "if", "because", "since", "so", "then", "there", "here", "what", "how", "why", "where",
}  # fmt: skip
# Words between a subject and its cue verb: `Putin has also said`.
LINKING = {
    "has", "have", "had", "also", "often", "later", "then", "again", "once", "further",
    "previously", "earlier", "recently", "repeatedly", "simply", "only", "just", "would",
    "will", "could", "might", "may", "did", "does", "is", "was",
}  # fmt: skip
DETERMINERS = {
    "a", "an", "the", "one", "another", "some", "two", "three", "several", "many", "most",
    "other", "others", "his", "her", "their", "its", "our", "my", "your", "this", "that",
    "these", "those",
}  # fmt: skip
# Marks next to a candidate kept as themselves in its features (any other is `#`).
_MARKS = frozenset(",.:;(—“”\"’'")
# What may follow a word before a cue class is read of it (`said,`): the word's own
# marks, and a comma.
_AFTER_WORD = frozenset("’'-,")


def bucket(value: int, edges: tuple[int, ...]) -> int:
    """The index of the first edge at or above `value` (the number of edges if none)."""
    return bisect_left(edges, value)


# The buckets of the words between a quote and a candidate, of a quote's words, and of
# the words of the quote before (a count past the last edge falls in the last bucket, so
# words are counted no further: `split(maxsplit=edges[-1])`).
GAP_BUCKETS = (0, 1, 2, 4, 8, 16, 32)
LENGTH_BUCKETS = (2, 5, 12, 30)
PREVIOUS_LENGTH_BUCKETS = (2, 4, 12)


def quote_shape(text: str, start: int, end: int, alone: bool) -> tuple[int, str, str, bool, bool]:
    """The shape of the quote: its length bucket, its last character and the one
    after it (classes), whether it opens its paragraph, whether it stands alone."""
    words = len(text[start:end].split(maxsplit=LENGTH_BUCKETS[-1]))
    inner = text[end - 1 : end]
    last = "," if inner == "," else "." if inner in ".!?" else "w"
    closing = text[end : end + 2].lstrip("”\"'’ ")[:1]
    after = closing if closing in ",.:;—-(" else "w" if closing.isalpha() else "x"
    paragraph_start = text.rfind("\n", 0, start) + 1
    opens = not text[paragraph_start:start].strip(" “\"'‘")
    return bucket(words, LENGTH_BUCKETS), last, after, opens, alone


# What a quote's opening mark may follow when the quote names something (a show, a
# book, a slogan) rather than gives words someone spoke: `a podcast called “The Axe
# Files”`, `the “Three Amigos” summit`.
_NAMING_WORDS = {
    "of", "for", "in", "on", "at", "with", "from", "by", "to", "as", "like", "than",
    "about", "called", "dubbed", "named", "titled", "entitled", "labeled", "labelled",
    "so-called",
}  # fmt: skip
# Small words a title leaves in lowercase: `Face the Nation`.
_TITLE_SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "at", "with"}


def speech_features(text: str, start: int, end: int) -> list[str]:
    """What says whether the quote `text[start:end]` gives words someone spoke, or names
    something (`CNN's “New Day”`) or keeps a writer's distance (`so-called “experts”`):
    what stands before its opening mark, and its capitals. The speech model weighs them
    with the features of the candidate chosen."""
    paragraph_start = text.rfind("\n", 0, start) + 1
    before = text[max(paragraph_start, start - 30) : start].rstrip(" “\"'‘\u00a0")
    return [f"qb={_opening_class(before)}", f"qc={_capitals_class(text[start:end])}"]


def _opening_class(before: str) -> str:
    """What stands before a quote's opening mark (`before`, with the mark and spaces
    stripped): nothing, a mark, a possessive (`CNN's`), a determiner, a word that names
    (`called`, `of`), or another word."""
    if not before:
        return "nl"
    char = before[-1]
    if not char.isalpha():
        return char if char in ",:(—" else "#"
    word = before.rpartition(" ")[2].lower()
    if word.endswith(("’s", "'s")):
        return "poss"
    if word in DETERMINERS:
        return "det"
    return "name" if word in _NAMING_WORDS else "w"


def _capitals_class(quoted: str) -> str:
    """How a quote of up to eight words is capitalised: every letter (`GROWING PARTY`),
    every word (`Face the Nation`: a title, of one word or more) or otherwise."""
    words = quoted.split(maxsplit=8)
    lettered = [word for word in words if word[:1].isalpha()]
    if not lettered or len(words) > 8:
        return "text"
    if quoted.isupper():
        return "upper"
    if all(word[0].isupper() or word in _TITLE_SMALL_WORDS for word in lettered):
        return "title1" if len(lettered) == 1 else "title"
    return "text"


def left_of(text: str, position: int, cue_words: dict[str, str]) -> tuple[str, str | None]:
    """What stands before `position`: a mark, a function word or a word's shape, and
    the learned cue class of that word when only a comma stands between."""
    stripped = text[max(0, position - 30) : position].rstrip()
    if not stripped:
        return "nl", None
    char = stripped[-1]
    if not char.isalpha() and char not in _AFTER_WORD:
        # A mark (`(`, `“`) stands between the last word and the candidate: no cue.
        return (char if char in _MARKS else "#"), None
    # No word spans a space: the last word is that of the text after the last space,
    # if it has one (cheaper than finding every word).
    words = _WORD.findall(stripped.rpartition(" ")[2]) or _WORD.findall(stripped)
    cue = None
    if words:
        last = words[-1]
        if not stripped[stripped.rfind(last) + len(last) :].strip(" ,"):
            cue = cue_words.get(last.lower())
    if not char.isalpha():
        return (char if char in _MARKS else "#"), cue
    if not words:
        return "#", cue
    lower = words[-1].lower()
    if lower == "to" and stripped.lower().endswith("according to"):
        return "according_to", cue
    return word_class(words[-1], lower), cue


def right_of(text: str, position: int, cue_words: dict[str, str]) -> tuple[str, str | None]:
    """What stands after `position`: a mark, a function word or a word's shape, and
    the learned cue class of the word there (over linking words and adverbs)."""
    stripped = text[position : position + 40].lstrip()
    if not stripped:
        return "nl", None
    char = stripped[0]
    if not char.isalpha():
        return (char if char in _MARKS else "#"), None
    first = _WORD.match(stripped)
    if first is None:
        # A letter that opens no word (`é`): the first word further on, and no cue.
        later = _WORD.search(stripped)
        return ("#" if later is None else word_class(later.group(), later.group().lower())), None
    cue = None
    # The cue class of the first word, or of the next over linking words and adverbs
    # (three words at most; the words after the first found only when needed).
    word: re.Match[str] | None = first
    rest = None
    for _ in range(3):
        if word is None:
            break
        lower = word.group().lower()
        if lower in cue_words:
            cue = cue_words[lower]
            break
        if lower not in LINKING and not lower.endswith("ly"):
            break
        if rest is None:
            rest = _WORD.finditer(stripped, word.end())
        word = next(rest, None)
    return word_class(first.group(), first.group().lower()), cue


class Situation(NamedTuple):
    """Where a candidate stands to a quote: what its quote-dependent features say."""

    side: str
    kind: str
    relation: str
    gap: int
    rank: int
    rules: tuple[str, ...]
    previous_length: int | None
    """The length bucket of the quote before, if one was attributed."""
    same_as_previous: bool
    spoke_before: bool

    def features(self) -> list[str]:
        placement = (self.side, self.kind, self.relation, self.gap, self.rank)
        proposal = (self.kind, *self[5:])
        return placement_features(placement) + proposal_features(proposal)


# A situation's features in two halves, each shared by more situations than the whole
# (`CandidateScorer` weighs a situation not met before from its halves).


def placement_features(fields: tuple[str, str, str, int, int]) -> list[str]:
    """Where the candidate stands: `Situation`'s side, kind, relation, gap and rank."""
    side, kind, relation, gap, rank = fields
    return [f"s={side}{relation}", f"k={kind}|s={side}{relation}", f"d={side}{gap}",
            f"o={side}{rank}"]  # fmt: skip


def proposal_features(fields: tuple[str, tuple[str, ...], int | None, bool, bool]) -> list[str]:
    """Who proposed the candidate and whether it spoke before: `Situation`'s kind and
    the fields after its rank."""
    kind, rules, previous_length, same_as_previous, spoke_before = fields
    features = []
    for rule in rules:
        features.append(f"r={rule}")
        features.append(f"r={rule}|k={kind}")
        if previous_length is not None and rule in ("follows", "continues", "previous"):
            features.append(f"r={rule}|pl{previous_length}")
    if same_as_previous:
        features.append("same_as_previous")
    if spoke_before:
        features.append("spoke_before")
    return features


class Context(NamedTuple):
    """What stands around a candidate, whatever the quote, seen from one side of it."""

    side: str
    kind: str
    before: str
    after: str
    cue_before: str | None
    cue_after: str | None
    at_start: bool

    def features(self) -> list[str]:
        kind, before, after = self.kind, self.before, self.after
        features = [f"k={kind}", f"p={before}", f"n={after}", f"k={kind}|n={after}",
                    f"k={kind}|p={before}"]  # fmt: skip
        sided: list[str] = []
        if self.cue_after:
            features += [f"cn={self.cue_after}", f"k={kind}|cn"]
            sided.append(f"cn={self.cue_after}|")
        if self.cue_before:
            features += [f"cp={self.cue_before}", f"k={kind}|cp"]
            sided.append(f"cp={self.cue_before}|")
        if self.at_start:
            sided.append("start|")
        return features + [f"{feature}{self.side}" for feature in sided]


class Shape(NamedTuple):
    """The shape of a quote (`quote_shape`), seen from one side."""

    side: str
    length: int
    last: str
    after: str
    opens: bool
    alone: bool

    def features(self) -> list[str]:
        named = [f"ql{self.length}", f"qi{self.last}", f"qa{self.after}", f"qo{self.opens}",
                 f"alone{self.alone}"]  # fmt: skip
        return [f"{self.side}|{feature}" for feature in named]


# The features of `Context` and `Shape` given as plain tuples of their fields
# (`LinearModel.weighed` keys; a plain tuple is cheaper to make, and the same key).


def context_features(fields: tuple[object, ...]) -> list[str]:
    return Context._make(fields).features()


def shape_features(fields: tuple[object, ...]) -> list[str]:
    return Shape._make(fields).features()


def kind_of(speaker: Speaker) -> str:
    lower = speaker.text.lower()
    if lower in PRONOUNS:
        return lower
    if speaker.kind in ("person", "org", "place") and speaker.text[:1].isupper():
        return speaker.kind
    first = lower.split()[0] if lower else ""
    if first in DETERMINERS:
        return "role"
    return "cap" if speaker.text[:1].isupper() else "low"


def word_class(word: str, lower: str) -> str:
    """A word next to a candidate: itself if it is a function word, else its shape."""
    if lower in FUNCTION_WORDS:
        return lower
    if lower.endswith(("’s", "'s")):
        return "poss"
    return "Cap" if word[0].isupper() else "low"
