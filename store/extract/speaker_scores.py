"""The speaker model's score of each candidate speaker of a quote: the features of
speaker_features.py gathered for each candidate, with what repeats from quote to quote
made once (`CandidateScorer`, one per article)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from store.extract.speaker_features import (
    GAP_BUCKETS,
    PREVIOUS_LENGTH_BUCKETS,
    bucket,
    context_features,
    kind_of,
    left_of,
    placement_features,
    proposal_features,
    quote_shape,
    right_of,
    shape_features,
    speech_features,
)
from store.extract.speaker_model import LinearModel, probability
from store.extract.speakers import Speaker


@dataclass(slots=True)
class Candidate:
    """A possible speaker of a quote and what the model knows about it."""

    speaker: Speaker
    rules: list[str] = field(default_factory=list)
    cue: str | None = None
    features: list[str] = field(default_factory=list)
    score: float = 0.0
    """The speaker model's score (its logit)."""
    parts: tuple[list[str], ...] = ()
    """The groups of features the score sums (what `features` joins, when kept)."""


@dataclass(slots=True)
class Previous:
    """The last quote that was given a speaker."""

    start: int
    end: int
    speaker: Speaker
    cue: str | None
    words: int
    """How many words the quote has, counted no further than its length bucket needs."""


# `Situation`'s fields, as a plain tuple.
_Situation = tuple[str, str, str, int, int, tuple[str, ...], int | None, bool, bool]


@dataclass(slots=True)
class _Facts:
    """What a candidate's features say of it whatever the quote."""

    kind: str
    sentence: int
    around: tuple[str, str, str | None, str | None, bool]
    """What stands around it: `Context` without the side and the kind."""
    sides: dict[str, tuple[list[str], float]] = field(default_factory=dict)
    """Side of the quote (`b`efore, `a`fter) → the features and their weights' sum, for
    the sides asked about (most candidates stand on one side of every quote near them)."""


class CandidateScorer:
    """Scores the candidates of the quotes of one article."""

    def __init__(
        self,
        text: str,
        sentence_starts: list[int],
        cue_words: dict[str, str],
        ranker: LinearModel,
        exhaustive: bool,
    ) -> None:
        self.text = text
        self.sentence_starts = sentence_starts
        self.cue_words = cue_words
        self.ranker = ranker
        self.exhaustive = exhaustive
        """Give every candidate its features (training reads them)."""
        # What each candidate's features say of it whatever the quote, by speaker.
        self._facts: dict[tuple[int, int, str | None], _Facts] = {}

    def _sentence_index(self, position: int) -> int:
        return bisect_right(self.sentence_starts, position) - 1

    def score(
        self,
        found: list[Candidate],
        start: int,
        end: int,
        previous: Previous | None,
        alone: bool,
        spoken_names: set[str],
    ) -> None:
        """Give each candidate of the quote `text[start:end]` its features and the
        model's score (`spoken_names`: who spoke a quote before)."""
        text = self.text
        weighed = self.ranker.weighed
        # The groups most candidates share are in the memo: looked up here, and weighed
        # (once) by `weighed` only when missing.
        memo = self.ranker.memo
        shape_of = quote_shape(text, start, end, alone)
        first = self._sentence_index(start)
        last = self._sentence_index(max(end - 1, start))
        # What the quote before says of every candidate: the same for all of them.
        previous_length = (
            None if previous is None else bucket(previous.words, PREVIOUS_LENGTH_BUCKETS)
        )
        previous_name = None if previous is None else previous.speaker.name
        facts_by_speaker = self._facts
        before = [c for c in found if c.speaker.start < start]
        after = [c for c in found if c.speaker.start >= start]
        before.sort(key=lambda c: -c.speaker.end)
        after.sort(key=lambda c: c.speaker.start)
        for side, on_side in (("b", before), ("a", after)):
            if not on_side:
                continue
            shape, shape_score = weighed((side, *shape_of), shape_features)
            shape_score += self.ranker.bias
            for rank, candidate in enumerate(on_side):
                speaker = candidate.speaker
                facts = facts_by_speaker.get((speaker.start, speaker.end, speaker.kind))
                if facts is None:
                    facts = self._facts_of(speaker)
                sided = facts.sides.get(side)
                if sided is None:
                    context = (side, facts.kind, *facts.around)
                    sided = facts.sides[side] = weighed(context, context_features)
                common, common_score = sided
                # `Situation`'s fields, as a plain tuple (cheaper to make; the memo finds
                # it the same): the features that depend on the quote. The relation is
                # where the candidate's sentence stands from the quote's, first to last.
                sentence = facts.sentence
                gap_start, gap_end = (speaker.end, start) if side == "b" else (end, speaker.start)
                # The words between, as far as the last gap bucket (32: past it all are
                # one), and 99 when far apart.
                gap = (
                    len(text[gap_start:gap_end].split(maxsplit=33))
                    if gap_end - gap_start < 600
                    else 99
                )
                name = speaker.name
                situation: _Situation = (
                    side,
                    facts.kind,
                    "same"
                    if first <= sentence <= last
                    else "prev"
                    if sentence == first - 1
                    else "next"
                    if sentence == last + 1
                    else "far",
                    bisect_left(GAP_BUCKETS, gap),
                    rank if rank < 3 else 3,
                    tuple(candidate.rules),
                    previous_length,
                    bool(name) and name == previous_name,
                    name is not None and name in spoken_names,
                )
                own, own_score = memo.get(situation) or self._weigh_situation(situation)
                candidate.parts = (common, own, shape)
                if self.exhaustive:
                    candidate.features = common + own + shape
                candidate.score = shape_score + common_score + own_score

    def _weigh_situation(self, situation: _Situation) -> tuple[list[str], float]:
        """The features and weights' sum of a situation not met before, from those of
        its two halves (`Situation.features`), each met far more often."""
        side, kind, relation, gap, rank, rules, previous_length, same, spoke = situation
        ranker = self.ranker
        return ranker.weighed_halves(
            situation,
            ranker.weights_of((side, kind, relation, gap, rank), placement_features),
            ranker.weights_of((kind, rules, previous_length, same, spoke), proposal_features),
        )

    def _facts_of(self, speaker: Speaker) -> _Facts:
        """What a candidate's features say of it whatever the quote (asked by every
        quote near it)."""
        key = (speaker.start, speaker.end, speaker.kind)
        facts = self._facts.get(key)
        if facts is not None:
            return facts
        kind = kind_of(speaker)
        sentence = self._sentence_index(speaker.start)
        before, cue_before = left_of(self.text, speaker.start, self.cue_words)
        after, cue_after = right_of(self.text, speaker.end, self.cue_words)
        at_start = not self.text[self.sentence_starts[sentence] : speaker.start].strip(" “\"'‘(")
        around = (before, after, cue_before, cue_after, at_start)
        facts = self._facts[key] = _Facts(kind, sentence, around)
        return facts


def speech_evidence(text: str, start: int, end: int, chosen: Candidate) -> list[str]:
    """What the speech model weighs for the quote `text[start:end]`: its own features
    (`speech_features`) and those of the candidate chosen as its speaker."""
    found = speech_features(text, start, end)
    for part in chosen.parts:
        found += part
    return found


def speech_probability(
    speech: LinearModel | None, text: str, start: int, end: int, chosen: Candidate
) -> float:
    """The speech model's probability that the quote gives words someone spoke, given
    the candidate chosen (1 without a speech model)."""
    if speech is None:
        return 1.0
    return probability(speech.score(speech_evidence(text, start, end, chosen)))
