"""Who said what: quoted passages and the speakers they are attributed to.

Quotes are found paragraph by paragraph (`quote_marks`). For each quote the
rules and the article's names give candidate speakers (`speaker_candidates`):
the speaker a cue names (`,” Putin said`, `The diplomat said:`), the speaker
of the quote before, the subject of the sentence or paragraph before, every
name, pronoun and cue subject nearby; a model trained on PolNeAR
(`speaker_model`) ranks them, and the best becomes the speaker with the
model's confidence, unless the model is too unsure to name anyone. A pronoun
speaks for the person it resolves to, a role (`the diplomat`) for the last
person given that title, an unnamed source (`a senior official`) for no one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum

from store.extract.cue_rules import PASSING_ON
from store.extract.documents import document_issuer
from store.extract.entities import Mention, People
from store.extract.epithets import DESCRIBED, organisation_holder
from store.extract.lexicon import lexicon
from store.extract.pronouns import speaking_organisation
from store.extract.quote_marks import quote_spans
from store.extract.speaker_candidates import CandidateFinder
from store.extract.speaker_features import PREVIOUS_LENGTH_BUCKETS
from store.extract.speaker_model import SpeakerModel, probability, speaker_model
from store.extract.speaker_scores import Candidate, Previous, speech_probability
from store.extract.speaker_words import COURTESY, may_name_someone
from store.extract.speakers import Speaker
from store.extract.tokens import Tokens


class AttributionMethod(StrEnum):
    """How a quote's speaker was found."""

    NONE = "none"
    CUE = "cue"
    """A cue names the speaker: `,” Putin said`, `According to Reuters`."""
    PRONOUN = "pronoun"
    """A cue names a pronoun, which stands for the person resolved."""
    ROLE = "role"
    """A cue names a role (`the minister`), a group or a document (`the report`)."""
    CONTINUATION = "continuation"
    """The speaker of the quote before: a split or continued quote."""
    SUBJECT = "subject"
    """The subject of the sentence, or the person the paragraph before is about."""
    NEARBY = "nearby"
    """A name or pronoun close to the quote that no rule pointed at."""

    @classmethod
    def parse(cls, value: object) -> AttributionMethod:
        """The method a stored value names; NONE for anything else (another tool's)."""
        return cls(value) if value in _VALUES else cls.NONE

    @property
    def display_name(self) -> str:
        return _DISPLAY[self]


_VALUES = frozenset(method.value for method in AttributionMethod)
_DISPLAY = {
    AttributionMethod.NONE: "no speaker",
    AttributionMethod.CUE: "named by a cue",
    AttributionMethod.PRONOUN: "a pronoun, resolved",
    AttributionMethod.ROLE: "a role or source",
    AttributionMethod.CONTINUATION: "the quote before",
    AttributionMethod.SUBJECT: "the sentence's subject",
    AttributionMethod.NEARBY: "a name nearby",
}
_CUE_RULES = {
    "after", "after_outlet", "after_other_clause", "before", "colon", "label", "split", "reported"
}  # fmt: skip
_CONTINUATION_RULES = {"follows", "continues", "previous"}
_SUBJECT_RULES = {"paragraph", "subject", "previous_subject", "antecedent"}
_PRONOUNS = {"he", "she", "him", "her", "they", "it", "we", "i", "you", "who"}
# A speaker named with less confidence than this is not named. On PolNeAR train (each
# article scored by the fold model that did not see it), 85% of such guesses named the
# wrong source or someone for words no one is quoted saying (a scare quote, a title);
# they held 2% of the right speakers. No speaker is better than a wrong one. (The
# confidence counts the speech model since 2026-11-29; the floor was 0.2 before it.)
SPEAKER_FLOOR = 0.15


@dataclass(frozen=True)
class Quote:
    """A quoted passage and who said it; offsets are into the article's text."""

    start: int
    end: int
    text: str
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_name: str | None
    speaker_kind: str | None
    cue: str | None
    method: str = AttributionMethod.NONE
    """How the speaker was found: an `AttributionMethod`."""
    confidence: float | None = None
    """The speaker model's probability that the speaker is right."""


@dataclass(slots=True)
class Attribution:
    """One quote, its candidate speakers and the one chosen (what training reads)."""

    start: int
    end: int
    candidates: list[Candidate]
    chosen: Candidate | None
    confidence: float | None


def extract_quotes(
    text: str,
    mentions: list[Mention],
    people: People,
    model: SpeakerModel | None = None,
    tokens: Tokens | None = None,
) -> list[Quote]:
    """Every quoted passage in `text`, attributed where the text says who spoke.

    `tokens` are the text's tokens from the entity pass, when it has them (else they
    are made again)."""
    quotes = []
    # The article's names, and their last words: `Cuban` speaks for Mark Cuban.
    names = {mention.name for mention in mentions}
    names |= {name.rsplit(" ", 1)[-1] for name in names}
    for found in attribute(text, mentions, people, model or speaker_model(), tokens):
        chosen, confidence = found.chosen, found.confidence
        if confidence is not None and confidence < SPEAKER_FLOOR:
            chosen, confidence = None, None
        speaker = _named_speaker(text, chosen.speaker, mentions) if chosen else None
        speaker = speaker.for_government() if speaker else None
        name = speaker.name if speaker else None
        if speaker and name and name not in names and not may_name_someone(name):
            # Words before a cue that the article names as no one (`But Ms`, `Overall,
            # B&B`, `Austrian`): the quote keeps them, and no entity is made of them.
            speaker = replace(speaker, name=None, kind=None)
        quotes.append(
            Quote(
                found.start,
                found.end,
                text[found.start : found.end],
                speaker.text if speaker else None,
                speaker.start if speaker else None,
                speaker.end if speaker else None,
                speaker.name if speaker else None,
                speaker.kind if speaker else None,
                chosen.cue if chosen else None,
                _method(chosen),
                confidence,
            )
        )
    return quotes


def attribute(
    text: str,
    mentions: list[Mention],
    people: People,
    model: SpeakerModel,
    tokens: Tokens | None = None,
    *,
    exhaustive: bool = False,
) -> Iterator[Attribution]:
    """Each quote of `text` in order, with its candidates and the one the model
    ranks first; a quote's speaker is a candidate of the quotes after it.

    `exhaustive`: every candidate of every quote, as training needs (extraction takes
    a named speaker in the cue right after a quote without looking further)."""
    spans = quote_spans(text)
    if not spans:
        return
    finder = CandidateFinder(
        text, mentions, people, spans, model.cue_words, model.speakers, model.pronouns, tokens,
        exhaustive,
    )  # fmt: skip
    previous: Previous | None = None
    previous_confidence: float | None = None
    unnamed: Speaker | None = None
    for index, (start, end) in enumerate(spans):
        candidates = finder.candidates(index, previous)
        chosen, confidence = None, None
        best = float("-inf")
        for candidate in candidates:
            if candidate.score > best:
                chosen, best = candidate, candidate.score
        quotation = _quotation_runs_on(finder, previous, previous_confidence, start, candidates)
        if quotation is not None and not (chosen and _CUE_RULES.intersection(chosen.rules)):
            # The next paragraph of the quotation before, with no cue of its own: the
            # quotation's speaker, as sure as before.
            chosen, confidence = quotation, previous_confidence
        elif chosen is not None:
            chosen = _speaker_passed_on(chosen, candidates)
            # The ranker's probability is that of the speaker among the candidates of
            # words someone spoke; the speech model's, that these words are such.
            speech = speech_probability(model.speech, text, start, end, chosen)
            confidence = round(probability(chosen.score) * speech, 3)
        if chosen is not None:
            # `A Chinese journalist said …. "…," he said`: he is the journalist; and
            # `"…," a senior official said. "…," he added`: he is the official.
            someone = _unnamed_for(chosen.speaker, finder, unnamed)
            if someone is not None:
                chosen = replace(chosen, speaker=someone)
        yield Attribution(start, end, candidates, chosen, confidence)
        if chosen is not None:
            previous_confidence = confidence
            speaker = chosen.speaker
            words = len(text[start:end].split(maxsplit=PREVIOUS_LENGTH_BUCKETS[-1]))
            previous = Previous(start, end, speaker, chosen.cue, words)
            if speaker.kind == "person" and speaker.name:
                finder.last_speaker = speaker.name
                finder.unnamed_speaker_at, unnamed = None, None
                finder.spoken.append((start, speaker.name))
                finder.spoken_names.add(speaker.name)
            elif _unnamed_person(speaker):
                finder.last_speaker = None
                finder.unnamed_speaker_at, unnamed = end, speaker


# What stands between an abbreviated title and the name it titles: `Sen. `, `Lt. Gov. `.
_AFTER_TITLE = re.compile(r"\.(?:\s+[A-Z][a-z]{0,3}\.)*\s+")


def _named_speaker(text: str, speaker: Speaker, mentions: list[Mention]) -> Speaker:
    """Who a speaker phrase that names no one stands for: `it` the organisation that
    spoke last (`pronouns.speaking_organisation`); `the company` the one named just
    before (`epithets.organisation_holder`); `the report` whoever issued it, named where
    the article first wrote of it (`documents.document_issuer`: `a World Bank report`,
    `Oxfam says in a report`); a phrase cut short at the stop of an
    abbreviated title (`said Sen. Barbara Mikulski`: `Sen`) the person it titles. An
    organisation or a place that titles the person after it (`EEF chief economist, Steve
    Radley`), or says where the person before it is from (`Gov. Jeb Bush of Florida
    said`), is that person."""
    if speaker.kind in ("place", "org"):
        return _titled_person(text, speaker, mentions) or _person_of_place(text, speaker, mentions)
    if speaker.name or speaker.kind:
        return speaker
    if speaker.text.lower() == "it":
        named = speaking_organisation(text, mentions, speaker.start)
    else:
        words = speaker.text.split()
        named = organisation_holder(text, mentions, speaker.start, words) or document_issuer(
            text, mentions, speaker.start, words
        )
    if named is not None:
        # The speaker's words stay (`the company`, `the report`); the name is whom they name.
        return replace(speaker, name=named.name, kind=named.kind)
    title = speaker.text.rsplit(" ", 1)[-1].lower() + "."
    after = _AFTER_TITLE.match(text, speaker.end)
    if after is None or title not in lexicon().titles:
        return speaker
    index = bisect_left(mentions, after.end(), key=lambda mention: mention.start)
    named = mentions[index] if index < len(mentions) else None
    if named is None or named.start != after.end() or named.kind != "person":
        return speaker
    return Speaker(named.start, named.end, named.text, named.name, named.kind)


# Up to four words, the last a title, between an organisation and the person it titles,
# all lowercase or all capitalised: ` chief economist, `, ` Communications Director `
# (not ` said Prime Minister `, where the organisation spoke of someone).
_TITLE_WORDS = re.compile(r"((?:\s+[a-z][a-z-]*){1,4}|(?:\s+[A-Z][a-z-]*){1,4})\s*,?\s+")


def _titled_person(text: str, speaker: Speaker, mentions: list[Mention]) -> Speaker | None:
    """The person an organisation's or a place's title names right after it: `said EEF
    chief economist, Steve Radley`, `White House spokesman Josh Earnest said`."""
    index = bisect_left(mentions, speaker.end, key=lambda mention: mention.start)
    person = mentions[index] if index < len(mentions) else None
    if person is None or person.kind != "person":
        return None
    words = _TITLE_WORDS.fullmatch(text, speaker.end, person.start)
    if words is None:
        return None
    title = words.group(1).split()[-1].lower()
    if title not in lexicon().titles or title in COURTESY:
        # `one GOP official supporting Trump`; `UKIP officials argue Mr Kilroy-Silk`
        return None
    return Speaker(person.start, person.end, person.text, person.name, person.kind)


# ` of ` before a place that says where the person before it is from.
_OF = re.compile(r"\s+of\s+")


def _person_of_place(text: str, speaker: Speaker, mentions: list[Mention]) -> Speaker:
    index = bisect_left(mentions, speaker.start, key=lambda mention: mention.start) - 1
    person = mentions[index] if index >= 0 else None
    if person is None or person.kind != "person":
        return speaker
    of = _OF.match(text, person.end)
    if of is None or of.end() != speaker.start:
        return speaker
    return Speaker(person.start, person.end, person.text, person.name, person.kind)


def _quotation_runs_on(
    finder: CandidateFinder,
    previous: Previous | None,
    previous_confidence: float | None,
    start: int,
    candidates: list[Candidate],
) -> Candidate | None:
    """The candidate that is the speaker of the quote before, when this quote is the
    next paragraph of the same quotation (`CueRules.runs_on`), or would be had the
    paragraphs not been joined (`runs_on_joined`: BBC's `“A. “B. “C.`).

    Joined paragraphs run on only from a quote given a speaker; after one the model
    left unnamed, each keeps its own attribution. (Where the paragraphs are still
    apart, PolNeAR train says the other: a quotation left unnamed stays unnamed. Of its
    quotes that would be named instead, none would be right.)"""
    if previous is None:
        return None
    named = previous_confidence is not None and previous_confidence >= SPEAKER_FLOOR
    runs_on = finder.runs_on(previous.end, start) or (
        named and finder.runs_on_joined(previous.end, start)
    )
    if not runs_on:
        return None
    return next((c for c in candidates if c.speaker == previous.speaker), None)


def _speaker_passed_on(chosen: Candidate, candidates: list[Candidate]) -> Candidate:
    """The person whose words an outlet passes on, where the model chose the outlet:
    `Putin said it was “regrettable…,” Sputnik reported`, `the BBC states that Putin
    refuses to “stoop”`. Who said what is who spoke the words. (PolNeAR names the
    outlet: 4 of its 6,240 train quotes, and rarer than that in news at large.)"""
    if chosen.speaker.kind != "org" or chosen.cue not in PASSING_ON:
        return chosen
    for candidate in candidates:
        named_by_a_cue = not {"before", "colon", "reported"}.isdisjoint(candidate.rules)
        # (A person who reports in turn passes the words on too.)
        speaks = candidate.speaker.kind == "person" and candidate.cue not in PASSING_ON
        if named_by_a_cue and speaks:
            return candidate
    return chosen


def _method(chosen: Candidate | None) -> AttributionMethod:
    if chosen is None:
        return AttributionMethod.NONE
    rules = set(chosen.rules)
    if rules & _CONTINUATION_RULES and not rules & _CUE_RULES:
        return AttributionMethod.CONTINUATION
    if rules & _CUE_RULES or "cue_subject" in rules or "cue_object" in rules:
        speaker = chosen.speaker
        if speaker.text.lower() in _PRONOUNS:
            return AttributionMethod.PRONOUN
        if speaker.kind is None or speaker.text[:1].islower() or speaker.text != speaker.name:
            first = speaker.text.split()[0].lower() if speaker.text else ""
            if speaker.kind is None or first in _ROLE_OPENERS:
                return AttributionMethod.ROLE
        return AttributionMethod.CUE
    if rules & _SUBJECT_RULES:
        return AttributionMethod.SUBJECT
    return AttributionMethod.NEARBY


_ROLE_OPENERS = {"the", "a", "an", "his", "her", "their", "its", "one", "another", "some"}


def _unnamed_for(
    speaker: Speaker, finder: CandidateFinder, unnamed: Speaker | None
) -> Speaker | None:
    """Whom `he` or `she` stands for when no one named: someone unnamed who opens the
    sentence before (`finder.unnamed_subject`), else the unnamed speaker of the quote
    before (no person named since)."""
    if speaker.name is not None or speaker.text.lower() not in ("he", "she"):
        return None
    subject = finder.unnamed_subject(speaker.start)
    if subject is not None and (unnamed is None or subject.start > unnamed.start):
        return subject
    if unnamed is not None and finder.after_unnamed_speaker(speaker.start):
        return unnamed
    return None


def _unnamed_person(speaker: Speaker) -> bool:
    """A speaker described by a role, not named (`a senior official`, `an aide`)."""
    if speaker.name is not None:
        return False
    words = [word.lower().strip(",.") for word in speaker.text.split()]
    titles = lexicon().titles
    return len(words) >= 2 and words[0] in DESCRIBED and any(word in titles for word in words[1:])
