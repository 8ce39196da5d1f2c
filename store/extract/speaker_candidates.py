"""The candidate speakers of a quote, each with the cheap features the speaker model weighs.

Candidates are what the rules see (the cue rules' speakers, the speaker of the
quote before, the subject of the sentence or paragraph before) and every other
name, pronoun and subject of a cue word near the quote. Features are strings:
the kind of candidate, which side of the quote and how far, the words around
it, the cue next to it, which rules proposed it, and the shape of the quote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Protocol

from store.extract.cue_rules import CueRules
from store.extract.entities import Mention, People
from store.extract.speaker_model import LinearModel
from store.extract.speakers import Speaker

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
# How far around a quote candidates are looked for (characters).
_BEFORE_REACH = 400
_AFTER_REACH = 250


@dataclass
class Candidate:
    """A possible speaker of a quote and what the model knows about it."""

    speaker: Speaker
    rules: list[str] = field(default_factory=list)
    cue: str | None = None
    features: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Previous:
    """The last quote that was given a speaker."""

    start: int
    end: int
    speaker: Speaker
    cue: str | None
    words: int


def _bucket(value: int, edges: tuple[int, ...]) -> int:
    for index, edge in enumerate(edges):
        if value <= edge:
            return index
    return len(edges)


class CandidateFinder(CueRules):
    """Candidate speakers for the quotes of one article."""

    def __init__(
        self,
        text: str,
        mentions: list[Mention],
        people: People,
        spans: list[tuple[int, int]],
        cue_words: dict[str, str],
        pronoun_model: LinearModel | None = None,
    ) -> None:
        super().__init__(text, mentions, people)
        self.spans = spans
        self.set_quoted(spans)
        self.cue_words = cue_words
        self.pronoun_model = pronoun_model
        self.spoken_names: set[str] = set()
        # The subject and object of each cue word, by its offset: every quote near it asks.
        self._chunks: dict[int, tuple[Speaker | None, Speaker | None]] = {}

    def _sentence_index(self, position: int) -> int:
        return bisect_right(self.sentence_starts, position) - 1

    def candidates(self, index: int, previous: Previous | None) -> list[Candidate]:
        """The candidate speakers of quote `index`, with their features."""
        start, end = self.spans[index]
        following = self.spans[index + 1] if index + 1 < len(self.spans) else None
        found: list[Candidate] = []

        def add(speaker: Speaker | None, rule: str, cue: str | None = None) -> None:
            if speaker is None:
                return
            for candidate in found:
                old = candidate.speaker
                if old.start < speaker.end and speaker.start < old.end:
                    if rule not in candidate.rules:
                        candidate.rules.append(rule)
                    candidate.cue = candidate.cue or cue
                    return
            found.append(Candidate(speaker, [rule], cue))

        for proposal in self.proposals(start, end, following):
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
        quote_features = self._quote_features(start, end, alone)
        for side in ("b", "a"):
            on_side = [c for c in found if (c.speaker.start < start) == (side == "b")]
            on_side.sort(key=lambda c: -c.speaker.end if side == "b" else c.speaker.start)
            for rank, candidate in enumerate(on_side):
                candidate.features = self._features(
                    candidate, side, min(rank, 3), start, end, previous, quote_features[side]
                )
        return found

    def _nearby(self, start: int, end: int, add: _Add) -> None:
        """Names, pronouns and subjects of cue words in the sentences around the quote."""
        text = self.text
        first = self._sentence_index(start)
        window_start = self.sentence_starts[max(first - 1, 0)]
        window_start = max(window_start, start - _BEFORE_REACH)
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
        for mention in self.mentions_in(window_start, window_end):
            if mention.kind in ("person", "org", "place") and not self.inside_quote(mention.start):
                add(Speaker(mention.start, mention.end, mention.text, mention.name, mention.kind),
                    "name")  # fmt: skip
        words = [
            word
            for segment_start, segment_end in self._unquoted(window_start, window_end)
            for word in _WORD.finditer(text, segment_start, segment_end)
        ]
        cue_words = self.cue_words
        for position, word in enumerate(words):
            lower = word.group().lower()
            if lower not in _PRONOUNS and lower not in cue_words:
                continue
            if lower in _PRONOUNS and (lower != "i" or word.group() == "I"):
                add(self.speaker(word.start(), word.end()), "pronoun")
            elif position > 0:
                key = word.start()
                if key not in self._chunks:
                    subject = self._subject_chunk(words, position)
                    more = position + 1 < len(words)
                    after = self._object_chunk(words, position) if more else None
                    self._chunks[key] = (subject, after)
                subject, after = self._chunks[key]
                add(subject, "cue_subject")
                add(after, "cue_object")

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

    def _subject_chunk(self, words: list[re.Match[str]], cue: int) -> Speaker | None:
        """The words before a cue word that name who speaks: `former employees have called`."""
        index = cue - 1
        while index >= 0 and words[index].group().lower() in _LINKING:
            index -= 1
        if index < 0 or not self._joined(words, index, cue - (cue - index > 1)):
            return None
        head = words[index]
        if head.group().lower() in _FUNCTION_WORDS and head.group().lower() not in _PRONOUNS:
            return None
        first = index
        while (
            first > 0
            and index - first < 3
            and words[first - 1].group().lower() not in _FUNCTION_WORDS
            and self._joined(words, first - 1, first)
        ):
            first -= 1
        determiner = first > 0 and words[first - 1].group().lower() in _DETERMINERS
        if determiner and self._joined(words, first - 1, first):
            first -= 1
        return self._chunk(words[first].start(), head.end())

    def _object_chunk(self, words: list[re.Match[str]], cue: int) -> Speaker | None:
        """The words after a cue word: `said a senior official`, `said Giles`."""
        first = cue + 1
        if not self._joined(words, cue, first):
            return None
        last = first
        opener = words[first].group()
        if opener.lower() not in _DETERMINERS and not opener[0].isupper():
            return None
        while (
            last + 1 < len(words)
            and last - first < 3
            and words[last + 1].group().lower() not in _FUNCTION_WORDS
            and self._joined(words, last, last + 1)
        ):
            last += 1
        return self._chunk(words[first].start(), words[last].end())

    def _joined(self, words: list[re.Match[str]], left: int, right: int) -> bool:
        """Whether only spaces stand between two words (no punctuation, no quote)."""
        return not self.text[words[left].end() : words[right].start()].strip()

    def _chunk(self, start: int, end: int) -> Speaker:
        named = self.mentions_in(start, end)
        if named:
            m = named[-1]
            return Speaker(m.start, m.end, m.text, m.name, m.kind)
        phrase = self.text[start:end]
        return Speaker(start, end, phrase, None, None)

    def _quote_features(self, start: int, end: int, alone: bool) -> dict[str, list[str]]:
        """What the shape of the quote says, to be joined with the candidate's side."""
        text = self.text
        words = len(text[start:end].split())
        length = f"ql{_bucket(words, (2, 5, 12, 30))}"
        inner = text[end - 1 : end]
        last = "," if inner == "," else "." if inner in ".!?" else "w"
        closing = text[end : end + 2].lstrip("”\"'’ ")[:1]
        after = closing if closing in ",.:;—-(" else "w" if closing.isalpha() else "x"
        paragraph_start = text.rfind("\n", 0, start) + 1
        opens = not text[paragraph_start:start].strip(" “\"'‘")
        shape = [length, f"qi{last}", f"qa{after}", f"qo{opens}", f"alone{alone}"]
        return {side: [f"{side}|{s}" for s in shape] for side in ("b", "a")}

    def _features(
        self,
        candidate: Candidate,
        side: str,
        rank: int,
        start: int,
        end: int,
        previous: Previous | None,
        quote_features: list[str],
    ) -> list[str]:
        text = self.text
        speaker = candidate.speaker
        kind = _kind(speaker)
        if side == "b":
            gap = len(text[speaker.end : start].split()) if start - speaker.end < 600 else 99
        else:
            gap = len(text[end : speaker.start].split()) if speaker.start - end < 600 else 99
        sentence = self._sentence_index(speaker.start)
        first, last = self._sentence_index(start), self._sentence_index(max(end - 1, start))
        relation = (
            "same"
            if first <= sentence <= last
            else "prev"
            if sentence == first - 1
            else "next"
            if sentence == last + 1
            else "far"
        )
        before = _word_class(text[max(0, speaker.start - 20) : speaker.start], last_word=True)
        after = _word_class(text[speaker.end : speaker.end + 20], last_word=False)
        at_start = not text[self.sentence_starts[sentence] : speaker.start].strip(" “\"'‘(")
        features = [
            f"k={kind}",
            f"s={side}{relation}",
            f"k={kind}|s={side}{relation}",
            f"d={side}{_bucket(gap, (0, 1, 2, 4, 8, 16, 32))}",
            f"o={side}{rank}",
            f"p={before}",
            f"n={after}",
            f"k={kind}|n={after}",
            f"k={kind}|p={before}",
            *quote_features,
        ]
        if at_start:
            features.append(f"start|{side}")
        for rule in candidate.rules:
            features.append(f"r={rule}")
            features.append(f"r={rule}|k={kind}")
            if previous is not None and rule in ("follows", "continues", "previous"):
                features.append(f"r={rule}|pl{_bucket(previous.words, (2, 4, 12))}")
        cue_after = self._cue_near(speaker.end, forward=True)
        if cue_after:
            features += [f"cn={cue_after}", f"cn={cue_after}|{side}", f"k={kind}|cn"]
        cue_before = self._cue_near(speaker.start, forward=False)
        if cue_before:
            features += [f"cp={cue_before}", f"cp={cue_before}|{side}", f"k={kind}|cp"]
        if previous is not None and speaker.name and speaker.name == previous.speaker.name:
            features.append("same_as_previous")
        if speaker.name is not None and speaker.name in self.spoken_names:
            features.append("spoke_before")
        return features

    def _cue_near(self, position: int, *, forward: bool) -> str | None:
        """The learned cue class of the word next to `position` (over linking words)."""
        text = self.text
        if forward:
            window = text[position : position + 40]
            first = _WORD.search(window)
            if first is None or window[: first.start()].strip():
                return None
            words = _WORD.findall(window)[:3]
        else:
            window = text[max(0, position - 30) : position]
            words = _WORD.findall(window)[-1:]
            if not words or window[window.rfind(words[0]) + len(words[0]) :].strip(" ,"):
                return None
        for word in words:
            lower = word.lower()
            if lower in self.cue_words:
                return self.cue_words[lower]
            if lower not in _LINKING and not lower.endswith("ly"):
                return None
        return None


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


def _word_class(window: str, *, last_word: bool) -> str:
    """The word next to a candidate, if it is a function word, else its shape."""
    stripped = window.rstrip() if last_word else window.lstrip()
    if not stripped:
        return "nl"
    char = stripped[-1] if last_word else stripped[0]
    if not char.isalpha():
        return char if char in ",.:;(—“”\"’'" else "#"
    words = _WORD.findall(stripped)
    word = (words[-1] if last_word else words[0]) if words else ""
    if not word:
        return "#"
    lower = word.lower()
    if lower == "to" and stripped.lower().endswith("according to"):
        return "according_to"
    if lower in _FUNCTION_WORDS:
        return lower
    if lower.endswith(("’s", "'s")):
        return "poss"
    return "Cap" if word[0].isupper() else "low"


class _Add(Protocol):
    """The `add` callback of `CandidateFinder.candidates`."""

    def __call__(self, speaker: Speaker | None, rule: str, cue: str | None = None) -> None: ...
