"""The candidate speakers of a quote, each with the cheap features the speaker model weighs.

Candidates are what the rules see (the cue rules' speakers, the speaker of the
quote before, the subject of the sentence or paragraph before) and every other
name, pronoun and subject of a cue word near the quote. Features are strings:
the kind of candidate, which side of the quote and how far, the words around
it, the cue next to it, which rules proposed it, and the shape of the quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from typing import NamedTuple, Protocol

from store.extract.cue_rules import CueRules
from store.extract.entities import Mention, People
from store.extract.speaker_model import LinearModel
from store.extract.speakers import Speaker
from store.extract.tokens import Tokens, tokenize

# Pronouns that may speak; `I` only as a capital.
_PRONOUNS = {"he", "she", "they", "it", "i", "we", "who", "you"}
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
# Words kept as themselves in the features for the word before and after a
# candidate; any other word is described by its shape.
_FUNCTION_WORDS = {
    "of", "for", "at", "to", "with", "by", "from", "about", "on", "in", "against", "than",
    "as", "and", "but", "or", "that", "which", "who", "whom", "whose", "the", "a", "an", "his",
    "her", "their", "its", "our", "this", "these", "those", "said", "says", "told",
    "according", "also", "has", "have", "had", "is", "was", "are", "were", "will", "would",
    "could", "may", "might", "did", "does", "do", "not", "when", "while", "after", "before",
    "if", "because", "since", "so", "then", "there", "here", "what", "how", "why", "where",
}  # fmt: skip
# Words between a subject and its cue verb: `Putin has also said`.
_LINKING = {
    "has", "have", "had", "also", "often", "later", "then", "again", "once", "further",
    "previously", "earlier", "recently", "repeatedly", "simply", "only", "just", "would",
    "will", "could", "might", "may", "did", "does", "is", "was",
}  # fmt: skip
_DETERMINERS = {
    "a", "an", "the", "one", "another", "some", "two", "three", "several", "many", "most",
    "other", "others", "his", "her", "their", "its", "our", "my", "your", "this", "that",
    "these", "those",
}  # fmt: skip
# Marks next to a candidate kept as themselves in its features (any other is `#`).
_MARKS = frozenset(",.:;(—“”\"’'")
# How far around a quote candidates are looked for (characters).
_BEFORE_REACH = 400
_AFTER_REACH = 250


@dataclass(slots=True)
class Candidate:
    """A possible speaker of a quote and what the model knows about it."""

    speaker: Speaker
    rules: list[str] = field(default_factory=list)
    cue: str | None = None
    features: list[str] = field(default_factory=list)
    score: float = 0.0
    """The speaker model's score (its logit)."""


@dataclass(slots=True)
class _Facts:
    """What a candidate's features say of it whatever the quote."""

    kind: str
    sentence: int
    sides: dict[str, tuple[list[str], float]]
    """Side of the quote (`b`efore, `a`fter) → the features and their weights' sum."""


@dataclass(slots=True)
class Previous:
    """The last quote that was given a speaker."""

    start: int
    end: int
    speaker: Speaker
    cue: str | None
    words: int


def _bucket(value: int, edges: tuple[int, ...]) -> int:
    """The index of the first edge at or above `value` (the number of edges if none)."""
    return bisect_left(edges, value)


class CandidateFinder(CueRules):
    """Candidate speakers for the quotes of one article."""

    def __init__(
        self,
        text: str,
        mentions: list[Mention],
        people: People,
        spans: list[tuple[int, int]],
        cue_words: dict[str, str],
        ranker: LinearModel,
        pronoun_model: LinearModel | None = None,
        tokens: Tokens | None = None,
        exhaustive: bool = False,
    ) -> None:
        super().__init__(text, mentions, people)
        self.exhaustive = exhaustive
        """Every candidate of every quote (for training), with no shortcut."""
        self.spans = spans
        self.set_quoted(spans)
        self.cue_words = cue_words
        # The words `_nearby` looks at: cue words and pronouns.
        self._triggering = cue_words.keys() | _PRONOUNS
        self.ranker = ranker
        self.pronoun_model = pronoun_model
        self.spoken_names: set[str] = set()
        # The subject and object of each cue word, by its offset: every quote near it asks.
        self._chunks: dict[int, tuple[Speaker | None, Speaker | None]] = {}
        # The words outside quotation marks, read once for every quote near them; the
        # pronouns and cue words among them (by index) are what `_nearby` looks at.
        self._words: list[str] = []
        self._lowers: list[str] = []
        self._word_starts: list[int] = []
        self._word_ends: list[int] = []
        self._triggers: list[int] = []
        self._names: tuple[list[Speaker], list[int]] = ([], [])
        self._scan_words(tokenize(text) if tokens is None else tokens)
        # What each candidate's features say of it whatever the quote, by speaker.
        self._facts: dict[tuple[int, int, str | None], _Facts] = {}
        # A pronoun as a speaker, by offset and the last speaker it may stand for.
        self._pronoun_speakers: dict[tuple[int, str | None], Speaker | None] = {}

    def _sentence_index(self, position: int) -> int:
        return bisect_right(self.sentence_starts, position) - 1

    def candidates(self, index: int, previous: Previous | None) -> list[Candidate]:
        """The candidate speakers of quote `index`, with their features."""
        start, end = self.spans[index]
        following = self.spans[index + 1] if index + 1 < len(self.spans) else None
        found: list[Candidate] = []

        def add(
            speaker: Speaker | None, rule: str, cue: str | None = None, only_mark: bool = False
        ) -> None:
            if speaker is None:
                return
            for candidate in found:
                old = candidate.speaker
                if old.start < speaker.end and speaker.start < old.end:
                    if rule not in candidate.rules:
                        candidate.rules.append(rule)
                    candidate.cue = candidate.cue or cue
                    return
            if not only_mark:
                found.append(Candidate(speaker, [rule], cue))

        after = self.after_proposal(end)
        if (
            after is not None
            and after.rule == "after"
            and after.speaker.kind == "person"
            and not self.exhaustive
        ):
            # `,” Putin said`: a named person in the cue right after the quote. The model
            # chose another candidate for under one such quote in a hundred on PolNeAR
            # train, as often right as wrong: the other candidates are not looked for.
            add(after.speaker, after.rule, after.cue)
            self._nearby(start, end, add, only_mark=True)
            self._score(found, start, end, previous, self.stands_alone(start, end, None))
            return found
        for proposal in self.proposals(start, end, following, after):
            add(proposal.speaker, proposal.rule, proposal.cue)
        alone = self.stands_alone(start, end, None)
        if previous is not None:
            paragraph_gap = self.text.count("\n\n", previous.end, start)
            if self.follows_attribution(previous.end, start):
                add(previous.speaker, "follows", previous.cue)
            elif paragraph_gap <= 1 and self.stands_alone(start, end, previous.end):
                add(previous.speaker, "continues", previous.cue)
            else:
                add(previous.speaker, "previous", previous.cue)
        if alone:
            add(self.subject_of_previous_paragraph(start), "paragraph")
        add(self.sentence_subject(start), "subject")
        add(self.previous_sentence_subject(start), "previous_subject")
        self._nearby(start, end, add)
        for candidate in found:
            speaker = candidate.speaker
            if speaker.text.lower() in ("he", "she", "it") and speaker.start < start:
                # `Ban Ki-moon condemned what he called …`: the subject the pronoun
                # stands for is a candidate of its own.
                subject = self.sentence_subject(speaker.start)
                if subject is not None and subject.start < speaker.start:
                    add(subject, "antecedent")
                    break
        self._score(found, start, end, previous, alone)
        return found

    def _score(
        self,
        found: list[Candidate],
        start: int,
        end: int,
        previous: Previous | None,
        alone: bool,
    ) -> None:
        """Give each candidate its features and the model's score."""
        shape_of = self._quote_shape(start, end, alone)
        sentences = (self._sentence_index(start), self._sentence_index(max(end - 1, start)))
        for side in ("b", "a"):
            on_side = [c for c in found if (c.speaker.start < start) == (side == "b")]
            if not on_side:
                continue
            on_side.sort(key=lambda c: -c.speaker.end if side == "b" else c.speaker.start)
            shape, shape_score = self.ranker.weighed(_Shape(side, *shape_of), _Shape.features)
            shape_score += self.ranker.bias
            for rank, candidate in enumerate(on_side):
                facts = self._facts_of(candidate.speaker)
                common, common_score = facts.sides[side]
                own, own_score = self._features(
                    candidate, facts, side, min(rank, 3), start, end, sentences, previous
                )
                if self.exhaustive:
                    candidate.features = common + own + shape
                candidate.score = shape_score + common_score + own_score

    def _scan_words(self, tokens: Tokens) -> None:
        """Index the words outside quotation marks (the tokens that open with a letter),
        once per article."""
        lettered = list(map(str.isalpha, map(itemgetter(0), tokens.words)))
        kept: list[int] = []
        for stretch_start, stretch_end in self._unquoted(0, len(self.text)):
            low = bisect_left(tokens.starts, stretch_start)
            high = bisect_left(tokens.starts, stretch_end)
            kept += compress(range(low, high), lettered[low:high])
        self._words = words = list(map(tokens.words.__getitem__, kept))
        self._word_starts = list(map(tokens.starts.__getitem__, kept))
        self._word_ends = list(map(tokens.ends.__getitem__, kept))
        self._lowers = lowers = list(map(str.lower, words))
        # Cue words and pronouns; `I` only as a capital (unless a cue word).
        triggers = compress(range(len(lowers)), map(self._triggering.__contains__, lowers))
        if "i" in self.cue_words:
            self._triggers = list(triggers)
        else:
            self._triggers = [i for i in triggers if lowers[i] != "i" or words[i] == "I"]
        # The names outside quotation marks, as speakers.
        names = [
            Speaker(m.start, m.end, m.text, m.name, m.kind)
            for m in self.mentions
            if m.kind in ("person", "org", "place") and not self.inside_quote(m.start)
        ]
        self._names = names, [speaker.start for speaker in names]

    def _nearby(self, start: int, end: int, add: _Add, *, only_mark: bool = False) -> None:
        """Names, pronouns and subjects of cue words in the sentences around the quote
        (`only_mark`: only as rules of the candidates found already)."""
        text = self.text
        # The quote's own sentences and the one after: names in the sentence before
        # are candidates only where a rule proposes them (cross-validation inside
        # PolNeAR train: the others were rarely right, and chosen wrongly more often).
        first = self._sentence_index(start)
        window_start = max(self.sentence_starts[first], start - _BEFORE_REACH)
        last = self._sentence_index(max(end - 1, start))
        paragraph_end = text.find("\n", end)
        paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
        after_next = last + 2
        window_end = (
            self.sentence_starts[after_next]
            if after_next < len(self.sentence_starts)
            else len(text)
        )
        window_end = min(window_end, paragraph_end, end + _AFTER_REACH)
        names, name_starts = self._names
        for speaker in names[
            bisect_left(name_starts, window_start) : bisect_left(name_starts, window_end)
        ]:
            add(speaker, "name", only_mark=only_mark)
        # The words starting inside the window, and the pronouns and cue words among them.
        low = bisect_left(self._word_starts, window_start)
        high = bisect_left(self._word_starts, window_end)
        triggers = self._triggers
        lowers = self._lowers
        for trigger in range(bisect_left(triggers, low), bisect_left(triggers, high)):
            position = triggers[trigger]
            lower = lowers[position]
            if lower in _PRONOUNS and (lower != "i" or self._words[position] == "I"):
                if not only_mark:  # a pronoun is no name's span
                    add(self._pronoun_speaker(position), "pronoun")
            elif position > low:
                key = self._word_starts[position]
                chunks = self._chunks.get(key)
                if chunks is None:
                    chunks = self._chunks_of(position)
                    self._chunks[key] = chunks
                subject, after = chunks
                add(subject, "cue_subject", only_mark=only_mark)
                if position + 1 < high:
                    # `said a senior official` names the speaker when a name or role is
                    # there too; alone, the words after a cue word were rarely the
                    # speaker (cross-validation inside PolNeAR train).
                    add(after, "cue_object", only_mark=True)

    def _pronoun_speaker(self, position: int) -> Speaker | None:
        """The speaker a pronoun names (whom it stands for depends on the last speaker)."""
        start = self._word_starts[position]
        key = (start, self.last_speaker)
        if key not in self._pronoun_speakers:
            self._pronoun_speakers[key] = self.speaker(start, self._word_ends[position])
        return self._pronoun_speakers[key]

    def _unquoted(self, start: int, end: int) -> list[tuple[int, int]]:
        """The stretches of `text[start:end]` outside quotation marks."""
        stretches = []
        index = max(bisect_right(self._quoted_starts, start) - 1, 0)
        while start < end:
            quoted = self.quoted[index] if index < len(self.quoted) else (end, end)
            if quoted[1] <= start:
                index += 1
                continue
            stretches.append((start, min(quoted[0], end)))
            start = quoted[1]
            index += 1
        return [(a, b) for a, b in stretches if b > a]

    def _chunks_of(self, cue: int) -> tuple[Speaker | None, Speaker | None]:
        """The subject and object of a cue word. A passive cue names its agent after
        `by`, and the subject before it is what was said: `sanctions announced by
        President Obama`."""
        following = cue + 1
        if (
            following + 1 < len(self._lowers)
            and self._lowers[following] == "by"
            and self._joined(cue, following)
        ):
            return None, self._object_chunk(following)
        return self._subject_chunk(cue), self._object_chunk(cue)

    def _subject_chunk(self, cue: int) -> Speaker | None:
        """The words before a cue word that name who speaks: `former employees have called`."""
        lowers = self._lowers
        index = cue - 1
        while index >= 0 and lowers[index] in _LINKING:
            index -= 1
        if index < 0 or not self._joined(index, cue - (cue - index > 1)):
            return None
        head = lowers[index]
        if head in _FUNCTION_WORDS and head not in _PRONOUNS:
            return None
        first = index
        while (
            first > 0
            and index - first < 3
            and lowers[first - 1] not in _FUNCTION_WORDS
            and self._joined(first - 1, first)
        ):
            first -= 1
        determiner = first > 0 and lowers[first - 1] in _DETERMINERS
        if determiner and self._joined(first - 1, first):
            first -= 1
        return self._chunk(self._word_starts[first], self._word_ends[index])

    def _object_chunk(self, cue: int) -> Speaker | None:
        """The words after a cue word: `said a senior official`, `said Giles`."""
        lowers = self._lowers
        first = cue + 1
        if first >= len(lowers) or not self._joined(cue, first):
            return None
        last = first
        if lowers[first] not in _DETERMINERS and not self._words[first][0].isupper():
            return None
        while (
            last + 1 < len(lowers)
            and last - first < 3
            and lowers[last + 1] not in _FUNCTION_WORDS
            and self._joined(last, last + 1)
        ):
            last += 1
        return self._chunk(self._word_starts[first], self._word_ends[last])

    def _joined(self, left: int, right: int) -> bool:
        """Whether only spaces stand between two words (no punctuation, no quote)."""
        return not self.text[self._word_ends[left] : self._word_starts[right]].strip()

    def _chunk(self, start: int, end: int) -> Speaker:
        named = self.mentions_in(start, end)
        if named:
            m = named[-1]
            return Speaker(m.start, m.end, m.text, m.name, m.kind)
        phrase = self.text[start:end]
        return Speaker(start, end, phrase, None, None)

    def _quote_shape(self, start: int, end: int, alone: bool) -> tuple[int, str, str, bool, bool]:
        """The shape of the quote: its length bucket, its last character and the one
        after it (classes), whether it opens its paragraph, whether it stands alone."""
        text = self.text
        words = len(text[start:end].split())
        inner = text[end - 1 : end]
        last = "," if inner == "," else "." if inner in ".!?" else "w"
        closing = text[end : end + 2].lstrip("”\"'’ ")[:1]
        after = closing if closing in ",.:;—-(" else "w" if closing.isalpha() else "x"
        paragraph_start = text.rfind("\n", 0, start) + 1
        opens = not text[paragraph_start:start].strip(" “\"'‘")
        return _bucket(words, (2, 5, 12, 30)), last, after, opens, alone

    def _facts_of(self, speaker: Speaker) -> _Facts:
        """What a candidate's features say of it whatever the quote (asked by every
        quote near it)."""
        key = (speaker.start, speaker.end, speaker.kind)
        facts = self._facts.get(key)
        if facts is not None:
            return facts
        kind = _kind(speaker)
        sentence = self._sentence_index(speaker.start)
        before, cue_before = self._left_of(speaker.start)
        after, cue_after = self._right_of(speaker.end)
        at_start = not self.text[self.sentence_starts[sentence] : speaker.start].strip(" “\"'‘(")
        weighed = self.ranker.weighed
        sides = {
            "b": weighed(_Context("b", kind, before, after, cue_before, cue_after, at_start),
                         _Context.features),
            "a": weighed(_Context("a", kind, before, after, cue_before, cue_after, at_start),
                         _Context.features),
        }  # fmt: skip
        facts = self._facts[key] = _Facts(kind, sentence, sides)
        return facts

    def _left_of(self, position: int) -> tuple[str, str | None]:
        """What stands before `position`: a mark, a function word or a word's shape, and
        the learned cue class of that word when only a comma stands between."""
        stripped = self.text[max(0, position - 30) : position].rstrip()
        if not stripped:
            return "nl", None
        words = _WORD.findall(stripped)
        cue = None
        if words:
            last = words[-1]
            if not stripped[stripped.rfind(last) + len(last) :].strip(" ,"):
                cue = self.cue_words.get(last.lower())
        char = stripped[-1]
        if not char.isalpha():
            return (char if char in _MARKS else "#"), cue
        if not words:
            return "#", cue
        lower = words[-1].lower()
        if lower == "to" and stripped.lower().endswith("according to"):
            return "according_to", cue
        return _word_class(words[-1], lower), cue

    def _right_of(self, position: int) -> tuple[str, str | None]:
        """What stands after `position`: a mark, a function word or a word's shape, and
        the learned cue class of the word there (over linking words and adverbs)."""
        window = self.text[position : position + 40]
        stripped = window.lstrip()
        if not stripped:
            return "nl", None
        words = _WORD.findall(stripped)
        cue = None
        if words and not stripped[: stripped.find(words[0])].strip():
            for word in words[:3]:
                lower = word.lower()
                if lower in self.cue_words:
                    cue = self.cue_words[lower]
                    break
                if lower not in _LINKING and not lower.endswith("ly"):
                    break
        char = stripped[0]
        if not char.isalpha():
            return (char if char in _MARKS else "#"), cue
        if not words:
            return "#", cue
        return _word_class(words[0], words[0].lower()), cue

    def _features(
        self,
        candidate: Candidate,
        facts: _Facts,
        side: str,
        rank: int,
        start: int,
        end: int,
        sentences: tuple[int, int],
        previous: Previous | None,
    ) -> tuple[list[str], float]:
        """A candidate's features that depend on the quote (`facts` has the rest), and
        the sum of their weights."""
        text = self.text
        speaker = candidate.speaker
        if side == "b":
            gap = len(text[speaker.end : start].split()) if start - speaker.end < 600 else 99
        else:
            gap = len(text[end : speaker.start].split()) if speaker.start - end < 600 else 99
        sentence = facts.sentence
        first, last = sentences
        relation = (
            "same"
            if first <= sentence <= last
            else "prev"
            if sentence == first - 1
            else "next"
            if sentence == last + 1
            else "far"
        )
        situation = _Situation(
            side,
            facts.kind,
            relation,
            _bucket(gap, (0, 1, 2, 4, 8, 16, 32)),
            rank,
            tuple(candidate.rules),
            None if previous is None else _bucket(previous.words, (2, 4, 12)),
            previous is not None and bool(speaker.name) and speaker.name == previous.speaker.name,
            speaker.name is not None and speaker.name in self.spoken_names,
        )
        return self.ranker.weighed(situation, _Situation.features)


class _Situation(NamedTuple):
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
        side, kind = self.side, self.kind
        features = [
            f"s={side}{self.relation}",
            f"k={kind}|s={side}{self.relation}",
            f"d={side}{self.gap}",
            f"o={side}{self.rank}",
        ]
        for rule in self.rules:
            features.append(f"r={rule}")
            features.append(f"r={rule}|k={kind}")
            if self.previous_length is not None and rule in ("follows", "continues", "previous"):
                features.append(f"r={rule}|pl{self.previous_length}")
        if self.same_as_previous:
            features.append("same_as_previous")
        if self.spoke_before:
            features.append("spoke_before")
        return features


class _Context(NamedTuple):
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


class _Shape(NamedTuple):
    """The shape of a quote (`CandidateFinder._quote_shape`), seen from one side."""

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


def _kind(speaker: Speaker) -> str:
    lower = speaker.text.lower()
    if lower in _PRONOUNS:
        return lower
    if speaker.kind in ("person", "org", "place") and speaker.text[:1].isupper():
        return speaker.kind
    first = lower.split()[0] if lower else ""
    if first in _DETERMINERS:
        return "role"
    return "cap" if speaker.text[:1].isupper() else "low"


def _word_class(word: str, lower: str) -> str:
    """A word next to a candidate: itself if it is a function word, else its shape."""
    if lower in _FUNCTION_WORDS:
        return lower
    if lower.endswith(("’s", "'s")):
        return "poss"
    return "Cap" if word[0].isupper() else "low"


class _Add(Protocol):
    """The `add` callback of `CandidateFinder.candidates`."""

    def __call__(
        self, speaker: Speaker | None, rule: str, cue: str | None = None, only_mark: bool = False
    ) -> None: ...
